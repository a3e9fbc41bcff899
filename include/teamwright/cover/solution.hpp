#pragma once

/// \file
/// What a covering solver returns. Infeasible and unsolved problems are results, not errors.

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "teamwright/cover/problem.hpp"

namespace teamwright::cover {

/// The outcome of a solve.
enum class Status {
  kOptimal,          ///< A solution proven optimal (its cost equals the bound).
  kFeasible,         ///< A solution meeting every constraint, not proven optimal.
  kInfeasible,       ///< Proven: no solution exists; `infeasibilities` says why.
  kNoSolutionFound,  ///< The solver found no solution and could not prove none exists.
};

/// The file-format name: "optimal", "feasible", "infeasible", "no_solution_found".
[[nodiscard]] std::string_view to_string(Status status);

/// A reason no solution exists. Reasons are stated about "usable" columns: the kept fixed
/// columns (fixed columns in ascending order, each kept unless it conflicts with one kept
/// before it), and the other columns that conflict with no kept fixed column, fit in the budget
/// left by the kept fixed columns and, if they count towards size, in the size left by them.
/// A limit the kept fixed columns already break (kFixedOverBudget, kFixedOverMaxSize) is left
/// out of that reading.
struct Infeasibility {
  enum class Kind {
    kRowCapacity,       ///< rows[0] has fewer usable columns than its demand.
    kSlotCapacity,      ///< the slot rows in `rows` together need more columns than `columns`,
                        ///< all usable columns that could fill them.
    kFixedConflict,     ///< fixed columns[0] and columns[1] conflict.
    kFixedOverBudget,   ///< the fixed `columns` weigh more than the budget.
    kFixedOverMaxSize,  ///< the fixed `columns` are more than the maximum size.
    kTooFewColumns,     ///< fewer usable columns count towards size than the minimum size.
    kSizeBound,         ///< rows[...] alone need `bound` columns, more than the maximum size.
    kBudgetBound,       ///< rows[...] alone need weight `bound`, more than the budget.
    kExhaustedSearch,   ///< an exhaustive search (exact mode) found no combination of columns
                        ///< meeting every constraint together.
  };
  Kind kind = Kind::kRowCapacity;
  std::vector<Index> rows;
  std::vector<Index> columns;
  /// The demand that cannot be met (kRowCapacity, kSlotCapacity), or the bound that exceeds the
  /// limit (kSizeBound, kBudgetBound).
  double bound = 0;
  /// How many usable columns could serve (kRowCapacity, kSlotCapacity, kTooFewColumns).
  int available = 0;

  friend bool operator==(const Infeasibility&, const Infeasibility&) = default;
};

/// Why a solve stopped.
enum class Termination {
  kCompleted,  ///< the solver finished its work (exact mode: proved optimality or infeasibility)
  kTimeLimit,  ///< the time limit was reached
  kCancelled,  ///< the cancellation token was set
};

/// The name of a termination reason: "completed", "time_limit", "cancelled".
[[nodiscard]] std::string_view to_string(Termination termination);

/// A solver's answer.
struct Solution {
  Status status = Status::kNoSolutionFound;
  /// Chosen columns, ascending. When no solution exists: the best partial cover found, which
  /// meets as much of every row as the row can be met.
  std::vector<Index> columns;
  /// Total cost of `columns`.
  double cost = 0;
  /// A lower bound on the cost of any solution (meaningless when infeasible).
  double bound = 0;
  /// For slot rows: which chosen column fills which slot row, by column.
  std::vector<std::pair<Index, Index>> slot_assignment;
  /// Rows whose demand `columns` leave unmet, ascending.
  std::vector<Index> short_rows;
  /// Why no solution exists (status kInfeasible only).
  std::vector<Infeasibility> infeasibilities;
  Termination termination = Termination::kCompleted;
  /// Seconds from the start of the solve until `columns` was found, and in all.
  double time_to_best_s = 0;
  double time_s = 0;
};

}  // namespace teamwright::cover
