"""The ``teamwright`` command's arguments: the parser, the solve contract's options and the
deprecated spellings of earlier releases."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import teamwright.solving


class UsageError(Exception):
    """Wrong command-line usage."""


class _DeprecatedAlias(argparse.Action):
    """An option's spelling of an earlier release: does what ``new`` does and says so on
    stderr."""

    def __init__(self, option_strings: Sequence[str], dest: str, new: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, help=argparse.SUPPRESS, **kwargs)
        self.new = new

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        print(f"teamwright: {option_string} is deprecated: use {self.new}", file=sys.stderr)
        setattr(namespace, self.dest, values)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="teamwright",
        description="Assemble teams whose members complement each other.",
    )
    parser.add_argument("--version", action="version", version=teamwright.__version__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    commands.add_parser("demo", help="solve the bundled customer-service example and explain it")

    validate = commands.add_parser("validate", help="check a teamwright file")
    validate.add_argument("file")

    solve = commands.add_parser(
        "solve",
        help="assemble the team for a request",
        description="Assemble the team for a request of the file, for a request given in its own "
        "JSON file, or for one given by flags (--need, --role, ...). Flags given with --request "
        "or --request-file change that request.",
    )
    solve.add_argument("file")
    source = solve.add_mutually_exclusive_group()
    source.add_argument("--request", metavar="NAME", help="id of a request in the file")
    source.add_argument(
        "--request-file", metavar="PATH", help="a JSON file holding one request object"
    )
    solve.add_argument(
        "--need",
        action="append",
        default=[],
        metavar="COMPETENCY:LEVEL[:COUNT]",
        help="a requirement (repeatable); COUNT is a number of members, 'everyone' or NfTE "
        "(e.g. 1.5fte)",
    )
    solve.add_argument(
        "--role", action="append", default=[], metavar="ROLE[:N]", help="a role slot (repeatable)"
    )
    solve.add_argument("--budget", type=_non_negative, metavar="AMOUNT")
    solve.add_argument("--max-size", type=_positive_int, metavar="N")
    solve.add_argument("--include", default="", metavar="ID,ID,...", help="people who must be in")
    solve.add_argument("--exclude", default="", metavar="ID,ID,...", help="people who must not")
    _solve_options(solve)
    solve.add_argument(
        "--no-replacements",
        action="store_true",
        help="skip pricing each member's replacement (for large pools)",
    )
    solve.add_argument("--json", action="store_true", help="print the result as one JSON object")

    check = commands.add_parser(
        "check",
        help="check a saved result (solve --json) against the file and its request",
        description="Recompute every claim a result makes (members, cost, coverage, slots, "
        "bound) with the independent checker. Exit status 0 when every claim holds, 1 when some "
        "do not (each is printed).",
    )
    check.add_argument("file")
    check.add_argument("result", help="the JSON file `teamwright solve ... --json` wrote")
    check.add_argument("--request", help="id of the request (default: the one the result names)")

    assessments = commands.add_parser(
        "assessments", help="review assessments: blind spots, stale and future-dated ratings"
    )
    assessments.add_argument("file")
    assessments.add_argument(
        "--threshold",
        type=_positive,
        default=1.0,
        metavar="T",
        help="smallest self-vs-others difference reported (default %(default)s)",
    )
    assessments.add_argument("--json", action="store_true", help="print the review as JSON")

    close = commands.add_parser(
        "close", help="the cheapest way to close a team's hard gaps: train, transfer, hire"
    )
    _closure_options(close)
    close.add_argument("--json", action="store_true", help="print the closure as JSON")

    plan = commands.add_parser(
        "plan", help="development plans and job postings that close a team's hard gaps"
    )
    _closure_options(plan)
    shape = plan.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print the plan as JSON")
    shape.add_argument("--markdown", action="store_true", help="print Markdown (the default)")

    posting = commands.add_parser("posting", help="the job posting for a role")
    posting.add_argument("file")
    posting.add_argument("--role", required=True, help="id of a role in the file")
    posting.add_argument("--json", action="store_true", help="print the posting as JSON")

    gaps = commands.add_parser("gaps", help="report a team's gaps against a request")
    gaps.add_argument("file")
    gaps.add_argument("--request", required=True, help="id of a request in the file")
    gaps.add_argument("--people", help="comma-separated person ids: the team")
    gaps.add_argument("--team", dest="people", action=_DeprecatedAlias, new="--people")
    gaps.add_argument(
        "--top", type=_positive_int, metavar="K", help="only the K gaps of highest priority"
    )
    gaps.add_argument("--json", action="store_true", help="print the report as one JSON object")

    report = commands.add_parser(
        "report", help="one self-contained HTML page: the team, why each member, gaps, plan"
    )
    report.add_argument("file")
    report.add_argument("--request", required=True, help="id of a request in the file")
    report.add_argument(
        "--people", help="comma-separated person ids: the team (default: solve the request)"
    )
    report.add_argument("--team", dest="people", action=_DeprecatedAlias, new="--people")
    report.add_argument(
        "--deadline", metavar="DATE|WEEKS", help="the plan's trainings done by this date"
    )
    report.add_argument("--html", required=True, metavar="OUT", help="the HTML file to write")
    _solve_options(report)

    cover = commands.add_parser(
        "cover", help="solve a set-covering file (OR-Library, rail or teamwright-cover)"
    )
    cover.add_argument("file")
    cover.add_argument(
        "--format",
        choices=["auto", "orlib", "rail", "teamwright-cover"],
        default="auto",
        help="the file's format (auto: told apart by its content, docs/format.md)",
    )
    _solve_options(cover)
    cover.add_argument("--json", action="store_true", help="print the solution as one JSON object")

    assign = commands.add_parser("assign", help="put people where they fit")
    kinds = assign.add_subparsers(dest="kind", required=True, parser_class=_Parser)
    matrix = kinds.add_parser("matrix", help="linear assignment of a cost matrix file")
    matrix.add_argument("file", help="one row per line, costs separated by commas or spaces")
    matrix.add_argument("--maximize", action="store_true")
    matrix.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    generalized = kinds.add_parser(
        "generalized",
        aliases=["gap"],  # deprecated
        help="a generalized assignment file (agents with capacities)",
    )
    generalized.add_argument("file")
    generalized.add_argument("--maximize", action="store_true")
    _solve_options(generalized)
    generalized.add_argument(
        "--json", action="store_true", help="print the answer as one JSON object"
    )
    staff = kinds.add_parser("staff", help="staff seats, people sharing their time up to their FTE")
    staff.add_argument("file")
    staff.add_argument("--people", help="comma-separated person ids (default: everyone available)")
    staff.add_argument(
        "--seat", action="append", required=True, metavar="ID=ROLE[:FTE]", help="repeatable"
    )
    _solve_options(staff)
    staff.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    roles = kinds.add_parser("roles", help="put people into role and shift slots")
    mentors = kinds.add_parser("mentors", help="pair people with colleagues who can lift them")
    for command in (roles, mentors):
        command.add_argument("file")
        who = command.add_mutually_exclusive_group(required=True)
        who.add_argument("--request", help="solve this request and take its members")
        who.add_argument("--people", help="comma-separated person ids")
        who.add_argument("--members", dest="people", action=_DeprecatedAlias, new="--people")
        command.add_argument("--json", action="store_true", help="print the answer as JSON")
    roles.add_argument(
        "--slot",
        action="append",
        default=[],
        metavar="ID=ROLE[@SHIFT]",
        help="a slot (repeatable; ID=@SHIFT for a shift alone); default: the request's roles",
    )
    roles.add_argument(
        "--preference-bonus", type=_non_negative, default=0.25, help="per preference met"
    )
    roles.add_argument(
        "--bonus",
        dest="preference_bonus",
        type=_non_negative,
        action=_DeprecatedAlias,
        new="--preference-bonus",
    )
    mentors.add_argument(
        "--goal",
        action="append",
        required=True,
        metavar="COMPETENCY:TARGET[:MENTOR_LEVEL[:IMPORTANCE]]",
        help="a competency to lift (repeatable)",
    )

    split = commands.add_parser("split", help="split a pool into teams that each meet a request")
    split.add_argument("file")
    split.add_argument("--request", required=True, help="id of a request in the file")
    split.add_argument("--teams", type=_positive_int, required=True, metavar="K")
    split.add_argument("--people", help="comma-separated person ids (default: everyone available)")
    split.add_argument("--pool", dest="people", action=_DeprecatedAlias, new="--people")
    split.add_argument("--min-size", type=_non_negative_int, metavar="N")
    split.add_argument("--max-size", type=_non_negative_int, metavar="N")
    split.add_argument("--keep-apart", action="append", default=[], metavar="ID,ID,...")
    split.add_argument("--keep-together", action="append", default=[], metavar="ID,ID,...")
    split.add_argument(
        "--no-lone",
        action="append",
        default=[],
        metavar="ATTRIBUTE",
        help="no team holds exactly one member with a value of this attribute",
    )
    split.add_argument(
        "--previous-team",
        default="",
        metavar="ATTRIBUTE",
        help="people with the same value of this attribute do not meet again",
    )
    _solve_options(split)
    split.add_argument("--json", action="store_true", help="print the split as one JSON object")
    return parser


def solve_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """The solve contract's options as given on the command line."""
    return {
        "mode": args.mode,
        "time_limit": args.time_limit,
        "seed": args.seed,
        "threads": args.threads,
    }


def _closure_options(command: argparse.ArgumentParser) -> None:
    """What `close` and `plan` both take: the file, the request, the team, the deadline and the
    solve contract's options."""
    command.add_argument("file")
    command.add_argument("--request", required=True, help="id of a request in the file")
    who = command.add_mutually_exclusive_group(required=True)
    who.add_argument("--people", help="comma-separated person ids: the team")
    who.add_argument("--team", dest="people", action=_DeprecatedAlias, new="--people")
    command.add_argument(
        "--deadline", metavar="DATE|WEEKS", help="trainings done by this date, or within N weeks"
    )
    _solve_options(command)


def _solve_options(command: argparse.ArgumentParser) -> None:
    """The solve contract's options, the same for every command that solves."""
    command.add_argument(
        "--mode",
        choices=["auto", "heuristic", "exact"],
        default="auto",
        help="auto (default): the heuristic, then the exact search for the rest of the limit",
    )
    command.add_argument(
        "--time-limit",
        type=_non_negative,
        default=teamwright.solving.DEFAULT_TIME_LIMIT,
        metavar="S",
        help="seconds (default %(default)s)",
    )
    command.add_argument("--seed", type=_non_negative_int, default=0, metavar="N")
    command.add_argument("--threads", type=_positive_int, default=1, metavar="N")


def _positive(text: str) -> float:
    value = _non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got {text!r}")
    return value


def _non_negative(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be a number >= 0, got {text!r}")
    return value


def _non_negative_int(text: str) -> int:
    if not text.isdigit() or len(text) > 19:
        raise argparse.ArgumentTypeError(f"must be an integer from 0 to 2^63 - 1, got {text!r}")
    value = int(text)
    if value >= 2**63:
        raise argparse.ArgumentTypeError(f"must be an integer from 0 to 2^63 - 1, got {text!r}")
    return value


def _positive_int(text: str) -> int:
    value = _non_negative_int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be an integer >= 1, got {text!r}")
    return value
