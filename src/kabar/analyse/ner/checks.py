"""The checks every answer of the tagger passes, whichever model gave it (the CRF, the CNN student,
their mixture, or a tagger scored at training time): a bare title names no one, and in cased text a
name is capitalised. Here, apart from the models, so that each model imports them and none imports
another model's module."""

from __future__ import annotations

from collections.abc import Sequence

from kabar.analyse.ner.conll import bio_spans
from kabar.analyse.ner.features import TITLE, Lexicon
from kabar.lang.id.words import NAME_PARTICLES

__all__ = ["checked", "names_are_capitalised", "titles_are_not_names"]

# Arabic articles a name may hold in lower case ("al-Assad", "el-Sisi")
_ARTICLE_PREFIXES = ("al-", "el-", "ad-", "ar-", "as-")


def checked(words: Sequence[str], labels: list[str], lexicon: Lexicon) -> list[str]:
    """The tagger's labels after the checks every answer passes (also when training scores a model)."""
    return titles_are_not_names(words, names_are_capitalised(words, labels), lexicon)


def titles_are_not_names(words: Sequence[str], labels: list[str], lexicon: Lexicon) -> list[str]:
    """A span that is a title and nothing else ("Menkeu", "Presiden") names no one: a bare title
    stands for a person the article named elsewhere, which the entity linker resolves."""
    out = list(labels)
    for start, end, _ in bio_spans(labels):
        if lexicon.names.get(" ".join(words[start:end]).lower()) == TITLE:
            out[start:end] = ["O"] * (end - start)
    return out


def names_are_capitalised(words: Sequence[str], labels: list[str]) -> list[str]:
    """In cased text a name is capitalised. A person's name keeps only its capitalised words and
    name particles: lower-case words the tagger ran into it are left out, before it ("harta Tenang
    Parulian", "seraya"), after it ("Diogo Jota hangus") or between two names ("Trump mengomentari
    penyesalan Musk": two people). Any span with no capitalised word or digit is no name ("menara
    gading"); places may open with a lower-case word ("desa Kramas"). The lower-cased training set
    (NERP) teaches names in lower case, which must not carry over to cased sentences; in lower-cased
    text the labels stay as they are."""
    if not any(w[:1].isupper() for w in words[1:]):
        return labels
    out = list(labels)
    for start, end, kind in bio_spans(labels):
        if not any(w[:1].isupper() or w[:1].isdigit() for w in words[start:end]):
            out[start:end] = ["O"] * (end - start)
        elif kind == "PER":
            inside = False  # in a run of name words
            for i in range(start, end):
                if _is_name_word(words, i, inside):
                    out[i], inside = ("I-PER" if inside else "B-PER"), True
                else:
                    out[i], inside = "O", False
            for i in range(end - 1, start, -1):  # a particle does not end a name ("Salman bin")
                if out[i] != "I-PER" or words[i] not in NAME_PARTICLES:
                    break
                out[i] = "O"
    return out


def _is_name_word(words: Sequence[str], i: int, inside: bool) -> bool:
    """A capitalised word, or inside a name a particle, an Arabic article ("al-Assad") or the part of a
    hyphenated given name the tokeniser split off ("Choi Si - won")."""
    word = words[i]
    if not word[:1].islower():
        return True
    after_hyphen = i >= 1 and words[i - 1] == "-"
    return inside and (word in NAME_PARTICLES or word.startswith(_ARTICLE_PREFIXES) or after_hyphen)
