"""Entities and mentions of one article: NER, then one identity per real-world entity.

Public API: ``annotate(article, resources=None) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]``
and ``canonical_form(surface) -> str``. ``resources`` (`kabar.analyse.resources`) gives the NER model
and the alias table (default: the shipped ones). Entity ids are ``stable_id(type, canonical)``,
so the same identity gets the same id in every article.

Steps, per article, each a pure function over spans (character offsets into ``article.text``):
1. ``find``: sentences → tokens → the CRF tagger (``analyse.ner``) → typed spans;
2. ``split``: spans the tagger ran together or cut wrongly are split or trimmed ("China Xi
   Jinping", "China-Korut", "KOMPAS.com -Presiden", "Jalan Jenderal Sudirman" kept whole) and
   names that are no entity dropped ("pandemi Covid-19");
3. ``find``: names the tagger missed that tables and patterns know are added (alias forms such as
   "Korut" and "negara tirai bambu", agencies, companies after "PT", names after a title);
4. ``roles``: titles before or at the start of a person's name are stripped and kept as
   ``Mention.role`` ("Presiden", "Menteri Luar Negeri"); names found once are added wherever the
   article repeats them;
5. ``names``: each mention gets a canonical name: alias folding (CLDR + our table), institutions
   of a country ("Kementerian Luar Negeri China" → "Ministry of Foreign Affairs of China"),
   spacing/hyphen/capital normalisation ("Kim Jong-un" → "Kim Jong Un"), capitals standing for
   their state when not used as a place ("Beijing menolak …" → China, "di Beijing" stays Beijing),
   short person names folded into the full name introduced in the article ("Xi" → "Xi Jinping"),
   and short forms into the name they stand for ("AP" → "Associated Press", "Kemendagri" →
   "Kementerian Dalam Negeri").
"""

from __future__ import annotations

from kabar.analyse.entities.find import (
    add_agency_spans,
    add_company_spans,
    add_dictionary_spans,
    add_titled_names,
    propagate,
    tagged_spans,
)
from kabar.analyse.entities.names import canonical_form, records, resolve
from kabar.analyse.entities.roles import offices_as_roles, with_role
from kabar.analyse.entities.split import (
    is_words_not_a_person,
    join_places_named_after_people,
    names_a_non_entity,
    split_at_dash,
    split_pairs,
    split_prefixes,
    without_credit_label,
)
from kabar.analyse.resources import Resources
from kabar.records import Article, Entity, Mention

__all__ = ["annotate", "canonical_form"]


def annotate(article: Article, resources: Resources | None = None) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """The entities of an article and their mentions (offsets into ``article.text``)."""
    text = article.text
    if not text.strip():
        return (), ()
    resources = resources or Resources()
    table, model = resources.aliases, resources.ner
    lexicon = model.lexicon
    spans = tagged_spans(text, table, model)
    spans = [part for span in spans for part in split_prefixes(text, span, table, lexicon)]
    spans = [part for span in spans for part in split_at_dash(text, span)]
    spans = [without_credit_label(text, s) for s in spans]
    spans = [s for s in spans if not names_a_non_entity(text[s.start : s.end], table)]
    spans = split_pairs(text, spans, table)
    spans = join_places_named_after_people(text, spans, table)
    spans = add_dictionary_spans(text, spans, table)
    spans = add_agency_spans(text, spans)
    spans = add_company_spans(text, spans)
    spans = add_titled_names(text, spans, table, lexicon)
    spans = [s for s in spans if not is_words_not_a_person(text, s)]
    spans = [with_role(text, s, table, lexicon, floor=spans[i - 1].end if i else 0) for i, s in enumerate(spans)]
    spans = offices_as_roles(text, spans, table)
    spans = propagate(text, spans, table)
    spans = [s for s in spans if s.end > s.start and any(ch.isalnum() for ch in text[s.start : s.end])]
    spans = resolve(text, spans, table)
    return records(article.id, text, spans)
