#include "teamwright/cover/problem.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::cover {
namespace {

// Turns per-item lists into compressed sparse rows; each list is sorted.
void compress(std::vector<std::vector<Index>>& lists, std::vector<std::int64_t>& start,
              std::vector<Index>& values) {
  start.assign(1, 0);
  values.clear();
  for (auto& list : lists) {
    std::sort(list.begin(), list.end());
    values.insert(values.end(), list.begin(), list.end());
    start.push_back(static_cast<std::int64_t>(values.size()));
  }
}

void check_nonnegative(const std::string& what, double value) {
  if (!std::isfinite(value) || value < 0) {
    throw OutOfRangeError(what + " " + util::number(value) + " must be a finite number >= 0");
  }
}

template <class T>
std::span<const T> slice(const std::vector<T>& values, const std::vector<std::int64_t>& start,
                         Index item) {
  return std::span<const T>(values).subspan(
      static_cast<std::size_t>(start[item]),
      static_cast<std::size_t>(start[item + 1] - start[item]));
}

}  // namespace

std::optional<double> Problem::penalty(Index row) const {
  return penalty_[row] >= 0 ? std::optional<double>(penalty_[row]) : std::nullopt;
}

std::span<const Index> Problem::rows_of(Index column) const {
  return slice(column_rows_, column_start_, column);
}

std::span<const Index> Problem::columns_of(Index row) const {
  return slice(row_columns_, row_start_, row);
}

std::span<const double> Problem::coefficients_of(Index column) const {
  return column_coefficients_.empty() ? std::span<const double>()
                                      : slice(column_coefficients_, column_start_, column);
}

std::span<const double> Problem::coefficients_in(Index row) const {
  return row_coefficients_.empty() ? std::span<const double>()
                                   : slice(row_coefficients_, row_start_, row);
}

double Problem::coefficient(Index column, Index row) const {
  const auto rows = rows_of(column);
  const auto found = std::lower_bound(rows.begin(), rows.end(), row);
  if (found == rows.end() || *found != row) {
    return 0;
  }
  return column_coefficients_.empty()
             ? 1.0
             : coefficients_of(column)[static_cast<std::size_t>(found - rows.begin())];
}

std::span<const Index> Problem::conflicts_of(Index column) const {
  return slice(conflicts_, conflict_start_, column);
}

std::span<const Index> Problem::group(Index g) const {
  return slice(group_columns_, group_start_, g);
}

bool Problem::is_pure() const {
  if (has_soft_ || has_robust_ || has_conflicts_ || has_groups() || has_coefficients() || budget_ ||
      max_size_) {
    return false;
  }
  return std::all_of(demand_.begin(), demand_.end(),
                     [](double d) { return d == std::floor(d) && d < 1e9; });
}

Index Problem::Builder::add_row(double demand, RowOptions options) {
  const auto where = [this] { return "row " + std::to_string(problem_.demand_.size()); };
  if (!std::isfinite(demand) || demand < 0) {
    check_nonnegative(where() + ": demand", demand);
  }
  if (options.penalty) {
    check_nonnegative(where() + ": penalty", *options.penalty);
    if (options.robust) {
      throw InvalidInputError(where() + ": a soft row cannot be robust");
    }
  }
  problem_.demand_.push_back(demand);
  problem_.penalty_.push_back(options.penalty.value_or(-1));
  problem_.robust_.push_back(options.robust ? 1 : 0);
  problem_.has_soft_ = problem_.has_soft_ || options.penalty.has_value();
  problem_.has_robust_ = problem_.has_robust_ || options.robust;
  return static_cast<Index>(problem_.demand_.size() - 1);
}

Index Problem::Builder::add_column(double cost, std::span<const Index> rows,
                                   ColumnOptions options) {
  return add_column(cost, rows, {}, options);
}

Index Problem::Builder::add_column(double cost, std::span<const Index> rows,
                                   std::span<const double> coefficients, ColumnOptions options) {
  // Named only in a message: a million columns are added without building a string each.
  const auto where = [this] { return "column " + std::to_string(problem_.cost_.size()); };
  const double weight = options.weight.value_or(cost);
  if (!std::isfinite(cost) || cost < 0 || !std::isfinite(weight) || weight < 0) {
    check_nonnegative(where() + ": cost", cost);
    check_nonnegative(where() + ": weight", weight);
  }
  if (!coefficients.empty() && coefficients.size() != rows.size()) {
    throw InvalidInputError(where() + ": " + std::to_string(coefficients.size()) +
                            " coefficients for " + std::to_string(rows.size()) + " rows");
  }
  for (const double a : coefficients) {
    if (!std::isfinite(a) || a <= 0) {
      throw OutOfRangeError(where() + ": coefficient " + util::number(a) +
                            " must be a finite number > 0");
    }
  }
  const bool unit =
      std::all_of(coefficients.begin(), coefficients.end(), [](double a) { return a == 1; });
  if (!unit && !any_coefficient_) {
    // The first coefficient other than 1: every earlier entry had coefficient 1.
    any_coefficient_ = true;
    problem_.column_coefficients_.assign(problem_.column_rows_.size(), 1.0);
  }
  if (any_coefficient_) {
    if (coefficients.empty()) {
      problem_.column_coefficients_.insert(problem_.column_coefficients_.end(), rows.size(), 1.0);
    } else {
      problem_.column_coefficients_.insert(problem_.column_coefficients_.end(),
                                           coefficients.begin(), coefficients.end());
    }
  }
  problem_.cost_.push_back(cost);
  problem_.weight_.push_back(weight);
  problem_.counts_.push_back(options.counts_toward_size ? 1 : 0);
  problem_.column_rows_.insert(problem_.column_rows_.end(), rows.begin(), rows.end());
  problem_.column_start_.push_back(static_cast<std::int64_t>(problem_.column_rows_.size()));
  return static_cast<Index>(problem_.cost_.size() - 1);
}

void Problem::Builder::set_budget(double budget) {
  check_nonnegative("budget", budget);
  problem_.budget_ = budget;
}

void Problem::Builder::set_size_bounds(int min_size, std::optional<int> max_size) {
  if (min_size < 0 || (max_size && *max_size < min_size)) {
    throw OutOfRangeError("size bounds [" + std::to_string(min_size) + ", " +
                          (max_size ? std::to_string(*max_size) : "none") +
                          "] are not 0 <= min <= max");
  }
  problem_.min_size_ = min_size;
  problem_.max_size_ = max_size;
}

void Problem::Builder::add_conflict(Index a, Index b) { conflicts_.emplace_back(a, b); }

void Problem::Builder::add_group(std::span<const Index> columns) {
  groups_.emplace_back(columns.begin(), columns.end());
}

void Problem::Builder::fix(Index column) { fixed_.push_back(column); }

Problem Problem::Builder::build() && {
  Problem& p = problem_;
  const Index rows = p.num_rows();
  const Index columns = p.num_columns();
  auto check_column = [columns](const std::string& what, Index column) {
    if (column < 0 || column >= columns) {
      throw OutOfRangeError(what + " names column " + std::to_string(column) + ", outside [0, " +
                            std::to_string(columns) + ")");
    }
  };

  // Sort each column's rows (with their coefficients) and build the row-wise copy.
  std::vector<std::int64_t> row_count(static_cast<std::size_t>(rows) + 1, 0);
  std::vector<std::pair<Index, double>> entries;
  for (Index j = 0; j < columns; ++j) {
    const auto begin = p.column_start_[j];
    const auto end = p.column_start_[j + 1];
    entries.clear();
    for (auto k = begin; k < end; ++k) {
      const Index r = p.column_rows_[k];
      if (r < 0 || r >= rows) {
        throw OutOfRangeError("column " + std::to_string(j) + " covers row " + std::to_string(r) +
                              ", outside [0, " + std::to_string(rows) + ")");
      }
      entries.emplace_back(r, any_coefficient_ ? p.column_coefficients_[k] : 1.0);
    }
    std::sort(entries.begin(), entries.end());
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (k > 0 && entries[k].first == entries[k - 1].first) {
        throw DuplicateIdError("column " + std::to_string(j) + " lists row " +
                               std::to_string(entries[k].first) + " twice");
      }
      p.column_rows_[begin + static_cast<std::int64_t>(k)] = entries[k].first;
      if (any_coefficient_) {
        p.column_coefficients_[begin + static_cast<std::int64_t>(k)] = entries[k].second;
      }
      ++row_count[entries[k].first + 1];
    }
  }
  std::partial_sum(row_count.begin(), row_count.end(), row_count.begin());
  p.row_start_ = row_count;
  p.row_columns_.assign(p.column_rows_.size(), 0);
  if (any_coefficient_) {
    p.row_coefficients_.assign(p.column_rows_.size(), 0.0);
  }
  std::vector<std::int64_t> next(row_count.begin(), row_count.end() - 1);
  for (Index j = 0; j < columns; ++j) {  // columns in increasing order: rows stay ascending
    for (auto k = p.column_start_[j]; k < p.column_start_[j + 1]; ++k) {
      const auto slot = next[p.column_rows_[k]]++;
      p.row_columns_[slot] = j;
      if (any_coefficient_) {
        p.row_coefficients_[slot] = p.column_coefficients_[k];
      }
    }
  }

  std::vector<std::vector<Index>> conflicts(static_cast<std::size_t>(columns));
  for (const auto& [a, b] : conflicts_) {
    check_column("conflict", a);
    check_column("conflict", b);
    if (a == b) {
      throw InvalidInputError("conflict names column " + std::to_string(a) + " twice");
    }
    conflicts[a].push_back(b);
    conflicts[b].push_back(a);
  }
  for (auto& list : conflicts) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  p.has_conflicts_ = !conflicts_.empty();
  compress(conflicts, p.conflict_start_, p.conflicts_);

  if (!groups_.empty()) {
    p.group_of_.assign(static_cast<std::size_t>(columns), -1);
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      for (const Index j : groups_[g]) {
        check_column("group " + std::to_string(g), j);
        if (p.group_of_[j] >= 0) {
          throw DuplicateIdError("column " + std::to_string(j) + " is in group " +
                                 std::to_string(p.group_of_[j]) + " and in group " +
                                 std::to_string(g));
        }
        p.group_of_[j] = static_cast<Index>(g);
      }
    }
    compress(groups_, p.group_start_, p.group_columns_);
  }

  p.fixed_flag_.assign(static_cast<std::size_t>(columns), 0);
  for (const Index column : fixed_) {
    check_column("fix", column);
    p.fixed_flag_[column] = 1;
  }
  std::sort(fixed_.begin(), fixed_.end());
  fixed_.erase(std::unique(fixed_.begin(), fixed_.end()), fixed_.end());
  p.fixed_ = std::move(fixed_);
  return std::move(p);
}

}  // namespace teamwright::cover
