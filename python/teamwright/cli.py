"""The ``teamwright`` command: demo, validate, solve, gaps, cover, assign and split.

Exit status 0 when the command did its job (an infeasible request is an answer, not a failure),
2 for bad input or usage, with one line on stderr and no traceback.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import teamwright
from teamwright.model import Model, TeamRequest
from teamwright.solving import Status
from teamwright.team import Gap, GapReport, TeamResult

DEMO_REQUEST = "leadership_team"
DEMO_INFEASIBLE_REQUEST = "latam_expansion"


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


def _parser() -> argparse.ArgumentParser:
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

    gaps = commands.add_parser("gaps", help="report a team's gaps against a request")
    gaps.add_argument("file")
    gaps.add_argument("--request", required=True, help="id of a request in the file")
    gaps.add_argument("--people", help="comma-separated person ids: the team")
    gaps.add_argument("--team", dest="people", action=_DeprecatedAlias, new="--people")
    gaps.add_argument("--json", action="store_true", help="print the report as one JSON object")

    cover = commands.add_parser(
        "cover", help="solve a set-covering file (OR-Library or teamwright-cover)"
    )
    cover.add_argument("file")
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


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The solve contract's options as given on the command line."""
    return {
        "mode": args.mode,
        "time_limit": args.time_limit,
        "seed": args.seed,
        "threads": args.threads,
    }


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


INTERRUPTED = 130
"""The exit status after Ctrl-C (128 + SIGINT), once the best answer so far is printed."""

CLOSED_PIPE = 141
"""The exit status when the reader of the output goes away (128 + SIGPIPE), as for `teamwright
demo | head`."""


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        return _run(args)
    except (UsageError, teamwright.Error) as error:
        print(f"teamwright: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("teamwright: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # Nobody reads on: stop quietly, as a program ended by SIGPIPE does. Standard output now
        # goes nowhere, so the interpreter's last flush cannot fail on the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return CLOSED_PIPE


def _load(path: str) -> Model:
    try:
        return teamwright.load(path)
    except teamwright.FileError:
        raise
    except teamwright.Error as error:
        # Keep the type, name the file.
        raise type(error)(f"{path}: {error}") from None


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        _demo()
    elif args.command == "validate":
        model = _load(args.file)
        print(
            f"{args.file}: valid teamwright document (format version {teamwright.FORMAT_VERSION}): "
            f"{len(model.competencies)} competencies, {len(model.people)} people, "
            f"{len(model.roles)} roles, {len(model.requests)} requests"
        )
    elif args.command == "solve":
        model = _load(args.file)
        request = _request(model, args)
        result = teamwright.solve(
            model, request, replacements=not args.no_replacements, **_options(args)
        )
        if args.json:
            _print_json(result.to_dict())
        else:
            _print_result(model, request, result)
        if result.termination is teamwright.Termination.INTERRUPTED:
            return INTERRUPTED
    elif args.command == "cover":
        return _cover(args)
    elif args.command == "assign":
        _assign(args)
    elif args.command == "split":
        _split(args)
    elif args.command == "check":
        model = _load(args.file)
        document = _read_json(args.result, "a result")
        request = args.request if args.request is not None else document.get("request")
        if not isinstance(request, str):
            raise teamwright.FormatError(f"{args.result}: the result names no request")
        findings = teamwright.check(model, request, document)
        for finding in findings:
            print(finding)
        if findings:
            return 1
        print(f"{args.result}: every claim holds ({document.get('status')}, request {request!r})")
    elif args.command == "gaps":
        model = _load(args.file)
        if args.people is None:
            raise UsageError("gaps: give the team with --people")
        people = [person for person in args.people.split(",") if person]
        report = teamwright.gap_report(model, args.request, people)
        if args.json:
            _print_json(report.to_dict())
        else:
            _print_gaps(model, report)
    return 0


def _request(model: Model, args: argparse.Namespace) -> TeamRequest:
    """The request to solve: named, read from its own file, or built from flags; flags change
    a named or read request."""
    if args.request is not None:
        request = model.request(args.request)
    elif args.request_file is not None:
        request = teamwright.model._request(_read_json(args.request_file))
    elif args.need or args.role:
        request = TeamRequest("command_line")
    else:
        raise UsageError("solve: give --request, --request-file, or --need/--role")
    request = copy.deepcopy(request)
    for text in args.need:
        request.requirements.append(_need(text))
    for text in args.role:
        role, _, count = text.partition(":")
        if not role or (count and not count.isdigit()):
            raise UsageError(f"--role {text!r}: expected ROLE[:N]")
        request.roles.append(teamwright.RoleSlot(role, int(count) if count else 1))
    if args.budget is not None:
        request.budget = args.budget
    if args.max_size is not None:
        request.max_size = args.max_size
    request.must_include += [p for p in args.include.split(",") if p]
    request.exclude += [p for p in args.exclude.split(",") if p]
    return request


def _need(text: str) -> teamwright.TeamRequirement:
    parts = text.split(":")
    usage = f"--need {text!r}: expected COMPETENCY:LEVEL[:COUNT] (COUNT: N, everyone or NfTE)"
    if not 2 <= len(parts) <= 3 or not parts[0]:
        raise UsageError(usage)
    try:
        level = float(parts[1])
        count = parts[2].lower() if len(parts) == 3 else "1"
        if count == "everyone":
            return teamwright.TeamRequirement(parts[0], level, count="everyone")
        if count.endswith("fte"):
            return teamwright.TeamRequirement(parts[0], level, fte=float(count[:-3]))
        if not count.isdigit():
            raise ValueError
        return teamwright.TeamRequirement(parts[0], level, count=int(count))
    except ValueError:
        raise UsageError(usage) from None


def _read_json(path: str, what: str = "a request") -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except OSError as error:
        raise teamwright.FileError(f"{path}: cannot read: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise teamwright.FormatError(f"{path}: malformed JSON: {error}") from None
    if not isinstance(document, dict):
        raise teamwright.FormatError(f"{path}: {what} must be a JSON object")
    return document


def _cover(args: argparse.Namespace) -> int:
    from teamwright import cover

    problem = cover.read_problem(args.file)
    solution = cover.solve(problem, **_options(args))
    document = solution.to_dict()
    document["columns"] = [j + 1 for j in solution.columns]  # OR-Library numbering
    document["short_rows"] = [i + 1 for i in solution.short_rows]
    if args.json:
        _print_json(document)
    else:
        print(
            f"{args.file}: {problem.num_rows} rows, {problem.num_columns} columns\n"
            f"status: {solution.status.value} ({solution.termination.value})   "
            f"cost: {_money(solution.cost)}   bound: {_money(solution.bound)}   "
            f"relative gap: {100 * solution.relative_gap:.2f} %\n"
            f"best found after {solution.time_to_best_s:.3f} s of {solution.time_s:.3f} s\n"
            f"columns (1-based): {' '.join(map(str, document['columns']))}"
        )
    return INTERRUPTED if solution.termination is teamwright.Termination.INTERRUPTED else 0


def _people_of(model: Model, args: argparse.Namespace) -> list[str]:
    """The --people given, or the members of the team solved for --request."""
    if args.people is not None:
        return [m for m in args.people.split(",") if m]
    result = teamwright.solve(model, args.request)
    if not result.solved:
        raise teamwright.InvalidInputError(
            f"request {args.request!r} has no team to place ({result.status.value})"
        )
    return result.member_ids


def _slots(model: Model, args: argparse.Namespace) -> list[teamwright.Slot]:
    slots = []
    for text in args.slot:
        slot_id, equals, rest = text.partition("=")
        role, _, shift = rest.partition("@")
        if not equals or not slot_id:
            raise UsageError(f"--slot {text!r}: expected ID=ROLE[@SHIFT] or ID=@SHIFT")
        slots.append(teamwright.Slot(slot_id, role, shift))
    if not slots and args.request is not None:
        for slot in model.request(args.request).roles:
            for k in range(slot.count):
                suffix = f"#{k + 1}" if slot.count > 1 else ""
                slots.append(teamwright.Slot(slot.role + suffix, slot.role))
    if not slots:
        raise UsageError("assign roles: give --slot, or a --request that has role slots")
    return slots


def _goal(text: str) -> teamwright.MentoringGoal:
    parts = text.split(":")
    try:
        if not 2 <= len(parts) <= 4 or not parts[0]:
            raise ValueError
        mentor = float(parts[2]) if len(parts) > 2 and parts[2] else None
        importance = int(parts[3]) if len(parts) > 3 else 3
        return teamwright.MentoringGoal(parts[0], float(parts[1]), mentor, importance)
    except ValueError:
        raise UsageError(
            f"--goal {text!r}: expected COMPETENCY:TARGET[:MENTOR_LEVEL[:IMPORTANCE]]"
        ) from None


def _assign(args: argparse.Namespace) -> None:
    if args.kind == "matrix":
        cost = teamwright.read_cost_matrix(args.file)
        rows, cols = teamwright.linear_sum_assignment(cost, maximize=args.maximize)
        total = cost[rows, cols].sum().item()
        if args.json:  # rows and columns 1-based, as in every output of the command
            document = {
                "objective": total,
                "rows": [i + 1 for i in rows.tolist()],
                "columns": [j + 1 for j in cols.tolist()],
            }
            _print_json(document)
        else:
            print(f"objective: {total:g}")
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
                print(f"row {i + 1} -> column {j + 1}  ({cost[i, j].item():g})")
        return
    if args.kind in ("generalized", "gap"):
        if args.kind == "gap":
            print("teamwright: assign gap is deprecated: use assign generalized", file=sys.stderr)
        problem = teamwright.read_generalized(args.file)
        solution = teamwright.assign_generalized(problem, maximize=args.maximize, **_options(args))
        if args.json:
            document = solution.to_dict()
            document["agent_of_job"] = [a + 1 for a in solution.agent_of_job]  # 1-based
            _print_json(document)
        elif not solution.solved:
            proven = "proven: " if solution.status is Status.INFEASIBLE else ""
            print(f"{args.file}: {proven}no assignment within the capacities found")
        else:
            print(
                f"{args.file}: {problem.agents} agents, {problem.jobs} jobs\n"
                f"status: {solution.status.value} ({solution.termination.value})   "
                f"cost: {_money(solution.cost)}   bound: {_money(solution.bound)}   "
                f"best after {solution.time_to_best_s:.3f} s of {solution.time_s:.3f} s\n"
                f"agents (1-based, by job): {' '.join(str(a + 1) for a in solution.agent_of_job)}"
            )
        return
    model = _load(args.file)
    if args.kind == "staff":
        _staff(model, args)
        return
    people = _people_of(model, args)
    if args.kind == "roles":
        placed = teamwright.assign_roles(
            model, people, _slots(model, args), preference_bonus=args.preference_bonus
        )
        if args.json:
            _print_json(placed.to_dict())
            return
        names = {p.id: p.name for p in model.people}
        table = [
            [
                p.slot,
                f"{p.person} {names[p.person]}",
                f"{p.fit:.2f}",
                ", ".join(
                    label
                    for label, on in (("role", p.preferred_role), ("shift", p.preferred_shift))
                    if on
                )
                or "-",
            ]
            for p in placed.placements
        ]
        _table(["slot", "member", "fit", "preferred"], table, right={2})
        print(f"total fit {placed.total_fit:.2f}, preference bonus {placed.total_bonus:.2f}")
        if placed.unfilled_slots:
            print("unfilled (nobody left who meets the role): " + ", ".join(placed.unfilled_slots))
        if placed.unplaced:
            print("without a slot: " + ", ".join(placed.unplaced))
        return
    paired = teamwright.assign_mentors(model, people, [_goal(g) for g in args.goal])
    if args.json:
        _print_json(paired.to_dict())
        return
    table = [
        [p.mentor, p.mentee, ", ".join(p.competencies), f"{p.benefit:g}"] for p in paired.pairs
    ]
    _table(["mentor", "mentee", "competencies", "benefit"], table, right={3})
    print(f"total benefit {paired.total_benefit:g}")
    if paired.unpaired_mentees:
        print("no mentor free for: " + ", ".join(paired.unpaired_mentees))


def _staff(model: Model, args: argparse.Namespace) -> None:
    seats = []
    for text in args.seat:
        seat_id, equals, rest = text.partition("=")
        role, colon, fte = rest.partition(":")
        try:
            seats.append(teamwright.Seat(seat_id, role, float(fte) if colon else 1.0))
        except ValueError:
            raise UsageError(f"--seat {text!r}: expected ID=ROLE[:FTE]") from None
        if not equals or not seat_id or not role:
            raise UsageError(f"--seat {text!r}: expected ID=ROLE[:FTE]")
    people = (
        [p for p in args.people.split(",") if p]
        if args.people
        else [p.id for p in model.people if p.availability > 0]
    )
    result = teamwright.assign_staff(model, people, seats, **_options(args))
    if args.json:
        _print_json(result.to_dict())
        return
    names = {p.id: p.name for p in model.people}
    fte = {s.id: s.fte for s in seats}
    table = [
        [a.seat, f"{a.person} {names[a.person]}", f"{fte[a.seat]:g}", f"{a.fit:.2f}"]
        for a in result.assignments
    ]
    _table(["seat", "person", "fte", "fit"], table, right={2, 3})
    shared = {p: load for p, load in result.load.items() if load > 0}
    print(
        f"total fit {result.total_fit:.2f}; FTE taken: "
        + ", ".join(f"{p} {load:g}" for p, load in shared.items())
    )
    if result.unfilled_seats:
        print("unfilled (nobody eligible has time): " + ", ".join(result.unfilled_seats))


def _split(args: argparse.Namespace) -> None:
    model = _load(args.file)

    def ids(text: str) -> list[str]:
        return [person for person in text.split(",") if person]

    result = teamwright.split(
        model,
        args.request,
        args.teams,
        people=ids(args.people) if args.people else None,
        min_size=args.min_size,
        max_size=args.max_size,
        keep_apart=[ids(g) for g in args.keep_apart],
        keep_together=[ids(g) for g in args.keep_together],
        no_lone=args.no_lone,
        previous_team=args.previous_team,
        **_options(args),
    )
    if args.json:
        _print_json(result.to_dict())
        return
    print(
        f"status: {result.status.value}   worst coverage: {result.worst_coverage:.3f}   "
        f"average: {result.average_coverage:.3f}   ({result.time_s:.2f} s)"
    )
    table = [
        [str(t + 1), f"{team.coverage:.3f}", " ".join(team.members)]
        for t, team in enumerate(result.teams)
    ]
    _table(["team", "coverage", "members"], table, right={0, 1})
    for violation in result.violations:
        print(f"breaks: {violation}")


def _print_json(document: dict[str, Any]) -> None:
    print(json.dumps(document, indent=2, ensure_ascii=False))


def _demo() -> None:
    path = teamwright.example_path()
    model = teamwright.load(path)
    print("teamwright demo: the bundled customer-service example")
    print(f"  ({path})")
    print(
        f"  {len(model.competencies)} competencies, {len(model.people)} people, "
        f"{len(model.roles)} roles, {len(model.requests)} requests"
    )
    request = model.request(DEMO_REQUEST)
    result = teamwright.solve(model, request)
    _print_result(model, request, result)

    if result.members:
        print()
        _print_gaps(
            model,
            teamwright.gap_report(model, request, result.member_ids),
            title="Remaining gaps of this team",
        )

    other = model.request(DEMO_INFEASIBLE_REQUEST)
    print()
    _print_result(model, other, teamwright.solve(model, other))


def _money(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _level(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _table(
    headers: Sequence[str], rows: list[Sequence[str]], right: set[int] = frozenset()
) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return ("  " + "  ".join(parts)).rstrip()

    print(line(headers))
    for row in rows:
        print(line(row))


def _limits(request: TeamRequest) -> str:
    parts = []
    if request.budget is not None:
        parts.append(f"budget {_money(request.budget)}")
    size = (
        f"size {request.min_size}-{request.max_size}"
        if request.max_size
        else (f"size >= {request.min_size}")
    )
    parts.append(size)
    parts.append(f"objective {request.objective.value}")
    return ", ".join(parts)


def _print_result(model: Model, request: TeamRequest, result: TeamResult) -> None:
    roles = {role.id: role.name for role in model.roles}
    print()
    title = f"Request '{request.id}'" + (f": {request.name}" if request.name else "")
    print(title)
    if request.description:
        print(f"  {request.description}")
    proof = {
        Status.OPTIMAL: "proven optimal",
        Status.FEASIBLE: (
            f"not proven optimal: within {100 * result.relative_gap:.1f} % of the bound"
        ),
        Status.INFEASIBLE: "proven impossible",
        Status.NO_SOLUTION_FOUND: "no team found, nothing proven",
    }[result.status]
    stopped = (
        ""
        if result.termination is teamwright.Termination.COMPLETED
        else f", stopped: {result.termination.value.replace('_', ' ')}"
    )
    print(
        f"Status: {result.status.value} ({proof}{stopped}, {result.time_s:.2f} s)   "
        f"members: {result.size}   cost: {_money(result.cost)}   ({_limits(request)})"
    )
    if result.solved and result.penalty > 0:
        print(f"  soft requirements left unmet cost {_money(result.penalty)} in the objective")

    if not result.solved:
        if result.diagnosis:
            print(result.diagnosis.summary)
            for way in result.diagnosis.relaxations[:5]:
                team = ", ".join(way.team) + (" and the hire" if way.kind == "hire" else "")
                print(f"  - {way.text}: a team for {_money(way.cost)} ({team})")
        for unmet in result.unmet:
            print(
                f"  - {' and '.join(unmet.requirements)}: needs {_money(unmet.needed)}, "
                f"only {unmet.capable} eligible can ({', '.join(unmet.capable_people) or 'nobody'})"
            )
        for reason in result.reasons:
            if not result.diagnosis or reason != result.diagnosis.summary:
                print(f"  - {reason}")
        if result.members:
            print("Best partial team (the most importance-weighted coverage):")

    if result.members:
        print()
        rows = []
        for member in result.members:
            star = "*" if member.external else ""
            why = (
                "essential to: " + "; ".join(member.unique)
                if member.unique
                else "counts for: " + "; ".join(member.contributes)
                if member.contributes
                else "fills the minimum size"
            )
            replaced = member.replacement
            price = (
                "-"
                if replaced is None or replaced.status in (Status.INFEASIBLE,)
                else f"{'+' if replaced.extra_cost >= 0 else ''}{_money(replaced.extra_cost)}"
            )
            if replaced is not None and replaced.status is Status.INFEASIBLE:
                price = "irreplaceable"
            rows.append(
                [
                    f"{member.id} {member.name}{star}",
                    roles.get(member.role, "") if member.role else "",
                    _money(member.cost),
                    price,
                    why,
                ]
            )
        _table(["member", "role", "cost", "without them", "why on the team"], rows, right={2, 3})
        if any(member.external for member in result.members):
            print("  * external candidate: a hire")
        if result.solved:
            print()
            for member in result.members:
                print(f"  {member.summary}")

    print()
    print(f"Coverage (importance-weighted: {100 * result.weighted_coverage:.0f} %)")
    rows = [
        [
            row.requirement + ("" if row.hard else " (soft)"),
            _money(row.needed),
            _money(row.provided),
            "yes" if row.met else "NO",
            ", ".join(row.covered_by),
        ]
        for row in result.coverage
    ]
    _table(["requirement", "needed", "provided", "met", "covered by"], rows, right={1, 2})


def _closures(model: Model, gap: Gap) -> list[str]:
    names = {person.id: person.name for person in model.people}
    costs = {person.id: person.cost for person in model.people}
    ways = []
    if gap.trainable and gap.train:
        ways.append(
            "train " + ", ".join(f"{o.id} {names[o.id]} (at {_level(o.level)})" for o in gap.train)
        )
    if gap.transfer:
        ways.append(
            "transfer in "
            + ", ".join(f"{p} {names[p]}" for p in gap.transfer[:3])
            + (f" (+{len(gap.transfer) - 3} more)" if len(gap.transfer) > 3 else "")
        )
    if gap.hire:
        ways.append(
            "hire " + ", ".join(f"{p} {names[p]} ({_money(costs[p])})" for p in gap.hire[:2])
        )
    if gap.needs_hire and not gap.hire:
        ways.append(f"post a job asking for {gap.competency} at level {_level(gap.min_level)}")
    return ways


def _print_gaps(model: Model, report: GapReport, title: str = "Gaps") -> None:
    competencies = {c.id: c for c in model.competencies}
    print(f"{title} against '{report.request}' (priority = importance x shortfall)")
    if not report.gaps:
        print("  none: the team meets every requirement of the request")
        return
    for gap in report.gaps:
        competency = competencies[gap.competency]
        where = f"role {gap.role}: " if gap.role else ""
        kind = competency.kind.value + (", trainable" if gap.trainable else ", not trainable")
        hard = "" if gap.hard else ", soft"
        print(
            f"  {gap.priority:5.1f}  {where}{gap.competency} >= {_level(gap.min_level)}"
            f" ({kind}{hard}): {_level(gap.missing)} short by {_level(gap.shortfall)} level points"
        )
        for way in _closures(model, gap):
            print(f"         - {way}")
