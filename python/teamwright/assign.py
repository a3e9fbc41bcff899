"""Putting people where they fit: linear assignment.

`linear_sum_assignment` has the contract of `scipy.optimize.linear_sum_assignment` — the same
arguments, the same ``(row_ind, col_ind)`` answer with rows ascending, ``+inf`` (``-inf`` when
maximising) forbidding a pair and ``ValueError`` when no assignment exists — and is solved by
teamwright's Jonker-Volgenant solver (docs/algorithms.md). Float and integer matrices whose rows
are contiguous are read in place, without a copy; integer matrices are solved in exact integer
arithmetic.
"""

from __future__ import annotations

import numpy as np

from teamwright import _core
from teamwright.errors import InvalidInputError, OutOfRangeError

__all__ = ["linear_sum_assignment"]

_INT64_MAX = np.iinfo(np.int64).max


def _rows_contiguous(array: np.ndarray) -> bool:
    return array.shape[1] <= 1 or array.strides[1] == array.itemsize


def _prepare(cost: np.ndarray) -> np.ndarray:
    kind = cost.dtype.kind
    if kind == "f":
        dtype = np.float64
    elif kind in "biu":
        if kind == "u" and cost.dtype.itemsize == 8 and cost.size and cost.max() > _INT64_MAX:
            raise OutOfRangeError(f"cost matrix: the entry {cost.max()} exceeds the int64 range")
        dtype = np.int64
    else:
        raise InvalidInputError(
            f"cost matrix: expected numbers (integers or floats), got dtype {cost.dtype}"
        )
    if cost.dtype != dtype or not _rows_contiguous(cost) or cost.strides[0] < 0:
        cost = np.ascontiguousarray(cost, dtype=dtype)
    return cost


def linear_sum_assignment(
    cost_matrix, maximize: bool = False, *, forbidden=None
) -> tuple[np.ndarray, np.ndarray]:
    """Assign each row to a distinct column (or each column to a distinct row, whichever side is
    shorter) so that the chosen costs sum to the least, or the most with ``maximize=True``.

    ``forbidden`` is an optional boolean matrix of the same shape marking pairs that must not be
    chosen (also possible with an infinite float cost). Returns ``(row_ind, col_ind)``, int64
    arrays with ``row_ind`` ascending, so that ``cost_matrix[row_ind, col_ind].sum()`` is optimal.

    Raises ``InvalidInputError`` (a ``ValueError``) for a matrix that is not 2-D, not numeric,
    holds NaN or an infinity in the objective's direction, or admits no assignment.
    """
    cost = np.asarray(cost_matrix)
    if cost.ndim != 2:
        raise InvalidInputError(f"cost matrix: expected a 2-D array, got {cost.ndim} dimensions")
    cost = _prepare(cost)
    mask = None
    if forbidden is not None:
        mask = np.asarray(forbidden)
        if mask.shape != cost.shape:
            raise InvalidInputError(
                f"forbidden mask: its shape {mask.shape} must be the cost matrix's {cost.shape}"
            )
        if mask.dtype != np.bool_ or not _rows_contiguous(mask) or mask.strides[0] < 0:
            mask = np.ascontiguousarray(mask, dtype=np.bool_)
    solve = (
        _core.linear_sum_assignment_f64
        if cost.dtype == np.float64
        else _core.linear_sum_assignment_i64
    )
    return solve(cost, bool(maximize), mask)
