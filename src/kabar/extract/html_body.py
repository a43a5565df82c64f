"""The HTML path: trafilatura's main text, checked against the line classifier
run on the rendered page, then the same chrome removal and metadata as page text."""

from __future__ import annotations

import re
from dataclasses import replace

from kabar.extract import html as htmlmod
from kabar.extract.assemble import Markup, build_article
from kabar.extract.boilerplate import line_kind
from kabar.extract.dates import find_dates
from kabar.extract.errors import ExtractError
from kabar.extract.meta import find_authors
from kabar.extract.outlets import OutletTable
from kabar.extract.text import Layout, layout, line_info
from kabar.records import Article, RawPage


def html_article(page: RawPage, outlets: OutletTable, *, repeated: frozenset[str] = frozenset()) -> Article:
    facts = htmlmod.parse(page.content)
    markup = Markup(facts.title, facts.h1, facts.published, facts.site_name, facts.url, facts.author)
    found = layout(list(facts.lines), repeated=repeated, join_wrapped=False)
    headings = {" ".join(t.split()).lower() for t in (facts.title, *facts.h1) if t}
    main = [line for line in htmlmod.main_text(page.content, page.url or facts.url)
            if _keep(line) and not _heading_or_meta(line, headings, outlets)]
    ours = [found.lines[i] for i in found.body]
    body = _choose(main, ours)
    page_core = sum(info.words for info in found.infos if info.core)
    if _core_words(body) < _SHORT * page_core:
        # The body chosen is short against the page's text: weigh every reading of the page.
        body = _most_article_like([body, ours, main, _justext(page.content)], found.lines, headings)
    if not body:
        raise ExtractError("no article text found in the HTML")
    if body is not ours:
        found = _relocate(found, body)
    return build_article(page, found, outlets, markup=markup, body_override=body, repeated=repeated)


_SHORT = 0.5  # a body with under half the page's core words may be a fraction of the article


def _core_words(lines: list[str]) -> int:
    return sum(info.words for info in (line_info(0, line) for line in lines) if info.core)


def _article_score(lines: list[str], page_lines: tuple[str, ...], headings: set[str]) -> float:
    """How much a candidate reads like one article: words in sentence-like, stopword-dense
    paragraphs (each counted once), less half the words of the rest (menus, headlines, captions);
    half as much again when its lead opens with a dateline, and again when it starts just under
    the page's headline, where articles start (comments and teasers sit further down)."""
    distinct = list(dict.fromkeys(" ".join(line.split()) for line in lines))
    infos = [line_info(0, line) for line in distinct]
    core = sum(i.words for i in infos if i.core)
    score = core - 0.5 * sum(i.words for i in infos if not i.core)
    lead = next((i for i in infos if i.core), None)
    if lead is not None and lead.dateline:
        score *= 1.5
    if lead is not None and _under_headline(lead.text, page_lines, headings):
        score *= 1.5
    return score


def _under_headline(lead: str, page_lines: tuple[str, ...], headings: set[str]) -> bool:
    keys = [" ".join(line.split()) for line in page_lines]
    at = next((n for n, key in enumerate(keys) if key == lead), None)
    if at is None:
        return False
    return any(key.lower() in headings for key in keys[max(0, at - 4):at])


def _most_article_like(candidates: list[list[str]], page_lines: tuple[str, ...], headings: set[str]) -> list[str]:
    """The first of the highest-scoring candidates (the first is the one chosen so far)."""
    best, best_score = candidates[0], _article_score(candidates[0], page_lines, headings)
    for candidate in candidates[1:]:
        score = _article_score(candidate, page_lines, headings) if candidate else float("-inf")
        if score > best_score:
            best, best_score = candidate, score
    return best


def _justext(html: str) -> list[str]:
    """jusText's reading of the page: its good paragraphs (Indonesian stoplist)."""
    import justext

    from kabar.extract.text import stopwords

    try:
        paragraphs = justext.justext(html.encode("utf-8", errors="replace"), stopwords(), encoding="utf-8")
    except Exception:  # jusText raises on markup lxml cannot read; the other readings stand
        return []
    return [" ".join(p.text.split()) for p in paragraphs if not p.is_boilerplate and p.text.strip()]


def _relocate(found: Layout, body: list[str]) -> Layout:
    """Point the layout at trafilatura's paragraphs among the rendered lines, so that the
    title, date and byline are looked for above the article and not above the footer."""
    keys = {" ".join(line.split()) for line in body}
    hits = [n for n, line in enumerate(found.lines) if " ".join(line.split()) in keys]
    if not hits:
        return found
    return replace(found, body=tuple(hits), start=hits[0], end=hits[-1] + 1)


def _keep(line: str) -> bool:
    return line_kind(line) is None


def _heading_or_meta(line: str, headings: set[str], outlets: OutletTable) -> bool:
    """trafilatura keeps the headline, date line and byline of short articles: not body."""
    text = " ".join(line.split())
    if text.lower() in headings:
        return True
    info = line_info(0, text)
    if info.words <= 12 and not info.sentence and find_dates(text):
        return True
    return info.words <= 12 and bool(find_authors([text], outlets))


def _tokens(lines: list[str]) -> int:
    return sum(len(re.findall(r"\w+", line)) for line in lines)


def _overlap(a: list[str], b: list[str]) -> float:
    from collections import Counter

    ta = Counter(re.findall(r"\w+", " ".join(a).lower()))
    tb = Counter(re.findall(r"\w+", " ".join(b).lower()))
    common = sum((ta & tb).values())
    return 2 * common / (sum(ta.values()) + sum(tb.values())) if common else 0.0


def _choose(main: list[str], ours: list[str]) -> list[str]:
    """The line classifier's body, unless trafilatura found article-like paragraphs it
    missed (long, sentence-like lines worth 30% of ours): then trafilatura's text,
    without its short non-sentence lines that ours left out (dates, related titles)."""
    if not ours:
        return main
    if not main:
        return ours
    if _overlap(main, ours) < 0.2:
        return main  # the two found different texts: trafilatura's reading of the markup wins
    known = {" ".join(line.split()) for line in ours}
    extra = [line for line in main if " ".join(line.split()) not in known]
    extra_core = sum(_tokens([line]) for line in extra if line_info(0, line).core)
    if extra_core < 0.3 * _tokens(ours):
        return ours
    return [line for line in main if " ".join(line.split()) in known or line_info(0, line).core
            or line_info(0, line).medium]
