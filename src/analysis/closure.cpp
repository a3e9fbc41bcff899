// Gap closure (include/teamwright/analysis/closure.hpp): the closure request asks for the hard
// requirements alone, with every member must-include; members cost nothing as they are and
// their training plans' cost as upgraded variants (team/compile.hpp), so the covering engine's
// cheapest team is the cheapest closure.

#include "teamwright/analysis/closure.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "teamwright/cover/solve.hpp"
#include "teamwright/error.hpp"
#include "teamwright/team/compile.hpp"
#include "teamwright/team/rows.hpp"
#include "util/text.hpp"

namespace teamwright::analysis {
namespace {

// One competency of a training plan: to which level, at what cost and in how many weeks.
struct Step {
  CompetencyId competency;
  double from = 0;
  double to = 0;
  double cost = 0;
  double weeks = 0;
};

// The target levels hard gaps can ask of each competency: the levels of the hard counted, FTE
// and "everyone" rows, and of the hard requirements of the roles the slot rows name.
std::map<CompetencyId, std::set<double>> targets(const Model& model,
                                                 const std::vector<team::RequestRow>& rows) {
  std::map<CompetencyId, std::set<double>> out;
  const auto role_levels = [&](const Role& role) {
    for (const RoleRequirement& r : role.requirements) {
      if (r.hard) {
        out[model.competency_id(r.competency)].insert(r.min_level);
      }
    }
  };
  for (const team::RequestRow& row : rows) {
    if (row.competency && row.hard) {
      out[*row.competency].insert(row.min_level);
    } else if (row.kind == team::RowKind::kRole) {
      role_levels(model.role(*row.role));
    } else if (row.kind == team::RowKind::kLeader) {
      for (const Role& role : model.roles()) {
        if (role.leader) {
          role_levels(role);
        }
      }
    }
  }
  return out;
}

// Every training plan of a member: each competency trained to one target above its level (or
// not at all), within the deadline; all combinations while there are at most `max_plans`, else
// single competencies only (`restricted` then says so).
std::vector<std::vector<Step>> plans(const Model& model, PersonId member,
                                     const std::map<CompetencyId, std::set<double>>& wanted,
                                     const ClosureOptions& closure, bool& restricted) {
  std::vector<std::vector<Step>> choices;  // per competency: the steps it can take
  for (const auto& [competency, levels] : wanted) {
    const auto terms = model.training_terms(member, competency);
    if (!terms) {
      continue;
    }
    const double from = model.effective_level(member, competency);
    std::vector<Step> steps;
    for (const double to : levels) {
      const double weeks = (to - from) * terms->weeks_per_level;
      if (to > from && (!closure.deadline_weeks || weeks <= *closure.deadline_weeks + 1e-9)) {
        steps.push_back({competency, from, to, (to - from) * terms->cost_per_level, weeks});
      }
    }
    if (!steps.empty()) {
      choices.push_back(std::move(steps));
    }
  }
  double combinations = 1;
  for (const auto& steps : choices) {
    combinations *= static_cast<double>(steps.size() + 1);
  }
  std::vector<std::vector<Step>> out;
  if (combinations - 1 > closure.max_plans) {
    restricted = true;
    for (const auto& steps : choices) {
      for (const Step& step : steps) {
        out.push_back({step});
      }
    }
    return out;
  }
  std::vector<std::size_t> pick(choices.size(), 0);  // 0: untrained, k: steps[k - 1]
  while (true) {
    std::size_t k = 0;
    while (k < pick.size() && ++pick[k] > choices[k].size()) {
      pick[k++] = 0;
    }
    if (k == pick.size()) {
      break;
    }
    std::vector<Step> plan;
    double weeks = 0;
    for (std::size_t c = 0; c < pick.size(); ++c) {
      if (pick[c] > 0) {
        plan.push_back(choices[c][pick[c] - 1]);
        weeks += plan.back().weeks;
      }
    }
    if (!closure.deadline_weeks || weeks <= *closure.deadline_weeks + 1e-9) {
      out.push_back(std::move(plan));
    }
  }
  return out;
}

// The member's effective levels after a plan: rated levels raised, then hierarchy and relations.
std::vector<LevelEntry> after(const Model& model, PersonId member, const std::vector<Step>& plan) {
  std::vector<LevelEntry> rated(model.rated_levels(member).begin(),
                                model.rated_levels(member).end());
  for (const Step& step : plan) {
    const auto found = std::find_if(rated.begin(), rated.end(), [&](const LevelEntry& e) {
      return e.competency == step.competency;
    });
    if (found != rated.end()) {
      found->level = std::max(found->level, step.to);
    } else {
      rated.push_back({step.competency, step.to});
    }
  }
  std::sort(rated.begin(), rated.end(),
            [](const LevelEntry& a, const LevelEntry& b) { return a.competency < b.competency; });
  std::vector<LevelEntry> levels;
  model.effective_levels_from(rated, levels);
  return levels;
}

}  // namespace

std::string_view to_string(ClosureKind kind) {
  switch (kind) {
    case ClosureKind::kTrain:
      return "train";
    case ClosureKind::kTransfer:
      return "transfer";
    case ClosureKind::kHire:
      return "hire";
  }
  return "?";
}

ClosureResult close_gaps(const Model& model, const TeamRequest& request,
                         std::span<const PersonId> team, const ClosureOptions& closure,
                         const SolveOptions& options, const SolveHooks& hooks) {
  model.validate(request);
  validate(options);
  if (closure.deadline_weeks &&
      (!std::isfinite(*closure.deadline_weeks) || *closure.deadline_weeks < 0)) {
    throw OutOfRangeError("close_gaps: deadline " + util::number(*closure.deadline_weeks) +
                          " weeks must be a finite number >= 0");
  }
  if (closure.max_plans < 1) {
    throw OutOfRangeError("close_gaps: max_plans " + std::to_string(closure.max_plans) +
                          " must be >= 1");
  }
  if (request.robust) {
    throw InvalidInputError("close_gaps: request " + util::quote(request.id) +
                            " is robust; closing the gaps of robust requests is not supported");
  }
  std::vector<char> member(model.people().size(), 0);
  for (const PersonId person : team) {
    (void)model.person(person);  // a foreign id is an OutOfRangeError
    if (std::exchange(member[person.index()], 1) != 0) {
      throw DuplicateIdError("close_gaps: person " + util::quote(model.person(person).id) +
                             " is named twice");
    }
  }

  // The closure request: the hard requirements, every member kept, the cheapest additions.
  TeamRequest closing = request;
  closing.id = request.id + " (closure)";
  std::erase_if(closing.requirements, [](const TeamRequirement& r) { return !r.hard; });
  closing.objective = Objective::kMinCost;
  closing.soft_penalty = 1e-9;  // soft requirements only break ties between equal costs
  closing.budget.reset();
  for (const PersonId person : team) {
    if (std::find(closing.must_include.begin(), closing.must_include.end(),
                  model.person(person).id) == closing.must_include.end()) {
      closing.must_include.push_back(model.person(person).id);
    }
  }
  std::vector<Person> people(model.people().begin(), model.people().end());
  for (std::size_t k = 0; k < people.size(); ++k) {
    const bool outsider = member[k] == 0;
    if (!outsider) {
      people[k].cost = 0;  // already on the team
    } else if ((people[k].external && !closure.hire) ||
               (!people[k].external && !closure.transfer)) {
      closing.exclude.push_back(people[k].id);
    }
  }
  const Model derived(model.framework(), std::move(people),
                      {model.roles().begin(), model.roles().end()});

  const auto wanted = targets(model, team::request_rows(model, closing));
  bool restricted = false;
  std::vector<std::pair<PersonId, std::vector<Step>>> table;  // upgrade tag -> plan
  team::CompileOptions compile;
  if (closure.train) {
    compile.upgrades = [&](PersonId person) {
      std::vector<team::Upgrade> out;
      if (member[person.index()] == 0) {
        return out;
      }
      for (std::vector<Step>& plan : plans(model, person, wanted, closure, restricted)) {
        double cost = 0;
        for (const Step& step : plan) {
          cost += step.cost;
        }
        out.push_back({after(model, person, plan), cost, table.size()});
        table.emplace_back(person, std::move(plan));
      }
      return out;
    };
  }
  const team::Compiled compiled = team::compile(derived, closing, compile);

  ClosureResult result;
  if (!compiled.static_reasons.empty()) {
    result.status = Status::kInfeasible;
    result.reasons = compiled.static_reasons;
    result.bound = std::numeric_limits<double>::infinity();
    result.relative_gap = std::numeric_limits<double>::infinity();
    return result;
  }
  const cover::Solution solution = cover::solve(compiled.problem, options, hooks);
  result.status = solution.status;
  result.termination = solution.termination;
  result.bound = solution.bound;
  result.relative_gap = solution.relative_gap;
  result.time_to_best_s = solution.time_to_best_s;
  result.time_s = solution.time_s;
  if (solution.status == Status::kInfeasible || solution.status == Status::kNoSolutionFound) {
    const bool proven = solution.status == Status::kInfeasible && !restricted;
    result.status = proven ? Status::kInfeasible : Status::kNoSolutionFound;
    result.reasons.push_back(
        std::string(proven ? "no" : "no closure was found:") +
        " mix of training (trainable competencies with known terms, within the deadline), "
        "transfers and hires allowed here closes every hard gap");
    return result;
  }
  if (restricted && result.status == Status::kOptimal) {
    result.status = Status::kFeasible;  // optimal among the plans offered, not all
  }
  std::map<PersonId, double> weeks;
  for (const cover::Index column : solution.columns) {
    const PersonId person = compiled.column_person[static_cast<std::size_t>(column)];
    result.team.push_back(person);
    const std::size_t tag = compiled.column_upgrade[static_cast<std::size_t>(column)];
    if (tag != team::Compiled::kNoRow) {
      for (const Step& step : table[tag].second) {
        result.actions.push_back({ClosureKind::kTrain, person, step.competency, step.from, step.to,
                                  step.cost, step.weeks});
        result.training_cost += step.cost;
        weeks[person] += step.weeks;
      }
    } else if (member[person.index()] == 0) {
      const Person& p = model.person(person);
      const ClosureKind kind = p.external ? ClosureKind::kHire : ClosureKind::kTransfer;
      result.actions.push_back({kind, person, std::nullopt, 0, 0, p.cost, 0});
      (p.external ? result.hire_cost : result.transfer_cost) += p.cost;
    }
  }
  std::sort(result.team.begin(), result.team.end());
  std::stable_sort(result.actions.begin(), result.actions.end(),
                   [](const ClosureAction& a, const ClosureAction& b) {
                     return std::tie(a.kind, a.person) < std::tie(b.kind, b.person);
                   });
  for (const auto& [person, w] : weeks) {
    result.weeks = std::max(result.weeks, w);
  }
  result.cost = result.training_cost + result.transfer_cost + result.hire_cost;
  return result;
}

}  // namespace teamwright::analysis
