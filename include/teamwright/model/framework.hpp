#pragma once

/// \file
/// The competency framework: what people can do or be, how competencies nest and relate, and the
/// proficiency scale levels are measured on. Plain value types keyed by string ids; `Model`
/// validates and indexes them (see docs/model.md for the rules).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "teamwright/model/person.hpp"

namespace teamwright {

/// What kind of thing a competency is. Skills and knowledge can be taught; talents and traits
/// "can be improved but not created", so gaps in them are closed by moving or hiring people.
enum class CompetencyKind { kSkill, kKnowledge, kTalent, kTrait };

/// Whether competencies of this kind can be closed by training unless stated otherwise.
[[nodiscard]] constexpr bool trainable_by_default(CompetencyKind kind) {
  return kind == CompetencyKind::kSkill || kind == CompetencyKind::kKnowledge;
}

/// The file-format name of a kind: "skill", "knowledge", "talent", "trait".
[[nodiscard]] std::string_view to_string(CompetencyKind kind);
/// The kind with that file-format name, or nothing.
[[nodiscard]] std::optional<CompetencyKind> parse_competency_kind(std::string_view name);

/// What raising a person one level in a trainable competency takes (docs/model.md#training).
struct TrainingTerms {
  /// Money per level point; finite, >= 0.
  double cost_per_level = 0;
  /// Weeks per level point; finite, >= 0.
  double weeks_per_level = 0;

  friend bool operator==(const TrainingTerms&, const TrainingTerms&) = default;
};

/// How development plans are followed up.
struct DevelopmentPolicy {
  /// Weeks between review checkpoints of a development plan; finite, > 0.
  double review_every_weeks = 4;

  friend bool operator==(const DevelopmentPolicy&, const DevelopmentPolicy&) = default;
};

/// Something a person can do or be.
struct Competency {
  std::string id;
  std::string name;
  CompetencyKind kind = CompetencyKind::kSkill;
  /// Overrides `trainable_by_default(kind)` when set.
  std::optional<bool> trainable;
  /// Broader competencies this one belongs to (customer communication has parent communication).
  /// A level in a competency counts for all its ancestors.
  std::vector<std::string> parents;
  std::string description;
  /// The cost and duration of training it, per level; only a trainable competency has them.
  /// Unset: training it cannot be planned (gap closure then transfers or hires).
  std::optional<TrainingTerms> training;

  [[nodiscard]] bool is_trainable() const { return trainable.value_or(trainable_by_default(kind)); }
  friend bool operator==(const Competency&, const Competency&) = default;
};

/// A level in `from` counts, multiplied by `factor` in (0, 1], towards `to`. Directed: state both
/// directions for a symmetric relation. Relations are applied once, never chained.
struct Relation {
  std::string from;
  std::string to;
  double factor = 0.5;

  friend bool operator==(const Relation&, const Relation&) = default;
};

/// Labelled proficiency levels 0 .. labels.size() - 1.
struct ProficiencyScale {
  std::vector<std::string> labels = {"none",         "novice",   "basic",
                                     "intermediate", "advanced", "expert"};

  [[nodiscard]] int max_level() const { return static_cast<int>(labels.size()) - 1; }
  /// The label of the highest whole level at or below `level` ("advanced" for 4 and 4.5).
  [[nodiscard]] const std::string& label(double level) const {
    const double whole = std::floor(level + 1e-9);
    return labels[static_cast<std::size_t>(std::clamp(whole, 0.0, double(max_level())))];
  }
  friend bool operator==(const ProficiencyScale&, const ProficiencyScale&) = default;
};

/// The scale, the competencies and their relations, and how assessments are trusted.
struct Framework {
  ProficiencyScale scale;
  std::vector<Competency> competencies;
  std::vector<Relation> relations;
  AssessmentPolicy assessment_policy;
  DevelopmentPolicy development;

  friend bool operator==(const Framework&, const Framework&) = default;
};

}  // namespace teamwright
