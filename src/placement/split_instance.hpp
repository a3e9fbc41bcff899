#pragma once

// A split as the search sees it (src/placement/split.cpp): the people, the requirements and the
// rule groups as dense indices (Instance), the counts a split keeps per team (State), how two
// splits compare (Score), and the clock. Built by `build`, explained by `describe_violations`,
// searched by split_search.hpp.

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "teamwright/placement/split.hpp"
#include "util/search_clock.hpp"

namespace teamwright::placement::detail {

inline constexpr double kEps = 1e-9;

// The pool, the requirements and the rule groups as dense indices.
struct Instance {
  std::vector<std::string> ids;
  std::vector<PersonId> people;
  int k = 0;
  int min_size = 0;
  int max_size = 0;
  // Requirements: weight and needed count (0 = everyone); who meets which.
  std::vector<double> weight;
  std::vector<int> need;
  double total_weight = 0;
  std::vector<std::vector<int>> meets;
  // Units and their members.
  std::vector<std::vector<int>> units;
  // "At most one per team" groups and "never exactly one" groups, by person, with labels.
  std::vector<std::vector<int>> apart;
  std::vector<std::string> apart_label;
  std::vector<std::vector<int>> lone;
  std::vector<std::string> lone_label;
};

struct Score {
  int size_violations = 0;
  int violations = 0;
  double worst = 0;
  double average = 0;
};

inline bool better(const Score& a, const Score& b) {
  if (a.size_violations != b.size_violations) {
    return a.size_violations < b.size_violations;
  }
  if (a.violations != b.violations) {
    return a.violations < b.violations;
  }
  if (std::abs(a.worst - b.worst) > kEps) {
    return a.worst > b.worst;
  }
  return a.average > b.average + kEps;
}

// Team counts and the violation total, updated person by person.
class State {
 public:
  explicit State(const Instance& in)
      : in_(&in),
        team_of_(in.units.size(), -1),
        size_(static_cast<std::size_t>(in.k), 0),
        count_(static_cast<std::size_t>(in.k) * in.weight.size(), 0),
        apart_(static_cast<std::size_t>(in.k)),
        lone_(static_cast<std::size_t>(in.k)) {
    size_violations_ = in.k * in.min_size;  // every team starts below its minimum size
  }

  [[nodiscard]] int team_of(std::size_t unit) const { return team_of_[unit]; }
  [[nodiscard]] int size(int t) const { return size_[static_cast<std::size_t>(t)]; }
  [[nodiscard]] int violations() const { return violations_; }
  [[nodiscard]] int size_violations() const { return size_violations_; }

  // Moves a unit to team `to` (-1 = out of every team).
  void move(std::size_t unit, int to) {
    const int from = team_of_[unit];
    for (const int p : in_->units[unit]) {
      if (from >= 0) {
        remove(p, from);
      }
      if (to >= 0) {
        add(p, to);
      }
    }
    team_of_[unit] = to;
  }

  [[nodiscard]] double coverage(int t) const { return coverage_with(t, nullptr); }

  // Coverage if the remaining counts `extra` (per requirement) all joined team t; "everyone"
  // terms count as met.
  [[nodiscard]] double coverage_with(int t, const std::vector<int>* extra) const {
    if (in_->weight.empty()) {
      return 1;
    }
    double sum = 0;
    const std::size_t base = static_cast<std::size_t>(t) * in_->weight.size();
    for (std::size_t r = 0; r < in_->weight.size(); ++r) {
      const int need = in_->need[r];
      if (need == 0 && extra != nullptr) {
        sum += in_->weight[r];
        continue;
      }
      const int have = count_[base + r] + (extra != nullptr ? (*extra)[r] : 0);
      const int needed = need > 0 ? need : size_[static_cast<std::size_t>(t)];
      sum += in_->weight[r] * (needed > 0 ? std::min(1.0, double(have) / needed) : 1.0);
    }
    return sum / in_->total_weight;
  }

  [[nodiscard]] Score score() const {
    Score s{size_violations_, violations_, 1, 0};
    for (int t = 0; t < in_->k; ++t) {
      const double c = coverage(t);
      s.worst = std::min(s.worst, c);
      s.average += c / in_->k;
    }
    return s;
  }

  // The violations of the keep-apart groups alone (they only grow as units join).
  [[nodiscard]] int apart_violations() const { return apart_violations_; }

 private:
  static int size_excess(int size, int low, int high) {
    return std::max(0, size - high) + std::max(0, low - size);
  }

  void add(int p, int t) {
    const auto ts = static_cast<std::size_t>(t);
    size_violations_ -= size_excess(size_[ts], in_->min_size, in_->max_size);
    ++size_[ts];
    size_violations_ += size_excess(size_[ts], in_->min_size, in_->max_size);
    for (const int r : in_->meets[static_cast<std::size_t>(p)]) {
      ++count_[ts * in_->weight.size() + static_cast<std::size_t>(r)];
    }
    for (const int g : in_->apart[static_cast<std::size_t>(p)]) {
      const int before = apart_[ts][g]++;
      violations_ += before;  // pairs with each earlier member
      apart_violations_ += before;
    }
    for (const int g : in_->lone[static_cast<std::size_t>(p)]) {
      const int before = lone_[ts][g]++;
      violations_ += (before + 1 == 1 ? 1 : 0) - (before == 1 ? 1 : 0);
    }
  }

  void remove(int p, int t) {
    const auto ts = static_cast<std::size_t>(t);
    size_violations_ -= size_excess(size_[ts], in_->min_size, in_->max_size);
    --size_[ts];
    size_violations_ += size_excess(size_[ts], in_->min_size, in_->max_size);
    for (const int r : in_->meets[static_cast<std::size_t>(p)]) {
      --count_[ts * in_->weight.size() + static_cast<std::size_t>(r)];
    }
    for (const int g : in_->apart[static_cast<std::size_t>(p)]) {
      const int after = --apart_[ts][g];
      violations_ -= after;
      apart_violations_ -= after;
    }
    for (const int g : in_->lone[static_cast<std::size_t>(p)]) {
      const int before = lone_[ts][g]--;
      violations_ += (before - 1 == 1 ? 1 : 0) - (before == 1 ? 1 : 0);
    }
  }

  const Instance* in_;
  std::vector<int> team_of_;
  std::vector<int> size_;
  std::vector<int> count_;
  std::vector<std::unordered_map<int, int>> apart_;
  std::vector<std::unordered_map<int, int>> lone_;
  int size_violations_ = 0;
  int violations_ = 0;
  int apart_violations_ = 0;
};

// The split's clock (util/search_clock.hpp): `passed` polls the time limit and cancellation,
// `found` notes and reports a better split.
class Deadline {
 public:
  Deadline(const SolveOptions& options, const SolveHooks& hooks) : clock_(options, hooks) {}
  [[nodiscard]] double elapsed() const { return clock_.elapsed(); }
  [[nodiscard]] bool passed() const { return clock_.stop(); }
  [[nodiscard]] Termination termination() const { return clock_.termination(); }
  void found(const Score& score) const {
    time_to_best_ = clock_.elapsed();
    clock_.report(score.worst, 1.0, true);
  }
  [[nodiscard]] double time_to_best() const { return time_to_best_; }

 private:
  mutable util::SearchClock clock_;
  mutable double time_to_best_ = 0;
};

// The instance of a split: the people (everyone available when `people` is empty), the
// request's requirements and who meets which (team/eligibility.hpp), the units (keep-together
// groups and everyone else alone) and the rule groups. Throws for a rule the split cannot read.
[[nodiscard]] Instance build(const Model& model, std::span<const std::string> people,
                             const TeamRequest& request, const SplitRules& rules);

// One sentence per rule the split (team per unit) breaks, team by team.
[[nodiscard]] std::vector<std::string> describe_violations(const Instance& in,
                                                           const std::vector<int>& team);

}  // namespace teamwright::placement::detail
