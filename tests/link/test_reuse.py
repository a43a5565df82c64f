from kabar.link.reuse import ReuseConfig, containment, find_reuse
from kabar.records import AnalysedArticle, Entity, Mention
from tests.link.conftest import make

SHARED = ("Xi mengatakan dalam pesannya bahwa China dan Korea Utara telah saling mendukung dengan teguh "
          "dalam menghadapi perubahan dunia yang belum pernah terjadi sebelumnya.")


def _pair():
    early = make("awal", "Korea Utara dan China Perkuat Hubungan", [
        "Para pemimpin Korea Utara dan China menyatakan keinginan memperkuat hubungan bilateral kedua negara.",
        SHARED,
        "Perjanjian persahabatan kedua negara ditandatangani pada 1961."], published="2021-07-12",
        sources=("Associated Press", "Xinhua"))
    late = make("akhir", "Diplomat China Temui Duta Besar Korea Utara", [
        "Diplomat top China Yang Jiechi bertemu duta besar Korea Utara di Beijing pada Kamis.",
        SHARED,
        "Pertemuan itu membahas kerja sama strategis di tengah pandemi."], published="2021-10-28",
        sources=("Associated Press",))
    return early, late


def test_reuse_finds_shared_sentence_directed_by_time():
    early, late = _pair()
    found = find_reuse([late, early])
    assert len(found) == 1
    r = found[0]
    assert (r.source_article, r.target_article) == ("awal", "akhir")
    assert early.article.text[r.source_start:r.source_end] == SHARED
    assert late.article.text[r.target_start:r.target_end] == SHARED
    assert r.kind == "copy" and r.agency == "Associated Press"


def test_reuse_none_between_unrelated_articles(corpus):
    assert find_reuse([corpus[0], corpus[3]]) == []


def test_reuse_folds_entity_aliases():
    a = make("a", "T", ["Pemimpin Korea Utara mengatakan bahwa pemerintahnya tanpa henti mengembangkan "
                        "hubungan persahabatan dan kerja sama dengan Beijing."])
    b = make("b", "T", ["Pemimpin Korut mengatakan bahwa pemerintahnya tanpa henti mengembangkan "
                        "hubungan persahabatan dan kerja sama dengan Beijing."])

    def with_mention(x: AnalysedArticle, surface: str) -> AnalysedArticle:
        start = x.article.text.index(surface)
        mention = Mention(x.article.id, start, start + len(surface), surface, "LOC", "nk")
        return AnalysedArticle(x.article, (Entity("nk", "North Korea", "LOC"),), (mention,))

    strict = ReuseConfig(min_containment=0.95)
    assert find_reuse([a, b], strict) == []
    assert len(find_reuse([with_mention(a, "Korea Utara"), with_mention(b, "Korut")], strict)) == 1


def test_reuse_containment_of_shorter_set():
    assert containment(frozenset("ab"), frozenset("abcd")) == 1.0
    assert containment(frozenset(), frozenset("a")) == 0.0


def test_reuse_finds_sentence_cut_from_a_longer_one():
    long = make("panjang", "T", [
        "Xi menyambut baik pesan tersebut, dia mengatakan bahwa kedua negara telah saling mendukung dengan teguh "
        "dalam menghadapi perubahan besar dunia, menurut Kantor Berita resmi China Xinhua yang dikelola negara."],
        published="2021-07-11")
    short = make("pendek", "T", [
        "Ia mengatakan bahwa kedua negara telah saling mendukung dengan teguh dalam menghadapi perubahan besar dunia."],
        published="2021-10-28")
    found = find_reuse([long, short])
    assert [(r.source_article, r.target_article) for r in found] == [("panjang", "pendek")]


def test_reuse_finds_a_rewrite_with_a_word_changed_and_a_clause_cut():
    # "sudah" for "telah", the opening and the attribution cut: about half the 3-grams shared
    early = make("awal", "Korea Utara dan China Perkuat Hubungan", [
        "Xi menyambut baik pesan tersebut, dia mengatakan dalam pesannya bahwa China dan Korea Utara telah "
        "saling mendukung dengan teguh, menurut Kantor Berita resmi China Xinhua."], published="2021-07-12")
    late = make("akhir", "Hubungan China dan Korea Utara", [
        "Sementara Xi mengatakan dalam pesannya bahwa China dan Korea Utara sudah saling mendukung dengan teguh."],
        published="2021-10-28")
    found = find_reuse([early, late])
    assert [(r.source_article, r.target_article) for r in found] == [("awal", "akhir")]


def test_reuse_finds_a_shared_quotation_inside_rewritten_sentences():
    early = make("awal", "Korea Utara dan China Perkuat Hubungan", [
        "Dalam sebuah pesan kepada Presiden China Xi Jinping, pemimpin Korea Utara Kim Jong Un mengatakan bahwa "
        "itu adalah pendirian tetap pemerintahnya untuk “tanpa henti mengembangkan hubungan persahabatan dan "
        "kerja sama” antara kedua negara."], published="2021-07-12")
    late = make("akhir", "Hubungan China dan Korea Utara", [
        "Kim memberikan pesan kepada Xi bahwa pemerintahannya \"tanpa henti mengembangkan hubungan persahabatan "
        "dan kerja sama\" antara kedua negara."], published="2021-10-28")
    found = find_reuse([early, late])
    assert [(r.source_article, r.target_article) for r in found] == [("awal", "akhir")]
