"""Indonesian verbal and nominal derivations spelled out from a root.

meN- and peN- assimilate to the root's first sound: k drops after meng-
(kecam → mengecam), p after mem- (pukul → memukul), t after men- (tangkap →
menangkap), s after meny- (serang → menyerang); b/f stay after mem-, d/c/j/z
after men-, g/h/vowels after meng-, and l/m/n/r/w/y take a bare me-. A
consonant cluster keeps its first letter (kritik → mengkritik, protes →
memprotes), and a one-syllable root takes menge- (bom → mengebom).
"""

from __future__ import annotations

from typing import Literal

Voice = Literal["active", "passive", "nominal"]

_VOWELS = "aeiou"


def _syllables(root: str) -> int:
    count, previous = 0, False
    for ch in root:
        vowel = ch in _VOWELS
        count += vowel and not previous
        previous = vowel
    return count


def nasal(prefix: str, root: str) -> str:
    """meN-/peN- + root with nasal assimilation: `nasal("me", "tangkap")` → "menangkap"."""
    if _syllables(root) == 1:
        return prefix + "nge" + root
    first = root[0]
    cluster = len(root) > 1 and root[1] not in _VOWELS
    if first in "lmnrwy":
        return prefix + root
    if first == "k":
        return prefix + "ng" + (root if cluster else root[1:])
    if first in "gh" or first in _VOWELS:
        return prefix + "ng" + root
    if first == "p":
        return prefix + "m" + (root if cluster else root[1:])
    if first in "bfv":
        return prefix + "m" + root
    if first == "t":
        return prefix + "n" + (root if cluster else root[1:])
    if first in "dcjz":
        return prefix + "n" + root
    if first == "s":
        return prefix + ("n" + root if cluster else "ny" + root[1:])
    return prefix + root


def _ber(root: str) -> str:
    # "ber" before r drops its own r (berunding from runding); bekerja is irregular.
    if root.startswith("r"):
        return "be" + root
    return "ber" + root


def derive(root: str, form: str) -> list[tuple[str, Voice]]:
    """The surface words of one form code (see `kabar.lang.id.plover`), with their voice."""
    suffixes = {"meN": "", "meN-kan": "kan", "meN-i": "i", "di": "", "di-kan": "kan", "di-i": "i"}
    if form in suffixes:
        suffix = suffixes[form]
        if form.startswith("meN"):
            return [(nasal("me", root) + suffix, "active")]
        return [("di" + root + suffix, "passive")]
    if form == "memper-kan":
        return [("memper" + root + "kan", "active")]
    if form == "0":
        return [(root, "active")]
    if form == "ter":
        return [("ter" + root, "passive")]
    if form == "ber":
        return [(_ber(root), "active")]
    if form == "peN-an":
        return [(nasal("pe", root) + "an", "nominal")]
    if form == "per-an":
        return [(("pe" if root.startswith("r") else "per") + root + "an", "nominal")]
    if form == "-an":
        return [(root + "an", "nominal")]
    if form == "ke-an":
        return [("ke" + root + "an", "nominal")]
    raise ValueError(f"unknown form code {form!r} for {root!r}")
