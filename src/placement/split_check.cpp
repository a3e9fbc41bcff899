// The independent checker of splits: recomputes, from the model alone, each team's coverage and
// every broken rule, sharing no code with the solver.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "teamwright/placement/split.hpp"

namespace teamwright::placement {
namespace {

std::string value_text(const AttributeValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    return "s:" + *s;
  }
  if (const auto* b = std::get_if<bool>(&value)) {
    return *b ? "b:1" : "b:0";
  }
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    return "n:" + std::to_string(static_cast<double>(*i));
  }
  return "n:" + std::to_string(std::get<double>(value));
}

double coverage_of(const Model& model, const TeamRequest& request,
                   const std::vector<std::string>& members) {
  double weighted = 0;
  double weights = 0;
  for (const TeamRequirement& r : request.requirements) {
    const CompetencyId c = model.competency_id(r.competency);
    const auto have = std::count_if(members.begin(), members.end(), [&](const std::string& id) {
      return model.effective_level(model.person_id(id), c) >= r.min_level;
    });
    const auto* count = std::get_if<int>(&r.count);
    const double needed = count != nullptr ? *count : static_cast<double>(members.size());
    weighted +=
        r.importance * (needed > 0 ? std::min(1.0, static_cast<double>(have) / needed) : 1.0);
    weights += r.importance;
  }
  return weights > 0 ? weighted / weights : 1.0;
}

}  // namespace

std::vector<std::string> check(const Model& model, std::span<const std::string> pool,
                               const TeamRequest& request, const SplitRules& rules,
                               const SplitResult& result) {
  std::vector<std::string> errors;
  std::vector<std::string> everyone(pool.begin(), pool.end());
  if (everyone.empty()) {
    for (const Person& p : model.people()) {
      if (p.availability > 0) {
        everyone.push_back(p.id);
      }
    }
  }
  if (static_cast<int>(result.teams.size()) != rules.teams) {
    errors.push_back("the split has " + std::to_string(result.teams.size()) + " teams, not " +
                     std::to_string(rules.teams));
    return errors;
  }
  std::map<std::string, int> team_of;
  for (std::size_t t = 0; t < result.teams.size(); ++t) {
    for (const std::string& id : result.teams[t].members) {
      if (!team_of.emplace(id, static_cast<int>(t)).second) {
        errors.push_back("person '" + id + "' is in two teams");
      }
    }
  }
  const std::set<std::string> expected(everyone.begin(), everyone.end());
  std::set<std::string> got;
  for (const auto& [id, t] : team_of) {
    got.insert(id);
  }
  if (got != expected) {
    errors.emplace_back("the teams' members are not exactly the pool");
    return errors;
  }

  // Rules, counted independently.
  const auto n = static_cast<int>(everyone.size());
  const int low = rules.min_size.value_or(n / rules.teams);
  const int high = rules.max_size.value_or((n + rules.teams - 1) / rules.teams);
  std::size_t broken = 0;
  double worst = 1;
  double total = 0;
  for (std::size_t t = 0; t < result.teams.size(); ++t) {
    const auto& members = result.teams[t].members;
    const auto size = static_cast<int>(members.size());
    broken += (size < low || size > high) ? 1 : 0;
    for (const auto& group : rules.keep_apart) {
      const auto in_team = std::count_if(group.begin(), group.end(), [&](const std::string& id) {
        return team_of.at(id) == static_cast<int>(t);
      });
      broken += static_cast<std::size_t>(in_team * (in_team - 1) / 2);
    }
    std::map<std::string, int> previous;
    std::map<std::pair<std::string, std::string>, int> attribute_values;
    for (const std::string& id : members) {
      const Person& person = model.person(model.person_id(id));
      if (!rules.previous_team.empty()) {
        if (const auto it = person.attributes.find(rules.previous_team);
            it != person.attributes.end()) {
          ++previous[value_text(it->second)];
        }
      }
      for (const std::string& attribute : rules.no_lone) {
        if (const auto it = person.attributes.find(attribute); it != person.attributes.end()) {
          ++attribute_values[{attribute, value_text(it->second)}];
        }
      }
    }
    for (const auto& [value, count] : previous) {
      broken += static_cast<std::size_t>(count * (count - 1) / 2);
    }
    for (const auto& [value, count] : attribute_values) {
      broken += count == 1 ? 1 : 0;
    }
    const double c = coverage_of(model, request, members);
    if (std::abs(c - result.teams[t].coverage) > 1e-9) {
      errors.push_back("team " + std::to_string(t + 1) + ": coverage " +
                       std::to_string(result.teams[t].coverage) + " should be " +
                       std::to_string(c));
    }
    worst = std::min(worst, c);
    total += c;
  }
  for (const auto& group : rules.keep_together) {
    std::set<int> teams;
    for (const std::string& id : group) {
      teams.insert(team_of.at(id));
    }
    broken += teams.size() > 1 ? 1 : 0;
  }
  if (std::abs(worst - result.worst_coverage) > 1e-9 ||
      std::abs(total / rules.teams - result.average_coverage) > 1e-9) {
    errors.emplace_back("the worst or average coverage does not match the teams'");
  }
  if (broken != result.violations.size()) {
    errors.push_back("the split breaks " + std::to_string(broken) + " rules but lists " +
                     std::to_string(result.violations.size()));
  }
  const bool clean = result.status == Status::kOptimal || result.status == Status::kFeasible;
  if (clean != (broken == 0)) {
    errors.push_back(std::string("the status '") + std::string(to_string(result.status)) +
                     "' contradicts the " + std::to_string(broken) + " broken rules");
  }
  return errors;
}

}  // namespace teamwright::placement
