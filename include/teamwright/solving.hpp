#pragma once

/// \file
/// The solve contract every teamwright solver keeps (covering, team requests, generalized
/// assignment, staffing, placement, mentoring, splitting): plain-data options beside hooks, one
/// status vocabulary with a termination reason, and the figures every result reports.
///
/// Options are copied, stored and compared freely; hooks are callbacks and a cancellation token
/// that sit beside them (after or-tools' MathOpt, `solve_arguments.h`).

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace teamwright {

/// What a solve is asked to do. The defaults are the same for every solver.
struct SolveOptions {
  enum class Mode {
    /// The heuristic, then the exact search for the rest of the time limit: small problems come
    /// back proven optimal (or proven infeasible) without asking, large ones with the best
    /// solution found and a bound.
    kAuto,
    /// Good solutions fast, with a lower bound; never proves more than the bound shows.
    kHeuristic,
    /// Searches until the best solution is proven optimal (or a limit stops it).
    kExact,
  };
  Mode mode = Mode::kAuto;
  /// Wall-clock limit in seconds (>= 0; infinity means none). A solve returns its best answer
  /// within 5 % + 50 ms of it.
  double time_limit_s = 10;
  /// Seeds the randomised parts; the same seed gives the same result.
  std::uint64_t seed = 0;
  /// Threads the solve may use (>= 1). Solvers that cannot use more than one say so.
  int threads = 1;

  friend bool operator==(const SolveOptions&, const SolveOptions&) = default;
};

/// Checks options every solver shares: throws `OutOfRangeError` for a negative or NaN time limit
/// or threads < 1, naming the option.
void validate(const SolveOptions& options);

/// The file-format name of a mode: "auto", "heuristic", "exact".
[[nodiscard]] std::string_view to_string(SolveOptions::Mode mode);
/// The mode with that name, or nothing.
[[nodiscard]] std::optional<SolveOptions::Mode> parse_mode(std::string_view name);

/// A snapshot of a running solve, given to the progress callback.
struct Progress {
  /// The best objective so far, if there is a solution.
  std::optional<double> incumbent;
  /// The best lower bound so far.
  double bound = 0;
  double elapsed_s = 0;
};

/// Stops solves from another thread (or a signal handler): each returns its best answer soon
/// after, with termination kCancelled, or kInterrupted when cancelled by `interrupt`.
class CancellationToken {
 public:
  void cancel() noexcept { state_.store(kCancelled, std::memory_order_relaxed); }
  /// Cancels on behalf of the user (Ctrl-C): results say kInterrupted.
  void interrupt() noexcept { state_.store(kInterrupted, std::memory_order_relaxed); }
  [[nodiscard]] bool cancelled() const noexcept {
    return state_.load(std::memory_order_relaxed) != kLive;
  }
  [[nodiscard]] bool interrupted() const noexcept {
    return state_.load(std::memory_order_relaxed) == kInterrupted;
  }

 private:
  enum : int { kLive, kCancelled, kInterrupted };
  std::atomic<int> state_{kLive};
};

/// Callbacks beside the options.
struct SolveHooks {
  /// Called from a solving thread (one call at a time) when the incumbent improves, and at most
  /// every 0.1 s when only the bound does. An exception it throws ends the solve and propagates.
  std::function<void(const Progress&)> on_progress;
  /// Polled by the solve; may be shared by several solves. Not owned.
  const CancellationToken* cancel = nullptr;
};

/// The outcome of a solve.
enum class Status {
  kOptimal,          ///< An answer proven optimal (its objective equals the bound).
  kFeasible,         ///< An answer meeting every constraint, not proven optimal.
  kInfeasible,       ///< Proven: no answer meets every constraint; the result says why.
  kNoSolutionFound,  ///< No answer found, and none proven impossible.
};

/// The file-format name: "optimal", "feasible", "infeasible", "no_solution_found".
[[nodiscard]] std::string_view to_string(Status status);
/// The status of a file-format name, or nothing.
[[nodiscard]] std::optional<Status> parse_status(std::string_view name);

/// Why a solve stopped.
enum class Termination {
  kCompleted,  ///< the solver finished its work (exact search: proved optimality or infeasibility)
  kTimeLimit,  ///< the time limit was reached
  kCancelled,  ///< the cancellation token was set
  kInterrupted,  ///< the user interrupted the solve (Ctrl-C)
};

/// The file-format name: "completed", "time_limit", "cancelled", "interrupted".
[[nodiscard]] std::string_view to_string(Termination termination);
/// The termination of a file-format name, or nothing.
[[nodiscard]] std::optional<Termination> parse_termination(std::string_view name);

/// The relative gap between an objective and its lower bound: (objective - bound) /
/// max(|objective|, |bound|), clamped at 0 (0 when both are 0); infinity without an objective.
[[nodiscard]] double relative_gap(std::optional<double> objective, double bound);

}  // namespace teamwright
