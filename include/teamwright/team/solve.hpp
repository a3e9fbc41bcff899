#pragma once

/// \file
/// Assembling a team for a request, and saying why each member is on it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "teamwright/cover/solution.hpp"
#include "teamwright/cover/solve.hpp"
#include "teamwright/model/model.hpp"
#include "teamwright/team/evaluate.hpp"

namespace teamwright::team {

/// A member and why they are on the team.
struct MemberReport {
  PersonId person;
  /// The role slot the member holds, if any.
  std::optional<RoleId> role;
  /// Coverage rows this member is essential to: counted requirements they count for where the
  /// team has no more such members than needed, and their own role slot when the others cannot
  /// fill as many slots. ("Everyone" requirements never make a member essential.)
  std::vector<std::size_t> unique;
  /// Coverage rows the member counts for (at the level, or holding the role).
  std::vector<std::size_t> contributes;
};

/// Requirements that too few eligible people can meet, together.
struct UnmetRequirement {
  /// Coverage rows; more than one when role slots can only be filled jointly short.
  std::vector<std::size_t> rows;
  int needed = 0;
  /// Eligible people able to meet them, and how many.
  int capable = 0;
  std::vector<PersonId> capable_people;
};

/// The answer to a team request.
struct TeamResult {
  cover::Status status = cover::Status::kNoSolutionFound;
  /// Members ascending by id. When infeasible: the best partial team, covering every
  /// requirement as far as it can be covered.
  std::vector<MemberReport> members;
  /// The members' total cost.
  double cost = 0;
  /// The solver's objective (cost or size, plus penalties for unmet soft requirements), and a
  /// lower bound on it.
  double objective = 0;
  double bound = 0;
  Coverage coverage;
  /// Infeasible only: requirements too few eligible people can meet.
  std::vector<UnmetRequirement> unmet;
  /// Infeasible only: other proven reasons (must-include people who cannot serve, conflicting
  /// must-include people, budget or size limits that cannot hold), as sentences.
  std::vector<std::string> reasons;

  [[nodiscard]] std::vector<PersonId> member_ids() const;
};

/// Assembles the team that covers the request at least cost (or size) with the covering engine
/// (cover/solve.hpp: options and hooks apply as there), and explains it.
///
/// Throws `UnknownReferenceError` / `InvalidInputError` subclasses for a request that breaks a
/// rule of the model (see `Model::validate`), or for options out of range. A request that cannot
/// be met is not an error: the result is infeasible and names what is missing. Deterministic
/// unless stopped by a limit. Thread safe for a shared const model.
[[nodiscard]] TeamResult solve(const Model& model, const TeamRequest& request,
                               const cover::SolveOptions& options = {},
                               const cover::SolveHooks& hooks = {});
/// Solves the model's request with that id; throws `UnknownReferenceError` if there is none.
[[nodiscard]] TeamResult solve(const Model& model, std::string_view request_id,
                               const cover::SolveOptions& options = {},
                               const cover::SolveHooks& hooks = {});

}  // namespace teamwright::team
