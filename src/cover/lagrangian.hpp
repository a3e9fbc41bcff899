#pragma once

// Lagrangian relaxation of the covering rows, and the heuristic of Caprara, Fischetti and Toth
// built on it. For "pure" problems: no conflicts, budget, maximum size or slot rows (fixed
// columns and a minimum size are fine).

#include <cstdint>
#include <random>
#include <vector>

#include "cover/analysis.hpp"
#include "cover/control.hpp"

namespace teamwright::cover::detail {

/// Whether the Lagrangian methods apply: no conflicts, budget, maximum size or slot rows.
[[nodiscard]] bool is_pure(const Problem& problem);

/// Improves the control's incumbent and lower bound with the three-phase heuristic (subgradient,
/// Lagrangian greedy, column fixing) followed by the row-weighting local search (local_search.hpp)
/// on the columns of lowest reduced cost: until control says stop when `until_stopped`, else
/// for a fixed number of moves. Stops early when the incumbent is proven optimal.
/// The problem must be pure and feasible (no infeasibility in the analysis). Returns the
/// multipliers of the best bound found for the whole problem (empty if none).
std::vector<double> lagrangian_heuristic(const Problem& problem, const Analysis& analysis,
                                         Control& control, std::mt19937_64& random,
                                         bool until_stopped);

}  // namespace teamwright::cover::detail
