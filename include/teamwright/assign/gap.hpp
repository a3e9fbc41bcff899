#pragma once

/// \file
/// The generalized assignment problem: every job (a task, a seat in a team) goes to exactly one
/// agent (a person), each assignment costs c(i, j) and uses w(i, j) of the agent's capacity (hours,
/// FTE), and no agent exceeds its capacity. People with availability below 1 serving several
/// teams up to their FTE are this problem.
///
/// Three phases on one incumbent: tabu search over shift and swap moves with strategic
/// oscillation of per-agent penalties for excess load, after M. Yagiura, T. Ibaraki and F. Glover,
/// "An ejection chain approach for the generalized assignment problem", INFORMS Journal on
/// Computing 16 (2004) 133-151, started from a regret greedy (S. Martello and P. Toth, "An
/// algorithm for the generalized assignment problem", 1981); a branch-and-bound on the Lagrangian
/// relaxation of the assignment constraints (M. L. Fisher, R. Jaikumar and L. N. Van Wassenhove,
/// "A multiplier adjustment method for the generalized assignment problem", Management Science
/// 32 (1986) 1095-1103) that proves optimality when it finishes; and a large neighbourhood search
/// whose neighbourhoods (a few agents' jobs) that branch-and-bound solves exactly (R. K. Ahuja,
/// O. Ergun, J. B. Orlin and A. P. Punnen, "A survey of very large-scale neighborhood search
/// techniques", Discrete Applied Mathematics 123 (2002) 75-102).
/// Details in docs/algorithms.md.

#include <cstdint>
#include <string>
#include <vector>

#include "teamwright/assign/linear.hpp"

namespace teamwright::assign {

/// A generalized assignment problem; matrices are agents x jobs, row-major. A weight of +inf (or
/// any weight above the agent's capacity) forbids the pair.
struct GapProblem {
  int agents = 0;
  int jobs = 0;
  std::vector<double> cost;
  std::vector<double> weight;
  std::vector<double> capacity;

  [[nodiscard]] double c(int i, int j) const {
    return cost[static_cast<std::size_t>(i) * static_cast<std::size_t>(jobs) +
                static_cast<std::size_t>(j)];
  }
  [[nodiscard]] double w(int i, int j) const {
    return weight[static_cast<std::size_t>(i) * static_cast<std::size_t>(jobs) +
                  static_cast<std::size_t>(j)];
  }
};

struct GapOptions {
  Sense sense = Sense::kMinimize;
  /// Seconds; > 0. The search runs until then (or `max_moves`) unless it meets its lower bound.
  double time_limit_s = 10;
  /// Tabu moves, and branch-and-bound nodes in each of the later phases; 0 = no limit. With a
  /// move limit and no time limit cutting it short, the same seed gives the same answer.
  std::int64_t max_moves = 0;
  std::uint64_t seed = 0;
};

struct GapSolution {
  /// Whether a capacity-respecting assignment was found (none may exist).
  bool feasible = false;
  /// The agent of every job (when feasible).
  std::vector<int> agent_of_job;
  /// The sum of the chosen costs.
  double cost = 0;
  /// Whether the search proved `cost` optimal.
  bool optimal = false;
  /// A bound on the optimum (the Lagrangian bound of the branch-and-bound's root; the cost itself
  /// when optimal).
  double bound = 0;
  double time_to_best_s = 0;
  double time_s = 0;
};

/// Solves a generalized assignment problem: the best assignment found within the limits, proven
/// optimal when the branch-and-bound finishes.
/// \throws InvalidInputError for matrices of the wrong size, a NaN or infinite cost, a NaN or
///   negative weight, a negative or non-finite capacity; OutOfRangeError for a non-positive time
///   limit or a negative move limit.
[[nodiscard]] GapSolution solve_gap(const GapProblem& problem, const GapOptions& options = {});

/// The independent checker: every job assigned once to a valid agent, no agent over capacity
/// (relative tolerance 1e-9), the cost the sum of the chosen costs, the bound not beyond it.
[[nodiscard]] std::vector<std::string> check(const GapProblem& problem, Sense sense,
                                             const GapSolution& solution);

}  // namespace teamwright::assign
