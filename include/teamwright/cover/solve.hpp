#pragma once

/// \file
/// Solving a covering problem under the solve contract of teamwright/solving.hpp.
///
/// Pure problems (problem.hpp): the lazy greedy (greedy.hpp), then the Lagrangian heuristic of
/// Caprara, Fischetti and Toth ("A heuristic method for the set covering problem", Operations
/// Research 47(5), 1999; after Beasley, "A Lagrangian heuristic for set-covering problems",
/// Naval Research Logistics 37, 1990): subgradient optimisation on a priced core problem, greedy
/// on Lagrangian costs and column fixing, which also yields a lower bound; then a row-weighting
/// local search (after Gao, Weise and Li, EJOR 246(3), 2015) on the columns of lowest reduced
/// cost. Other problems: the same pipeline on the problem without its budget, maximum size and
/// conflicts when that one is pure and its answer keeps them (so that a limit that does not
/// bind never changes the answer); otherwise a Lagrangian heuristic that keeps every side
/// constraint (constrained.hpp).
/// Exact mode: branch-and-bound on Lagrangian bounds with reduced-cost fixing (see
/// docs/algorithms.md), the heuristic giving the first incumbent. Auto mode: the heuristic with
/// a bounded effort, then the exact search for the rest of the time limit.

#include "teamwright/cover/problem.hpp"
#include "teamwright/cover/solution.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::cover {

using teamwright::CancellationToken;
using teamwright::Progress;
using teamwright::SolveHooks;
using teamwright::SolveOptions;

/// Solves `problem` as the options say.
///
/// Returns the best solution found with its status (optimal only when proven), termination
/// reason, bound, gap, time to the best solution and total time. Heuristic mode runs until the
/// time limit (a fixed effort when there is none). The exact search uses `threads` workers; the
/// heuristic uses one. A completed exact search's status, cost and bound do not depend on the
/// thread count (which optimal columns it returns may).
/// Throws `OutOfRangeError` for options out of range (a negative or NaN time limit, threads
/// < 1); never for the problem.
/// Deterministic for a given seed when not stopped by the time limit or cancellation (for exact
/// mode with threads > 1: the status, cost and bound).
/// Thread safe: a const problem may be solved from many threads at once.
[[nodiscard]] Solution solve(const Problem& problem, const SolveOptions& options = {},
                             const SolveHooks& hooks = {});

}  // namespace teamwright::cover
