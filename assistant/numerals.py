"""Chinese numerals, read in one place for reports and questions alike.

Years are written digit by digit (二〇一八年, 二零一九年, with 〇's look-alikes ○ and the
full-width letter Ｏ); counts with powers of ten (三十五件, 一百零五条, 两名).
"""

from __future__ import annotations

__all__ = ["DIGITS", "arabic_digits", "chinese_number", "cn_year"]

# Every way a digit is written: 〇 and its look-alikes, 两 for 2.
DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "两": 2}
_POWERS = {"十": 10, "百": 100, "千": 1000}
_TO_ARABIC = str.maketrans({c: str(i) for c, i in DIGITS.items() if c != "两"})


def arabic_digits(text: str) -> str:
    """二〇一八 -> 2018, character for character (the same length, so offsets do not move)."""
    return text.translate(_TO_ARABIC)


def cn_year(digits: str) -> int:
    """The year four Chinese digits spell, digit by digit (二〇一八 -> 2018); KeyError on others."""
    return int("".join(str(DIGITS[c]) for c in digits))


def chinese_number(numeral: str) -> int:
    """十二 -> 12, 二十 -> 20, 一百零五 -> 105, 两 -> 2; KeyError on a character that is no numeral."""
    total, digit = 0, 0
    for char in numeral:
        if char in _POWERS:
            total += (digit or 1) * _POWERS[char]
            digit = 0
        else:
            digit = DIGITS[char]
    return total + digit
