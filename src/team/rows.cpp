#include "teamwright/team/rows.hpp"

#include <algorithm>
#include <string>
#include <variant>

#include "util/text.hpp"

namespace teamwright::team {

std::vector<RequestRow> request_rows(const Model& model, const TeamRequest& request) {
  std::vector<RequestRow> rows;
  for (std::size_t i = 0; i < request.requirements.size(); ++i) {
    const TeamRequirement& r = request.requirements[i];
    RequestRow row;
    row.source = i;
    row.competency = model.competency_id(r.competency);
    row.min_level = r.min_level;
    if (const int* count = std::get_if<int>(&r.count)) {
      row.kind = RowKind::kCount;
      row.count = *count;
    } else {
      row.kind = RowKind::kEveryone;
    }
    row.importance = r.importance;
    row.hard = r.hard;
    rows.push_back(row);
  }
  for (std::size_t i = 0; i < request.roles.size(); ++i) {
    RequestRow row;
    row.kind = RowKind::kRole;
    row.source = i;
    row.role = model.role_id(request.roles[i].role);
    row.count = request.roles[i].count;
    int importance = 0;
    for (const RoleRequirement& r : model.role(*row.role).requirements) {
      importance = r.hard ? std::max(importance, r.importance) : importance;
    }
    row.importance = importance > 0 ? importance : 3;
    rows.push_back(row);
  }
  return rows;
}

bool qualifies_for_role(const Model& model, std::span<const LevelEntry> levels, RoleId role) {
  const auto& requirements = model.role(role).requirements;
  return std::all_of(requirements.begin(), requirements.end(), [&](const RoleRequirement& r) {
    return !r.hard || level_in(levels, model.competency_id(r.competency)) >= r.min_level;
  });
}

std::string describe(const Model& model, const RequestRow& row) {
  switch (row.kind) {
    case RowKind::kCount:
      return std::to_string(row.count) + " x " + model.competency(*row.competency).id +
             " >= " + util::number(row.min_level);
    case RowKind::kEveryone:
      return "everyone: " + model.competency(*row.competency).id +
             " >= " + util::number(row.min_level);
    case RowKind::kRole:
      return "role " + model.role(*row.role).id + " x " + std::to_string(row.count);
  }
  return {};
}

}  // namespace teamwright::team
