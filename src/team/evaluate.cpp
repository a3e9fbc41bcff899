#include "teamwright/team/evaluate.hpp"

#include <algorithm>
#include <string>

#include "teamwright/error.hpp"
#include "util/b_matching.hpp"
#include "util/text.hpp"

namespace teamwright::team {
namespace {

// The role rows (by position among the request's role rows) each member qualifies for.
struct QualifiedRoles {
  const std::vector<std::vector<std::int32_t>>* by_member;
  std::span<const std::int32_t> operator()(std::int32_t member) const {
    return (*by_member)[member];
  }
};

}  // namespace

Coverage evaluate(const Model& model, const TeamRequest& request, std::span<const PersonId> team) {
  std::vector<PersonId> members(team.begin(), team.end());
  std::sort(members.begin(), members.end());
  for (std::size_t k = 0; k < members.size(); ++k) {
    (void)model.person(members[k]);
    if (k > 0 && members[k - 1] == members[k]) {
      throw DuplicateIdError("team names person " + util::quote(model.person(members[k]).id) +
                             " twice");
    }
  }

  std::vector<std::vector<LevelEntry>> levels;
  levels.reserve(members.size());
  for (const PersonId person : members) {
    levels.push_back(model.effective_levels(person));
  }

  Coverage coverage;
  std::vector<std::size_t> role_rows;
  for (const RequestRow& row : request_rows(model, request)) {
    CoverageRow line{row, row.count, 0, {}};
    if (row.kind == RowKind::kRole) {
      role_rows.push_back(coverage.rows.size());
    } else {
      for (std::size_t m = 0; m < members.size(); ++m) {
        if (level_in(levels[m], *row.competency) >= row.min_level) {
          line.covered_by.push_back(members[m]);
        }
      }
      line.provided = static_cast<int>(line.covered_by.size());
      if (row.kind == RowKind::kEveryone) {
        line.needed = static_cast<int>(members.size());
      }
    }
    coverage.rows.push_back(std::move(line));
  }

  if (!role_rows.empty()) {
    std::vector<std::vector<std::int32_t>> qualified(members.size());
    std::vector<int> capacity;
    for (std::size_t k = 0; k < role_rows.size(); ++k) {
      const RequestRow& row = coverage.rows[role_rows[k]].row;
      capacity.push_back(row.count);
      for (std::size_t m = 0; m < members.size(); ++m) {
        if (qualifies_for_role(model, levels[m], *row.role)) {
          qualified[m].push_back(static_cast<std::int32_t>(k));
        }
      }
    }
    util::BMatching<QualifiedRoles> matching(members.size(), std::move(capacity),
                                             QualifiedRoles{&qualified});
    for (std::size_t m = 0; m < members.size(); ++m) {
      matching.add(static_cast<std::int32_t>(m));
    }
    for (const auto& [member, k] : matching.pairs()) {
      CoverageRow& line = coverage.rows[role_rows[k]];
      line.covered_by.push_back(members[member]);
      ++line.provided;
      coverage.roles.emplace_back(members[member], *line.row.role);
    }
  }
  return coverage;
}

}  // namespace teamwright::team
