"""The package's shape: no import cycles, a small façade, the query path apart from the readers, a typed public API."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import gazetteer

PACKAGE = Path(gazetteer.__file__).resolve().parent


def _imports() -> dict[str, set[str]]:
    """Module -> the gazetteer modules it imports anywhere (top level or inside functions, TYPE_CHECKING too)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_init = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_init else parts)
        package = parts[:-1]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - (node.level - 1)]
                    if node.module:
                        deps.add(".".join([*base, node.module]))
                    else:
                        deps.update(".".join([*base, a.name]) for a in node.names)
                elif node.module and node.module.startswith("gazetteer"):
                    deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("gazetteer"))
        graph[name] = deps - {name}
    return {m: {d for d in deps if d in graph} for m, deps in graph.items()}


def test_structure__no_module_defines_a_name_twice() -> None:
    """One definition of each table: a module-level name bound a second time (a constant, a function,
    a class) silently replaces the first for every reader above it, as a second ``_SENTENCE_END_RE``
    once did in ``geoparsing``."""
    twice: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bound = [node.name]
            elif isinstance(node, ast.Assign):
                bound = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
                bound = [node.target.id]
            else:
                continue
            twice += [f"{path.relative_to(PACKAGE)}:{node.lineno} {name}" for name in bound if name in seen]
            seen.update(bound)
    assert twice == []


def test_structure__no_module_imports_one_that_imports_it_back() -> None:
    graph = _imports()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                cycle = [*stack[stack.index(d) :], d]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if d not in state:
                visit(d)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_structure__the_facade_is_small_and_queries_never_import_readers() -> None:
    assert len((PACKAGE / "resolve.py").read_text(encoding="utf-8").splitlines()) < 300
    graph = _imports()
    query_path = ["gazetteer.resolve", "gazetteer.lookup", "gazetteer.rank", "gazetteer.opened", "gazetteer.spot",
                  "gazetteer.geoparsing", "gazetteer.spatial", "gazetteer.browse"]  # fmt: skip
    seen: set[str] = set()
    todo = list(query_path)
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(graph.get(m, ()))
    assert not {m for m in seen if m.startswith("gazetteer.adapters") or m in ("gazetteer.build", "gazetteer.merge")}


def test_structure__import_reads_no_index_and_no_heavy_library() -> None:
    code = (
        "import sys, gazetteer\n"
        "print(sorted(m for m in ('pyarrow', 'pyproj', 'numpy', 'gazetteer.adapters', 'gazetteer.merge') "
        "if m in sys.modules))\n"
        "print(gazetteer.default._default is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)  # fmt: skip
    assert out.stdout.split() == ["[]", "True"], out.stdout + out.stderr


def test_api__every_exported_name_exists_and_public_functions_take_no_kwargs() -> None:
    for name in gazetteer.__all__:
        assert hasattr(gazetteer, name), name
    members = [getattr(gazetteer, n) for n in gazetteer.__all__ if callable(getattr(gazetteer, n))]
    members += [m for _, m in inspect.getmembers(gazetteer.Gazetteer, inspect.isfunction) if not _.startswith("_")]
    for fn in members:
        if inspect.isclass(fn):
            continue
        for p in inspect.signature(fn).parameters.values():
            assert p.kind is not inspect.Parameter.VAR_KEYWORD, f"{fn.__qualname__} takes **{p.name}"
    assert (PACKAGE / "py.typed").is_file()


def test_structure__the_benchmarks_empty_every_cache_a_query_fills() -> None:
    """An "uncached" figure is honest only if every cache keyed by a query's words is emptied:
    each cached function of the package that takes an argument is in ``benchmarks/common.py``'s
    ``QUERY_CACHES`` or here, as keyed by something else than a query."""
    import importlib
    import pkgutil

    sys.path.insert(0, str(PACKAGE.parent / "benchmarks"))
    import common  # type: ignore[import-not-found]

    keyed_otherwise = {
        ("common_words", "_common_words"),  # the language's table
        ("confidence", "_confidence"),  # an evidence bucket
        ("curated", "load_json"),  # a curated file
        ("geo", "_transformer"),  # a CRS
        ("merge", "_cached_text_keys"),  # build time
        ("normalize", "_char_script"),  # one character
        ("spatial", "_ring_offsets"),  # a search ring
    }
    cached = set()
    for info in pkgutil.iter_modules(gazetteer.__path__):
        if info.name == "__main__":
            continue
        module = importlib.import_module(f"gazetteer.{info.name}")
        for name, fn in vars(module).items():
            wrapped = getattr(fn, "__wrapped__", None)
            own = hasattr(fn, "cache_clear") and fn.__module__ == module.__name__ and wrapped is not None
            if own and inspect.signature(wrapped).parameters:
                cached.add((info.name, name))
    assert cached == set(common.QUERY_CACHES) | keyed_otherwise
