"""Indonesian derivations and the lexicon's surface words."""

from __future__ import annotations

import pytest

from kabar.analyse.plover.morph import derive, nasal
from kabar.analyse.plover.triggers import find_triggers, lookup, tokens_of


@pytest.mark.parametrize(
    ("root", "active", "noun"),
    [
        ("tangkap", "menangkap", "penangkapan"),
        ("kecam", "mengecam", "pengecaman"),
        ("serang", "menyerang", "penyerangan"),
        ("pukul", "memukul", "pemukulan"),
        ("bunuh", "membunuh", "pembunuhan"),
        ("culik", "menculik", "penculikan"),
        ("gugat", "menggugat", "penggugatan"),
        ("ancam", "mengancam", "pengancaman"),
        ("larang", "melarang", "pelarangan"),
        ("kritik", "mengkritik", "pengkritikan"),  # a cluster keeps its first consonant
        ("protes", "memprotes", "pemprotesan"),
        ("bom", "mengebom", "pengeboman"),  # one syllable: menge-
    ],
)
def test_nasal_assimilation(root, active, noun):
    assert nasal("me", root) == active
    assert nasal("pe", root) + "an" == noun


@pytest.mark.parametrize(
    ("root", "form", "word"),
    [
        ("tandatangan", "meN-i", "menandatangani"),
        ("perintah", "meN-kan", "memerintahkan"),
        ("temu", "per-an", "pertemuan"),
        ("runding", "ber", "berunding"),
        ("sepakat", "ke-an", "kesepakatan"),
        ("selidik", "di-i", "diselidiki"),
    ],
)
def test_derive_forms(root, form, word):
    assert derive(root, form)[0][0] == word


@pytest.mark.parametrize(
    ("word", "type_", "voice"),
    [
        ("ditangkap", "COERCE", "passive"),
        ("penangkapannya", "COERCE", "nominal"),  # the clitic is set aside
        ("mengecam", "DISAPPROVE", "active"),
        ("bertemu", "CONSULT", "active"),
        ("menandatangani", "SUPPORT", "active"),
        ("menyerang", "FIGHT", "active"),
    ],
)
def test_lookup_surface_words(word, type_, voice):
    entry = lookup(word)
    assert entry is not None and (entry.type, entry.voice) == (type_, voice)


@pytest.mark.parametrize("word", ["mengatakan", "menemukan", "bertahan", "meminta", "menyerukan"])
def test_lookup_ignores_statements_appeals_and_lookalikes(word):
    assert lookup(word) is None


def test_find_triggers_phrase_wins_over_its_words():
    triggers = find_triggers(tokens_of("Gencatan senjata mulai berlaku pada Selasa pagi."))
    assert [(t.text, t.type, t.mode) for t in triggers] == [("Gencatan senjata mulai berlaku", "RETREAT", "ceasefire")]


def test_find_triggers_verb_glued_to_a_name():
    text = "Kejaksaan Agungmenyita uang senilai Rp 1 triliun."
    (trigger,) = find_triggers(tokens_of(text))
    assert (trigger.type, text[trigger.start : trigger.end]) == ("COERCE", "menyita")


def test_find_triggers_skips_capitalised_name_parts():
    assert find_triggers(tokens_of("Ia tinggal di Kota Serang sejak kecil.")) == []
