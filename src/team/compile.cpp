#include "teamwright/team/compile.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "util/text.hpp"

namespace teamwright::team {
namespace {

// A person who may join, with what they cover.
struct Candidate {
  PersonId person;
  std::vector<cover::Index> rows;
  int soft_everyone_missed = 0;  // importance points of soft "everyone" rows they fall short of
};

}  // namespace

Compiled compile(const Model& model, const TeamRequest& request) {
  model.validate(request);
  Compiled out;
  out.rows = request_rows(model, request);

  // Every row but the "everyone" ones becomes a cover row, in request order.
  std::vector<cover::Index> cover_row(out.rows.size(), -1);
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    if (out.rows[i].kind != RowKind::kEveryone) {
      cover_row[i] = static_cast<cover::Index>(out.cover_row_source.size());
      out.cover_row_source.push_back(i);
    }
  }

  // Hard requirements of each role slot's role, resolved once.
  std::vector<std::vector<std::pair<CompetencyId, double>>> role_needs(out.rows.size());
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    if (out.rows[i].kind == RowKind::kRole) {
      for (const RoleRequirement& r : model.role(*out.rows[i].role).requirements) {
        if (r.hard) {
          role_needs[i].emplace_back(model.competency_id(r.competency), r.min_level);
        }
      }
    }
  }

  // Counted rows by the competency they ask for, so that each person's few levels are matched
  // against the rows that need them rather than every row against every person.
  std::vector<std::vector<std::size_t>> count_rows(model.competencies().size());
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    if (out.rows[i].kind == RowKind::kCount) {
      count_rows[out.rows[i].competency->index()].push_back(i);
    }
  }
  std::vector<char> excluded(model.people().size(), 0);
  std::vector<char> included(model.people().size(), 0);
  for (const std::string& id : request.exclude) {
    excluded[model.person_id(id).index()] = 1;
  }
  for (const std::string& id : request.must_include) {
    included[model.person_id(id).index()] = 1;
  }

  std::vector<Candidate> candidates;
  for (std::uint32_t index = 0; index < model.people().size(); ++index) {
    const PersonId id(index);
    const Person& person = model.person(id);
    if (excluded[index] != 0) {
      continue;
    }
    const std::vector<LevelEntry> levels = model.effective_levels(id);
    std::string unfit;
    if (person.availability <= 0) {
      unfit = "is not available (availability 0)";
    }
    Candidate candidate{id, {}, 0};
    for (std::size_t i = 0; i < out.rows.size() && unfit.empty(); ++i) {
      const RequestRow& row = out.rows[i];
      if (row.kind == RowKind::kEveryone && level_in(levels, *row.competency) < row.min_level) {
        if (row.hard) {
          unfit = "is below level " + util::number(row.min_level) + " in " +
                  util::quote(model.competency(*row.competency).id) +
                  ", which the request requires of everyone";
        } else {
          candidate.soft_everyone_missed += row.importance;
        }
      } else if (row.kind == RowKind::kRole &&
                 std::all_of(role_needs[i].begin(), role_needs[i].end(), [&](const auto& need) {
                   return level_in(levels, need.first) >= need.second;
                 })) {
        candidate.rows.push_back(cover_row[i]);
      }
    }
    if (!unfit.empty()) {
      if (included[index] != 0) {
        out.excluded_must_include.push_back("must-include person " + util::quote(person.id) + " " +
                                            unfit);
      }
      continue;
    }
    for (const LevelEntry& entry : levels) {
      for (const std::size_t i : count_rows[entry.competency.index()]) {
        if (entry.level >= out.rows[i].min_level) {
          candidate.rows.push_back(cover_row[i]);
        }
      }
    }
    candidates.push_back(std::move(candidate));
  }

  // Objective: cost, or size with cost breaking ties (the cost share of a whole team stays
  // below 1, so one member more always weighs more than any cost difference).
  double total_cost = 0;
  for (const Candidate& c : candidates) {
    total_cost += model.person(c.person).cost;
  }
  auto base_cost = [&](const Person& person) {
    return request.objective == Objective::kMinSize ? 1 + person.cost / (total_cost + 1)
                                                    : person.cost;
  };
  double total_base = 0;
  for (const Candidate& c : candidates) {
    total_base += base_cost(model.person(c.person));
  }
  out.soft_penalty = request.soft_penalty.value_or(total_base + 1);

  // A soft row asks for at most as many members as can cover it; what it asks beyond that is
  // missed by every team alike, a constant penalty rather than a choice (and no slack columns).
  std::vector<int> coverers(out.cover_row_source.size(), 0);
  for (const Candidate& c : candidates) {
    for (const cover::Index r : c.rows) {
      ++coverers[r];
    }
  }
  cover::Problem::Builder builder;
  std::vector<int> slack(out.rows.size(), 0);
  for (const std::size_t i : out.cover_row_source) {
    const RequestRow& row = out.rows[i];
    int demand = row.count;
    if (row.kind == RowKind::kCount && !row.hard) {
      demand = std::min(row.count, coverers[cover_row[i]]);
      slack[i] = demand;
      out.objective_offset += (row.count - demand) * out.soft_penalty * row.importance;
    }
    builder.add_row(demand, row.kind == RowKind::kRole);
  }

  std::map<std::string_view, cover::Index> column_of;
  for (const Candidate& c : candidates) {
    const Person& person = model.person(c.person);
    const double cost = base_cost(person) + out.soft_penalty * c.soft_everyone_missed;
    column_of[person.id] = builder.add_column(cost, c.rows, {person.cost, true});
    out.people.push_back(c.person);
  }
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    const std::array<cover::Index, 1> rows{cover_row[i]};
    for (int k = 0; k < slack[i]; ++k) {
      builder.add_column(out.soft_penalty * out.rows[i].importance, rows, {0.0, false});
      out.slack_source.push_back(i);
    }
  }

  for (const auto& [first, second] : request.incompatible) {
    const auto a = column_of.find(first);
    const auto b = column_of.find(second);
    if (a != column_of.end() && b != column_of.end()) {
      builder.add_conflict(a->second, b->second);
    }
  }
  for (const std::string& id : request.must_include) {
    if (const auto found = column_of.find(id); found != column_of.end()) {
      builder.fix(found->second);
    }
  }
  if (request.budget) {
    builder.set_budget(*request.budget);
  }
  builder.set_size_bounds(request.min_size, request.max_size);
  out.problem = std::move(builder).build();
  return out;
}

}  // namespace teamwright::team
