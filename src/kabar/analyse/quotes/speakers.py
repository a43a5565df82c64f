"""Speakers: the fullest name the article gives for the phrase at a cue.

The phrase (`phrases`: "kata Irjen Fadil dalam …" → "Irjen Fadil") is resolved: to the PER/ORG
mention there when the NER gave mentions (and through its entity id to the longest form in the
article), else to the longest capitalised name in the article that contains it; pronouns and
clitics ("ia", "dia", "ujarnya") go to the previous speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from kabar.analyse.quotes.phrases import (
    FUNCTION_WORDS,
    PARTICLE,
    WORD,
    alias_entry,
    clean,
    is_capitalised,
    is_modifier,
    name_part,
    strip_function_words,
)
from kabar.lang.id import quote_cues as cues
from kabar.lang.id.agencies import find_agencies
from kabar.lang.id.aliases import canonical_title
from kabar.lang.id.words import common_words as news_words
from kabar.records import Mention


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    text: str | None
    entity_id: str | None = None


class SpeakerResolver:
    """Resolves speaker phrases of one article to the fullest name it gives."""

    def __init__(self, text: str, mentions: Sequence[Mention] = (), agencies: Sequence[tuple[int, int, str]] | None = None) -> None:
        self.text = text
        # the article's news agencies, (start, end, canonical); scanned once
        self.agencies = tuple(find_agencies(text)) if agencies is None else tuple(agencies)
        self.mentions = sorted((m for m in mentions if m.type in ("PER", "ORG", "LOC")), key=lambda m: m.start)

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Words the article writes in lower case somewhere: not names when capitalised."""
        return frozenset(w for w in WORD.findall(self.text) if w.islower())

    @cached_property
    def _names(self) -> list[tuple[int, int, str]]:
        """Capitalised runs with titles trimmed, the fallback when no mentions are given."""
        runs = []
        places = [(m.start, m.end) for m in self.mentions if m.type in ("LOC", "ORG")]  # sorted by start
        starts = [s for s, _ in places]
        for m in re.finditer(rf"(?:[A-Z](?:[\w'’-]|\.(?=\w))*)(?:[ \u00a0]+(?:(?:{PARTICLE})[ \u00a0]+)?[A-Z](?:[\w'’-]|\.(?=\w))*)*", self.text):
            run = m.group()
            # a place or organisation the tagger found inside the run is not part of the name
            # only the places starting inside the run (a bisection: scanning all of them per run was quadratic)
            inside = places[bisect_left(starts, m.start()) : bisect_left(starts, m.end())]
            cut = max((e for _, e in inside if e < m.end()), default=None)
            if cut is not None:
                run = " " * (cut - m.start()) + self.text[cut : m.end()]
            name = name_part(run, self.common_words)
            if name:
                off = run.rfind(name.split()[0])
                runs.append((m.start() + max(off, 0), m.end(), name))
        return runs

    def resolve(self, start: int, end: int) -> Speaker:
        """The speaker of the phrase `text[start:end]` (not a pronoun).

        A person named in the phrase wins; then a group ("para ahli", "X dan Y")
        as written; then a news agency (canonical name) or an organisation the
        NER found; a role with a place ("Menteri Luar Negeri AS") stays as written.
        """
        phrase = self.text[start:end]
        inside = [m for m in self.mentions if m.start >= start and m.end <= end]
        people = [m for m in inside if m.type == "PER"]
        # in "kata <role> <name>" the name closes the phrase: a person tagged mid-phrase
        # ("Direktur Jenderal Pencegahan dan … Maxi Rein Rondonuwu") is a tagging slip
        closing = [m for m in people if not WORD.search(self.text, m.end, end)]
        if closing or (people and name_part(phrase, self.common_words) is None):
            pick = (closing or people)[-1]
            return Speaker(self._fullest_mention(pick), pick.text, pick.entity_id)
        holder = self.role_holder(start, end)
        if holder is not None:
            return holder
        words = WORD.findall(phrase)
        lower = [w.lower() for w in words]
        if lower and (lower[0] in cues.GROUP_HEADS or "dan" in lower[1:-1]):
            # a group: "Para pemimpin China dan Korea Utara", "beberapa pakar"
            return Speaker(strip_function_words(phrase), clean(phrase))
        agencies = [a for a in self.agencies if start <= a[0] and a[1] <= end]
        if len(agencies) == 1 and len(WORD.findall(self.text[agencies[0][0] : agencies[0][1]])) * 2 >= len(words):
            return Speaker(agencies[0][2], clean(phrase))
        orgs = [m for m in inside if m.type == "ORG" and len(WORD.findall(m.text)) * 2 >= len(words)]
        if orgs:
            return Speaker(self._fullest_mention(orgs[-1]), orgs[-1].text, orgs[-1].entity_id)
        places = [m for m in inside if m.type == "LOC"]
        if places and len(WORD.findall(places[-1].text)) == len(words):
            # a country as speaker ("Korea Utara mengatakan"), as the article writes it
            return Speaker(clean(phrase), clean(phrase), places[-1].entity_id)
        name = name_part(phrase, self.common_words)
        if name is not None and self._inside_org(start, end, name):
            # "data Satuan Tugas Penanganan Covid-19": the capitalised words are an organisation
            orgs = [m for m in inside if m.type == "ORG"]
            return Speaker(self._fullest_mention(orgs[-1]), clean(phrase), orgs[-1].entity_id)
        if name is None or is_modifier(words, name) or alias_entry(name) is not None or (places and not self._is_name(name)):
            whole = strip_function_words(phrase)
            return Speaker(whole, clean(phrase))
        return Speaker(self._fullest_name(name, start), clean(phrase))

    def role_holder(self, start: int, end: int) -> Speaker | None:
        """ "kata Presiden", "ujar Menkeu": a bare title stands for the person the article last
        introduced with it ("Presiden Joko Widodo", "Menteri Keuangan Sri Mulyani Indrawati")."""
        title = canonical_title(self.text[start:end])
        if title is None:
            return None
        holders = [
            m
            for m in self.mentions
            if m.type == "PER" and m.end <= start and m.role and canonical_title(m.role) == title
            and m.text.lower() not in news_words()  # "Instruksi Presiden (Inpres) Nomor 6": a tagging slip
        ]
        if not holders:
            return None
        return Speaker(self._fullest_mention(holders[-1]), clean(self.text[start:end]), holders[-1].entity_id)

    def _inside_org(self, start: int, end: int, name: str) -> bool:
        """Whether the name's words lie inside an ORG mention of the phrase."""
        first = self.text.find(name.split()[0], start, end)
        return first >= 0 and any(m.type == "ORG" and m.start <= first < m.end and m.start >= start for m in self.mentions if m.end <= end)

    def _is_name(self, name: str) -> bool:
        """With NER mentions: whether `name` is not just a place the NER tagged."""
        return not any(m.type == "LOC" and m.text == name for m in self.mentions)

    def _fullest_mention(self, mention: Mention) -> str:
        same = {self._trim(m.text) for m in self.mentions if m.entity_id == mention.entity_id and m.type == mention.type}
        same.add(self._trim(mention.text))
        same.discard("")
        tokens = {t for form in same for t in form.split()}
        same = {self._unglue(form, tokens) for form in same}
        # a form of the same entity that shares no word with the one at the cue is a linking slip
        own = {w.lower() for w in self._trim(mention.text).split()} or {w.lower() for w in mention.text.split()}
        same = {f for f in same if any(w.lower() in own or any(w.lower().startswith(o) or o.startswith(w.lower()) for o in own) for w in f.split())}
        if not same:
            return clean(mention.text)
        best = clean(max(sorted(same), key=lambda t: (len(WORD.findall(t)), len(t))))
        if mention.type == "PER":
            # the tagger may split one person into two entities: the article's longest form still counts
            # only a form that goes on from it ("Xi" → "Xi Jinping"), not one with an untagged
            # organisation before it ("Bulog Budi Waseso")
            longer = self._fullest_name(best, mention.start)
            if longer.startswith(best + " ") or any(clean(m.text) == longer for m in self.mentions if m.type == "PER"):
                return longer
        return best

    @cached_property
    def _runs_by_token(self) -> dict[str, list[tuple[int, int, str]]]:
        """The fallback names, repaired of glued words, indexed by each of their words."""
        known = {t for r in self._names for t in r[2].split()}
        index: dict[str, list[tuple[int, int, str]]] = {}
        for start, end, name in self._names:
            repaired = (start, end, self._unglue(name, known))
            for token in set(repaired[2].split()):
                index.setdefault(token, []).append(repaired)
        return index

    @cached_property
    def _place_forms(self) -> list[str]:
        """LOC/ORG forms the tagger found, longest first."""
        forms = {clean(m.text) for m in self.mentions if m.type in ("LOC", "ORG")}
        return sorted(forms, key=len, reverse=True)

    def _unglue(self, form: str, tokens: set[str]) -> str:
        """A name cut free of a word a scraper glued to it ("Meutya Hafidsaat" → "Meutya Hafid")."""
        words = form.split()
        for i, token in enumerate(words):
            # a glued word is a word: tails over 40 characters are not tried (every split of a
            # 50,000-character "word" was quadratic)
            for k in range(max(2, len(token) - 40), len(token) - 1):
                head, tail = token[:k], token[k:]
                if not tail.islower() or len(tail) < 4:
                    continue
                # a sentence word glued on ("saat", "terkait", "mengungkapkan"), after a name of its own
                if (tail in FUNCTION_WORDS and len(head) >= 4) or (head in tokens and tail in self.common_words):
                    return " ".join([*words[:i], head])
        return form

    def _trim(self, name: str) -> str:
        """A mention without sentence words the tagger swept in ("Sementara Xi" → "Xi")."""
        words = name.split()

        def swept(word: str) -> bool:  # a sentence word at the edge of a name ("Sementara Xi", "ucap Nasaruddin")
            return not is_capitalised(word) or word.lower() in FUNCTION_WORDS

        while words and swept(words[0]):
            words = words[1:]
        # a title, place or organisation the tagger swept into a person ("Pers Gedung Putih Karoline Leavitt")
        if len(words) > 2:
            trimmed = name_part(" ".join(words), self.common_words) if len(words) > 3 else " ".join(words)
            trimmed = trimmed or ""
            for place in self._place_forms:
                if trimmed.startswith(place + " ") and len(trimmed) > len(place) + 1:
                    trimmed = trimmed[len(place) + 1 :]
                    break
            if trimmed and len(trimmed.split()) >= 2:
                words = trimmed.split()
        while words and swept(words[-1]):
            words = words[:-1]
        return " ".join(words)

    def _fullest_name(self, name: str, pos: int) -> str:
        tokens = name.split()
        if not tokens:
            return clean(name)
        pattern = re.compile(r"(?<!\w)" + r"[ \u00a0]+".join(map(re.escape, tokens)) + r"(?!\w)")
        # each distinct form once, with where it occurs (every occurrence per call was quadratic)
        forms = self._forms_by_token.get(tokens[0], {})
        longer = [(form, starts) for form, starts in forms.items() if len(form.split()) > len(tokens) and pattern.search(form)]
        before = []
        for form, starts in longer:
            i = bisect_right(starts, pos)
            if i:
                before.append((len(form.split()), starts[i - 1], form))
        if before:  # the longest earlier form, ties to the nearest
            return clean(max(before)[2])
        if longer:  # else the longest later form, ties to the first
            return clean(max(longer, key=lambda f: (len(f[0].split()), -f[1][0]))[0])
        return clean(name)

    @cached_property
    def _forms_by_token(self) -> dict[str, dict[str, list[int]]]:
        """`_runs_by_token` with each form once: token → form → its starts, in order."""
        index: dict[str, dict[str, list[int]]] = {}
        for token, runs in self._runs_by_token.items():
            forms: dict[str, list[int]] = {}
            for start, _, form in runs:
                forms.setdefault(form, []).append(start)
            index[token] = {form: sorted(starts) for form, starts in forms.items()}
        return index

    def person_in(self, start: int, end: int) -> Speaker | None:
        """The last person named in text[start:end] (one-word names too), or None."""
        people = [m for m in self.mentions if m.type == "PER" and m.start >= start and m.end <= end]
        if people:
            m = people[-1]
            return Speaker(self._fullest_mention(m), m.text, m.entity_id)
        if self.mentions:
            return None
        names = [r for r in self._names if r[0] >= start and r[1] <= end and alias_entry(r[2]) is None and not self._is_agency(r[0], r[1])]
        if names:
            return Speaker(self._fullest_name(names[-1][2], names[-1][0]), names[-1][2])
        return None

    def _is_agency(self, start: int, end: int) -> bool:
        return any(a[0] < end and start < a[1] for a in self.agencies)

    def nearest_person_before(self, pos: int) -> Speaker | None:
        """The last person named before `pos`: the fallback for a pronoun."""
        people = [m for m in self.mentions if m.type == "PER" and m.end <= pos]
        if people:
            m = people[-1]
            return Speaker(self._fullest_mention(m), m.text, m.entity_id)
        if self.mentions:
            return None
        names = [r for r in self._names if r[1] <= pos and len(r[2].split()) >= 2 and alias_entry(r[2]) is None]
        if names:
            return Speaker(self._fullest_name(names[-1][2], names[-1][0]), names[-1][2])
        return None


def _prefer(mentions: Sequence[Mention]) -> Mention:
    """PER before ORG before LOC; the last of a kind (nearest the cue)."""
    for kind in ("PER", "ORG", "LOC"):
        found = [m for m in mentions if m.type == kind]
        if found:
            return found[-1]
    return mentions[-1]
