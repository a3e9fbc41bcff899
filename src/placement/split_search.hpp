#pragma once

// The searches for a split (src/placement/split.cpp has the method): exact branch-and-bound,
// simulated annealing, and the leximin polish.

#include <cstdint>
#include <vector>

#include "placement/split_instance.hpp"

namespace teamwright::placement::detail {

// Exact search; returns false when stopped by the deadline. `best_teams` holds the best split
// found (team per unit), empty when no split keeps the sizes; `best` its score.
bool branch_and_bound(const Instance& in, const Deadline& deadline, std::vector<int>& best_teams,
                      Score& best);

// Annealing runs from several seeds, each polished; the best split seen (team per unit).
[[nodiscard]] std::vector<int> local_search(const Instance& in, const Deadline& deadline,
                                            std::uint64_t seed);

// Hill climbing of `teams` towards the leximin order (see split_search.cpp).
void polish(const Instance& in, const Deadline& deadline, std::vector<int>& teams);

}  // namespace teamwright::placement::detail
