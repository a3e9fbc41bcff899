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

/// A member holding a slot: the slot row (index into the request's rows) and the role held.
struct SlotHolder {
  PersonId person;
  std::size_t row = 0;
  RoleId role;

  friend bool operator==(const SlotHolder&, const SlotHolder&) = default;
};

/// One row of a coverage table.
struct CoverageRow {
  RequestRow row;
  /// What the row needs: its count (kCount, kRole, kLeader), its FTE (kFte) or the team's size
  /// (kEveryone).
  double needed = 0;
  /// What the members give it: members at the level (kCount, kEveryone), their availability
  /// (kFte), holders of the slot (kRole, kLeader).
  double provided = 0;
  /// Those members, ascending.
  std::vector<PersonId> covered_by;

  [[nodiscard]] bool met() const { return provided >= needed - 1e-9 * std::max(1.0, needed); }
  /// What is missing (0 when met).
  [[nodiscard]] double shortfall() const { return met() ? 0.0 : needed - provided; }
};

/// A team's coverage of a request.
struct Coverage {
  std::vector<CoverageRow> rows;
  /// Which member holds which slot, ascending by person.
  std::vector<SlotHolder> holders;
};

/// The coverage of `request` by `team` (people in any order, no repeats), with the slot
/// holders a maximum assignment of members to slots (as many slots filled as the team can fill;
/// among those, the first found trying members in id order, each holding the first role the
/// slot lets them hold).
/// Throws `DuplicateIdError` if the team names a person twice, `OutOfRangeError` for an id not
/// of this model. Deterministic.
[[nodiscard]] Coverage evaluate(const Model& model, const TeamRequest& request,
                                std::span<const PersonId> team);

/// The coverage with the given slot holders (members of the team holding slots they qualify
/// for, as a solver chose them). Throws as above, and `InvalidInputError` for a holder who is
/// not a member, holds two slots or a slot that is not a slot row.
[[nodiscard]] Coverage evaluate(const Model& model, const TeamRequest& request,
                                std::span<const PersonId> team,
                                std::span<const SlotHolder> holders);

}  // namespace teamwright::team
