#pragma once

// What can be proven about a covering problem before searching it, shared by every solver:
// the columns any solution may use, how far each row can be met, the reasons no solution
// exists, and a simple lower bound.

#include <optional>
#include <span>
#include <vector>

#include "teamwright/cover/problem.hpp"
#include "teamwright/cover/solution.hpp"
#include "util/b_matching.hpp"

namespace teamwright::cover::detail {

/// Whether `value` is at most `limit`, up to a relative tolerance of 1e-9.
bool within(double value, double limit);

/// The side-constraint limits a solve works to: the problem's own, or relaxed where they are
/// already proven impossible so that a best partial cover can still be built.
struct Limits {
  std::optional<double> budget;
  int min_size = 0;
  std::optional<int> max_size;
};

/// The rows a column covers; only slot rows have a capacity in a slot matching.
struct RowsOf {
  const Problem* problem;
  std::span<const Index> operator()(Index column) const { return problem->rows_of(column); }
};

/// Chosen columns assigned to slot rows, each slot row up to its capacity.
using SlotMatching = util::BMatching<RowsOf>;

/// Capacities for a slot matching: `capacity` on slot rows, 0 elsewhere.
std::vector<int> slot_capacity(const Problem& p, const std::vector<int>& capacity);

struct Analysis {
  /// Columns any solution may use (solution.hpp defines "usable").
  std::vector<char> usable;
  /// Fixed columns kept (of two conflicting ones the later is dropped).
  std::vector<Index> fixed;
  /// The demand each row can be met to (its demand, unless proven less).
  std::vector<int> capacity;
  Limits limits;
  std::vector<Infeasibility> infeasibilities;
  /// A lower bound on the cost of any solution (when one exists).
  double bound = 0;
};

/// Everything provable before the search, in O(nnz log n) plus a slot matching.
Analysis analyze(const Problem& problem);

/// The lazy greedy of greedy.hpp, working to an analysis.
Solution greedy(const Problem& problem, const Analysis& analysis);

}  // namespace teamwright::cover::detail
