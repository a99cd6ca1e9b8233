"""List every validation rule: its id, severity and what it checks."""

from __future__ import annotations

import argparse
import json

from draftdiff.cli import UsageError, write_output

HELP = "list the validation rules"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", nargs="?", help="show one rule's full documentation")
    parser.add_argument("-f", "--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    from draftdiff.rules import all_rules

    rules = all_rules()
    if args.rule:
        chosen = [r for r in rules if r.id == args.rule]
        if not chosen:
            raise UsageError(f"no rule '{args.rule}'; run 'draftdiff rules' for the list")
        rules = tuple(chosen)
    if args.format == "json":
        text = json.dumps([{"id": r.id, "severity": r.severity, "summary": r.summary, "doc": r.doc}
                           for r in rules], indent=2) + "\n"
    elif args.rule:
        rule = rules[0]
        text = f"{rule.id} ({rule.severity})\n\n{rule.doc}\n"
    else:
        width = max(len(r.id) for r in rules)
        text = "".join(f"{r.id:<{width}}  {r.severity:<7}  {r.summary}\n" for r in rules)
    write_output(text, None)
    return 0
