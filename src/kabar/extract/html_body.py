"""The HTML path: trafilatura's main text, checked against the line classifier
run on the rendered page, then the same chrome removal and metadata as page text."""

from __future__ import annotations

import re

from kabar.extract import html as htmlmod
from kabar.extract.assemble import Markup, build_article
from kabar.extract.boilerplate import line_kind
from kabar.extract.outlets import OutletTable
from kabar.extract.text import layout
from kabar.records import Article, RawPage


def html_article(page: RawPage, outlets: OutletTable, *, repeated: frozenset[str] = frozenset()) -> Article:
    from kabar.extract import ExtractError

    facts = htmlmod.parse(page.content)
    markup = Markup(facts.title, facts.h1, facts.published, facts.site_name, facts.url)
    found = layout(list(facts.lines), repeated=repeated)
    main = [line for line in htmlmod.main_text(page.content, page.url or facts.url) if _keep(line)]
    ours = [found.lines[i] for i in found.body]
    body = _choose(main, ours)
    if not body:
        raise ExtractError("no article text found in the HTML")
    return build_article(page, found, outlets, markup=markup, body_override=body)


def _keep(line: str) -> bool:
    return line_kind(line) is None


def _tokens(lines: list[str]) -> int:
    return sum(len(re.findall(r"\w+", line)) for line in lines)


def _choose(main: list[str], ours: list[str]) -> list[str]:
    """trafilatura's text unless it missed most of what the line classifier found."""
    if not main:
        return ours
    if ours and _tokens(main) < 0.6 * _tokens(ours):
        return ours
    return main
