#include "teamwright/cover/problem.hpp"

#include <algorithm>
#include <cmath>
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

}  // namespace

std::span<const Index> Problem::rows_of(Index column) const {
  return std::span<const Index>(column_rows_)
      .subspan(column_start_[column], column_start_[column + 1] - column_start_[column]);
}

std::span<const Index> Problem::columns_of(Index row) const {
  return std::span<const Index>(row_columns_)
      .subspan(row_start_[row], row_start_[row + 1] - row_start_[row]);
}

std::span<const Index> Problem::conflicts_of(Index column) const {
  return std::span<const Index>(conflicts_)
      .subspan(conflict_start_[column], conflict_start_[column + 1] - conflict_start_[column]);
}

Index Problem::Builder::add_row(int demand, bool slot) {
  if (demand < 0) {
    throw OutOfRangeError("row " + std::to_string(problem_.demand_.size()) + ": demand " +
                          std::to_string(demand) + " is below 0");
  }
  problem_.demand_.push_back(demand);
  problem_.slot_.push_back(slot ? 1 : 0);
  problem_.has_slot_rows_ = problem_.has_slot_rows_ || slot;
  return static_cast<Index>(problem_.demand_.size() - 1);
}

Index Problem::Builder::add_column(double cost, std::span<const Index> rows,
                                   ColumnOptions options) {
  const std::string where = "column " + std::to_string(problem_.cost_.size());
  check_nonnegative(where + ": cost", cost);
  const double weight = options.weight.value_or(cost);
  check_nonnegative(where + ": weight", weight);
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

  std::vector<std::vector<Index>> by_row(static_cast<std::size_t>(rows));
  for (Index j = 0; j < columns; ++j) {
    auto own = std::span<Index>(p.column_rows_)
                   .subspan(p.column_start_[j], p.column_start_[j + 1] - p.column_start_[j]);
    std::sort(own.begin(), own.end());
    for (std::size_t k = 0; k < own.size(); ++k) {
      if (own[k] < 0 || own[k] >= rows) {
        throw OutOfRangeError("column " + std::to_string(j) + " covers row " +
                              std::to_string(own[k]) + ", outside [0, " + std::to_string(rows) +
                              ")");
      }
      if (k > 0 && own[k] == own[k - 1]) {
        throw DuplicateIdError("column " + std::to_string(j) + " lists row " +
                               std::to_string(own[k]) + " twice");
      }
      by_row[own[k]].push_back(j);
    }
  }
  compress(by_row, p.row_start_, p.row_columns_);

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
  compress(conflicts, p.conflict_start_, p.conflicts_);

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
