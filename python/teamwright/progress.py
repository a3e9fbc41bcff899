"""Progress bars for long solves (``progress=True`` on every solver): a tqdm bar over the time
limit, fed by the solve's progress hook with the best objective and bound so far. tqdm is an
optional dependency (``pip install 'teamwright[notebook]'``); ``tqdm.auto`` draws a widget in
Jupyter and text in a terminal."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from typing import Any

from teamwright.solving import Progress, _callback, _time_limit


def tqdm_class() -> Any:
    """``tqdm.auto.tqdm``, or an ImportError saying how to install it."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        raise ImportError(
            "progress=True needs tqdm: pip install 'teamwright[notebook]' (or tqdm)"
        ) from None
    return tqdm


def _short(value: float | None) -> str:
    if value is None:
        return "none"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:,.6g}"


@contextlib.contextmanager
def progress_hook(
    on_progress: Callable[[Progress], Any] | None,
    progress: bool,
    time_limit: float | None,
    desc: str,
) -> Iterator[Callable[[dict[str, Any]], None] | None]:
    """The C++ callback for a solve: ``on_progress``'s, and with ``progress`` a bar of the
    elapsed time against ``time_limit`` (a count of seconds without a limit) that shows the
    incumbent and bound, closed when the solve returns."""
    if not progress:
        yield _callback(on_progress)
        return
    limit = _time_limit(time_limit)
    total = limit if math.isfinite(limit) else None
    bar = tqdm_class()(total=total, desc=desc, unit="s", bar_format=_FORMAT)

    def hook(snapshot: Progress) -> None:
        bar.n = min(snapshot.elapsed_s, total) if total is not None else snapshot.elapsed_s
        bar.set_postfix_str(
            f"best {_short(snapshot.incumbent)}, bound {_short(snapshot.bound)}", refresh=False
        )
        bar.refresh()
        if on_progress is not None:
            on_progress(snapshot)

    try:
        yield _callback(hook)
    finally:
        bar.close()


_FORMAT = "{desc}: {bar} {n:.1f}/{total_fmt} s {postfix}"
