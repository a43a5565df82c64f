"""One identity across articles for people some articles name only in part."""

from __future__ import annotations

import pytest

from kabar.analyse.entities import annotate
from kabar.analyse.identity import apply_identities, resolve_identities
from kabar.ids import stable_id
from kabar.records import AnalysedArticle, Article, Entity


def _analysed(id: str, *paragraphs: str) -> AnalysedArticle:
    article = Article(id=id, source=f"{id}.txt", body=tuple(paragraphs))
    entities, mentions = annotate(article)
    return AnalysedArticle(article, entities, mentions)


def _people(item: AnalysedArticle) -> set[str]:
    by_id = {e.id: e.canonical for e in item.entities}
    return {by_id[m.entity_id] for m in item.mentions if m.type == "PER"}


FULL = _analysed(
    "full",
    "Presiden Prabowo Subianto tiba di Jeddah, Arab Saudi, pada Rabu (2/7/2025) untuk bertemu Putra Mahkota "
    "Mohammed bin Salman.",
)
SHORT = _analysed("short", "Prabowo disambut upacara kehormatan setibanya di Istana Al-Salam, Jeddah, Kamis (3/7).")


def test_identity_short_name_joins_the_full_name_of_another_article() -> None:
    assert _people(SHORT) == {"Prabowo"}
    merges = resolve_identities([FULL, SHORT])
    joined = apply_identities(SHORT, merges)
    assert _people(joined) == {"Prabowo Subianto"}
    assert {m.entity_id for m in joined.mentions} <= {e.id for e in joined.entities}
    assert apply_identities(FULL, merges) == FULL


def test_identity_ambiguous_short_name_stays_itself() -> None:
    jong_un = _analysed("a", "Pemimpin Korea Utara Kim Jong Un menerima surat dari Presiden China Xi Jinping.")
    yo_jong = _analysed("b", "Adik pemimpin Korut, Kim Yo Jong, mengecam latihan militer Korea Selatan.")
    kim = _analysed("c", "Kim mengatakan Pyongyang tidak akan menyerah pada tekanan sanksi.")
    merges = resolve_identities([jong_un, yo_jong, kim])
    assert _people(apply_identities(kim, merges)) == _people(kim)


def test_identity_hyphen_variant_joins() -> None:
    full = _analysed("a", "Pemimpin Korea Utara Kim Jong-un menerima surat dari Presiden China Xi Jinping.")
    part = _analysed("b", "Jong-un disebut membalas surat itu dua hari kemudian, menurut kantor berita KCNA.")
    assert _people(part) == {"Jong Un"}
    merges = resolve_identities([full, part])
    assert _people(apply_identities(part, merges)) == _people(full) - {"Xi Jinping"}


def _with_people(id: str, *names: str) -> AnalysedArticle:
    """An article whose person entities are given, as a tagger with its errors would give them."""
    entities = tuple(Entity(stable_id("PER", n), n, "PER", (n,)) for n in names)
    article = Article(id=id, source=f"{id}.txt", body=(" ".join(names),))
    return AnalysedArticle(article, entities, ())


@pytest.mark.parametrize(
    "noisy_full_name",
    ["Diogo Jota hangus", "Negeri Diogo Jota", "Seskab RI Diogo Jota", "RIDiogo Jota", "Diogo JotaDi"],
)
def test_identity_full_name_must_look_like_a_name(noisy_full_name: str) -> None:
    # a span that swallowed a word, a title or glued text must not become the identity of a short name
    merges = resolve_identities([_with_people("a", "Jota"), _with_people("b", noisy_full_name)])
    assert merges == {}
    merges = resolve_identities([_with_people("a", "Jota"), _with_people("b", "Diogo Jota", noisy_full_name)])
    assert {target.canonical for target in merges.values()} == {"Diogo Jota"}


def test_identity_particles_belong_to_names() -> None:
    merges = resolve_identities([_with_people("a", "Mohammed bin Salman"), _with_people("b", "Salman")])
    assert [target.canonical for target in merges.values()] == ["Mohammed bin Salman"]


def test_identity_nickname_joins_the_person_another_article_named() -> None:
    named = _analysed("a", "Menteri Sosial Saifullah Yusuf atau Gus Ipul meninjau sekolah rakyat di Sumenep, Senin.")
    nickname_only = _analysed("b", "Gus Ipul mengatakan seluruh sekolah rakyat siap menerima siswa baru pekan depan.")
    assert _people(nickname_only) == {"Gus Ipul"}
    merges = resolve_identities([named, nickname_only])
    assert _people(apply_identities(nickname_only, merges)) == {"Saifullah Yusuf"}


def test_identity_organisation_before_a_name_is_not_part_of_it() -> None:
    merges = resolve_identities([_with_people("a", "Robben Rico"), _with_people("b", "Kemensos Robben Rico")])
    assert merges == {}


def test_identity_name_and_nickname_pointing_at_each_other_become_one() -> None:
    # "Saifullah Yusuf atau Gus Ipul" in one article, "Gus Ipul atau Saifullah Yusuf" in another
    both = [_with_forms("a", "Saifullah Yusuf", "Gus Ipul"), _with_forms("b", "Gus Ipul", "Saifullah Yusuf")]
    merges = resolve_identities(both)
    identities = {target.id for target in merges.values()}
    assert len(merges) == 1 and len(identities) == 1
    assert {_people_of(apply_identities(item, merges)) for item in both} == {frozenset(identities)}


def test_identity_nicknames_from_any_article_count() -> None:
    plain = _with_people("a", "Saifullah Yusuf")
    named = _with_forms("b", "Saifullah Yusuf", "Gus Ipul")
    nickname = _with_people("c", "Gus Ipul")
    forward = resolve_identities([plain, named, nickname])
    backward = resolve_identities([nickname, named, plain])
    assert {k: v.id for k, v in forward.items()} == {k: v.id for k, v in backward.items()} != {}


def test_identity_apply_keeps_the_articles_own_forms_of_the_full_name() -> None:
    full = Entity(stable_id("PER", "Prabowo Subianto"), "Prabowo Subianto", "PER", ("Prabowo Subianto", "Pak Prabowo Subianto"))
    short = Entity(stable_id("PER", "Prabowo"), "Prabowo", "PER", ("Prabowo",))
    item = AnalysedArticle(Article(id="a", source="a.txt", body=("x",)), (short, full), ())
    merged = apply_identities(item, {short.id: full})
    assert [(e.canonical, set(e.aliases)) for e in merged.entities] == [
        ("Prabowo Subianto", {"Prabowo", "Prabowo Subianto", "Pak Prabowo Subianto"})
    ]


def _with_forms(id: str, name: str, *other_forms: str) -> AnalysedArticle:
    """An article naming one person, with the other names the article gave them ("… atau Gus Ipul")."""
    entity = Entity(stable_id("PER", name), name, "PER", (name, *other_forms))
    return AnalysedArticle(Article(id=id, source=f"{id}.txt", body=(name,)), (entity,), ())


def _people_of(item: AnalysedArticle) -> frozenset[str]:
    return frozenset(e.id for e in item.entities)


def _organisations(item: AnalysedArticle) -> set[str]:
    by_id = {e.id: e.canonical for e in item.entities}
    return {by_id[m.entity_id] for m in item.mentions if m.type == "ORG"}


def test_identity_short_form_of_an_organisation_joins_the_name_another_article_gave_it() -> None:
    named = _analysed("a", "Komisi Pemberantasan Korupsi (KPK) memeriksa dua pejabat di Jakarta, Senin.")
    short_only = _analysed("b", "KPK menahan keduanya setelah pemeriksaan selama sembilan jam.")
    assert "KPK" in _organisations(short_only)
    merges = resolve_identities([named, short_only])
    assert "Komisi Pemberantasan Korupsi" in _organisations(apply_identities(short_only, merges))
    assert "KPK" not in _organisations(apply_identities(short_only, merges))


def test_identity_organisation_short_forms_never_join_a_person() -> None:
    # a person called by the same letters as an organisation's short form stays a person
    named = _analysed("a", "Komisi Pemberantasan Korupsi (KPK) memeriksa dua pejabat di Jakarta, Senin.")
    person = AnalysedArticle(
        Article(id="p", source="p.txt", body=("x",)), (Entity(stable_id("PER", "KPK"), "KPK", "PER", ("KPK",)),), ()
    )
    assert stable_id("PER", "KPK") not in resolve_identities([named, person])
