#include "cover/control.hpp"

#include <cmath>

namespace teamwright::cover::detail {

Control::Control(const SolveOptions& options, const SolveHooks& hooks)
    : start_(std::chrono::steady_clock::now()),
      time_limit_s_(options.time_limit_s),
      hooks_(&hooks) {}

double Control::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

bool Control::stop() {
  if (termination_ != Termination::kCompleted) {
    return true;
  }
  if (hooks_->cancel != nullptr && hooks_->cancel->cancelled()) {
    termination_ = Termination::kCancelled;
  } else if (elapsed() >= time_limit_s_) {
    termination_ = Termination::kTimeLimit;
  }
  return termination_ != Termination::kCompleted;
}

bool Control::offer(std::vector<Index> columns, double cost) {
  if (!(cost < incumbent_.cost - 1e-9 * std::max(1.0, std::abs(cost)))) {
    return false;
  }
  incumbent_.columns = std::move(columns);
  incumbent_.cost = cost;
  time_to_best_ = elapsed();
  report(true);
  return true;
}

void Control::offer_bound(double bound) {
  if (integral_) {
    bound = std::ceil(bound - 1e-6);
  }
  if (bound > bound_) {
    bound_ = bound;
    report(false);
  }
}

bool Control::closed() const {
  if (!incumbent_.exists()) {
    return false;
  }
  const double gap = incumbent_.cost - bound_;
  return integral_ ? gap < 1 - 1e-6 : gap <= 1e-9 * std::max(1.0, std::abs(incumbent_.cost));
}

void Control::report(bool forced) {
  if (!hooks_->on_progress) {
    return;
  }
  const double now = elapsed();
  if (!forced && now - last_report_ < 0.1) {
    return;
  }
  last_report_ = now;
  Progress progress;
  if (incumbent_.exists()) {
    progress.incumbent = incumbent_.cost;
  }
  progress.bound = bound_;
  progress.elapsed_s = now;
  hooks_->on_progress(progress);
}

}  // namespace teamwright::cover::detail
