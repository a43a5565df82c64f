"""From a grammar match to a TIMEX3 type and value: one resolver per rule of `grammar.RULES`.

A resolver gets the rule's groups and the context (publication day, the story's last
explicit day) and returns a `Resolved`, or None to drop the match. Resolvers live by what
they resolve: `days`, `periods`, `durations`; what they share is in `resolved`.
"""

from __future__ import annotations

from collections.abc import Callable

from kabar.analyse.timex.days import r_date, r_dated, r_daydate, r_daypart, r_dom, r_fixed, r_formerly, r_time, r_weekday
from kabar.analyse.timex.durations import r_count, r_set
from kabar.analyse.timex.periods import (
    YEAR_FORMS, r_century, r_english, r_hijri, r_monthyear, r_unitrel, r_year, r_yearpart,
)
from kabar.analyse.timex.resolved import Context, Groups, Resolved

__all__ = ["RESOLVERS", "Context", "Groups", "Resolved", "YEAR_FORMS"]


RESOLVERS: dict[str, Callable[[Groups, Context], Resolved | None]] = {
    "daydate": r_daydate, "date": r_date, "time": r_time, "set": r_set, "hijri": r_hijri,
    "monthyear": r_monthyear, "year": r_year, "yearpart": r_yearpart, "century": r_century, "unitrel": r_unitrel,
    "english": r_english, "count": r_count, "weekday": r_weekday, "fixed": r_fixed,
    "dom": r_dom, "daypart": r_daypart, "formerly": r_formerly, "dated": r_dated,
}
