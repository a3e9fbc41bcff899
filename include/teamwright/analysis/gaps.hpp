#pragma once

/// \file
/// Gap report: every shortfall of a given team against a request, its priority, and the ways to
/// close it (train a member, transfer an employee in, hire). Rules in docs/model.md.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/team/evaluate.hpp"

namespace teamwright::analysis {

/// A member who could be trained towards the level.
struct TrainingOption {
  PersonId person;
  /// Their effective level now, and how far it is below the requirement.
  double level = 0;
  double shortfall = 0;
};

/// One shortfall: a requirement (or a role requirement of a slot or of its holder) that the
/// team falls short of.
struct Gap {
  /// The coverage row it belongs to (request requirements first, then role slots).
  std::size_t row = 0;
  CompetencyId competency;
  /// Set when the gap is in a role: an unfilled slot, or a soft requirement of its holder.
  std::optional<RoleId> role;
  double min_level = 0;
  int importance = 3;
  bool hard = true;
  /// Members short of the requirement (FTE for an FTE requirement; missing people count as
  /// short by the whole level).
  double missing = 0;
  /// Level points missing, summed over the members nearest to the level.
  double shortfall = 0;
  /// importance x shortfall: "focus on a few gaps at a time", highest first.
  double priority = 0;
  /// Whether the competency can be trained (skills and knowledge, unless stated otherwise).
  bool trainable = false;
  /// Trainable gaps: the members nearest to the level, nearest first.
  std::vector<TrainingOption> train;
  /// Employees outside the team who meet it (for a role slot: who qualify for the role),
  /// cheapest first.
  std::vector<PersonId> transfer;
  /// External candidates who meet it, cheapest first.
  std::vector<PersonId> hire;
  /// Neither training nor a transfer can close it: it needs a hire.
  bool needs_hire = false;
};

struct GapReport {
  /// The team, ascending.
  std::vector<PersonId> team;
  team::Coverage coverage;
  /// Highest priority first; ties in request order.
  std::vector<Gap> gaps;
};

/// The gaps of `team` (people in any order, no repeats) against `request`, highest priority
/// (importance x shortfall) first; with `top_k`, only the first k ("a few gaps at a time").
/// Suggestions name only people who may join a team for the request (team::eligible) and, for
/// a gap of a role, who qualify for that role. The gaps of a role slot include its soft
/// requirements whether or not the people nearest to it meet the hard ones. Throws what
/// `Model::validate` throws for an invalid request and `DuplicateIdError` for a person named
/// twice. Deterministic.
[[nodiscard]] GapReport gap_report(const Model& model, const TeamRequest& request,
                                   std::span<const PersonId> team,
                                   std::optional<std::size_t> top_k = std::nullopt);

}  // namespace teamwright::analysis
