#include "cover/control.hpp"

#include <algorithm>
#include <cmath>

namespace teamwright::cover::detail {

Control::Control(const SolveOptions& options, const SolveHooks& hooks) : clock_(options, hooks) {}

Control::Control(Control& parent, Translate translate, bool bounds)
    : clock_(parent.clock_.silent()),
      parent_(&parent),
      translate_(std::move(translate)),
      relaxation_(bounds),
      integral_(bounds && parent.integral_) {}

Control Control::nested(Translate translate, bool bounds) {
  return {*this, std::move(translate), bounds};
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
  clock_.report(incumbent_.exists() ? std::optional<double>(incumbent_.cost) : std::nullopt, bound_,
                forced);
}

}  // namespace teamwright::cover::detail
