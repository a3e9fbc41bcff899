#pragma once

// Row-weighting local search for weighted set multicover, after Gao, Weise and Li, "An efficient
// local search heuristic with row weighting for the unicost set covering problem" (EJOR 246(3),
// 2015), extended to costs and demands: moves are ranked by weighted score per unit cost, and
// the partial solution is kept cheaper than the best one so that every cover it reaches is an
// improvement. For pure problems (see lagrangian.hpp).

#include <cstdint>
#include <random>
#include <vector>

#include "cover/completion.hpp"
#include "cover/control.hpp"
#include "teamwright/cover/problem.hpp"

namespace teamwright::cover::detail {

class LocalSearch {
 public:
  /// `columns` is the neighbourhood the search may use (it must hold a cover, e.g. the best
  /// solution's columns); `demand` the row demands to meet; `forced` the columns never removed.
  /// `completion` turns the covers it reaches into solutions (minimum size, redundancy).
  LocalSearch(const Problem& problem, std::vector<int> demand, std::vector<char> forced,
              std::vector<Index> columns, Completion& completion, std::mt19937_64& random);

  /// Starts from a cover (ascending columns, all in the neighbourhood).
  void start(const std::vector<Index>& cover);

  /// Runs up to `iterations` moves, offering every cover better than the control's incumbent.
  /// Stops early when control says stop, the incumbent is proven optimal, or `patience` moves
  /// in a row found no better cover.
  void run(std::int64_t iterations, std::int64_t patience, Control& control);

 private:
  void add(Index k);
  void remove(Index k);
  void raise_weights();
  void shed_to_below(double target);

  const Problem& p_;
  std::vector<int> demand_;
  Completion& completion_;
  std::mt19937_64& random_;
  std::vector<Index> columns_;  // the neighbourhood, ascending
  // Rows -> neighbourhood columns.
  std::vector<std::int64_t> row_start_;
  std::vector<Index> row_columns_;
  std::vector<char> allowed_;
  std::vector<char> forced_;
  std::vector<char> in_;
  std::vector<Index> chosen_;           // columns in the solution
  std::vector<std::int64_t> position_;  // index in chosen_, or -1
  std::vector<int> count_;              // cover count per row
  std::vector<std::int64_t> weight_;    // row weights
  std::vector<std::int64_t> score_;     // per column: gain if out, -loss if in
  std::vector<char> configuration_;     // configuration checking: may be added
  std::vector<std::int64_t> moved_at_;  // iteration of the last move of each column
  std::vector<Index> short_rows_;       // rows covered less than their demand
  std::vector<std::int64_t> short_position_;
  double cost_ = 0;
  std::int64_t iteration_ = 0;
  Index last_added_ = -1;
};

}  // namespace teamwright::cover::detail
