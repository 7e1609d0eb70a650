"""Write ``linter/extract/claims_parser.py``, the claims parser Lark generates from ``grammars/claims.lark``.

    python scripts/build_claims_parser.py

The generated module holds Lark's runtime and the grammar's LALR tables, so a check imports
neither Lark nor its grammar loader (~25 ms at start-up). The grammar stays the source: rerun this
after editing it (tests/test_claims_parser.py fails while the module is out of date).
"""

from __future__ import annotations

import ast
import io
from pathlib import Path

from lark import Lark
from lark.tools.standalone import gen_standalone

ROOT = Path(__file__).resolve().parents[1]
GRAMMAR = ROOT / "grammars" / "claims.lark"
GENERATED = ROOT / "linter" / "extract" / "claims_parser.py"
STARTS = ["completion", "completion_of", "completion_after", "share_of_amount", "adjusted_execution", "execution", "change_with", "change_than_level", "change_than", "change_rate_first", "change_budgeted", "change_vs_budget", "change_named", "change_restated", "change_bare", "change_from_level", "change_from_to", "change_opening",
          "share", "actual_share", "value", "actual_value", "budget_value", "budget_share"]


def generate() -> str:
    """The module's source for the grammar as it is now (the lexer is replaced at load time).

    Lark numbers the parser states in an order that changes from run to run: compare with
    :func:`tables` rather than as text.
    """
    lark = Lark(GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer="basic", start=STARTS)
    out = io.StringIO()
    out.write('"""Generated from grammars/claims.lark by scripts/build_claims_parser.py: do not edit."""\n')
    gen_standalone(lark, out=out)
    return out.getvalue()


def tables(source: str):
    """The rules and the parse tables of a generated module, with the states numbered canonically."""
    lines = source.splitlines()
    data, memo = (ast.literal_eval(lines[lines.index(f"{name} = (") + 1]) for name in ("DATA", "MEMO"))
    lalr = data["parser"]["parser"]
    names, states = lalr["tokens"], lalr["states"]
    order = {}
    pending = [lalr["start_states"][start] for start in sorted(lalr["start_states"])]
    while pending:
        state = pending.pop(0)
        if state not in order:
            order[state] = len(order)
            pending += [arg for _, (action, arg) in sorted(states[state].items(), key=lambda item: names[item[0]])
                        if action == 0]  # 0: shift to the state arg; 1: reduce by the rule arg
    canonical = {order[state]: sorted((names[token], action, order[arg] if action == 0 else arg["@"])
                                      for token, (action, arg) in actions.items())
                 for state, actions in states.items()}
    starts = {start: order[state] for start, state in lalr["start_states"].items()}
    code = [line for line in lines if not line.startswith("{")]  # the runtime, without the data
    return code, memo, canonical, starts


def main() -> None:
    GENERATED.write_text(generate(), encoding="utf-8")
    print(f"wrote {GENERATED.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
