// Roles and shifts as one linear assignment (include/teamwright/placement/roles.hpp,
// docs/algorithms.md): a "nobody" column per person lets a person stay without a slot, and a
// constant larger than any total score on every real pair fills the most slots first.

#include "teamwright/placement/roles.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "placement/common.hpp"
#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"

namespace teamwright::placement {

using detail::cancelled_before;
using detail::contains;
using detail::finish;
using detail::resolve;
using detail::resolve_people;
using util::number;
using util::quote;

PlacementResult assign_roles(const Model& model, std::span<const std::string> people_ids,
                             std::span<const Slot> slots, const PlacementOptions& placement,
                             const SolveOptions& solve, const SolveHooks& hooks) {
  validate(solve);
  util::SearchClock clock(solve, hooks);
  const PlacementOptions& options = placement;
  if (!std::isfinite(options.preference_bonus) || options.preference_bonus < 0) {
    throw OutOfRangeError("placement options: preference_bonus " +
                          number(options.preference_bonus) + " must be a finite number >= 0");
  }
  const std::vector<PersonId> people = resolve_people(model, people_ids);
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
  detail::WithNobody matrix(n, m);
  // Any filled slot outweighs every possible score: cardinality first, then fit and bonus.
  const double filled = 1 + static_cast<double>(n) * (1 + 2 * options.preference_bonus);
  const auto bonus = [&](const Person& person, std::size_t s) {
    const bool role = !slots[s].role.empty() && contains(person.preferred_roles, slots[s].role);
    const bool shift = !slots[s].shift.empty() && contains(person.preferred_shifts, slots[s].shift);
    return std::pair{role, shift};
  };
  // An upper bound on fit plus bonus of any placement: each slot's best candidate.
  std::vector<double> best_in_slot(m, 0.0);
  bool built = true;
  for (std::size_t i = 0; i < n; ++i) {
    if (clock.stop()) {
      built = false;
      break;
    }
    const Person& person = model.person(people[i]);
    const std::vector<LevelEntry> levels = model.effective_levels(people[i]);
    for (std::size_t s = 0; s < m; ++s) {
      const auto fit = roles[s] ? team::role_fit(model, levels, *roles[s]) : 0.0;
      if (!fit) {
        matrix.forbidden[matrix.at(i, s)] = 1;
        continue;
      }
      const auto [role, shift] = bonus(person, s);
      const double score = *fit + options.preference_bonus * ((role ? 1 : 0) + (shift ? 1 : 0));
      matrix.value[matrix.at(i, s)] = filled + score;
      best_in_slot[s] = std::max(best_in_slot[s], score);
    }
  }

  PlacementResult result;
  if (cancelled_before(clock, result)) {
    return result;
  }
  const detail::WithNobody::Solved solved = built ? matrix.solve(clock) : matrix.unsolved();
  std::vector<std::int64_t> holder(m, -1);
  for (std::size_t i = 0; i < n; ++i) {
    if (solved.column[i] < 0) {
      result.unplaced.push_back(people_ids[i]);
    } else {
      holder[static_cast<std::size_t>(solved.column[i])] = static_cast<std::int64_t>(i);
    }
  }
  double bound = 0;
  for (std::size_t s = 0; s < m; ++s) {
    bound += best_in_slot[s];
    if (holder[s] < 0) {
      result.unfilled_slots.push_back(slots[s].id);
      continue;
    }
    const auto i = static_cast<std::size_t>(holder[s]);
    const Person& person = model.person(people[i]);
    const auto [role, shift] = bonus(person, s);
    const double fit =
        roles[s] ? *team::role_fit(model, model.effective_levels(people[i]), *roles[s]) : 0.0;
    result.placements.push_back({person.id, slots[s].id, fit, role, shift});
    result.total_fit += fit;
    result.total_bonus += options.preference_bonus * ((role ? 1 : 0) + (shift ? 1 : 0));
  }
  finish(clock, result, solved.complete, result.total_fit + result.total_bonus,
         built ? bound : std::numeric_limits<double>::infinity());
  return result;
}

}  // namespace teamwright::placement
