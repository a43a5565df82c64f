"""Build `src/kabar/lang/id/common_words.txt`: lower-case Indonesian words of news text.

The words are the tokens written in lower case, and never inside a name, in the cased,
licensed NER training sets (idner-news-2k, MIT; NERGrit, Apache-2.0), plus jusText's
Indonesian stoplist. Text repair uses the list to tell a word glued to a name
("dikutipAnadolu") from a name written in camel case ("WhatsApp").

    python scripts/build_common_words.py --data ../shared/data/ner
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

SOURCES = ("idner_news_2k.train.tsv", "nergrit.train.tsv")
OUT = Path(__file__).resolve().parents[1] / "src" / "kabar" / "lang" / "id" / "common_words.txt"
_WORD = re.compile(r"[a-z]{3,}")


def common_words(data: Path) -> list[str]:
    """The NER trainer's name-free lower-case words (`kabar.analyse.ner.train.common_words`), each
    seen once is enough here, plus jusText's Indonesian stoplist."""
    import justext

    from kabar.analyse.ner.conll import read_labelled
    from kabar.analyse.ner.train import common_words as name_free_words

    sentences = [s for name in SOURCES for s in read_labelled(data / name)]
    words = {w for w in justext.get_stoplist("Indonesian") if _WORD.fullmatch(w)}
    words.update(w for w in name_free_words(sentences, min_count=1) if _WORD.fullmatch(w))
    return sorted(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding the NER .tsv files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    words = common_words(args.data)
    header = "# lower-case words of Indonesian news; built by scripts/build_common_words.py from idner-news-2k (MIT),\n"
    header += "# NERGrit (Apache-2.0) and jusText's Indonesian stoplist (BSD). One word a line.\n"
    args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
