"""Keep the translation catalogues in step with the code (Babel; a development tool only).

    python scripts/i18n.py update    # extract every message, merge into each .po, compile the .mo
    python scripts/i18n.py check     # list messages without a translation or with other placeholders
    python scripts/i18n.py compile   # only compile the .po files into the .mo files disclint reads

Messages are the English texts of ``_()``, ``ngettext()`` and ``N_()`` calls under ``linter/`` (found
with :mod:`ast`, which also sees calls inside f-strings; Babel's own Python extractor skips those),
the rule names, and the prose paragraphs of the rule docstrings (``disclint explain``). ``update`` adds a
new message untranslated (or, when it resembles an old one, with the old translation marked
fuzzy); translate it in ``linter/locale/zh/LC_MESSAGES/disclint.po`` and run ``update`` again.
``check`` exits 1 while any message is untranslated, fuzzy, or has placeholders that differ
between the languages, and when a .mo file is not the compilation of its .po file.
"""

from __future__ import annotations

import ast
import io
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.check.registry import all_rules  # noqa: E402
from linter.check.rule import prose_paragraphs  # noqa: E402
from linter.i18n import DOMAIN, LANGUAGES, LOCALE_DIR  # noqa: E402

#: Translation functions and how many leading string arguments are message ids.
KEYWORDS = {"_": 1, "N_": 1, "ngettext": 2}


def calls(path: Path):
    """``(line, message id or None)`` of every translation call in the file at ``path``; ``None``
    when the message is an f-string (formatted before translating: never in a catalogue)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS):
            continue
        ids = node.args[:KEYWORDS[node.func.id]]
        if any(isinstance(arg, ast.JoinedStr) for arg in ids):
            yield node.lineno, None
        elif len(ids) == KEYWORDS[node.func.id] and all(
            isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in ids
        ):
            values = tuple(arg.value for arg in ids)
            yield node.lineno, values if len(values) > 1 else values[0]


def untranslated_findings(path: Path):
    """Lines where a rule passes ``finding()`` a literal message (an f-string or a plain string)
    instead of a translated one."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "finding":
            messages = node.args[2:3] + [k.value for k in node.keywords if k.arg == "message"]
            if any(isinstance(m, ast.JoinedStr) or (isinstance(m, ast.Constant) and isinstance(m.value, str))
                   for m in messages):
                yield node.lineno


def untranslated_help(path: Path):
    """Lines where a click option or command gets ``help="…"`` (shown untranslated) instead of
    ``help=N_("…")``, and commands whose help is their docstring (never extracted)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "help" and isinstance(keyword.value, (ast.Constant, ast.JoinedStr)):
                    yield node.lineno
        elif isinstance(node, ast.FunctionDef) and ast.get_docstring(node) and any(
            isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command"
            and not any(k.arg == "help" for k in d.keywords)
            for d in node.decorator_list
        ):
            yield node.lineno


def extract() -> Catalog:
    """Every message of the code and of the rules' names and documentation."""
    catalog = Catalog(domain=DOMAIN, project="disclint", charset="utf-8")
    for path in sorted((ROOT / "linter").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        for line, message in calls(path):
            if message:
                catalog.add(message, locations=[(where, line)])
    for rule in all_rules():
        where = [(f"rule {rule.code}", 0)]
        catalog.add(rule.name, locations=where, auto_comments=[f"name of rule {rule.code}"])
        for _, paragraph in prose_paragraphs(rule):
            catalog.add(paragraph, locations=where)
    return catalog


def po_path(language: str) -> Path:
    return Path(LOCALE_DIR, language, "LC_MESSAGES", f"{DOMAIN}.po")


def read_catalog(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        catalog = Catalog(locale=language, domain=DOMAIN, project="disclint", charset="utf-8")
        catalog.fuzzy = False
        return catalog
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def translated_languages() -> list[str]:
    """Every language but the one the message ids are written in."""
    return list(LANGUAGES[1:])


def update() -> None:
    template = extract()
    for language in translated_languages():
        catalog = read_catalog(language)
        catalog.update(template, update_header_comment=False, update_creation_date=False)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            # No line numbers: a change elsewhere in a file does not touch the catalogue.
            write_po(handle, catalog, width=100, include_lineno=False, ignore_obsolete=True)
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages")
    compile_all()


def compile_all() -> None:
    for language in translated_languages():
        path = po_path(language).with_suffix(".mo")
        path.write_bytes(compiled(read_catalog(language)))
        print(f"{path.relative_to(ROOT)} written")


def placeholders(text: str) -> set[str]:
    """The ``{names}`` of a message (format specs and conversions included)."""
    try:
        return {
            f"{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}"
            for _, name, spec, conversion in string.Formatter().parse(text) if name is not None
        }
    except ValueError as error:
        return {f"<malformed: {error}>"}


def translation_problems(template: Catalog, catalog: Catalog, language: str) -> list[str]:
    """Messages of ``template`` that ``catalog`` leaves untranslated or fuzzy, or translates with
    other placeholders."""
    found = []
    for message in template:
        if not message.id:
            continue
        where = ", ".join(f"{file}:{line}" for file, line in message.locations[:2])
        entry = catalog.get(message.id, context=message.context)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = () if entry is None else entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry is None or not all(strings) or entry.fuzzy:
            state = "fuzzy" if entry is not None and entry.fuzzy else "untranslated"
            found.append(f"{language}: {state} ({where}): {ids[0]!r}")
            continue
        expected = set().union(*(placeholders(i) for i in ids))
        # A plural form may leave its number out ("one file"); every other placeholder stays.
        optional = {"count"} if len(ids) > 1 else set()
        for text in strings:
            if not expected - optional <= placeholders(text) <= expected:
                found.append(
                    f"{language}: placeholders differ ({where}): {ids[0]!r} has {sorted(expected)}, "
                    f"the translation {text!r} has {sorted(placeholders(text))}"
                )
    return found


def problems() -> list[str]:
    """What keeps the catalogues from covering the code, one line each."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: an f-string as a message id: use named placeholders"
        for path in sorted((ROOT / "linter").rglob("*.py"))
        for line, message in calls(path) if message is None
    ]
    found += [
        f"linter/cli.py:{line}: help text written without N_() (or a command's docstring as its help)"
        for line in untranslated_help(ROOT / "linter" / "cli.py")
    ]
    found += [
        f"{path.relative_to(ROOT)}:{line}: a finding's message written without _()"
        for path in sorted((ROOT / "linter" / "rules").rglob("*.py"))
        for line in untranslated_findings(path)
    ]
    template = extract()
    for language in translated_languages():
        catalog = read_catalog(language)
        found += translation_problems(template, catalog, language)
        mo = po_path(language).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            found.append(f"{mo.relative_to(ROOT)} is not compiled from its .po: run python scripts/i18n.py compile")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        print("\n".join(found) if found else "every message is translated")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
