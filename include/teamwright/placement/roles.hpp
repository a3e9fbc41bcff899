#pragma once

/// \file
/// Putting people where they fit: roles and shifts, a linear assignment (assign/linear.hpp) over
/// each person's fit for each slot's role (team/eligibility.hpp) plus a bonus for preferences,
/// solved exactly. Python `teamwright.assign_roles`, CLI `teamwright assign roles`.
///
/// It keeps the solve contract (teamwright/solving.hpp): it takes the options and hooks, and its
/// result says its status, termination, bound, relative gap, time to best and total time.
/// The placement is exact in every mode: its status is kOptimal unless cancelled before it starts.

#include <span>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::placement {

/// A place for one member: a role to hold (its requirements decide who may hold it and how well
/// they fit), a shift to work, or both.
struct Slot {
  std::string id;
  /// A role id, or empty for a slot that only names a shift.
  std::string role;
  /// A shift name, or empty.
  std::string shift;
};

/// How to weigh preferences against fit.
struct PlacementOptions {
  /// Added to the fit (which lies in [0, 1]) when the slot's role is one of the person's
  /// preferred roles, and again when its shift is one of their preferred shifts. Finite, >= 0.
  double preference_bonus = 0.25;
};

/// One member in one slot, with the reasons.
struct Placement {
  std::string person;
  std::string slot;
  /// How well the person meets the slot role's requirements, in [0, 1]: the importance-weighted
  /// mean over the requirements of min(level / min_level, 1); 1 for a role without
  /// requirements, 0 for a slot without a role (there only preferences count).
  double fit = 0;
  bool preferred_role = false;
  bool preferred_shift = false;
};

/// The placement that fills the most slots and, among those, has the greatest total fit plus
/// preference bonus.
struct PlacementResult {
  /// In slot order.
  std::vector<Placement> placements;
  /// Slots left empty: too few members, or no member left who meets the role's hard
  /// requirements.
  std::vector<std::string> unfilled_slots;
  /// Members without a slot, in the order given.
  std::vector<std::string> unplaced;
  /// Sum of the placements' fits, and of their bonuses.
  double total_fit = 0;
  double total_bonus = 0;
  Status status = Status::kOptimal;
  Termination termination = Termination::kCompleted;
  /// The objective (total fit plus bonus; most slots first), proven: the bound equals it.
  double bound = 0;
  double relative_gap = 0;
  double time_to_best_s = 0;
  double time_s = 0;
};

/// Puts `people` into `slots`, each person in at most one slot and each slot holding at most
/// one person. A person may hold a slot's role only when meeting its hard requirements.
/// \throws UnknownReferenceError for an unknown person or role; DuplicateIdError for a member or
///   slot id given twice; InvalidInputError for a slot without an id or with neither role nor
///   shift; OutOfRangeError for a negative or non-finite bonus.
[[nodiscard]] PlacementResult assign_roles(const Model& model, std::span<const std::string> people,
                                           std::span<const Slot> slots,
                                           const PlacementOptions& placement = {},
                                           const SolveOptions& options = {},
                                           const SolveHooks& hooks = {});

}  // namespace teamwright::placement
