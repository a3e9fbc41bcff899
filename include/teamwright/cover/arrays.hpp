#pragma once

/// \file
/// A covering problem as flat arrays, for other solvers and for serialisation: per row its
/// demand, penalty and robustness; per column its cost, weight, size flag and group; the
/// columns' rows and coefficients as compressed sparse columns; conflicts and limits.
/// `from_arrays(to_arrays(p))` is `p` again.

#include <cstdint>
#include <optional>
#include <vector>

#include "teamwright/cover/problem.hpp"

namespace teamwright::cover {

struct ProblemArrays {
  std::vector<double> demand;
  /// Per row: the penalty per unit short of a soft row, NaN for a hard row.
  std::vector<double> penalty;
  std::vector<std::uint8_t> robust;
  std::vector<double> cost;
  std::vector<double> weight;
  std::vector<std::uint8_t> counts_toward_size;
  /// Per column: its group, or -1.
  std::vector<Index> group;
  /// Column j covers rows[column_start[j] .. column_start[j + 1]) with those coefficients.
  std::vector<std::int64_t> column_start{0};
  std::vector<Index> rows;
  std::vector<double> coefficients;
  /// Pairs of columns that must not both be chosen, flattened: (a0, b0, a1, b1, ...).
  std::vector<Index> conflicts;
  std::optional<double> budget;
  int min_size = 0;
  std::optional<int> max_size;
  std::vector<Index> fixed;
};

[[nodiscard]] ProblemArrays to_arrays(const Problem& problem);

/// The problem the arrays describe. Per-row and per-column arrays may be left empty for their
/// defaults (hard, not robust; weight = cost, counted, no group; coefficients 1). Throws
/// `InvalidInputError` naming the array for lengths that do not match or column starts that do
/// not ascend to `rows.size()`, and whatever `Problem::Builder::build` throws for the items.
[[nodiscard]] Problem from_arrays(const ProblemArrays& arrays);

}  // namespace teamwright::cover
