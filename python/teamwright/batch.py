"""Many requests at once: `solve_many` farms team requests out to any
`concurrent.futures.Executor` — threads, processes, or a Dask cluster through
``distributed.Client(...).get_executor()`` — and returns the results in request order.

The model travels once per task as its canonical text (what ``pickle`` sends for a `Model`) and
each worker process parses a given model once and keeps it; requests travel pickled. A solve is
deterministic for a seed (``threads=1``), so the results are the serial ones, times aside.
"""

from __future__ import annotations

import concurrent.futures
import functools
import hashlib
from collections.abc import Iterable
from typing import Any

from teamwright.errors import InvalidInputError
from teamwright.model import Model, loads
from teamwright.team import RequestLike, TeamResult, solve

__all__ = ["solve_many"]


@functools.lru_cache(maxsize=8)
def _parsed(text: str, digest: str) -> Model:
    """The model of a canonical text, parsed once per worker process (keyed by its digest)."""
    del digest  # part of the cache key only
    return loads(text)


def _solve_one(text: str, digest: str, request: RequestLike, options: dict[str, Any]) -> TeamResult:
    return solve(_parsed(text, digest), request, **options)


def solve_many(
    model: Model,
    requests: Iterable[RequestLike],
    executor: concurrent.futures.Executor | None = None,
    *,
    progress: bool = False,
    **solve_options: Any,
) -> list[TeamResult]:
    """Solves every request of ``requests`` (ids of the model's requests, `TeamRequest` objects
    or request documents) with `teamwright.solve` and ``solve_options`` (mode, time_limit,
    seed, threads, replacements), on ``executor`` (None: one after another in this process).

    Results come back in the order of ``requests``; a request that breaks a rule raises its
    error here, as `solve` would. ``progress`` shows a tqdm bar of finished solves. Callbacks
    (``on_progress``) and cancellation tokens (``cancel``) do not cross process boundaries and
    are refused with an executor."""
    items = list(requests)
    if executor is not None:
        for hook in ("on_progress", "cancel"):
            if solve_options.get(hook) is not None:
                raise InvalidInputError(
                    f"solve_many: {hook} cannot be sent to an executor's workers"
                )
    bar = _bar(len(items), progress)
    try:
        if executor is None:
            results = []
            for request in items:
                results.append(solve(model, request, **solve_options))
                bar.update(1)
            return results
        text = model.dumps()
        digest = hashlib.sha256(text.encode()).hexdigest()
        futures = [
            executor.submit(_solve_one, text, digest, request, solve_options) for request in items
        ]
        for _ in concurrent.futures.as_completed(futures):
            bar.update(1)
        return [future.result() for future in futures]
    finally:
        bar.close()


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int, progress: bool) -> Any:
    if not progress:
        return _NoBar()
    from teamwright.progress import tqdm_class

    return tqdm_class()(total=total, desc="requests", unit="solve")
