"""Build `src/kabar/lang/id/common_words.txt`: lower-case Indonesian words of news text.

The words are the tokens written in lower case, and never inside a name, in the cased,
licensed NER training sets (idner-news-2k, MIT; NERGrit, Apache-2.0), plus jusText's
Indonesian stoplist, plus, with `--unlabelled`, the words the licensed unlabelled news text
(nlp-id's POS corpus, MIT; stories-multi, CC BY 4.0; IndoSum dev fold 1, CC BY-SA 4.0) writes
in lower case at least three times inside a sentence and capitalised there rarely (names such
as "bandung" written in lower case now and then stay out). Text repair and the entity rules use
the list to tell a word from a name: a word glued to a name ("dikutipAnadolu", "KebudayaanFadli")
from a name written in camel case ("WhatsApp"), a capitalised programme ("Sekolah Rakyat") from
a person.

    PYTHONPATH=src python scripts/build_common_words.py --data ../shared/data/ner --unlabelled ../shared/data
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

SOURCES = ("idner_news_2k.train.tsv", "nergrit.train.tsv")
OUT = Path(__file__).resolve().parents[1] / "src" / "kabar" / "lang" / "id" / "common_words.txt"
_WORD = re.compile(r"[a-z]{3,}")
MIN_LOWER = 3  # lower-case uses inside sentences before a word of the unlabelled text counts
MAX_CAPITALISED_SHARE = 0.2  # of a new word's uses inside sentences: above that it is (also) a name


def common_words(data: Path) -> list[str]:
    """The NER trainer's name-free lower-case words (`kabar_train.ner.train.common_words`), each
    seen once is enough here, plus jusText's Indonesian stoplist."""
    import justext

    from kabar.analyse.ner.conll import read_labelled
    from kabar_train.ner.train import common_words as name_free_words

    sentences = [s for name in SOURCES for s in read_labelled(data / name)]
    words = {w for w in justext.get_stoplist("Indonesian") if _WORD.fullmatch(w)}
    words.update(w for w in name_free_words(sentences, min_count=1) if _WORD.fullmatch(w))
    return sorted(words)


def case_counts(sentences: Iterable[Sequence[str]]) -> tuple[Counter[str], Counter[str]]:
    """How often cased text writes each word in lower case and capitalised, inside its sentences (not first)."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for words in sentences:
        if not any(w[:1].isupper() for w in words[1:]):
            continue  # a lower-cased sentence says nothing about case
        for word in words[1:]:
            if _WORD.fullmatch(word):
                lower[word] += 1
            elif word[:1].isupper() and word[1:].islower():
                capitalised[word.lower()] += 1
    return lower, capitalised


def capitalised_share(word: str, lower: Counter[str], capitalised: Counter[str]) -> float:
    total = lower[word] + capitalised[word]
    return capitalised[word] / total if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding the NER .tsv files")
    parser.add_argument("--unlabelled", type=Path, default=None, help="the data folder (stories-multi/, summaries/) for more words")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    words = set(common_words(args.data))
    sources = "idner-news-2k (MIT),\n# NERGrit (Apache-2.0) and jusText's Indonesian stoplist (BSD)"
    if args.unlabelled is not None:
        from kabar_train.ner.corpus import unlabelled_sentences

        lower, capitalised = case_counts(unlabelled_sentences(args.unlabelled))
        # the NER sets' words stay as they are: some are name parts ("serikat") that glue repair needs
        words |= {w for w, n in lower.items()
                  if n >= MIN_LOWER and capitalised_share(w, lower, capitalised) <= MAX_CAPITALISED_SHARE}
        sources += ",\n# nlp-id's POS corpus (MIT), stories-multi (CC BY 4.0) and IndoSum dev fold 1 (CC BY-SA 4.0)"
    header = f"# lower-case words of Indonesian news; built by scripts/build_common_words.py from {sources}.\n"
    header += "# One word a line.\n"
    args.out.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
