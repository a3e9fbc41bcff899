#pragma once

// What can be proven about a covering problem before searching it, shared by every solver:
// the columns any solution may use, how far each row can be met, the reasons no solution
// exists, and a simple lower bound.

#include <optional>
#include <span>
#include <vector>

#include "teamwright/cover/problem.hpp"
#include "teamwright/cover/solution.hpp"

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

struct Analysis {
  /// Columns any solution may use (solution.hpp defines "usable").
  std::vector<char> usable;
  /// Fixed columns kept (of two that conflict or share a group, the later is dropped).
  std::vector<Index> fixed;
  /// The demand each row can be met to: its demand, unless proven less. For a robust row, the
  /// demand of the row without its largest contributor.
  std::vector<double> capacity;
  Limits limits;
  std::vector<Infeasibility> infeasibilities;
  /// Penalties every solution pays: soft demand beyond what the usable columns can cover.
  double unavoidable_penalty = 0;
  /// A lower bound on the objective of any solution (when one exists).
  double bound = 0;
};

/// Everything provable before the search, in O(nnz log n).
Analysis analyze(const Problem& problem);

/// The capacities of a pure problem's rows, which are integral.
std::vector<int> integral_demands(const Analysis& analysis);

/// How much of row `i` the columns `chosen` (flags by column) cover: the sum of their
/// coefficients, less the largest for a robust row.
double covered(const Problem& problem, Index row, const std::vector<char>& chosen);

/// Where a greedy starts, for the searches that complete partial solutions with it.
struct GreedyStart {
  /// The columns it may use instead of the analysis's usable ones (flags by column).
  const std::vector<char>* usable = nullptr;
  /// Columns taken before any other (besides the fixed ones); they may be dropped as redundant.
  std::vector<Index> taken;
  /// Prices that rank the columns instead of their costs (e.g. Lagrangian reduced costs, > 0);
  /// decisions that trade cost against penalties still use the costs.
  const std::vector<double>* prices = nullptr;
};

/// The lazy greedy of greedy.hpp, working to an analysis.
Solution greedy(const Problem& problem, const Analysis& analysis, const GreedyStart& start = {});

/// The objective of a set of columns: their cost plus the penalties of the soft rows they leave
/// short, and the rows they leave short (hard or soft, ascending).
double objective(const Problem& problem, const std::vector<Index>& columns,
                 std::vector<Index>* short_rows = nullptr, double* penalty = nullptr);

}  // namespace teamwright::cover::detail
