// Linear assignment by shortest augmenting paths (Jonker and Volgenant 1987; rectangular case as
// in Crouse 2016). See include/teamwright/assign/linear.hpp and docs/algorithms.md.
//
// The solver works on an n x m matrix with n <= m (a wider matrix is solved transposed) and keeps
// column duals v; a row's dual is implicit, u_i = c(i, x_i) - v(x_i), and every assigned row's
// column minimises c(i, j) - v(j) over its row (dual feasibility). On a square matrix the start
// is JV's column reduction and reduction transfer; on a rectangular one every v starts at 0 and
// only ever decreases, so columns never assigned keep v = 0, which is what makes the rectangular
// solution optimal (Crouse, section III). Both then run two passes of augmenting row reduction
// and finish each remaining free row with one shortest augmenting path.

#include "teamwright/assign/linear.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

#include "teamwright/error.hpp"

namespace teamwright::assign {
namespace {

using Index = std::int64_t;

// A working cost that marks a forbidden pair; never produced by a valid cost.
template <class T>
constexpr T kForbidden = std::numeric_limits<T>::has_infinity ? std::numeric_limits<T>::infinity()
                                                              : std::numeric_limits<T>::max();

// A path length larger than any real one (see the bound checked in validate()).
template <class T>
constexpr T kUnreachable = std::numeric_limits<T>::has_infinity ? std::numeric_limits<T>::infinity()
                                                                : std::numeric_limits<T>::max() / 2;

// Integer costs with |c| <= this bound keep every dual and path length far from overflow: duals
// and path lengths are sums of at most 2 (n + 1) costs.
Index integer_cost_limit(Index shorter_side) { return (Index{1} << 62) / (4 * (shorter_side + 1)); }

std::string where(Index i, Index j) {
  return "cost (" + std::to_string(i) + ", " + std::to_string(j) + ")";
}

template <class T>
void validate(MatrixView<T> cost, const AssignmentOptions& options) {
  if (cost.rows < 0 || cost.cols < 0 || (cost.rows > 0 && cost.row_stride < cost.cols)) {
    throw InvalidInputError("cost matrix: " + std::to_string(cost.rows) + " x " +
                            std::to_string(cost.cols) + " with row stride " +
                            std::to_string(cost.row_stride) + " is not a matrix");
  }
  if (options.forbidden.data != nullptr &&
      (options.forbidden.rows != cost.rows || options.forbidden.cols != cost.cols ||
       options.forbidden.row_stride < options.forbidden.cols)) {
    throw InvalidInputError("forbidden mask: its shape " + std::to_string(options.forbidden.rows) +
                            " x " + std::to_string(options.forbidden.cols) +
                            " must be the cost matrix's " + std::to_string(cost.rows) + " x " +
                            std::to_string(cost.cols));
  }
  const bool maximize = options.sense == Sense::kMaximize;
  if constexpr (std::is_floating_point_v<T>) {
    const T wrong =
        maximize ? std::numeric_limits<T>::infinity() : -std::numeric_limits<T>::infinity();
    for (Index i = 0; i < cost.rows; ++i) {
      // c - c is 0 for a finite cost and NaN for NaN or an infinity: four running sums of it
      // pass a finite row at the speed of memory; a row with a NaN or an infinity (perhaps a
      // forbidden pair) is read again, cost by cost.
      const T* row = cost.data + i * cost.row_stride;
      std::array<T, 4> sums{};
      Index j = 0;
      for (; j + 4 <= cost.cols; j += 4) {
        for (std::size_t k = 0; k < 4; ++k) {
          sums[k] += row[j + static_cast<Index>(k)] - row[j + static_cast<Index>(k)];
        }
      }
      for (; j < cost.cols; ++j) {
        sums[0] += row[j] - row[j];
      }
      if (!std::isnan(sums[0] + sums[1] + sums[2] + sums[3])) {
        continue;
      }
      for (j = 0; j < cost.cols; ++j) {
        const T c = row[j];
        if (std::isnan(c)) {
          throw InvalidInputError(where(i, j) + ": NaN is not a cost");
        }
        if (c == wrong) {
          throw InvalidInputError(where(i, j) + ": " + (c > 0 ? "+inf" : "-inf") +
                                  " is not a cost; only " + (maximize ? "-inf" : "+inf") +
                                  " forbids a pair when " +
                                  (maximize ? "maximising" : "minimising"));
        }
      }
    }
  } else {
    const Index limit = integer_cost_limit(std::min(cost.rows, cost.cols));
    for (Index i = 0; i < cost.rows; ++i) {
      for (Index j = 0; j < cost.cols; ++j) {
        const T c = cost(i, j);
        if (c > limit || c < -limit) {
          throw OutOfRangeError(where(i, j) + ": |" + std::to_string(c) + "| exceeds " +
                                std::to_string(limit) +
                                ", the largest integer cost that is exact for this shape");
        }
      }
    }
  }
}

// The n x m (n <= m) minimisation the algorithm runs on. A forbidden pair holds kForbidden.
template <class T>
class Solver {
 public:
  // `masked`: some costs are kForbidden (the caller's mask was applied to a copy).
  Solver(const T* data, Index rows, Index cols, Index stride, bool masked)
      : c_(data),
        n_(rows),
        m_(cols),
        stride_(stride),
        masked_(masked),
        x_(rows, -1),
        y_(cols, -1),
        v_(cols, 0) {}

  // Row i's column in an optimal assignment, or nothing when there is no assignment. The column
  // duals are then `column_duals()`. When `stop` (if set) returns true before an augmentation,
  // the rows matched so far (others -1) and `stopped()`.
  std::optional<std::vector<Index>> solve(const std::function<bool()>& stop) {
    std::vector<Index> free_rows;
    if (n_ == m_) {
      if (!reduce_columns(free_rows)) {
        return std::nullopt;
      }
    } else {
      free_rows.resize(static_cast<std::size_t>(n_));
      for (Index i = 0; i < n_; ++i) {
        free_rows[static_cast<std::size_t>(i)] = i;
      }
    }
    for (int pass = 0; pass < 2 && !free_rows.empty(); ++pass) {
      if (stop && stop()) {
        stopped_ = true;
        return x_;
      }
      reduce_rows(free_rows);
    }
    std::vector<T> key(static_cast<std::size_t>(m_));
    std::vector<Index> pred(static_cast<std::size_t>(m_));
    std::vector<Index> columns(static_cast<std::size_t>(m_));
    for (const Index f : free_rows) {
      if (stop && stop()) {
        stopped_ = true;
        return x_;
      }
      if (!augment(f, key, pred, columns)) {
        return std::nullopt;
      }
    }
    return x_;
  }

  [[nodiscard]] const std::vector<T>& column_duals() const { return v_; }
  [[nodiscard]] bool stopped() const { return stopped_; }

 private:
  static constexpr Index kBlock = 8;
  // Costs in a cache line.
  static constexpr Index kLine = 64 / static_cast<Index>(sizeof(T));
  static bool forbidden(T c) { return c == kForbidden<T>; }
  // The reduced cost c - v of an allowed pair, kUnreachable for a forbidden one (for floating
  // point costs, inf - v is inf already).
  static T reduced(T c, T v) {
    if constexpr (std::is_floating_point_v<T>) {
      return c - v;
    } else {
      return forbidden(c) ? kUnreachable<T> : c - v;
    }
  }
  // What the augmentation adds to a column's distance to keep as its key. For integer costs the
  // column's dual: a relaxation through a row with dual u then compares c - u with the key, and
  // the arithmetic is exact. For floating-point costs 0, so that distances are rounded as
  // c - v - u, the way the duals' certificate is checked.
  T shift(Index j) const {
    if constexpr (std::is_floating_point_v<T>) {
      return 0;
    } else {
      return v_[static_cast<std::size_t>(j)];
    }
  }
  // The least of a block, as a tree of pairwise minima.
  static T least(const std::array<T, kBlock>& h) {
    const T a = std::min(std::min(h[0], h[1]), std::min(h[2], h[3]));
    const T b = std::min(std::min(h[4], h[5]), std::min(h[6], h[7]));
    return std::min(a, b);
  }
  [[nodiscard]] const T* row(Index i) const { return c_ + i * stride_; }
  T& v(Index j) { return v_[static_cast<std::size_t>(j)]; }
  Index& x(Index i) { return x_[static_cast<std::size_t>(i)]; }
  Index& y(Index j) { return y_[static_cast<std::size_t>(j)]; }

  // JV column reduction and reduction transfer (square matrices only). Fills `free_rows` with
  // the rows left unassigned; false when some column has no allowed row.
  bool reduce_columns(std::vector<Index>& free_rows) {
    std::vector<Index> argmin(static_cast<std::size_t>(m_), -1);
    std::fill(v_.begin(), v_.end(), kUnreachable<T>);
    for (Index i = 0; i < n_; ++i) {  // row by row for the cache; the first minimum wins
      const T* ci = row(i);
      for (Index j = 0; j < m_; ++j) {
        if (!forbidden(ci[j]) && ci[j] < v(j)) {
          v(j) = ci[j];
          argmin[static_cast<std::size_t>(j)] = i;
        }
      }
    }
    std::vector<int> matches(static_cast<std::size_t>(n_), 0);
    for (Index j = m_ - 1; j >= 0; --j) {
      const Index i = argmin[static_cast<std::size_t>(j)];
      if (i < 0) {
        return false;
      }
      if (++matches[static_cast<std::size_t>(i)] == 1) {
        x(i) = j;
        y(j) = i;
      }
    }
    for (Index i = 0; i < n_; ++i) {
      const int count = matches[static_cast<std::size_t>(i)];
      if (count == 0) {
        free_rows.push_back(i);
      } else if (count == 1) {
        // Transfer the row's slack to its column: u_i becomes its second-smallest reduced cost.
        const Index j1 = x(i);
        const T* ci = row(i);
        T second = kUnreachable<T>;
        for (Index j = 0; j < m_; ++j) {
          if (j != j1 && !forbidden(ci[j])) {
            second = std::min(second, ci[j] - v(j));
          }
        }
        if (second != kUnreachable<T>) {
          v(j1) -= second;
        }
      }
    }
    return true;
  }

  // One pass of JV's augmenting row reduction: each free row takes the column with its smallest
  // reduced cost, lowering that column's dual by the gap to its second smallest so the row keeps
  // it; a row so displaced tries again at once. Rows it cannot place stay in `free_rows`.
  void reduce_rows(std::vector<Index>& free_rows) {
    const std::size_t previous = free_rows.size();
    std::size_t k = 0;
    std::size_t kept = 0;
    // Immediate retries are bounded so that the pass ends even when the dual decreases are tiny.
    Index retries = 16 * n_ + 64;
    while (k < previous) {
      const Index i = free_rows[k++];
      const T* ci = row(i);
      Index j1 = -1;
      Index j2 = -1;
      T u1 = kUnreachable<T>;
      T u2 = kUnreachable<T>;
      // The two smallest reduced costs, a block of kBlock columns at a time: a block none of
      // whose costs is below the second smallest so far is passed over after computing them,
      // without a branch per column (most blocks, once the two are small).
      const T* dual = v_.data();
      const auto consider = [&](Index j, T h) {
        if (h < u2) {
          if (h < u1) {
            u2 = u1;
            j2 = j1;
            u1 = h;
            j1 = j;
          } else {
            u2 = h;
            j2 = j;
          }
        }
      };
      Index j = 0;
      for (; j + kBlock <= m_; j += kBlock) {
        std::array<T, kBlock> h;
        for (Index b = 0; b < kBlock; ++b) {
          h[static_cast<std::size_t>(b)] = reduced(ci[j + b], dual[j + b]);
        }
        if (!(least(h) < u2)) {
          continue;
        }
        for (Index b = 0; b < kBlock; ++b) {
          consider(j + b, h[static_cast<std::size_t>(b)]);
        }
      }
      for (; j < m_; ++j) {
        consider(j, reduced(ci[j], dual[j]));
      }
      if (j1 < 0) {  // no allowed column: the augmentation reports it
        free_rows[kept++] = i;
        continue;
      }
      Index i0 = y(j1);
      const bool lowered = j2 >= 0 && u1 < u2;
      if (lowered) {
        v(j1) -= u2 - u1;
      } else if (i0 >= 0) {
        if (j2 < 0) {  // its only column is taken: leave it to the augmentation
          free_rows[kept++] = i;
          continue;
        }
        j1 = j2;  // a tie: take the other column instead
        i0 = y(j1);
      }
      x(i) = j1;
      y(j1) = i;
      if (i0 >= 0) {
        x(i0) = -1;
        if (lowered && retries > 0) {
          --retries;
          free_rows[--k] = i0;
        } else {
          free_rows[kept++] = i0;
        }
      }
    }
    free_rows.resize(kept);
  }

  // One Dijkstra-like shortest augmenting path from free row f (JV's augmentation). `columns`
  // is partitioned into the columns done [0, low), those at the current minimum distance
  // [low, up) and the rest [up, m); `key[k]` holds the distance of `columns[k]` plus its shift,
  // in that same order, so that a scan reads the keys front to back. False when no unassigned
  // column can be reached.
  bool augment(Index f, std::vector<T>& key, std::vector<Index>& pred,
               std::vector<Index>& columns) {
    const T* cf = row(f);
    const auto m = static_cast<std::size_t>(m_);
    for (Index j = 0; j < m_; ++j) {
      const auto sj = static_cast<std::size_t>(j);
      key[sj] = forbidden(cf[j]) ? kUnreachable<T> : cf[j] - v(j) + shift(j);
      pred[sj] = f;
      columns[sj] = j;
    }
    const auto distance = [&](std::size_t k) {
      return key[k] == kUnreachable<T> ? kUnreachable<T> : key[k] - shift(columns[k]);
    };
    const auto move = [&](std::size_t from, std::size_t to) {
      std::swap(columns[from], columns[to]);
      std::swap(key[from], key[to]);
    };
    std::size_t low = 0;
    std::size_t up = 0;
    std::size_t last = 0;
    T minimum = 0;
    Index end = -1;
    while (end < 0) {
      if (up == low) {
        // The next columns at minimum distance; stop at an unassigned one.
        last = low;
        minimum = distance(up++);
        for (std::size_t k = up; k < m; ++k) {
          const T h = distance(k);
          if (h <= minimum) {
            if (h < minimum) {
              up = low;
              minimum = h;
            }
            move(k, up++);
          }
        }
        if (minimum == kUnreachable<T>) {
          return false;
        }
        for (std::size_t k = low; k < up; ++k) {
          if (y(columns[k]) < 0) {
            end = columns[k];
            break;
          }
        }
        if (end >= 0) {
          break;
        }
      }
      // Scan one column at the minimum: relax the distances through its row.
      const Index j1 = columns[low++];
      const Index i = y(j1);
      const T* ci = row(i);
      if (low < up) {
        // The row scanned next, fetched while this one is: its costs are read out of order.
        const T* next = row(y(columns[low]));
        for (Index j = 0; j < m_; j += kLine) {
          __builtin_prefetch(next + j);
        }
      }
      const T u = ci[j1] - v(j1) - minimum;
      for (std::size_t k = up; k < m; ++k) {
        const Index j = columns[k];
        const T c = ci[j];
        if constexpr (!std::is_floating_point_v<T>) {
          if (masked_ && forbidden(c)) {
            continue;
          }
        }
        // For floating-point costs a forbidden pair gives +inf.
        const T through = std::is_floating_point_v<T> ? c - v(j) - u : c - u;
        if (through < key[k]) {
          key[k] = through;
          pred[static_cast<std::size_t>(j)] = i;
          if (through - shift(j) == minimum) {
            if (y(j) < 0) {
              end = j;
              break;
            }
            move(k, up++);
          }
        }
      }
    }
    // Columns done move their duals so that reduced costs stay non-negative.
    for (std::size_t k = 0; k < last; ++k) {
      const Index j = columns[k];
      v(j) += distance(k) - minimum;
    }
    // Flip the path.
    Index i = -1;
    do {
      i = pred[static_cast<std::size_t>(end)];
      y(end) = i;
      std::swap(end, x(i));
    } while (i != f);
    return true;
  }

  const T* c_;
  Index n_;
  Index m_;
  Index stride_;
  bool masked_;
  std::vector<Index> x_;  // row -> column
  std::vector<Index> y_;  // column -> row
  std::vector<T> v_;      // column duals
  bool stopped_ = false;
};

}  // namespace

template <class T>
Assignment<T> linear_assignment(MatrixView<T> cost, const AssignmentOptions& options) {
  return linear_assignment(cost, options, {});
}

template <class T>
Assignment<T> linear_assignment(MatrixView<T> cost, const AssignmentOptions& options,
                                const std::function<bool()>& stop) {
  validate(cost, options);
  Assignment<T> result;
  if (cost.rows == 0 || cost.cols == 0) {
    return result;
  }
  const bool transpose = cost.rows > cost.cols;
  const bool maximize = options.sense == Sense::kMaximize;
  const bool masked = options.forbidden.data != nullptr;
  const Index n = transpose ? cost.cols : cost.rows;
  const Index m = transpose ? cost.rows : cost.cols;

  // The solver needs n <= m and minimisation; transform into a copy only when that takes one.
  std::vector<T> copy;
  const T* data = cost.data;
  Index stride = cost.row_stride;
  if (transpose || maximize || masked) {
    copy.resize(static_cast<std::size_t>(n * m));
    for (Index i = 0; i < cost.rows; ++i) {
      for (Index j = 0; j < cost.cols; ++j) {
        T c = maximize ? -cost(i, j) : cost(i, j);
        if (masked && options.forbidden(i, j)) {
          c = kForbidden<T>;
        }
        copy[static_cast<std::size_t>(transpose ? j * m + i : i * m + j)] = c;
      }
    }
    data = copy.data();
    stride = m;
  }

  Solver<T> solver(data, n, m, stride, masked);
  const auto columns = solver.solve(stop);
  if (!columns) {
    result.feasible = false;
    return result;
  }
  result.complete = !solver.stopped();
  if (result.complete) {
    // Duals in the caller's orientation and sense: u_i = c(i, x_i) - v(x_i) on the working
    // matrix.
    std::vector<T> u(static_cast<std::size_t>(n));
    const std::vector<T>& v = solver.column_duals();
    for (Index i = 0; i < n; ++i) {
      const Index j = (*columns)[static_cast<std::size_t>(i)];
      u[static_cast<std::size_t>(i)] = data[i * stride + j] - v[static_cast<std::size_t>(j)];
    }
    result.row_duals = transpose ? v : u;
    result.col_duals = transpose ? u : v;
  }
  if (maximize) {
    for (auto* duals : {&result.row_duals, &result.col_duals}) {
      for (T& dual : *duals) {
        dual = -dual;
      }
    }
  }
  result.rows.reserve(static_cast<std::size_t>(n));
  result.cols.reserve(static_cast<std::size_t>(n));
  if (transpose) {  // (column of the original, its row), reported by ascending row
    std::vector<Index> row_of(static_cast<std::size_t>(m), -1);
    for (Index j = 0; j < n; ++j) {
      if (const Index i = (*columns)[static_cast<std::size_t>(j)]; i >= 0) {
        row_of[static_cast<std::size_t>(i)] = j;
      }
    }
    for (Index i = 0; i < m; ++i) {
      if (const Index j = row_of[static_cast<std::size_t>(i)]; j >= 0) {
        result.rows.push_back(i);
        result.cols.push_back(j);
      }
    }
  } else {
    for (Index i = 0; i < n; ++i) {
      if (const Index j = (*columns)[static_cast<std::size_t>(i)]; j >= 0) {
        result.rows.push_back(i);
        result.cols.push_back(j);
      }
    }
  }
  for (std::size_t k = 0; k < result.rows.size(); ++k) {
    result.objective += cost(result.rows[k], result.cols[k]);
  }
  return result;
}

template Assignment<double> linear_assignment(MatrixView<double>, const AssignmentOptions&);
template Assignment<std::int64_t> linear_assignment(MatrixView<std::int64_t>,
                                                    const AssignmentOptions&);
template Assignment<double> linear_assignment(MatrixView<double>, const AssignmentOptions&,
                                              const std::function<bool()>&);
template Assignment<std::int64_t> linear_assignment(MatrixView<std::int64_t>,
                                                    const AssignmentOptions&,
                                                    const std::function<bool()>&);

}  // namespace teamwright::assign
