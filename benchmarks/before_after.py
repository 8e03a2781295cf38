"""Accuracy before and after a change of the data: two revisions of the library on the same queries.

Issue 16 asks that fixing the merge leave the accuracy "no worse than before". This checks out
two revisions (default: ``b6f7cd0``, the last commit before the merge fixes and the curated
layer, and ``HEAD``), lets each build its own default index from its own ``sources/`` and answer
the same queries through its public API (``benchmarks/revision_answers.py``, in a child process),
and judges both answers with the benchmark's rule (:func:`common.judge`: same id, same GeoNames
id, or within 5 km of the expected place).

The query sets are made twice, once from each revision's places, so that neither side is
judged only on names it alone holds: the seed mentions (targets from the later index), and the
generated sets of ``run.py`` (ambiguous names per governorate, cosmetic spelling variants,
a neighbouring province, foreign towns). Figures per set and revision: answers of ``resolve``
(at the revision's default threshold), right and wrong among them, recall, and the top
candidate's accuracy whatever its confidence; then every query the earlier revision answered
right and the later one does not.

    python benchmarks/before_after.py [--before REV] [--after REV] [--cap N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from common import REPO, Answer, Query, judge, log

sys.path.insert(0, str(REPO))  # the set makers read this tree's normaliser
import evalsets

CHILD = Path(__file__).with_name("revision_answers.py")
BEFORE = "b6f7cd0"  # the merge before the fixes of issue 16 and the curated layer


def checkout(rev: str, into: Path) -> Path:
    """The files of ``rev`` (``git archive``) in ``into/<rev>``."""
    out = into / rev.replace("/", "_")
    out.mkdir(parents=True)
    data = subprocess.run(["git", "archive", rev], cwd=REPO, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12+, 3.11.4+
            tar.extractall(out, filter="data")
        else:  # our own repository's archive
            tar.extractall(out)
    return out


def child(root: Path, args: list[str], cache: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(root), "GAZETTEER_CACHE_DIR": str(cache)}
    env.pop("GAZETTEER_INDEX", None)
    subprocess.run([sys.executable, str(CHILD), *args], cwd=root, env=env, check=True)


def places_of(root: Path, work: Path) -> tuple[str, list[Any]]:
    """A revision's version and places, as the objects the set makers of ``evalsets`` read."""
    out = work / f"{root.name}-places.json"
    child(root, ["places", str(out)], work / f"{root.name}-cache")
    data = json.loads(out.read_text(encoding="utf-8"))
    places = [
        SimpleNamespace(
            id=p["id"],
            geonames_id=p["geonames_id"],
            lat=p["lat"],
            lon=p["lon"],
            kind=p["kind"],
            governorate=SimpleNamespace(pcode=p["gov"]),
            seat=p["seat"],
            seat_of=tuple(p["seat_of"]),
            names=[SimpleNamespace(text=t, flags=tuple(f)) for t, f in p["names"]],
        )
        for p in data["places"]
    ]
    return data["version"], places


class _ById:
    """``g.place(id)`` over a list of places (what :func:`evalsets.seed_queries` asks of an index)."""

    def __init__(self, places: list[Any]) -> None:
        self._by_id = {p.id: p for p in places}

    def place(self, pid: str) -> Any:
        return self._by_id.get(pid)


def query_sets(before: list[Any], after: list[Any], cap: int) -> dict[str, list[Query]]:
    sets: dict[str, list[Query]] = {}
    seed, _problems = evalsets.seed_queries(_ById(after))
    sets["seed"] = seed
    for label, places in (("before", before), ("after", after)):
        sets[f"ambiguous (from {label})"] = evalsets.sample(evalsets.ambiguous_queries(places), cap, "ambiguous")
        for name, make in (
            ("mutated", evalsets.mutated_queries),
            ("neighbour", evalsets.neighbour_province_queries),
            ("foreign", evalsets.foreign_queries),
        ):
            qs = [q for split in ("test", "dev") for q in make(places, split)]
            sets[f"{name} (from {label})"] = evalsets.sample(qs, cap, f"{name}-{label}")
    return sets


def answers_of(root: Path, queries: list[tuple[str, str | None]], work: Path) -> list[dict[str, Any]]:
    qfile, out = work / f"{root.name}-queries.json", work / f"{root.name}-answers.json"
    qfile.write_text(json.dumps(queries), encoding="utf-8")
    child(root, ["answer", str(qfile), str(out)], work / f"{root.name}-cache")
    answers: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
    return answers


def _answer(a: dict[str, Any] | None) -> Answer | None:
    return None if a is None else Answer(a["id"], a["geonames_id"], a["lat"], a["lon"], a["label"])


@dataclass
class Tally:
    queries: int = 0
    positives: int = 0
    answered: int = 0
    right: int = 0  # right answers of resolve (positive queries)
    wrong: int = 0  # answers of resolve that are wrong (any query)
    top_right: int = 0  # the top candidate right, whatever its confidence (positive queries)
    errors: int = 0

    @property
    def precision(self) -> float:
        return (self.answered - self.wrong) / max(1, self.answered)

    @property
    def recall(self) -> float:
        return self.right / max(1, self.positives)

    @property
    def top1(self) -> float:
        return self.top_right / max(1, self.positives)

    def row(self) -> str:
        return (
            f"{self.queries} | {self.answered} | {self.right} | {self.wrong} | {self.precision:.1%} | "
            f"{self.recall:.1%} | {self.top1:.1%} | {self.errors}"
        )


Regression = tuple[str, Query, str, str, str]  # set, query, before's answer, after's answer, why


def judge_all(
    sets: dict[str, list[Query]],
    answers: dict[str, dict[tuple[str, str | None], dict[str, Any]]],
    earlier: dict[str, Any],
    later: dict[str, Any],
) -> tuple[dict[tuple[str, str], Tally], list[Regression]]:
    """Tally each set per revision; list the queries the earlier revision got right and the later not."""
    tallies: dict[tuple[str, str], Tally] = {}
    regressions: list[Regression] = []
    for name, qs in sets.items():
        for q in qs:
            verdicts: dict[str, tuple[bool, str]] = {}
            for rev, by_query in answers.items():
                t = tallies.setdefault((name, rev), Tally())
                a = by_query[(q.text, q.province)]
                t.queries += 1
                positive = bool(q.targets) and "removed" not in q.tags
                t.positives += positive
                if "error" in a:
                    t.errors += 1
                    verdicts[rev] = (False, f"error {a['error']}")
                    continue
                resolved, top = _answer(a["resolve"]), _answer(a["top"])
                right = judge(q, resolved)
                verdicts[rev] = (right, "not found" if resolved is None else f"{resolved.place_id} {resolved.label}")
                if resolved is not None:
                    t.answered += 1
                    t.right += positive and right
                    t.wrong += not right
                t.top_right += positive and judge(q, top)
            (b_right, _), (a_right, a_said) = verdicts[BEFORE_KEY], verdicts[AFTER_KEY]
            if b_right and not a_right:
                why = _why(q, answers[AFTER_KEY][(q.text, q.province)], earlier, later)
                regressions.append((name, q, verdicts[BEFORE_KEY][1], a_said, why))
    return tallies, regressions


BEFORE_KEY, AFTER_KEY = "before", "after"

#: Why a query the earlier revision answered right is not right now, in the order they are tested.
WHY = (
    "target gone: the later merge folded it into another place or dropped it",
    "target moved: the later merge puts it in another governorate",
    "abstains: the later top candidate is right, below the confidence threshold",
    "not found",
    "another place",
)


def _corrected(q: Query, earlier: dict[str, Any], later: dict[str, Any]) -> str:
    """:data:`WHY` 0 or 1 when the later merge dropped or moved every target of ``q``, else ``""``."""
    targets = [(earlier.get(t.place_id), later.get(t.place_id)) for t in q.targets]
    if q.targets and all(p is None for _, p in targets):
        return WHY[0]
    moved = [p is None or (b is not None and b.governorate.pcode != p.governorate.pcode) for b, p in targets]
    if q.targets and all(moved):
        return WHY[1]
    return ""


def _why(q: Query, after: dict[str, Any], earlier: dict[str, Any], later: dict[str, Any]) -> str:
    """Which of :data:`WHY` explains a query the earlier revision got right and the later one not."""
    corrected = _corrected(q, earlier, later)
    if corrected:
        return corrected
    if "error" in after or after["resolve"] is None:
        return WHY[2] if "error" not in after and judge(q, _answer(after["top"])) else WHY[3]
    return WHY[4]


def _totals(tallies: dict[tuple[str, str], Tally]) -> dict[str, Tally]:
    totals = {k: Tally() for k in (BEFORE_KEY, AFTER_KEY)}
    for (_name, key), t in tallies.items():
        for f in ("queries", "positives", "answered", "right", "wrong", "top_right", "errors"):
            setattr(totals[key], f, getattr(totals[key], f) + getattr(t, f))
    return totals


def compare(
    before_rev: str = BEFORE, after_rev: str = "HEAD", cap: int = 1500, examples: int = 12
) -> tuple[str, dict[str, dict[str, Tally]], dict[tuple[str, str], Tally]]:
    """The before/after report as Markdown (what :func:`main` prints and ``run.py`` includes), the
    totals per revision (``{"all queries" | "targets the later merge kept": {"before" | "after": Tally}}``)
    and the tallies per (set, revision) of the queries whose targets the later merge kept."""
    started = time.perf_counter()
    short = {
        rev: subprocess.run(
            ["git", "rev-parse", "--short", rev], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        for rev in (before_rev, after_rev)
    }
    with tempfile.TemporaryDirectory(prefix="gazetteer-before-after-") as tmp:
        work = Path(tmp)
        roots = {BEFORE_KEY: checkout(before_rev, work), AFTER_KEY: checkout(after_rev, work)}
        log(f"before/after: {before_rev} and {after_rev}, each building its own index")
        (v_before, before), (v_after, after) = (places_of(roots[k], work) for k in (BEFORE_KEY, AFTER_KEY))
        sets = query_sets(before, after, cap)
        unique = sorted({(q.text, q.province) for qs in sets.values() for q in qs}, key=lambda x: (x[0], x[1] or ""))
        log(f"before/after: {len(unique)} distinct queries in {len(sets)} sets")
        answers: dict[str, dict[tuple[str, str | None], dict[str, Any]]] = {}
        for key, root in roots.items():
            answers[key] = dict(zip(unique, answers_of(root, unique, work)))
    earlier, later = {p.id: p for p in before}, {p.id: p for p in after}
    tallies, regressions = judge_all(sets, answers, earlier, later)
    kept = {name: [q for q in qs if not _corrected(q, earlier, later)] for name, qs in sets.items()}
    kept_tallies = judge_all(kept, answers, earlier, later)[0]
    dropped = sum(len(qs) for qs in sets.values()) - sum(len(qs) for qs in kept.values())
    out = [
        f"before: `{before_rev}` ({short[before_rev]}, version {v_before}, {len(before)} places); "
        f"after: `{after_rev}` ({short[after_rev]}, version {v_after}, {len(after)} places); "
        f"at most {cap} queries a generated set. Per set, the queries whose every expected place the later "
        f"merge dropped, folded into another place or moved to another governorate are left out ({dropped}: "
        "the earlier index's wrong rows, such as the Raqqa villages labelled Quneitra); the totals are given "
        "with and without them.",
        "",
        "| set | revision | queries | answered | right | wrong | precision | recall | top-1 any | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in sets:
        out += [f"| {name} | {key} | {kept_tallies[(name, key)].row()} |" for key in (BEFORE_KEY, AFTER_KEY)]
    summary: dict[str, dict[str, Tally]] = {}
    for label, counted in (("all queries", tallies), ("targets the later merge kept", kept_tallies)):
        totals = summary[label] = _totals(counted)
        out += [f"| **{label}** | {key} | {totals[key].row()} |" for key in (BEFORE_KEY, AFTER_KEY)]
    out += ["", f"{len(regressions)} queries right before and not after, by why:", ""]
    for why in WHY:
        these = [r for r in regressions if r[4] == why]
        out.append(f"- {why}: {len(these)}")
        out += [
            f"  - {name}: {q.text!r} province={q.province} ({q.note}); before {said_b}; after {said_a}"
            for name, q, said_b, said_a, _ in these[:examples]
        ]
    log(f"before/after done in {time.perf_counter() - started:.0f} s")
    return "\n".join(out), summary, kept_tallies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default=BEFORE)
    ap.add_argument("--after", default="HEAD")
    ap.add_argument("--cap", type=int, default=1500, help="queries at most per generated set (default 1500)")
    args = ap.parse_args(argv)
    print("# Accuracy before and after\n")
    command = f"python benchmarks/before_after.py --before {args.before} --after {args.after} --cap {args.cap}"
    print(f"Command: `{command}`\n")
    print(compare(args.before, args.after, args.cap, examples=40)[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
