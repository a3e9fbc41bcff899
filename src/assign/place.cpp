// Roles, shifts and mentoring pairs as linear assignments (see include/teamwright/assign/place.hpp
// and docs/algorithms.md). Both add one "nobody" column per row so that a row may stay
// unmatched; placement first maximises the number of filled slots by adding a constant larger
// than any total score to every real pair.

#include "teamwright/assign/place.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "teamwright/assign/generalized.hpp"
#include "teamwright/assign/linear.hpp"
#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"
#include "util/search_clock.hpp"
#include "util/text.hpp"

namespace teamwright::assign {
namespace {

using util::number;
using util::quote;

// Looks an item up, naming where it was referenced when it does not exist.
template <class Lookup>
auto resolve(const std::string& where, Lookup lookup) {
  try {
    return lookup();
  } catch (const UnknownReferenceError& e) {
    throw UnknownReferenceError(where + ": " + e.what());
  }
}

std::vector<PersonId> resolve_members(const Model& model, std::span<const std::string> members) {
  std::vector<PersonId> ids;
  std::set<std::string, std::less<>> seen;
  for (const std::string& member : members) {
    if (!seen.insert(member).second) {
      throw DuplicateIdError("members: person " + quote(member) + " is named twice");
    }
    ids.push_back(resolve("members", [&] { return model.person_id(member); }));
  }
  return ids;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// A rows x (cols + rows) matrix whose last `rows` columns are "nobody", free for every row.
struct WithNobody {
  std::int64_t rows;
  std::int64_t cols;
  std::vector<double> value;
  std::vector<char> forbidden;

  WithNobody(std::size_t r, std::size_t c)
      : rows(static_cast<std::int64_t>(r)),
        cols(static_cast<std::int64_t>(c)),
        value(r * (r + c), 0.0),
        forbidden(r * (r + c), 0) {}

  [[nodiscard]] std::size_t at(std::size_t i, std::size_t j) const {
    return i * static_cast<std::size_t>(rows + cols) + j;
  }

  // The real column of each row, or -1.
  [[nodiscard]] std::vector<std::int64_t> solve() const {
    const std::int64_t width = rows + cols;
    AssignmentOptions options;
    options.sense = Sense::kMaximize;
    options.forbidden = {reinterpret_cast<const bool*>(forbidden.data()), rows, width, width};
    const auto a = linear_assignment(MatrixView<double>{value.data(), rows, width, width}, options);
    std::vector<std::int64_t> column(static_cast<std::size_t>(rows), -1);
    for (std::size_t k = 0; k < a.rows.size(); ++k) {
      if (a.cols[k] < cols) {
        column[static_cast<std::size_t>(a.rows[k])] = a.cols[k];
      }
    }
    return column;
  }
};

// The solve contract for the exact assignments: a cancellation before the start leaves the
// result empty; otherwise the answer is proven and its bound is its objective.
template <class Result>
bool cancelled_before(util::SearchClock& clock, Result& result) {
  if (!clock.stop() || clock.termination() == Termination::kTimeLimit) {
    return false;
  }
  result.status = Status::kNoSolutionFound;
  result.termination = clock.termination();
  return true;
}

template <class Result>
void proven(util::SearchClock& clock, Result& result, double objective) {
  result.status = Status::kOptimal;
  result.termination = Termination::kCompleted;
  result.bound = objective;
  result.relative_gap = 0;
  result.time_s = result.time_to_best_s = clock.elapsed();
  clock.report(objective, objective, true);
}

}  // namespace

PlacementResult place(const Model& model, std::span<const std::string> members,
                      std::span<const Slot> slots, const PlacementOptions& placement,
                      const SolveOptions& solve, const SolveHooks& hooks) {
  validate(solve);
  util::SearchClock clock(solve, hooks);
  const PlacementOptions& options = placement;
  if (!std::isfinite(options.preference_bonus) || options.preference_bonus < 0) {
    throw OutOfRangeError("placement options: preference_bonus " +
                          number(options.preference_bonus) + " must be a finite number >= 0");
  }
  const std::vector<PersonId> people = resolve_members(model, members);
  std::set<std::string, std::less<>> slot_ids;
  std::vector<std::optional<RoleId>> roles;
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const Slot& slot = slots[s];
    const std::string where = "slot " + std::to_string(s + 1);
    if (slot.id.empty()) {
      throw InvalidInputError(where + ": id must not be empty");
    }
    if (!slot_ids.insert(slot.id).second) {
      throw DuplicateIdError("slot " + quote(slot.id) + " is given twice");
    }
    if (slot.role.empty() && slot.shift.empty()) {
      throw InvalidInputError("slot " + quote(slot.id) + ": names neither a role nor a shift");
    }
    roles.push_back(slot.role.empty() ? std::nullopt
                                      : std::optional(resolve("slot " + quote(slot.id), [&] {
                                          return model.role_id(slot.role);
                                        })));
  }

  const std::size_t n = people.size();
  const std::size_t m = slots.size();
  WithNobody matrix(n, m);
  std::vector<Placement> candidates(n * m);
  // Any filled slot outweighs every possible score: cardinality first, then fit and bonus.
  const double filled = 1 + static_cast<double>(n) * (1 + 2 * options.preference_bonus);
  for (std::size_t i = 0; i < n; ++i) {
    const Person& person = model.person(people[i]);
    const std::vector<LevelEntry> levels = model.effective_levels(people[i]);
    for (std::size_t s = 0; s < m; ++s) {
      const auto fit = roles[s] ? team::role_fit(model, levels, *roles[s]) : 0.0;
      if (!fit) {
        matrix.forbidden[matrix.at(i, s)] = 1;
        continue;
      }
      Placement& p = candidates[i * m + s];
      p = {person.id, slots[s].id, *fit,
           !slots[s].role.empty() && contains(person.preferred_roles, slots[s].role),
           !slots[s].shift.empty() && contains(person.preferred_shifts, slots[s].shift)};
      matrix.value[matrix.at(i, s)] =
          filled + p.fit +
          options.preference_bonus * ((p.preferred_role ? 1 : 0) + (p.preferred_shift ? 1 : 0));
    }
  }

  PlacementResult result;
  if (cancelled_before(clock, result)) {
    return result;
  }
  const std::vector<std::int64_t> column = matrix.solve();
  std::vector<std::int64_t> holder(m, -1);
  for (std::size_t i = 0; i < n; ++i) {
    if (column[i] < 0) {
      result.unplaced.push_back(members[i]);
    } else {
      holder[static_cast<std::size_t>(column[i])] = static_cast<std::int64_t>(i);
    }
  }
  for (std::size_t s = 0; s < m; ++s) {
    if (holder[s] < 0) {
      result.unfilled_slots.push_back(slots[s].id);
      continue;
    }
    const Placement& p = candidates[static_cast<std::size_t>(holder[s]) * m + s];
    result.placements.push_back(p);
    result.total_fit += p.fit;
    result.total_bonus +=
        options.preference_bonus * ((p.preferred_role ? 1 : 0) + (p.preferred_shift ? 1 : 0));
  }
  proven(clock, result, result.total_fit + result.total_bonus);
  return result;
}

MentoringResult mentoring_pairs(const Model& model, std::span<const std::string> members,
                                std::span<const MentoringGoal> goals, const SolveOptions& options,
                                const SolveHooks& hooks) {
  validate(options);
  util::SearchClock clock(options, hooks);
  const std::vector<PersonId> people = resolve_members(model, members);
  const double top = model.scale().max_level();
  std::vector<CompetencyId> competencies;
  std::set<std::string, std::less<>> seen;
  for (const MentoringGoal& goal : goals) {
    const std::string where = "mentoring goal " + quote(goal.competency);
    competencies.push_back(
        resolve("mentoring goal", [&] { return model.competency_id(goal.competency); }));
    if (!seen.insert(goal.competency).second) {
      throw DuplicateIdError(where + ": the competency is named twice");
    }
    const double mentor = goal.mentor_level.value_or(goal.target_level);
    if (!(goal.target_level >= 0 && goal.target_level <= top) || !(mentor <= top)) {
      throw OutOfRangeError(where + ": levels must lie on the scale 0-" + number(top));
    }
    if (!(mentor >= goal.target_level)) {
      throw OutOfRangeError(where + ": mentor_level " + number(mentor) +
                            " is below the target level " + number(goal.target_level));
    }
    if (goal.importance < 1 || goal.importance > 5) {
      throw OutOfRangeError(where + ": importance " + std::to_string(goal.importance) +
                            " is outside 1-5");
    }
  }

  // levels[p][g]: member p's effective level in goal g's competency.
  std::vector<std::vector<double>> levels(people.size());
  std::vector<std::size_t> mentees;
  std::vector<std::size_t> mentors;
  for (std::size_t p = 0; p < people.size(); ++p) {
    bool below = false;
    bool strong = false;
    for (std::size_t g = 0; g < goals.size(); ++g) {
      const double level = model.effective_level(people[p], competencies[g]);
      levels[p].push_back(level);
      below = below || !team::meets(level, goals[g].target_level);
      strong = strong || team::meets(level, goals[g].mentor_level.value_or(goals[g].target_level));
    }
    if (below) {
      mentees.push_back(p);
    }
    if (strong) {
      mentors.push_back(p);
    }
  }

  WithNobody matrix(mentees.size(), mentors.size());
  std::vector<MentoringPair> candidates(mentees.size() * mentors.size());
  for (std::size_t e = 0; e < mentees.size(); ++e) {
    for (std::size_t r = 0; r < mentors.size(); ++r) {
      MentoringPair& pair = candidates[e * mentors.size() + r];
      pair.mentor = members[mentors[r]];
      pair.mentee = members[mentees[e]];
      for (std::size_t g = 0; g < goals.size(); ++g) {
        const double target = goals[g].target_level;
        const double mentee_level = levels[mentees[e]][g];
        if (mentors[r] != mentees[e] && mentee_level < target &&
            levels[mentors[r]][g] >= goals[g].mentor_level.value_or(target)) {
          pair.competencies.push_back(goals[g].competency);
          pair.benefit += goals[g].importance * (target - mentee_level);
        }
      }
      if (pair.competencies.empty()) {
        matrix.forbidden[matrix.at(e, r)] = 1;
      } else {
        matrix.value[matrix.at(e, r)] = pair.benefit;
      }
    }
  }

  MentoringResult result;
  if (cancelled_before(clock, result)) {
    return result;
  }
  const std::vector<std::int64_t> column = matrix.solve();
  for (std::size_t e = 0; e < mentees.size(); ++e) {
    if (column[e] < 0) {
      result.unpaired_mentees.push_back(members[mentees[e]]);
      continue;
    }
    MentoringPair& pair = candidates[e * mentors.size() + static_cast<std::size_t>(column[e])];
    result.total_benefit += pair.benefit;
    result.pairs.push_back(std::move(pair));
  }
  proven(clock, result, result.total_benefit);
  return result;
}

StaffingResult staff(const Model& model, std::span<const std::string> people,
                     std::span<const Seat> seats, const StaffingOptions& staffing,
                     const SolveOptions& options, const SolveHooks& hooks) {
  const std::vector<PersonId> ids = resolve_members(model, people);
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
  GeneralizedProblem problem{people_count + 1, n, {}, {}, {}};
  const auto cells = static_cast<std::size_t>(problem.agents) * static_cast<std::size_t>(n);
  problem.cost.assign(cells, 0.0);
  problem.weight.assign(cells, std::numeric_limits<double>::infinity());
  std::vector<double> fit(cells, 0.0);
  const double unfilled = -(static_cast<double>(n) + 1);
  double total_fte = 0;
  for (int s = 0; s < n; ++s) {
    const double fte = seats[static_cast<std::size_t>(s)].fte;
    total_fte += fte;
    for (int p = 0; p < people_count; ++p) {
      const auto k =
          static_cast<std::size_t>(p) * static_cast<std::size_t>(n) + static_cast<std::size_t>(s);
      if (const auto f = team::role_fit(model, levels[static_cast<std::size_t>(p)],
                                        roles[static_cast<std::size_t>(s)])) {
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

  const GeneralizedSolution solution = solve_generalized(
      problem, {.sense = Sense::kMaximize, .max_moves = staffing.max_moves}, options, hooks);
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
  result.time_s = solution.time_s;
  return result;
}

}  // namespace teamwright::assign
