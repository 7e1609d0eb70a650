"""DOC001 glossary-subjects."""

from __future__ import annotations

from linter.check.finding import Severity
from linter.check.rule import Rule
from linter.extract.tables import CODE_KINDS
from linter.i18n import _, ngettext
from linter.language.lexicon import subjects
from linter.language.subjects import SubjectUse


class GlossarySubjects(Rule):
    """The 名词解释 lists subjects the document does not use, or leaves out subjects it uses.

    The glossary item "本部门使用的支出功能分类科目" must explain the subjects of the document's
    own tables (glossary items that explain a subject each by its path,
    "一、科学技术支出（类）应用研究（款）机构运行（项）：…", are checked for subjects no table uses). A subject explained there that no table row carries (with its code),
    nor the narrative names with its level ("14.预备费（类）。年初预算为3000.00万元，支出决算为0万元"), was copied
    from another department's disclosure; a 项 of the tables that the item leaves out is
    missing (a 款, when its heading lists them to that level: "（到款级）"). A subject explained with its code in brackets ("农村危房改造（2210105）：…") is
    reported when no table prints that code, even one the catalogue lacks. Checked only when the
    tables carry subject codes.

    **Anti-pattern**

        2010350    事业运行    100.00
        2210201    住房公积金    5.00
        第五部分 名词解释
        (十)本部门使用的支出功能分类科目(到项级)一般公共服务(类)财政事务(款)行政运行(项)。
        (十一)结余分配：指事业单位按规定提取的资金。

    **Best practice**

        2010350    事业运行    100.00
        2210201    住房公积金    5.00
        第五部分 名词解释
        (十)本部门使用的支出功能分类科目(到项级)
        1.事业运行：反映事业单位的基本支出。
        2.住房公积金：反映住房公积金支出。
        (十一)结余分配：指事业单位按规定提取的资金。
    """

    code = "DOC001"
    name = "glossary-subjects"
    severity = Severity.WARNING

    def check(self, document, context):
        rows = tuple((row.code, row.name) for table in document.tables for row in table.rows
                     if row.code and row.code[0] == "2" and len(row.code) in (3, 5, 7))  # 功能分类, not 经济分类
        use = SubjectUse(document.flow.text, rows)
        if use.glossary is None or not use.used:
            return
        # A 项 printed with its code uses its 款 and 类 too ("2013801 行政运行": 20138 and 201).
        names = subjects().names
        # (and by its code the catalogue names it, where the table's name was lost: wrapped over lines)
        used_names = set(use.used.values()) | {names[code[:n]] for code in use.printed_codes for n in (3, 5, 7)
                                               if len(code) >= n and code[:n] in names}
        obsolete = subjects().obsolete
        reported = set()
        unread = any(table.problem and table.kind in CODE_KINDS for table in document.tables)
        glossary_start, glossary_end = use.glossary
        outside = use.text[:glossary_start] + use.text[glossary_end:]
        for mention in use.explained if not unread else ():  # a table not read may use it
            if mention.name in used_names or mention.name in obsolete or mention.name in reported:
                continue
            if f"{mention.name}({mention.level or '项'})" in outside:
                continue  # a subject the narrative states with its level ("14.预备费（类）。年初预算为…，支出决算为0万元")
            reported.add(mention.name)
            level = mention.level or "项"
            yield self.finding(
                document,
                document.span(mention.start, mention.end),
                _("the 名词解释 explains “{name}” ({level}), which no table of the document uses "
                  "(the tables' {level}: {used})",
                  name=mention.name, level=level, used=_listed(use.used_at(level)) or _("none")),
            )
        for name, code, start, end in use.explained_codes:
            if code in use.printed_codes or code in outside or any(name.endswith(reported_name) for reported_name in reported):
                continue
            yield self.finding(
                document,
                document.span(start, end),
                _("the 名词解释 explains “{name}” ({code}), but no table of the document prints the code {code}",
                  name=name, code=code),
            )
        explained = {mention.name for mention in use.explained}
        missing = sorted(use.used_at(use.listed_level) - explained) if use.lists_every_subject else []
        if missing:
            start = use.glossary[0]
            yield self.finding(
                document,
                document.span(start, start + len("本部门使用的支出功能分类科目")),
                ngettext("the 名词解释 does not explain {count} subject the tables use: {names}",
                         "the 名词解释 does not explain {count} subjects the tables use: {names}",
                         len(missing), names=_listed(missing)),
            )


def _listed(names) -> str:
    return "、".join(sorted(names))
