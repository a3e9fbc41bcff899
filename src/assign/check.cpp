// The independent checker of linear assignments: validity from the matrix alone, optimality
// from the duals (LP duality), infeasibility from a maximum matching of the allowed pairs found
// here by simple augmenting paths (Kuhn's method), apart from the solver.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "teamwright/assign/linear.hpp"

namespace teamwright::assign {
namespace {

using Index = std::int64_t;

template <class T>
bool allowed(MatrixView<T> cost, const AssignmentOptions& options, Index i, Index j) {
  if (options.forbidden.data != nullptr && options.forbidden(i, j)) {
    return false;
  }
  if constexpr (std::is_floating_point_v<T>) {
    return std::isfinite(cost(i, j));
  } else {
    return true;
  }
}

// The size of a maximum matching of the allowed pairs.
template <class T>
Index maximum_matching(MatrixView<T> cost, const AssignmentOptions& options) {
  std::vector<Index> row_of(static_cast<std::size_t>(cost.cols), -1);
  std::vector<char> seen;
  const std::function<bool(Index)> try_row = [&](Index i) {
    for (Index j = 0; j < cost.cols; ++j) {
      if (!allowed(cost, options, i, j) || seen[static_cast<std::size_t>(j)] != 0) {
        continue;
      }
      seen[static_cast<std::size_t>(j)] = 1;
      const Index k = row_of[static_cast<std::size_t>(j)];
      if (k < 0 || try_row(k)) {
        row_of[static_cast<std::size_t>(j)] = i;
        return true;
      }
    }
    return false;
  };
  Index size = 0;
  for (Index i = 0; i < cost.rows; ++i) {
    seen.assign(static_cast<std::size_t>(cost.cols), 0);
    size += try_row(i) ? 1 : 0;
  }
  return size;
}

}  // namespace

template <class T>
std::vector<std::string> check(MatrixView<T> cost, const AssignmentOptions& options,
                               const Assignment<T>& a) {
  std::vector<std::string> errors;
  const Index shorter = std::min(cost.rows, cost.cols);
  if (!a.feasible) {
    if (maximum_matching(cost, options) == shorter) {
      errors.emplace_back(
          "no assignment is claimed, yet the allowed pairs match every item of "
          "the shorter side");
    }
    return errors;
  }
  if (a.rows.size() != a.cols.size() ||
      (a.complete ? static_cast<Index>(a.rows.size()) != shorter
                  : static_cast<Index>(a.rows.size()) > shorter)) {
    errors.push_back("the assignment has " + std::to_string(a.rows.size()) + " rows and " +
                     std::to_string(a.cols.size()) + " columns; it needs " +
                     std::to_string(shorter) + " pairs");
    return errors;
  }
  std::vector<char> row_used(static_cast<std::size_t>(cost.rows), 0);
  std::vector<char> col_used(static_cast<std::size_t>(cost.cols), 0);
  const bool maximize = options.sense == Sense::kMaximize;
  double scale = 1;
  T sum = 0;
  for (std::size_t k = 0; k < a.rows.size(); ++k) {
    const Index i = a.rows[k];
    const Index j = a.cols[k];
    if (i < 0 || i >= cost.rows || j < 0 || j >= cost.cols) {
      errors.push_back("pair " + std::to_string(k) + " is outside the matrix");
      return errors;
    }
    if (k > 0 && a.rows[k - 1] >= i) {
      errors.push_back("rows are not strictly ascending at pair " + std::to_string(k));
    }
    if (std::exchange(col_used[static_cast<std::size_t>(j)], 1) != 0) {
      errors.push_back("column " + std::to_string(j) + " is assigned twice");
    }
    row_used[static_cast<std::size_t>(i)] = 1;
    if (!allowed(cost, options, i, j)) {
      errors.push_back("pair (" + std::to_string(i) + ", " + std::to_string(j) + ") is forbidden");
      return errors;
    }
    sum += cost(i, j);
    scale = std::max(scale, std::abs(static_cast<double>(cost(i, j))));
  }
  const auto differ = [&](T left, T right) {
    if constexpr (std::is_floating_point_v<T>) {
      return std::abs(left - right) > 1e-9 * scale * static_cast<double>(shorter + 1);
    } else {
      return left != right;
    }
  };
  // Whether x lies beyond y in the objective's direction (x > y when minimising), beyond the
  // tolerance.
  const auto violates = [&](T x, T y) {
    return maximize ? (x < y && differ(x, y)) : (x > y && differ(x, y));
  };
  if (differ(sum, a.objective)) {
    errors.push_back("the objective " + std::to_string(a.objective) +
                     " is not the sum of the chosen costs " + std::to_string(sum));
  }
  if (!a.complete) {
    return errors;  // stopped early: valid pairs, nothing proven
  }
  if (a.row_duals.size() != static_cast<std::size_t>(cost.rows) ||
      a.col_duals.size() != static_cast<std::size_t>(cost.cols)) {
    errors.emplace_back("the duals do not have one value per row and per column");
    return errors;
  }
  T dual_sum = 0;
  for (const T u : a.row_duals) {
    dual_sum += u;
  }
  for (const T v : a.col_duals) {
    dual_sum += v;
  }
  if (differ(dual_sum, sum)) {
    errors.push_back("the duals sum to " + std::to_string(dual_sum) + ", not to the objective " +
                     std::to_string(sum));
  }
  for (Index i = 0; i < cost.rows; ++i) {
    for (Index j = 0; j < cost.cols; ++j) {
      if (allowed(cost, options, i, j) && violates(a.row_duals[static_cast<std::size_t>(i)] +
                                                       a.col_duals[static_cast<std::size_t>(j)],
                                                   cost(i, j))) {
        errors.push_back("the duals of row " + std::to_string(i) + " and column " +
                         std::to_string(j) + " exceed its cost in the objective's direction");
        return errors;
      }
    }
  }
  if (cost.rows != cost.cols) {  // the longer side's duals: signed, zero where unassigned
    const bool by_row = cost.rows > cost.cols;
    const auto& duals = by_row ? a.row_duals : a.col_duals;
    const auto& used = by_row ? row_used : col_used;
    for (std::size_t k = 0; k < duals.size(); ++k) {
      if (violates(duals[k], T{0}) || (used[k] == 0 && differ(duals[k], T{0}))) {
        errors.push_back(std::string(by_row ? "row " : "column ") + std::to_string(k) +
                         " of the longer side has a dual of the wrong sign, or a non-zero dual "
                         "while unassigned");
        return errors;
      }
    }
  }
  return errors;
}

template std::vector<std::string> check(MatrixView<double>, const AssignmentOptions&,
                                        const Assignment<double>&);
template std::vector<std::string> check(MatrixView<std::int64_t>, const AssignmentOptions&,
                                        const Assignment<std::int64_t>&);

}  // namespace teamwright::assign
