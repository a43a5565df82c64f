"""Extract: a `RawPage` in, a clean `Article` out.

Public API: ``extract(page: RawPage) -> Article``; raises ``ExtractError``
with a readable reason when a page holds no article. HTML goes through
trafilatura and the line classifier; page text through the line classifier;
both then lose Indonesian page chrome (`boilerplate.py`) and get their
metadata from the lines around the body (`meta.py`, `dates.py`). The driver is
`core.py`; this module is wiring only.
"""

from kabar.extract.core import extract
from kabar.extract.errors import ExtractError

__all__ = ["ExtractError", "extract"]
