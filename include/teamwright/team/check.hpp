#pragma once

/// \file
/// The independent checker of team results. It reads the model and the request directly,
/// without the compiler, the covering engine or the coverage evaluator, and recomputes every
/// claim a result makes; the tests run it on every solve.

#include <string>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/team/solve.hpp"

namespace teamwright::team {

/// Verifies a result: members real, distinct, ascending, eligible; cost the sum of theirs;
/// the coverage table (needed, provided, who) and role holders recomputed; each member's
/// unique contributions; for optimal or feasible results every hard requirement, the size
/// bounds, the budget, must-include and incompatible pairs; for infeasible results that each
/// unmet requirement really has too few capable eligible people, or that a reason is given.
///
/// Returns one sentence per violation; empty means the result is consistent. Throws only what
/// `Model::validate` throws for an invalid request.
[[nodiscard]] std::vector<std::string> check(const Model& model, const TeamRequest& request,
                                             const TeamResult& result);

}  // namespace teamwright::team
