#include "teamwright/cover/arrays.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <string>

#include "teamwright/error.hpp"

namespace teamwright::cover {

ProblemArrays to_arrays(const Problem& p) {
  const auto m = static_cast<std::size_t>(p.num_rows());
  const auto n = static_cast<std::size_t>(p.num_columns());
  ProblemArrays a;
  a.demand.resize(m);
  a.penalty.resize(m);
  a.robust.resize(m);
  for (Index i = 0; i < p.num_rows(); ++i) {
    a.demand[i] = p.demand(i);
    a.penalty[i] = p.penalty(i).value_or(std::numeric_limits<double>::quiet_NaN());
    a.robust[i] = p.is_robust(i) ? 1 : 0;
  }
  a.cost.resize(n);
  a.weight.resize(n);
  a.counts_toward_size.resize(n);
  a.group.resize(n);
  a.rows.reserve(static_cast<std::size_t>(p.num_nonzeros()));
  a.coefficients.reserve(static_cast<std::size_t>(p.num_nonzeros()));
  for (Index j = 0; j < p.num_columns(); ++j) {
    a.cost[j] = p.cost(j);
    a.weight[j] = p.weight(j);
    a.counts_toward_size[j] = p.counts_toward_size(j) ? 1 : 0;
    a.group[j] = p.group_of(j);
    const auto own = p.rows_of(j);
    const auto coefficients = p.coefficients_of(j);
    for (std::size_t k = 0; k < own.size(); ++k) {
      a.rows.push_back(own[k]);
      a.coefficients.push_back(coefficients.empty() ? 1.0 : coefficients[k]);
    }
    a.column_start.push_back(static_cast<std::int64_t>(a.rows.size()));
    for (const Index other : p.conflicts_of(j)) {
      if (j < other) {
        a.conflicts.push_back(j);
        a.conflicts.push_back(other);
      }
    }
  }
  a.budget = p.budget();
  a.min_size = p.min_size();
  a.max_size = p.max_size();
  a.fixed.assign(p.fixed_columns().begin(), p.fixed_columns().end());
  return a;
}

namespace {

template <class T>
void expect_length(const std::vector<T>& values, std::size_t n, const char* name, const char* per) {
  if (!values.empty() && values.size() != n) {
    throw InvalidInputError(std::string("cover arrays: '") + name + "' has " +
                            std::to_string(values.size()) + " entries, expected one per " + per +
                            " (" + std::to_string(n) + ")");
  }
}

}  // namespace

Problem from_arrays(const ProblemArrays& a) {
  const std::size_t m = a.demand.size();
  if (a.column_start.empty()) {
    throw InvalidInputError("cover arrays: 'column_start' needs one entry more than columns");
  }
  const std::size_t n = a.column_start.size() - 1;
  expect_length(a.penalty, m, "penalty", "row");
  expect_length(a.robust, m, "robust", "row");
  if (a.cost.size() != n) {
    throw InvalidInputError("cover arrays: 'cost' has " + std::to_string(a.cost.size()) +
                            " entries, but 'column_start' describes " + std::to_string(n) +
                            " columns");
  }
  expect_length(a.weight, n, "weight", "column");
  expect_length(a.counts_toward_size, n, "counts_toward_size", "column");
  expect_length(a.group, n, "group", "column");
  expect_length(a.coefficients, a.rows.size(), "coefficients", "entry of 'rows'");
  if (a.column_start.front() != 0 ||
      a.column_start.back() != static_cast<std::int64_t>(a.rows.size())) {
    throw InvalidInputError(
        "cover arrays: 'column_start' must run from 0 to the length of "
        "'rows' (" +
        std::to_string(a.rows.size()) + ")");
  }
  if (a.conflicts.size() % 2 != 0) {
    throw InvalidInputError("cover arrays: 'conflicts' must hold pairs");
  }

  Problem::Builder builder;
  for (std::size_t i = 0; i < m; ++i) {
    RowOptions options;
    if (!a.penalty.empty() && !std::isnan(a.penalty[i])) {
      options.penalty = a.penalty[i];
    }
    options.robust = !a.robust.empty() && a.robust[i] != 0;
    builder.add_row(a.demand[i], options);
  }
  std::map<Index, std::vector<Index>> groups;
  const std::span<const Index> rows(a.rows);
  const std::span<const double> coefficients(a.coefficients);
  for (std::size_t j = 0; j < n; ++j) {
    const std::int64_t begin = a.column_start[j];
    const std::int64_t end = a.column_start[j + 1];
    if (begin > end) {
      throw InvalidInputError("cover arrays: 'column_start' descends at column " +
                              std::to_string(j));
    }
    const auto size = static_cast<std::size_t>(end - begin);
    ColumnOptions options;
    if (!a.weight.empty()) {
      options.weight = a.weight[j];
    }
    options.counts_toward_size = a.counts_toward_size.empty() || a.counts_toward_size[j] != 0;
    const auto own = rows.subspan(static_cast<std::size_t>(begin), size);
    if (a.coefficients.empty()) {
      builder.add_column(a.cost[j], own, options);
    } else {
      builder.add_column(a.cost[j], own,
                         coefficients.subspan(static_cast<std::size_t>(begin), size), options);
    }
    if (!a.group.empty() && a.group[j] >= 0) {
      groups[a.group[j]].push_back(static_cast<Index>(j));
    }
  }
  for (const auto& [id, columns] : groups) {
    builder.add_group(columns);
  }
  for (std::size_t k = 0; k < a.conflicts.size(); k += 2) {
    builder.add_conflict(a.conflicts[k], a.conflicts[k + 1]);
  }
  if (a.budget) {
    builder.set_budget(*a.budget);
  }
  builder.set_size_bounds(a.min_size, a.max_size);
  for (const Index column : a.fixed) {
    builder.fix(column);
  }
  return std::move(builder).build();
}

}  // namespace teamwright::cover
