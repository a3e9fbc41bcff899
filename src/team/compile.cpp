#include "teamwright/team/compile.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "util/text.hpp"

namespace teamwright::team {
namespace {

// The people who may join, what each covers (rows stored back to back), and the importance
// points of soft "everyone" rows each falls short of.
struct Candidates {
  std::vector<PersonId> people;
  std::vector<int> missed;
  std::vector<std::size_t> start{0};
  std::vector<cover::Index> rows;

  [[nodiscard]] std::span<const cover::Index> rows_of(std::size_t k) const {
    return std::span<const cover::Index>(rows).subspan(start[k], start[k + 1] - start[k]);
  }
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

  // "Everyone" and role rows are checked person by person; counted rows through count_rows.
  std::vector<std::size_t> person_rows;
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    if (out.rows[i].kind != RowKind::kCount) {
      person_rows.push_back(i);
    }
  }
  Candidates candidates;
  std::vector<LevelEntry> levels;
  for (std::uint32_t index = 0; index < model.people().size(); ++index) {
    const PersonId id(index);
    const Person& person = model.person(id);
    if (excluded[index] != 0) {
      continue;
    }
    model.effective_levels(id, levels);
    std::string unfit;
    if (person.availability <= 0) {
      unfit = "is not available (availability 0)";
    }
    int missed = 0;
    const std::size_t first = candidates.rows.size();
    for (const std::size_t i : person_rows) {
      if (!unfit.empty()) {
        break;
      }
      const RequestRow& row = out.rows[i];
      if (row.kind == RowKind::kEveryone && level_in(levels, *row.competency) < row.min_level) {
        if (row.hard) {
          unfit = "is below level " + util::number(row.min_level) + " in " +
                  util::quote(model.competency(*row.competency).id) +
                  ", which the request requires of everyone";
        } else {
          missed += row.importance;
        }
      } else if (row.kind == RowKind::kRole &&
                 std::all_of(role_needs[i].begin(), role_needs[i].end(), [&](const auto& need) {
                   return level_in(levels, need.first) >= need.second;
                 })) {
        candidates.rows.push_back(cover_row[i]);
      }
    }
    if (!unfit.empty()) {
      candidates.rows.resize(first);
      if (included[index] != 0) {
        out.excluded_must_include.push_back("must-include person " + util::quote(person.id) + " " +
                                            unfit);
      }
      continue;
    }
    for (const LevelEntry& entry : levels) {
      for (const std::size_t i : count_rows[entry.competency.index()]) {
        if (entry.level >= out.rows[i].min_level) {
          candidates.rows.push_back(cover_row[i]);
        }
      }
    }
    candidates.people.push_back(id);
    candidates.missed.push_back(missed);
    candidates.start.push_back(candidates.rows.size());
  }

  // Objective: cost, or size with cost breaking ties (the cost share of a whole team stays
  // below 1, so one member more always weighs more than any cost difference).
  double total_cost = 0;
  for (const PersonId id : candidates.people) {
    total_cost += model.person(id).cost;
  }
  auto base_cost = [&](const Person& person) {
    return request.objective == Objective::kMinSize ? 1 + person.cost / (total_cost + 1)
                                                    : person.cost;
  };
  double total_base = 0;
  for (const PersonId id : candidates.people) {
    total_base += base_cost(model.person(id));
  }
  out.soft_penalty = request.soft_penalty.value_or(total_base + 1);
  auto column_cost = [&](std::size_t k) {
    return base_cost(model.person(candidates.people[k])) + out.soft_penalty * candidates.missed[k];
  };

  // People who cover no row only serve the minimum size: the cheapest few do that best, so the
  // others are left out (all are kept when soft "everyone" surcharges part cost from weight,
  // and those named by must-include or an incompatible pair always are).
  std::vector<char> keep(candidates.people.size(), 1);
  const bool soft_everyone = std::any_of(out.rows.begin(), out.rows.end(), [](const RequestRow& r) {
    return r.kind == RowKind::kEveryone && !r.hard;
  });
  if (!soft_everyone) {
    std::vector<char> named(model.people().size(), 0);
    for (const std::string& id : request.must_include) {
      named[model.person_id(id).index()] = 1;
    }
    for (const auto& [a, b] : request.incompatible) {
      named[model.person_id(a).index()] = 1;
      named[model.person_id(b).index()] = 1;
    }
    std::vector<std::size_t> idle;
    for (std::size_t k = 0; k < candidates.people.size(); ++k) {
      if (candidates.rows_of(k).empty() && named[candidates.people[k].index()] == 0) {
        idle.push_back(k);
        keep[k] = 0;
      }
    }
    const auto wanted = std::min(idle.size(), static_cast<std::size_t>(request.min_size));
    std::partial_sort(idle.begin(), idle.begin() + static_cast<std::ptrdiff_t>(wanted), idle.end(),
                      [&](std::size_t a, std::size_t b) {
                        return column_cost(a) != column_cost(b) ? column_cost(a) < column_cost(b)
                                                                : a < b;
                      });
    for (std::size_t t = 0; t < wanted; ++t) {
      keep[idle[t]] = 1;
    }
  }

  // A soft row asks for at most as many members as can cover it; what it asks beyond that is
  // missed by every team alike, a constant penalty rather than a choice (and no slack columns).
  std::vector<int> coverers(out.cover_row_source.size(), 0);
  for (std::size_t k = 0; k < candidates.people.size(); ++k) {
    for (const cover::Index r : candidates.rows_of(k)) {
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

  std::vector<cover::Index> column_of(model.people().size(), -1);
  for (std::size_t k = 0; k < candidates.people.size(); ++k) {
    if (keep[k] != 0) {
      const PersonId id = candidates.people[k];
      column_of[id.index()] =
          builder.add_column(column_cost(k), candidates.rows_of(k), {model.person(id).cost, true});
      out.people.push_back(id);
    }
  }
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    const std::array<cover::Index, 1> rows{cover_row[i]};
    for (int k = 0; k < slack[i]; ++k) {
      builder.add_column(out.soft_penalty * out.rows[i].importance, rows, {0.0, false});
      out.slack_source.push_back(i);
    }
  }

  for (const auto& [first, second] : request.incompatible) {
    const cover::Index a = column_of[model.person_id(first).index()];
    const cover::Index b = column_of[model.person_id(second).index()];
    if (a >= 0 && b >= 0) {
      builder.add_conflict(a, b);
    }
  }
  for (const std::string& id : request.must_include) {
    if (const cover::Index j = column_of[model.person_id(id).index()]; j >= 0) {
      builder.fix(j);
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
