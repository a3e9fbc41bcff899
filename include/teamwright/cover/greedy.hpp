#pragma once

/// \file
/// Lazy greedy for weighted set multicover with side constraints.
///
/// The greedy repeatedly takes the column that meets the most outstanding hard demand per unit
/// of cost (Chvátal, "A greedy heuristic for the set-covering problem", Math. Oper. Res. 4(3),
/// 1979; for demands above one, Dobson, "Worst-case analysis of greedy heuristics for integer
/// programming with nonnegative data", Math. Oper. Res. 7(4), 1982: cost <= H(k) * optimum for
/// columns covering at most k rows), a column's cost being reduced by the penalties it saves on
/// soft rows. Met demand is a submodular function of the columns, so stale gains are upper
/// bounds and are recomputed only when they reach the top of the heap (Minoux, "Accelerated
/// greedy algorithms for maximizing submodular set functions", 1978). Once every hard row is
/// met, columns that save more penalty than they cost are added, best ratio first. A column may
/// replace the chosen column of its group when that covers more. A final pass drops columns,
/// most expensive first, whose removal keeps every hard row met and does not raise the
/// objective, and moves chosen columns to cheaper ones of their group where that keeps the rows
/// met.
///
/// Side constraints: fixed columns are taken first; a column is never taken if it conflicts with
/// a chosen one, exceeds the remaining budget or the maximum size; the minimum size is reached
/// with the cheapest remaining columns. Robust rows are met with one column's worth to spare
/// (the row's largest coefficient), which is enough.

#include "teamwright/cover/problem.hpp"
#include "teamwright/cover/solution.hpp"

namespace teamwright::cover {

/// Solves `problem` heuristically.
///
/// Returns kOptimal when the objective meets a simple lower bound (the cheapest way to meet any
/// one row), kFeasible otherwise. When some constraint cannot be met it first proves what it can
/// (hard rows the usable columns cannot meet, fixed columns that conflict or exceed the budget or
/// size, size and budget bounds) and returns kInfeasible with those reasons and the best partial
/// cover; if it proves nothing it returns kNoSolutionFound with its partial cover and the rows
/// left short.
///
/// Never throws for a built problem. Deterministic: ties go to the lower column index.
/// Time O(nnz log n).
[[nodiscard]] Solution solve_greedy(const Problem& problem);

}  // namespace teamwright::cover
