"""The ``teamwright`` command: demo, validate, solve, check, gaps, cover, assign and split.

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
from typing import Any

import teamwright
from teamwright.cli.parser import UsageError, build_parser, solve_kwargs
from teamwright.cli.report import (
    format_money,
    print_closure,
    print_gaps,
    print_json,
    print_result,
    print_review,
    print_table,
)
from teamwright.model import Model, TeamRequest
from teamwright.report import build_report
from teamwright.solving import Status

DEMO_REQUEST = "leadership_team"
DEMO_INFEASIBLE_REQUEST = "latam_expansion"

INTERRUPTED = 130
"""The exit status after Ctrl-C (128 + SIGINT), once the best answer so far is printed."""

CLOSED_PIPE = 141
"""The exit status when the reader of the output goes away (128 + SIGPIPE), as for `teamwright
demo | head`."""


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
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


def _closure_arguments(args: argparse.Namespace) -> tuple[str, list[str]]:
    """The request and the team of `close` and `plan`."""
    return args.request, [p for p in args.people.split(",") if p]


def _closure_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """The deadline (weeks when a number, else a date YYYY-MM-DD) and the solve options."""
    text: str | None = args.deadline
    deadline = float(text) if text and text.replace(".", "", 1).isdigit() else text
    return {"deadline": deadline, **solve_kwargs(args)}


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
            model, request, replacements=not args.no_replacements, **solve_kwargs(args)
        )
        if args.json:
            print_json(result.to_dict())
        else:
            print_result(model, request, result)
        return _exit_status(result)
    elif args.command == "cover":
        return _cover(args)
    elif args.command == "assign":
        return _exit_status(_assign(args))
    elif args.command == "split":
        return _exit_status(_split(args))
    elif args.command == "check":
        model = _load(args.file)
        document = _read_json(args.result, "a result")
        named = args.request if args.request is not None else document.get("request")
        if not isinstance(named, str):
            raise teamwright.FormatError(f"{args.result}: the result names no request")
        findings = teamwright.check(model, named, document)
        for finding in findings:
            print(finding)
        if findings:
            return 1
        print(f"{args.result}: every claim holds ({document.get('status')}, request {named!r})")
    elif args.command == "assessments":
        model = _load(args.file)
        review = teamwright.review_assessments(model, args.threshold)
        if args.json:
            print_json(review.to_dict())
        else:
            print_review(model, review)
    elif args.command == "close":
        model = _load(args.file)
        closure = teamwright.close_gaps(model, *_closure_arguments(args), **_closure_kwargs(args))
        if args.json:
            print_json(closure.to_dict())
        else:
            print_closure(model, closure)
        return _exit_status(closure)
    elif args.command == "plan":
        model = _load(args.file)
        planned = teamwright.plan(model, *_closure_arguments(args), **_closure_kwargs(args))
        if args.json:
            print_json(planned.to_dict())
        else:
            print(planned.to_markdown(), end="")
        return _exit_status(planned.closure)
    elif args.command == "posting":
        posting = teamwright.job_posting(_load(args.file), args.role)
        if args.json:
            print_json(posting.to_dict())
        else:
            print(posting.to_markdown(), end="")
    elif args.command == "report":
        model = _load(args.file)
        people = None if args.people is None else [p for p in args.people.split(",") if p]
        built = build_report(model, args.request, people, **_closure_kwargs(args))
        built.save(args.html)
        print(f"{args.html}: report of {args.request} for {', '.join(built.gaps.team)}")
    elif args.command == "gaps":
        model = _load(args.file)
        if args.people is None:
            raise UsageError("gaps: give the team with --people")
        people = [person for person in args.people.split(",") if person]
        report = teamwright.gap_report(model, args.request, people, top_k=args.top)
        if args.json:
            print_json(report.to_dict())
        else:
            print_gaps(model, report)
    return 0


def _exit_status(result: object) -> int:
    """0, or INTERRUPTED when Ctrl-C stopped the solve behind `result` (whose best answer has
    been printed); for results without a solve (None), 0."""
    interrupted = getattr(result, "termination", None) is teamwright.Termination.INTERRUPTED
    return INTERRUPTED if interrupted else 0


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

    readers = {
        "orlib": cover.read_orlib,
        "rail": cover.read_rail,
        "teamwright-cover": cover.read_cover,
    }
    if args.format == "auto":
        problem, file_format = cover.read_file(args.file)
    else:
        problem, file_format = readers[args.format](args.file), args.format
    solution = cover.solve(problem, **solve_kwargs(args))
    document = solution.to_dict()
    document["columns"] = [j + 1 for j in solution.columns]  # OR-Library numbering
    document["short_rows"] = [i + 1 for i in solution.short_rows]
    if args.json:
        print_json(document)
    else:
        print(
            f"{args.file} ({file_format}): {problem.num_rows} rows, "
            f"{problem.num_columns} columns\n"
            f"status: {solution.status.value} ({solution.termination.value})   "
            f"cost: {format_money(solution.cost)}   bound: {format_money(solution.bound)}   "
            f"relative gap: {100 * solution.relative_gap:.2f} %\n"
            f"best found after {solution.time_to_best_s:.3f} s of {solution.time_s:.3f} s\n"
            f"columns (1-based): {' '.join(map(str, document['columns']))}"
        )
    return _exit_status(solution)


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


def _assign(args: argparse.Namespace) -> object:
    """Runs `assign KIND` and returns the result of its solve (None for a matrix)."""
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
            print_json(document)
        else:
            print(f"objective: {total:g}")
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
                print(f"row {i + 1} -> column {j + 1}  ({cost[i, j].item():g})")
        return None
    if args.kind in ("generalized", "gap"):
        if args.kind == "gap":
            print("teamwright: assign gap is deprecated: use assign generalized", file=sys.stderr)
        problem = teamwright.read_generalized(args.file)
        solution = teamwright.assign_generalized(
            problem, maximize=args.maximize, **solve_kwargs(args)
        )
        if args.json:
            document = solution.to_dict()
            document["agent_of_job"] = [a + 1 for a in solution.agent_of_job]  # 1-based
            print_json(document)
        elif not solution.solved:
            proven = "proven: " if solution.status is Status.INFEASIBLE else ""
            print(f"{args.file}: {proven}no assignment within the capacities found")
        else:
            print(
                f"{args.file}: {problem.agents} agents, {problem.jobs} jobs\n"
                f"status: {solution.status.value} ({solution.termination.value})   "
                f"cost: {format_money(solution.cost)}   bound: {format_money(solution.bound)}   "
                f"best after {solution.time_to_best_s:.3f} s of {solution.time_s:.3f} s\n"
                f"agents (1-based, by job): {' '.join(str(a + 1) for a in solution.agent_of_job)}"
            )
        return solution
    model = _load(args.file)
    if args.kind == "staff":
        return _staff(model, args)
    people = _people_of(model, args)
    if args.kind == "roles":
        placed = teamwright.assign_roles(
            model, people, _slots(model, args), preference_bonus=args.preference_bonus
        )
        if args.json:
            print_json(placed.to_dict())
            return placed
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
        print_table(["slot", "member", "fit", "preferred"], table, right={2})
        print(f"total fit {placed.total_fit:.2f}, preference bonus {placed.total_bonus:.2f}")
        if placed.unfilled_slots:
            print("unfilled (nobody left who meets the role): " + ", ".join(placed.unfilled_slots))
        if placed.unplaced:
            print("without a slot: " + ", ".join(placed.unplaced))
        return placed
    paired = teamwright.assign_mentors(model, people, [_goal(g) for g in args.goal])
    if args.json:
        print_json(paired.to_dict())
        return paired
    table = [
        [p.mentor, p.mentee, ", ".join(p.competencies), f"{p.benefit:g}"] for p in paired.pairs
    ]
    print_table(["mentor", "mentee", "competencies", "benefit"], table, right={3})
    print(f"total benefit {paired.total_benefit:g}")
    if paired.unpaired_mentees:
        print("no mentor free for: " + ", ".join(paired.unpaired_mentees))
    return paired


def _staff(model: Model, args: argparse.Namespace) -> teamwright.StaffingResult:
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
    result = teamwright.assign_staff(model, people, seats, **solve_kwargs(args))
    if args.json:
        print_json(result.to_dict())
        return result
    names = {p.id: p.name for p in model.people}
    fte = {s.id: s.fte for s in seats}
    table = [
        [a.seat, f"{a.person} {names[a.person]}", f"{fte[a.seat]:g}", f"{a.fit:.2f}"]
        for a in result.assignments
    ]
    print_table(["seat", "person", "fte", "fit"], table, right={2, 3})
    shared = {p: load for p, load in result.load.items() if load > 0}
    print(
        f"total fit {result.total_fit:.2f}; FTE taken: "
        + ", ".join(f"{p} {load:g}" for p, load in shared.items())
    )
    if result.unfilled_seats:
        print("unfilled (nobody eligible has time): " + ", ".join(result.unfilled_seats))
    return result


def _split(args: argparse.Namespace) -> teamwright.SplitResult:
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
        **solve_kwargs(args),
    )
    if args.json:
        print_json(result.to_dict())
        return result
    print(
        f"status: {result.status.value} ({result.termination.value})   "
        f"worst coverage: {result.worst_coverage:.3f}   "
        f"average: {result.average_coverage:.3f}   ({result.time_s:.2f} s)"
    )
    table = [
        [str(t + 1), f"{team.coverage:.3f}", " ".join(team.members)]
        for t, team in enumerate(result.teams)
    ]
    print_table(["team", "coverage", "members"], table, right={0, 1})
    for violation in result.violations:
        print(f"breaks: {violation}")
    return result


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
    print_result(model, request, result)

    if result.members:
        print()
        print_gaps(
            model,
            teamwright.gap_report(model, request, result.member_ids),
            title="Remaining gaps of this team",
        )

    other = model.request(DEMO_INFEASIBLE_REQUEST)
    print()
    partial = teamwright.solve(model, other)
    print_result(model, other, partial)
    if partial.members:
        print()
        print("The plan that closes this team's hard gaps")
        print()
        print(teamwright.plan(model, other, partial.member_ids).to_markdown(), end="")
