"""The rule base class: a stable code, a readable name, a severity and a documented example."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field, replace
from typing import ClassVar, Iterable

from linter.check.finding import Finding, Fix, Related, Severity
from linter.document import Document, Span
from linter.i18n import _


def prose_paragraphs(rule: type) -> list[tuple[int, str]]:
    """The paragraphs of a rule's docstring that are prose (examples are indented), each with its
    index and joined into one line: the message ids of its documentation."""
    paragraphs = (inspect.getdoc(rule) or "").split("\n\n")
    return [
        (index, " ".join(line.strip() for line in paragraph.splitlines()))
        for index, paragraph in enumerate(paragraphs)
        if paragraph.strip() and not paragraph[:1].isspace()
    ]


@dataclass(frozen=True)
class Tolerances:
    """How much rounding noise a check forgives (configurable, see README "Configuration")."""

    #: Rounding unit of a printed amount: "7.6 万元" stands for 7.60 ± 0.005.
    amount_unit: float = 0.01
    #: A sum may be off by this much per added item before it is an error (a tail difference).
    tail_per_item: float = 0.01
    #: Extra slack for a printed percentage, in units of its last digit (double rounding).
    percent_slack: float = 0.1
    #: Whether the amounts are rounded to the digits they print ("3,018.7万元" for 3,018.74): set for a
    #: narrative that prints no amount to the cent (:func:`linter.check.interval.text_tolerances`).
    rounded_amounts: bool = False
    #: Whether an amount printed with fewer than two decimals is rounded to them ("241.4万元" for 241.38): set for a
    #: narrative printing cents whose tables show it rounded its shorter amounts (:func:`linter.check.interval.text_tolerances`).
    rounded_short_amounts: bool = False

    def exact_percent(self) -> "Tolerances":
        """These tolerances with no extra slack for a percentage: a typo hint says the stated rate holds
        with the amount it names only when the rate's own rounding allows it."""
        return replace(self, percent_slack=0.0)


@dataclass
class CheckContext:
    """What every rule may consult besides the document."""

    tolerances: Tolerances = field(default_factory=Tolerances)

    def text_tolerances(self, document) -> Tolerances:
        """The tolerances of the amounts ``document``'s narrative prints: whole units where it
        prints no decimals (:func:`linter.check.interval.text_tolerances`), computed once."""
        from linter.check.interval import text_tolerances

        return document.derived(text_tolerances, self.tolerances)


class Rule:
    """Base class of every rule.

    A subclass's docstring starts with a one-line summary and contains an
    ``**Anti-pattern**`` and a ``**Best practice**`` section, each with an example;
    ``disclint explain CODE`` prints it and the rule's YAML test cases check it.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    #: Style rules are off unless selected.
    default_enabled: ClassVar[bool] = True
    #: Whether the rule can offer fixes.
    fixable: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        doc = inspect.getdoc(cls) or ""
        for section in ("**Anti-pattern**", "**Best practice**"):
            if section not in doc:
                raise TypeError(f"rule {cls.__name__} must document an {section} section")
        for attribute in ("code", "name", "severity"):
            if not hasattr(cls, attribute):
                raise TypeError(f"rule {cls.__name__} must define {attribute}")

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph, on one line, in the current language."""
        return _(prose_paragraphs(cls)[0][1])

    @classmethod
    def title(cls) -> str:
        """The rule's name in the current language (the English name is ``name`` itself)."""
        return _(cls.name)

    @classmethod
    def doc(cls) -> str:
        """The docstring in the current language: prose paragraphs translated, examples as written."""
        paragraphs = (inspect.getdoc(cls) or "").split("\n\n")
        for index, message in prose_paragraphs(cls):
            translated = _(message)
            if translated != message:
                paragraphs[index] = translated
        return "\n\n".join(paragraphs)

    def __init__(self, severity: Severity | None = None) -> None:
        self.effective_severity = severity or self.severity

    def check(self, document: Document, context: CheckContext) -> Iterable[Finding]:
        """Yield the findings of this rule in ``document``."""
        raise NotImplementedError

    def finding(
        self,
        document: Document,
        span: Span,
        message: str,
        expected: str | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
        related: list[Related] | None = None,
    ) -> Finding:
        """A finding of this rule at ``span`` (use :meth:`Document.span` for flow-text ranges)."""
        return Finding(
            path=document.path,
            code=self.code,
            name=self.name,
            severity=severity or self.effective_severity,
            message=message,
            span=span,
            expected=expected,
            fix=fix,
            related=related or [],
        )
