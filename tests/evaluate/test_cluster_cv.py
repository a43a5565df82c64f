import numpy as np
import pytest

from kabar.evaluate.cluster_cv import out_of_story_probabilities, pair_set, scores
from tests.link.conftest import make

pytestmark = pytest.mark.filterwarnings("ignore")


def _flood_and_match(prefix: str):
    """Two stories: a flood (two reports of it and a later visit to its refugees) and a football match."""
    articles = [
        make(f"{prefix}-a", "Banjir Rendam Ratusan Rumah di Bekasi",
             ["Banjir setinggi satu meter merendam 300 rumah warga di Tambun, Bekasi, setelah tanggul jebol."]),
        make(f"{prefix}-b", "Tanggul Jebol, Ratusan Rumah di Bekasi Terendam Banjir",
             ["Tanggul Kali Bekasi jebol dan banjir merendam 300 rumah warga di Tambun."]),
        make(f"{prefix}-v", "Menteri Sosial Kunjungi Pengungsi Banjir Bekasi",
             ["Menteri Sosial mengunjungi pengungsi banjir di Tambun, Bekasi, tiga hari setelah tanggul jebol."]),
        make(f"{prefix}-c", "Persib Kalahkan Persija 2-0",
             ["Persib Bandung mengalahkan Persija Jakarta 2-0 di Stadion Si Jalak Harupat."]),
        make(f"{prefix}-d", "Persija Takluk dari Persib",
             ["Persija Jakarta takluk 0-2 dari Persib Bandung di Stadion Si Jalak Harupat."]),
    ]
    events = {f"{prefix}-a.txt": "flood", f"{prefix}-b.txt": "flood", f"{prefix}-v.txt": "visit",
              f"{prefix}-c.txt": "match", f"{prefix}-d.txt": "match"}
    stories = {k: "match" if v == "match" else "flood" for k, v in events.items()}
    return pair_set(prefix, articles, events, stories)


def test_out_of_story_probabilities_never_see_the_story_they_score():
    sets = [_flood_and_match("x"), _flood_and_match("y")]
    probabilities = out_of_story_probabilities(sets, ("body", "head"))
    for ps, p in zip(sets, probabilities):
        assert not np.isnan(p).any() and len(p) == len(ps.table.pairs)
        b3, pair = scores(ps, p, threshold=0.5)
        assert 0.0 <= b3 <= 1.0 and 0.0 <= pair <= 1.0
