"""Regenerate tests/data/key_corpus.tsv: texts with their exact, variant and skeleton keys.

The corpus pins the keys that the current rules of gazetteer.normalize give, with the
KEY_RULES version they were made with (tests/test_normalize.py compares them): a change
of the rules that changes some key must bump KEY_RULES, and then the corpus is made anew:

    python tests/data/make_key_corpus.py [--romanization PATH]

The texts: a fixed sample of the names of the index built from sources/upstream
(gazetteer.build.build_default), the examples of ROMANIZATION.md (shared/ beside the
repository, or --romanization), and the strings of the doctests of gazetteer/normalize.py.
The script imports the gazetteer of this checkout, not an installed one.
"""

from __future__ import annotations

import argparse
import ast
import doctest
import random
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORPUS = HERE / "key_corpus.tsv"
#: Sample sizes from the index's names, by script; the seed keeps the sample when the data is the same.
SAMPLE = {"latin": 560, "arabic": 340, "other": 40}
SEED = 2024
_HEADER_RE = re.compile(r"^# KEY_RULES=(\d+)$")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPE_RE = re.compile(r"\\(\\|t|n|r|u[0-9a-f]{4}|U[0-9a-f]{8})")


def escape(text: str) -> str:
    """A text as one TSV field: backslash, tab and newline escaped, and so are invisible characters."""
    out = []
    for c in text:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or (c.isspace() and c != " "):
            out.append(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return "".join(out)


def unescape(field: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        return {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}.get(code) or chr(int(code[1:], 16))

    return _UNESCAPE_RE.sub(one, field)


def read_corpus(path: Path = CORPUS) -> tuple[int, list[tuple[str, str, str, str]]]:
    """The KEY_RULES value of the corpus and its rows (text, exact, variant, skeleton)."""
    rules = None
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            m = _HEADER_RE.match(line)
            rules = int(m.group(1)) if m else rules
            continue
        text, exact, variant, skeleton = (unescape(f) for f in line.split("\t"))
        rows.append((text, exact, variant, skeleton))
    if rules is None:
        raise ValueError(f"{path}: no '# KEY_RULES=<n>' header line")
    return rules, rows


def _script(text: str) -> str:
    from gazetteer.normalize import letter_scripts

    found = letter_scripts(text)
    if found == {"latin"}:
        return "latin"
    return "arabic" if found == {"arabic"} else "other"


def index_names() -> list[str]:
    """Every distinct name text of the index built from sources/upstream."""
    from gazetteer import load
    from gazetteer.build import build_default

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "default.gzidx"
        build_default(out)
        g = load(out)
        return sorted({n.text for p in g.places() for n in p.names})


def romanization_examples(path: Path) -> list[str]:
    """The `code spans` of ROMANIZATION.md, each split at " / " (several spellings in one span)."""
    text = path.read_text(encoding="utf-8")
    found = []
    for span in re.findall(r"`([^`\n]+)`", text):
        found += [s.strip() for s in span.split(" / ") if s.strip()]
    return found


def doctest_strings() -> list[str]:
    """The string constants in the doctest examples of gazetteer/normalize.py."""
    source = (REPO / "gazetteer" / "normalize.py").read_text(encoding="utf-8")
    docs = [
        ast.get_docstring(node, clean=False) or ""
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
    ]
    found = []
    parser = doctest.DocTestParser()
    for doc in docs:
        for ex in parser.get_examples(doc):
            for node in ast.walk(ast.parse(ex.source)):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found.append(node.value)
    return found


def _sample(names: list[str]) -> list[str]:
    rnd = random.Random(SEED)
    by_script: dict[str, list[str]] = {k: [] for k in SAMPLE}
    for n in names:
        by_script[_script(n)].append(n)
    out = []
    for script, size in SAMPLE.items():
        pool = by_script[script]
        out += rnd.sample(pool, min(size, len(pool)))
    return out


def _unique(texts: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for t in texts:
        if t and t not in seen:
            seen[t] = None
    return list(seen)


def make(romanization: Path | None) -> tuple[int, list[tuple[str, str, str, str]]]:
    sys.path.insert(0, str(REPO))
    from gazetteer.normalize import KEY_RULES, keys

    texts = _sample(index_names())
    if romanization is not None:
        texts += romanization_examples(romanization)
    texts += doctest_strings()
    rows = [(t, *keys(t)) for t in _unique(texts)]
    return KEY_RULES, rows


def write(path: Path, rules: int, rows: list[tuple[str, str, str, str]], sources: str) -> None:
    lines = [
        "# Keys of gazetteer.normalize.keys() for a fixed corpus: text, exact, variant, skeleton (tab-separated,",
        "# \\t \\n \\\\ and invisible characters escaped). Made by tests/data/make_key_corpus.py with the rules below;",
        "# tests/test_normalize.py checks that the current rules give the same keys unless KEY_RULES was bumped.",
        f"# sources: {sources}",
        f"# KEY_RULES={rules}",
    ]
    lines += ["\t".join(escape(f) for f in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = REPO.parent / "shared" / "ROMANIZATION.md"
    ap.add_argument("--romanization", type=Path, default=default if default.is_file() else None)
    ap.add_argument("--output", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    rules, rows = make(args.romanization)
    parts = [f"index of sources/upstream ({sum(SAMPLE.values())} names at most, seed {SEED})"]
    parts += ["ROMANIZATION.md examples"] if args.romanization else []
    parts += ["gazetteer/normalize.py doctests"]
    write(args.output, rules, rows, ", ".join(parts))
    print(f"{args.output}: {len(rows)} texts, KEY_RULES={rules}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
