#pragma once

/// \file
/// The lines of a request, resolved against a model: each team requirement and each role slot
/// becomes one row, in request order (requirements first, then role slots). Coverage tables,
/// results and gap reports are indexed by these rows.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"

namespace teamwright::team {

enum class RowKind {
  kCount,     ///< at least `count` members at `min_level` in `competency`
  kEveryone,  ///< every member at `min_level` in `competency`
  kRole,      ///< `count` members hold `role` (each member holds at most one role slot)
};

struct RequestRow {
  RowKind kind = RowKind::kCount;
  /// Index into the request's `requirements` (kCount, kEveryone) or `roles` (kRole).
  std::size_t source = 0;
  std::optional<CompetencyId> competency;  ///< kCount and kEveryone
  std::optional<RoleId> role;              ///< kRole
  double min_level = 0;                    ///< kCount and kEveryone
  int count = 0;                           ///< kCount and kRole; 0 for kEveryone
  /// The requirement's importance; for a role slot the highest importance of the role's hard
  /// requirements (3 if it has none).
  int importance = 3;
  /// Role slots are always hard.
  bool hard = true;
};

/// The rows of a request. Throws `UnknownReferenceError` for names the model lacks (call
/// `Model::validate` first to get every rule checked).
[[nodiscard]] std::vector<RequestRow> request_rows(const Model& model, const TeamRequest& request);

/// Whether a person with these effective levels (`Model::effective_levels`) meets every hard
/// requirement of the role.
[[nodiscard]] bool qualifies_for_role(const Model& model, std::span<const LevelEntry> levels,
                                      RoleId role);

/// A short label naming the row by ids: "2 x empathy >= 4", "everyone: collaboration >= 2",
/// "role team_lead x 1".
[[nodiscard]] std::string describe(const Model& model, const RequestRow& row);

}  // namespace teamwright::team
