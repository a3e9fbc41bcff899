#pragma once

/// \file
/// How far a model's assessments can be trusted: blind spots (self-ratings far from what the
/// other sources say, both directions), stale assessments (older than the policy's horizon) and
/// assessments dated after the date levels are judged as of. Rules in docs/model.md.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"

namespace teamwright::analysis {

/// A self-rating at least the threshold away from the other sources' aggregate.
struct BlindSpot {
  PersonId person;
  CompetencyId competency;
  /// The latest self-rating (confidence-weighted mean of the self-ratings of that date).
  double self_level = 0;
  /// The other counted sources' assessments aggregated by the model's policy.
  double others_level = 0;
  /// The sources behind `others_level`.
  std::vector<AssessmentSource> others;

  /// Positive when the person rates themself higher than the others do.
  [[nodiscard]] double difference() const { return self_level - others_level; }
};

/// An assessment of a person, by its index in `Person::assessments`, with its age.
struct DatedAssessment {
  PersonId person;
  std::size_t assessment = 0;
  /// Days before the model's as_of date; negative for an assessment dated after it.
  std::int64_t age_days = 0;
};

struct AssessmentReview {
  /// The date the review judges as of (`Model::as_of`).
  std::string as_of;
  double threshold = 1;
  /// By person, then competency.
  std::vector<BlindSpot> blind_spots;
  /// Older than the policy's `stale_after_days` (none when it is 0), oldest first.
  std::vector<DatedAssessment> stale;
  /// Dated after as_of: they count as of as_of (age 0) and should be checked.
  std::vector<DatedAssessment> future;
};

/// Reviews every person's assessments. `threshold` (finite, > 0) is the smallest difference
/// between a self-rating and the others' aggregate that counts as a blind spot.
/// \throws OutOfRangeError for a threshold that is not a finite number > 0.
[[nodiscard]] AssessmentReview review_assessments(const Model& model, double threshold = 1.0);

}  // namespace teamwright::analysis
