#include "team/explain.hpp"

#include <algorithm>
#include <cmath>

#include "util/text.hpp"

namespace teamwright::team::detail {
namespace {

double weighted_coverage(const Coverage& coverage) {
  double weight = 0;
  double met = 0;
  for (const CoverageRow& line : coverage.rows) {
    weight += line.row.importance;
    met +=
        line.row.importance * (line.needed <= 0 ? 1.0 : std::min(line.provided / line.needed, 1.0));
  }
  return weight > 0 ? met / weight : 1.0;
}

// How many slots the team can fill (a maximum assignment).
double slots_filled(const Coverage& coverage) {
  double filled = 0;
  for (const CoverageRow& line : coverage.rows) {
    filled += line.row.is_slot() ? line.provided : 0;
  }
  return filled;
}

std::string list(const Model& model, const Coverage& coverage,
                 const std::vector<std::size_t>& rows) {
  std::string text;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    text += (k == 0                 ? ""
             : k + 1 == rows.size() ? " and "
                                    : ", ") +
            describe_for_people(model, coverage.rows[rows[k]].row);
  }
  return text;
}

}  // namespace

std::string person_text(const Model& model, PersonId person) {
  const Person& p = model.person(person);
  return p.name.empty() ? p.id : p.name + " (" + p.id + ")";
}

std::string people_text(const Model& model, const std::vector<PersonId>& people) {
  std::string text;
  for (std::size_t k = 0; k < people.size(); ++k) {
    text += (k == 0 ? "" : k + 1 == people.size() ? " and " : ", ") + person_text(model, people[k]);
  }
  return text;
}

void describe_team(const Model& model, const TeamRequest& request, const Found& found,
                   TeamResult& result) {
  const cover::Solution& s = found.solution;
  result.status = s.status;
  result.termination = s.termination;
  result.cost = found.cost;
  result.objective = found.objective;
  double base = 0;
  for (const cover::Index j : s.columns) {
    base += found.compiled.column_base[j];
  }
  result.penalty = std::max(0.0, found.objective - base);
  result.bound = std::min(s.bound, found.objective);
  result.relative_gap = found.solved() ? relative_gap(found.objective, result.bound)
                                       : relative_gap(std::nullopt, result.bound);
  result.time_to_best_s = s.time_to_best_s;
  result.coverage = evaluate(model, request, found.team, found.holders);
  result.weighted_coverage = weighted_coverage(result.coverage);

  const double filled = slots_filled(result.coverage);
  result.members.clear();
  for (const PersonId person : found.team) {
    MemberReport member;
    member.person = person;
    for (const SlotHolder& holder : found.holders) {
      if (holder.person == person) {
        member.slot = holder.row;
        member.role = holder.role;
      }
    }
    const double availability = model.person(person).availability;
    for (std::size_t i = 0; i < result.coverage.rows.size(); ++i) {
      const CoverageRow& line = result.coverage.rows[i];
      const auto& covered = line.covered_by;
      if (!std::binary_search(covered.begin(), covered.end(), person)) {
        continue;
      }
      member.contributes.push_back(i);
      const RowKind kind = line.row.kind;
      const double without = line.provided - (kind == RowKind::kFte ? availability : 1.0);
      const bool essential = (kind == RowKind::kCount || kind == RowKind::kFte) &&
                             without < line.needed - 1e-9 * std::max(1.0, line.needed);
      (essential ? member.unique : member.shared).push_back(i);
    }
    if (member.slot) {
      // The slot is the member's alone when the others cannot fill as many slots.
      std::vector<PersonId> others;
      std::copy_if(found.team.begin(), found.team.end(), std::back_inserter(others),
                   [&](PersonId other) { return other != person; });
      if (slots_filled(evaluate(model, request, others)) < filled) {
        std::erase(member.shared, *member.slot);
        member.unique.push_back(*member.slot);
        std::sort(member.unique.begin(), member.unique.end());
      }
    }
    result.members.push_back(std::move(member));
  }
}

void price_replacements(const Model& model, const TeamRequest& request, const SolveOptions& options,
                        const Budget& budget, TeamResult& result) {
  std::size_t left = result.members.size();
  for (MemberReport& member : result.members) {
    const std::string& id = model.person(member.person).id;
    const bool required = std::find(request.must_include.begin(), request.must_include.end(), id) !=
                          request.must_include.end();
    if (required || budget.spent()) {
      --left;
      continue;  // the request insists on them: there is no team without them to compare
    }
    TeamRequest without = request;
    without.exclude.push_back(id);
    const Found found = search(model, without, budget.share(options, left--), budget.hooks());
    Replacement r;
    r.status = found.solution.status;
    if (found.solved()) {
      r.team = found.team;
      r.cost = found.cost;
      r.objective = found.objective;
      r.extra_cost = found.cost - result.cost;
      r.extra_objective = found.objective - result.objective;
      for (const PersonId other : found.team) {
        if (std::none_of(result.members.begin(), result.members.end(),
                         [&](const MemberReport& m) { return m.person == other; })) {
          r.brings_in.push_back(other);
        }
      }
    }
    member.replacement = std::move(r);
  }
}

void summarize_members(const Model& model, const TeamRequest& request, TeamResult& result) {
  for (MemberReport& member : result.members) {
    const std::string who = person_text(model, member.person);
    std::string text = who;
    if (member.role) {
      const Role& role = model.role(*member.role);
      text += " holds " + (role.name.empty() ? role.id : role.name) + " (" + role.id + ")";
    } else {
      text += " holds no role slot";
    }
    std::vector<std::size_t> unique_rows;
    for (const std::size_t i : member.unique) {
      if (!member.slot || i != *member.slot) {
        unique_rows.push_back(i);
      }
    }
    if (!unique_rows.empty()) {
      text += "; essential to " + list(model, result.coverage, unique_rows);
    }
    if (!member.shared.empty()) {
      text += "; shares " + list(model, result.coverage, member.shared);
    }
    text += ".";
    const std::string& id = model.person(member.person).id;
    if (std::find(request.must_include.begin(), request.must_include.end(), id) !=
        request.must_include.end()) {
      text += " The request must include them.";
    } else if (member.replacement) {
      const Replacement& r = *member.replacement;
      const bool proven = r.status == Status::kOptimal;
      if (r.status == Status::kInfeasible) {
        text += " Without " + who + " no team meets the request.";
      } else if (r.status == Status::kNoSolutionFound) {
        text += " Without " + who + " no team was found in the time given.";
      } else {
        text += std::string(" Without ") + who + " the best team" + (proven ? "" : " found") +
                " costs ";
        if (r.extra_cost > 0) {
          text += util::readable(r.extra_cost) + " more";
        } else if (r.extra_cost < 0) {
          text += util::readable(-r.extra_cost) + " less";
        } else {
          text += "the same";
        }
        if (!r.brings_in.empty()) {
          text += " and brings in " + people_text(model, r.brings_in);
        }
        // A cheaper team can only be worse at what the objective weighs beside cost.
        const double tolerance = 1e-9 * std::max(1.0, std::abs(result.objective));
        if (r.extra_cost <= 0 && r.extra_objective > tolerance) {
          text += request.objective == Objective::kMinCost ? ", but leaves soft requirements unmet"
                                                           : ", but serves the request less well";
        }
        text += ".";
      }
    }
    member.summary = std::move(text);
  }
}

}  // namespace teamwright::team::detail
