// Roles and shifts as one linear assignment (include/teamwright/placement/roles.hpp,
// docs/algorithms.md): a "nobody" column per person lets a person stay without a slot, and a
// constant larger than any total score on every real pair fills the most slots first.

#include "teamwright/placement/roles.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "placement/common.hpp"
#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"

namespace teamwright::placement {

using detail::cancelled_before;
using detail::contains;
using detail::proven;
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
      result.unplaced.push_back(people_ids[i]);
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

}  // namespace teamwright::placement
