#pragma once

// Lagrangian methods for problems that are not pure (problem.hpp): coefficients, soft and
// robust rows, groups, conflicts, a budget and size bounds.
//
// The relaxation dualises the rows (a soft row's multiplier is capped by its penalty, since
// penalty * shortfall = max over 0 <= u <= penalty of u * (demand - covered)), the budget and the
// size bounds, and keeps the groups: each group contributes its column of least reduced cost if
// that is negative. It is the Lagrangian relaxation of the whole problem but the conflicts, so
// every value is a lower bound (Geoffrion, "Lagrangean relaxation for integer programming",
// Mathematical Programming Study 2, 1974); the multipliers are optimised by subgradient (Held,
// Wolfe and Crowder, "Validation of subgradient optimization", Mathematical Programming 6,
// 1974). Robust rows are relaxed to "the sum of coefficients reaches the demand plus the
// largest coefficient chosen", which every robust cover meets and which is exact once no column
// is left to choose.

#include <random>
#include <vector>

#include "cover/analysis.hpp"
#include "cover/control.hpp"

namespace teamwright::cover::detail {

/// Improves the control's incumbent and lower bound: subgradient on the relaxation with a
/// Lagrangian greedy (greedy.hpp ranked by reduced costs) every few steps, then a local search
/// over drop, add, swap and group moves from the best solution; with `until_stopped`, perturbed
/// restarts of both until control says stop. The problem must have no infeasibility in its
/// analysis. Returns the multipliers of the best bound (rows, then budget, maximum and minimum
/// size), to warm-start `constrained_branch_and_bound`.
std::vector<double> constrained_heuristic(const Problem& problem, const Analysis& analysis,
                                          Control& control, std::mt19937_64& random,
                                          bool until_stopped);

/// Branch-and-bound on the relaxation, with propagation (groups, conflicts, budget, size,
/// rows whose remaining groups are all needed), reduced-cost fixing per group and branching on
/// the short row with fewest free groups; a soft row is branched on with one more child that
/// leaves it short. Contract as `branch_and_bound` (exact.hpp), for any problem.
bool constrained_branch_and_bound(const Problem& problem, const Analysis& analysis,
                                  Control& control, std::vector<double> multipliers, int threads);

}  // namespace teamwright::cover::detail
