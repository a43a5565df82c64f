"""Finding spans: the CRF tagger's, then the names it missed that tables and patterns know
(alias forms, agencies, companies after "PT", names after a person's title), and the names
found once added wherever the article repeats them."""

from __future__ import annotations

import re
from functools import lru_cache

from kabar.analyse.entities.known import is_known_name
from kabar.analyse.entities.names import without_legal_form
from kabar.analyse.entities.span import Span, clean
from kabar.analyse.ner.conll import bio_spans
from kabar.analyse.ner.features import Lexicon
from kabar.analyse.ner.model import NerModel
from kabar.analyse.tokens import Token, sentence_spans, tokenize
from kabar.lang.id.agencies import find_agencies
from kabar.lang.id.aliases import AliasTable
from kabar.lang.id.words import common_words, organisation_words


def tagged_spans(text: str, table: AliasTable, model: NerModel) -> list[Span]:
    """The NER model's spans, sentence by sentence; a sentence in another language with accents
    (a quoted Portuguese or Spanish post) is left to the dictionary passes: the tagger reads its
    capitalised words as names."""
    sentences = []
    for s_start, s_end in sentence_spans(text):
        if _is_foreign(text[s_start:s_end]):
            continue
        tokens = [Token(t.text, t.start + s_start, t.end + s_start) for t in tokenize(text[s_start:s_end])]
        if tokens:
            sentences.append(tokens)
    spans: list[Span] = []
    # the article's sentences in one batch: the tagger is fastest on many at once
    for tokens, labels in zip(sentences, model.tag_many([[t.text for t in tokens] for tokens in sentences]), strict=True):
        for first, last, kind in sorted(bio_spans(labels)):
            # "Sementara Xi …", "Laporan kementerian …": a common word capitalised only
            # because it opens the sentence is not part of the name
            while (
                first < last - 1
                and (first == 0 or tokens[first - 1].text in _OPENERS)
                and tokens[first].text.lower() in model.common
                and table.lookup(text[tokens[first].start : tokens[last - 1].end]) is None
            ):
                first += 1
            spans.append(Span(tokens[first].start, tokens[last - 1].end, kind))
    return spans


_OPENERS = frozenset({'"', "“", "'", "‘", "(", "-", "–", "—"})
_ACCENTED = re.compile(r"[àáâãäåçèéêëìíîïñòóôõöùúûüý]")
_LOWER_WORD = re.compile(r"\b[^\W\d_A-Z]{2,}\b")


def _is_foreign(sentence: str) -> bool:
    """Written with accents (which Indonesian does not use) and mostly in words Indonesian news
    does not write: "Não faz sentido, logo agora que tinhas acabado de casar." English has no
    accents and keeps its names: the tagger reads them well enough."""
    if _ACCENTED.search(sentence) is None:
        return False
    words = [w for w in _LOWER_WORD.findall(sentence) if w.islower()]
    return bool(words) and sum(w in common_words() for w in words) < 0.3 * len(words)


# --- alias forms and agencies the tagger missed ----------------------------------------


def add_dictionary_spans(text: str, spans: list[Span], table: AliasTable) -> list[Span]:
    """Alias-table forms and capitals the tagger missed. A form that covers tagged
    spans replaces them ("Semenanjung Korea" over "Korea"); one that cuts across a
    tagged span is left out."""
    spans = list(spans)
    for match in _alias_pattern(_alias_forms(table)).finditer(text):
        form = match.group(0)
        if form[0].islower() and clean(form).lower() not in table.lowercase:
            continue  # "antara" (between) is not the agency Antara
        if form.count("(") != form.count(")"):
            form = form.rstrip(")")  # "(Korea Utara)": the closing bracket is the outer one's
            if form.count("(") != form.count(")"):
                continue
        entry = table.lookup(form) or table.capitals.get(clean(form).lower())
        if entry is None:
            continue
        start, end = match.start(), match.start() + len(form)
        overlapping = [s for s in spans if s.start < end and start < s.end]
        if any(s.start < start or s.end > end for s in overlapping):
            continue
        if any(s.start == start and s.end == end for s in overlapping):
            continue
        spans = [s for s in spans if s not in overlapping]
        spans.append(Span(start, end, entry.type))
    return sorted(spans, key=lambda s: s.start)


def add_agency_spans(text: str, spans: list[Span]) -> list[Span]:
    """News agencies and outlets the tagger missed ("PYONGYANG, KOMPAS.com - …", "dilansir AP"),
    from the agency table, which knows which short forms are ordinary words. Where the tagger
    found something there, its span stays ("Kantor Berita Pusat Korea (KCNA)": two names)."""
    added = [
        Span(start, end, "ORG")
        for start, end, _ in find_agencies(text)
        if not any(s.start < end and start < s.end for s in spans)
    ]
    return sorted(spans + added, key=lambda s: s.start) if added else spans


# "PT" (Perseroan Terbatas) opens a company's name: the capitalised words after it, up to its
# legal form ("(Persero)", "Tbk") or the next name the tagger found
_COMPANY = re.compile(r"(?<![\w-])PT\.?(?=\s+[A-Z0-9])")
_COMPANY_WORD = re.compile(r"\s+(\(\s*Persero\s*\)|Tbk\.?|[A-Z0-9][\w&'.-]*)")


def add_company_spans(text: str, spans: list[Span]) -> list[Span]:
    """Companies the tagger missed: "PT PLN (Persero)", "PT Musim Mas Group"."""
    added = []
    for match in _COMPANY.finditer(text):
        start = end = match.start()
        pos, words = match.end(), 0
        while words < 6 and (word := _COMPANY_WORD.match(text, pos)) is not None:
            if any(s.start <= word.start(1) < s.end for s in spans):
                break
            pos, end, words = word.end(), word.end(1), words + 1
            if word.group(1).startswith(("(", "Tbk")):
                break
        if text[end - 1] == "." and not text[start:end].endswith("Tbk."):
            end -= 1  # the sentence's full stop
        if words and not any(s.start < end and start < s.end for s in spans):
            added.append(Span(start, end, "ORG"))
    return sorted(spans + added, key=lambda s: s.start) if added else spans


def _alias_forms(table: AliasTable) -> frozenset[tuple[str, bool]]:
    """The forms worth looking for, each with whether it matches in any case: our table's
    abbreviations as written; its other forms, CLDR Indonesian names and capitals in any case."""
    return frozenset([(f, False) for f in table.exact] + [(f, True) for f in (*table.scan, *table.capitals)])


@lru_cache(maxsize=4)  # a pure function of the forms: one table's pattern is compiled once
def _alias_pattern(forms: frozenset[tuple[str, bool]]) -> re.Pattern[str]:
    """One regex over the forms worth looking for: our table, CLDR Indonesian names, capitals."""
    # one alternation, longest first across both kinds, so "AP News" wins over "AP"
    body = "|".join(
        f"(?i:{_bracket_tolerant(f)})" if folded else _alternation([f])
        for f, folded in sorted(forms, key=lambda x: (-len(x[0]), x))
    )
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _bracket_tolerant(form: str) -> str:
    """A multi-word form whose later words an editor bracketed: "Semenanjung (Korea)"."""
    if " " not in form:
        return re.escape(form)
    return re.escape(form).replace(r"\ ", r"\s+\(?") + r"\)?"


def _alternation(forms) -> str:
    # longest forms first; a space in a form matches any run of spaces (no-break spaces too)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


# --- names after a person's title ------------------------------------------------------

# a capitalised word or a short bracket after a space; a comma before it marks an appositive
_NAME_WORD = re.compile(r"(,?)[ \u00a0]+(\([^()\n]{1,20}\)|[A-Z][\w'’.-]*)")


def add_titled_names(text: str, spans: list[Span], table: AliasTable, lexicon: Lexicon) -> list[Span]:
    """Capitalised words after a title that is always followed by a person ("Presiden",
    "Menteri Luar Negeri"), past a country or an acronym ("AS", "(Dubes) China") and an
    appositive comma ("diplomat senior China, Song Tao"), are a person's name: foreign names
    the tagger has never seen, or took for a place ("Juru bicara Kemlu China, Wang Wenbin")."""
    out = list(spans)
    for title in _person_title_pattern(table.person_titles).finditer(text):
        if _after_facility(text, title.start(), table):
            continue  # "Bandara Internasional Sultan Hasanuddin": a place named after a person
        words = []
        pos = title.end()
        while (m := _NAME_WORD.match(text, pos)) is not None and len(words) < 10:
            words.append(m)
            pos = m.end()
        k = _skip_to_name(words, table, lexicon)
        name = []
        for m in words[k : k + 4]:
            w = m.group(2)
            if name and m.group(1):
                break  # a comma after the name: what follows is not part of it
            if w.startswith("(") or w.isupper() or w.lower() in table.titles or table.lookup(w) is not None:
                break
            name.append(m)
        if not name:
            continue
        start, end = name[0].start(2), name[-1].end(2)
        if text[end - 1] == ".":
            end -= 1  # a sentence's full stop, not an initial
        overlapping = [s for s in out if s.start < end and start < s.end]
        # past a place after the title ("Diplomat top China", "Gubernur Nusa Tenggara Barat") the name
        # starts at once, so the tagger's name that ends here lost its first word ("Yang", "Lalu": also
        # common words); right after the title or its bracket, portfolio words may follow ("Wakil Menteri
        # Agama", "Direktur Jenderal (Dirjen) Ketenagalistrikan"): any other overlap is the tagger's call
        after_place = k > 0 and not words[k - 1].group(2).startswith("(")  # not the title's own "(Dirjen)"
        lost_first_word = after_place and len(overlapping) == 1 and overlapping[0].end == end and overlapping[0].start >= start
        if overlapping and not lost_first_word and (overlapping[0].start, overlapping[0].end) != (start, end):
            continue
        out = [s for s in out if s not in overlapping]
        out.append(Span(start, end, "PER"))
    return sorted(out, key=lambda s: s.start)


def _after_facility(text: str, start: int, table: AliasTable) -> bool:
    """Capitalised words just before `start` open with a facility word ("Bandara Internasional")."""
    tail = text[max(0, start - 40) : start]
    if re.search(r"[^\w\s.]\s*$|\b[a-z]\w*\s*$", tail):
        return False  # a comma or a lower-case word right before the title: no name runs into it
    before = re.findall(r"[A-Z][\w.]*", tail)[-3:]
    return any(" ".join(before[i : i + k]).lower() in table.facilities for i in range(len(before)) for k in (1, 2))


def _skip_to_name(words: list[re.Match[str]], table: AliasTable, lexicon: Lexicon) -> int:
    """How many words after a title are a place, an institution, an acronym or a bracketed
    abbreviation before the name ("Duta Besar Korea Utara untuk China, Ri Ryong Nam")."""
    k = 0
    while k < len(words):
        if k and words[k].group(1):
            return k  # the appositive comma: the name starts here
        w = words[k].group(2)
        longest = next((n for n in range(min(4, len(words) - k), 1, -1)
                        if is_known_name(" ".join(x.group(2) for x in words[k : k + n]), table, lexicon)
                        and not any(x.group(1) for x in words[k + 1 : k + n])), 0)
        if longest:
            k += longest
        elif w.startswith("(") or w.isupper() or is_known_name(w, table, lexicon) or w.lower() in organisation_words():
            k += 1
        else:
            break
    return k


@lru_cache(maxsize=4)  # a pure function of the titles: compiled once per table
def _person_title_pattern(titles: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?i:{_alternation(titles)})(?![\w-])")


# --- the same names again --------------------------------------------------------------


def propagate(text: str, spans: list[Span], table: AliasTable) -> list[Span]:
    """Names found once are names everywhere in the article: a missed "Xi" or "Washington"
    is added where the article already used it (or a person's name part) as an entity."""
    forms: dict[str, str] = {}
    for span in spans:
        surface = clean(text[span.start : span.end])
        if len(surface) >= 2 and surface[0].isupper():
            forms.setdefault(surface, span.type)
        if span.type == "PER":
            for part in surface.split(" ")[:: max(1, len(surface.split(" ")) - 1)]:
                if len(part) >= 2 and part[0].isupper() and part.lower() not in table.titles:
                    forms.setdefault(part, "PER")
        elif span.type == "ORG" and len(bare := without_legal_form(surface)) >= 2:
            forms.setdefault(bare, "ORG")  # "PT PLN (Persero)", later "PLN"
    if not forms:
        return spans
    pattern = re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?![\w-])")
    out = list(spans)
    taken = sorted((s.start, s.end) for s in spans)
    # the matches come in order and never overlap each other: a match overlaps a found span exactly
    # when the furthest end among the spans starting before the match's end passes its start
    k, furthest = 0, -1
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        while k < len(taken) and taken[k][0] < end:
            furthest = max(furthest, taken[k][1])
            k += 1
        if furthest > start:
            continue
        # a person's name part keeps its dots ("M." of "M. AS./M. A"), which clean() strips: look up as written too
        kind = forms.get(" ".join(match.group(0).split())) or forms.get(clean(match.group(0)))
        if kind is not None:
            out.append(Span(start, end, kind))
    return sorted(out, key=lambda s: s.start)
