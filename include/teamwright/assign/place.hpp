#pragma once

/// \file
/// Deprecated: the placement solvers moved to teamwright/placement/ (roles.hpp, mentoring.hpp,
/// staffing.hpp) and namespace `teamwright::placement`, under the names Python and the CLI use.
/// These names of the previous release forward to them and will be removed in the next.

#include <span>
#include <string>

#include "teamwright/placement/mentoring.hpp"
#include "teamwright/placement/roles.hpp"
#include "teamwright/placement/staffing.hpp"

namespace teamwright::assign {

using placement::MentoringGoal;
using placement::MentoringPair;
using placement::MentoringResult;
using placement::Placement;
using placement::PlacementOptions;
using placement::PlacementResult;
using placement::Seat;
using placement::SeatAssignment;
using placement::Slot;
using placement::StaffingOptions;
using placement::StaffingResult;

[[deprecated("use placement::assign_roles")]] [[nodiscard]] inline PlacementResult place(
    const Model& model, std::span<const std::string> people, std::span<const Slot> slots,
    const PlacementOptions& placement = {}, const SolveOptions& options = {},
    const SolveHooks& hooks = {}) {
  return placement::assign_roles(model, people, slots, placement, options, hooks);
}

[[deprecated("use placement::assign_mentors")]] [[nodiscard]] inline MentoringResult
mentoring_pairs(const Model& model, std::span<const std::string> people,
                std::span<const MentoringGoal> goals, const SolveOptions& options = {},
                const SolveHooks& hooks = {}) {
  return placement::assign_mentors(model, people, goals, options, hooks);
}

[[deprecated("use placement::assign_staff")]] [[nodiscard]] inline StaffingResult staff(
    const Model& model, std::span<const std::string> people, std::span<const Seat> seats,
    const StaffingOptions& staffing = {}, const SolveOptions& options = {},
    const SolveHooks& hooks = {}) {
  return placement::assign_staff(model, people, seats, staffing, options, hooks);
}

}  // namespace teamwright::assign
