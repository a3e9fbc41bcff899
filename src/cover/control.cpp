#include "cover/control.hpp"

#include <algorithm>
#include <cmath>

namespace teamwright::cover::detail {

Control::Control(const SolveOptions& options, const SolveHooks& hooks)
    : start_(std::chrono::steady_clock::now()),
      time_limit_s_(options.time_limit_s),
      on_progress_(hooks.on_progress ? &hooks.on_progress : nullptr),
      cancel_(hooks.cancel) {}

Control Control::nested(Translate translate, bool bounds) {
  Control inner;
  inner.start_ = start_;
  inner.time_limit_s_ = time_limit_s_;
  inner.cancel_ = cancel_;
  inner.parent_ = this;
  inner.translate_ = std::move(translate);
  inner.relaxation_ = bounds;
  inner.integral_ = bounds && integral_;
  return inner;
}

double Control::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

bool Control::stop() {
  if (termination_ != Termination::kCompleted || rejected_) {
    return true;
  }
  if (cancel_ != nullptr && cancel_->cancelled()) {
    termination_ = cancel_->interrupted() ? Termination::kInterrupted : Termination::kCancelled;
  } else if (elapsed() >= time_limit_s_) {
    termination_ = Termination::kTimeLimit;
  }
  return termination_ != Termination::kCompleted;
}

bool Control::offer(std::vector<Index> columns, double cost) {
  if (!(cost < incumbent_.cost - 1e-9 * std::max(1.0, std::abs(cost)))) {
    return false;
  }
  if (parent_ != nullptr) {
    if (const std::optional<double> value = translate_(columns)) {
      parent_->offer(columns, *value);
    } else {
      rejected_ = relaxation_;
    }
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
    if (parent_ != nullptr && relaxation_) {
      parent_->offer_bound(bound);
    }
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
  if (on_progress_ == nullptr) {
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
  (*on_progress_)(progress);
}

}  // namespace teamwright::cover::detail
