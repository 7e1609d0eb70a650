"""LNG007 word-usage."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from linter.check.finding import Fix, Severity
from linter.check.rule import Rule
from linter.i18n import N_, _
from linter.patterns import compile_re


class Usage(NamedTuple):
    """``word`` written where the norm writes ``correction``: after text matching ``before`` and
    before text matching ``after`` (regular expressions; empty: anywhere)."""

    word: str
    correction: str
    #: Why, shown with the finding (translated).
    reason: str
    #: ``warning`` for a wrong word (反应 for 反映), ``info`` for a form the norms replaced (帐户).
    severity: Severity
    before: str = ""
    after: str = ""

    @property
    def pattern(self) -> re.Pattern:
        return _compiled(self)


_ACCOUNTS = N_("for accounts the standard character is 账 (通用规范汉字表); 帐 is a curtain")
_VEHICLES = N_("vehicles are counted in 辆; 俩 (two people) takes no numeral")
#: The words, each in the context that makes the correction certain.
USAGES = (
    Usage("截止至", "截至", N_("截至 already means “up to”; 截止至 says it twice"), Severity.WARNING),
    Usage("截止", "截至", N_("截止 (to close) takes no date after it; 截至 (up to) does"), Severity.INFO,
          after=r"\s*(?:\d|目前|今|现在|当前|本年|年底|年末)"),
    Usage("帐", "账", _ACCOUNTS, Severity.INFO, after="[户号目务簿面款]"),
    Usage("帐", "账", _ACCOUNTS, Severity.INFO, before="[记对报转结查挂入做销算]"),
    Usage("部份", "部分", N_("部分 is the standard form (第一批异形词整理表)"), Severity.INFO),
    Usage("做为", "作为", N_("作为 (as, to serve as) is written with 作"), Severity.WARNING),
    Usage("反应", "反映", N_("反映 (to reflect, to report) is meant; 反应 is a reaction"), Severity.WARNING,
          before="本表|如实|真实|全面|集中|充分|客观|[:：]\\s*"),
    Usage("登陆", "登录", N_("登录 is signing in to a site or system; 登陆 is landing"), Severity.WARNING,
          after="[^，。；]{0,6}(?:网站|网址|系统|平台|门户|官网|账号|帐号|邮箱)"),
    Usage("一但", "一旦", N_("一旦 (once) is written with 旦"), Severity.WARNING),
    Usage("布署", "部署", N_("部署 (to deploy, to arrange) is written with 部"), Severity.WARNING),
    Usage("签定", "签订", N_("a contract or an agreement is 签订"), Severity.WARNING,
          after="[^，。；]{0,6}(?:合同|协议|责任书|承诺书|协定)"),
    Usage("以经", "已经", N_("已经 (already) is written with 已"), Severity.WARNING,
          after="(?:完成|实现|开展|达到|取得|形成|建成|落实|下达|拨付|启动|结束|验收|支付|到位)"),
    Usage("在次", "再次", N_("再次 (once more) is written with 再"), Severity.WARNING,
          after="(?:强调|提出|组织|召开|开展|发生|出现|确认|核实|检查|审核|修订|调整)"),
    Usage("授于", "授予", N_("授予 (to grant, to award) is written with 予"), Severity.WARNING,
          after="[^，。；]{0,4}(?:中小企业|小微企业|合同|称号|荣誉|奖|学位)"),
    Usage("俩", "辆", _VEHICLES, Severity.WARNING, before=r"车[^，。；、\d]{0,10}\d{1,4}\s*"),
    Usage("俩", "辆", _VEHICLES, Severity.WARNING, before=r"\d{1,4}\s*", after=r"[^，。；\d]{0,8}车"),
)


@cache
def _compiled(usage: Usage) -> re.Pattern:
    """The pattern of ``usage``: its word as group ``word``, in its context."""
    return compile_re(f"(?:{usage.before})(?P<word>{re.escape(usage.word)})(?={usage.after})")


class WordUsage(Rule):
    """A word the norms of written Chinese spell otherwise, or a word mistaken for another
    ("本表反应…", "截止2023年12月31日", "零余额帐户").

    Each word is reported only in the context that makes the correction certain: 截止 before a
    date or "目前" (截止日期 is right), 帐 in words of accounts (帐篷 is right), 反应 after "本表",
    "如实" … or opening a definition ("…（类）：反应…"), 登陆 before a website or system, 签定
    before a contract, 以经 and 在次 before a verb (在次年 is right), 授于 before what is granted
    (授于中小企业合同金额; 传授于 is right), 俩 after a count of vehicles ("特种专业技术用车2俩"). A wrong
    word (反应, 做为, 一但, 登陆, 截止至, 布署, 签定, 以经, 在次, 授于, 俩) is a
    ``warning``; a form the norms replaced (帐户 → 账户, 部份 → 部分, 截止 + date → 截至) is
    ``info``. The correction is a safe fix. Typos that are no word at all are LNG001's.

    **Anti-pattern**

        截止2023年12月31日，本部门共有车辆6辆。本表反应部门本年度的总收支情况。

    **Best practice**

        截至2023年12月31日，本部门共有车辆6辆。本表反映部门本年度的总收支情况。
    """

    code = "LNG007"
    name = "word-usage"
    severity = Severity.WARNING
    fixable = True

    def check(self, document, context):
        overridden = self.effective_severity != self.severity
        text, seen = document.flow.text, set()
        # Each word searched for first (a pattern of them all took as long as a rule that reads the text).
        found = ((usage, match) for usage in USAGES if usage.word in text for match in usage.pattern.finditer(text))
        for usage, match in found:
            start, end = match.span("word")
            if (start, end) in seen:
                continue  # 帐 of 记帐户, after 记 and before 户
            seen.add((start, end))
            source_start, source_end = document.flow.source_span(start, end)
            same = document.source.text[source_start:source_end] == match.group("word")
            yield self.finding(
                document, document.span(start, end),
                _("“{word}” should be “{correction}”: {reason}", word=match.group("word"),
                  correction=usage.correction, reason=_(usage.reason)),
                expected=usage.correction,
                fix=Fix(source_start, source_end, usage.correction) if same else None,
                severity=None if overridden else usage.severity,
            )
