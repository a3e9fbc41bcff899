// A second, plain reading of the request against the model, sharing no code with compile,
// evaluate or the solvers beyond the model's own level rule.

#include "teamwright/team/check.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <variant>

#include "util/text.hpp"

namespace teamwright::team {
namespace {

bool meets(const Model& model, PersonId person, const std::string& competency, double level) {
  return model.effective_level(person, model.competency_id(competency)) >= level;
}

bool holds_role(const Model& model, PersonId person, const Role& role) {
  for (const RoleRequirement& r : role.requirements) {
    if (r.hard && !meets(model, person, r.competency, r.min_level)) {
      return false;
    }
  }
  return true;
}

// The most role slots `people` can fill: a search over who takes which slot, memoised on the
// person reached and the slots still open.
int max_slots_filled(const Model& model, const TeamRequest& request,
                     const std::vector<PersonId>& people) {
  std::vector<std::vector<char>> qualifies(people.size());
  for (std::size_t k = 0; k < people.size(); ++k) {
    for (const RoleSlot& slot : request.roles) {
      qualifies[k].push_back(
          holds_role(model, people[k], model.role(model.role_id(slot.role))) ? 1 : 0);
    }
  }
  std::vector<int> left;
  for (const RoleSlot& slot : request.roles) {
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
  if (p.availability <= 0 ||
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

}  // namespace

std::vector<std::string> check(const Model& model, const TeamRequest& request,
                               const TeamResult& result) {
  model.validate(request);
  std::vector<std::string> problems;
  auto fail = [&](std::string text) { problems.push_back(std::move(text)); };
  const bool solved =
      result.status == cover::Status::kOptimal || result.status == cover::Status::kFeasible;

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
  if (std::abs(cost - result.cost) > 1e-6 * std::max(1.0, cost)) {
    fail("cost " + util::number(result.cost) + " is not the members' total " + util::number(cost));
  }

  // The coverage table: requirements first, then role slots, each recomputed.
  const std::size_t expected_rows = request.requirements.size() + request.roles.size();
  if (result.coverage.rows.size() != expected_rows) {
    fail("coverage has " + std::to_string(result.coverage.rows.size()) + " rows, expected " +
         std::to_string(expected_rows));
    return problems;
  }
  std::map<PersonId, RoleId> holder_role;
  for (const auto& [person, role] : result.coverage.roles) {
    if (std::find(team.begin(), team.end(), person) == team.end() ||
        !holder_role.emplace(person, role).second) {
      fail("role holder " + std::to_string(person.index()) + " is not a member holding one role");
    }
  }
  std::vector<bool> met(expected_rows);
  for (std::size_t i = 0; i < request.requirements.size(); ++i) {
    const TeamRequirement& r = request.requirements[i];
    const CoverageRow& row = result.coverage.rows[i];
    std::vector<PersonId> at_level;
    for (const PersonId person : team) {
      if (meets(model, person, r.competency, r.min_level)) {
        at_level.push_back(person);
      }
    }
    const bool everyone = std::holds_alternative<Everyone>(r.count);
    const int needed = everyone ? static_cast<int>(team.size()) : std::get<int>(r.count);
    if (row.needed != needed || row.provided != static_cast<int>(at_level.size()) ||
        row.covered_by != at_level || row.row.min_level != r.min_level ||
        model.competency(row.row.competency.value_or(CompetencyId(~0U))).id != r.competency) {
      fail("coverage row " + std::to_string(i) + " (" + r.competency + ") is wrong");
    }
    met[i] = static_cast<int>(at_level.size()) >= needed;
    if (solved && r.hard && !met[i]) {
      fail("hard requirement " + std::to_string(i) + " (" + r.competency + ") is not met");
    }
  }
  int slots_filled = 0;
  for (std::size_t s = 0; s < request.roles.size(); ++s) {
    const std::size_t i = request.requirements.size() + s;
    const CoverageRow& row = result.coverage.rows[i];
    const RoleId role = model.role_id(request.roles[s].role);
    std::vector<PersonId> holders;
    for (const auto& [person, held] : holder_role) {
      if (held == role) {
        holders.push_back(person);
        if (!holds_role(model, person, model.role(role))) {
          fail("member " + util::quote(model.person(person).id) + " does not qualify for role " +
               util::quote(request.roles[s].role));
        }
      }
    }
    if (row.row.role != role || row.needed != request.roles[s].count || row.covered_by != holders ||
        row.provided != static_cast<int>(holders.size()) ||
        static_cast<int>(holders.size()) > request.roles[s].count) {
      fail("coverage row " + std::to_string(i) + " (role " + request.roles[s].role + ") is wrong");
    }
    met[i] = static_cast<int>(holders.size()) >= request.roles[s].count;
    slots_filled += static_cast<int>(holders.size());
    if (solved && !met[i]) {
      fail("role " + util::quote(request.roles[s].role) + " is not filled");
    }
  }
  if (!request.roles.empty() && slots_filled != max_slots_filled(model, request, team)) {
    fail("the role assignment does not fill as many slots as the team can");
  }

  // Unique contributions: counted requirements with no spare members, and role slots the
  // others cannot fill.
  for (const MemberReport& member : result.members) {
    std::vector<PersonId> others;
    for (const PersonId person : team) {
      if (person != member.person) {
        others.push_back(person);
      }
    }
    std::vector<std::size_t> unique;
    for (std::size_t i = 0; i < request.requirements.size(); ++i) {
      const TeamRequirement& r = request.requirements[i];
      if (std::holds_alternative<Everyone>(r.count) ||
          !meets(model, member.person, r.competency, r.min_level)) {
        continue;
      }
      int count = 0;
      for (const PersonId person : team) {
        count += meets(model, person, r.competency, r.min_level) ? 1 : 0;
      }
      if (count <= std::get<int>(r.count)) {
        unique.push_back(i);
      }
    }
    const auto held = holder_role.find(member.person);
    if (held != holder_role.end() && max_slots_filled(model, request, others) < slots_filled) {
      for (std::size_t s = 0; s < request.roles.size(); ++s) {
        if (model.role_id(request.roles[s].role) == held->second) {
          unique.push_back(request.requirements.size() + s);
        }
      }
    }
    if (member.unique != unique) {
      fail("unique contributions of " + util::quote(model.person(member.person).id) + " are wrong");
    }
    if ((held == holder_role.end()) != !member.role.has_value() ||
        (member.role && held->second != *member.role)) {
      fail("role of " + util::quote(model.person(member.person).id) + " is wrong");
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
    if (!result.unmet.empty() || !result.reasons.empty()) {
      fail("a solved result lists reasons it cannot be solved");
    }
  }

  if (result.status == cover::Status::kInfeasible) {
    if (result.unmet.empty() && result.reasons.empty()) {
      fail("infeasible without a reason");
    }
    for (const UnmetRequirement& unmet : result.unmet) {
      // Capable: eligible people meeting the requirement, or holding any of the role slots.
      std::set<PersonId> capable;
      int needed = 0;
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
                  : holds_role(model, person,
                               model.role(model.role_id(
                                   request.roles[i - request.requirements.size()].role)));
          if (can) {
            capable.insert(person);
          }
        }
        needed += result.coverage.rows[i].needed;
      }
      const std::vector<PersonId> listed(unmet.capable_people);
      const std::vector<PersonId> expected(capable.begin(), capable.end());
      const bool side_constraints =
          request.budget || request.max_size || !request.must_include.empty();
      // With side constraints some capable people may be unusable: then the list may be shorter.
      const bool list_ok = side_constraints ? std::includes(expected.begin(), expected.end(),
                                                            listed.begin(), listed.end())
                                            : listed == expected;
      if (!list_ok || unmet.capable != static_cast<int>(listed.size()) || needed != unmet.needed ||
          unmet.capable >= unmet.needed) {
        fail("unmet requirement at row " + std::to_string(unmet.rows.front()) +
             " does not hold: " + std::to_string(unmet.capable) + " capable, " +
             std::to_string(unmet.needed) + " needed");
      }
    }
  }
  return problems;
}

}  // namespace teamwright::team
