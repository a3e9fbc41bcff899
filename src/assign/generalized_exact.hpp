#pragma once

// Branch-and-bound for the generalized assignment problem on the Lagrangian relaxation of the
// assignment constraints (one knapsack per agent): M. L. Fisher, R. Jaikumar and
// L. N. Van Wassenhove, "A multiplier adjustment method for the generalized assignment problem",
// Management Science 32 (1986) 1095-1103, with subgradient multipliers (M. Held, P. Wolfe and
// H. P. Crowder, "Validation of subgradient optimization", Mathematical Programming 6 (1974)),
// reduced-cost fixing and a Lagrangian heuristic (the knapsacks' choices repaired into an
// assignment) at every node. Details in docs/algorithms.md.

#include <cstdint>
#include <functional>
#include <vector>

#include "teamwright/assign/generalized.hpp"

namespace teamwright::assign::detail {

struct GeneralizedExactResult {
  /// Whether the search finished: the incumbent (if any) is optimal, or none exists.
  bool complete = false;
  /// A lower bound on every assignment's cost (minimising sense).
  double bound = 0;
  std::int64_t nodes = 0;
  /// The root's best multipliers.
  std::vector<double> multipliers;
};

/// Searches for assignments of `problem`, whose costs are to be minimised (a maximisation's
/// negated), cheaper than `incumbent_cost` (+inf if none yet),
/// calling `improved(agent_of_job, cost)` for each one found, from `multipliers` (one per job,
/// e.g. an earlier search's; empty: each job's second-cheapest cost). Stops when `stop()` says so
/// or after `node_limit` nodes (0 = no limit).
GeneralizedExactResult branch_and_bound(
    const GeneralizedProblem& problem, std::vector<double> multipliers, double incumbent_cost,
    std::int64_t node_limit, const std::function<bool()>& stop,
    const std::function<void(const std::vector<int>&, double)>& improved);

}  // namespace teamwright::assign::detail
