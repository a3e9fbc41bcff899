// Lazy greedy with slot matching and redundancy removal (see greedy.hpp); the proofs it starts
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

class Greedy {
 public:
  Greedy(const Problem& problem, const Analysis& analysis)
      : p_(problem),
        a_(analysis),
        need_(analysis.capacity),
        count_(static_cast<std::size_t>(problem.num_rows()), 0),
        chosen_(static_cast<std::size_t>(problem.num_columns()), 0),
        blocked_(static_cast<std::size_t>(problem.num_columns()), 0) {
    if (problem.has_slot_rows()) {
      slots_.emplace(static_cast<std::size_t>(problem.num_columns()),
                     slot_capacity(problem, analysis.capacity), RowsOf{&problem});
    }
    for (Index r = 0; r < p_.num_rows(); ++r) {
      outstanding_ += need_[r];
      if (p_.is_slot_row(r)) {
        need_[r] = 0;  // slot demand is tracked by the matching
      }
    }
  }

  void run() {
    for (const Index j : a_.fixed) {
      take(j);
    }
    cover();
    remove_redundant();
    if (reach_min_size()) {
      remove_redundant();  // the columns added may make others redundant
    }
  }

  [[nodiscard]] Solution solution() const {
    Solution s;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (chosen_[j] != 0) {
        s.columns.push_back(j);
        s.cost += p_.cost(j);
      }
    }
    s.bound = a_.bound;
    if (slots_) {
      s.slot_assignment = slots_->pairs();
    }
    for (Index r = 0; r < p_.num_rows(); ++r) {
      const int met = p_.is_slot_row(r) ? slots_->filled(r) : count_[r];
      if (met < p_.demand(r)) {
        s.short_rows.push_back(r);
      }
    }
    s.infeasibilities = a_.infeasibilities;
    if (!s.infeasibilities.empty()) {
      s.status = Status::kInfeasible;
    } else if (!s.short_rows.empty() || size_ < p_.min_size()) {
      s.status = Status::kNoSolutionFound;
    } else {
      s.status = within(s.cost, s.bound) ? Status::kOptimal : Status::kFeasible;
    }
    return s;
  }

 private:
  struct Candidate {
    double score;
    int gain;
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

  [[nodiscard]] bool eligible(Index j) const {
    return a_.usable[j] != 0 && chosen_[j] == 0 && blocked_[j] == 0 &&
           (!a_.limits.budget || within(weight_ + p_.weight(j), *a_.limits.budget)) &&
           (!a_.limits.max_size || !p_.counts_toward_size(j) || size_ < *a_.limits.max_size);
  }

  [[nodiscard]] int gain(Index j) const {
    int g = 0;
    bool slot = false;
    for (const Index r : p_.rows_of(j)) {
      g += need_[r] > 0 ? 1 : 0;
      slot = slot || p_.is_slot_row(r);
    }
    return g + ((slot && slots_->can_add(j)) ? 1 : 0);
  }

  [[nodiscard]] Candidate candidate(Index j, int g) const {
    const double cost = p_.cost(j);
    return {cost > 0 ? g / cost : std::numeric_limits<double>::infinity(), g, j};
  }

  void take(Index j) {
    chosen_[j] = 1;
    bool slot = false;
    for (const Index r : p_.rows_of(j)) {
      ++count_[r];
      if (need_[r] > 0) {
        --need_[r];
        --outstanding_;
      }
      slot = slot || p_.is_slot_row(r);
    }
    if (slot && slots_->add(j)) {
      --outstanding_;
    }
    for (const Index other : p_.conflicts_of(j)) {
      ++blocked_[other];
    }
    weight_ += p_.weight(j);
    size_ += p_.counts_toward_size(j) ? 1 : 0;
  }

  void cover() {
    std::priority_queue<Candidate, std::vector<Candidate>, WorseThan> heap;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (eligible(j)) {
        if (const int g = gain(j); g > 0) {
          heap.push(candidate(j, g));
        }
      }
    }
    while (outstanding_ > 0 && !heap.empty()) {
      const Candidate top = heap.top();
      heap.pop();
      if (!eligible(top.column)) {
        continue;  // eligibility only shrinks: the column is out for good
      }
      const int g = gain(top.column);
      if (g == top.gain) {
        take(top.column);
      } else if (g > 0) {
        heap.push(candidate(top.column, g));
      }
    }
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
      const auto rows = p_.rows_of(j);
      const bool needed = std::any_of(rows.begin(), rows.end(), [&](Index r) {
        return !p_.is_slot_row(r) && count_[r] - 1 < a_.capacity[r];
      });
      if (needed || (slots_ && !slots_->remove(j, unassigned_slot_holders()))) {
        continue;
      }
      chosen_[j] = 0;
      for (const Index r : rows) {
        --count_[r];
      }
      for (const Index other : p_.conflicts_of(j)) {
        --blocked_[other];
      }
      weight_ -= p_.weight(j);
      size_ -= p_.counts_toward_size(j) ? 1 : 0;
    }
  }

  // Chosen columns that cover a slot row but hold none: the ones that can refill a slot.
  [[nodiscard]] std::vector<Index> unassigned_slot_holders() const {
    std::vector<Index> out;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (chosen_[j] != 0 && slots_->right_of(j) < 0) {
        const auto rows = p_.rows_of(j);
        if (std::any_of(rows.begin(), rows.end(), [&](Index r) { return p_.is_slot_row(r); })) {
          out.push_back(j);
        }
      }
    }
    return out;
  }

  // Adds the cheapest eligible columns until the minimum size holds; returns whether it added.
  bool reach_min_size() {
    if (size_ >= a_.limits.min_size) {
      return false;
    }
    std::vector<Index> order;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (p_.counts_toward_size(j) && chosen_[j] == 0) {
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
      if (eligible(j)) {
        take(j);
      }
    }
    return true;
  }

  const Problem& p_;
  const Analysis& a_;
  std::vector<int> need_;  // outstanding demand of ordinary rows
  std::vector<int> count_;
  std::vector<char> chosen_;
  std::vector<int> blocked_;
  std::optional<SlotMatching> slots_;  // only when the problem has slot rows
  long long outstanding_ = 0;
  double weight_ = 0;
  int size_ = 0;
};

}  // namespace

Solution greedy(const Problem& problem, const Analysis& analysis) {
  Greedy run(problem, analysis);
  run.run();
  return run.solution();
}

}  // namespace detail

Solution solve_greedy(const Problem& problem) {
  return detail::greedy(problem, detail::analyze(problem));
}

}  // namespace teamwright::cover
