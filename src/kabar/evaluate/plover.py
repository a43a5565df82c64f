"""`kabar eval events`: PLOVER event mentions against the plover dev set (`shared/data/plover`).

Scored as its SOURCE.md says. A prediction matches a gold record when the
evidence spans overlap, at least a quarter of the predicted span lies inside
the gold sentence, and the type is the gold type or one of its `alt_types`;
matching is one-to-one, largest overlap first. Precision counts matches to any
record (doubtful, nominal and implicit-actor ones included) over all
predictions; recall is over the core records (no doubt, not nominal, actor
named in the sentence). Actor and recipient accuracy on matched mentions use
token containment against the canonical name, the `*_alt` names and the
mention (CONSULT participants unordered); dates must be equal. Extra events
are unmatched predictions per core record; false events are unmatched
predictions over a negative's cue (all, and related-article links alone).
Beside Kabar: the trivial anchor, every sentence with a lexicon word coded as
that word's type.

The plover set is evaluation-only data (its SOURCE.md): read here, never
trained on or copied.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kabar.evaluate.metrics import f1 as f1_score
from kabar.evaluate.scoreboard import Scoreboard

COLUMNS = (
    "system", "core", "found", "matched", "P", "R", "F1", "type acc", "actor acc", "recipient acc",
    "date acc", "backgr. acc", "extra/gold", "happening R", "on negatives", "on related links",
)
TYPE_COLUMNS = ("type", "gold", "core", "found", "matched", "P", "R (core)")
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Gold:
    file: str
    start: int
    end: int
    type: str
    alt_types: tuple[str, ...]
    actor: tuple[str, ...]  # every acceptable form: canonical parts, alternatives, the mention
    actor_parts: tuple[str, ...]
    recipient: tuple[str, ...]
    recipient_parts: tuple[str, ...]
    date: str | None
    background: bool
    core: bool
    happening: str


@dataclass(frozen=True, slots=True)
class Negative:
    file: str
    cue_start: int
    cue_end: int
    category: str


@dataclass(frozen=True, slots=True)
class Score:
    found: int
    core: int
    matched: int
    core_matched: int
    span_matched: int
    type_right: int
    actor_right: int
    recipient_right: int
    date_right: int
    background_right: int
    happenings: int
    happenings_found: int
    on_negatives: int
    on_related: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.core_matched / self.core if self.core else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def row(self, name: str) -> tuple:
        m = self.matched or 1
        return (
            name, self.core, self.found, self.matched, self.precision, self.recall, self.f1,
            self.type_right / (self.span_matched or 1), self.actor_right / m, self.recipient_right / m,
            self.date_right / m, self.background_right / m, (self.found - self.matched) / (self.core or 1),
            self.happenings_found / (self.happenings or 1), self.on_negatives, self.on_related,
        )


def load_gold(folder: Path) -> tuple[dict[str, str | None], list[Gold], list[Negative]]:
    """Files with their publication dates, the event records and the negatives."""
    files = {r["file"]: r.get("published") for r in _jsonl(folder / "files.jsonl")}
    gold = [_gold(r) for r in _jsonl(folder / "events.jsonl")]
    negatives = [
        Negative(r["file"], r["cue_start"], r["cue_end"], r["category"]) for r in _jsonl(folder / "negatives.jsonl")
    ]
    return files, gold, negatives


def story_halves(folder: Path) -> dict[str, str]:
    """Each file's half of the set, "A" or "B", split by story so that no story is in both: the
    stories sorted by name and dealt alternately. A rule change is decided reading one half's
    errors only and measured on the other (docs/events.md says which half was read when)."""
    story_of = {r["file"]: r.get("story") or r["file"] for r in _jsonl(folder / "files.jsonl")}
    half = {story: "AB"[i % 2] for i, story in enumerate(sorted(set(story_of.values())))}
    return {file: half[story] for file, story in story_of.items()}


def _gold(r: dict) -> Gold:
    actor_parts = _names(r.get("actor"))
    recipient_parts = _names(r.get("recipient"))
    return Gold(
        r["file"], r["start"], r["end"], r["event_type"], tuple(r.get("alt_types") or ()),
        actor_parts + _names(r.get("actor_alt")) + _names(r.get("actor_text")), actor_parts,
        recipient_parts + _names(r.get("recipient_alt")) + _names(r.get("recipient_text")), recipient_parts,
        r.get("date"), bool(r.get("background")),
        not r.get("doubt") and not r.get("nominal") and not r.get("actor_implicit"),
        r.get("happening") or r["id"],
    )


def _names(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(v for v in value if isinstance(v, str))


def _jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def match(preds: Sequence[dict], gold: Sequence[Gold], *, typed: bool = True) -> list[tuple[int, int]]:
    """One-to-one (prediction index, gold index) pairs, largest overlap first."""
    pairs = []
    for i, p in enumerate(preds):
        length = max(1, p["end"] - p["start"])
        for j, g in enumerate(gold):
            overlap = min(p["end"], g.end) - max(p["start"], g.start)
            if overlap <= 0 or overlap < 0.25 * length:
                continue
            if typed and p["type"] != g.type and p["type"] not in g.alt_types:
                continue
            pairs.append((overlap, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _tokens(name: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(name.lower()))


def names_agree(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """Every predicted name is, or contains, or is contained in an acceptable gold name (by tokens);
    nothing on both sides agrees too."""
    predicted = [p for p in predicted if _tokens(p)]
    if not predicted or not gold:
        return not predicted and not gold
    gold_tokens = [_tokens(g) for g in gold if _tokens(g)]
    return all(any(_tokens(p) <= g or g <= _tokens(p) for g in gold_tokens) for p in predicted)


def _pred_names(p: dict, role: str) -> list[str]:
    """A prediction's names for a role: its canonical name(s), or the words when no name was given."""
    names = list(_names(p.get(role)))
    return names or list(_names(p.get(f"{role}_text")))


def _role_right(p: dict, g: Gold, role: str) -> bool:
    if role == "actor":
        ok = names_agree(_pred_names(p, "actor"), g.actor) or names_agree(_names(p.get("actor_text")), g.actor)
    else:
        ok = names_agree(_pred_names(p, "recipient"), g.recipient) or (
            bool(p.get("recipient_text")) and names_agree(_names(p.get("recipient_text")), g.recipient)
        )
    if ok or g.type != "CONSULT":
        return ok
    # CONSULT: participants are an unordered set
    predicted = _pred_names(p, "actor") + _pred_names(p, "recipient")
    return names_agree(predicted, g.actor + g.recipient)


def score(
    preds: dict[str, list[dict]], gold: Sequence[Gold], negatives: Sequence[Negative]
) -> tuple[Score, dict[str, tuple[int, int, int, int]]]:
    """The score over all files, and per type (gold, core, found, matched)."""
    totals: Counter = Counter()
    per_type: dict[str, Counter] = defaultdict(Counter)
    happenings: dict[tuple[str, str], bool] = {}
    by_file: dict[str, list[Gold]] = defaultdict(list)
    for g in gold:
        by_file[g.file].append(g)
        per_type[g.type]["gold"] += 1
        per_type[g.type]["core"] += g.core
        if g.core:
            happenings.setdefault((g.happening, g.type), False)
    negs: dict[str, list[Negative]] = defaultdict(list)
    for n in negatives:
        negs[n.file].append(n)
    for file in set(by_file) | set(preds):
        ps, gs = preds.get(file, []), by_file.get(file, [])
        pairs = match(ps, gs)
        matched_p = {i for i, _ in pairs}
        totals["found"] += len(ps)
        totals["matched"] += len(pairs)
        for p in ps:
            per_type[p["type"]]["found"] += 1
        for i, j in pairs:
            p, g = ps[i], gs[j]
            per_type[p["type"]]["matched"] += 1
            totals["core_matched"] += g.core
            per_type[g.type]["core_matched"] += g.core
            totals["actor"] += _role_right(p, g, "actor")
            totals["recipient"] += _role_right(p, g, "recipient")
            totals["date"] += p.get("date") == g.date
            totals["background"] += bool(p.get("background")) == g.background
            if (g.happening, g.type) in happenings:
                happenings[(g.happening, g.type)] = True
        span_pairs = match(ps, gs, typed=False)
        totals["span"] += len(span_pairs)
        totals["type"] += sum(ps[i]["type"] == gs[j].type or ps[i]["type"] in gs[j].alt_types for i, j in span_pairs)
        for i, p in enumerate(ps):
            if i in matched_p:
                continue
            hits = [n for n in negs.get(file, []) if p["start"] < n.cue_end and n.cue_start < p["end"]]
            totals["on_negatives"] += bool(hits)
            totals["on_related"] += any(n.category == "related-link" for n in hits)
    result = Score(
        totals["found"], sum(g.core for g in gold), totals["matched"], totals["core_matched"], totals["span"],
        totals["type"], totals["actor"], totals["recipient"], totals["date"], totals["background"],
        len(happenings), sum(happenings.values()), totals["on_negatives"], totals["on_related"],
    )
    table = {t: (c["gold"], c["core"], c["found"], c["matched"], c["core_matched"]) for t, c in per_type.items()}
    return result, table


def predict(folder: Path, files: dict[str, str | None], coders: dict[str, Callable]) -> dict[str, dict[str, list[dict]]]:
    """Each coder's contract objects per file, as `kabar events --anchor <published> FILE` prints them
    (each article extracted and analysed once, coded by every coder)."""
    from kabar.analyse.plover.inputs import contract_objects
    from kabar.pipeline import analyse_article, extract_paths
    from kabar.records import Failure

    out: dict[str, dict[str, list[dict]]] = {name: {} for name in coders}
    for file, published in sorted(files.items()):
        for article in extract_paths([folder / file]):
            if isinstance(article, Failure):
                continue
            if not article.published and published:
                article = replace(article, published=published)
            analysed = analyse_article(article)
            for name, coder in coders.items():
                out[name].setdefault(file, []).extend(contract_objects(article, coder(analysed)))
    return out


def evaluate(data: Path, gold: Path) -> list[Scoreboard]:
    from kabar.analyse.plover import baseline_events, code_events

    folder = data / "plover"
    if not (folder / "events.jsonl").is_file():
        return [Scoreboard("events (PLOVER)", COLUMNS, (), ("no plover dev set found: skipped",))]
    files, records, negatives = load_gold(folder)
    predictions = predict(folder, files, {"Kabar": code_events, "every lexicon word (anchor)": baseline_events})
    rows = []
    kabar_types: dict[str, tuple[int, int, int, int, int]] = {}
    for name, preds in predictions.items():
        result, table = score(preds, records, negatives)
        rows.append(result.row(name))
        if name == "Kabar":
            kabar_types = table
    halves = story_halves(folder)
    for half, label in (("A", "Kabar, stories A"), ("B", "Kabar, stories B")):
        kept = {f for f, h in halves.items() if h == half}
        preds = {f: p for f, p in predictions["Kabar"].items() if f in kept}
        result, _ = score(preds, [r for r in records if r.file in kept], [n for n in negatives if n.file in kept])
        rows.append(result.row(label))
    type_rows = []
    for type_, (g, core, found, matched, core_matched) in sorted(kabar_types.items()):
        type_rows.append((type_, g, core, found, matched, matched / found if found else None,
                          core_matched / core if core else None))
    notes = (
        f"{len(files)} articles, {len(records)} gold mentions ({sum(r.core for r in records)} core), "
        f"{len(negatives)} negatives; evaluation only: never trained on; rules were changed reading its "
        "errors one story half at a time (below).",
        "Type acc.: on span-matched mentions; actor, recipient, date, background acc.: on matched mentions.",
        "Stories A / B: the set split by story (sorted, dealt alternately). Round 1 changed rules reading "
        "only A's errors, with B held out (B F1 0.395 -> 0.453); round 2 read B's, with A held out "
        "(A 0.688 -> 0.675). Every figure printed here is now in-sample; those two are the held-out ones.",
    )
    return [
        Scoreboard("events (PLOVER dev): mentions", COLUMNS, tuple(rows), notes),
        Scoreboard("events (PLOVER dev): Kabar per type", TYPE_COLUMNS, tuple(type_rows)),
    ]
