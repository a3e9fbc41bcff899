#include "cover/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace teamwright::cover::detail {

bool within(double value, double limit) {
  return value <= limit + 1e-9 * std::max(1.0, std::abs(limit));
}

std::vector<int> slot_capacity(const Problem& p, const std::vector<int>& capacity) {
  std::vector<int> slots(capacity.size(), 0);
  for (Index r = 0; r < p.num_rows(); ++r) {
    slots[r] = p.is_slot_row(r) ? capacity[r] : 0;
  }
  return slots;
}

namespace {

// Sum of the `count` smallest values of `value(column)` over the usable columns of a list.
template <class Value>
double cheapest_sum(std::span<const Index> columns, const std::vector<char>& usable, int count,
                    Value value) {
  std::vector<double> values;
  for (const Index j : columns) {
    if (usable[j] != 0) {
      values.push_back(value(j));
    }
  }
  const auto k = std::min<std::size_t>(static_cast<std::size_t>(std::max(count, 0)), values.size());
  std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return std::accumulate(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), 0.0);
}

void prove_fixed(const Problem& p, Analysis& a) {
  std::vector<char> kept(static_cast<std::size_t>(p.num_columns()), 0);
  for (const Index j : p.fixed_columns()) {
    const auto conflicts = p.conflicts_of(j);
    const auto clash = std::find_if(conflicts.begin(), conflicts.end(),
                                    [&](Index other) { return kept[other] != 0; });
    if (clash != conflicts.end()) {
      a.infeasibilities.push_back({Infeasibility::Kind::kFixedConflict, {}, {*clash, j}, 0, 0});
      continue;
    }
    kept[j] = 1;
    a.fixed.push_back(j);
  }
  double weight = 0;
  int size = 0;
  for (const Index j : a.fixed) {
    weight += p.weight(j);
    size += p.counts_toward_size(j) ? 1 : 0;
  }
  if (a.limits.budget && !within(weight, *a.limits.budget)) {
    a.infeasibilities.push_back({Infeasibility::Kind::kFixedOverBudget, {}, a.fixed, weight, 0});
    a.limits.budget.reset();
  }
  if (a.limits.max_size && size > *a.limits.max_size) {
    a.infeasibilities.push_back(
        {Infeasibility::Kind::kFixedOverMaxSize, {}, a.fixed, static_cast<double>(size), 0});
    a.limits.max_size.reset();
  }
  std::vector<char> blocked(static_cast<std::size_t>(p.num_columns()), 0);
  for (const Index j : a.fixed) {
    for (const Index other : p.conflicts_of(j)) {
      blocked[other] = 1;
    }
  }
  a.usable.assign(static_cast<std::size_t>(p.num_columns()), 0);
  for (Index j = 0; j < p.num_columns(); ++j) {
    const bool fits_budget = !a.limits.budget || within(weight + p.weight(j), *a.limits.budget);
    const bool fits_size =
        !a.limits.max_size || !p.counts_toward_size(j) || size < *a.limits.max_size;
    a.usable[j] = static_cast<char>(kept[j] != 0 || (blocked[j] == 0 && fits_budget && fits_size));
  }
}

void prove_rows(const Problem& p, Analysis& a) {
  a.capacity.assign(static_cast<std::size_t>(p.num_rows()), 0);
  for (Index r = 0; r < p.num_rows(); ++r) {
    std::vector<Index> usable;
    for (const Index j : p.columns_of(r)) {
      if (a.usable[j] != 0) {
        usable.push_back(j);
      }
    }
    const int available = static_cast<int>(usable.size());
    a.capacity[r] = std::min(p.demand(r), available);
    if (!p.is_slot_row(r) && available < p.demand(r)) {
      a.infeasibilities.push_back({Infeasibility::Kind::kRowCapacity,
                                   {r},
                                   std::move(usable),
                                   static_cast<double>(p.demand(r)),
                                   available});
    }
  }
  if (!p.has_slot_rows()) {
    return;
  }
  // A maximum matching of all usable columns shows how far the slots can be filled; from each
  // slot row left short, the rows reachable by alternating paths form a set whose columns are
  // all used inside it yet too few (Hall's condition fails).
  SlotMatching matching(static_cast<std::size_t>(p.num_columns()), slot_capacity(p, a.capacity),
                        RowsOf{&p});
  for (Index j = 0; j < p.num_columns(); ++j) {
    if (a.usable[j] != 0) {
      matching.add(j);
    }
  }
  std::vector<char> reported(static_cast<std::size_t>(p.num_rows()), 0);
  for (Index start = 0; start < p.num_rows(); ++start) {
    if (!p.is_slot_row(start) || matching.filled(start) >= p.demand(start) ||
        reported[start] != 0) {
      continue;
    }
    std::vector<Index> rows{start};
    std::vector<char> in_set(static_cast<std::size_t>(p.num_rows()), 0);
    in_set[start] = 1;
    std::vector<Index> columns;
    for (std::size_t head = 0; head < rows.size(); ++head) {
      for (const Index j : p.columns_of(rows[head])) {
        if (a.usable[j] == 0 || std::find(columns.begin(), columns.end(), j) != columns.end()) {
          continue;
        }
        columns.push_back(j);
        const Index next = matching.right_of(j);
        if (next >= 0 && in_set[next] == 0) {
          in_set[next] = 1;
          rows.push_back(next);
        }
      }
    }
    std::sort(rows.begin(), rows.end());
    std::sort(columns.begin(), columns.end());
    double demand = 0;
    for (const Index r : rows) {
      demand += p.demand(r);
      reported[r] = 1;
    }
    a.infeasibilities.push_back({Infeasibility::Kind::kSlotCapacity, rows, columns, demand,
                                 static_cast<int>(columns.size())});
  }
  for (Index r = 0; r < p.num_rows(); ++r) {
    if (p.is_slot_row(r)) {
      a.capacity[r] = matching.filled(r);
    }
  }
}

// Bounds that follow from single rows (and from all slot rows together, which need distinct
// columns): on size, on weight against the budget, and on cost.
void prove_bounds(const Problem& p, Analysis& a) {
  int size_columns = 0;
  for (Index j = 0; j < p.num_columns(); ++j) {
    size_columns += (a.usable[j] != 0 && p.counts_toward_size(j)) ? 1 : 0;
  }
  if (size_columns < a.limits.min_size) {
    a.infeasibilities.push_back({Infeasibility::Kind::kTooFewColumns,
                                 {},
                                 {},
                                 static_cast<double>(a.limits.min_size),
                                 size_columns});
    a.limits.min_size = size_columns;
  }

  std::vector<Index> slot_rows;
  std::vector<Index> slot_columns;
  int slot_demand = 0;
  for (Index r = 0; r < p.num_rows(); ++r) {
    if (p.is_slot_row(r)) {
      slot_rows.push_back(r);
      slot_demand += a.capacity[r];
      const auto columns = p.columns_of(r);
      slot_columns.insert(slot_columns.end(), columns.begin(), columns.end());
    }
  }
  std::sort(slot_columns.begin(), slot_columns.end());
  slot_columns.erase(std::unique(slot_columns.begin(), slot_columns.end()), slot_columns.end());

  auto weight = [&](Index j) { return p.weight(j); };
  auto cost = [&](Index j) { return p.cost(j); };
  auto size = [&](Index j) { return p.counts_toward_size(j) ? 1.0 : 0.0; };
  auto check_group = [&](const std::vector<Index>& rows, std::span<const Index> columns,
                         int demand) {
    if (demand <= 0) {
      return;
    }
    const double need_size = cheapest_sum(columns, a.usable, demand, size);
    if (a.limits.max_size && need_size > *a.limits.max_size) {
      a.infeasibilities.push_back({Infeasibility::Kind::kSizeBound, rows, {}, need_size, 0});
    }
    const double need_weight = cheapest_sum(columns, a.usable, demand, weight);
    if (a.limits.budget && !within(need_weight, *a.limits.budget)) {
      a.infeasibilities.push_back({Infeasibility::Kind::kBudgetBound, rows, {}, need_weight, 0});
    }
    a.bound = std::max(a.bound, cheapest_sum(columns, a.usable, demand, cost));
  };
  for (Index r = 0; r < p.num_rows(); ++r) {
    if (!p.is_slot_row(r)) {
      check_group({r}, p.columns_of(r), a.capacity[r]);
    }
  }
  check_group(slot_rows, slot_columns, slot_demand);

  std::vector<Index> all(static_cast<std::size_t>(p.num_columns()));
  std::iota(all.begin(), all.end(), 0);
  std::vector<char> size_usable(a.usable);
  for (Index j = 0; j < p.num_columns(); ++j) {
    size_usable[j] = static_cast<char>(size_usable[j] != 0 && p.counts_toward_size(j));
  }
  a.bound = std::max(a.bound, cheapest_sum(all, size_usable, a.limits.min_size, cost));
  double fixed_cost = 0;
  for (const Index j : a.fixed) {
    fixed_cost += p.cost(j);
  }
  a.bound = std::max(a.bound, fixed_cost);
}

}  // namespace

Analysis analyze(const Problem& problem) {
  Analysis analysis;
  analysis.limits = {problem.budget(), problem.min_size(), problem.max_size()};
  prove_fixed(problem, analysis);
  prove_rows(problem, analysis);
  prove_bounds(problem, analysis);
  return analysis;
}

}  // namespace teamwright::cover::detail
