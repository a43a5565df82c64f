"""Sentences without page chrome, and body offsets carried back to a text file's own."""

from __future__ import annotations

from kabar.analyse.plover.offsets import OffsetMap
from kabar.analyse.plover.sentences import article_sentences


def test_article_sentences_cut_inline_chrome():
    text = (
        "Polisi menangkap tiga tersangka di Medan. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT "
        "Mereka ditahan di Polda Sumatera Utara. [Gambas:Video 20detik] Baca juga: Banjir Rendam Jakarta"
    )
    found = [s.text for s in article_sentences(text)]
    assert found == ["Polisi menangkap tiga tersangka di Medan.", "Mereka ditahan di Polda Sumatera Utara."]
    assert all(text[s.start : s.end] == s.text for s in article_sentences(text))


def test_article_sentences_skip_caption_and_link_lines():
    text = "Baca juga: Israel Serang Gaza Lagi\nIran menolak usulan itu pada Senin."
    assert [s.text for s in article_sentences(text)] == ["Iran menolak usulan itu pada Senin."]


def test_offset_map_through_cut_chrome_and_split_words():
    original = "Polisi menangkap dua orang. ADVERTISEMENT Kejaksaan Agungmenyita uang itu."
    body = "Polisi menangkap dua orang. Kejaksaan Agung menyita uang itu."
    mapping = OffsetMap(body, original)
    start = body.index("Kejaksaan")
    s, e = mapping.span(start, len(body))
    assert original[s:e] == "Kejaksaan Agungmenyita uang itu."
    assert mapping.span(0, 27) == (0, 27)


def test_offset_map_identity():
    text = "Sama persis."
    assert OffsetMap(text, text).span(0, len(text)) == (0, len(text))
