#pragma once

/// \file
/// How well a given team covers a request: the coverage table shared by solve results and gap
/// reports.

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/team/rows.hpp"

namespace teamwright::team {

/// One row of a coverage table.
struct CoverageRow {
  RequestRow row;
  /// Members the row needs: its count (kCount, kRole) or the team's size (kEveryone).
  int needed = 0;
  /// Members that count for it: at the level (kCount, kEveryone) or holding the role (kRole).
  int provided = 0;
  /// Those members, ascending.
  std::vector<PersonId> covered_by;

  [[nodiscard]] bool met() const { return provided >= needed; }
};

/// A team's coverage of a request.
struct Coverage {
  std::vector<CoverageRow> rows;
  /// Which member holds which role slot, ascending by person. A maximum assignment: as many
  /// slots filled as the team can fill; among those, the first found trying members in id order.
  std::vector<std::pair<PersonId, RoleId>> roles;
};

/// The coverage of `request` by `team` (people in any order, no repeats).
/// Throws `DuplicateIdError` if the team names a person twice, `OutOfRangeError` for an id not
/// of this model. Deterministic.
[[nodiscard]] Coverage evaluate(const Model& model, const TeamRequest& request,
                                std::span<const PersonId> team);

}  // namespace teamwright::team
