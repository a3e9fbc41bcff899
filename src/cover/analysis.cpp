#include "cover/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace teamwright::cover::detail {

bool within(double value, double limit) {
  return value <= limit + 1e-9 * std::max(1.0, std::abs(limit));
}

double covered(const Problem& p, Index row, const std::vector<char>& chosen) {
  const auto columns = p.columns_of(row);
  const auto coefficients = p.coefficients_in(row);
  double sum = 0;
  double largest = 0;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (chosen[columns[k]] != 0) {
      const double a = coefficients.empty() ? 1.0 : coefficients[k];
      sum += a;
      largest = std::max(largest, a);
    }
  }
  return p.is_robust(row) ? sum - largest : sum;
}

double objective(const Problem& p, const std::vector<Index>& columns,
                 std::vector<Index>* short_rows, double* penalty) {
  std::vector<char> chosen(static_cast<std::size_t>(p.num_columns()), 0);
  double cost = 0;
  for (const Index j : columns) {
    chosen[j] = 1;
    cost += p.cost(j);
  }
  double paid = 0;
  if (short_rows != nullptr) {
    short_rows->clear();
  }
  for (Index i = 0; i < p.num_rows(); ++i) {
    const double missing = p.demand(i) - covered(p, i, chosen);
    if (missing > 1e-9 * std::max(1.0, p.demand(i))) {
      if (short_rows != nullptr) {
        short_rows->push_back(i);
      }
      if (p.is_soft(i)) {
        paid += *p.penalty(i) * missing;
      }
    }
  }
  if (penalty != nullptr) {
    *penalty = paid;
  }
  return cost + paid;
}

namespace {

// A group stands for all its columns: an ungrouped column is a group of its own.
Index group_key(const Problem& p, Index column) {
  const Index g = p.group_of(column);
  return g >= 0 ? g : p.num_groups() + column;
}

// For one row: each usable group covering it once, with its best coefficient and the least
// value (weight, cost or size) among its columns there. The virtual column dominates every real
// one of the group, so bounds computed from these are valid.
struct GroupEntry {
  Index key;
  double coefficient;
  double value;
};

template <class Value>
std::vector<GroupEntry> row_groups(const Problem& p, Index row, const std::vector<char>& usable,
                                   Value value) {
  const auto columns = p.columns_of(row);
  const auto coefficients = p.coefficients_in(row);
  std::vector<GroupEntry> entries;
  entries.reserve(columns.size());
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const Index j = columns[k];
    if (usable[j] != 0) {
      entries.push_back({group_key(p, j), coefficients.empty() ? 1.0 : coefficients[k], value(j)});
    }
  }
  if (!p.has_groups()) {
    return entries;  // every column is a group of its own
  }
  std::sort(entries.begin(), entries.end(),
            [](const GroupEntry& a, const GroupEntry& b) { return a.key < b.key; });
  std::vector<GroupEntry> groups;
  for (const GroupEntry& e : entries) {
    if (!groups.empty() && groups.back().key == e.key) {
      groups.back().coefficient = std::max(groups.back().coefficient, e.coefficient);
      groups.back().value = std::min(groups.back().value, e.value);
    } else {
      groups.push_back(e);
    }
  }
  return groups;
}

// The least total value of groups whose coefficients reach `need` (a fractional knapsack cover:
// groups by value per unit of coefficient, the last one in part), a lower bound on every real
// choice. Infinity when the groups cannot reach it.
double cheapest_cover(std::vector<GroupEntry> groups, double need) {
  if (need <= 0) {
    return 0;
  }
  const auto by_ratio = [](const GroupEntry& a, const GroupEntry& b) {
    return a.value * b.coefficient < b.value * a.coefficient;
  };
  const bool unit = std::all_of(groups.begin(), groups.end(),
                                [](const GroupEntry& g) { return g.coefficient == 1; });
  if (unit && need < static_cast<double>(groups.size())) {
    // The cheapest ceil(need) groups are all it can use.
    const auto k = static_cast<std::ptrdiff_t>(std::ceil(need));
    std::partial_sort(groups.begin(), groups.begin() + k, groups.end(), by_ratio);
    groups.resize(static_cast<std::size_t>(k));
  } else {
    std::sort(groups.begin(), groups.end(), by_ratio);
  }
  double total = 0;
  for (const GroupEntry& g : groups) {
    if (g.coefficient >= need - 1e-12) {
      return total + g.value * need / g.coefficient;
    }
    total += g.value;
    need -= g.coefficient;
  }
  return std::numeric_limits<double>::infinity();
}

// The fewest size-counting groups whose coefficients reach `need`; groups with a column that
// does not count serve for free.
double fewest_members(std::vector<GroupEntry> groups, double need) {
  const auto order = [](const GroupEntry& a, const GroupEntry& b) {
    return a.value != b.value ? a.value < b.value : a.coefficient > b.coefficient;
  };
  const bool unit = std::all_of(groups.begin(), groups.end(),
                                [](const GroupEntry& g) { return g.coefficient == 1; });
  if (unit && need < static_cast<double>(groups.size())) {
    const auto k = static_cast<std::ptrdiff_t>(std::ceil(need));
    std::partial_sort(groups.begin(), groups.begin() + k, groups.end(), order);
    groups.resize(static_cast<std::size_t>(k));
  } else {
    std::sort(groups.begin(), groups.end(), order);
  }
  double members = 0;
  for (const GroupEntry& g : groups) {
    if (need <= 1e-12) {
      break;
    }
    need -= g.coefficient;
    members += g.value;
  }
  return need <= 1e-12 ? members : std::numeric_limits<double>::infinity();
}

void prove_fixed(const Problem& p, Analysis& a) {
  std::vector<char> kept(static_cast<std::size_t>(p.num_columns()), 0);
  std::vector<Index> kept_group(static_cast<std::size_t>(p.num_groups()), -1);
  for (const Index j : p.fixed_columns()) {
    const auto conflicts = p.conflicts_of(j);
    const auto clash = std::find_if(conflicts.begin(), conflicts.end(),
                                    [&](Index other) { return kept[other] != 0; });
    const Index g = p.group_of(j);
    if (clash != conflicts.end() || (g >= 0 && kept_group[g] >= 0)) {
      const Index other = clash != conflicts.end() ? *clash : kept_group[g];
      a.infeasibilities.push_back({Infeasibility::Kind::kFixedConflict, {}, {other, j}, 0, 0});
      continue;
    }
    kept[j] = 1;
    if (g >= 0) {
      kept_group[g] = j;
    }
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
    if (const Index g = p.group_of(j); g >= 0) {
      for (const Index other : p.group(g)) {
        if (other != j) {
          blocked[other] = 1;
        }
      }
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
    const auto groups = row_groups(p, r, a.usable, [](Index) { return 0.0; });
    double reach = 0;
    double largest = 0;
    for (const GroupEntry& g : groups) {
      reach += g.coefficient;
      largest = std::max(largest, g.coefficient);
    }
    if (p.is_robust(r)) {
      reach -= largest;
    }
    const double demand = p.demand(r);
    a.capacity[r] = std::min(demand, reach);
    if (reach >= demand - 1e-9 * std::max(1.0, demand)) {
      a.capacity[r] = demand;
      continue;
    }
    if (p.is_soft(r)) {
      a.unavoidable_penalty += *p.penalty(r) * (demand - reach);
      continue;
    }
    std::vector<Index> usable;
    for (const Index j : p.columns_of(r)) {
      if (a.usable[j] != 0) {
        usable.push_back(j);
      }
    }
    a.infeasibilities.push_back({Infeasibility::Kind::kRowCapacity,
                                 {r},
                                 std::move(usable),
                                 demand,
                                 static_cast<int>(groups.size())});
  }
}

// Bounds that follow from single hard rows: on size, on weight against the budget, and on cost.
void prove_bounds(const Problem& p, Analysis& a) {
  std::vector<char> size_groups(static_cast<std::size_t>(p.num_groups() + p.num_columns()), 0);
  int groups_counting = 0;
  for (Index j = 0; j < p.num_columns(); ++j) {
    if (a.usable[j] != 0 && p.counts_toward_size(j)) {
      char& seen = size_groups[group_key(p, j)];
      groups_counting += seen == 0 ? 1 : 0;
      seen = 1;
    }
  }
  if (groups_counting < a.limits.min_size) {
    a.infeasibilities.push_back({Infeasibility::Kind::kTooFewColumns,
                                 {},
                                 {},
                                 static_cast<double>(a.limits.min_size),
                                 groups_counting});
    a.limits.min_size = groups_counting;
  }

  auto weight = [&](Index j) { return p.weight(j); };
  auto cost = [&](Index j) { return p.cost(j); };
  auto size = [&](Index j) { return p.counts_toward_size(j) ? 1.0 : 0.0; };
  double column_bound = 0;
  for (Index r = 0; r < p.num_rows(); ++r) {
    if (p.is_soft(r) || a.capacity[r] <= 0) {
      continue;
    }
    // A robust row needs its capacity plus at least the smallest coefficient in all.
    double need = a.capacity[r];
    if (p.is_robust(r)) {
      const auto groups = row_groups(p, r, a.usable, size);
      double smallest = std::numeric_limits<double>::infinity();
      for (const GroupEntry& g : groups) {
        smallest = std::min(smallest, g.coefficient);
      }
      need += std::isfinite(smallest) ? smallest : 0;
    }
    const double need_size = fewest_members(row_groups(p, r, a.usable, size), need);
    if (a.limits.max_size && need_size > *a.limits.max_size) {
      a.infeasibilities.push_back({Infeasibility::Kind::kSizeBound, {r}, {}, need_size, 0});
    }
    const double need_weight = cheapest_cover(row_groups(p, r, a.usable, weight), need);
    if (a.limits.budget && !within(need_weight, *a.limits.budget)) {
      a.infeasibilities.push_back({Infeasibility::Kind::kBudgetBound, {r}, {}, need_weight, 0});
    }
    column_bound = std::max(column_bound, cheapest_cover(row_groups(p, r, a.usable, cost), need));
  }

  // The minimum size: the cheapest size-counting groups.
  std::vector<double> cheapest(static_cast<std::size_t>(p.num_groups() + p.num_columns()),
                               std::numeric_limits<double>::infinity());
  for (Index j = 0; j < p.num_columns(); ++j) {
    if (a.usable[j] != 0 && p.counts_toward_size(j)) {
      double& c = cheapest[group_key(p, j)];
      c = std::min(c, p.cost(j));
    }
  }
  std::erase_if(cheapest, [](double c) { return !std::isfinite(c); });
  const auto k = std::min(cheapest.size(), static_cast<std::size_t>(a.limits.min_size));
  std::partial_sort(cheapest.begin(), cheapest.begin() + static_cast<std::ptrdiff_t>(k),
                    cheapest.end());
  column_bound = std::max(
      column_bound,
      std::accumulate(cheapest.begin(), cheapest.begin() + static_cast<std::ptrdiff_t>(k), 0.0));
  double fixed_cost = 0;
  for (const Index j : a.fixed) {
    fixed_cost += p.cost(j);
  }
  a.bound = std::max(column_bound, fixed_cost) + a.unavoidable_penalty;
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

std::vector<int> integral_demands(const Analysis& analysis) {
  std::vector<int> demands(analysis.capacity.size());
  std::transform(analysis.capacity.begin(), analysis.capacity.end(), demands.begin(),
                 [](double c) { return static_cast<int>(std::lround(c)); });
  return demands;
}

}  // namespace teamwright::cover::detail
