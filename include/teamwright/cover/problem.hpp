#pragma once

/// \file
/// The covering engine's problem: weighted set multicover with side constraints. It knows
/// nothing about people or competencies; `team::compile` translates a request into it, and the
/// OR-Library set-covering instances are read into it directly.
///
///   minimise    sum_j cost_j x_j + sum_{soft i} penalty_i * shortfall_i
///   subject to  covered_i = sum_{j covers i} a_ij x_j  (a_ij > 0, 1 unless given)
///               covered_i >= demand_i                            for every hard row i
///               covered_i - max_{j chosen, covers i} a_ij >= demand_i   for robust rows: the row
///                                                 stays met when any one chosen column leaves
///               shortfall_i = max(0, demand_i - covered_i)      for soft rows
///               sum_{j in g} x_j <= 1 for every group g   (e.g. the variants of one person)
///               sum_j weight_j x_j <= budget,  min_size <= sum_{j counts} x_j <= max_size
///               x_a + x_b <= 1 for every conflict (a, b),  x_j = 1 for every fixed column
///               x_j in {0, 1}
///
/// A problem with unit coefficients, integral demands and none of soft rows, robust rows,
/// groups, conflicts, a budget or a maximum size is *pure* (OR-Library set covering and
/// multicover are); the engine has dedicated methods for those.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace teamwright::cover {

/// Row and column indices, 0-based.
using Index = std::int32_t;

/// How a row takes part: hard (the default), soft (may be left short at a penalty per unit of
/// demand missed), or robust (still met when any one chosen column covering it leaves).
struct RowOptions {
  /// Set: the row is soft and costs this much per unit of demand it is left short (finite,
  /// >= 0). A soft row cannot be robust.
  std::optional<double> penalty;
  bool robust = false;
};

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

  /// How much chosen columns must cover the row (0 means the row is always met).
  [[nodiscard]] double demand(Index row) const { return demand_[row]; }
  /// The penalty per unit short of a soft row; nothing for a hard row.
  [[nodiscard]] std::optional<double> penalty(Index row) const;
  [[nodiscard]] bool is_soft(Index row) const { return penalty_[row] >= 0; }
  [[nodiscard]] bool is_robust(Index row) const { return robust_[row] != 0; }
  [[nodiscard]] bool has_soft_rows() const { return has_soft_; }
  [[nodiscard]] bool has_robust_rows() const { return has_robust_; }

  [[nodiscard]] double cost(Index column) const { return cost_[column]; }
  [[nodiscard]] double weight(Index column) const { return weight_[column]; }
  [[nodiscard]] bool counts_toward_size(Index column) const { return counts_[column] != 0; }

  /// Rows covered by the column, ascending.
  [[nodiscard]] std::span<const Index> rows_of(Index column) const;
  /// Columns covering the row, ascending.
  [[nodiscard]] std::span<const Index> columns_of(Index row) const;
  /// Whether some coefficient differs from 1.
  [[nodiscard]] bool has_coefficients() const { return !column_coefficients_.empty(); }
  /// The coefficients of `rows_of(column)`, in the same order; empty when all are 1.
  [[nodiscard]] std::span<const double> coefficients_of(Index column) const;
  /// The coefficients of `columns_of(row)`, in the same order; empty when all are 1.
  [[nodiscard]] std::span<const double> coefficients_in(Index row) const;
  /// The coefficient of `column` in `row` (0 when it does not cover it). O(log k).
  [[nodiscard]] double coefficient(Index column, Index row) const;

  /// Columns that must not be chosen together with this one, ascending.
  [[nodiscard]] std::span<const Index> conflicts_of(Index column) const;

  /// Groups of columns of which at most one may be chosen; a column is in at most one.
  [[nodiscard]] Index num_groups() const { return static_cast<Index>(group_start_.size()) - 1; }
  [[nodiscard]] bool has_groups() const { return num_groups() > 0; }
  /// The columns of group `g`, ascending.
  [[nodiscard]] std::span<const Index> group(Index g) const;
  /// The group of a column, or -1.
  [[nodiscard]] Index group_of(Index column) const {
    return group_of_.empty() ? -1 : group_of_[column];
  }

  [[nodiscard]] std::optional<double> budget() const { return budget_; }
  [[nodiscard]] int min_size() const { return min_size_; }
  [[nodiscard]] std::optional<int> max_size() const { return max_size_; }
  /// Columns every solution contains, ascending.
  [[nodiscard]] std::span<const Index> fixed_columns() const { return fixed_; }
  [[nodiscard]] bool is_fixed(Index column) const { return fixed_flag_[column] != 0; }

  /// Whether the problem is pure (see the file comment).
  [[nodiscard]] bool is_pure() const;

 private:
  std::vector<double> demand_;
  std::vector<double> penalty_;  // < 0 for hard rows
  std::vector<char> robust_;
  bool has_soft_ = false;
  bool has_robust_ = false;
  bool has_conflicts_ = false;
  std::vector<double> cost_;
  std::vector<double> weight_;
  std::vector<char> counts_;
  std::vector<std::int64_t> column_start_{0};
  std::vector<Index> column_rows_;
  std::vector<double> column_coefficients_;
  std::vector<std::int64_t> row_start_;
  std::vector<Index> row_columns_;
  std::vector<double> row_coefficients_;
  std::vector<std::int64_t> conflict_start_;
  std::vector<Index> conflicts_;
  std::vector<std::int64_t> group_start_{0};
  std::vector<Index> group_columns_;
  std::vector<Index> group_of_;
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
  Index add_row(double demand, RowOptions options = {});
  /// Adds a column covering `rows` (any order, no repeats) with coefficient 1 in each, and
  /// returns its index.
  Index add_column(double cost, std::span<const Index> rows, ColumnOptions options = {});
  /// Adds a column covering `rows` with the given coefficients (one per row, each > 0).
  Index add_column(double cost, std::span<const Index> rows, std::span<const double> coefficients,
                   ColumnOptions options = {});
  void set_budget(double budget);
  void set_size_bounds(int min_size, std::optional<int> max_size);
  /// Columns `a` and `b` must not both be chosen.
  void add_conflict(Index a, Index b);
  /// At most one of `columns` may be chosen.
  void add_group(std::span<const Index> columns);
  /// Every solution contains `column`.
  void fix(Index column);

  /// Checks every item and returns the problem. Throws `OutOfRangeError` for a negative or
  /// non-finite demand, penalty, cost, weight or budget, a coefficient that is not finite and
  /// > 0, bad size bounds or an index out of range; `DuplicateIdError` for a row listed twice
  /// by one column or a column listed twice by groups; `InvalidInputError` for a column in
  /// conflict with itself, a soft robust row or coefficients that do not match the rows. The
  /// message names the row or column (0-based).
  [[nodiscard]] Problem build() &&;

 private:
  Problem problem_;
  std::vector<std::pair<Index, Index>> conflicts_;
  std::vector<std::vector<Index>> groups_;
  std::vector<Index> fixed_;
  bool any_coefficient_ = false;
};

}  // namespace teamwright::cover
