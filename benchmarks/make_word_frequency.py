"""Write ``sources/arabic_common_words.tsv`` and ``sources/english_common_words.tsv``: the most
frequent Arabic and English words, from ``wordfreq``.

Geoparsing reads the lists to tell a place named by a common word from the word itself in prose:
a village named "الزراعة" (agriculture) or "العدوان" (aggression), and "Area" at the start of an
English sentence, which spells Aere, an old name of as-Sanamayn. The words and their Zipf
frequencies come from wordfreq's ``large`` lists (data CC BY-SA 4.0;
https://github.com/rspeer/wordfreq). Needs ``pip install wordfreq`` (not a dependency of the
package: the lists are shipped).

    python benchmarks/make_word_frequency.py [--min-zipf 4.0]
"""

from __future__ import annotations

import argparse
import re
from importlib.metadata import version
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "sources"
#: Per language: the file written, what a kept word is made of, and how the header names it.
LISTS = {
    # Arabic letters and marks only: the list also holds digits and Latin words
    "ar": (SOURCES / "arabic_common_words.tsv", re.compile("[\u0621-\u064a\u064b-\u065f\u0670-\u06d3]+"),
           "Arabic-script words"),
    # Latin letters only (wordfreq writes every word in lower case): no digits, no contractions ("don't");
    # frequent names stay in ("syria" 4.40, "khan" 4.25), which a one-word span of a place rarely is
    "en": (SOURCES / "english_common_words.tsv", re.compile("[a-z]+"), "English words of Latin letters"),
}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-zipf", type=float, default=4.0)
    args = parser.parse_args(argv)
    import wordfreq

    for lang, (out, kept, what) in LISTS.items():
        rows = []
        for word in wordfreq.top_n_list(lang, 1_000_000, wordlist="large"):
            zipf = wordfreq.zipf_frequency(word, lang, wordlist="large")
            if zipf < args.min_zipf:
                break
            if kept.fullmatch(word):
                rows.append((word, zipf))
        header = (
            f"# the {what} of Zipf frequency >= {args.min_zipf} in wordfreq {version('wordfreq')} "
            "(wordlist 'large'), most frequent first; data CC BY-SA 4.0, https://github.com/rspeer/wordfreq; "
            "written by benchmarks/make_word_frequency.py\n"
        )
        out.write_text(header + "word\tzipf\n" + "".join(f"{w}\t{z:.2f}\n" for w, z in rows), encoding="utf-8")
        print(f"{out}: {len(rows)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
