#include <gtest/gtest.h>

#include <random>

#include "teamwright/model/model.hpp"

namespace teamwright {
namespace {

// communication > clear_communication > written; communication > listening;
// data_driven -> business_acumen (0.5); written -> documentation (0.8).
Framework framework() {
  Framework f;
  f.competencies = {
      {.id = "communication"},
      {.id = "clear_communication", .parents = {"communication"}},
      {.id = "written", .parents = {"clear_communication"}},
      {.id = "listening", .parents = {"communication"}},
      {.id = "data_driven"},
      {.id = "business_acumen"},
      {.id = "documentation"},
  };
  f.relations = {{.from = "data_driven", .to = "business_acumen", .factor = 0.5},
                 {.from = "written", .to = "documentation", .factor = 0.8}};
  return f;
}

double level(const Model& m, const char* person, const char* competency) {
  return m.effective_level(m.person_id(person), m.competency_id(competency));
}

TEST(EffectiveLevel, ALevelInADescendantCountsForEveryAncestor) {
  const Model m(framework(), {{.id = "p", .levels = {{"written", 4}, {"listening", 2}}}});
  EXPECT_EQ(level(m, "p", "written"), 4);
  EXPECT_EQ(level(m, "p", "clear_communication"), 4);
  EXPECT_EQ(level(m, "p", "communication"), 4);
  EXPECT_EQ(level(m, "p", "listening"), 2);
}

TEST(EffectiveLevel, TheBestOfOwnAndDescendantLevelsCounts) {
  const Model m(framework(), {{.id = "p", .levels = {{"communication", 3}, {"written", 2}}}});
  EXPECT_EQ(level(m, "p", "communication"), 3);
  EXPECT_EQ(level(m, "p", "written"), 2);  // a parent's level does not flow down
}

TEST(EffectiveLevel, ARelatedLevelCountsDiscounted) {
  const Model m(framework(), {{.id = "p", .levels = {{"data_driven", 4}, {"business_acumen", 1}}}});
  EXPECT_DOUBLE_EQ(level(m, "p", "business_acumen"), 2.0);
}

TEST(EffectiveLevel, RelationsStartFromHierarchyLevelsAndFlowUpButNeverChain) {
  Framework f = framework();
  f.relations.push_back({.from = "documentation", .to = "data_driven", .factor = 0.5});
  const Model m(f, {{.id = "p", .levels = {{"written", 5}}}});
  EXPECT_DOUBLE_EQ(level(m, "p", "documentation"), 4.0);  // 0.8 * 5
  EXPECT_DOUBLE_EQ(level(m, "p", "data_driven"), 0.0);    // no second hop
  EXPECT_DOUBLE_EQ(level(m, "p", "business_acumen"), 0.0);
}

TEST(EffectiveLevel, RelatedCreditOnAChildCountsForItsParent) {
  Framework f = framework();
  f.relations.push_back({.from = "data_driven", .to = "listening", .factor = 0.5});
  const Model m(f, {{.id = "p", .levels = {{"data_driven", 4}}}});
  EXPECT_DOUBLE_EQ(level(m, "p", "listening"), 2.0);
  EXPECT_DOUBLE_EQ(level(m, "p", "communication"), 2.0);
}

TEST(EffectiveLevel, DiamondHierarchiesCountEachPathOnce) {
  Framework f;
  f.competencies = {{.id = "top"},
                    {.id = "left", .parents = {"top"}},
                    {.id = "right", .parents = {"top"}},
                    {.id = "bottom", .parents = {"left", "right"}}};
  const Model m(f, {{.id = "p", .levels = {{"bottom", 3}}}});
  EXPECT_EQ(level(m, "p", "top"), 3);
  EXPECT_EQ(m.effective_levels(m.person_id("p")).size(), 4U);
}

TEST(RatedLevel, AnAgreedLevelOverridesAssessments) {
  const Model m(framework(), {{.id = "p",
                               .levels = {{"written", 2}},
                               .assessments = {{.competency = "written",
                                                .level = 5,
                                                .source = AssessmentSource::kManager,
                                                .date = "2026-01-01"}}}});
  EXPECT_EQ(m.rated_level(m.person_id("p"), m.competency_id("written")), 2);
}

TEST(RatedLevel, OthersOutvoteTheSelfRatingAndTheLatestAssessmentOfEachSourceCounts) {
  const Model m(framework(),
                {{.id = "p",
                  .assessments = {
                      {"listening", 5, AssessmentSource::kSelf, "2026-03-01", 1.0},
                      {"listening", 1, AssessmentSource::kManager, "2025-01-01", 1.0},  // stale
                      {"listening", 3, AssessmentSource::kManager, "2026-02-01", 1.0},
                      {"listening", 2, AssessmentSource::kPeer, "2026-02-10", 0.5},
                  }}});
  // (1.0 * 3 + 0.5 * 2) / 1.5
  EXPECT_DOUBLE_EQ(m.rated_level(m.person_id("p"), m.competency_id("listening")), 4.0 / 1.5);
}

TEST(RatedLevel, ASelfRatingAloneCounts) {
  const Model m(
      framework(),
      {{.id = "p", .assessments = {{"listening", 4, AssessmentSource::kSelf, "2026-03-01", 0.5}}}});
  EXPECT_DOUBLE_EQ(m.rated_level(m.person_id("p"), m.competency_id("listening")), 4.0);
  EXPECT_DOUBLE_EQ(level(m, "p", "communication"), 4.0);
}

TEST(EffectiveLevels, AgreeWithTheSingleQueryOnRandomFrameworks) {
  std::mt19937 random(7);
  for (int trial = 0; trial < 50; ++trial) {
    Framework f;
    const int n = 12;
    for (int i = 0; i < n; ++i) {
      Competency c{.id = "c" + std::to_string(i)};
      for (int j = 0; j < i; ++j) {  // parents among earlier ids keep it acyclic
        if (random() % 5 == 0) {
          c.parents.push_back("c" + std::to_string(j));
        }
      }
      f.competencies.push_back(c);
    }
    for (int k = 0; k < 6; ++k) {
      const int a = static_cast<int>(random() % n);
      const int b = static_cast<int>(random() % n);
      const Relation r{"c" + std::to_string(a), "c" + std::to_string(b),
                       0.25 * static_cast<double>(1 + random() % 4)};
      const bool repeated =
          std::find_if(f.relations.begin(), f.relations.end(), [&](const Relation& x) {
            return x.from == r.from && x.to == r.to;
          }) != f.relations.end();
      if (a != b && !repeated) {
        f.relations.push_back(r);
      }
    }
    Person p{.id = "p"};
    for (int i = 0; i < n; ++i) {
      if (random() % 3 == 0) {
        p.levels["c" + std::to_string(i)] = static_cast<double>(random() % 6);
      }
    }
    const Model m(f, {p});
    const auto bulk = m.effective_levels(PersonId(0));
    for (std::uint32_t c = 0; c < n; ++c) {
      const double single = m.effective_level(PersonId(0), CompetencyId(c));
      const auto found = std::find_if(bulk.begin(), bulk.end(), [&](const LevelEntry& e) {
        return e.competency == CompetencyId(c);
      });
      EXPECT_EQ(found == bulk.end() ? 0.0 : found->level, single) << "trial " << trial << " c" << c;
    }
  }
}

}  // namespace
}  // namespace teamwright
