from __future__ import annotations

import os
import time

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


def _words(text: str) -> list[str]:
    return text.split()


def _fails(text: str) -> list[str]:
    raise ValueError(f"no words in {text!r}")


def _dies(text: str) -> list[str]:
    os._exit(9)  # as a process killed mid-job: no result, no exception


def test_executor_aside_gives_the_result_or_the_error_of_its_process():
    pool = LocalExecutor(workers=2)
    assert pool.aside(_words, "Presiden bertemu Xi Jinping")() == ["Presiden", "bertemu", "Xi", "Jinping"]
    with pytest.raises(ValueError, match="no words"):
        pool.aside(_fails, "")()
    with pytest.raises(RuntimeError, match="died"):
        pool.aside(_dies, "")()
    # one worker: no process of its own, the same result
    assert LocalExecutor(workers=1).aside(_words, "Kim Jong Un")() == ["Kim", "Jong", "Un"]


def test_executor_pool_keeps_order_across_batches_that_finish_out_of_order():
    items = [0.2 if i % 7 == 0 else 0.0 for i in range(40)]  # a slow item at the head of some batches
    assert list(LocalExecutor(workers=2, batch_size=3, in_flight=2).map(_sleep_then_echo, items)) == items


def _sleep_then_echo(seconds: float) -> float:
    time.sleep(seconds)
    return seconds
