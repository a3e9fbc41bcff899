#pragma once

// Exact mode: depth-first branch-and-bound on Lagrangian bounds (see docs/algorithms.md).

#include <vector>

#include "cover/analysis.hpp"
#include "cover/control.hpp"

namespace teamwright::cover::detail {

/// Searches for a solution cheaper than the control's incumbent until none can exist or control
/// says stop, offering every improvement and raising the bound. `multipliers` (one per row, or
/// empty) warm-start the root. Returns true when the search finished: then the incumbent is
/// optimal, or there is no solution at all. Handles every side constraint. The problem must
/// have no infeasibility in its analysis.
bool branch_and_bound(const Problem& problem, const Analysis& analysis, Control& control,
                      std::vector<double> multipliers);

}  // namespace teamwright::cover::detail
