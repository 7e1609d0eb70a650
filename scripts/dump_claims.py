"""Print the claims disclint extracts from a document (a debugging aid for grammar work)."""

import sys

from linter.document import Document
from linter.read import read_document


def main(path: str) -> None:
    document = Document(read_document(path))
    claims = document.claims

    def where(number):
        return document.span(number.start, number.end).start.line

    for v in claims.values:
        print(f"VALUE  L{where(v.number)} {v.key} {v.name!r} = {v.number.text}")
    for s in claims.shares:
        whole = s.whole.number.text if s.whole else None
        print(f"SHARE  L{where(s.percent)} {s.part.name!r} {s.part.number.text} = {s.percent.text}% of {s.whole_name!r} ({whole})")
    for c in claims.changes:
        print(f"CHANGE L{where(c.delta)} {c.key} {c.name!r} {c.sign:+d} {c.delta.text} rate={c.rate and c.rate.text}")
    for c in claims.completions:
        print(f"COMPL  L{where(c.actual)} [{c.level}] {c.subject[:30]!r} budget={c.budget and c.budget.text} actual={c.actual.text} rate={c.rate and c.rate.text} dir={c.direction}")
    for e in claims.executions:
        print(f"EXEC   L{where(e.actual)} budget={e.budget.text} actual={e.actual.text} rate={e.rate and e.rate.text}")
    for g in claims.budget_gaps:
        print(f"GAP    L{where(g.actual)} budget={g.budget.text} actual={g.actual.text} sign={g.sign:+d} gap={g.gap.text} rate={g.rate and g.rate.text}")
    for b in claims.breakdowns:
        print(f"BREAK  {b.whole_name!r} ({b.whole and b.whole.number.text}) parts={[p.number.text for p in b.parts]}")
    for g in claims.completion_groups:
        print(f"GROUP  {g.total.subject!r} items={len(g.items)}")


if __name__ == "__main__":
    main(sys.argv[1])
