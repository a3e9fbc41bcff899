// Written without reference to the solvers' code: a second, plain reading of the problem.

#include "teamwright/cover/check.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

namespace teamwright::cover {

namespace {

bool close(double a, double b) {
  return std::abs(a - b) <= 1e-6 * std::max({1.0, std::abs(a), std::abs(b)});
}
bool at_most(double a, double b) { return a <= b + 1e-6 * std::max(1.0, std::abs(b)); }

// The checker's own reading of "usable" (solution.hpp): kept fixed columns, and the columns
// that conflict with none of them and fit the budget and size they leave.
std::vector<char> usable_columns(const Problem& p, bool with_budget, bool with_size) {
  std::set<Index> fixed;
  for (const Index j : p.fixed_columns()) {
    const bool clashes = std::any_of(fixed.begin(), fixed.end(), [&](Index kept) {
      const auto c = p.conflicts_of(kept);
      return std::binary_search(c.begin(), c.end(), j);
    });
    if (!clashes) {
      fixed.insert(j);
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
    if (fixed.contains(j)) {
      continue;
    }
    for (const Index f : fixed) {
      const auto c = p.conflicts_of(f);
      if (std::binary_search(c.begin(), c.end(), j)) {
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

// The usable columns covering any of `rows`, and the rows' total demand.
std::pair<std::set<Index>, int> usable_cover(const Problem& p, const std::vector<char>& usable,
                                             const std::vector<Index>& rows) {
  std::set<Index> columns;
  int demand = 0;
  for (const Index r : rows) {
    demand += p.demand(r);
    for (const Index j : p.columns_of(r)) {
      if (usable[j] != 0) {
        columns.insert(j);
      }
    }
  }
  return {columns, demand};
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
  if (!close(cost, s.cost)) {
    fail("reported cost " + std::to_string(s.cost) + " differs from the columns' cost " +
         std::to_string(cost));
  }

  // Slot assignment: each listed column chosen, covering its slot row, used once.
  std::map<Index, int> filled;
  std::set<Index> assigned;
  for (const auto& [j, r] : s.slot_assignment) {
    const auto rows = p.rows_of(j);
    if (!chosen.contains(j) || r < 0 || r >= p.num_rows() || !p.is_slot_row(r) ||
        !std::binary_search(rows.begin(), rows.end(), r)) {
      fail("slot assignment of column " + std::to_string(j) + " to row " + std::to_string(r) +
           " is not possible");
      continue;
    }
    if (!assigned.insert(j).second) {
      fail("column " + std::to_string(j) + " fills two slots");
    }
    ++filled[r];
  }

  std::vector<Index> short_rows;
  for (Index r = 0; r < p.num_rows(); ++r) {
    int met = 0;
    if (p.is_slot_row(r)) {
      met = filled[r];
    } else {
      for (const Index j : p.columns_of(r)) {
        met += chosen.contains(j) ? 1 : 0;
      }
    }
    if (met < p.demand(r)) {
      short_rows.push_back(r);
    }
  }
  if (short_rows != s.short_rows) {
    fail("short_rows does not list exactly the rows left short");
  }

  if (s.status == Status::kOptimal || s.status == Status::kFeasible) {
    if (!short_rows.empty()) {
      fail("a " + std::string(to_string(s.status)) + " solution leaves row " +
           std::to_string(short_rows.front()) + " short");
    }
    for (const Index j : chosen) {
      for (const Index other : p.conflicts_of(j)) {
        if (chosen.contains(other)) {
          fail("conflicting columns " + std::to_string(j) + " and " + std::to_string(other) +
               " are both chosen");
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
    if (!at_most(s.bound, cost)) {
      fail("bound " + std::to_string(s.bound) + " exceeds the cost of a solution");
    }
    if (s.status == Status::kOptimal && !at_most(cost, s.bound)) {
      fail("optimal status without a bound equal to the cost");
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
          int available = 0;
          for (const Index j : p.columns_of(r)) {
            available += usable[j];
          }
          if (available >= p.demand(r)) {
            fail("row " + std::to_string(r) + " has enough usable columns");
          }
          break;
        }
        case Kind::kSlotCapacity: {
          const auto [columns, demand] = usable_cover(p, usable, reason.rows);
          if (static_cast<int>(columns.size()) >= demand) {
            fail("slot rows said to be short have enough columns");
          }
          break;
        }
        case Kind::kFixedConflict: {
          const Index a = reason.columns.at(0);
          const Index b = reason.columns.at(1);
          const auto c = p.conflicts_of(a);
          if (!p.is_fixed(a) || !p.is_fixed(b) || !std::binary_search(c.begin(), c.end(), b)) {
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
          int available = 0;
          for (Index j = 0; j < p.num_columns(); ++j) {
            available += (usable[j] != 0 && p.counts_toward_size(j)) ? 1 : 0;
          }
          if (available >= p.min_size()) {
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
          if (!limit || at_most(reason.bound, *limit)) {
            fail("the stated bound does not exceed the limit");
            break;
          }
          // Recompute: the cheapest way to meet these rows' demand with distinct columns.
          const auto [columns, demand] = usable_cover(p, usable, reason.rows);
          std::vector<double> values;
          values.reserve(columns.size());
          for (const Index j : columns) {
            values.push_back(size_kind ? (p.counts_toward_size(j) ? 1.0 : 0.0) : p.weight(j));
          }
          std::sort(values.begin(), values.end());
          double need = 0;
          for (int k = 0; k < demand && k < static_cast<int>(values.size()); ++k) {
            need += values[k];
          }
          if (!at_most(*limit, need) || at_most(need, *limit)) {
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
