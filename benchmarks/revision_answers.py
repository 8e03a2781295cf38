"""Child of ``before_after.py``: run one revision's library over queries, or list its places.

Run with the revision's checkout first on ``sys.path`` and as the working directory, so that
``import gazetteer`` is that revision's code and ``gazetteer.load()`` builds that revision's
default index from its own ``sources/``. Only API that every revision since 0.2 has is used:
``load()``, ``places()``, ``resolve(text, province=)``, ``candidates(text, province=, limit=)``.

    python revision_answers.py places OUT.json
    python revision_answers.py answer QUERIES.json OUT.json
"""

from __future__ import annotations

import json
import sys
from typing import Any


def _place(p: Any) -> dict[str, Any]:
    return {
        "id": p.id,
        "geonames_id": p.geonames_id,
        "lat": p.lat,
        "lon": p.lon,
        "kind": p.kind,
        "gov": p.governorate.pcode,
        "seat": p.seat,
        "seat_of": list(p.seat_of),
        "names": [[n.text, list(n.flags)] for n in p.names],
    }


def _answer(m: Any) -> dict[str, Any] | None:
    if m is None:
        return None
    p = m.place
    return {"id": p.id, "geonames_id": p.geonames_id, "lat": p.lat, "lon": p.lon, "label": p.name}


def main(argv: list[str]) -> int:
    import gazetteer

    g = gazetteer.load()
    if argv[0] == "places":
        out: Any = {"version": gazetteer.__version__, "places": [_place(p) for p in g.places()]}
    else:
        with open(argv[1], encoding="utf-8") as f:
            queries = json.load(f)
        out = []
        for text, province in queries:
            try:
                resolved = g.resolve(text, province=province)
                top = g.candidates(text, province=province, limit=1)
            except Exception as e:  # a revision's error is an answer of "not found", counted apart
                out.append({"error": f"{type(e).__name__}: {e}"})
                continue
            out.append({"resolve": _answer(resolved), "top": _answer(top[0] if top else None)})
    with open(argv[-1], "w", encoding="utf-8") as f:
        json.dump(out, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
