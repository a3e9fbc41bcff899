#pragma once

// The one clock and cancellation check of every solver: the time limit, the cancellation token
// (and whether the user interrupted), the termination reason, and progress reports to the hook
// (every improvement; a better bound at most every 0.1 s).

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>

#include "teamwright/solving.hpp"

namespace teamwright::util {

class SearchClock {
 public:
  SearchClock(const SolveOptions& options, const SolveHooks& hooks)
      : start_(std::chrono::steady_clock::now()),
        time_limit_s_(options.time_limit_s),
        on_progress_(hooks.on_progress ? &hooks.on_progress : nullptr),
        cancel_(hooks.cancel) {}

  /// The same start and limit, without reports (for a search inside the solve).
  [[nodiscard]] SearchClock silent() const {
    SearchClock quiet = *this;
    quiet.on_progress_ = nullptr;
    return quiet;
  }

  [[nodiscard]] double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  [[nodiscard]] double time_limit() const { return time_limit_s_; }

  /// Whether to stop now: the time limit has passed or the solve was cancelled. Once true, stays
  /// true.
  [[nodiscard]] bool stop() {
    if (termination_ != Termination::kCompleted) {
      return true;
    }
    if (cancel_ != nullptr && cancel_->cancelled()) {
      termination_ = cancel_->interrupted() ? Termination::kInterrupted : Termination::kCancelled;
    } else if (elapsed() >= time_limit_s_) {
      termination_ = Termination::kTimeLimit;
    }
    return termination_ != Termination::kCompleted;
  }
  [[nodiscard]] Termination termination() const { return termination_; }

  /// Reports the incumbent and bound: always when `improved`, else at most every 0.1 s.
  void report(std::optional<double> incumbent, double bound, bool improved) {
    if (on_progress_ == nullptr) {
      return;
    }
    const double now = elapsed();
    if (!improved && now - last_report_ < 0.1) {
      return;
    }
    last_report_ = now;
    (*on_progress_)({incumbent, bound, now});
  }

 private:
  std::chrono::steady_clock::time_point start_;
  double time_limit_s_;
  const std::function<void(const Progress&)>* on_progress_;
  const CancellationToken* cancel_;
  Termination termination_ = Termination::kCompleted;
  double last_report_ = -1;
};

}  // namespace teamwright::util
