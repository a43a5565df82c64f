"""The agency table: canonical names from the forms Indonesian news uses."""

from __future__ import annotations

import pytest

from kabar.lang.id.agencies import AGENCIES, agency_kind, canonical_agency, find_agencies


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Associated Press (AP)", "Associated Press"),
        ("AP", "Associated Press"),
        ("The Associated Press", "Associated Press"),
        ("kantor berita Xinhua", "Xinhua"),
        ("Kantor Berita Pusat Korea", "KCNA"),
        ("KOMPAS.com", "Kompas.com"),
        ("TRIBUNNEWS.COM", "Tribunnews.com"),
        ("Antara", "ANTARA"),
        ("Al\u00a0Jazeera", "Al Jazeera"),
        ("The New York Times", "New York Times"),
        ("CNN Indonesia", "CNN Indonesia"),
        ("CNN", "CNN"),
    ],
)
def test_agencies_canonical_forms(surface: str, canonical: str) -> None:
    assert canonical_agency(surface) == canonical


@pytest.mark.parametrize("surface", ["antara", "kompas", "AP dan Reuters", "Kementerian Luar Negeri", ""])
def test_agencies_canonical_rejects_words_and_mixtures(surface: str) -> None:
    assert canonical_agency(surface) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kim Jong Un bertukar pesan dengan Xi Jinping, seperti yang dilansir dari Associated Press (AP) pada Selasa.",
            [("Associated Press (AP)", "Associated Press")],
        ),
        (
            "Menurut KCNA dan kantor berita pemerintah China, Xinhua, bahwa Xi dalam pesannya",
            [("KCNA", "KCNA"), ("Xinhua", "Xinhua")],
        ),
        ("PYONGYANG, KOMPAS.com - Para pemimpin China", [("KOMPAS.com", "Kompas.com")]),
        ("Antara lain, seperti dikutip dari Antara, harga naik.", [("Antara", "ANTARA")]),
        ("Presiden berpidato di Istana Merdeka pada Senin.", []),
        ("Michael Bloomberg menyumbang dana kampanye.", []),
        ("Pada tempo dulu, kompas dipakai pelaut.", []),
        ("Direktur PT Angkasa Pura II (AP II) meninjau bandara, kata AP ini.", [("AP", "Associated Press")]),
        ("Kontan saja warga membeli obat di apotek Guardian.", []),
        ("Laporan berasal dari pengguna forum bernama Hanzon. Bernama lengkap Hanzon Lee, ia pelajar.", []),
        ("Perdana menteri itu berbicara, seperti dilansir kantor berita Bernama, Senin.", [("kantor berita Bernama", "Bernama")]),
    ],
)
def test_agencies_find_in_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], c) for s, e, c in find_agencies(text)] == expected


def test_agencies_table_is_consistent() -> None:
    canonicals = [a.canonical for a in AGENCIES]
    assert len(canonicals) == len(set(canonicals))
    assert agency_kind("Xinhua") == "agency" and agency_kind("Kompas.com") == "outlet"
    assert agency_kind("Nowhere Daily") is None
