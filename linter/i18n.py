"""Messages in the user's language: English message ids in the code, gettext catalogues beside it.

Every user-facing text is written in English inside ``_()`` (or ``ngettext()``, or ``N_()`` where
it is only marked and translated later), with named placeholders::

    _("{part} / {whole} = {computed}, but the text says {stated}", part=..., whole=..., ...)

The translations live in ``linter/locale/<language>/LC_MESSAGES/disclint.po`` and are read from
the compiled ``disclint.mo`` beside it by the standard library's :mod:`gettext` (no Babel at run
time). ``python scripts/i18n.py update`` re-extracts the catalogue; see README "Languages".
"""

from __future__ import annotations

import os
from contextlib import contextmanager

TYPE_CHECKING = False  # typing, pathlib and gettext take more to import than `disclint rules` runs
if TYPE_CHECKING:
    import gettext
    from typing import Iterator, Mapping

#: The languages disclint speaks; the first is the language of the message ids.
LANGUAGES = ("en", "zh")
DOMAIN = "disclint"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "locale")
#: Environment variables that name the locale of messages, in the order POSIX consults them.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_language: str | None = None
_catalogues: dict[str, _English | gettext.NullTranslations] = {}


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """``zh`` when the first set locale variable names a Chinese locale (``zh_CN.UTF-8``), else ``en``."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def parse_language(text: str) -> str:
    """``zh`` / ``en`` from a language tag (``zh``, ``zh-CN``, ``zh_Hans``, ``en_US``…)."""
    tag = text.strip().lower().replace("-", "_").split("_")[0]
    if tag not in LANGUAGES:
        raise ValueError(_("unknown language {language!r} (expected zh or en)", language=text))
    return tag


def set_language(language: str | None) -> None:
    """Speak ``language`` from now on (``None``: the locale's language)."""
    global _language
    _language = None if language is None else parse_language(language)


def chosen_language() -> str | None:
    """The language set by :func:`set_language`, or ``None`` when the locale decides."""
    return _language


def current_language() -> str:
    return _language or language_from_environment()


@contextmanager
def language_settled() -> Iterator[None]:
    """Keep the current language for a stretch of work that makes many messages (the findings
    of a document), instead of reading the locale variables for every message."""
    global _language
    saved = _language
    _language = current_language()
    try:
        yield
    finally:
        _language = saved


class _English:
    """The message ids themselves, as :class:`gettext.NullTranslations` gives them (without
    importing :mod:`gettext`, which English output never needs)."""

    @staticmethod
    def gettext(message: str) -> str:
        return message

    @staticmethod
    def ngettext(singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural


def _catalogue() -> _English | gettext.NullTranslations:
    language = current_language()
    if language not in _catalogues:
        if language == LANGUAGES[0]:
            _catalogues[language] = _English()
        else:
            import gettext

            _catalogues[language] = gettext.translation(DOMAIN, LOCALE_DIR, [language], fallback=True)
    return _catalogues[language]


def _(message: str, /, **values) -> str:
    """``message`` in the current language, its ``{placeholders}`` filled from ``values``."""
    translated = _catalogue().gettext(message)
    return translated.format(**values) if values else translated


def ngettext(singular: str, plural: str, count: int, /, **values) -> str:
    """The singular or plural form for ``count`` in the current language, filled from ``values``
    (``count`` is available as ``{count}``)."""
    return _catalogue().ngettext(singular, plural, count).format(count=count, **values)


def lookup(message: str) -> str:
    """``message`` in the current language, unformatted (for texts that format themselves)."""
    return _catalogue().gettext(message)


def lookup_plural(singular: str, plural: str, count: int) -> str:
    return _catalogue().ngettext(singular, plural, count)


def enumeration(items) -> str:
    """``items`` as a list in a sentence of the current language ("1, 2, 3"; "1、2、3" in Chinese)."""
    return _(", ").join(map(str, items))


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue; it is translated where it is shown (help texts)."""
    return message
