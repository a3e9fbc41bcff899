#pragma once

/// \file
/// What a covering solver returns. Infeasible and unsolved problems are results, not errors.

#include <vector>

#include "teamwright/cover/problem.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::cover {

using teamwright::Status;
using teamwright::Termination;

/// A reason no solution exists. Reasons are stated about "usable" columns: the kept fixed
/// columns (fixed columns in ascending order, each kept unless it conflicts with, or shares a
/// group with, one kept before it), and the other columns that conflict with no kept fixed
/// column, share no group with one, fit in the budget left by the kept fixed columns and, if
/// they count towards size, in the size left by them. A limit the kept fixed columns already
/// break (kFixedOverBudget, kFixedOverMaxSize) is left out of that reading. Columns of one group
/// count once: a group can serve a row with its best usable column.
struct Infeasibility {
  enum class Kind {
    kRowCapacity,       ///< hard rows[0] cannot be met even by every usable group (`available`
                        ///< of them, listed in `columns`); `bound` is its demand.
    kFixedConflict,     ///< fixed columns[0] and columns[1] conflict or share a group.
    kFixedOverBudget,   ///< the fixed `columns` weigh more than the budget.
    kFixedOverMaxSize,  ///< the fixed `columns` are more than the maximum size.
    kTooFewColumns,     ///< fewer usable groups count towards size than the minimum size.
    kSizeBound,         ///< hard rows[...] alone need `bound` columns, more than the maximum size.
    kBudgetBound,       ///< hard rows[...] alone need weight `bound`, more than the budget.
    kExhaustedSearch,   ///< an exhaustive search (exact mode) found no combination of columns
                        ///< meeting every constraint together.
  };
  Kind kind = Kind::kRowCapacity;
  std::vector<Index> rows;
  std::vector<Index> columns;
  /// The demand that cannot be met (kRowCapacity), or the bound that exceeds the limit
  /// (kSizeBound, kBudgetBound, kFixedOverBudget, kFixedOverMaxSize).
  double bound = 0;
  /// How many usable groups could serve (kRowCapacity, kTooFewColumns).
  int available = 0;

  friend bool operator==(const Infeasibility&, const Infeasibility&) = default;
};

/// A solver's answer.
struct Solution {
  Status status = Status::kNoSolutionFound;
  /// Chosen columns, ascending. When no solution exists: the best partial cover found, which
  /// meets every row as far as it can be met.
  std::vector<Index> columns;
  /// The objective: the columns' total cost plus the penalties of soft rows left short.
  double cost = 0;
  /// The part of `cost` that is penalties.
  double penalty = 0;
  /// A lower bound on the objective of any solution (meaningless when infeasible).
  double bound = 0;
  /// `relative_gap(cost, bound)` for a solution; infinity without one.
  double relative_gap = 0;
  /// Rows whose demand `columns` leave unmet (soft rows included), ascending.
  std::vector<Index> short_rows;
  /// Why no solution exists (status kInfeasible only).
  std::vector<Infeasibility> infeasibilities;
  Termination termination = Termination::kCompleted;
  /// Seconds from the start of the solve until `columns` was found, and in all.
  double time_to_best_s = 0;
  double time_s = 0;
};

}  // namespace teamwright::cover
