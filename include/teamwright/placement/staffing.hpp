#pragma once

/// \file
/// Staffing seats from people's time: each person takes seats up to their availability (FTE), a
/// generalized assignment (assign/generalized.hpp) over their role fit (team/eligibility.hpp).
/// Python `teamwright.assign_staff`, CLI `teamwright assign staff`.
///
/// It keeps the solve contract (teamwright/solving.hpp): it takes the options and hooks, and its
/// result says its status, termination, bound, relative gap, time to best and total time.
/// Its status and termination are the generalized assignment's.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::placement {
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
/// availability as the capacity and the role fit (team::role_fit, as in `assign_roles`) as the
/// value; hard role requirements decide who may take a seat. It fills the most seats, then
/// maximises the total fit: proven optimal when the generalized assignment's search finishes.
/// \throws UnknownReferenceError for an unknown person or role; DuplicateIdError for a person
///   or seat given twice; InvalidInputError for a seat without an id; OutOfRangeError for an FTE
///   outside (0, 1] or a bad limit.
[[nodiscard]] StaffingResult assign_staff(const Model& model, std::span<const std::string> people,
                                          std::span<const Seat> seats,
                                          const StaffingOptions& staffing = {},
                                          const SolveOptions& options = {},
                                          const SolveHooks& hooks = {});

}  // namespace teamwright::placement
