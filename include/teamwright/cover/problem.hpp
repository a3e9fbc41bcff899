#pragma once

/// \file
/// The covering engine's problem: weighted set multicover with side constraints. It knows
/// nothing about people or competencies; `team::compile` translates a request into it, and the
/// OR-Library set-covering instances are read into it directly.
///
///   minimise    sum_j cost_j x_j
///   subject to  sum_{j covers i} x_j >= demand_i          for every ordinary row i
///               each chosen column fills at most one slot, and slot row i gets demand_i of them
///               sum_j weight_j x_j <= budget,  min_size <= sum_{j counts} x_j <= max_size
///               x_a + x_b <= 1 for every conflict (a, b),  x_j = 1 for every fixed column
///               x_j in {0, 1}

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace teamwright::cover {

/// Row and column indices, 0-based.
using Index = std::int32_t;

/// How a column takes part in the side constraints.
struct ColumnOptions {
  /// Weight in the budget constraint; unset means the column's cost.
  std::optional<double> weight;
  /// Whether the column counts towards the size bounds.
  bool counts_toward_size = true;
};

/// An immutable problem, built by `Problem::Builder`. Both incidence directions are stored as
/// compressed sparse rows with ascending indices.
///
/// Thread safety: const access from many threads is safe.
class Problem {
 public:
  class Builder;

  [[nodiscard]] Index num_rows() const { return static_cast<Index>(demand_.size()); }
  [[nodiscard]] Index num_columns() const { return static_cast<Index>(cost_.size()); }
  [[nodiscard]] std::int64_t num_nonzeros() const {
    return static_cast<std::int64_t>(column_rows_.size());
  }

  /// How many chosen columns must cover the row (0 means the row is always met).
  [[nodiscard]] int demand(Index row) const { return demand_[row]; }
  /// Whether the row is a slot row: each column fills at most one slot row.
  [[nodiscard]] bool is_slot_row(Index row) const { return slot_[row] != 0; }
  [[nodiscard]] bool has_slot_rows() const { return has_slot_rows_; }
  [[nodiscard]] double cost(Index column) const { return cost_[column]; }
  [[nodiscard]] double weight(Index column) const { return weight_[column]; }
  [[nodiscard]] bool counts_toward_size(Index column) const { return counts_[column] != 0; }

  /// Rows covered by the column, ascending.
  [[nodiscard]] std::span<const Index> rows_of(Index column) const;
  /// Columns covering the row, ascending.
  [[nodiscard]] std::span<const Index> columns_of(Index row) const;
  /// Columns that must not be chosen together with this one, ascending.
  [[nodiscard]] std::span<const Index> conflicts_of(Index column) const;

  [[nodiscard]] std::optional<double> budget() const { return budget_; }
  [[nodiscard]] int min_size() const { return min_size_; }
  [[nodiscard]] std::optional<int> max_size() const { return max_size_; }
  /// Columns every solution contains, ascending.
  [[nodiscard]] std::span<const Index> fixed_columns() const { return fixed_; }
  [[nodiscard]] bool is_fixed(Index column) const { return fixed_flag_[column] != 0; }

 private:
  std::vector<int> demand_;
  std::vector<char> slot_;
  bool has_slot_rows_ = false;
  std::vector<double> cost_;
  std::vector<double> weight_;
  std::vector<char> counts_;
  std::vector<std::int64_t> column_start_{0};
  std::vector<Index> column_rows_;
  std::vector<std::int64_t> row_start_;
  std::vector<Index> row_columns_;
  std::vector<std::int64_t> conflict_start_;
  std::vector<Index> conflicts_;
  std::optional<double> budget_;
  int min_size_ = 0;
  std::optional<int> max_size_;
  std::vector<Index> fixed_;
  std::vector<char> fixed_flag_;
};

/// Collects rows, columns and side constraints, then checks them all in `build`.
class Problem::Builder {
 public:
  /// Adds a row and returns its index.
  Index add_row(int demand, bool slot = false);
  /// Adds a column covering `rows` (any order, no repeats) and returns its index.
  Index add_column(double cost, std::span<const Index> rows, ColumnOptions options = {});
  void set_budget(double budget);
  void set_size_bounds(int min_size, std::optional<int> max_size);
  /// Columns `a` and `b` must not both be chosen.
  void add_conflict(Index a, Index b);
  /// Every solution contains `column`.
  void fix(Index column);

  /// Checks every item and returns the problem. Throws `OutOfRangeError` for a negative demand,
  /// a negative or non-finite cost, weight or budget, bad size bounds or an index out of range;
  /// `DuplicateIdError` for a row listed twice by one column; `InvalidInputError` for a column in
  /// conflict with itself. The message names the row or column (0-based).
  [[nodiscard]] Problem build() &&;

 private:
  Problem problem_;
  std::vector<std::pair<Index, Index>> conflicts_;
  std::vector<Index> fixed_;
};

}  // namespace teamwright::cover
