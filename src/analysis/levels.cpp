#include "teamwright/analysis/levels.hpp"

#include <vector>

namespace teamwright::analysis {

LevelMatrix level_matrix(const Model& model, LevelKind kind) {
  const auto people = static_cast<Eigen::Index>(model.people().size());
  const auto competencies = static_cast<Eigen::Index>(model.competencies().size());
  LevelMatrix matrix = LevelMatrix::Zero(people, competencies);
  std::vector<LevelEntry> effective;
  for (Eigen::Index p = 0; p < people; ++p) {
    const PersonId person(static_cast<std::uint32_t>(p));
    std::span<const LevelEntry> levels;
    if (kind == LevelKind::kRated) {
      levels = model.rated_levels(person);
    } else {
      model.effective_levels(person, effective);
      levels = effective;
    }
    for (const LevelEntry& entry : levels) {
      matrix(p, static_cast<Eigen::Index>(entry.competency.index())) = entry.level;
    }
  }
  return matrix;
}

}  // namespace teamwright::analysis
