#pragma once

// Why a request cannot be met: a minimal set of its constraints that cannot hold together,
// found by a deletion filter (Chinneck and Dravnieks, "Locating minimal infeasible constraint
// sets in linear programs", ORSA Journal on Computing 3(2), 1991) whose feasibility questions
// the exact search answers; and the single relaxations that make the request possible.

#include <optional>
#include <vector>

#include "team/search.hpp"
#include "teamwright/team/solve.hpp"

namespace teamwright::team::detail {

/// Every constraint of the request, in the order the deletion filter tries to drop them: the
/// ones least telling about the team first, so that a conflict keeps budgets, sizes, role slots
/// and requirements where it can.
[[nodiscard]] std::vector<Constraint> constraints(const Model& model, const TeamRequest& request);

/// The request without the given constraints.
[[nodiscard]] TeamRequest without(const TeamRequest& request,
                                  const std::vector<Constraint>& dropped);

/// Diagnoses a request no team was found for. When the filter's first question finds a team
/// after all, `diagnose` returns nothing and puts that search in `found`.
[[nodiscard]] std::optional<Diagnosis> diagnose(const Model& model, const TeamRequest& request,
                                                const SolveOptions& options, const Budget& budget,
                                                std::optional<Found>& found);

}  // namespace teamwright::team::detail
