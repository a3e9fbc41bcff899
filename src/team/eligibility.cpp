// Who meets what (include/teamwright/team/eligibility.hpp).

#include "teamwright/team/eligibility.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "util/text.hpp"

namespace teamwright::team {

bool qualifies_for_role(const Model& model, std::span<const LevelEntry> levels, RoleId role) {
  const auto& requirements = model.role(role).requirements;
  return std::all_of(requirements.begin(), requirements.end(), [&](const RoleRequirement& r) {
    return !r.hard || meets(level_in(levels, model.competency_id(r.competency)), r.min_level);
  });
}

std::vector<RoleId> roles_for_slot(const Model& model, std::span<const LevelEntry> levels,
                                   const RequestRow& row) {
  std::vector<RoleId> roles;
  if (row.kind == RowKind::kRole) {
    if (qualifies_for_role(model, levels, *row.role)) {
      roles.push_back(*row.role);
    }
  } else if (row.kind == RowKind::kLeader) {
    for (std::uint32_t k = 0; k < model.roles().size(); ++k) {
      if (model.roles()[k].leader && qualifies_for_role(model, levels, RoleId(k))) {
        roles.emplace_back(k);
      }
    }
  }
  return roles;
}

int soft_misses(const Model& model, std::span<const LevelEntry> levels, RoleId role) {
  int missed = 0;
  for (const RoleRequirement& r : model.role(role).requirements) {
    if (!r.hard && !meets(level_in(levels, model.competency_id(r.competency)), r.min_level)) {
      missed += r.importance;
    }
  }
  return missed;
}

bool eligible(const Model& model, const TeamRequest& request, std::span<const RequestRow> rows,
              PersonId person, std::span<const LevelEntry> levels, std::string* why) {
  const Person& p = model.person(person);
  auto no = [&](std::string reason) {
    if (why != nullptr) {
      *why = std::move(reason);
    }
    return false;
  };
  if (std::find(request.exclude.begin(), request.exclude.end(), p.id) != request.exclude.end()) {
    return no("is excluded by the request");
  }
  if (p.availability <= 0) {
    return no("is not available (availability 0)");
  }
  if (p.availability < request.min_availability) {
    return no("is available " + util::readable(p.availability) + " FTE, below the request's " +
              util::readable(request.min_availability));
  }
  for (const RequestRow& row : rows) {
    if (row.kind == RowKind::kEveryone && row.hard &&
        !meets(level_in(levels, *row.competency), row.min_level)) {
      return no("is below level " + level_text(model, row.min_level) + " in " +
                util::quote(model.competency(*row.competency).id) +
                ", which the request requires of everyone");
    }
  }
  return true;
}

double fit_score(const Model& model, std::span<const LevelEntry> levels, RoleId role) {
  double weighted = 0;
  double weights = 0;
  for (const RoleRequirement& r : model.role(role).requirements) {
    const double level = level_in(levels, model.competency_id(r.competency));
    weighted += r.importance * (r.min_level > 0 ? std::min(level / r.min_level, 1.0) : 1.0);
    weights += r.importance;
  }
  return weights > 0 ? weighted / weights : 1.0;
}

std::optional<double> role_fit(const Model& model, std::span<const LevelEntry> levels,
                               RoleId role) {
  if (!qualifies_for_role(model, levels, role)) {
    return std::nullopt;
  }
  return fit_score(model, levels, role);
}

}  // namespace teamwright::team
