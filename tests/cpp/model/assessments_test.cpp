// Assessment policies (how assessments aggregate into rated levels) and the assessment review
// (blind spots, stale and future-dated assessments).

#include "teamwright/analysis/assessments.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/model/dates.hpp"
#include "teamwright/model/model.hpp"

namespace teamwright {
namespace {

using Source = AssessmentSource;

// One person's assessments of "empathy", under a policy.
Model model_of(std::vector<Assessment> assessments, AssessmentPolicy policy = {}) {
  Framework f;
  f.competencies = {{.id = "empathy"}, {.id = "spanish"}};
  f.assessment_policy = std::move(policy);
  return Model(std::move(f), {{.id = "p", .assessments = std::move(assessments)}});
}

double rated(const Model& m) { return m.rated_level(m.person_id("p"), m.competency_id("empathy")); }

const std::vector<Assessment> kMixed{
    {"empathy", 5, Source::kSelf, "2026-03-01", 1.0},
    {"empathy", 2, Source::kManager, "2025-01-01", 1.0},  // superseded by the manager's later one
    {"empathy", 4, Source::kManager, "2026-02-01", 1.0},
    {"empathy", 3, Source::kPeer, "2026-02-10", 0.5},
};

TEST(AssessmentPolicy, TheDefaultWeighsEachSourcesLatestAndLeavesOutTheSelfRating) {
  EXPECT_DOUBLE_EQ(rated(model_of(kMixed)), (4 + 0.5 * 3) / 1.5);
}

TEST(AssessmentPolicy, SourceWeightsMultiplyConfidenceAndAListedSelfWeightCounts) {
  AssessmentPolicy policy;
  policy.source_weights = {{Source::kSelf, 0.5}, {Source::kPeer, 2}};
  // self 0.5 x 5, manager 1 x 4, peer (2 x 0.5) x 3
  EXPECT_DOUBLE_EQ(rated(model_of(kMixed, policy)), (0.5 * 5 + 4 + 1 * 3) / 2.5);
}

TEST(AssessmentPolicy, MostRecentTakesTheNewestDateOfAnyCountedSource) {
  AssessmentPolicy policy;
  policy.aggregation = Aggregation::kMostRecent;
  // The self-rating (2026-03-01) is newest but is left out beside other sources: the peer's.
  EXPECT_DOUBLE_EQ(rated(model_of(kMixed, policy)), 3);
  policy.source_weights = {{Source::kSelf, 1}};
  EXPECT_DOUBLE_EQ(rated(model_of(kMixed, policy)), 5);
}

TEST(AssessmentPolicy, MinimumTakesTheLowestOfTheSourcesLatestLevels) {
  AssessmentPolicy policy;
  policy.aggregation = Aggregation::kMinimum;
  EXPECT_DOUBLE_EQ(rated(model_of(kMixed, policy)), 3);
}

TEST(AssessmentPolicy, OnlyValidatedSourcesCountAndNoneLeavesNoLevel) {
  AssessmentPolicy policy;
  policy.sources = {Source::kManager, Source::kTest};
  EXPECT_DOUBLE_EQ(rated(model_of(kMixed, policy)), 4);
  policy.sources = {Source::kTest};
  EXPECT_DOUBLE_EQ(rated(model_of(kMixed, policy)), 0);
}

TEST(AssessmentPolicy, AHalfLifeFadesOldEvidenceEvenWhenItIsAlone) {
  AssessmentPolicy policy;
  policy.half_life_days = 365;
  policy.as_of = "2020-01-01";
  // 2019-01-01 is 365 days before: half its level; two half-lives: a quarter.
  EXPECT_DOUBLE_EQ(rated(model_of({{"empathy", 4, Source::kSelf, "2019-01-01", 1}}, policy)), 2);
  EXPECT_DOUBLE_EQ(rated(model_of({{"empathy", 4, Source::kSelf, "2018-01-01", 1}}, policy)),
                   4 * std::exp2(-730.0 / 365));
  // A date after as_of counts as of as_of, undiscounted.
  EXPECT_DOUBLE_EQ(rated(model_of({{"empathy", 4, Source::kSelf, "2099-01-01", 1}}, policy)), 4);
  policy.half_life_days = 0;
  EXPECT_DOUBLE_EQ(rated(model_of({{"empathy", 4, Source::kSelf, "2019-01-01", 1}}, policy)), 4);
}

TEST(AssessmentPolicy, BrokenPoliciesAreTypedErrorsNamingTheRule) {
  const auto fails = [](AssessmentPolicy policy) {
    try {
      (void)model_of(kMixed, std::move(policy));
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  AssessmentPolicy p;
  p.source_weights = {{Source::kPeer, -1}};
  EXPECT_EQ(fails(p),
            "assessment policy: the weight -1 of source 'peer' must be a finite number >= 0");
  p = {};
  p.sources = {Source::kTest, Source::kTest};
  EXPECT_EQ(fails(p), "assessment policy: source 'test' is listed twice");
  p = {};
  p.half_life_days = -3;
  EXPECT_EQ(fails(p), "assessment policy: half_life_days -3 must be a finite number >= 0");
  p = {};
  p.as_of = "2026-02-30";
  EXPECT_EQ(fails(p), "assessment policy: as_of '2026-02-30' is not a calendar date YYYY-MM-DD");
}

TEST(AssessmentPolicy, TheDocumentCarriesThePolicyAndReadsItBack) {
  AssessmentPolicy policy;
  policy.aggregation = Aggregation::kMinimum;
  policy.source_weights = {{Source::kSelf, 0.25}};
  policy.sources = {Source::kManager, Source::kSelf};
  policy.half_life_days = 400;
  policy.as_of = "2026-06-30";
  policy.stale_after_days = 365;
  const Model m = model_of(kMixed, policy);
  const Model back = io::parse_model(io::dump_model(m));
  EXPECT_EQ(back.framework().assessment_policy, policy);
  EXPECT_EQ(back.as_of(), "2026-06-30");
  EXPECT_EQ(model_of(kMixed).as_of(), today());
  EXPECT_THROW((void)io::parse_model(R"({"format": "teamwright", "version": 1,
      "assessment_policy": {"aggregation": "mean"}, "competencies": []})"),
               FormatError);
}

TEST(AssessmentReview, FindsBlindSpotsBothWaysAndStaleAndFutureAssessments) {
  AssessmentPolicy policy;
  policy.as_of = "2026-06-01";
  policy.stale_after_days = 365;
  const Model m = model_of(
      {
          {"empathy", 5, Source::kSelf, "2026-03-01", 1},  // over by 1.5
          {"empathy", 4, Source::kManager, "2026-02-01", 1},
          {"empathy", 3, Source::kPeer, "2026-02-10", 1},
          {"spanish", 2, Source::kSelf, "2026-01-01", 1},      // under by 2
          {"spanish", 4, Source::kTest, "2024-01-01", 1},      // stale
          {"spanish", 1, Source::kCustomer, "2099-01-01", 1},  // future; others (4 + 1) / 2
      },
      policy);
  const auto review = analysis::review_assessments(m, 0.5);
  EXPECT_EQ(review.as_of, "2026-06-01");
  ASSERT_EQ(review.blind_spots.size(), 2U);
  EXPECT_EQ(m.competency(review.blind_spots[0].competency).id, "empathy");
  EXPECT_DOUBLE_EQ(review.blind_spots[0].difference(), 1.5);
  EXPECT_EQ(review.blind_spots[0].others, (std::vector<Source>{Source::kManager, Source::kPeer}));
  EXPECT_DOUBLE_EQ(review.blind_spots[1].difference(), -0.5);
  ASSERT_EQ(review.stale.size(), 1U);
  EXPECT_EQ(review.stale[0].assessment, 4U);
  EXPECT_EQ(review.stale[0].age_days, *day_number("2026-06-01") - *day_number("2024-01-01"));
  ASSERT_EQ(review.future.size(), 1U);
  EXPECT_EQ(review.future[0].assessment, 5U);
  EXPECT_LT(review.future[0].age_days, 0);
  EXPECT_EQ(analysis::review_assessments(m, 1.6).blind_spots.size(), 0U);
  EXPECT_THROW((void)analysis::review_assessments(m, 0), OutOfRangeError);
}

TEST(Dates, DayNumbersRoundTripAndRejectDaysTheMonthLacks) {
  EXPECT_EQ(day_number("1970-01-01"), 0);
  EXPECT_EQ(day_number("2024-03-01").value() - day_number("2024-02-28").value(), 2);  // leap
  EXPECT_FALSE(day_number("2023-02-29"));
  EXPECT_FALSE(day_number("2026-1-01"));
  EXPECT_EQ(date_of(*day_number("2026-12-31")), "2026-12-31");
  EXPECT_TRUE(day_number(today()));
}

}  // namespace
}  // namespace teamwright
