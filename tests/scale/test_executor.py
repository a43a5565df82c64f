from __future__ import annotations

import pytest

from kabar.pipeline import extract_paths
from kabar.records import Article
from kabar.scale import LocalExecutor, make_executor, shard


def _title_length(article: Article) -> int:
    return len(article.text)


def test_executor_pool_gives_the_loop_result_in_order(sample_paths):
    articles = [a for a in extract_paths(sample_paths) if isinstance(a, Article)]
    serial = list(LocalExecutor(workers=1).map(_title_length, articles))
    pooled = list(LocalExecutor(workers=2, batch_size=1).map(_title_length, articles))
    assert pooled == serial and len(serial) == 5


def test_executor_ray_matches_local(ray_cluster, sample_paths):
    articles = [a for a in extract_paths(sample_paths) if isinstance(a, Article)]
    ray_result = list(make_executor("ray").map(_title_length, articles))
    assert ray_result == list(map(_title_length, articles))


@pytest.mark.parametrize("world_size", [1, 2, 3, 7])
def test_executor_shards_are_disjoint_and_complete(world_size):
    items = list(range(20))
    shards = [shard(items, rank, world_size) for rank in range(world_size)]
    assert sorted(x for s in shards for x in s) == items


def test_executor_rejects_bad_specs():
    with pytest.raises(ValueError):
        make_executor("spark")
    with pytest.raises(ValueError):
        shard([1, 2], 2, 2)
