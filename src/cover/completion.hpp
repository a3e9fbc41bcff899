#pragma once

// The last step before a pure problem's cover is offered as a solution.

#include <vector>

#include "teamwright/cover/problem.hpp"

namespace teamwright::cover::detail {

/// Drops redundant columns (most expensive first; never `forced` ones) and reaches the minimum
/// size with the cheapest columns that count towards it, then drops what those made redundant.
class Completion {
 public:
  Completion(const Problem& problem, std::vector<int> demand, std::vector<char> forced,
             int min_size);

  /// `chosen` covers every row to its demand; returns the solution's columns ascending and sets
  /// `cost` to their cost.
  std::vector<Index> operator()(std::vector<Index> chosen, double& cost);

 private:
  // Drops redundant columns; with `keep_size`, never below the minimum size.
  void drop_redundant(std::vector<Index>& chosen, bool keep_size);
  [[nodiscard]] int size(const std::vector<Index>& chosen) const;

  const Problem& p_;
  std::vector<int> demand_;
  std::vector<char> forced_;
  int min_size_;
  std::vector<int> count_;
  std::vector<Index> cheapest_;  // size-counting columns by cost, made on first need
};

}  // namespace teamwright::cover::detail
