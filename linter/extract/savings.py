"""Savings against a procurement budget: "采购预算金额为42875.34万元，实际采购金额为42642.41万元，节约金额
232.93万元，资金节约率为0.54%" (or "…，成交金额45.83亿元，节约资金2.79亿元，节约率5.74%"). The saving is the gap between the budget and the amount actually
spent, and its rate is the saving divided by the budget: a gap to the budget (``BudgetGap``) like
the ones the claims read after a completion. The search is bounded, so reading is linear in the text.
"""

from __future__ import annotations

from linter.extract.claims import BudgetGap
from linter.extract.numbers import AMOUNT_DIGITS, number_of
from linter.patterns import compile_re

_SAVING = compile_re(
    rf"预算(?:金额|资金|数|总额)?(?:为|是)?(?P<budget>{AMOUNT_DIGITS})(?P<unit>万元|亿元|元)[，,；;]\s*"
    rf"(?:实际(?:完成)?(?:采购|支出|成交)?|成交|中标)(?:金额|资金|规模|数)?(?:为|是)?(?P<actual>{AMOUNT_DIGITS})(?P=unit)[，,；;]\s*"
    rf"(?:共|累计)?节约(?:财政)?(?:资金|金额)?(?:为|是)?(?P<gap>{AMOUNT_DIGITS})(?P=unit)"
    r"(?:[，,；;]\s*(?:资金)?(?:平均)?(?:节约|节支|节资)率(?:为|达到?|是)?(?P<rate>\d{1,3}(?:\.\d{1,4})?)%)?"
)


def savings_gaps(text: str) -> list[BudgetGap]:
    """Every budget, amount spent and saving stated together in ``text`` (flow text), as gaps below
    the budget."""
    found = []
    for match in _SAVING.finditer(text):
        unit = match.group("unit")
        actual, budget, gap = (number_of(match, group, unit) for group in ("actual", "budget", "gap"))
        if actual.malformed or budget.malformed or gap.malformed:
            continue  # a malformed amount is NUM001's
        rate = number_of(match, "rate", "%") if match.group("rate") else None
        found.append(BudgetGap(actual, budget, -1, gap, rate, -1 if rate else None))
    return found
