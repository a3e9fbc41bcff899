#pragma once

// The running solve's clock, limits and reports: every solver polls `stop()` in its loops and
// tells `Control` about new incumbents and bounds, which reaches the progress callback.

#include <chrono>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

#include "teamwright/cover/solve.hpp"

namespace teamwright::cover::detail {

/// The best solution so far.
struct Incumbent {
  std::vector<Index> columns;  // ascending
  double cost = std::numeric_limits<double>::infinity();

  [[nodiscard]] bool exists() const { return cost < std::numeric_limits<double>::infinity(); }
};

class Control {
 public:
  Control(const SolveOptions& options, const SolveHooks& hooks);

  /// A control for a relaxation of this solve: the same clock, limit and cancellation, no
  /// progress reports of its own. Its incumbents that `keep` accepts, and all its bounds, are
  /// offered to this control too; the first it is offered that `keep` rejects stops it (the
  /// relaxation has gone where this solve cannot follow). This control must outlive it.
  [[nodiscard]] Control nested(std::function<bool(const std::vector<Index>&)> keep);
  /// Whether a nested control stopped because `keep` rejected an incumbent.
  [[nodiscard]] bool rejected() const { return rejected_; }

  /// Whether to stop now: the time limit has passed or the solve was cancelled. Once true,
  /// stays true.
  [[nodiscard]] bool stop();
  [[nodiscard]] double elapsed() const;

  /// Offers a solution; keeps it if it is cheaper than the incumbent. Returns whether it did.
  bool offer(std::vector<Index> columns, double cost);
  /// Offers a lower bound; keeps it if it is higher.
  void offer_bound(double bound);

  [[nodiscard]] const Incumbent& incumbent() const { return incumbent_; }
  [[nodiscard]] double bound() const { return bound_; }
  /// Whether the incumbent is proven optimal by the bound (for integral costs, within 1).
  [[nodiscard]] bool closed() const;
  void set_integral_costs(bool integral) { integral_ = integral; }
  [[nodiscard]] bool integral_costs() const { return integral_; }

  [[nodiscard]] Termination termination() const { return termination_; }
  [[nodiscard]] double time_to_best() const { return time_to_best_; }

 private:
  Control() = default;
  void report(bool forced);

  std::chrono::steady_clock::time_point start_;
  double time_limit_s_ = 0;
  const std::function<void(const Progress&)>* on_progress_ = nullptr;
  const CancellationToken* cancel_ = nullptr;
  Control* parent_ = nullptr;
  std::function<bool(const std::vector<Index>&)> keep_;
  bool rejected_ = false;
  Incumbent incumbent_;
  double bound_ = -std::numeric_limits<double>::infinity();
  bool integral_ = false;
  Termination termination_ = Termination::kCompleted;
  double time_to_best_ = 0;
  double last_report_ = -1;
};

}  // namespace teamwright::cover::detail
