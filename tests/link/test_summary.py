import pytest

from kabar.link.summary import dateline_end, summarize, summarize_many


@pytest.mark.parametrize(
    "sentence,rest",
    [
        ("JAKARTA, KOMPAS.com - Para pemimpin China dan Korea Utara menegaskan hubungan mereka.", "Para pemimpin"),
        ("Jakarta, CNN Indonesia -- Presiden Joko Widodo meresmikan bendungan baru hari ini.", "Presiden Joko"),
        ("Wamena ( ANTARA News ) - Pemerintah Kabupaten Jayawijaya mendatangkan tim arkeolog.", "Pemerintah"),
        ("Ketua MPR Zulkifli Hasan menyesalkan kisruh - yang terjadi antara pelaku transportasi.", "Ketua MPR"),
        ("Ada yang baru dari Google Calendar versi web minggu ini.", "Ada yang"),
    ],
)
def test_summary_dateline_is_skipped_only_when_it_is_one(sentence, rest):
    assert sentence[dateline_end(sentence, 0, len(sentence)):].startswith(rest)


def test_summary_single_article_cites_sentences_in_order(corpus):
    chosen = summarize(corpus[0], 2)
    assert len(chosen) == 2
    text = corpus[0].article.text
    assert all(text[c.start:c.end] == c.text for c in chosen)
    assert chosen[0].start < chosen[1].start
    assert chosen[0].text.startswith("Banjir setinggi")  # the dateline is not part of the sentence


def test_summary_many_cites_each_fact_once(corpus):
    chosen = summarize_many(corpus[:2], 3)
    assert len(chosen) == 3
    assert {c.article_id for c in chosen} <= {"banjir-a", "banjir-b"}
    by_id = {a.article.id: a.article.text for a in corpus}
    assert all(by_id[c.article_id][c.start:c.end] == c.text for c in chosen)
    assert len({c.text for c in chosen}) == 3


def test_summary_empty_article_gives_nothing():
    from tests.link.conftest import make

    assert summarize(make("k", "Judul", ["Singkat."]), 0) == ()
