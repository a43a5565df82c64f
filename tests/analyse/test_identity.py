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
