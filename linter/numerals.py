"""The one place where text becomes an integer: digit runs and Chinese numerals.

Every ``int()`` on document text goes through here, so no input can crash a rule: ``None`` means
"not a number we read". Digits count only when Unicode says they are decimal digits ("３", "٣"
yes; "²", "①" no), and digit runs are capped at :data:`MAX_DIGITS` before conversion (Python
refuses to convert more than 4,300 digits, and no figure of a disclosure has more than a few dozen).
"""

from __future__ import annotations

#: The longest digit run read as a number; longer runs are text.
MAX_DIGITS = 40
#: The longest Chinese numeral read (一千二百三十四万五千六百七十八 has 15 characters).
MAX_NUMERAL_CHARS = 24

CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                  "七": 7, "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Contractions: 廿 = 二十, 卅 = 三十.
_CONTRACTIONS = str.maketrans({"廿": "二十", "卅": "三十"})
#: Every character a Chinese numeral may contain (for regular expressions: ``[...]``).
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(CHINESE_UNITS) + "万廿卅"


def decimal_int(text: str) -> int | None:
    """The value of a run of Unicode decimal digits ("12", "１２"), else None (also for runs
    longer than :data:`MAX_DIGITS`, signs, spaces and superscript or circled digits)."""
    if not text or len(text) > MAX_DIGITS or not text.isdecimal():
        return None
    return int(text)


def decimal_float(text: str) -> float | None:
    """The value of decimal digits with at most one decimal point ("12.5", "１２.５"), else None
    (digits newer than Python's Unicode tables, which ``regex``'s ``\\d`` may match, are not read)."""
    if not text or text.count(".") > 1 or not text.replace(".", "", 1).isdecimal():
        return None
    return float(text)


def is_decimal_int(text: str) -> bool:
    """Whether :func:`decimal_int` reads ``text``."""
    return decimal_int(text) is not None


def chinese_int(text: str) -> int | None:
    """The value of a Chinese numeral, else None.

    Reads 一 … 九, 〇/零, 两, 十 百 千 万 and the contractions 廿 (20) and 卅 (30): "十一" → 11,
    "二十二" → 22, "一百零五" → 105, "两千" → 2000, "廿一" → 21; a run of digits alone is read digit
    by digit ("二〇二四" → 2024). Malformed numerals ("二十二十", "十百", "一百五" shorthand) are None.
    """
    if not text or len(text) > MAX_NUMERAL_CHARS:
        return None
    text = text.translate(_CONTRACTIONS)
    if all(ch in CHINESE_DIGITS for ch in text):
        if len(text) == 1:
            return CHINESE_DIGITS[text]
        if "两" in text:
            return None
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in text))
    high, found, low = text.partition("万")
    if found:
        if "万" in low:
            return None
        upper = _below_ten_thousand(high) if high else None
        low = low[1:] if low[:1] in ("零", "〇") and len(low) > 1 else low  # 一万零五
        lower = _below_ten_thousand(low) if low else 0
        if upper is None or upper == 0 or lower is None:
            return None
        return upper * 10000 + lower
    return _below_ten_thousand(text)


def _below_ten_thousand(text: str) -> int | None:
    """0–9999 written with 十 百 千 (units strictly decreasing, 零 only between them)."""
    total, digit, last_unit, zero = 0, None, 10000, False
    for position, ch in enumerate(text):
        if ch in CHINESE_UNITS:
            unit = CHINESE_UNITS[ch]
            if unit >= last_unit:
                return None
            if digit is None:
                if unit != 10 or position != 0:
                    return None  # only a leading 十 may stand without its digit ("十一")
                digit = 1
            if digit == 0:
                return None
            total += digit * unit
            digit, last_unit, zero = None, unit, False
        elif ch in CHINESE_DIGITS:
            value = CHINESE_DIGITS[ch]
            if digit is not None:
                return None  # two digits in a row
            if value == 0 and ch != "两":
                if position == 0 or zero:
                    return None if len(text) > 1 else 0
                zero = True
                continue
            digit = value
        else:
            return None
    if digit is not None:
        if last_unit > 10 and not zero and last_unit != 10000:
            return None  # "一百五": colloquial shorthand, ambiguous
        total += digit
    elif zero:
        return None  # a trailing 零
    return total
