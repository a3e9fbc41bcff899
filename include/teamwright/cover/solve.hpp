#pragma once

/// \file
/// Solving a covering problem: options (plain data), hooks (progress callback, cancellation),
/// and the solver pipeline.
///
/// Heuristic mode: proofs of infeasibility and the lazy greedy (greedy.hpp); for problems
/// without conflicts, budget, maximum size or slot rows, the Lagrangian heuristic of Caprara,
/// Fischetti and Toth ("A heuristic method for the set covering problem", Operations Research
/// 47(5), 1999; after Beasley, "A Lagrangian heuristic for set-covering problems", Naval
/// Research Logistics 37, 1990): subgradient optimisation on a priced core problem, greedy on
/// Lagrangian costs and column fixing, which also yields a lower bound; then a row-weighting
/// local search (after Gao, Weise and Li, EJOR 246(3), 2015) on the columns of lowest reduced
/// cost, until the time limit, or for a fixed number of moves when there is none.
/// Exact mode: branch-and-bound on Lagrangian bounds with reduced-cost fixing (see
/// docs/algorithms.md), the heuristic giving the first incumbent.

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>

#include "teamwright/cover/problem.hpp"
#include "teamwright/cover/solution.hpp"

namespace teamwright::cover {

/// What a solve is asked to do. Plain data: copy it, store it, compare it.
struct SolveOptions {
  enum class Mode {
    kHeuristic,  ///< good solutions fast, with a lower bound
    kExact,      ///< search until the best solution is proven optimal (or a limit stops it)
  };
  Mode mode = Mode::kHeuristic;
  /// Wall-clock limit in seconds; the solve returns its best solution within 5 % + 50 ms of it.
  double time_limit_s = std::numeric_limits<double>::infinity();
  /// Seeds the randomised parts; the same seed gives the same result.
  std::uint64_t seed = 0;
  /// Threads the solve may use (>= 1): exact mode's branch-and-bound runs that many workers
  /// over one tree; the heuristic uses one. A completed exact search's status, cost and bound do
  /// not depend on it (which optimal columns it returns may); with 1 the search is serial.
  int threads = 1;
};

/// A snapshot of a running solve, given to the progress callback.
struct Progress {
  /// The best solution's cost so far, if there is one.
  std::optional<double> incumbent;
  /// The best lower bound so far.
  double bound = 0;
  double elapsed_s = 0;
};

/// Stops a solve from another thread: the solve returns its best solution soon after.
class CancellationToken {
 public:
  void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
  [[nodiscard]] bool cancelled() const noexcept {
    return cancelled_.load(std::memory_order_relaxed);
  }

 private:
  std::atomic<bool> cancelled_{false};
};

/// Callbacks beside the options.
struct SolveHooks {
  /// Called from a solving thread (one call at a time) when the incumbent improves, and at most
  /// every 0.1 s when only the bound does. An exception it throws ends the solve and propagates.
  std::function<void(const Progress&)> on_progress;
  /// Polled by the solve; may be shared by several solves. Not owned.
  const CancellationToken* cancel = nullptr;
};

/// Solves `problem` as the options say.
///
/// Returns the best solution found with its status (optimal only when proven), termination
/// reason, bound, time to the best solution and total time. Throws `InvalidInputError` for
/// options out of range (a negative or NaN time limit, threads < 1); never for the problem.
/// Deterministic for a given seed when not stopped by the time limit or cancellation (for exact
/// mode with threads > 1: the status, cost and bound).
/// Thread safe: a const problem may be solved from many threads at once.
[[nodiscard]] Solution solve(const Problem& problem, const SolveOptions& options = {},
                             const SolveHooks& hooks = {});

}  // namespace teamwright::cover
