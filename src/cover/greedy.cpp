// Lazy greedy with group moves and redundancy removal (see greedy.hpp); the proofs it starts
// from are in analysis.cpp.

#include "teamwright/cover/greedy.hpp"

#include <algorithm>
#include <limits>
#include <queue>
#include <vector>

#include "cover/analysis.hpp"

namespace teamwright::cover {
namespace detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-9;

class Greedy {
 public:
  Greedy(const Problem& problem, const Analysis& analysis, const GreedyStart& start)
      : p_(problem),
        a_(analysis),
        start_(start),
        usable_(start.usable != nullptr ? *start.usable : analysis.usable),
        target_(analysis.capacity),
        sum_(static_cast<std::size_t>(problem.num_rows()), 0.0),
        chosen_(static_cast<std::size_t>(problem.num_columns()), 0),
        blocked_(static_cast<std::size_t>(problem.num_columns()), 0),
        group_choice_(static_cast<std::size_t>(problem.num_groups()), -1),
        penalty_(static_cast<std::size_t>(problem.num_rows()), -1.0) {
    for (Index i = 0; i < p_.num_rows(); ++i) {
      if (p_.is_soft(i)) {
        penalty_[i] = *p_.penalty(i);
      }
    }
    // A robust row is met once its sum reaches its capacity plus its largest usable coefficient.
    for (Index i = 0; i < p_.num_rows(); ++i) {
      if (p_.is_robust(i) && target_[i] > 0) {
        double largest = 0;
        const auto columns = p_.columns_of(i);
        const auto coefficients = p_.coefficients_in(i);
        for (std::size_t k = 0; k < columns.size(); ++k) {
          if (usable_[columns[k]] != 0) {
            largest = std::max(largest, coefficients.empty() ? 1.0 : coefficients[k]);
          }
        }
        target_[i] += largest;
      }
    }
  }

  void run() {
    for (const Index j : a_.fixed) {
      take(j);
    }
    for (const Index j : start_.taken) {
      if (replaced(j) < 0 && eligible(j)) {
        take(j);
      }
    }
    add(false);
    add(true);
    if (reach_min_size()) {
      add(true);
    }
    remove_redundant();
    move_within_groups();
  }

  [[nodiscard]] Solution solution() const {
    Solution s;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (chosen_[j] != 0) {
        s.columns.push_back(j);
      }
    }
    s.cost = objective(p_, s.columns, &s.short_rows, &s.penalty);
    s.bound = a_.bound;
    s.infeasibilities = a_.infeasibilities;
    const bool hard_short = std::any_of(s.short_rows.begin(), s.short_rows.end(),
                                        [&](Index i) { return !p_.is_soft(i); });
    if (!s.infeasibilities.empty()) {
      s.status = Status::kInfeasible;
    } else if (hard_short || size_ < p_.min_size()) {
      s.status = Status::kNoSolutionFound;
    } else {
      s.status = within(s.cost, s.bound) ? Status::kOptimal : Status::kFeasible;
    }
    const bool solved = s.status == Status::kOptimal || s.status == Status::kFeasible;
    s.relative_gap = relative_gap(solved ? std::optional<double>(s.cost) : std::nullopt, s.bound);
    return s;
  }

 private:
  struct Candidate {
    double score;
    double gain;
    Index column;
  };
  struct WorseThan {
    bool operator()(const Candidate& a, const Candidate& b) const {
      if (a.score != b.score) {
        return a.score < b.score;
      }
      if (a.gain != b.gain) {
        return a.gain < b.gain;
      }
      return a.column > b.column;
    }
  };

  // What taking column j (or moving its group's choice to it) changes: hard demand met, penalty
  // saved, and cost and weight added.
  struct Effect {
    double hard = 0;
    double saved = 0;
    double cost = 0;
    double weight = 0;
  };

  [[nodiscard]] Index replaced(Index j) const {
    const Index g = p_.group_of(j);
    return g >= 0 ? group_choice_[g] : -1;
  }

  [[nodiscard]] bool eligible(Index j) const {
    if (usable_[j] == 0 || chosen_[j] != 0 || blocked_[j] != 0) {
      return false;
    }
    const Index old = replaced(j);
    if (old >= 0 && p_.is_fixed(old)) {
      return false;
    }
    const double weight = weight_ + p_.weight(j) - (old >= 0 ? p_.weight(old) : 0.0);
    const int size = size_ + (p_.counts_toward_size(j) ? 1 : 0) -
                     (old >= 0 && p_.counts_toward_size(old) ? 1 : 0);
    return (!a_.limits.budget || within(weight, *a_.limits.budget)) &&
           (!a_.limits.max_size || size <= *a_.limits.max_size || size <= size_);
  }

  void change(Index row, double delta, Effect& effect) const {
    const double before = std::min(sum_[row], target_[row]);
    const double after = std::min(std::max(0.0, sum_[row] + delta), target_[row]);
    if (p_.is_soft(row)) {
      effect.saved += *p_.penalty(row) * (after - before);
    } else {
      effect.hard += after - before;
    }
  }

  [[nodiscard]] Effect effect(Index j) const {
    Effect e;
    const Index old = replaced(j);
    const auto rows = p_.rows_of(j);
    const auto coefficients = p_.coefficients_of(j);
    if (old < 0) {
      for (std::size_t k = 0; k < rows.size(); ++k) {
        const Index i = rows[k];
        const double residual = target_[i] - sum_[i];
        if (residual > 0) {
          const double met = std::min(coefficients.empty() ? 1.0 : coefficients[k], residual);
          const double penalty = penalty_[i];
          if (penalty < 0) {
            e.hard += met;
          } else {
            e.saved += penalty * met;
          }
        }
      }
      e.cost = p_.cost(j);
      e.weight = p_.weight(j);
      return e;
    }
    // A move within the group: the rows of both columns, each by the difference.
    const auto old_rows = p_.rows_of(old);
    const auto old_coefficients = p_.coefficients_of(old);
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < rows.size() || b < old_rows.size()) {
      const Index ra = a < rows.size() ? rows[a] : std::numeric_limits<Index>::max();
      const Index rb = b < old_rows.size() ? old_rows[b] : std::numeric_limits<Index>::max();
      const Index row = std::min(ra, rb);
      double delta = 0;
      if (ra == row) {
        delta += coefficients.empty() ? 1.0 : coefficients[a];
        ++a;
      }
      if (rb == row) {
        delta -= old_coefficients.empty() ? 1.0 : old_coefficients[b];
        ++b;
      }
      change(row, delta, e);
    }
    e.cost = p_.cost(j) - p_.cost(old);
    e.weight = p_.weight(j) - p_.weight(old);
    return e;
  }

  // The key of a column in the heap: hard demand met per unit of net cost while hard rows are
  // short; penalty saved per unit of cost afterwards. Nothing when the column does not help.
  [[nodiscard]] std::optional<Candidate> candidate(Index j, bool soft_phase) const {
    const Effect e = effect(j);
    if (e.hard < -kTolerance) {
      return std::nullopt;  // a move that would give up met hard demand
    }
    if (!soft_phase) {
      if (e.hard <= kTolerance) {
        return std::nullopt;
      }
      const double net = start_.prices == nullptr ? e.cost - e.saved : price_change(j);
      return Candidate{net > 0 ? e.hard / net : kInfinity, e.hard, j};
    }
    if (e.saved <= e.cost + kTolerance * std::max(1.0, e.cost)) {
      return std::nullopt;
    }
    return Candidate{e.cost > 0 ? e.saved / e.cost : kInfinity, e.saved, j};
  }

  // The change in price of taking j, or of moving its group's choice to it.
  [[nodiscard]] double price_change(Index j) const {
    const Index old = replaced(j);
    return (*start_.prices)[j] - (old >= 0 ? (*start_.prices)[old] : 0.0);
  }

  void apply(Index j, int sign) {
    const auto rows = p_.rows_of(j);
    const auto coefficients = p_.coefficients_of(j);
    for (std::size_t k = 0; k < rows.size(); ++k) {
      sum_[rows[k]] += sign * (coefficients.empty() ? 1.0 : coefficients[k]);
    }
    for (const Index other : p_.conflicts_of(j)) {
      blocked_[other] += sign;
    }
    weight_ += sign * p_.weight(j);
    size_ += sign * (p_.counts_toward_size(j) ? 1 : 0);
    chosen_[j] = static_cast<char>(sign > 0 ? 1 : 0);
    if (const Index g = p_.group_of(j); g >= 0) {
      group_choice_[g] = sign > 0 ? j : -1;
    }
  }

  void take(Index j) {
    if (const Index old = replaced(j); old >= 0) {
      apply(old, -1);
    }
    apply(j, +1);
  }

  // Takes columns while they help: hard demand first, then penalties worth saving.
  void add(bool soft_phase) {
    std::priority_queue<Candidate, std::vector<Candidate>, WorseThan> heap;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (eligible(j)) {
        if (const auto c = candidate(j, soft_phase)) {
          heap.push(*c);
        }
      }
    }
    while (!heap.empty()) {
      const Candidate top = heap.top();
      heap.pop();
      if (!eligible(top.column)) {
        continue;
      }
      const auto now = candidate(top.column, soft_phase);
      if (!now) {
        continue;
      }
      if (heap.empty() || !WorseThan{}(*now, heap.top())) {
        take(top.column);
      } else {
        heap.push(*now);
      }
    }
  }

  // Adds the cheapest eligible columns of unused groups until the minimum size holds; returns
  // whether it added.
  bool reach_min_size() {
    if (size_ >= a_.limits.min_size) {
      return false;
    }
    std::vector<Index> order;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (p_.counts_toward_size(j) && replaced(j) < 0) {
        order.push_back(j);
      }
    }
    std::sort(order.begin(), order.end(), [&](Index a, Index b) {
      return p_.cost(a) != p_.cost(b) ? p_.cost(a) < p_.cost(b) : a < b;
    });
    for (const Index j : order) {
      if (size_ >= a_.limits.min_size) {
        break;
      }
      if (replaced(j) < 0 && eligible(j)) {
        take(j);
      }
    }
    return true;
  }

  // Whether every hard row stays at its capacity with column j out (robust rows by their true
  // measure), and the penalty its removal adds.
  [[nodiscard]] bool removable(Index j, double& added_penalty) {
    added_penalty = 0;
    chosen_[j] = 0;
    bool keeps = true;
    const auto rows = p_.rows_of(j);
    const auto coefficients = p_.coefficients_of(j);
    for (std::size_t k = 0; k < rows.size() && keeps; ++k) {
      const Index i = rows[k];
      const double a = coefficients.empty() ? 1.0 : coefficients[k];
      if (p_.is_soft(i)) {
        added_penalty +=
            *p_.penalty(i) * (std::min(sum_[i], target_[i]) - std::min(sum_[i] - a, target_[i]));
      } else if (p_.is_robust(i)) {
        keeps = covered(p_, i, chosen_) >= a_.capacity[i] - kTolerance;
      } else {
        keeps = sum_[i] - a >= a_.capacity[i] - kTolerance;
      }
    }
    chosen_[j] = 1;
    return keeps;
  }

  void remove_redundant() {
    std::vector<Index> order;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (chosen_[j] != 0 && !p_.is_fixed(j)) {
        order.push_back(j);
      }
    }
    std::sort(order.begin(), order.end(), [&](Index a, Index b) {
      return p_.cost(a) != p_.cost(b) ? p_.cost(a) > p_.cost(b) : a > b;
    });
    for (const Index j : order) {
      if (p_.counts_toward_size(j) && size_ - 1 < a_.limits.min_size) {
        continue;
      }
      double added = 0;
      if (removable(j, added) && added < p_.cost(j) - kTolerance * std::max(1.0, p_.cost(j))) {
        apply(j, -1);
      }
    }
  }

  // Moves each chosen column to the cheapest column of its group that keeps every hard row at
  // its capacity and lowers the objective.
  void move_within_groups() {
    if (!p_.has_groups()) {
      return;
    }
    for (Index g = 0; g < p_.num_groups(); ++g) {
      const Index old = group_choice_[g];
      if (old < 0 || p_.is_fixed(old)) {
        continue;
      }
      Index best = -1;
      double best_gain = kTolerance;
      for (const Index j : p_.group(g)) {
        if (j == old || !eligible(j)) {
          continue;
        }
        const Effect e = effect(j);
        const double gain = e.saved - e.cost;
        if (e.hard >= -kTolerance && gain > best_gain && keeps_robust_rows(old, j)) {
          best = j;
          best_gain = gain;
        }
      }
      if (best >= 0) {
        take(best);
      }
    }
  }

  // Whether moving from `old` to `j` keeps every robust row of `old` at its capacity.
  [[nodiscard]] bool keeps_robust_rows(Index old, Index j) {
    if (!p_.has_robust_rows()) {
      return true;
    }
    chosen_[old] = 0;
    chosen_[j] = 1;
    bool keeps = true;
    for (const Index i : p_.rows_of(old)) {
      keeps = keeps && (!p_.is_robust(i) || covered(p_, i, chosen_) >= a_.capacity[i] - kTolerance);
    }
    chosen_[old] = 1;
    chosen_[j] = 0;
    return keeps;
  }

  const Problem& p_;
  const Analysis& a_;
  const GreedyStart& start_;
  const std::vector<char>& usable_;
  std::vector<double> target_;  // the sum each row is met at
  std::vector<double> sum_;     // the chosen columns' coefficients, per row
  std::vector<char> chosen_;
  std::vector<int> blocked_;
  std::vector<Index> group_choice_;
  std::vector<double> penalty_;  // per row: the soft penalty, -1 for a hard row
  double weight_ = 0;
  int size_ = 0;
};

}  // namespace

Solution greedy(const Problem& problem, const Analysis& analysis, const GreedyStart& start) {
  Greedy run(problem, analysis, start);
  run.run();
  return run.solution();
}

}  // namespace detail

Solution solve_greedy(const Problem& problem) {
  return detail::greedy(problem, detail::analyze(problem));
}

}  // namespace teamwright::cover
