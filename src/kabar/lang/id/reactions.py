"""Headline words of reaction reports: condolences, responses, condemnations.

A report whose headline carries one of these tells what someone said or felt
about a happening ("FC Porto Berduka", "Ucapan Duka Liverpool", "Reaksi Erick
Thohir"), which is an event of its own, not the happening. Used by
`kabar.link.events`. Lower-case surface words, not stems: the stem of
"terpukul" is also the "pukul" of clock times.
"""

from __future__ import annotations

REACTION_WORDS: frozenset[str] = frozenset(
    {
        # grief and condolences
        "duka", "berduka", "belasungkawa", "berkabung", "terpukul",
        # responses
        "reaksi", "bereaksi", "respons", "merespons", "tanggapan", "menanggapi", "tanggapi",
        # judgements
        "kecam", "mengecam", "kecaman", "sesalkan", "menyesalkan", "apresiasi", "mengapresiasi",
        "prihatin",
    }
)
