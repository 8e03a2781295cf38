"""Write ``sources/arabic_common_words.tsv``: the most frequent Arabic words, from ``wordfreq``.

Geoparsing reads the list to tell a village named by a common word ("الزراعة", agriculture;
"العدوان", aggression) from the word itself in prose. The words and their Zipf frequencies come
from wordfreq's ``large`` Arabic list (data CC BY-SA 4.0; https://github.com/rspeer/wordfreq).
Needs ``pip install wordfreq`` (not a dependency of the package: the list is shipped).

    python benchmarks/make_word_frequency.py [--min-zipf 4.0]
"""

from __future__ import annotations

import argparse
import re
from importlib.metadata import version
from pathlib import Path

#: A word of Arabic letters and marks only.
ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u065f\u0670-\u06d3]+")
OUT = Path(__file__).resolve().parent.parent / "sources" / "arabic_common_words.tsv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-zipf", type=float, default=4.0)
    args = parser.parse_args(argv)
    import wordfreq

    rows = []
    for word in wordfreq.top_n_list("ar", 1_000_000, wordlist="large"):
        zipf = wordfreq.zipf_frequency(word, "ar", wordlist="large")
        if zipf < args.min_zipf:
            break
        if ARABIC_WORD.fullmatch(word):  # the list also holds digits and Latin words
            rows.append((word, zipf))
    header = (
        f"# the Arabic-script words of Zipf frequency >= {args.min_zipf} in wordfreq {version('wordfreq')} "
        "(wordlist 'large'), most frequent first; data CC BY-SA 4.0, https://github.com/rspeer/wordfreq; "
        "written by benchmarks/make_word_frequency.py\n"
    )
    OUT.write_text(header + "word\tzipf\n" + "".join(f"{w}\t{z:.2f}\n" for w, z in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
