#pragma once

/// \file
/// Who meets what, decided in one place: from a person's effective levels
/// (`Model::effective_levels`), whether they meet a level, may hold a role and how well they fit
/// it, and whether they may join a team for a request at all. The team search and its
/// explanations, the gap report and the placement solvers (roles, staffing, splits) all ask
/// here; only the independent checkers (team/check.hpp, placement/split.hpp's `check`) recompute
/// these rules on their own, so that a mistake here cannot hide from them.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/team/rows.hpp"

namespace teamwright::team {

/// Whether a level meets a minimum level: the one comparison behind every requirement.
[[nodiscard]] constexpr bool meets(double level, double min_level) { return level >= min_level; }

/// Whether a person with these effective levels (`Model::effective_levels`) meets every hard
/// requirement of the role.
[[nodiscard]] bool qualifies_for_role(const Model& model, std::span<const LevelEntry> levels,
                                      RoleId role);

/// The roles a person with these levels may hold in a slot row: the row's role (kRole), or the
/// model's leader roles they qualify for (kLeader); empty for other rows.
[[nodiscard]] std::vector<RoleId> roles_for_slot(const Model& model,
                                                 std::span<const LevelEntry> levels,
                                                 const RequestRow& row);

/// The importance points of the soft requirements of `role` that these levels fall short of.
[[nodiscard]] int soft_misses(const Model& model, std::span<const LevelEntry> levels, RoleId role);

/// Whether the person may join a team for the request at all: available (above 0 and at least
/// min_availability), not excluded, meeting every hard "everyone" requirement. `why`, when
/// given, receives the reason they may not ("is not available (availability 0)").
[[nodiscard]] bool eligible(const Model& model, const TeamRequest& request,
                            std::span<const RequestRow> rows, PersonId person,
                            std::span<const LevelEntry> levels, std::string* why = nullptr);

/// How well a person with these levels fits the role, in [0, 1], defined for every person and
/// role: the importance-weighted mean over its requirements, hard and soft, of
/// min(level / min_level, 1) (1 for a requirement of level 0, and for a role without
/// requirements). docs/model.md#fit.
[[nodiscard]] double fit_score(const Model& model, std::span<const LevelEntry> levels, RoleId role);

/// The fit of a person who may hold the role: `fit_score`, or nothing when a hard requirement
/// is not met.
[[nodiscard]] std::optional<double> role_fit(const Model& model, std::span<const LevelEntry> levels,
                                             RoleId role);

}  // namespace teamwright::team
