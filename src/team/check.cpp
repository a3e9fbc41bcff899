// A second, plain reading of the request against the model, sharing no code with compile,
// evaluate or the solvers beyond the model's own level rule: docs/model.md read again.

#include "teamwright/team/check.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "util/text.hpp"

namespace teamwright::team {
namespace {

bool close(double a, double b) {
  return std::abs(a - b) <= 1e-6 * std::max({1.0, std::abs(a), std::abs(b)});
}

bool meets(const Model& model, PersonId person, const std::string& competency, double level) {
  return model.effective_level(person, model.competency_id(competency)) >= level;
}

bool holds_role(const Model& model, PersonId person, const Role& role) {
  return std::all_of(role.requirements.begin(), role.requirements.end(),
                     [&](const RoleRequirement& r) {
                       return !r.hard || meets(model, person, r.competency, r.min_level);
                     });
}

bool weighed(const TeamRequest& request) {
  return request.objective == Objective::kMaxCoverage ||
         request.objective == Objective::kLexicographic;
}

// The slots of the request as the checker reads them: each role slot, then the leaders beyond
// the request's leader slots.
struct Slot {
  std::optional<std::string> role;  // nothing: any leader role
  int count = 0;
};

std::vector<Slot> slots_of(const Model& model, const TeamRequest& request) {
  std::vector<Slot> slots;
  int leader_slots = 0;
  for (const RoleSlot& slot : request.roles) {
    slots.push_back({slot.role, slot.count});
    leader_slots += model.role(model.role_id(slot.role)).leader ? slot.count : 0;
  }
  if (request.min_leaders > leader_slots) {
    slots.push_back({std::nullopt, request.min_leaders - leader_slots});
  }
  return slots;
}

bool can_hold(const Model& model, PersonId person, const Slot& slot, RoleId role) {
  const Role& r = model.role(role);
  if (slot.role ? r.id != *slot.role : !r.leader) {
    return false;
  }
  return holds_role(model, person, r);
}

bool can_hold_any(const Model& model, PersonId person, const Slot& slot) {
  for (std::uint32_t k = 0; k < model.roles().size(); ++k) {
    if (can_hold(model, person, slot, RoleId(k))) {
      return true;
    }
  }
  return false;
}

// The most slots `people` can fill, each holding at most one: a search over who takes which
// slot, memoised on the person reached and the slots still open.
int max_slots_filled(const Model& model, const std::vector<Slot>& slots,
                     const std::vector<PersonId>& people) {
  std::vector<std::vector<char>> qualifies(people.size());
  for (std::size_t k = 0; k < people.size(); ++k) {
    for (const Slot& slot : slots) {
      qualifies[k].push_back(can_hold_any(model, people[k], slot) ? 1 : 0);
    }
  }
  std::vector<int> left;
  left.reserve(slots.size());
  for (const Slot& slot : slots) {
    left.push_back(slot.count);
  }
  std::map<std::pair<std::size_t, std::vector<int>>, int> memo;
  std::function<int(std::size_t)> best = [&](std::size_t k) -> int {
    if (k == people.size()) {
      return 0;
    }
    const auto key = std::make_pair(k, left);
    if (const auto found = memo.find(key); found != memo.end()) {
      return found->second;
    }
    int value = best(k + 1);  // this person holds no slot
    for (std::size_t s = 0; s < left.size(); ++s) {
      if (left[s] > 0 && qualifies[k][s] != 0) {
        --left[s];
        value = std::max(value, 1 + best(k + 1));
        ++left[s];
      }
    }
    memo.emplace(key, value);
    return value;
  };
  return best(0);
}

bool eligible(const Model& model, const TeamRequest& request, PersonId person) {
  const Person& p = model.person(person);
  if (p.availability <= 0 || p.availability < request.min_availability ||
      std::find(request.exclude.begin(), request.exclude.end(), p.id) != request.exclude.end()) {
    return false;
  }
  for (const TeamRequirement& r : request.requirements) {
    if (r.hard && std::holds_alternative<Everyone>(r.count) &&
        !meets(model, person, r.competency, r.min_level)) {
      return false;
    }
  }
  return true;
}

// What the members give a requirement: members at the level, or their FTE.
double given(const Model& model, const TeamRequirement& r, const std::vector<PersonId>& team) {
  double total = 0;
  for (const PersonId person : team) {
    if (meets(model, person, r.competency, r.min_level)) {
      total += std::holds_alternative<Fte>(r.count) ? model.person(person).availability : 1.0;
    }
  }
  return total;
}

double asked(const TeamRequirement& r, std::size_t team_size) {
  if (const int* count = std::get_if<int>(&r.count)) {
    return *count;
  }
  if (const Fte* fte = std::get_if<Fte>(&r.count)) {
    return fte->value;
  }
  return static_cast<double>(team_size);
}

// The objective of a team with its holders, from docs/model.md#objectives.
double expected_objective(const Model& model, const TeamRequest& request,
                          const std::vector<PersonId>& team, const std::vector<SlotHolder>& holders,
                          const std::vector<Slot>& slots) {
  const bool by_coverage = weighed(request);
  const bool fte =
      std::any_of(request.requirements.begin(), request.requirements.end(),
                  [](const TeamRequirement& r) { return std::holds_alternative<Fte>(r.count); });
  const double step = fte ? 0.01 : 1.0;
  std::vector<PersonId> pool;
  double total_cost = 0;
  for (std::uint32_t k = 0; k < model.people().size(); ++k) {
    if (eligible(model, request, PersonId(k))) {
      pool.emplace_back(k);
      total_cost += model.person(PersonId(k)).cost;
    }
  }
  auto base = [&](PersonId person) {
    const double cost = model.person(person).cost;
    switch (request.objective) {
      case Objective::kMinCost:
        return cost;
      case Objective::kMinSize:
        return 1 + cost / (total_cost + 1);
      default:
        return step * cost / (total_cost + 1);
    }
  };
  std::array<double, 6> per_unit{};
  if (!by_coverage) {
    double all_base = 0;
    for (const PersonId person : pool) {
      all_base += base(person);
    }
    const double point = request.soft_penalty.value_or((all_base + 1) / step);
    for (int t = 1; t <= 5; ++t) {
      per_unit[t] = point * t;
    }
  } else if (request.objective == Objective::kMaxCoverage) {
    for (int t = 1; t <= 5; ++t) {
      per_unit[t] = t;
    }
  } else {
    std::array<double, 6> most{};
    for (const TeamRequirement& r : request.requirements) {
      most[r.importance] += std::holds_alternative<Everyone>(r.count)
                                ? static_cast<double>(pool.size())
                                : asked(r, 0);
    }
    for (const Slot& slot : slots) {
      int importance = 0;
      for (const Role& role : model.roles()) {
        if (slot.role ? role.id == *slot.role : role.leader) {
          for (const RoleRequirement& r : role.requirements) {
            if (r.hard) {
              importance = std::max(importance, r.importance);
            } else {
              most[r.importance] += slot.count;
            }
          }
        }
      }
      most[importance > 0 ? importance : 3] += slot.count;
    }
    double below = 1;
    for (int t = 1; t <= 5; ++t) {
      per_unit[t] = below / step;
      below += per_unit[t] * most[t];
    }
  }
  double value = 0;
  for (const PersonId person : team) {
    value += base(person);
  }
  for (const TeamRequirement& r : request.requirements) {
    if (r.hard && !by_coverage) {
      continue;
    }
    if (std::holds_alternative<Everyone>(r.count)) {
      for (const PersonId person : team) {
        value += meets(model, person, r.competency, r.min_level) ? 0 : per_unit[r.importance];
      }
    } else {
      value += per_unit[r.importance] * std::max(0.0, asked(r, 0) - given(model, r, team));
    }
  }
  std::vector<int> held(slots.size(), 0);
  for (const SlotHolder& holder : holders) {
    for (const RoleRequirement& r : model.role(holder.role).requirements) {
      if (!r.hard && !meets(model, holder.person, r.competency, r.min_level)) {
        value += per_unit[r.importance];
      }
    }
    const std::size_t s = holder.row - request.requirements.size();
    if (s < held.size()) {
      ++held[s];
    }
  }
  if (by_coverage) {
    for (std::size_t s = 0; s < slots.size(); ++s) {
      int importance = 0;
      for (const Role& role : model.roles()) {
        if (slots[s].role ? role.id == *slots[s].role : role.leader) {
          for (const RoleRequirement& r : role.requirements) {
            importance = r.hard ? std::max(importance, r.importance) : importance;
          }
        }
      }
      value += per_unit[importance > 0 ? importance : 3] * std::max(0, slots[s].count - held[s]);
    }
  }
  return value;
}

}  // namespace

std::vector<std::string> check(const Model& model, const TeamRequest& request,
                               const TeamResult& result) {
  model.validate(request);
  std::vector<std::string> problems;
  auto fail = [&](std::string text) { problems.push_back(std::move(text)); };
  const bool solved = result.status == Status::kOptimal || result.status == Status::kFeasible;
  const std::vector<Slot> slots = slots_of(model, request);

  std::vector<PersonId> team;
  for (const MemberReport& member : result.members) {
    if (member.person.index() >= model.people().size()) {
      fail("member index " + std::to_string(member.person.index()) + " is not a person");
      return problems;
    }
    if (!team.empty() && team.back() >= member.person) {
      fail("members are not strictly ascending");
    }
    team.push_back(member.person);
    if (!eligible(model, request, member.person)) {
      fail("member " + util::quote(model.person(member.person).id) + " is not eligible");
    }
  }
  double cost = 0;
  for (const PersonId person : team) {
    cost += model.person(person).cost;
  }
  if (!close(cost, result.cost)) {
    fail("cost " + util::number(result.cost) + " is not the members' total " + util::number(cost));
  }

  // The coverage table: requirements, then slots, each recomputed.
  const std::size_t expected_rows = request.requirements.size() + slots.size();
  if (result.coverage.rows.size() != expected_rows) {
    fail("coverage has " + std::to_string(result.coverage.rows.size()) + " rows, expected " +
         std::to_string(expected_rows));
    return problems;
  }
  for (std::size_t i = 0; i < request.requirements.size(); ++i) {
    const TeamRequirement& r = request.requirements[i];
    const CoverageRow& row = result.coverage.rows[i];
    std::vector<PersonId> at_level;
    for (const PersonId person : team) {
      if (meets(model, person, r.competency, r.min_level)) {
        at_level.push_back(person);
      }
    }
    if (!close(row.needed, asked(r, team.size())) || !close(row.provided, given(model, r, team)) ||
        row.covered_by != at_level || row.row.min_level != r.min_level ||
        model.competency(row.row.competency.value_or(CompetencyId(~0U))).id != r.competency) {
      fail("coverage row " + std::to_string(i) + " (" + r.competency + ") is wrong");
    }
    const bool met = given(model, r, team) >= asked(r, team.size()) - 1e-9;
    if (solved && r.hard && !weighed(request) && !met) {
      fail("hard requirement " + std::to_string(i) + " (" + r.competency + ") is not met");
    }
  }
  std::map<PersonId, const SlotHolder*> holder_of;
  std::vector<int> held(slots.size(), 0);
  int leaders = 0;
  for (const SlotHolder& holder : result.coverage.holders) {
    const std::string who = util::quote(model.person(holder.person).id);
    const std::size_t s = holder.row - request.requirements.size();
    if (std::find(team.begin(), team.end(), holder.person) == team.end() ||
        !holder_of.emplace(holder.person, &holder).second ||
        holder.row < request.requirements.size() || s >= slots.size()) {
      fail("slot holder " + who + " is not a member holding one slot row");
      continue;
    }
    if (!can_hold(model, holder.person, slots[s], holder.role)) {
      fail("member " + who + " cannot hold role " + util::quote(model.role(holder.role).id) +
           " in slot row " + std::to_string(holder.row));
    }
    ++held[s];
    leaders += model.role(holder.role).leader ? 1 : 0;
  }
  int filled = 0;
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const CoverageRow& row = result.coverage.rows[request.requirements.size() + s];
    std::vector<PersonId> holders;
    for (const auto& [person, holder] : holder_of) {
      if (holder->row == request.requirements.size() + s) {
        holders.push_back(person);
      }
    }
    if (!close(row.needed, slots[s].count) || row.covered_by != holders ||
        !close(row.provided, static_cast<double>(holders.size())) || held[s] > slots[s].count) {
      fail("coverage row " + std::to_string(request.requirements.size() + s) + " (slot) is wrong");
    }
    filled += held[s];
    if (solved && !weighed(request) && held[s] < slots[s].count) {
      fail("slot row " + std::to_string(request.requirements.size() + s) + " is not filled");
    }
  }
  if (leaders > request.max_leaders) {
    fail(std::to_string(leaders) + " members hold leader roles, more than max_leaders " +
         std::to_string(request.max_leaders));
  }
  if (solved && !weighed(request) && leaders < request.min_leaders) {
    fail(std::to_string(leaders) + " members hold leader roles, fewer than min_leaders " +
         std::to_string(request.min_leaders));
  }

  // What each member contributes: counted and FTE rows that would fall short without them are
  // theirs alone, and so is their slot when the others cannot fill as many slots.
  for (const MemberReport& member : result.members) {
    std::vector<PersonId> others;
    for (const PersonId person : team) {
      if (person != member.person) {
        others.push_back(person);
      }
    }
    std::vector<std::size_t> contributes;
    std::vector<std::size_t> unique;
    for (std::size_t i = 0; i < request.requirements.size(); ++i) {
      const TeamRequirement& r = request.requirements[i];
      if (!meets(model, member.person, r.competency, r.min_level)) {
        continue;
      }
      contributes.push_back(i);
      if (!std::holds_alternative<Everyone>(r.count) &&
          given(model, r, others) < asked(r, 0) - 1e-9 * std::max(1.0, asked(r, 0))) {
        unique.push_back(i);
      }
    }
    const auto holder = holder_of.find(member.person);
    if (holder != holder_of.end()) {
      contributes.push_back(holder->second->row);
      if (max_slots_filled(model, slots, others) < filled) {
        unique.push_back(holder->second->row);
      }
    }
    std::vector<std::size_t> shared;
    std::set_difference(contributes.begin(), contributes.end(), unique.begin(), unique.end(),
                        std::back_inserter(shared));
    if (member.unique != unique || member.contributes != contributes || member.shared != shared) {
      fail("contributions of " + util::quote(model.person(member.person).id) + " are wrong");
    }
    const bool has_slot = holder != holder_of.end();
    if (has_slot != member.slot.has_value() || has_slot != member.role.has_value() ||
        (has_slot &&
         (*member.slot != holder->second->row || *member.role != holder->second->role))) {
      fail("slot of " + util::quote(model.person(member.person).id) + " is wrong");
    }
    if (member.replacement && !member.replacement->team.empty()) {
      const Replacement& r = *member.replacement;
      double other_cost = 0;
      for (const PersonId person : r.team) {
        other_cost += model.person(person).cost;
        if (person == member.person) {
          fail("the replacement team of " + util::quote(model.person(member.person).id) +
               " includes them");
        }
      }
      if (!close(other_cost, r.cost) || !close(r.extra_cost, r.cost - result.cost)) {
        fail("the replacement cost of " + util::quote(model.person(member.person).id) +
             " is wrong");
      }
    }
  }

  if (solved) {
    const int size = static_cast<int>(team.size());
    if (size < request.min_size || (request.max_size && size > *request.max_size)) {
      fail("team size " + std::to_string(size) + " is outside the size bounds");
    }
    if (request.budget && cost > *request.budget * (1 + 1e-9) + 1e-9) {
      fail("cost " + util::number(cost) + " exceeds the budget");
    }
    for (const std::string& id : request.must_include) {
      if (std::find(team.begin(), team.end(), model.person_id(id)) == team.end()) {
        fail("must-include person " + util::quote(id) + " is missing");
      }
    }
    for (const auto& [a, b] : request.incompatible) {
      const bool has_a = std::find(team.begin(), team.end(), model.person_id(a)) != team.end();
      const bool has_b = std::find(team.begin(), team.end(), model.person_id(b)) != team.end();
      if (has_a && has_b) {
        fail("incompatible people " + util::quote(a) + " and " + util::quote(b) + " are both in");
      }
    }
    if (!weighed(request) && filled != max_slots_filled(model, slots, team)) {
      fail("the team could fill more slots");
    }
    if (request.robust && !weighed(request)) {
      for (const PersonId leaving : team) {
        std::vector<PersonId> rest;
        std::copy_if(team.begin(), team.end(), std::back_inserter(rest),
                     [&](PersonId p) { return p != leaving; });
        int all_slots = 0;
        for (const Slot& slot : slots) {
          all_slots += slot.count;
        }
        bool holds = max_slots_filled(model, slots, rest) == all_slots;
        for (const TeamRequirement& r : request.requirements) {
          holds = holds && (!r.hard || std::holds_alternative<Everyone>(r.count) ||
                            given(model, r, rest) >= asked(r, 0) - 1e-9);
        }
        if (!holds) {
          fail("without " + util::quote(model.person(leaving).id) +
               " the robust team no longer meets the request");
        }
      }
    }
    std::vector<SlotHolder> holders(result.coverage.holders.begin(), result.coverage.holders.end());
    const double objective = expected_objective(model, request, team, holders, slots);
    if (!close(objective, result.objective)) {
      fail("objective " + util::number(result.objective) + " is not the team's " +
           util::number(objective));
    }
    if (result.bound > result.objective + 1e-6 * std::max(1.0, std::abs(result.objective))) {
      fail("bound " + util::number(result.bound) + " exceeds the objective");
    }
    if (result.status == Status::kOptimal && !close(result.bound, result.objective)) {
      fail("an optimal result whose bound is not its objective");
    }
    if (!close(result.relative_gap, relative_gap(result.objective, result.bound))) {
      fail("gap " + util::number(result.relative_gap) + " is not the relative gap");
    }
    if (!result.unmet.empty() || result.diagnosis) {
      fail("a solved result lists reasons it cannot be solved");
    }
  }

  if (result.status == Status::kInfeasible || result.status == Status::kNoSolutionFound) {
    if (result.status == Status::kInfeasible && result.unmet.empty() && result.reasons.empty()) {
      fail("infeasible without a reason");
    }
    if (result.diagnosis) {
      const std::size_t all = request.requirements.size() + request.roles.size() +
                              request.must_include.size() + request.exclude.size() +
                              request.incompatible.size() + 7;
      if (result.diagnosis->conflict.size() > all) {
        fail("the conflict lists more constraints than the request has");
      }
    }
    for (const UnmetRequirement& unmet : result.unmet) {
      // Capable: eligible people meeting the requirement, or able to hold the slot.
      std::set<PersonId> capable;
      for (const std::size_t i : unmet.rows) {
        if (i >= expected_rows) {
          fail("unmet names row " + std::to_string(i) + ", which does not exist");
          return problems;
        }
        for (std::uint32_t k = 0; k < model.people().size(); ++k) {
          const PersonId person(k);
          if (!eligible(model, request, person)) {
            continue;
          }
          const bool can =
              i < request.requirements.size()
                  ? meets(model, person, request.requirements[i].competency,
                          request.requirements[i].min_level)
                  : can_hold_any(model, person, slots[i - request.requirements.size()]);
          if (can) {
            capable.insert(person);
          }
        }
      }
      const std::vector<PersonId> expected(capable.begin(), capable.end());
      const bool side_constraints = request.budget || request.max_size;
      const bool list_ok =
          side_constraints ? std::includes(expected.begin(), expected.end(),
                                           unmet.capable_people.begin(), unmet.capable_people.end())
                           : unmet.capable_people == expected;
      if (!list_ok || unmet.capable != static_cast<int>(unmet.capable_people.size())) {
        fail("unmet requirement at row " + std::to_string(unmet.rows.front()) +
             " does not hold: " + std::to_string(unmet.capable) + " capable");
      }
    }
  }
  return problems;
}

}  // namespace teamwright::team
