"""Rich display in Jupyter, progress bars, and batch solves on any Executor (a Dask cluster too)."""

from __future__ import annotations

import concurrent.futures
import html.parser
import multiprocessing
import pickle

import pytest
import teamwright as tw
from teamwright import cover
from teamwright.team import RequestLike


@pytest.fixture(scope="module")
def example() -> tw.Model:
    return tw.load(tw.example_path())


class _Checker(html.parser.HTMLParser):
    """Fails on unbalanced tags; collects text and the classes used."""

    VOID = frozenset({"br", "meta", "img", "hr", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.classes: set[str] = set()
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        for name, value in attrs:
            if name == "class" and value:
                self.classes.update(value.split())
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == []
    assert checker.scripts == 0
    return checker


def test_results_show_coverage_coloured_and_why_each_member(example: tw.Model) -> None:
    request = example.requests[0].id
    result = tw.solve(example, request)
    page = _parse(result._repr_html_())
    text = " ".join(page.text)
    assert "met" in page.classes and "optimal" in page.classes
    for member in result.members:
        assert member.id in text and member.summary in text
    assert "price of replacement" in text

    short = tw.gap_report(example, request, result.member_ids[:-1])
    page = _parse(short._repr_html_())
    assert {"unmet", "met"} <= page.classes or {"partial", "met"} <= page.classes
    assert short.gaps[0].requirement in " ".join(page.text)

    plan = tw.plan(example, "latam_expansion", ["p03", "p07", "p09"], time_limit=5)
    text = " ".join(_parse(plan._repr_html_()).text)
    for development in plan.development:
        assert development.person in text
        assert all(goal.due in text for goal in development.goals)
    _parse(plan.closure._repr_html_())
    assert "14 competencies" in " ".join(_parse(example._repr_html_()).text)
    assert request in " ".join(_parse(example.request(request)._repr_html_()).text)


def test_names_are_escaped() -> None:
    model = tw.Model(
        competencies=[tw.Competency("a")],
        people=[tw.Person("p", name="<script>alert(1)</script>", levels={"a": 3})],
    )
    result = tw.solve(model, tw.TeamRequest("r", requirements=[tw.TeamRequirement("a", 3)]))
    for markup in (model._repr_html_(), result._repr_html_()):
        assert "<script>alert" not in markup
        assert "&lt;script&gt;" in markup
        _parse(markup)


def test_progress_draws_a_bar_and_keeps_the_callback(
    example: tw.Model, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[tw.Progress] = []
    result = tw.solve(
        example, example.requests[0].id, progress=True, on_progress=seen.append, time_limit=5
    )
    assert result.solved and seen
    assert "team" in capsys.readouterr().err  # tqdm writes to stderr outside Jupyter
    problem = cover.read_orlib("tests/data/orlib/scp41.txt")
    solution = cover.solve(problem, mode="heuristic", time_limit=1, progress=True)
    assert solution.cost > 0
    assert "cover" in capsys.readouterr().err


def _signature(result: tw.TeamResult) -> tuple[object, ...]:
    return (result.request, result.status, result.member_ids, result.cost, result.bound)


def test_models_requests_and_results_pickle(example: tw.Model) -> None:
    request = example.requests[1]
    assert pickle.loads(pickle.dumps(example)) == example
    assert pickle.loads(pickle.dumps(request)) == request
    result = tw.solve(example, request)
    assert _signature(pickle.loads(pickle.dumps(result))) == _signature(result)


@pytest.fixture(scope="module")
def serial(example: tw.Model) -> list[tw.TeamResult]:
    return tw.solve_many(example, _requests(example), seed=3, time_limit=20)


def _requests(example: tw.Model) -> list[RequestLike]:
    first = example.requests[0]
    requests: list[RequestLike] = [r.id for r in example.requests]
    return [*requests, first, first.to_dict()]


def test_solve_many_is_solve_in_request_order(
    example: tw.Model, serial: list[tw.TeamResult]
) -> None:
    assert [r.request for r in serial] == [r.id for r in example.requests] + [
        example.requests[0].id
    ] * 2
    one = tw.solve(example, example.requests[1].id, seed=3, time_limit=20)
    assert _signature(serial[1]) == _signature(one)


@pytest.mark.parametrize("kind", ["threads", "processes"])
def test_any_executor_gives_the_serial_results(
    example: tw.Model, serial: list[tw.TeamResult], kind: str
) -> None:
    executor: concurrent.futures.Executor = (
        concurrent.futures.ThreadPoolExecutor(2)
        if kind == "threads"
        else concurrent.futures.ProcessPoolExecutor(
            2, mp_context=multiprocessing.get_context("spawn")
        )
    )
    with executor:
        results = tw.solve_many(
            example, _requests(example), executor, seed=3, time_limit=20, progress=True
        )
    assert [_signature(r) for r in results] == [_signature(r) for r in serial]


def test_a_dask_cluster_gives_the_serial_results(
    example: tw.Model, serial: list[tw.TeamResult]
) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = tw.solve_many(
            example, _requests(example), client.get_executor(), seed=3, time_limit=20
        )
    assert [_signature(r) for r in results] == [_signature(r) for r in serial]


def test_callbacks_do_not_travel_to_workers(example: tw.Model) -> None:
    with (
        concurrent.futures.ThreadPoolExecutor(1) as executor,
        pytest.raises(tw.InvalidInputError, match="on_progress"),
    ):
        tw.solve_many(example, ["r"], executor, on_progress=print)


def test_plots_draw_the_team_against_its_request(example: tw.Model) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from teamwright import plot

    request = example.requests[0]
    result = tw.solve(example, request.id)
    heatmap = plot.coverage_heatmap(example, request.id, result)
    assert len(heatmap.get_yticklabels()) == len(result.members)
    assert len(heatmap.get_xticklabels()) == len(request.requirements)
    many = tw.TeamRequest(
        "three",
        requirements=[tw.TeamRequirement(c.id, 3) for c in example.competencies[:4]],
    )
    chart = plot.radar(example, many, result.member_ids)
    assert chart.name == "polar" and len(chart.get_lines()) == 2
    closure = tw.close_gaps(example, "latam_expansion", ["p03", "p07", "p09"], time_limit=5)
    trade = plot.tradeoff(closure)
    assert trade.get_xlabel() == "cost"
    assert len(trade.collections) == len(
        [c for c in [closure, *closure.alternatives.values()] if c.cost != float("inf")]
    )
    with pytest.raises(tw.InvalidInputError, match="at least 3"):
        plot.radar(example, tw.TeamRequest("one", requirements=[request.requirements[0]]), [])
    import matplotlib.pyplot as plt

    plt.close("all")
