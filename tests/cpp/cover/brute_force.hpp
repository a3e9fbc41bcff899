#pragma once

// Exhaustive search over all column subsets of a small covering problem: the reference the
// solvers are compared with. Written from problem.hpp's definition alone.

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include "teamwright/cover/problem.hpp"

namespace teamwright::cover::testing {

// The objective of `chosen` (cost plus soft penalties), or nothing if it breaks a constraint.
inline std::optional<double> evaluate(const Problem& p, const std::vector<Index>& chosen) {
  std::vector<char> in(static_cast<std::size_t>(p.num_columns()), 0);
  double cost = 0;
  double weight = 0;
  int size = 0;
  std::vector<int> group_use(static_cast<std::size_t>(p.num_groups()), 0);
  for (const Index j : chosen) {
    in[j] = 1;
    cost += p.cost(j);
    weight += p.weight(j);
    size += p.counts_toward_size(j) ? 1 : 0;
    if (p.group_of(j) >= 0 && ++group_use[p.group_of(j)] > 1) {
      return std::nullopt;
    }
  }
  for (Index r = 0; r < p.num_rows(); ++r) {
    double sum = 0;
    double largest = 0;
    for (const Index j : chosen) {
      const double a = p.coefficient(j, r);
      sum += a;
      largest = std::max(largest, a);
    }
    const double met = p.is_robust(r) ? sum - largest : sum;
    const double missing = p.demand(r) - met;
    if (missing > 1e-9) {
      if (!p.is_soft(r)) {
        return std::nullopt;
      }
      cost += *p.penalty(r) * missing;
    }
  }
  for (const Index j : chosen) {
    for (const Index other : p.conflicts_of(j)) {
      if (in[other] != 0) {
        return std::nullopt;
      }
    }
  }
  for (const Index j : p.fixed_columns()) {
    if (in[j] == 0) {
      return std::nullopt;
    }
  }
  if (p.budget() && weight > *p.budget() + 1e-9) {
    return std::nullopt;
  }
  if (size < p.min_size() || (p.max_size() && size > *p.max_size())) {
    return std::nullopt;
  }
  return cost;
}

// The optimal objective, or nothing if no subset is feasible. Columns <= 16.
inline std::optional<double> brute_force_optimum(const Problem& p) {
  std::optional<double> best;
  const auto n = static_cast<unsigned>(p.num_columns());
  std::vector<Index> chosen;
  for (unsigned mask = 0; mask < (1U << n); ++mask) {
    chosen.clear();
    for (unsigned j = 0; j < n; ++j) {
      if ((mask >> j) & 1U) {
        chosen.push_back(static_cast<Index>(j));
      }
    }
    if (const auto value = evaluate(p, chosen); value && (!best || *value < *best)) {
      best = value;
    }
  }
  return best;
}

struct RandomOptions {
  bool side_constraints = false;  // weights, budget, size bounds, conflicts, fixed columns
  bool groups = false;
  bool soft = false;
  bool robust = false;
  bool coefficients = false;
};

inline Problem random_problem(std::mt19937& random, RandomOptions options) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  Problem::Builder b;
  const int rows = pick(1, 6);
  const int columns = pick(1, 11);
  for (int r = 0; r < rows; ++r) {
    double demand = pick(0, 2);
    if (options.coefficients && pick(0, 1) == 0) {
      demand = pick(0, 8) / 4.0;
    }
    RowOptions row;
    if (options.soft && pick(0, 2) == 0) {
      row.penalty = pick(0, 12);
    } else if (options.robust && pick(0, 2) == 0) {
      row.robust = true;
    }
    b.add_row(demand, row);
  }
  for (int j = 0; j < columns; ++j) {
    std::vector<Index> covered;
    std::vector<double> coefficients;
    for (int r = 0; r < rows; ++r) {
      if (pick(0, 2) == 0) {
        covered.push_back(r);
        coefficients.push_back(options.coefficients ? pick(1, 6) / 4.0 : 1.0);
      }
    }
    const double cost = pick(0, 9);
    ColumnOptions column;
    if (options.side_constraints && pick(0, 4) == 0) {
      column.weight = pick(0, 5);
      column.counts_toward_size = pick(0, 1) == 1;
    }
    b.add_column(cost, covered, coefficients, column);
  }
  if (options.groups) {
    // Consecutive runs of columns form groups, as the variants of one person do.
    for (int j = 0; j < columns;) {
      const int length = pick(1, 3);
      std::vector<Index> group;
      for (int k = 0; k < length && j < columns; ++k, ++j) {
        group.push_back(j);
      }
      if (group.size() > 1 || pick(0, 1) == 0) {
        b.add_group(group);
      }
    }
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
