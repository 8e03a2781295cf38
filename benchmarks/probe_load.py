"""Run in a fresh interpreter by costs.py: import (and optionally load) and print figures as JSON.

    python benchmarks/probe_load.py import
    python benchmarks/probe_load.py load INDEX EXACT_QUERY FUZZY_QUERY FUZZY_QUERY_2

Times are ``time.perf_counter`` seconds inside the process; memory is VmRSS from
``/proc/self/status`` in KiB.
"""

from __future__ import annotations

import json
import sys
import time

from common import rss_kib  # benchmarks/ is on sys.path when this runs as a script

T_START = time.perf_counter()


def main(argv: list[str]) -> dict[str, float]:
    sys.path.insert(0, argv[0])
    out: dict[str, float] = {"rss_start_kib": rss_kib()}
    t = time.perf_counter()
    import gazetteer

    out["import_s"] = time.perf_counter() - t
    out["rss_import_kib"] = rss_kib()
    if argv[1] == "load":
        path, exact_q, fuzzy_q, fuzzy_q2 = argv[2:6]
        t = time.perf_counter()
        g = gazetteer.load(path)
        out["load_s"] = time.perf_counter() - t
        out["rss_load_kib"] = rss_kib()
        t = time.perf_counter()
        g.resolve(exact_q)
        out["first_exact_s"] = time.perf_counter() - t
        t = time.perf_counter()
        g.resolve(fuzzy_q)
        out["first_fuzzy_s"] = time.perf_counter() - t
        out["rss_fuzzy_kib"] = rss_kib()
        out["fuzzy_table_built"] = float(getattr(g, "_fuzzy", None) is not None)
        if not out["fuzzy_table_built"] and hasattr(g, "_fuzzy_table"):
            # the query found a good enough match without the fuzzy stage: build the table directly
            t = time.perf_counter()
            g._fuzzy_table()
            out["fuzzy_build_s"] = time.perf_counter() - t
            out["rss_fuzzy_kib"] = rss_kib()
        cached = getattr(g, "_cached", None)
        if cached is not None:
            cached.cache_clear()
        t = time.perf_counter()
        g.resolve(fuzzy_q)
        out["again_fuzzy_s"] = time.perf_counter() - t
        t = time.perf_counter()
        g.resolve(fuzzy_q2)
        out["second_fuzzy_s"] = time.perf_counter() - t
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
