"""Article metadata from the lines around the body: title, authors with roles,
dateline, outlet and the agencies an article cites."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kabar.extract.boilerplate import line_kind
from kabar.extract.dates import find_dates
from kabar.extract.outlets import OutletTable
from kabar.extract.text import DATELINE
from kabar.lang.id import boilerplate as data
from kabar.lang.id.agencies import agency_kind, canonical_agency, find_agencies
from kabar.records import Author

_ROLE_ORDER = {"writer": 0, "reporter": 1, "contributor": 2, "editor": 3}
_PARTICLES = {"bin", "binti", "van", "der", "de", "al", "el", "da", "di", "la", "von", "dan"}
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:bin|binti|van|der|de|al|el|da|von))$")
_LABELS = sorted(data.AUTHOR_LABELS, key=len, reverse=True)
_LABELLED = re.compile(
    r"^\s*(?P<label>" + "|".join(re.escape(label) for label in _LABELS) + r")\b\s*(?:[:\t|]|\s)[\s:]*(?P<rest>[^\W\d_].*)$",
    re.I,
)
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|tv)\b", re.I)


# --- title ---------------------------------------------------------------------------------------


def clean_title(title: str | None, outlet_names: Iterable[str] = ()) -> str | None:
    """A page title without its site name: " - Kompas.com", " | tempo.co", "KapanLagi.com: "."""
    if not title:
        return None
    text = " ".join(title.split())
    names = {n.lower() for n in outlet_names if n}
    for _ in range(3):
        parts = re.split(r"\s+[-|–—•:·]\s+|\s+[|•·]\s*|(?<=\.com):\s+|(?<=\.id):\s+", text)
        if len(parts) < 2:
            break
        head, tail = parts[0], parts[-1]
        if _is_site_name(tail, names):
            text = text[: len(text) - len(tail)].rstrip(" -|–—•:·")
        elif _is_site_name(head, names):
            text = text[len(head):].lstrip(" -|–—•:·")
        else:
            break
    return text.strip() or None


def _is_site_name(part: str, names: set[str]) -> bool:
    key = part.strip().lower()
    if not key:
        return False
    if key in names or key == "halaman all" or key.startswith("halaman "):
        return True
    if _DOMAIN.fullmatch(key) or re.fullmatch(r"[\w-]+\.(?:com|co\.id|id|net)(?:\s+\w+)?", key):
        return True
    canonical = canonical_agency(part)
    return canonical is not None and len(part.split()) <= 4


def looks_like_title(info_text: str) -> bool:
    words = re.findall(r"\w+", info_text)
    if not 3 <= len(words) <= 30 or len(info_text) > 220:
        return False
    if line_kind(info_text) is not None or find_dates(info_text):
        return False
    if info_text.rstrip().endswith((".", ",", ":", ";")) and not info_text.rstrip().endswith(("..", "…")):
        return False
    if info_text.rstrip().endswith(("...", "…")):
        return False  # a cut teaser of the title
    if re.search(r"\w\.\s+\S", info_text) and not re.search(r"\b[A-Z]\.\s", info_text):
        return False  # two sentences: a caption or a teaser
    return _LABELLED.match(info_text) is None


# --- authors -------------------------------------------------------------------------------------


def find_authors(lines: Sequence[str], outlets: OutletTable) -> tuple[Author, ...]:
    """Bylines in the page's non-body lines: "Penulis: X", "Editor: Y", "X" over a "Penulis"
    label, "Laporan Wartawan Tribunnews.com X", "News - X, CNBC Indonesia"."""
    found: list[Author] = []
    # "Penulis: A | Editor: B" holds two bylines.
    segments = [part for line in lines for part in re.split(r"\s+\|\s+|\t{2,}", line.replace("\u00a0", " "))]
    nonblank = [s.strip() for s in segments if s.strip()]
    used: set[int] = set()
    for i, text in enumerate(nonblank):
        match = _LABELLED.match(text)
        if match and match.group("label").lower() in data.COLON_LABELS and ":" not in text[: match.start("rest")] \
                and match.group("label").lower() != "by":
            match = None
        if match:
            role = data.AUTHOR_LABELS[match.group("label").lower()]
            rest = match.group("rest")
            if rest.startswith((":", "\t")) or match.group(0)[len(match.group("label")):].lstrip()[:1] in ":\t":
                rest = rest.lstrip(":\t ")
            found.extend(Author(n, role) for n in _names(_strip_outlet(rest, outlets)))  # type: ignore[arg-type]
            used.add(i)
            continue
        label = text.lower().rstrip(" :")
        if label in data.AUTHOR_LABELS:
            role = data.AUTHOR_LABELS[label]
            # The name sits beside its label: after it (": Name", "Author / Name") or before it ("Name / Penulis").
            after = nonblank[i + 1] if i + 1 < len(nonblank) else ""
            before = nonblank[i - 1] if i > 0 and i - 1 not in used else ""
            for j, side in ((i + 1, after), (i - 1, before)) if after.startswith(":") else ((i - 1, before), (i + 1, after)):
                names = _adjacent_names(side)
                if names:
                    found.extend(Author(n, role) for n in names)  # type: ignore[arg-type]
                    used.add(j)
                    break
            continue
        byline = _outlet_byline(text, outlets)
        if byline:
            found.extend(Author(n, "writer") for n in _names(byline))
    return _merge(found)


def _adjacent_names(line: str) -> list[str]:
    """Names on a line next to a bare role label: the whole line must be names."""
    text = line.lstrip(": \t")
    if not text or any(ch.isdigit() for ch in text) or _LABELLED.match(text) or text.lower() in data.AUTHOR_LABELS:
        return []
    names = _names(text)
    words = re.sub(r"[,;&/]|\bdan\b|\band\b", " ", text).split()
    return names if sum(len(n.split()) for n in names) == len(words) else []


def _outlet_byline(text: str, outlets: OutletTable) -> str | None:
    """"News - Thea Fathanah Arbar, CNBC Indonesia" gives the name before the outlet."""
    match = re.match(r"^(?:(?P<section>[\w &]+?)\s+[-–—|]\s+)?(?P<name>[^,\-–—|]+?),\s*(?P<outlet>[^,]+)$", text)
    if not match:
        # "Fino Yurio Kristo - detikinet"
        match = re.match(r"^(?P<section>)(?P<name>[^,\-–—|]+?)\s+[-–—]\s+(?P<outlet>[\w.]+(?:\s+Indonesia)?)$", text)
    if not match:
        return None
    section = (match.group("section") or "").lower()
    if section and not all(w in data.SECTION_WORDS for w in section.split()):
        return None
    outlet = match.group("outlet")
    if outlets.by_alias(outlet) is None and agency_kind(canonical_agency(outlet) or "") != "outlet":
        return None
    return match.group("name")


def _strip_outlet(rest: str, outlets: OutletTable) -> str:
    """"Tribunnews.com Namira Yunia Lestanti" or "Kompas.com, Nabilla" lose the outlet."""
    text = rest.strip()
    first = re.match(r"^([\w.-]+(?:\s+(?:Indonesia|News|Online))?)[,\s]+", text)
    if first and (outlets.by_alias(first.group(1)) or _DOMAIN.fullmatch(first.group(1))
                  or canonical_agency(first.group(1))):
        text = text[first.end():]
    return text


def _names(text: str) -> list[str]:
    """Person names in a byline value: split on commas, "dan", "&", "|", "/"."""
    text = re.split(r"\s+[|]\s+|\s{2,}|\t", text.strip())[0]
    text = re.sub(r"\s*\([^)]*\)", "", text)
    names = []
    for part in re.split(r"\s*(?:,|;|&|/|\bdan\b|\band\b)\s*", text):
        part = part.strip(" .:-")
        if _is_name(part):
            names.append(part)
    return names


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    if not all(_NAME_WORD.match(w) for w in words) or words[0].lower() in _PARTICLES:
        return False
    if canonical_agency(text) is not None or text.lower() in data.AUTHOR_LABELS:
        return False
    if any(w.lower().strip(".") in data.NOT_NAME_WORDS for w in words):
        return False
    return len(words) > 1 or len(text) >= 4


def _merge(authors: list[Author]) -> tuple[Author, ...]:
    """One entry per person, with the most specific role (a writer also listed as reporter stays writer)."""
    best: dict[str, Author] = {}
    order: list[str] = []
    for author in authors:
        key = author.name.lower()
        if key not in best:
            best[key] = author
            order.append(key)
        elif _ROLE_ORDER[author.role] < _ROLE_ORDER[best[key].role]:
            best[key] = Author(best[key].name, author.role)
    return tuple(best[k] for k in order)


# --- dateline and outlet -------------------------------------------------------------------------


def split_dateline(first_paragraph: str, outlets: OutletTable) -> tuple[str | None, str | None]:
    """(place, outlet form) from a lead's "CITY, OUTLET - " prefix; either may be None."""
    match = DATELINE.match(first_paragraph.replace("\u00a0", " "))
    if not match:
        return None, None
    place = outlet = None
    for part in (match.group("a"), match.group("b"), match.group("c")):
        if not part:
            continue
        if _is_outlet_form(part, outlets):
            outlet = outlet or part
        elif place is None and len(part.split()) <= 3:
            place = part
    after = first_paragraph[match.end():match.end() + 1]
    if place and not (place.isupper() or outlet or match.group("b")):
        # "Cianjur - Gempa ..." is a dateline; "Presiden Jokowi - yang ..." is not: a lone
        # title-case part must be short and followed by a new sentence.
        if len(place.split()) > 2 or not after.isupper():
            place = None
    return place, outlet


def _is_outlet_form(part: str, outlets: OutletTable) -> bool:
    return bool(outlets.by_alias(part) or _DOMAIN.search(part) or canonical_agency(part))


def outlet_name(form: str | None, outlets: OutletTable, *, known_only: bool = False) -> str | None:
    """The outlet's name for a form seen on the page ("KOMPAS.com" -> "Kompas.com"); an unknown
    domain-like form is returned as printed unless `known_only`."""
    if not form:
        return None
    known = outlets.by_alias(form)
    if known:
        return known.name
    canonical = canonical_agency(form)
    if canonical:
        return canonical
    if known_only:
        return None
    return form.strip() if _DOMAIN.fullmatch(form.strip()) else None


def outlet_from_lines(lines: Sequence[str], outlets: OutletTable) -> str | None:
    """The outlet named by a byline ("Laporan Wartawan Tribunnews.com", ", CNBC Indonesia") or a
    copyright footer ("© 2024 SINDOnews.com")."""
    for raw in lines:
        text = raw.strip().replace("\u00a0", " ")
        byline = re.match(r"^laporan\s+(?:wartawan|reporter|kontributor)\s+([\w.-]+(?:\s+Indonesia)?)", text, re.I)
        if byline and outlet_name(byline.group(1), outlets, known_only=True):
            return outlet_name(byline.group(1), outlets, known_only=True)
        tail = re.match(r"^(?:[\w &]+\s+[-–—|]\s+)?[^,]+,\s*([^,]+)$", text) or re.match(
            r"^[^,\-–—|]+?\s+[-–—]\s+([\w.]+(?:\s+Indonesia)?)$", text)
        if tail and len(text.split()) <= 10 and outlets.by_alias(tail.group(1)):
            return outlets.by_alias(tail.group(1)).name  # type: ignore[union-attr]
    for raw in lines:
        text = raw.strip()
        if re.search(r"©|copyright|\(c\)", text, re.I):
            domain = _DOMAIN.search(text)
            if domain and outlet_name(domain.group(), outlets, known_only=True):
                return outlet_name(domain.group(), outlets, known_only=True)
            for _, _, canonical in find_agencies(text):
                known = outlets.by_alias(canonical)
                if known or agency_kind(canonical) == "outlet":
                    return known.name if known else canonical
    return None


# --- sources cited -------------------------------------------------------------------------------

# "kata X kepada Kompas.com", "saat dihubungi Tempo": the outlet asked, it is not a source relayed.
_INTERVIEWER = re.compile(
    r"\b(?:kepada|dihubungi|ditemui|dikonfirmasi|diwawancarai|wawancara\s+dengan|menjawab\s+pertanyaan|told)"
    r"\s+(?:\w+\s+){0,1}$",
    re.I,
)


def sources_cited(body: Sequence[str], extra_lines: Sequence[str], own: set[str]) -> tuple[str, ...]:
    """Agencies and outlets the article reports from, canonical, in order of first mention:
    those named in the body, then a "Sumber: X" line. The outlet's own name does not count."""
    found: list[str] = []
    for paragraph in body:
        for start, _, canonical in find_agencies(paragraph):
            if canonical in own or canonical in found or _INTERVIEWER.search(paragraph[max(0, start - 40):start]):
                continue
            found.append(canonical)
    for raw in extra_lines:
        match = re.match(r"^\s*(?:sumber|source)\s*:\s*(.+)$", raw.strip(), re.I)
        if not match:
            continue
        for part in re.split(r"\s*(?:,|;|/|\bdan\b|&)\s*", match.group(1)):
            canonical = canonical_agency(part)
            if canonical and canonical not in own and canonical not in found:
                found.append(canonical)
    return tuple(found)
