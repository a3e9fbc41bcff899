// Fit and mismatch (include/teamwright/analysis/fit.hpp): every number comes from
// team::fit_score and team::qualifies_for_role, the rules every solver uses.

#include "teamwright/analysis/fit.hpp"

#include <cmath>
#include <string>

#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"
#include "util/text.hpp"

namespace teamwright::analysis {
namespace {

std::vector<RequirementEvidence> evidence(const Model& model, std::span<const LevelEntry> levels,
                                          RoleId role) {
  std::vector<RequirementEvidence> out;
  for (const RoleRequirement& r : model.role(role).requirements) {
    const CompetencyId c = model.competency_id(r.competency);
    out.push_back({c, r.min_level, level_in(levels, c), r.importance, r.hard});
  }
  return out;
}

}  // namespace

FitMatrix fit_matrix(const Model& model, std::span<const RoleId> roles) {
  std::vector<RoleId> all;
  if (roles.empty()) {
    for (std::uint32_t k = 0; k < model.roles().size(); ++k) {
      all.emplace_back(k);
    }
    roles = all;
  }
  for (const RoleId role : roles) {
    (void)model.role(role);  // a foreign id is an OutOfRangeError
  }
  FitMatrix fit(static_cast<Eigen::Index>(model.people().size()),
                static_cast<Eigen::Index>(roles.size()));
  std::vector<LevelEntry> levels;
  for (std::uint32_t p = 0; p < model.people().size(); ++p) {
    model.effective_levels(PersonId(p), levels);
    for (std::size_t r = 0; r < roles.size(); ++r) {
      fit(p, static_cast<Eigen::Index>(r)) = team::fit_score(model, levels, roles[r]);
    }
  }
  return fit;
}

std::vector<Mismatch> mismatches(const Model& model, const MismatchOptions& options) {
  if (!(options.low_fit > 0 && options.low_fit <= 1)) {
    throw OutOfRangeError("mismatches: low_fit " + util::number(options.low_fit) +
                          " is outside (0, 1]");
  }
  if (!(options.margin >= 0 && options.margin <= 1)) {
    throw OutOfRangeError("mismatches: margin " + util::number(options.margin) +
                          " is outside [0, 1]");
  }
  std::vector<Mismatch> out;
  std::vector<LevelEntry> levels;
  for (std::uint32_t p = 0; p < model.people().size(); ++p) {
    const Person& person = model.person(PersonId(p));
    if (person.current_role.empty()) {
      continue;
    }
    model.effective_levels(PersonId(p), levels);
    const RoleId current = model.role_id(person.current_role);
    const double current_fit = team::fit_score(model, levels, current);
    if (current_fit >= options.low_fit) {
      continue;
    }
    std::optional<RoleId> best;
    double best_fit = current_fit + options.margin - 1e-12;
    for (std::uint32_t r = 0; r < model.roles().size(); ++r) {
      const RoleId role(r);
      if (role == current) {
        continue;
      }
      const auto fit = team::role_fit(model, levels, role);
      if (fit && *fit > best_fit) {
        best = role;
        best_fit = *fit;
      }
    }
    if (best) {
      out.push_back({PersonId(p), current, current_fit, *best, best_fit,
                     evidence(model, levels, current), evidence(model, levels, *best)});
    }
  }
  return out;
}

}  // namespace teamwright::analysis
