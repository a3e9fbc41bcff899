// Reviewing assessments (include/teamwright/analysis/assessments.hpp): blind spots compare the
// latest self-rating with the other sources aggregated by the model's own rule (model/levels.cpp).

#include "teamwright/analysis/assessments.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

#include "model/model_data.hpp"
#include "teamwright/error.hpp"
#include "teamwright/model/dates.hpp"
#include "util/text.hpp"

namespace teamwright::analysis {
namespace {

// The confidence-weighted mean of the latest of `self` ratings.
double latest_self(const std::vector<const Assessment*>& self) {
  std::string_view latest;
  for (const Assessment* a : self) {
    latest = std::max(latest, std::string_view(a->date));
  }
  double weighted = 0;
  double total = 0;
  for (const Assessment* a : self) {
    if (a->date == latest) {
      weighted += a->confidence * a->level;
      total += a->confidence;
    }
  }
  return weighted / total;
}

}  // namespace

AssessmentReview review_assessments(const Model& model, double threshold) {
  if (!std::isfinite(threshold) || threshold <= 0) {
    throw OutOfRangeError("review_assessments: threshold " + util::number(threshold) +
                          " must be a finite number > 0");
  }
  // Blind spots are about disagreement, not age: the others' ratings count undiscounted.
  AssessmentPolicy policy = model.framework().assessment_policy;
  policy.half_life_days = 0;
  AssessmentReview review;
  review.as_of = model.as_of();
  review.threshold = threshold;
  const std::int64_t as_of = *day_number(review.as_of);
  const auto counted = [&](AssessmentSource source) {
    return policy.sources.empty() ||
           std::find(policy.sources.begin(), policy.sources.end(), source) != policy.sources.end();
  };
  for (std::uint32_t k = 0; k < model.people().size(); ++k) {
    const PersonId person(k);
    const Person& p = model.person(person);
    std::map<CompetencyId,
             std::pair<std::vector<const Assessment*>, std::vector<const Assessment*>>>
        by_competency;  // (self, others)
    for (std::size_t i = 0; i < p.assessments.size(); ++i) {
      const Assessment& a = p.assessments[i];
      const std::int64_t age = as_of - *day_number(a.date);
      if (age < 0) {
        review.future.push_back({person, i, age});
      } else if (policy.stale_after_days > 0 &&
                 static_cast<double>(age) > policy.stale_after_days) {
        review.stale.push_back({person, i, age});
      }
      auto& [self, others] = by_competency[model.competency_id(a.competency)];
      if (a.source == AssessmentSource::kSelf) {
        self.push_back(&a);
      } else if (counted(a.source)) {
        others.push_back(&a);
      }
    }
    for (const auto& [competency, lists] : by_competency) {
      const auto& [self, others] = lists;
      if (self.empty() || others.empty()) {
        continue;
      }
      BlindSpot spot{
          person, competency, latest_self(self), detail::aggregate(others, policy, as_of), {}};
      if (std::abs(spot.difference()) + 1e-9 < threshold) {
        continue;
      }
      std::set<AssessmentSource> sources;
      for (const Assessment* a : others) {
        sources.insert(a->source);
      }
      spot.others.assign(sources.begin(), sources.end());
      review.blind_spots.push_back(std::move(spot));
    }
  }
  std::stable_sort(
      review.stale.begin(), review.stale.end(),
      [](const DatedAssessment& a, const DatedAssessment& b) { return a.age_days > b.age_days; });
  return review;
}

}  // namespace teamwright::analysis
