from kabar.evaluate.cluster_cross import RELATIVE_THRESHOLDS, EventSet, cross_set_rows, event_set
from tests.link.conftest import make


def test_cross_set_threshold_is_the_other_sets_best():
    low, high = RELATIVE_THRESHOLDS[0], RELATIVE_THRESHOLDS[-1]
    scores_a = {t: (0.5, 0.5) for t in RELATIVE_THRESHOLDS} | {low: (0.9, 0.9)}
    scores_b = {t: (0.5, 0.5) for t in RELATIVE_THRESHOLDS} | {high: (0.8, 0.8)}
    rows = cross_set_rows([EventSet("a", scores_a), EventSet("b", scores_b)])
    chosen = {r[0]: (r[3], r[4], r[5]) for r in rows}
    assert chosen == {"a": ("b", high, 0.5), "b": ("a", low, 0.5)}


def test_event_set_scores_the_two_reports_of_one_flood():
    articles = [
        make("a", "Banjir Rendam Ratusan Rumah di Bekasi",
             ["Banjir setinggi satu meter merendam 300 rumah warga di Tambun, Bekasi, setelah tanggul Kali Bekasi jebol."]),
        make("b", "Tanggul Jebol, Ratusan Rumah di Bekasi Terendam Banjir",
             ["Tanggul Kali Bekasi jebol dan banjir setinggi satu meter merendam 300 rumah warga di Tambun."]),
        make("v", "Menteri Sosial Kunjungi Pengungsi Banjir Bekasi",
             ["Menteri Sosial mengunjungi pengungsi banjir di Tambun, Bekasi, dan menyerahkan beras serta selimut."]),
        make("c", "Persib Kalahkan Persija 2-0",
             ["Persib Bandung mengalahkan Persija Jakarta 2-0 di Stadion Si Jalak Harupat."]),
    ]
    gold = {"a.txt": "flood", "b.txt": "flood", "v.txt": "visit", "c.txt": "match"}
    scored = event_set("x", articles, gold)
    assert set(scored.scores) == set(RELATIVE_THRESHOLDS)
    assert max(pair for _, pair in scored.scores.values()) == 1.0
