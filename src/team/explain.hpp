#pragma once

// What each member brings and what replacing them would cost (team::solve's explanations of a
// team that was found), and the words for people and teams.

#include <string>
#include <vector>

#include "team/search.hpp"
#include "teamwright/team/solve.hpp"

namespace teamwright::team::detail {

/// "Grace Okafor (p09)", or the id alone for a person without a name.
[[nodiscard]] std::string person_text(const Model& model, PersonId person);
/// People in those words, joined with commas and "and".
[[nodiscard]] std::string people_text(const Model& model, const std::vector<PersonId>& people);

/// The result's team from a search: members with their slots and contributions, the coverage
/// table and its weighted coverage, cost, objective, penalty, bound, status and times.
void describe_team(const Model& model, const TeamRequest& request, const Found& found,
                   TeamResult& result);

/// Re-solves the request without each member in turn (each with its share of the budget).
void price_replacements(const Model& model, const TeamRequest& request, const SolveOptions& options,
                        const Budget& budget, TeamResult& result);

/// Each member's summary sentence (after `describe_team` and, if run, `price_replacements`).
void summarize_members(const Model& model, const TeamRequest& request, TeamResult& result);

}  // namespace teamwright::team::detail
