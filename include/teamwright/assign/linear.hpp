#pragma once

/// \file
/// The linear assignment problem on a dense rectangular matrix: give every row of the shorter
/// side its own column of the longer side (or the other way round) so that the chosen costs sum
/// to the least (or the most). Exact and deterministic.
///
/// Algorithm: the shortest augmenting path method of R. Jonker and A. Volgenant, "A shortest
/// augmenting path algorithm for dense and sparse linear assignment problems", Computing 38
/// (1987) 325-340 — column reduction, reduction transfer and augmenting row reduction to start,
/// then Dijkstra-like augmentations — with the rectangular case handled as in D. F. Crouse,
/// "On implementing 2D rectangular assignment algorithms", IEEE Transactions on Aerospace and
/// Electronic Systems 52(4) (2016) 1679-1696 (column duals start at 0 and never rise, so a
/// column left unassigned keeps a zero dual). Details in docs/algorithms.md.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace teamwright::assign {

/// A read-only dense matrix stored row by row: element (i, j) is `data[i * row_stride + j]`.
/// The caller keeps the storage alive; nothing is copied unless the solve must transform it.
template <class T>
struct MatrixView {
  const T* data = nullptr;
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  /// Elements from one row to the next; at least `cols`.
  std::int64_t row_stride = 0;

  [[nodiscard]] const T& operator()(std::int64_t i, std::int64_t j) const {
    return data[i * row_stride + j];
  }
};

/// Whether the chosen costs should sum to the least or the most.
enum class Sense { kMinimize, kMaximize };

/// How to solve a linear assignment.
struct AssignmentOptions {
  Sense sense = Sense::kMinimize;
  /// Pairs that must not be chosen (true = forbidden), with the cost matrix's shape; a view
  /// without data forbids nothing. Floating-point costs may also forbid a pair with an infinite
  /// cost: +inf when minimising, -inf when maximising.
  MatrixView<bool> forbidden;
};

/// An optimal assignment, or the statement that the forbidden pairs leave none.
template <class T>
struct Assignment {
  /// Whether every row (or, when there are more rows than columns, every column) is assigned.
  /// When false the other fields are empty and zero.
  bool feasible = true;
  /// False when `stop` ended the solve early: the pairs are then those matched so far (a valid
  /// partial assignment, ascending by row, possibly empty), without duals.
  bool complete = true;
  /// Chosen pairs (rows[k], cols[k]), ascending by row.
  std::vector<std::int64_t> rows;
  std::vector<std::int64_t> cols;
  /// The sum of the chosen costs.
  T objective = 0;
  /// An optimality certificate: duals u (one per row) and v (one per column) with
  /// u_i + v_j <= cost(i, j) for every allowed pair (>= when maximising), equality on the chosen
  /// pairs, and, when the matrix is not square, the duals of the longer side <= 0 (>= 0 when
  /// maximising) and zero where unassigned.
  /// Their sum equals `objective`.
  std::vector<T> row_duals;
  std::vector<T> col_duals;
};

/// Solves the linear assignment problem for `cost`, a matrix of double or std::int64_t with any
/// number of rows and columns (an empty side gives the empty assignment). Integer costs are
/// solved in exact integer arithmetic.
/// \throws InvalidInputError for a NaN cost, an infinity in the wrong direction or a
///   `forbidden` mask of another shape; OutOfRangeError for integer costs so large that sums
///   along an augmenting path could overflow 64 bits (|cost| * 4 * (min(rows, cols) + 1) must
///   stay below 2^62).
template <class T>
[[nodiscard]] Assignment<T> linear_assignment(MatrixView<T> cost,
                                              const AssignmentOptions& options = {});
/// The same, asking `stop` before each augmentation (each costs at most O(rows x cols)): once it
/// returns true the solve ends with the pairs matched so far and `complete` false. This is how
/// the solvers built on it keep their time limit and cancellation token.
template <class T>
[[nodiscard]] Assignment<T> linear_assignment(MatrixView<T> cost, const AssignmentOptions& options,
                                              const std::function<bool()>& stop);

/// The independent checker: verifies that `assignment` is a valid one for `cost` (distinct rows
/// and columns, ascending rows, allowed pairs, one pair per item of the shorter side, objective
/// the sum of the chosen costs) and that its duals prove it optimal (for an incomplete one,
/// stopped early, only that its pairs are valid and distinct); for an answer of "no
/// assignment", that a maximum matching of the allowed pairs is indeed too small. Floating-point
/// comparisons allow a relative tolerance of 1e-9. Returns one sentence per violation; empty
/// means correct. Never throws.
template <class T>
[[nodiscard]] std::vector<std::string> check(MatrixView<T> cost, const AssignmentOptions& options,
                                             const Assignment<T>& assignment);

extern template Assignment<double> linear_assignment(MatrixView<double>, const AssignmentOptions&);
extern template Assignment<std::int64_t> linear_assignment(MatrixView<std::int64_t>,
                                                           const AssignmentOptions&);
extern template Assignment<double> linear_assignment(MatrixView<double>, const AssignmentOptions&,
                                                     const std::function<bool()>&);
extern template Assignment<std::int64_t> linear_assignment(MatrixView<std::int64_t>,
                                                           const AssignmentOptions&,
                                                           const std::function<bool()>&);

extern template std::vector<std::string> check(MatrixView<double>, const AssignmentOptions&,
                                               const Assignment<double>&);
extern template std::vector<std::string> check(MatrixView<std::int64_t>, const AssignmentOptions&,
                                               const Assignment<std::int64_t>&);

}  // namespace teamwright::assign
