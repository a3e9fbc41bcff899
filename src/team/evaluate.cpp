#include "teamwright/team/evaluate.hpp"

#include <algorithm>
#include <string>

#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"
#include "util/b_matching.hpp"
#include "util/text.hpp"

namespace teamwright::team {
namespace {

// The slot rows (by position among the request's slot rows) each member qualifies for.
struct QualifiedSlots {
  const std::vector<std::vector<std::int32_t>>* by_member;
  std::span<const std::int32_t> operator()(std::int32_t member) const {
    return (*by_member)[member];
  }
};

std::vector<PersonId> sorted_team(const Model& model, std::span<const PersonId> team) {
  std::vector<PersonId> members(team.begin(), team.end());
  std::sort(members.begin(), members.end());
  for (std::size_t k = 0; k < members.size(); ++k) {
    (void)model.person(members[k]);
    if (k > 0 && members[k - 1] == members[k]) {
      throw DuplicateIdError("team names person " + util::quote(model.person(members[k]).id) +
                             " twice");
    }
  }
  return members;
}

// The table without slot holders: every competency row filled in, slot rows empty.
Coverage table(const Model& model, const TeamRequest& request, const std::vector<PersonId>& members,
               const std::vector<std::vector<LevelEntry>>& levels) {
  Coverage coverage;
  for (const RequestRow& row : request_rows(model, request)) {
    CoverageRow line{row, static_cast<double>(row.count), 0, {}};
    if (!row.is_slot()) {
      for (std::size_t m = 0; m < members.size(); ++m) {
        if (level_in(levels[m], *row.competency) >= row.min_level) {
          line.covered_by.push_back(members[m]);
          line.provided += row.kind == RowKind::kFte ? model.person(members[m]).availability : 1;
        }
      }
      if (row.kind == RowKind::kEveryone) {
        line.needed = static_cast<double>(members.size());
      } else if (row.kind == RowKind::kFte) {
        line.needed = row.fte;
      }
    }
    coverage.rows.push_back(std::move(line));
  }
  return coverage;
}

void add_holders(Coverage& coverage, std::vector<SlotHolder> holders) {
  std::sort(holders.begin(), holders.end(),
            [](const SlotHolder& a, const SlotHolder& b) { return a.person < b.person; });
  for (const SlotHolder& holder : holders) {
    CoverageRow& line = coverage.rows[holder.row];
    line.covered_by.push_back(holder.person);
    line.provided += 1;
  }
  for (CoverageRow& line : coverage.rows) {
    std::sort(line.covered_by.begin(), line.covered_by.end());
  }
  coverage.holders = std::move(holders);
}

}  // namespace

Coverage evaluate(const Model& model, const TeamRequest& request, std::span<const PersonId> team) {
  const std::vector<PersonId> members = sorted_team(model, team);
  std::vector<std::vector<LevelEntry>> levels;
  levels.reserve(members.size());
  for (const PersonId person : members) {
    levels.push_back(model.effective_levels(person));
  }
  Coverage coverage = table(model, request, members, levels);

  std::vector<std::size_t> slot_rows;
  std::vector<int> capacity;
  for (std::size_t i = 0; i < coverage.rows.size(); ++i) {
    if (coverage.rows[i].row.is_slot()) {
      slot_rows.push_back(i);
      capacity.push_back(coverage.rows[i].row.count);
    }
  }
  if (slot_rows.empty()) {
    return coverage;
  }
  std::vector<std::vector<std::int32_t>> qualified(members.size());
  for (std::size_t k = 0; k < slot_rows.size(); ++k) {
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (!roles_for_slot(model, levels[m], coverage.rows[slot_rows[k]].row).empty()) {
        qualified[m].push_back(static_cast<std::int32_t>(k));
      }
    }
  }
  util::BMatching<QualifiedSlots> matching(members.size(), std::move(capacity),
                                           QualifiedSlots{&qualified});
  for (std::size_t m = 0; m < members.size(); ++m) {
    matching.add(static_cast<std::int32_t>(m));
  }
  std::vector<SlotHolder> holders;
  for (const auto& [member, k] : matching.pairs()) {
    const std::size_t row = slot_rows[k];
    holders.push_back({members[member], row,
                       roles_for_slot(model, levels[member], coverage.rows[row].row).front()});
  }
  add_holders(coverage, std::move(holders));
  return coverage;
}

Coverage evaluate(const Model& model, const TeamRequest& request, std::span<const PersonId> team,
                  std::span<const SlotHolder> holders) {
  const std::vector<PersonId> members = sorted_team(model, team);
  std::vector<std::vector<LevelEntry>> levels;
  levels.reserve(members.size());
  for (const PersonId person : members) {
    levels.push_back(model.effective_levels(person));
  }
  Coverage coverage = table(model, request, members, levels);
  std::vector<char> holds(members.size(), 0);
  for (const SlotHolder& holder : holders) {
    const auto found = std::lower_bound(members.begin(), members.end(), holder.person);
    if (found == members.end() || *found != holder.person) {
      throw InvalidInputError("slot holder " + util::quote(model.person(holder.person).id) +
                              " is not a member");
    }
    if (holder.row >= coverage.rows.size() || !coverage.rows[holder.row].row.is_slot()) {
      throw InvalidInputError("slot holder " + util::quote(model.person(holder.person).id) +
                              " holds row " + std::to_string(holder.row) +
                              ", which is not a slot row");
    }
    char& held = holds[static_cast<std::size_t>(found - members.begin())];
    if (held != 0) {
      throw InvalidInputError("slot holder " + util::quote(model.person(holder.person).id) +
                              " holds two slots");
    }
    held = 1;
  }
  add_holders(coverage, {holders.begin(), holders.end()});
  return coverage;
}

}  // namespace teamwright::team
