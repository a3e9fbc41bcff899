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
#include "teamwright/solving.hpp"

namespace teamwright::assign {

/// The largest cost magnitude a generalized assignment problem may hold, so that sums over every
/// job stay finite and exact enough (as a model's `kMaxAmount`).
inline constexpr double kMaxGeneralizedCost = 1e15;

/// A generalized assignment problem; matrices are agents x jobs, row-major. A weight of +inf (or
/// any weight above the agent's capacity) forbids the pair.
struct GeneralizedProblem {
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

/// What to optimise, and the effort of each phase.
struct GeneralizedOptions {
  Sense sense = Sense::kMinimize;
  /// Tabu moves, and branch-and-bound nodes in each of the later phases; 0 = no limit but the
  /// time (a fixed effort of 1,000 moves per job when there is no time limit either). With a
  /// move limit and no time limit cutting it short, the same seed gives the same answer.
  std::int64_t max_moves = 0;
};

struct GeneralizedSolution {
  /// kOptimal when proven, kFeasible for an assignment within the capacities not proven best,
  /// kInfeasible when proven that none exists, kNoSolutionFound otherwise.
  Status status = Status::kNoSolutionFound;
  Termination termination = Termination::kCompleted;
  /// The agent of every job (when an assignment was found).
  std::vector<int> agent_of_job;
  /// The sum of the chosen costs.
  double cost = 0;
  /// A bound on the optimum (the best the searches proved; the cost itself when optimal), and
  /// the relative gap to it.
  double bound = 0;
  double relative_gap = 0;
  double time_to_best_s = 0;
  double time_s = 0;

  [[nodiscard]] bool solved() const {
    return status == Status::kOptimal || status == Status::kFeasible;
  }
};

/// Solves a generalized assignment problem under the solve contract (teamwright/solving.hpp):
/// auto mode runs the three phases (tabu search for a tenth of the limit, the branch-and-bound
/// for a quarter of the rest, the large neighbourhood search after), heuristic mode the tabu
/// and neighbourhood searches, exact mode the tabu search until its first assignment and then
/// the branch-and-bound. Single-threaded. Progress reports every better assignment; cancellation
/// returns the best found.
/// \throws InvalidInputError for matrices of the wrong size, a NaN or infinite cost, a NaN or
///   negative weight, a negative or non-finite capacity; OutOfRangeError for options out of
///   range (a negative or NaN time limit, threads < 1, a negative move limit).
[[nodiscard]] GeneralizedSolution solve_generalized(const GeneralizedProblem& problem,
                                                    const GeneralizedOptions& gap = {},
                                                    const SolveOptions& options = {},
                                                    const SolveHooks& hooks = {});

/// The independent checker: every job assigned once to a valid agent, no agent over capacity
/// (relative tolerance 1e-9), the cost the sum of the chosen costs, the bound not beyond it.
[[nodiscard]] std::vector<std::string> check(const GeneralizedProblem& problem, Sense sense,
                                             const GeneralizedSolution& solution);

}  // namespace teamwright::assign
