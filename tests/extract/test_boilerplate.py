"""Chrome patterns: whole lines and chrome inside long scraped lines."""

from __future__ import annotations

import pytest

from kabar.extract.boilerplate import clean_inline, line_kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Baca juga: Malaysia Perintahkan Staf Diplomatik Korea Utara Angkat Kaki", "related"),
        ("Baca Juga: Makan Dengan Sehat di Rumah Ala WHO", "related"),
        ("Simak breaking news dan berita pilihan kami langsung di ponselmu.", "related"),
        ("Pilihan Editor: Kemensos Minta Pemda Sediakan Lahan", "related"),
        ("[Gambas:Video CNBC]", "related"),
        ("ADVERTISEMENT", "chrome"),
        ("SCROLL TO CONTINUE WITH CONTENT", "chrome"),
        ("Bagikan artikel ini melalui", "chrome"),
        ("A A A", "chrome"),
        ("Halaman:", "chrome"),
        ("(hoi/hoi)", "initials"),
        ("(ian)", "initials"),
        ("(kpl/sry)", "initials"),
        ("(Cas/Isk)", "initials"),
        ("Copyright © 2024 SINDOnews.com", "footer"),
        ("berita/ rendering in 0.0800 seconds (0.1#10.140)", "footer"),
        ("© 2023 TRIBUNnews.com,a subsidiary of KG Media. All Right Reserved", "footer"),
        ("Kim Jong-un dan Xi Jinping akan meningkatkan persahabatan. //Reuters", "caption"),
        ("Brandon Salim/©KapanLagi.com®/M. Akrom Sukarya", "caption"),
        ("Depresi berat, waspada diabetes! (Foto: Usnews)", "caption"),
    ],
)
def test_boilerplate_line_kinds(line: str, kind: str) -> None:
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Kantor berita pemerintah Korea Utara, KCNA, mengatakan pada Selasa (23/3/2021) bahwa Kim bertukar pesan.",
        "Sementara Xi mengatakan dalam pesannya bahwa China dan Korut sudah saling mendukung dengan teguh.",
        "\"Artinya, ranking 36 terbawah dirasionalisasi,\" ucapnya.",
    ],
)
def test_boilerplate_article_lines_pass(line: str) -> None:
    assert line_kind(line) is None


@pytest.mark.parametrize(
    ("line", "clean", "cut"),
    [
        (
            "kata Robben. Baca juga:Kemenkomdigi Hadirkan Internet Cepat untuk Sekolah Rakyat di Sleman Jika "
            "dikonversikan, jumlahnya setara.",
            "kata Robben. Jika dikonversikan, jumlahnya setara.",
            "Baca juga:Kemenkomdigi Hadirkan Internet Cepat untuk Sekolah Rakyat di Sleman",
        ),
        (
            "ujar Robben. Baca juga:Makan Bergizi Gratis untuk Siswa, Bagaimana Persiapannya? Robben menekankan hal itu.",
            "ujar Robben. Robben menekankan hal itu.",
            "Baca juga:Makan Bergizi Gratis untuk Siswa, Bagaimana Persiapannya?",
        ),
        (
            "adalah orang yang menikmati subsidi. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT \"Elon mungkin mendapat",
            "adalah orang yang menikmati subsidi. \"Elon mungkin mendapat",
            "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
        ),
        ("Jaringan 4G sudah hadir di lima kota. (kpl/sry)", "Jaringan 4G sudah hadir di lima kota.", "(kpl/sry)"),
    ],
)
def test_boilerplate_inline_chrome_cut(line: str, clean: str, cut: str) -> None:
    text, removed = clean_inline(line)
    assert text == clean
    assert removed == [cut]
