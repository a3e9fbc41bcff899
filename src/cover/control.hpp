#pragma once

// The running solve's clock, limits and reports: every solver polls `stop()` in its loops and
// tells `Control` about new incumbents and bounds, which reaches the progress callback.

#include <chrono>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

#include "teamwright/cover/solve.hpp"
#include "util/search_clock.hpp"

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

  /// What a nested solve's solution is worth to this one: its objective here, or nothing when
  /// it is no solution here.
  using Translate = std::function<std::optional<double>(const std::vector<Index>&)>;

  /// A control for a related problem of this solve: the same clock, limit and cancellation, no
  /// progress reports of its own. Its incumbents that `translate` accepts are offered to this
  /// control too, at the objective it gives. With `bounds`, its bounds are bounds of this solve
  /// (a relaxation) and the first incumbent `translate` rejects stops it (the relaxation has gone
  /// where this solve cannot follow). This control must outlive it.
  [[nodiscard]] Control nested(Translate translate, bool bounds);
  /// Whether a nested control stopped because `keep` rejected an incumbent.
  [[nodiscard]] bool rejected() const { return rejected_; }

  /// Whether to stop now: the time limit has passed, the solve was cancelled, or (nested) a
  /// relaxation's answer was rejected. Once true, stays true.
  [[nodiscard]] bool stop() { return rejected_ || clock_.stop(); }
  [[nodiscard]] double elapsed() const { return clock_.elapsed(); }

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

  [[nodiscard]] Termination termination() const { return clock_.termination(); }
  [[nodiscard]] double time_to_best() const { return time_to_best_; }

 private:
  Control(Control& parent, Translate translate, bool bounds);
  void report(bool forced);

  util::SearchClock clock_;
  Control* parent_ = nullptr;
  Translate translate_;
  bool relaxation_ = false;
  bool rejected_ = false;
  Incumbent incumbent_;
  double bound_ = -std::numeric_limits<double>::infinity();
  bool integral_ = false;
  double time_to_best_ = 0;
};

}  // namespace teamwright::cover::detail
