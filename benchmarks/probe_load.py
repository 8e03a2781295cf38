"""Run in a fresh interpreter by costs.py: import, load, first query, and print the figures as JSON.

    python benchmarks/probe_load.py REPO import
    GAZETTEER_INDEX=INDEX python benchmarks/probe_load.py REPO start QUERY [QUERY2]

``start`` is what a user's first call costs: ``import gazetteer``, the default index opened
(``gazetteer.load()``, here the file ``GAZETTEER_INDEX`` names, as an installed package opens
its shipped index) and the first ``gazetteer.resolve(QUERY)`` with its ``Place`` read. After
that (not in the first-query figure) QUERY2 is resolved, the fuzzy table is built if the
first query did not build it, and memory is read again.

Times are ``time.perf_counter`` seconds inside the process; memory is VmRSS from
``/proc/self/status`` in KiB. The probe imports nothing of the benchmark (a clean interpreter).
"""

from __future__ import annotations

import json
import sys
import time


def rss_kib() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(argv: list[str]) -> dict[str, float]:
    sys.path.insert(0, argv[0])
    out: dict[str, float] = {"rss_start_kib": rss_kib()}
    t0 = time.perf_counter()
    import gazetteer

    t1 = time.perf_counter()
    out["import_s"] = t1 - t0
    out["rss_import_kib"] = rss_kib()
    if argv[1] == "start":
        g = gazetteer.load()
        t2 = time.perf_counter()
        out["rss_load_kib"] = rss_kib()  # not timed: the first query starts after it
        t2b = time.perf_counter()
        m = gazetteer.resolve(argv[2])
        if m is not None:
            m.place.lat  # noqa: B018 - the place is read, as a caller would
        t3 = time.perf_counter()
        out["load_s"] = t2 - t1
        out["first_s"] = t3 - t2b
        out["total_s"] = (t2 - t0) + (t3 - t2b)
        out["found"] = float(m is not None)
        out["rss_first_kib"] = rss_kib()
        opened = getattr(g, "opened", None)
        built = getattr(opened, "_fuzzy", None)  # one table (older libraries) or a dict of tables per probe length
        out["fuzzy_built_by_first"] = float(bool(built))
        if opened is not None and not built:
            t = time.perf_counter()
            if hasattr(opened, "build_fuzzy_tables"):
                opened.build_fuzzy_tables()
            elif hasattr(opened, "fuzzy_table"):
                opened.fuzzy_table()
            out["fuzzy_build_s"] = time.perf_counter() - t
        out["rss_fuzzy_kib"] = rss_kib()
        if len(argv) > 3:
            t = time.perf_counter()
            gazetteer.resolve(argv[3])
            out["second_s"] = time.perf_counter() - t
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
