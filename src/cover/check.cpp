// Written without reference to the solvers' code: a second, plain reading of the problem.

#include "teamwright/cover/check.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>

namespace teamwright::cover {

namespace {

bool close(double a, double b) {
  return std::abs(a - b) <= 1e-6 * std::max({1.0, std::abs(a), std::abs(b)});
}
bool at_most(double a, double b) { return a <= b + 1e-6 * std::max(1.0, std::abs(b)); }

// What the chosen columns give row r: the sum of their coefficients, less the largest for a
// robust row.
double given(const Problem& p, Index r, const std::set<Index>& chosen) {
  double sum = 0;
  double largest = 0;
  for (const Index j : chosen) {
    const double a = p.coefficient(j, r);
    sum += a;
    largest = std::max(largest, a);
  }
  return p.is_robust(r) ? sum - largest : sum;
}

bool same_group(const Problem& p, Index a, Index b) {
  return p.group_of(a) >= 0 && p.group_of(a) == p.group_of(b);
}

bool in_conflict(const Problem& p, Index a, Index b) {
  const auto c = p.conflicts_of(a);
  return std::binary_search(c.begin(), c.end(), b);
}

// The checker's own reading of "usable" (solution.hpp).
std::vector<char> usable_columns(const Problem& p, bool with_budget, bool with_size) {
  std::vector<Index> fixed;
  for (const Index j : p.fixed_columns()) {
    if (std::none_of(fixed.begin(), fixed.end(), [&](Index kept) {
          return in_conflict(p, kept, j) || same_group(p, kept, j);
        })) {
      fixed.push_back(j);
    }
  }
  double weight = 0;
  int size = 0;
  for (const Index j : fixed) {
    weight += p.weight(j);
    size += p.counts_toward_size(j) ? 1 : 0;
  }
  std::vector<char> usable(static_cast<std::size_t>(p.num_columns()), 1);
  for (Index j = 0; j < p.num_columns(); ++j) {
    if (std::find(fixed.begin(), fixed.end(), j) != fixed.end()) {
      continue;
    }
    for (const Index f : fixed) {
      if (in_conflict(p, f, j) || same_group(p, f, j)) {
        usable[j] = 0;
      }
    }
    if (with_budget && p.budget() && !at_most(weight + p.weight(j), *p.budget())) {
      usable[j] = 0;
    }
    if (with_size && p.max_size() && p.counts_toward_size(j) && size >= *p.max_size()) {
      usable[j] = 0;
    }
  }
  return usable;
}

// Key of a column's group; an ungrouped column is a group of its own.
std::int64_t key(const Problem& p, Index j) {
  return p.group_of(j) >= 0 ? p.group_of(j) : static_cast<std::int64_t>(p.num_groups()) + j;
}

// Per usable group covering row r: its largest coefficient there and its least `value`.
template <class Value>
std::map<std::int64_t, std::pair<double, double>> groups_of_row(const Problem& p, Index r,
                                                                const std::vector<char>& usable,
                                                                Value value) {
  std::map<std::int64_t, std::pair<double, double>> groups;
  for (const Index j : p.columns_of(r)) {
    if (usable[j] == 0) {
      continue;
    }
    const auto [it, fresh] = groups.try_emplace(key(p, j), p.coefficient(j, r), value(j));
    if (!fresh) {
      it->second.first = std::max(it->second.first, p.coefficient(j, r));
      it->second.second = std::min(it->second.second, value(j));
    }
  }
  return groups;
}

}  // namespace

std::vector<std::string> check(const Problem& p, const Solution& s) {
  std::vector<std::string> problems;
  auto fail = [&](std::string text) { problems.push_back(std::move(text)); };

  std::set<Index> chosen;
  for (std::size_t k = 0; k < s.columns.size(); ++k) {
    const Index j = s.columns[k];
    if (j < 0 || j >= p.num_columns()) {
      fail("column " + std::to_string(j) + " does not exist");
      return problems;
    }
    if (k > 0 && s.columns[k - 1] >= j) {
      fail("columns are not strictly ascending at position " + std::to_string(k));
    }
    chosen.insert(j);
  }
  double cost = 0;
  double weight = 0;
  int size = 0;
  for (const Index j : chosen) {
    cost += p.cost(j);
    weight += p.weight(j);
    size += p.counts_toward_size(j) ? 1 : 0;
  }
  std::vector<Index> short_rows;
  double penalty = 0;
  bool hard_short = false;
  for (Index r = 0; r < p.num_rows(); ++r) {
    const double missing = p.demand(r) - given(p, r, chosen);
    if (missing > 1e-9 * std::max(1.0, p.demand(r))) {
      short_rows.push_back(r);
      if (p.is_soft(r)) {
        penalty += *p.penalty(r) * missing;
      } else {
        hard_short = true;
      }
    }
  }
  if (!close(cost + penalty, s.cost)) {
    fail("reported objective " + std::to_string(s.cost) + " differs from the columns' cost " +
         std::to_string(cost) + " plus penalties " + std::to_string(penalty));
  }
  if (!close(penalty, s.penalty)) {
    fail("reported penalty " + std::to_string(s.penalty) + " differs from " +
         std::to_string(penalty));
  }
  if (short_rows != s.short_rows) {
    fail("short_rows does not list exactly the rows left short");
  }

  if (s.status == Status::kOptimal || s.status == Status::kFeasible) {
    if (hard_short) {
      fail("a " + std::string(to_string(s.status)) + " solution leaves a hard row short");
    }
    for (const Index j : chosen) {
      for (const Index other : chosen) {
        if (j < other && (in_conflict(p, j, other) || same_group(p, j, other))) {
          fail("columns " + std::to_string(j) + " and " + std::to_string(other) +
               " conflict or share a group and are both chosen");
        }
      }
    }
    for (const Index j : p.fixed_columns()) {
      if (!chosen.contains(j)) {
        fail("fixed column " + std::to_string(j) + " is not chosen");
      }
    }
    if (p.budget() && !at_most(weight, *p.budget())) {
      fail("weight " + std::to_string(weight) + " exceeds the budget");
    }
    if (size < p.min_size() || (p.max_size() && size > *p.max_size())) {
      fail("size " + std::to_string(size) + " is outside the size bounds");
    }
    if (!at_most(s.bound, s.cost)) {
      fail("bound " + std::to_string(s.bound) + " exceeds the objective of a solution");
    }
    if (s.status == Status::kOptimal && !at_most(s.cost, s.bound)) {
      fail("optimal status without a bound equal to the objective");
    }
    if (!close(s.relative_gap, relative_gap(s.cost, s.bound))) {
      fail("gap " + std::to_string(s.relative_gap) +
           " is not the relative gap of objective and bound");
    }
    if (!s.infeasibilities.empty()) {
      fail("a solution that exists lists reasons it cannot");
    }
  }

  if (s.status == Status::kInfeasible) {
    if (s.infeasibilities.empty()) {
      fail("infeasible status without a reason");
    }
    // Reasons about rows are checked with the loosest reading that the solver may have used
    // after relaxing a side constraint it had already proven impossible.
    const bool budget_broken = std::any_of(
        s.infeasibilities.begin(), s.infeasibilities.end(),
        [](const Infeasibility& i) { return i.kind == Infeasibility::Kind::kFixedOverBudget; });
    const bool size_broken = std::any_of(
        s.infeasibilities.begin(), s.infeasibilities.end(),
        [](const Infeasibility& i) { return i.kind == Infeasibility::Kind::kFixedOverMaxSize; });
    const auto usable = usable_columns(p, !budget_broken, !size_broken);
    for (const Infeasibility& reason : s.infeasibilities) {
      using Kind = Infeasibility::Kind;
      switch (reason.kind) {
        case Kind::kRowCapacity: {
          const Index r = reason.rows.at(0);
          double reach = 0;
          double largest = 0;
          for (const auto& [group, best] : groups_of_row(p, r, usable, [](Index) { return 0.0; })) {
            reach += best.first;
            largest = std::max(largest, best.first);
          }
          if (p.is_robust(r)) {
            reach -= largest;
          }
          if (p.is_soft(r) || at_most(p.demand(r), reach)) {
            fail("row " + std::to_string(r) + " can be met by the usable columns");
          }
          break;
        }
        case Kind::kFixedConflict: {
          const Index a = reason.columns.at(0);
          const Index b = reason.columns.at(1);
          if (!p.is_fixed(a) || !p.is_fixed(b) || !(in_conflict(p, a, b) || same_group(p, a, b))) {
            fail("fixed conflict between " + std::to_string(a) + " and " + std::to_string(b) +
                 " does not exist");
          }
          break;
        }
        case Kind::kFixedOverBudget: {
          double fixed_weight = 0;
          for (const Index j : p.fixed_columns()) {
            fixed_weight += p.weight(j);
          }
          if (!p.budget() || at_most(fixed_weight, *p.budget())) {
            fail("fixed columns fit the budget");
          }
          break;
        }
        case Kind::kFixedOverMaxSize: {
          int fixed_size = 0;
          for (const Index j : p.fixed_columns()) {
            fixed_size += p.counts_toward_size(j) ? 1 : 0;
          }
          if (!p.max_size() || fixed_size <= *p.max_size()) {
            fail("fixed columns fit the maximum size");
          }
          break;
        }
        case Kind::kTooFewColumns: {
          std::set<std::int64_t> groups;
          for (Index j = 0; j < p.num_columns(); ++j) {
            if (usable[j] != 0 && p.counts_toward_size(j)) {
              groups.insert(key(p, j));
            }
          }
          if (static_cast<int>(groups.size()) >= p.min_size()) {
            fail("enough columns exist for the minimum size");
          }
          break;
        }
        case Kind::kExhaustedSearch:
          break;  // a search proof: the tests compare it with brute force
        case Kind::kSizeBound:
        case Kind::kBudgetBound: {
          const bool size_kind = reason.kind == Kind::kSizeBound;
          std::optional<double> limit = p.budget();
          if (size_kind) {
            limit = p.max_size() ? std::optional<double>(*p.max_size()) : std::nullopt;
          }
          const Index r = reason.rows.at(0);
          if (!limit || at_most(reason.bound, *limit) || p.is_soft(r)) {
            fail("the stated bound does not exceed the limit");
            break;
          }
          // Recompute: no choice of one column per group reaches the row's demand (plus, for a
          // robust row, its smallest coefficient) within the limit. Checked with a fractional
          // cover of the best coefficient and least value of each group.
          auto value = [&](Index j) {
            return size_kind ? (p.counts_toward_size(j) ? 1.0 : 0.0) : p.weight(j);
          };
          const auto groups = groups_of_row(p, r, usable, value);
          std::vector<std::pair<double, double>> items;  // (value per unit, coefficient)
          double smallest = std::numeric_limits<double>::infinity();
          for (const auto& [group, best] : groups) {
            items.emplace_back(best.second / best.first, best.first);
            smallest = std::min(smallest, best.first);
          }
          double need = p.demand(r) + (p.is_robust(r) && !items.empty() ? smallest : 0.0);
          std::sort(items.begin(), items.end());
          double least = 0;
          for (const auto& [per_unit, coefficient] : items) {
            if (need <= 1e-12) {
              break;
            }
            const double take = std::min(need, coefficient);
            least += per_unit * take;
            need -= take;
          }
          if (size_kind) {
            least = std::ceil(least - 1e-9);
          }
          if (need <= 1e-9 && at_most(least, *limit)) {
            fail("the stated size or budget bound does not hold");
          }
          break;
        }
      }
    }
  }
  return problems;
}

}  // namespace teamwright::cover
