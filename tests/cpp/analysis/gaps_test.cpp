#include "teamwright/analysis/gaps.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/team/solve.hpp"

namespace teamwright::analysis {
namespace {

// skill (trainable), talent (not), trait marked trainable.
Model model() {
  Framework f;
  f.competencies = {{.id = "skill"},
                    {.id = "talent", .kind = CompetencyKind::kTalent},
                    {.id = "coachable_trait", .kind = CompetencyKind::kTrait, .trainable = true}};
  std::vector<Person> people{
      {.id = "m1", .levels = {{"skill", 2}, {"talent", 1}}},
      {.id = "m2", .levels = {{"skill", 3}, {"talent", 4}}},
      {.id = "m3", .levels = {{"talent", 2}}},
      {.id = "in_cheap", .levels = {{"skill", 4}, {"talent", 4}}, .cost = 10},
      {.id = "in_dear", .levels = {{"skill", 5}}, .cost = 90},
      {.id = "away", .levels = {{"skill", 5}, {"talent", 5}}, .availability = 0},
      {.id = "ext", .levels = {{"skill", 4}, {"talent", 5}}, .cost = 50, .external = true},
      {.id = "banned", .levels = {{"skill", 5}, {"talent", 5}}}};
  std::vector<Role> roles{
      {.id = "lead",
       .requirements = {
           {.competency = "skill", .min_level = 4, .importance = 5},
           {.competency = "talent", .min_level = 3, .importance = 4},
           {.competency = "coachable_trait", .min_level = 2, .importance = 2, .hard = false}}}};
  return {f, people, roles};
}

std::vector<PersonId> team(const Model& m, std::initializer_list<const char*> ids) {
  std::vector<PersonId> out;
  for (const char* id : ids) {
    out.push_back(m.person_id(id));
  }
  return out;
}

TEST(GapReport, AMissingMemberIsMeasuredFromTheNearestMember) {
  const Model m = model();
  const TeamRequest request{
      .id = "r",
      .requirements = {{.competency = "skill", .min_level = 4, .count = 2, .importance = 4}},
      .exclude = {"banned"}};
  const GapReport report = gap_report(m, request, team(m, {"m1", "m2", "m3"}));
  ASSERT_EQ(report.gaps.size(), 1U);
  const Gap& gap = report.gaps[0];
  EXPECT_EQ(gap.missing, 2);
  EXPECT_DOUBLE_EQ(gap.shortfall, 1 + 2);  // m2 is one level short, m1 two
  EXPECT_DOUBLE_EQ(gap.priority, 4 * 3);
  EXPECT_TRUE(gap.trainable);
  ASSERT_EQ(gap.train.size(), 2U);
  EXPECT_EQ(gap.train[0].person, m.person_id("m2"));
  EXPECT_EQ(gap.train[0].level, 3);
  EXPECT_EQ(gap.train[1].person, m.person_id("m1"));
  // Outsiders at the level: employees cheapest first; never the unavailable or the excluded.
  EXPECT_EQ(gap.transfer, team(m, {"in_cheap", "in_dear"}));
  EXPECT_EQ(gap.hire, team(m, {"ext"}));
  EXPECT_FALSE(gap.needs_hire);
}

TEST(GapReport, PositionsNobodyHoldsCountAsTheWholeLevel) {
  const Model m = model();
  const TeamRequest request{.id = "r",
                            .requirements = {{.competency = "skill", .min_level = 4, .count = 3}}};
  const GapReport report = gap_report(m, request, team(m, {"m2"}));
  ASSERT_EQ(report.gaps.size(), 1U);
  EXPECT_EQ(report.gaps[0].missing, 3);
  EXPECT_DOUBLE_EQ(report.gaps[0].shortfall, 1 + 4 + 4);
}

TEST(GapReport, AnUntrainableGapNobodyInsideCanCloseNeedsAHire) {
  const Model m = model();
  const TeamRequest request{
      .id = "r", .requirements = {{.competency = "talent", .min_level = 5}}, .exclude = {"banned"}};
  const GapReport report = gap_report(m, request, team(m, {"m1", "m3"}));
  ASSERT_EQ(report.gaps.size(), 1U);
  const Gap& gap = report.gaps[0];
  EXPECT_FALSE(gap.trainable);
  EXPECT_TRUE(gap.train.empty());
  EXPECT_TRUE(gap.transfer.empty());
  EXPECT_EQ(gap.hire, team(m, {"ext"}));
  EXPECT_TRUE(gap.needs_hire);
}

TEST(GapReport, EveryMemberBelowAnEveryoneLevelIsAGap) {
  const Model m = model();
  const TeamRequest request{
      .id = "r", .requirements = {{.competency = "skill", .min_level = 3, .count = Everyone{}}}};
  const GapReport report = gap_report(m, request, team(m, {"m1", "m2", "m3"}));
  ASSERT_EQ(report.gaps.size(), 1U);
  EXPECT_EQ(report.gaps[0].missing, 2);
  EXPECT_DOUBLE_EQ(report.gaps[0].shortfall, 1 + 3);
  EXPECT_EQ(report.gaps[0].train[0].person, m.person_id("m1"));
}

TEST(GapReport, AnUnfilledRoleSlotNamesWhatItsNearestMemberLacks) {
  const Model m = model();
  const TeamRequest request{.id = "r", .roles = {{.role = "lead"}}, .exclude = {"banned"}};
  const GapReport report = gap_report(m, request, team(m, {"m1", "m2"}));
  // m2 is nearest (skill 3 of 4, talent 4 of 3): one skill level short; and the role's soft
  // requirement counts too, though m2 does not meet the hard ones yet.
  ASSERT_EQ(report.gaps.size(), 2U);
  const Gap& gap = report.gaps[0];
  EXPECT_EQ(gap.role, m.role_id("lead"));
  EXPECT_EQ(gap.competency, m.competency_id("skill"));
  EXPECT_DOUBLE_EQ(gap.shortfall, 1);
  EXPECT_EQ(gap.priority, 5);
  EXPECT_EQ(gap.train.at(0).person, m.person_id("m2"));
  EXPECT_EQ(gap.transfer, team(m, {"in_cheap"}));  // qualifies for the whole role
  EXPECT_EQ(gap.hire, team(m, {"ext"}));
  const Gap& soft = report.gaps[1];
  EXPECT_EQ(soft.competency, m.competency_id("coachable_trait"));
  EXPECT_FALSE(soft.hard);
  EXPECT_DOUBLE_EQ(soft.priority, 2 * 2);
  EXPECT_TRUE(soft.transfer.empty());  // nobody who qualifies for lead has the trait
  EXPECT_EQ(gap_report(m, request, team(m, {"m1", "m2"}), 1).gaps.size(), 1U);
}

TEST(GapReport, ASoftRequirementTheRoleHolderLacksIsAGap) {
  const Model m = model();
  const TeamRequest request{.id = "r", .roles = {{.role = "lead"}}};
  const GapReport report = gap_report(m, request, team(m, {"in_cheap"}));
  ASSERT_EQ(report.gaps.size(), 1U);
  EXPECT_FALSE(report.gaps[0].hard);
  EXPECT_TRUE(report.gaps[0].trainable);  // a trait, but marked trainable
  EXPECT_EQ(report.gaps[0].train.at(0).person, m.person_id("in_cheap"));
  EXPECT_DOUBLE_EQ(report.gaps[0].priority, 2 * 2);
}

TEST(GapReport, GapsComeHighestPriorityFirst) {
  const Model m = model();
  const TeamRequest request{
      .id = "r",
      .requirements = {{.competency = "skill", .min_level = 3, .importance = 1},
                       {.competency = "talent", .min_level = 5, .importance = 5}}};
  const GapReport report = gap_report(m, request, team(m, {"m1"}));
  ASSERT_EQ(report.gaps.size(), 2U);
  EXPECT_EQ(report.gaps[0].competency, m.competency_id("talent"));
  EXPECT_GT(report.gaps[0].priority, report.gaps[1].priority);
}

TEST(GapReport, ASolvedTeamHasNoHardGaps) {
  const Model m = io::load_model(std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "examples" /
                                 "customer_service.json");
  const TeamRequest& request = m.request("leadership_team");
  // The optimal team meets every requirement, soft ones included.
  EXPECT_TRUE(gap_report(m, request, team::solve(m, request).member_ids()).gaps.empty());
  // A cheaper team that fills every role misses only soft requirements.
  const GapReport report = gap_report(m, request, team(m, {"p04", "p06", "p10", "x01"}));
  EXPECT_FALSE(report.gaps.empty());
  for (const Gap& gap : report.gaps) {
    EXPECT_FALSE(gap.hard);
  }
}

TEST(GapReport, RejectsATeamNamingSomeoneTwice) {
  const Model m = model();
  EXPECT_THROW((void)gap_report(m, {.id = "r"}, team(m, {"m1", "m1"})), DuplicateIdError);
}

}  // namespace
}  // namespace teamwright::analysis
