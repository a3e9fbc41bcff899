#pragma once

// Exhaustive search over all column subsets of a small covering problem: the reference the
// solvers are compared with.

#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include "teamwright/cover/problem.hpp"

namespace teamwright::cover::testing {

// Whether the chosen columns can fill every slot row to its demand, each column at most once.
inline bool slots_fillable(const Problem& p, const std::vector<Index>& chosen) {
  std::vector<int> left(static_cast<std::size_t>(p.num_rows()), 0);
  int open = 0;
  for (Index r = 0; r < p.num_rows(); ++r) {
    if (p.is_slot_row(r)) {
      left[r] = p.demand(r);
      open += p.demand(r);
    }
  }
  std::function<bool(std::size_t)> fill = [&](std::size_t k) {
    if (open == 0) {
      return true;
    }
    if (k == chosen.size()) {
      return false;
    }
    for (const Index r : p.rows_of(chosen[k])) {
      if (p.is_slot_row(r) && left[r] > 0) {
        --left[r];
        --open;
        const bool done = fill(k + 1);
        ++left[r];
        ++open;
        if (done) {
          return true;
        }
      }
    }
    return fill(k + 1);
  };
  return fill(0);
}

inline bool feasible(const Problem& p, const std::vector<Index>& chosen) {
  std::vector<char> in(static_cast<std::size_t>(p.num_columns()), 0);
  double weight = 0;
  int size = 0;
  for (const Index j : chosen) {
    in[j] = 1;
    weight += p.weight(j);
    size += p.counts_toward_size(j) ? 1 : 0;
  }
  for (Index r = 0; r < p.num_rows(); ++r) {
    if (p.is_slot_row(r)) {
      continue;
    }
    int met = 0;
    for (const Index j : p.columns_of(r)) {
      met += in[j];
    }
    if (met < p.demand(r)) {
      return false;
    }
  }
  for (const Index j : chosen) {
    for (const Index other : p.conflicts_of(j)) {
      if (in[other] != 0) {
        return false;
      }
    }
  }
  for (const Index j : p.fixed_columns()) {
    if (in[j] == 0) {
      return false;
    }
  }
  if (p.budget() && weight > *p.budget() + 1e-9) {
    return false;
  }
  if (size < p.min_size() || (p.max_size() && size > *p.max_size())) {
    return false;
  }
  return slots_fillable(p, chosen);
}

// The optimal cost, or nothing if no subset is feasible. Columns <= 16.
inline std::optional<double> brute_force_optimum(const Problem& p) {
  std::optional<double> best;
  const auto n = static_cast<unsigned>(p.num_columns());
  for (unsigned mask = 0; mask < (1U << n); ++mask) {
    std::vector<Index> chosen;
    double cost = 0;
    for (unsigned j = 0; j < n; ++j) {
      if ((mask >> j) & 1U) {
        chosen.push_back(static_cast<Index>(j));
        cost += p.cost(static_cast<Index>(j));
      }
    }
    if ((!best || cost < *best) && feasible(p, chosen)) {
      best = cost;
    }
  }
  return best;
}

struct RandomOptions {
  bool side_constraints = false;
  bool slots = false;
};

inline Problem random_problem(std::mt19937& random, RandomOptions options) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  Problem::Builder b;
  const int rows = pick(1, 6);
  const int columns = pick(1, 11);
  for (int r = 0; r < rows; ++r) {
    const int demand = pick(0, 2);
    const bool slot = options.slots && pick(0, 2) == 0;
    b.add_row(demand, slot);
  }
  for (int j = 0; j < columns; ++j) {
    std::vector<Index> covered;
    for (int r = 0; r < rows; ++r) {
      if (pick(0, 2) == 0) {
        covered.push_back(r);
      }
    }
    const double cost = pick(0, 9);
    ColumnOptions column;
    if (options.side_constraints && pick(0, 4) == 0) {
      column.weight = pick(0, 5);
      column.counts_toward_size = pick(0, 1) == 1;
    }
    b.add_column(cost, covered, column);
  }
  if (options.side_constraints) {
    if (pick(0, 2) == 0) {
      b.set_budget(pick(0, 30));
    }
    if (pick(0, 2) == 0) {
      const int min = pick(0, 3);
      const int extra = pick(0, 4);
      b.set_size_bounds(min, pick(0, 1) == 0 ? std::optional<int>(min + extra) : std::nullopt);
    }
    for (int k = pick(0, 3); k > 0; --k) {
      const int a = pick(0, columns - 1);
      const int c = pick(0, columns - 1);
      if (a != c) {
        b.add_conflict(a, c);
      }
    }
    for (int k = pick(0, 2); k > 0; --k) {
      b.fix(pick(0, columns - 1));
    }
  }
  return std::move(b).build();
}

}  // namespace teamwright::cover::testing
