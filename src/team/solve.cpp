#include "teamwright/team/solve.hpp"

#include <algorithm>
#include <string>

#include "teamwright/cover/solve.hpp"
#include "teamwright/team/compile.hpp"
#include "util/text.hpp"

namespace teamwright::team {
namespace {

std::string list_rows(const Model& model, const Compiled& compiled,
                      const std::vector<cover::Index>& rows) {
  std::string text;
  for (const cover::Index r : rows) {
    text +=
        (text.empty() ? "" : ", ") + describe(model, compiled.rows[compiled.cover_row_source[r]]);
  }
  return text;
}

std::string money(double value) { return util::number(value); }

// Turns the covering engine's proofs into requirements and sentences about people.
void explain_infeasibility(const Model& model, const Compiled& compiled,
                           const cover::Solution& solution, TeamResult& result) {
  using Kind = cover::Infeasibility::Kind;
  const auto& p = compiled.problem;
  auto person_of = [&](cover::Index column) { return compiled.people.at(column); };
  auto fixed_people = [&](const std::vector<cover::Index>& columns) {
    std::string text;
    for (const cover::Index j : columns) {
      text += (text.empty() ? "" : ", ") + util::quote(model.person(person_of(j)).id);
    }
    return text;
  };
  for (const cover::Infeasibility& reason : solution.infeasibilities) {
    switch (reason.kind) {
      case Kind::kRowCapacity:
      case Kind::kSlotCapacity: {
        UnmetRequirement unmet;
        for (const cover::Index r : reason.rows) {
          unmet.rows.push_back(compiled.cover_row_source[r]);
        }
        unmet.needed = static_cast<int>(reason.bound);
        unmet.capable = reason.available;
        for (const cover::Index j : reason.columns) {
          unmet.capable_people.push_back(person_of(j));
        }
        result.unmet.push_back(std::move(unmet));
        break;
      }
      case Kind::kFixedConflict:
        result.reasons.push_back("must-include people " + fixed_people(reason.columns) +
                                 " are incompatible");
        break;
      case Kind::kFixedOverBudget:
        result.reasons.push_back("must-include people " + fixed_people(reason.columns) + " cost " +
                                 money(reason.bound) + ", more than the budget " +
                                 money(*p.budget()));
        break;
      case Kind::kFixedOverMaxSize:
        result.reasons.push_back("must-include people " + fixed_people(reason.columns) +
                                 " are more than the maximum size " +
                                 std::to_string(*p.max_size()));
        break;
      case Kind::kTooFewColumns:
        result.reasons.push_back("only " + std::to_string(reason.available) +
                                 " eligible people can join, fewer than the minimum size " +
                                 std::to_string(p.min_size()));
        break;
      case Kind::kSizeBound:
        result.reasons.push_back(list_rows(model, compiled, reason.rows) + " need at least " +
                                 util::number(reason.bound) +
                                 " members, more than the maximum size " +
                                 std::to_string(*p.max_size()));
        break;
      case Kind::kExhaustedSearch:
        result.reasons.emplace_back(
            "no team meets every constraint of the request together (an exhaustive search found "
            "none)");
        break;
      case Kind::kBudgetBound:
        result.reasons.push_back(list_rows(model, compiled, reason.rows) + " cost at least " +
                                 money(reason.bound) + ", more than the budget " +
                                 money(*p.budget()));
        break;
    }
  }
}

}  // namespace

std::vector<PersonId> TeamResult::member_ids() const {
  std::vector<PersonId> ids;
  ids.reserve(members.size());
  for (const MemberReport& member : members) {
    ids.push_back(member.person);
  }
  return ids;
}

TeamResult solve(const Model& model, const TeamRequest& request, const cover::SolveOptions& options,
                 const cover::SolveHooks& hooks) {
  const Compiled compiled = compile(model, request);
  const cover::Solution solution = cover::solve(compiled.problem, options, hooks);

  TeamResult result;
  result.status = solution.status;
  result.objective = solution.cost + compiled.objective_offset;
  result.bound = solution.bound + compiled.objective_offset;
  std::vector<PersonId> team;
  for (const cover::Index j : solution.columns) {
    if (static_cast<std::size_t>(j) < compiled.people.size()) {
      team.push_back(compiled.people[j]);
      result.cost += model.person(compiled.people[j]).cost;
    }
  }
  std::sort(team.begin(), team.end());
  result.coverage = evaluate(model, request, team);

  int slots_filled = 0;
  for (const CoverageRow& row : result.coverage.rows) {
    slots_filled += row.row.kind == RowKind::kRole ? row.provided : 0;
  }
  for (const PersonId person : team) {
    MemberReport member{person, std::nullopt, {}, {}};
    for (const auto& [holder, role] : result.coverage.roles) {
      if (holder == person) {
        member.role = role;
      }
    }
    for (std::size_t i = 0; i < result.coverage.rows.size(); ++i) {
      const CoverageRow& row = result.coverage.rows[i];
      const auto& covered = row.covered_by;
      if (std::find(covered.begin(), covered.end(), person) == covered.end()) {
        continue;
      }
      member.contributes.push_back(i);
      if (row.row.kind == RowKind::kCount && row.provided <= row.needed) {
        member.unique.push_back(i);
      }
    }
    if (member.role) {
      // A slot is the member's alone when the others cannot fill as many slots.
      std::vector<PersonId> others;
      std::copy_if(team.begin(), team.end(), std::back_inserter(others),
                   [&](PersonId other) { return other != person; });
      int slots_without = 0;
      for (const CoverageRow& row : evaluate(model, request, others).rows) {
        slots_without += row.row.kind == RowKind::kRole ? row.provided : 0;
      }
      for (std::size_t i = 0; i < result.coverage.rows.size() && slots_without < slots_filled;
           ++i) {
        const RequestRow& row = result.coverage.rows[i].row;
        if (row.kind == RowKind::kRole && row.role == member.role) {
          member.unique.push_back(i);
        }
      }
    }
    result.members.push_back(std::move(member));
  }

  explain_infeasibility(model, compiled, solution, result);
  if (!compiled.excluded_must_include.empty()) {
    result.status = cover::Status::kInfeasible;
    result.reasons.insert(result.reasons.begin(), compiled.excluded_must_include.begin(),
                          compiled.excluded_must_include.end());
  }
  return result;
}

TeamResult solve(const Model& model, std::string_view request_id,
                 const cover::SolveOptions& options, const cover::SolveHooks& hooks) {
  return solve(model, model.request(request_id), options, hooks);
}

}  // namespace teamwright::team
