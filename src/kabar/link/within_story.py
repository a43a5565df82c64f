"""Events as a second pass inside each story, on similarity relative to the story's own.

The first pass (`link.events`) scores pairs with hand-set bonuses and one absolute
threshold; those settings were chosen reading `events` and, on stories they were not
tuned on (`events2`), they merge statements by different actors on the same matter.
An absolute cosine transfers badly because stories differ in how alike *all* their
articles are: the reports on a ministry's plan all share its vocabulary, the reports
on a death and its tributes much less. So once stories are known (they hold up held
out), each story's articles are grouped again by average linkage on body similarity
divided by the story's mean pair similarity: two articles report one happening when
they are clearly closer than the story's articles are on average, the score lowered
as in the first pass when the days of their happenings lie apart (reports of one
happening agree on its day; a story's other events come on other days).

The threshold was chosen by cross-set selection (docs/linking.md): 1.1 is the best
on `events` (the best on `events2` is 1.0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from kabar.link.features import ArticleFeatures
from kabar.link.graph import Edges, average_linkage, row_dots


@dataclass(frozen=True, slots=True)
class WithinStoryConfig:
    relative_threshold: float = 1.1  # average linkage stops below this multiple of the story's mean
    # A story's mean is shrunk toward the corpus's as if it had this many more pairs at the corpus
    # mean: a story of two or three articles says little about its own spread. Not tuned (set once).
    prior_pairs: float = 5.0
    # Stories up to this size are compared on all their pairs (a pair blocking left out still
    # lowers an average as the small similarity it has, not as zero); larger ones, which only
    # big corpora have, on the candidate pairs, so the cost stays bounded.
    all_pairs_up_to: int = 1000


def story_means(body: sparse.csr_matrix, story_of: np.ndarray, n_stories: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum of body similarities over each story's article pairs, and their number.

    With rows x_i, the pairs' dot products add up to (|Σx|² − Σ|x|²)/2, so no pair is
    enumerated: the cost is the matrix's, however large a story is."""
    n = body.shape[0]
    indicator = sparse.csr_matrix((np.ones(n, dtype=np.float64), (story_of, np.arange(n))), shape=(n_stories, n))
    summed = indicator @ body.astype(np.float64)
    total = np.asarray(summed.multiply(summed).sum(axis=1)).ravel()
    own = indicator @ np.asarray(body.multiply(body).sum(axis=1), dtype=np.float64).ravel()
    sizes = np.bincount(story_of, minlength=n_stories).astype(np.float64)
    return (total - own) / 2, sizes * (sizes - 1) / 2


def relative_edges(
    body: sparse.csr_matrix, pairs: Iterable[tuple[int, int]], story_of: np.ndarray, n_stories: int, cfg: WithinStoryConfig
) -> Edges:
    """The pairs inside one story (all of a small story's, else the candidate pairs), scored by
    body similarity over the story's mean."""
    sums, counts = story_means(body, story_of, n_stories)
    overall = sums.sum() / counts.sum() if counts.sum() else 0.0
    if overall <= 0:
        return {}
    mean = (sums + cfg.prior_pairs * overall) / (counts + cfg.prior_pairs)
    sizes = np.bincount(story_of, minlength=n_stories)
    rows, cols = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for members in _members(story_of, n_stories):
        if 1 < len(members) <= cfg.all_pairs_up_to:
            a, b = np.triu_indices(len(members), k=1)
            rows.append(members[a])
            cols.append(members[b])
    big = sorted((i, j) for i, j in pairs if story_of[i] == story_of[j] and sizes[story_of[i]] > cfg.all_pairs_up_to)
    left = np.concatenate(rows + [np.array([p[0] for p in big], dtype=np.int64)]).tolist()
    right = np.concatenate(cols + [np.array([p[1] for p in big], dtype=np.int64)]).tolist()
    sims = row_dots(body, left, right)
    return {(i, j): sim / mean[story_of[i]] for i, j, sim in zip(left, right, sims) if sim > 0}


def _members(story_of: np.ndarray, n_stories: int) -> list[np.ndarray]:
    order = np.argsort(story_of, kind="stable")
    bounds = np.searchsorted(story_of[order], np.arange(n_stories + 1))
    return [order[bounds[s] : bounds[s + 1]] for s in range(n_stories)]


def events_within_stories(
    body: sparse.csr_matrix,
    pairs: Iterable[tuple[int, int]],
    events: Sequence[Sequence[int]],
    stories: Sequence[Sequence[int]],
    features: Sequence[ArticleFeatures],
    days_apart: Callable[[ArticleFeatures, ArticleFeatures], float],
    cfg: WithinStoryConfig = WithinStoryConfig(),
) -> tuple[list[list[int]], list[list[int]]]:
    """Events regrouped inside each story (article indices), and the stories as groups of them.

    `events` and `stories` are the first pass's (stories as indices into `events`); the
    stories keep their articles, only the events inside them change. `days_apart` is the
    factor of a pair by the gap between their happenings' days (`events.date_factor`)."""
    n = body.shape[0]
    story_of = np.zeros(n, dtype=np.int64)
    for s, members in enumerate(stories):
        for e in members:
            story_of[list(events[e])] = s
    sizes = np.bincount(story_of, minlength=len(stories))
    if int((sizes * (sizes - 1) // 2).sum()) < 2:
        # A pair is measured against the spread of the corpus's story pairs; when it is the
        # only one (a new store, a batch of two reports of one flood) it would be measured
        # against itself, its ratio 1, and split. There is no spread to read: the first pass stands.
        return [list(e) for e in events], [list(s) for s in stories]
    edges = relative_edges(body, pairs, story_of, len(stories), cfg)
    edges = {(i, j): s * days_apart(features[i], features[j]) for (i, j), s in edges.items()}
    regrouped = average_linkage(n, edges, cfg.relative_threshold)
    regrouped.sort(key=lambda g: (int(story_of[g[0]]), g[0]))
    by_story: list[list[int]] = [[] for _ in stories]
    for e, members in enumerate(regrouped):
        by_story[story_of[members[0]]].append(e)
    return regrouped, [g for g in by_story if g]
