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
/// have no infeasibility in its analysis. With `threads` > 1 that many workers (the calling
/// thread and threads - 1 more) process the open nodes at once; one worker searches depth first.
/// An exception of the control's hooks ends the search and propagates from this call.
bool branch_and_bound(const Problem& problem, const Analysis& analysis, Control& control,
                      std::vector<double> multipliers, int threads);

}  // namespace teamwright::cover::detail
