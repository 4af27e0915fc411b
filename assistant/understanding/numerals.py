"""Chinese numerals as questions write years: 二〇一八年, 二零一九年.

The same reading lives twice more, in ``assistant/ingest/metadata.py`` (a translate table for
report titles) and ``assistant/ingest/prose.py`` (counts such as 三十五件); ingest is left as it
is here, so this module serves question understanding only until the three are joined.
"""

from __future__ import annotations

__all__ = ["cn_year"]

# Every way a year's digit is written, 〇 and its look-alikes (零, ○ and the full-width letter Ｏ).
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}


def cn_year(digits: str) -> int:
    """The year four Chinese digits spell, digit by digit (二〇一八 -> 2018); KeyError on others."""
    return int("".join(_CN_DIGITS[c] for c in digits))
