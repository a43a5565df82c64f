"""The search query language: words, "phrases", AND / OR / NOT / -word, word*, ( ), fields.

`parse(query, field=...)` gives a tree of frozen nodes; `search` compiles it to an FTS5
expression (`to_fts`) or to SQL over the stem columns (`to_sql`). Every word is reduced to
its stems (`kabar.store.terms`) and every token reaches FTS5 inside double quotes, so
nothing a user types becomes FTS5 or SQL syntax. A query that cannot be read raises
`QuerySyntaxError` (a `ValueError`) saying what is wrong and where.

    banjir jakarta           both words (AND is implied)
    "kerja sama"             the words next to each other
    Trump OR Musk            either; AND binds tighter than OR: a b OR c = (a AND b) OR c
    Trump -Musk              Trump, not Musk (also: Trump NOT Musk)
    ekonom*                  any word starting so (the word is not stemmed)
    title:banjir             in the title;  outlet:Kompas.com  entity:"Xi Jinping"
    date:2021-03..2021-04    published in that span (either end may be left open);  date:2021-03-23
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Union

from kabar.analyse.stem import stem_text
from kabar.store.terms import split_stems

Column = Literal["text", "title", "facets"]
FIELDS = ("title", "outlet", "entity", "date")
MAX_QUERY = 1000  # characters read; the rest is ignored
MAX_TERMS = 200  # leaves in one query (a pasted paragraph fits); the FTS5 expression stays cheap


class QuerySyntaxError(ValueError):
    """A query that cannot be read, with the reason in words."""


@dataclass(frozen=True, slots=True)
class Term:
    """Stems next to each other in a column; `prefix`: the last one is a word's beginning."""

    column: Column
    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class AnyOf:
    options: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class AllOf:
    include: tuple[Node, ...]
    exclude: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Nothing:
    """Matches no article (an entity the store does not hold)."""


Node = Union[Term, AnyOf, AllOf, Nothing]
# (field name, value) -> node; the caller knows the store (entity ids, the dates it holds)
FieldResolver = Callable[[str, str], Node]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: Literal["word", "phrase", "field", "op", "open", "close"]
    text: str
    at: int  # 1-based character position, for messages
    negated: bool = False
    prefix: bool = False
    field: str | None = None


_LEX = re.compile(
    r"""(?P<space>\s+)
      | (?P<open>\()
      | (?P<close>\))
      | (?P<neg>-(?=[^\s\-)]))
      | (?P<field>(?:title|outlet|entity|date):(?="[^"]*"|[^\s()"]))
      | (?P<quote>")
      | (?P<word>[^\s()"]+)""",
    re.X | re.I,
)


def _lex(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, negated, field = 0, False, None
    while pos < len(query):
        m = _LEX.match(query, pos)
        assert m is not None  # the last alternative takes any other character
        kind, text, at = m.lastgroup, m.group(), m.start() + 1
        pos = m.end()
        if kind == "space":
            continue
        if kind == "neg":
            negated = True
            continue
        if kind == "field":
            field = text[:-1].lower()
            continue
        if kind == "quote":
            close = query.find('"', pos)
            if close < 0:
                raise QuerySyntaxError(f"unbalanced quote: a phrase opened at character {at} is never closed")
            text, pos = query[pos:close], close + 1
            kind = "phrase"
        if kind == "word" and field is None and not negated and text in ("AND", "OR", "NOT"):
            tokens.append(_Token("op", text, at))
            continue
        if kind in ("open", "close") and field is not None:
            raise QuerySyntaxError(f"{field}: at character {at} needs a value")
        prefix = kind == "word" and field is None and text.endswith("*")
        if field is not None:
            kind = "field"
        tokens.append(_Token(kind, text.rstrip("*") if prefix else text, at, negated, prefix, field))
        negated, field = False, None
    return tokens


_APART = re.compile(r"[^\w\-.'’/]+")


class _Parser:
    def __init__(self, tokens: list[_Token], field: FieldResolver) -> None:
        self.tokens, self.i, self.field, self.leaves = tokens, 0, field, 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def any_of(self) -> Node | None:
        options = [self.all_of()]
        while (t := self.peek()) is not None and t.kind == "op" and t.text == "OR":
            self.take()
            if options[-1] is None or self._at_end():
                raise QuerySyntaxError(f"OR at character {t.at} needs something to find on each side")
            options.append(self.all_of())
        found = [o for o in options if o is not None]
        if not found:
            return None
        return found[0] if len(found) == 1 else AnyOf(tuple(found))

    def _at_end(self) -> bool:
        t = self.peek()
        return t is None or t.kind == "close" or (t.kind == "op" and t.text == "OR")

    def all_of(self) -> Node | None:
        include: list[Node] = []
        exclude: list[Node] = []
        while not self._at_end():
            t = self.peek()
            assert t is not None
            negate = False
            if t.kind == "op":  # AND or NOT
                self.take()
                if self._at_end() or self.peek().kind == "op":
                    raise QuerySyntaxError(f"{t.text} at character {t.at} needs something after it")
                negate = t.text == "NOT"
            node, negated = self.unary()
            if node is not None:
                (exclude if negate != negated else include).append(node)
        include, exclude = list(dict.fromkeys(include)), list(dict.fromkeys(exclude))  # a word said twice is one
        if not include and not exclude:
            return None
        if not include:
            return AllOf((), tuple(exclude))
        if len(include) == 1 and not exclude:
            return include[0]
        return AllOf(tuple(include), tuple(exclude))

    def unary(self) -> tuple[Node | None, bool]:
        t = self.take()
        if t.kind == "open":
            node = self.any_of()
            close = self.peek()
            if close is None or close.kind != "close":
                raise QuerySyntaxError(f"unbalanced parenthesis: the one at character {t.at} is never closed")
            self.take()
            return node, t.negated
        if t.kind == "close":
            raise QuerySyntaxError(f"unbalanced parenthesis: nothing opened the one at character {t.at}")
        self.leaves += 1
        if self.leaves > MAX_TERMS:
            raise QuerySyntaxError(f"too many terms: at most {MAX_TERMS} words, phrases and fields")
        if t.kind == "field":
            assert t.field is not None
            return self.field(t.field, t.text), t.negated
        if t.prefix:
            word = "".join(ch for ch in t.text.lower() if ch.isalnum())
            return (Term("text", (word,), prefix=True) if word else None), t.negated
        # Words joined by - . ' / stay one phrase ("kerja-sama", "A.S."); other marks part words
        # that need not stand together ("<b>banjir</b>" looks for "b" and "banjir").
        parts = _APART.split(t.text) if t.kind == "word" else [t.text]  # a "phrase" stays one
        terms = [Term("text", stems) for part in parts if (stems := tuple(split_stems(stem_text(part))))]
        if not terms:
            return None, t.negated
        return (terms[0] if len(terms) == 1 else AllOf(tuple(dict.fromkeys(terms)))), t.negated


def parse(query: str, field: FieldResolver) -> Node | None:
    """The query as a tree (None: nothing to search for); `QuerySyntaxError` when it cannot be read."""
    tokens = _lex((query or "").replace("\x00", " ")[:MAX_QUERY])
    parser = _Parser(tokens, field)
    node = parser.any_of()
    if (t := parser.peek()) is not None:
        raise QuerySyntaxError(f"unbalanced parenthesis: nothing opened the one at character {t.at}")
    return simplify(node) if node is not None else None


def simplify(node: Node) -> Node:
    """`Nothing` folded away: excluding it changes nothing, requiring it matches nothing."""
    if isinstance(node, AnyOf):
        options = tuple(o for o in (simplify(o) for o in node.options) if not isinstance(o, Nothing))
        return Nothing() if not options else options[0] if len(options) == 1 else AnyOf(options)
    if isinstance(node, AllOf):
        include = tuple(simplify(n) for n in node.include)
        if any(isinstance(n, Nothing) for n in include):
            return Nothing()
        exclude = tuple(e for e in (simplify(n) for n in node.exclude) if not isinstance(e, Nothing))
        return include[0] if len(include) == 1 and not exclude else AllOf(include, exclude)
    return node


def words(node: Node | None) -> tuple[str, ...]:
    """The stems the query looks for in titles and bodies (not those it excludes), for highlighting;
    a prefix (`word*`) ends in "*"."""
    if isinstance(node, Term):
        if node.column == "facets":
            return ()
        return (*node.tokens[:-1], node.tokens[-1] + "*") if node.prefix else node.tokens
    if isinstance(node, AnyOf):
        return tuple(dict.fromkeys(s for o in node.options for s in words(o)))
    if isinstance(node, AllOf):
        return tuple(dict.fromkeys(s for n in node.include for s in words(n)))
    return ()


def require_positive(node: Node) -> None:
    """Refuse a part that only excludes: neither FTS5 nor a ranking can start from "not X"."""
    if isinstance(node, AllOf):
        if not node.include:
            raise QuerySyntaxError("a query needs a word to find, not only words to leave out (\"banjir -jakarta\")")
        for n in (*node.include, *node.exclude):
            require_positive(n)
    elif isinstance(node, AnyOf):
        for n in node.options:
            require_positive(n)


_COLUMNS = {"text": "{title_stems body_stems}", "title": "title_stems", "facets": "facets"}


def to_fts(node: Node) -> str:
    """An FTS5 MATCH expression; every token quoted (a quote inside doubled), every group in parentheses."""
    if isinstance(node, Term):
        phrase = '"' + " ".join(t.replace('"', '""') for t in node.tokens) + '"'
        return f"({_COLUMNS[node.column]} : {phrase}{' *' if node.prefix else ''})"
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(to_fts(o) for o in node.options) + ")"
    if isinstance(node, AllOf):
        expr = "(" + " AND ".join(to_fts(n) for n in node.include) + ")"
        return "(" + expr + "".join(f" NOT {to_fts(n)}" for n in node.exclude) + ")"
    raise ValueError("Nothing has no FTS5 form: simplify() first")


_SQL_COLUMNS = {
    "text": "(' ' || coalesce(a.title_stems, '') || ' ' || a.body_stems || ' ')",
    "title": "(' ' || coalesce(a.title_stems, '') || ' ')",
    "facets": "(' ' || a.facets || ' ')",
}


def to_sql(node: Node, params: dict[str, str]) -> str:
    """A SQL condition over the articles' stem columns (alias `a`); LIKE patterns go into `params`."""
    if isinstance(node, Term):
        name = f"q{len(params)}"
        phrase = " ".join(node.tokens).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[name] = f"% {phrase}{'%' if node.prefix else ' %'}"
        return f"{_SQL_COLUMNS[node.column]} LIKE :{name} ESCAPE '\\'"
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(to_sql(o, params) for o in node.options) + ")"
    if isinstance(node, AllOf):
        parts = [to_sql(n, params) for n in node.include] + [f"NOT {to_sql(n, params)}" for n in node.exclude]
        return "(" + " AND ".join(parts) + ")"
    return "(1 = 0)"
