#include "cover/tree.hpp"

#include <cmath>

namespace teamwright::cover::detail {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

Tree::Tree(Control& control, int workers, double ceiling, int best_bound_every)
    : control_(control),
      ceiling_(ceiling),
      best_bound_every_(best_bound_every),
      in_flight_(static_cast<std::size_t>(workers), kInfinity) {}

void Tree::push(Node node) {
  const std::lock_guard lock(mutex_);
  stack_.push_back(std::move(node));
}

bool Tree::take(int worker, Node& node) {
  std::unique_lock lock(mutex_);
  while (true) {
    if (over_) {
      return false;
    }
    if (control_.stop()) {
      stopped_ = true;
      finish();
      return false;
    }
    if (!stack_.empty()) {
      if (best_bound_every_ > 0 && ++taken_ % best_bound_every_ == 0) {
        const auto least =
            std::min_element(stack_.begin(), stack_.end(),
                             [](const Node& a, const Node& b) { return a.bound < b.bound; });
        std::iter_swap(least, stack_.end() - 1);
      }
      node = std::move(stack_.back());
      stack_.pop_back();
      in_flight_[static_cast<std::size_t>(worker)] = node.bound;
      ++busy_;
      return true;
    }
    if (busy_ == 0) {
      finish();
      return false;
    }
    idle_.wait(lock);
  }
}

std::int64_t Tree::number() {
  const std::lock_guard lock(mutex_);
  return nodes_++;
}

void Tree::done(int worker, std::vector<Node>& children, std::int64_t number) {
  const std::lock_guard lock(mutex_);
  for (Node& child : children) {
    stack_.push_back(std::move(child));
  }
  children.clear();
  in_flight_[static_cast<std::size_t>(worker)] = kInfinity;
  --busy_;
  if (number >= 0 && (number & 63) == 63) {
    report_bound();
  }
  idle_.notify_all();
}

void Tree::fail(std::exception_ptr error) {
  const std::lock_guard lock(mutex_);
  if (!error_) {
    error_ = std::move(error);
  }
  over_ = true;
  stopped_ = true;
  idle_.notify_all();
}

void Tree::rethrow() const {
  if (error_) {
    std::rethrow_exception(error_);
  }
}

bool Tree::stop() {
  const std::lock_guard lock(mutex_);
  return control_.stop();
}

bool Tree::offer(std::vector<Index> columns, double cost) {
  const std::lock_guard lock(mutex_);
  return control_.offer(std::move(columns), cost);
}

void Tree::offer_bound(double bound) {
  const std::lock_guard lock(mutex_);
  control_.offer_bound(bound);
}

double Tree::cutoff() {
  const std::lock_guard lock(mutex_);
  if (!control_.incumbent().exists()) {
    // No solution can be above the ceiling: a node whose bound exceeds it holds none.
    return std::isfinite(ceiling_) ? ceiling_ + 1e-6 * std::max(1.0, std::abs(ceiling_))
                                   : kInfinity;
  }
  const double best = control_.incumbent().cost;
  return control_.integral_costs() ? best - 1 + 1e-6 : best - 1e-9 * std::max(1.0, std::abs(best));
}

// Ends the search: the bound of what is left open (everything, when exhausted). Called with the
// lock held.
void Tree::finish() {
  over_ = true;
  if (stopped_) {
    report_bound();
  } else if (control_.incumbent().exists()) {
    control_.offer_bound(control_.incumbent().cost);
  }
  idle_.notify_all();
}

// The open and in-flight nodes' smallest bound (or the incumbent) bounds every solution not yet
// excluded. Called with the lock held.
void Tree::report_bound() {
  double bound = kInfinity;
  if (control_.incumbent().exists()) {
    bound = control_.incumbent().cost;
  }
  for (const Node& node : stack_) {
    bound = std::min(bound, node.bound);
  }
  for (const double b : in_flight_) {
    bound = std::min(bound, b);
  }
  if (bound < kInfinity) {
    control_.offer_bound(bound);
  }
}

}  // namespace teamwright::cover::detail
