#include "teamwright/team/rows.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>

#include "util/text.hpp"

namespace teamwright::team {

std::string_view to_string(RowKind kind) {
  switch (kind) {
    case RowKind::kCount:
      return "count";
    case RowKind::kFte:
      return "fte";
    case RowKind::kEveryone:
      return "everyone";
    case RowKind::kRole:
      return "role";
    case RowKind::kLeader:
      return "leader";
  }
  return "?";
}

std::optional<RowKind> parse_row_kind(std::string_view name) {
  for (const RowKind kind :
       {RowKind::kCount, RowKind::kFte, RowKind::kEveryone, RowKind::kRole, RowKind::kLeader}) {
    if (to_string(kind) == name) {
      return kind;
    }
  }
  return std::nullopt;
}

namespace {

int role_importance(const Role& role) {
  int importance = 0;
  for (const RoleRequirement& r : role.requirements) {
    importance = r.hard ? std::max(importance, r.importance) : importance;
  }
  return importance;
}

}  // namespace

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
    } else if (const Fte* fte = std::get_if<Fte>(&r.count)) {
      row.kind = RowKind::kFte;
      row.fte = fte->value;
    } else {
      row.kind = RowKind::kEveryone;
    }
    row.importance = r.importance;
    row.hard = r.hard;
    rows.push_back(row);
  }
  int leader_slots = 0;
  for (std::size_t i = 0; i < request.roles.size(); ++i) {
    RequestRow row;
    row.kind = RowKind::kRole;
    row.source = i;
    row.role = model.role_id(request.roles[i].role);
    row.count = request.roles[i].count;
    const Role& role = model.role(*row.role);
    const int importance = role_importance(role);
    row.importance = importance > 0 ? importance : 3;
    leader_slots += role.leader ? row.count : 0;
    rows.push_back(row);
  }
  if (request.min_leaders > leader_slots) {
    RequestRow row;
    row.kind = RowKind::kLeader;
    row.count = request.min_leaders - leader_slots;
    int importance = 0;
    for (const Role& role : model.roles()) {
      importance = role.leader ? std::max(importance, role_importance(role)) : importance;
    }
    row.importance = importance > 0 ? importance : 3;
    rows.push_back(row);
  }
  return rows;
}

std::string describe(const Model& model, const RequestRow& row) {
  switch (row.kind) {
    case RowKind::kCount:
      return std::to_string(row.count) + " x " + model.competency(*row.competency).id +
             " >= " + util::number(row.min_level);
    case RowKind::kFte:
      return util::number(row.fte) + " FTE x " + model.competency(*row.competency).id +
             " >= " + util::number(row.min_level);
    case RowKind::kEveryone:
      return "everyone: " + model.competency(*row.competency).id +
             " >= " + util::number(row.min_level);
    case RowKind::kRole:
      return "role " + model.role(*row.role).id + " x " + std::to_string(row.count);
    case RowKind::kLeader:
      return "leader x " + std::to_string(row.count);
  }
  return {};
}

std::string level_text(const Model& model, double level) {
  const auto& labels = model.scale().labels;
  if (level == std::floor(level) && level >= 0 && level < static_cast<double>(labels.size())) {
    return util::number(level) + " (" + labels[static_cast<std::size_t>(level)] + ")";
  }
  return util::number(level);
}

std::string describe_for_people(const Model& model, const RequestRow& row) {
  auto competency = [&] {
    const Competency& c = model.competency(*row.competency);
    return (c.name.empty() ? c.id : c.name) + " " + level_text(model, row.min_level) + " or above";
  };
  switch (row.kind) {
    case RowKind::kCount:
      return std::to_string(row.count) + (row.count == 1 ? " member" : " members") + " with " +
             competency();
    case RowKind::kFte:
      return util::readable(row.fte) + " FTE with " + competency();
    case RowKind::kEveryone:
      return "everyone with " + competency();
    case RowKind::kRole: {
      const Role& role = model.role(*row.role);
      return std::to_string(row.count) + " " + (role.name.empty() ? role.id : role.name) + " (" +
             role.id + ")";
    }
    case RowKind::kLeader:
      return std::to_string(row.count) + (row.count == 1 ? " leader" : " leaders");
  }
  return {};
}

}  // namespace teamwright::team
