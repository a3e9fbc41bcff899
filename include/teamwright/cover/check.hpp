#pragma once

/// \file
/// The independent checker of covering solutions. It is written apart from every solver and
/// recomputes everything from the problem alone; the tests run it on every solver answer.

#include <string>
#include <vector>

#include "teamwright/cover/problem.hpp"
#include "teamwright/cover/solution.hpp"

namespace teamwright::cover {

/// Verifies a solution against its problem: columns valid and ascending, cost and bound
/// consistent; for optimal and feasible answers every constraint (demands, slot assignment,
/// conflicts, budget, size, fixed columns); for infeasible answers every stated reason; for all
/// answers that `short_rows` lists exactly the rows left short.
///
/// Returns one sentence per violation; empty means the solution is consistent. Never throws.
[[nodiscard]] std::vector<std::string> check(const Problem& problem, const Solution& solution);

}  // namespace teamwright::cover
