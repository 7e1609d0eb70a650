"""Inputs built to make a stage superlinear (issue 10, "Linear time and bounded memory under
attack"). Each builder takes a size and returns a document; ``tests/test_linear_time.py`` checks
scaled-down sizes, ``scripts/attack_timing.py`` measures the big ones."""

from __future__ import annotations

import random

_HAN = "收入支出预算决算财政拨款基本项目经费管理服务事业单位部门机关运行保障信息系统建设维护购置设备"


def closing_brackets(size: int) -> str:
    """``size`` closing brackets, full-width and ASCII, in one paragraph."""
    return "收入合计" + "）)" * (size // 2) + "。\n"


def long_sentence_repeated(size: int) -> str:
    """A sentence of ``size`` characters (no sentence break inside), stated three times."""
    rng = random.Random(size)
    sentence = "".join(chr(0x4E00 + rng.randrange(20_000)) for _ in range(size))  # few repeated characters
    return (sentence + "。\n") * 3


def digit_sentence_repeated(size: int) -> str:
    """A sentence holding a ``size``-digit number, stated three times (found by the fuzz campaign)."""
    return f"与上年相比，收入增加{'1' * size}万元。\n" * 3


def digits_in_a_table_row(size: int) -> str:
    """A disclosure table whose row holds a run of ``size`` digits."""
    return ("2023年度收入支出决算总表（表1）\n单位：万元\n项目\t行次\t金额\n栏次\t\t1\n"
            f"一般公共预算财政拨款收入\t1\t{'7' * size}\n"
            f"注：{'8' * size}行=（1+2）行；{'9' * size}栏=1+2栏。\n")


def wide_space_table(columns: int) -> str:
    """A space-separated table with ``columns`` columns and rows holding half as many values, so
    the values can be placed in C(columns, columns/2) ways."""
    header = " ".join(str(i) for i in range(1, columns + 1))
    values = " ".join(f"{i}.00" for i in range(1, columns // 2 + 1))
    rows = "\n".join(f"{code} 一般公共服务支出 {values}" for code in (201, 20101, 2010101))
    return f"2023年度一般公共预算财政拨款支出决算表（表5）\n单位：万元\n项目 科目名称\n类 款 项 栏次 {header}\n{rows}\n"


def huge_row_range(size: int) -> str:
    """An identity note whose 行 range stands for ``size`` terms."""
    return ("2023年度收入支出决算总表（表1）\n单位：万元\n项目\t行次\t金额\n栏次\t\t1\n"
            "一般公共预算财政拨款收入\t1\t10.00\n"
            f"注：1行=（2+3+…+{size}）行。\n")


def ascii_marks(size: int) -> str:
    """Chinese text with ``size`` ASCII punctuation marks (PUN003 must not rescan for each)."""
    return "".join(f"收入{i % 10},支出;项目:" for i in range(size // 3)) + "。\n"


def failing_rates(size: int) -> str:
    """``size`` completion rates that do not hold, each a typo away from amounts printed beside it:
    the search for the typo must not scan every number of the document for each rate."""
    return "".join(f"项目{i}年初预算为{100 + i % 900}.{i % 100:02d}万元，支出决算为{50 + i % 400}.5万元，"
                   f"完成年初预算的12.3%。\n" for i in range(size))


def long_failing_amount(size: int) -> str:
    """A completion rate that does not hold, whose budget is an amount of ``size`` thousands groups
    ("123,123,…,123.5", found by the fuzz campaign): the typos of so long an amount, which grow
    with the square of its length, must not be looked for."""
    return f"年初预算为1{',123' * size}.5万元，支出决算为50.5万元，完成年初预算的12.3%。\n" * 2


def years_and_counts(size: int) -> str:
    """``size`` lines of two years' amounts and counts with their changes, each wrong, in one
    paragraph: ARI009's and ARI002's patterns must not rescan the text for each."""
    return "".join(f"2016年预算{i % 90 + 8}万元，2015年预算12.5万元；对比减少4.35万元；保有量为{i % 9 + 3}辆，"
                   f"比上年增加1辆，增长33%；比例为11.32%，比上年的10.54%增加了0.87个百分点，" for i in range(size)) + "。\n"


def long_part_name(size: int) -> str:
    """A part of ``size`` word characters listed under a subject's class: telling the 类 of its name
    must not try every start of it (found by the fuzz campaign)."""
    return f"住房保障支出（类）70万元，其中：{'教' * size}支出20万元，{'1' * size}项目10万元。\n"


def sangong_and_digits(size: int) -> str:
    """A line naming the 三公 ``size`` times, each with digits and no 元 after them, under a table (found by the fuzz
    campaign): telling whether the line states a 三公 amount must not scan the rest of the line from each name."""
    return "财政拨款“三公”经费支出决算表\n单位：万元\n合计\t因公出国（境）费\t公务接待费\n1.00\t0.50\t0.50\n" \
        + "三公经费1,2.3 " * size + "\n"


#: name → (builder, the size the issue measured at 1×)
ATTACKS = {
    "failing-rates": (failing_rates, 20_000),
    "closing-brackets": (closing_brackets, 100_000),
    "long-sentence-repeated": (long_sentence_repeated, 20_000),
    "digit-sentence-repeated": (digit_sentence_repeated, 4_400),
    "digits-in-a-table-row": (digits_in_a_table_row, 200_000),
    "wide-space-table": (wide_space_table, 26),
    "huge-row-range": (huge_row_range, 16_000_000),
    "ascii-marks": (ascii_marks, 100_000),
    "long-failing-amount": (long_failing_amount, 4_400),
    "years-and-counts": (years_and_counts, 20_000),
    "long-part-name": (long_part_name, 20_000),
    "sangong-and-digits": (sangong_and_digits, 20_000),
}
