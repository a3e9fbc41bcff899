#include "teamwright/analysis/gaps.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include "teamwright/team/eligibility.hpp"
#include "teamwright/team/rows.hpp"

namespace teamwright::analysis {
namespace {

struct Context {
  const Model& model;
  const TeamRequest& request;
  std::vector<PersonId> team;
  std::vector<team::RequestRow> rows;
  /// Every person's effective levels, looked up many times.
  std::vector<std::vector<LevelEntry>> levels;

  [[nodiscard]] bool in_team(PersonId person) const {
    return std::binary_search(team.begin(), team.end(), person);
  }

  [[nodiscard]] double level(PersonId person, CompetencyId competency) const {
    return level_in(levels[person.index()], competency);
  }

  // People outside the team who may join a team for the request (available, not excluded,
  // meeting what everyone must) and that `fits`, split into employees (transfers) and external
  // candidates (hires), each cheapest first.
  template <class Fits>
  void outsiders(Gap& gap, Fits fits) const {
    for (std::uint32_t k = 0; k < model.people().size(); ++k) {
      const PersonId person(k);
      const Person& p = model.person(person);
      if (in_team(person) ||
          !team::eligible(model, request, rows, person, levels[person.index()]) || !fits(person)) {
        continue;
      }
      (p.external ? gap.hire : gap.transfer).push_back(person);
    }
    auto cheaper = [&](PersonId a, PersonId b) {
      return model.person(a).cost != model.person(b).cost
                 ? model.person(a).cost < model.person(b).cost
                 : a < b;
    };
    std::stable_sort(gap.transfer.begin(), gap.transfer.end(), cheaper);
    std::stable_sort(gap.hire.begin(), gap.hire.end(), cheaper);
  }

  void finish(Gap& gap) const {
    gap.trainable = model.competency(gap.competency).is_trainable();
    if (!gap.trainable) {
      gap.train.clear();
    }
    gap.priority = gap.importance * gap.shortfall;
    gap.needs_hire = !gap.trainable && gap.transfer.empty();
  }
};

// Counted requirement: the missing members are the nearest non-qualifying members, then nobody.
void count_gap(const Context& c, std::size_t index, const team::CoverageRow& line,
               std::vector<Gap>& gaps) {
  const team::RequestRow& row = line.row;
  Gap gap;
  gap.row = index;
  gap.competency = *row.competency;
  gap.min_level = row.min_level;
  gap.importance = row.importance;
  gap.hard = row.hard;
  gap.missing = line.needed - line.provided;
  std::vector<TrainingOption> below;
  for (const PersonId person : c.team) {
    const double level = c.level(person, *row.competency);
    if (!team::meets(level, row.min_level)) {
      below.push_back({person, level, row.min_level - level});
    }
  }
  std::stable_sort(below.begin(), below.end(),
                   [](const auto& a, const auto& b) { return a.shortfall < b.shortfall; });
  // A counted or FTE row needs as many more members as it misses (whole members for FTE).
  const auto more = static_cast<std::size_t>(std::ceil(gap.missing - 1e-9));
  if (row.kind != team::RowKind::kEveryone) {
    below.resize(std::min(below.size(), more));
  }
  for (const TrainingOption& option : below) {
    gap.shortfall += option.shortfall;
  }
  if (row.kind != team::RowKind::kEveryone && more > below.size()) {
    gap.shortfall += static_cast<double>(more - below.size()) * row.min_level;
  }
  gap.train = std::move(below);
  c.outsiders(gap, [&](PersonId person) {
    return team::meets(c.level(person, *row.competency), row.min_level);
  });
  c.finish(gap);
  gaps.push_back(std::move(gap));
}

// The role an open slot row asks for: its role, or for a leader row the leader role the free
// members come nearest to.
RoleId open_role(const Context& c, const team::CoverageRow& line,
                 const std::vector<PersonId>& free) {
  if (line.row.role) {
    return *line.row.role;
  }
  std::optional<RoleId> best;
  double least = 0;
  for (std::uint32_t k = 0; k < c.model.roles().size(); ++k) {
    const Role& role = c.model.roles()[k];
    if (!role.leader) {
      continue;
    }
    double total = 0;
    for (const PersonId person : free) {
      for (const RoleRequirement& r : role.requirements) {
        total +=
            r.hard
                ? std::max(0.0, r.min_level - c.level(person, c.model.competency_id(r.competency)))
                : 0.0;
      }
    }
    if (!best || total < least) {
      best = RoleId(k);
      least = total;
    }
  }
  return *best;
}

// Unfilled role slots: the members holding no slot and nearest to the role take the open slots
// (then nobody); each hard requirement they miss is a gap.
void role_gaps(const Context& c, std::size_t index, const team::CoverageRow& line,
               const team::Coverage& coverage, std::vector<Gap>& gaps) {
  std::vector<PersonId> free;
  for (const PersonId person : c.team) {
    const bool holds =
        std::any_of(coverage.holders.begin(), coverage.holders.end(),
                    [&](const team::SlotHolder& held) { return held.person == person; });
    if (!holds) {
      free.push_back(person);
    }
  }
  if (!line.row.role && std::none_of(c.model.roles().begin(), c.model.roles().end(),
                                     [](const Role& r) { return r.leader; })) {
    return;  // no leader role to train or hire towards
  }
  const RoleId role_id = open_role(c, line, free);
  const Role& role = c.model.role(role_id);
  auto role_shortfall = [&](PersonId person) {
    double total = 0;
    for (const RoleRequirement& r : role.requirements) {
      if (r.hard) {
        total += std::max(0.0, r.min_level - c.level(person, c.model.competency_id(r.competency)));
      }
    }
    return total;
  };
  std::stable_sort(free.begin(), free.end(),
                   [&](PersonId a, PersonId b) { return role_shortfall(a) < role_shortfall(b); });
  const auto open = static_cast<std::size_t>(std::lround(line.needed - line.provided));
  free.resize(std::min(free.size(), open));

  for (const RoleRequirement& r : role.requirements) {
    Gap gap;
    gap.row = index;
    gap.competency = c.model.competency_id(r.competency);
    gap.role = role_id;
    gap.min_level = r.min_level;
    gap.importance = r.importance;
    gap.hard = r.hard;
    for (const PersonId person : free) {
      const double level = c.level(person, gap.competency);
      if (!team::meets(level, r.min_level)) {
        ++gap.missing;
        gap.shortfall += r.min_level - level;
        gap.train.push_back({person, level, r.min_level - level});
      }
    }
    const auto nobody = static_cast<int>(open - free.size());
    gap.missing += nobody;
    gap.shortfall += nobody * r.min_level;
    if (gap.missing == 0) {
      continue;
    }
    c.outsiders(gap, [&](PersonId person) {
      return team::qualifies_for_role(c.model, c.levels[person.index()], role_id) &&
             team::meets(c.level(person, gap.competency), r.min_level);
    });
    c.finish(gap);
    gaps.push_back(std::move(gap));
  }
}

// Soft requirements of a role that its holder falls short of.
void holder_gaps(const Context& c, std::size_t index, const team::Coverage& coverage,
                 std::vector<Gap>& gaps) {
  for (const team::SlotHolder& held : coverage.holders) {
    if (held.row != index) {
      continue;
    }
    const PersonId holder = held.person;
    const Role& role = c.model.role(held.role);
    for (const RoleRequirement& r : role.requirements) {
      const CompetencyId competency = c.model.competency_id(r.competency);
      const double level = c.level(holder, competency);
      if (r.hard || team::meets(level, r.min_level)) {
        continue;
      }
      Gap gap;
      gap.row = index;
      gap.competency = competency;
      gap.role = held.role;
      gap.min_level = r.min_level;
      gap.importance = r.importance;
      gap.hard = false;
      gap.missing = 1;
      gap.shortfall = r.min_level - level;
      gap.train.push_back({holder, level, gap.shortfall});
      c.outsiders(gap, [&](PersonId person) {
        return team::qualifies_for_role(c.model, c.levels[person.index()], held.role) &&
               team::meets(c.level(person, competency), r.min_level);
      });
      c.finish(gap);
      gaps.push_back(std::move(gap));
    }
  }
}

}  // namespace

GapReport gap_report(const Model& model, const TeamRequest& request, std::span<const PersonId> team,
                     std::optional<std::size_t> top_k) {
  model.validate(request);
  GapReport report;
  report.coverage = team::evaluate(model, request, team);
  Context context{
      model, request, {team.begin(), team.end()}, team::request_rows(model, request), {}};
  for (std::uint32_t k = 0; k < model.people().size(); ++k) {
    context.levels.push_back(model.effective_levels(PersonId(k)));
  }
  std::sort(context.team.begin(), context.team.end());
  report.team = context.team;

  for (std::size_t i = 0; i < report.coverage.rows.size(); ++i) {
    const team::CoverageRow& line = report.coverage.rows[i];
    if (line.row.is_slot()) {
      if (!line.met()) {
        role_gaps(context, i, line, report.coverage, report.gaps);
      }
      holder_gaps(context, i, report.coverage, report.gaps);
    } else if (!line.met()) {
      count_gap(context, i, line, report.gaps);
    }
  }
  std::stable_sort(report.gaps.begin(), report.gaps.end(),
                   [](const Gap& a, const Gap& b) { return a.priority > b.priority; });
  if (top_k && report.gaps.size() > *top_k) {
    report.gaps.resize(*top_k);
  }
  return report;
}

}  // namespace teamwright::analysis
