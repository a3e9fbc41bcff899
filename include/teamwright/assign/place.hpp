#pragma once

/// \file
/// Putting the members of a team where they fit: roles and shifts, and mentoring pairs, both
/// linear assignments (assign/linear.hpp) over scores computed from the model's effective levels
/// and solved exactly; and staffing seats from people's time, a generalized assignment.
///
/// Every function keeps the solve contract (teamwright/solving.hpp): it takes the options and
/// hooks, and its result says its status, termination, bound, gap, time to best and total time.
/// Placement and mentoring are exact in every mode (their status is kOptimal unless cancelled
/// before they start); staffing follows its generalized assignment's mode.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::assign {

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

/// Places `members` into `slots`, each member in at most one slot and each slot holding at most
/// one member. A member may hold a slot's role only when meeting its hard requirements.
/// \throws UnknownReferenceError for an unknown person or role; DuplicateIdError for a member or
///   slot id given twice; InvalidInputError for a slot without an id or with neither role nor
///   shift; OutOfRangeError for a negative or non-finite bonus.
[[nodiscard]] PlacementResult place(const Model& model, std::span<const std::string> members,
                                    std::span<const Slot> slots,
                                    const PlacementOptions& placement = {},
                                    const SolveOptions& options = {}, const SolveHooks& hooks = {});

/// A competency that mentoring should lift: members below `target_level` are mentees, members
/// at `mentor_level` or above may mentor them.
struct MentoringGoal {
  std::string competency;
  double target_level = 0;
  /// Unset: the target level.
  std::optional<double> mentor_level;
  /// Weight of this competency's gains, 1-5.
  int importance = 3;
};

/// One mentor for one mentee.
struct MentoringPair {
  std::string mentor;
  std::string mentee;
  /// The goals' competencies in which this mentor can lift this mentee.
  std::vector<std::string> competencies;
  /// Sum over those competencies of importance x (min(mentor's level, target) - mentee's level).
  double benefit = 0;
};

/// Pairs of greatest total benefit.
struct MentoringResult {
  /// Ordered by mentee, in the order the members were given.
  std::vector<MentoringPair> pairs;
  /// Members below a target who got no mentor (none strong enough, or all taken).
  std::vector<std::string> unpaired_mentees;
  double total_benefit = 0;
  Status status = Status::kOptimal;
  Termination termination = Termination::kCompleted;
  /// The total benefit, proven: the bound equals it.
  double bound = 0;
  double relative_gap = 0;
  double time_to_best_s = 0;
  double time_s = 0;
};

/// Pairs members one-to-one, each member mentoring at most one colleague and being mentored by
/// at most one (possibly both, in different pairs, never with themselves), so that the total
/// benefit is greatest. Only pairs with a positive benefit are formed.
/// \throws UnknownReferenceError for an unknown person or competency; DuplicateIdError for a
///   member or goal competency given twice; OutOfRangeError for a level outside the scale, a
///   mentor level below the target or an importance outside 1-5.
[[nodiscard]] MentoringResult mentoring_pairs(const Model& model,
                                              std::span<const std::string> members,
                                              std::span<const MentoringGoal> goals,
                                              const SolveOptions& options = {},
                                              const SolveHooks& hooks = {});

/// A seat to staff: a role in some team, needing `fte` of one person's time.
struct Seat {
  std::string id;
  std::string role;
  /// Full-time equivalent the seat takes, in (0, 1].
  double fte = 1;
};

struct StaffingOptions {
  /// Search moves; 0 = no limit (see `GeneralizedOptions::max_moves`). With a move limit the same
  /// seed gives the same answer.
  std::int64_t max_moves = 0;
};

/// One person in one seat.
struct SeatAssignment {
  std::string person;
  std::string seat;
  /// The person's fit for the seat's role, as in `Placement::fit`.
  double fit = 0;
  bool preferred_role = false;
};

/// Who takes which seat.
struct StaffingResult {
  /// In seat order.
  std::vector<SeatAssignment> assignments;
  /// Seats nobody eligible had time left for.
  std::vector<std::string> unfilled_seats;
  /// Each person's FTE taken, in the order given.
  std::vector<double> load;
  double total_fit = 0;
  /// The generalized assignment's status and termination. Its objective is the total fit less
  /// (seats + 1) per unfilled seat; `bound` is an upper bound on it.
  Status status = Status::kNoSolutionFound;
  Termination termination = Termination::kCompleted;
  double objective = 0;
  double bound = 0;
  double relative_gap = 0;
  double time_to_best_s = 0;
  double time_s = 0;
};

/// Staffs seats from `people`, each person taking seats up to their availability (FTE): a
/// generalized assignment (assign/generalized.hpp) with a seat's FTE as its weight, the person's
/// availability as the capacity and the role fit (as in `place`) as the value; hard role
/// requirements decide who may take a seat. It fills the most seats, then maximises the total
/// fit: proven optimal when the generalized assignment's search finishes.
/// \throws UnknownReferenceError for an unknown person or role; DuplicateIdError for a person
///   or seat given twice; InvalidInputError for a seat without an id; OutOfRangeError for an FTE
///   outside (0, 1] or a bad limit.
[[nodiscard]] StaffingResult staff(const Model& model, std::span<const std::string> people,
                                   std::span<const Seat> seats,
                                   const StaffingOptions& staffing = {},
                                   const SolveOptions& options = {}, const SolveHooks& hooks = {});

}  // namespace teamwright::assign
