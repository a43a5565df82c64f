"""Titles → roles: the title before or at the start of a person's name is kept as the mention's
role ("Presiden", "Menteri Luar Negeri AS, Antony Blinken"), and an office the tagger took for an
organisation right before a person becomes that person's role."""

from __future__ import annotations

import re
from dataclasses import replace

from kabar.analyse.entities.known import names_a_place_or_organisation
from kabar.analyse.entities.span import Span, clean
from kabar.analyse.ner.features import Lexicon
from kabar.lang.id.aliases import AliasTable


def with_role(text: str, span: Span, table: AliasTable, lexicon: Lexicon, floor: int = 0) -> Span:
    """`span` with the title before or inside it as its role; `floor` is where the previous span ends,
    which a name never reaches back over."""
    if span.type != "PER":
        return span
    words = list(re.finditer(r"\S+", text[span.start : span.end]))
    # a title inside the tagged span: "Presiden Joko Widodo" → role "Presiden", name "Joko Widodo"
    n = table.leading_title([w.group(0) for w in words], keep=1)
    if n:
        return replace(span, start=span.start + words[n].start(), role=" ".join(w.group(0) for w in words[:n]))
    found = _title_before(text, span.start, table, lexicon)
    if found is None:
        return replace(span, role=None)
    role, name_start = found
    if name_start < floor:
        return replace(span, role=None)  # the title names the span before: "Presiden Joko Widodo Gibran"
    return replace(span, start=name_start, role=role)


def offices_as_roles(text: str, spans: list[Span], table: AliasTable) -> list[Span]:
    """"Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Yuddy Chrisnandi": a span that
    opens with a title and runs right up to a person is that person's office, not an organisation."""
    out: list[Span] = []
    for span in spans:
        previous = out[-1] if out else None
        if (
            span.type == "PER" and span.role is None and previous is not None and previous.type != "PER"
            and text[previous.end : span.start].isspace() and table.leading_title(text[previous.start : previous.end].split())
        ):
            out[-1] = replace(span, role=clean(text[previous.start : previous.end]))
            continue
        out.append(span)
    return out


def _title_before(text: str, start: int, table: AliasTable, lexicon: Lexicon) -> tuple[str, int] | None:
    """A title just before a name, perhaps with a country and a comma between, and where the
    name starts: "Menteri Luar Negeri AS, Antony Blinken" → ("Menteri Luar Negeri", start);
    "Letkol Teddy [Indra Wijaya]" → ("Letkol", the start of "Teddy"): a title always followed
    by a person has no portfolio words, so capitalised words after it belong to the name."""
    line_start = text.rfind("\n", 0, start) + 1
    offset = max(line_start, start - 80)
    words = list(re.finditer(r"[\w.()][\w.()-]*|,", text[offset:start]))  # "-Presiden": a dateline dash is no part of a word
    # skip back over up to six capitalised words, parentheses or commas (the country, "(Dubes)",
    # "Kementerian Luar Negeri China ,")
    for skip in range(0, 7):
        end = len(words) - skip
        if end <= 0:
            break
        between = words[end:]
        if any(not (w.group(0)[0].isupper() or w.group(0) in {",", "di", "untuk"} or w.group(0).startswith("(")) for w in between):
            break
        if any(len(w.group(0)) > 3 and w.group(0).endswith(".") for w in between):
            break  # a sentence ended in between: "… ajudan jenderal California. Trump menjelaskan"
        for n in range(min(table.max_title_words, end), 0, -1):
            candidate = " ".join(w.group(0) for w in words[end - n : end])
            if candidate.lower() not in table.titles:
                continue
            texts = [w.group(0) for w in between]
            if candidate.lower() in table.person_titles and texts and _all_name_words(texts, table, lexicon):
                return candidate, offset + between[0].start()
            return _with_portfolio(candidate, texts, table), start
    return None


def _all_name_words(words: list[str], table: AliasTable, lexicon: Lexicon) -> bool:
    """Capitalised words that can all be part of a person's name: no acronym, title or known
    name among them, alone or together ("Korea Utara")."""
    if any(not w[0].isupper() or w.isupper() or not w.isalpha() or w.lower() in table.titles for w in words):
        return False
    return not any(
        table.lookup(" ".join(words[i : i + k])) or (k > 1 and names_a_place_or_organisation(" ".join(words[i : i + k]), lexicon))
        for i in range(len(words)) for k in range(1, 5)
    )


def _with_portfolio(title: str, between: list[str], table: AliasTable) -> str:
    """The office's own words after the title stay in the role ("Menteri" + "Kesehatan");
    a country, an acronym or a bracket after it does not ("Presiden" | "China")."""
    words = [title]
    for i, w in enumerate(between):
        names_here = any(table.lookup(" ".join(between[i : i + k])) for k in range(1, 5))
        if not w[0].isupper() or w.isupper() or w.startswith("(") or names_here:
            break
        words.append(w)
    return " ".join(words)
