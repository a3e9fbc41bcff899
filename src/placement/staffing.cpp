// Staffing as a generalized assignment (include/teamwright/placement/staffing.hpp,
// docs/algorithms.md): people are agents with their availability as capacity, seats are jobs
// weighing their FTE, and one more agent "unfilled" takes any seat at a loss.

#include "teamwright/placement/staffing.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "placement/common.hpp"
#include "teamwright/assign/generalized.hpp"
#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"

namespace teamwright::placement {

using detail::contains;
using detail::resolve;
using detail::resolve_people;
using util::number;
using util::quote;

StaffingResult assign_staff(const Model& model, std::span<const std::string> people,
                            std::span<const Seat> seats, const StaffingOptions& staffing,
                            const SolveOptions& options, const SolveHooks& hooks) {
  validate(options);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<PersonId> ids = resolve_people(model, people);
  std::set<std::string, std::less<>> seat_ids;
  std::vector<RoleId> roles;
  for (std::size_t s = 0; s < seats.size(); ++s) {
    const Seat& seat = seats[s];
    if (seat.id.empty()) {
      throw InvalidInputError("seat " + std::to_string(s + 1) + ": id must not be empty");
    }
    if (!seat_ids.insert(seat.id).second) {
      throw DuplicateIdError("seat " + quote(seat.id) + " is given twice");
    }
    if (!(seat.fte > 0 && seat.fte <= 1)) {
      throw OutOfRangeError("seat " + quote(seat.id) + ": fte " + number(seat.fte) +
                            " is outside (0, 1]");
    }
    roles.push_back(resolve("seat " + quote(seat.id), [&] { return model.role_id(seat.role); }));
  }
  // Agents: the people, then "unfilled", which can take every seat at a value below any filled
  // seat's contribution, so seats stay empty only when nobody eligible has time.
  const int n = static_cast<int>(seats.size());
  const int people_count = static_cast<int>(ids.size());
  std::vector<std::vector<LevelEntry>> levels;
  levels.reserve(ids.size());
  for (const PersonId id : ids) {
    levels.push_back(model.effective_levels(id));
  }
  assign::GeneralizedProblem problem{people_count + 1, n, {}, {}, {}};
  const auto cells = static_cast<std::size_t>(problem.agents) * static_cast<std::size_t>(n);
  problem.cost.assign(cells, 0.0);
  problem.weight.assign(cells, std::numeric_limits<double>::infinity());
  std::vector<double> fit(cells, 0.0);
  // Each person's fit for each distinct role, once: many seats share a role.
  std::map<RoleId, std::vector<std::optional<double>>> role_fits;
  for (const RoleId role : roles) {
    auto [entry, fresh] = role_fits.try_emplace(role);
    if (fresh) {
      entry->second.reserve(ids.size());
      for (const std::vector<LevelEntry>& person : levels) {
        entry->second.push_back(team::role_fit(model, person, role));
      }
    }
  }
  const double unfilled = -(static_cast<double>(n) + 1);
  double total_fte = 0;
  for (int s = 0; s < n; ++s) {
    const double fte = seats[static_cast<std::size_t>(s)].fte;
    total_fte += fte;
    const std::vector<std::optional<double>>& fits = role_fits[roles[static_cast<std::size_t>(s)]];
    for (int p = 0; p < people_count; ++p) {
      const auto k =
          static_cast<std::size_t>(p) * static_cast<std::size_t>(n) + static_cast<std::size_t>(s);
      if (const auto& f = fits[static_cast<std::size_t>(p)]) {
        fit[k] = *f;
        problem.cost[k] = *f;
        problem.weight[k] = fte;
      }
    }
    const auto k = static_cast<std::size_t>(people_count) * static_cast<std::size_t>(n) +
                   static_cast<std::size_t>(s);
    problem.cost[k] = unfilled;
    problem.weight[k] = fte;
  }
  for (const PersonId id : ids) {
    problem.capacity.push_back(model.person(id).availability);
  }
  problem.capacity.push_back(total_fte + 1);

  // The time limit covers the whole call, building the problem included.
  SolveOptions rest = options;
  rest.time_limit_s = std::max(
      0.0, options.time_limit_s -
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  const assign::GeneralizedSolution solution = assign::solve_generalized(
      problem, {.sense = assign::Sense::kMaximize, .max_moves = staffing.max_moves}, rest, hooks);
  StaffingResult result;
  result.status = solution.status;
  result.termination = solution.termination;
  result.objective = solution.cost;
  result.bound = solution.bound;
  result.relative_gap = solution.relative_gap;
  result.time_to_best_s = solution.time_to_best_s;
  result.load.assign(ids.size(), 0.0);
  if (!solution.solved()) {  // stopped before any assignment: leaving every seat empty is one
    for (const Seat& seat : seats) {
      result.unfilled_seats.push_back(seat.id);
    }
  }
  for (int s = 0; s < n && solution.solved(); ++s) {
    const int p = solution.agent_of_job[static_cast<std::size_t>(s)];
    const Seat& seat = seats[static_cast<std::size_t>(s)];
    if (p == people_count) {
      result.unfilled_seats.push_back(seat.id);
      continue;
    }
    const auto k =
        static_cast<std::size_t>(p) * static_cast<std::size_t>(n) + static_cast<std::size_t>(s);
    const Person& person = model.person(ids[static_cast<std::size_t>(p)]);
    result.assignments.push_back(
        {person.id, seat.id, fit[k], contains(person.preferred_roles, seat.role)});
    result.load[static_cast<std::size_t>(p)] += seat.fte;
    result.total_fit += fit[k];
  }
  result.time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace teamwright::placement
