#pragma once

// Lagrangian relaxation of the covering rows, and the heuristic of Caprara, Fischetti and Toth
// built on it, for pure problems (problem.hpp; fixed columns and a minimum size are fine).

#include <cstdint>
#include <random>
#include <vector>

#include "cover/analysis.hpp"
#include "cover/control.hpp"

namespace teamwright::cover::detail {

/// The Lagrangian bound at multipliers `u` over the free `columns`, the rows having residual
/// demands `need` and the columns already chosen costing `fixed_cost`:
/// fixed_cost + sum_i need_i u_i + sum_j min(0, c_j - sum_{i in j} u_i). Writes its subgradient
/// (need_i less the columns of negative reduced cost in row i) into `subgradient`.
[[nodiscard]] double lagrangian_bound(const Problem& problem, const std::vector<int>& need,
                                      double fixed_cost, const std::vector<Index>& columns,
                                      const std::vector<double>& u,
                                      std::vector<double>& subgradient);

/// How long the heuristic works.
enum class Effort {
  kUntilStopped,  ///< until control says stop
  kBounded,       ///< a fixed effort, the heuristic's answer being the solve's
  /// A lighter fixed effort before an exact search, which proves or improves what it finds:
  /// fixes columns four times as fast (on OR-Library 4-6 as multicover with demands 2-3 the
  /// exact solve takes about a third less time; on sets 4-D no change beyond noise).
  kBeforeSearch,
};

/// Improves the control's incumbent and lower bound with the three-phase heuristic (subgradient,
/// Lagrangian greedy, column fixing) followed by the row-weighting local search (local_search.hpp)
/// on the columns of lowest reduced cost, for the given effort (a bounded one: a fixed number of
/// moves). Stops early when the incumbent is proven optimal.
/// The problem must be pure and feasible (no infeasibility in the analysis). Returns the
/// multipliers of the best bound found for the whole problem (empty if none).
std::vector<double> lagrangian_heuristic(const Problem& problem, const Analysis& analysis,
                                         Control& control, std::mt19937_64& random, Effort effort);

}  // namespace teamwright::cover::detail
