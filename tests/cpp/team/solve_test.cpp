#include "teamwright/team/solve.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "teamwright/io/json.hpp"
#include "teamwright/team/check.hpp"
#include "teamwright/team/compile.hpp"

namespace teamwright::team {
namespace {

using Mode = SolveOptions::Mode;

const std::filesystem::path kExample =
    std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "examples" / "customer_service.json";

std::vector<std::string> ids(const Model& model, const TeamResult& result) {
  std::vector<std::string> out;
  for (const MemberReport& member : result.members) {
    out.push_back(model.person(member.person).id);
  }
  return out;
}

TeamResult solved_and_checked(const Model& model, const TeamRequest& request) {
  TeamResult result = solve(model, request);
  const auto problems = check(model, request, result);
  EXPECT_TRUE(problems.empty()) << problems.front();
  return result;
}

// a (talent), b, c (skills); b's parent is c.
Framework framework() {
  Framework f;
  f.competencies = {
      {.id = "a", .kind = CompetencyKind::kTalent}, {.id = "b", .parents = {"c"}}, {.id = "c"}};
  return f;
}

TEST(TeamSolve, TheBundledLeadershipTeamIsProvenOptimalByDefault) {
  const Model model = io::load_model(kExample);
  const TeamResult result = solved_and_checked(model, model.request("leadership_team"));
  EXPECT_EQ(result.status, Status::kOptimal);
  EXPECT_EQ(result.termination, Termination::kCompleted);
  // Every requirement, soft ones and the roles' soft requirements included, is met: a cheaper
  // team (315,000 with p04, p06, p10) would leave soft role requirements unmet.
  EXPECT_EQ(ids(model, result), (std::vector<std::string>{"p03", "p07", "p09", "x01"}));
  EXPECT_EQ(result.cost, 341000);
  EXPECT_EQ(result.penalty, 0);
  EXPECT_EQ(result.bound, result.objective);
  EXPECT_EQ(result.coverage.holders.size(), 4U);
  for (const CoverageRow& row : result.coverage.rows) {
    EXPECT_TRUE(row.met()) << describe(model, row.row);
  }
  for (const MemberReport& member : result.members) {
    ASSERT_TRUE(member.replacement.has_value());
    EXPECT_GE(member.replacement->extra_objective, -1e-9);  // the team is optimal
    EXPECT_FALSE(member.summary.empty());
  }
}

TEST(TeamSolve, ReportsWhichRequirementNobodyCanMeet) {
  const Model model = io::load_model(kExample);
  const TeamResult result = solved_and_checked(model, model.request("latam_expansion"));
  EXPECT_EQ(result.status, Status::kInfeasible);
  ASSERT_TRUE(result.diagnosis.has_value());
  EXPECT_TRUE(result.diagnosis->minimal);
  ASSERT_EQ(result.diagnosis->conflict.size(), 1U);
  EXPECT_EQ(result.diagnosis->conflict[0].kind, Constraint::Kind::kRequirement);
  ASSERT_FALSE(result.diagnosis->relaxations.empty());
  ASSERT_EQ(result.unmet.size(), 1U);
  EXPECT_EQ(describe(model, result.coverage.rows[result.unmet[0].rows.at(0)].row),
            "2 x spanish >= 4");
  EXPECT_EQ(result.unmet[0].needed, 2);
  EXPECT_EQ(result.unmet[0].capable, 1);
  EXPECT_EQ(result.unmet[0].capable_people, std::vector<PersonId>{model.person_id("p13")});
  // The best partial team still brings the one Spanish speaker, the parcel knowledge and a voice.
  EXPECT_EQ(ids(model, result), (std::vector<std::string>{"p09", "p13", "p14"}));
}

TEST(TeamSolve, MinSizeTakesTheFewestPeopleEvenAtHigherCost) {
  const Model model(framework(), {{.id = "cheap_a", .levels = {{"a", 3}}, .cost = 1},
                                  {.id = "cheap_b", .levels = {{"b", 3}}, .cost = 1},
                                  {.id = "both", .levels = {{"a", 3}, {"b", 3}}, .cost = 5}});
  TeamRequest request{
      .id = "r",
      .requirements = {{.competency = "a", .min_level = 3}, {.competency = "b", .min_level = 3}}};
  EXPECT_EQ(ids(model, solved_and_checked(model, request)),
            (std::vector<std::string>{"cheap_a", "cheap_b"}));
  request.objective = Objective::kMinSize;
  EXPECT_EQ(ids(model, solved_and_checked(model, request)), std::vector<std::string>{"both"});
}

TEST(TeamSolve, ALevelInAChildCompetencyMeetsARequirementOnTheParent) {
  const Model model(framework(), {{.id = "p", .levels = {{"b", 4}}}});
  const TeamResult result =
      solved_and_checked(model, {.id = "r", .requirements = {{.competency = "c", .min_level = 4}}});
  EXPECT_EQ(result.status, Status::kOptimal);
  EXPECT_EQ(ids(model, result), std::vector<std::string>{"p"});
}

TEST(TeamSolve, ExcludedUnavailableAndIncompatiblePeopleStayOut) {
  const Model model(framework(),
                    {{.id = "best", .levels = {{"a", 5}}, .cost = 1},
                     {.id = "away", .levels = {{"a", 5}}, .cost = 1, .availability = 0},
                     {.id = "rival", .levels = {{"a", 5}}, .cost = 2},
                     {.id = "spare", .levels = {{"a", 5}}, .cost = 4},
                     {.id = "fallback", .levels = {{"a", 5}}, .cost = 9},
                     {.id = "boss", .levels = {{"b", 5}}, .cost = 3},
                     {.id = "deputy", .levels = {{"b", 5}}, .cost = 8}});
  const TeamResult result =
      solved_and_checked(model, {.id = "r",
                                 .requirements = {{.competency = "a", .min_level = 4, .count = 2},
                                                  {.competency = "b", .min_level = 4}},
                                 .exclude = {"best"},
                                 .incompatible = {{"rival", "boss"}}});
  EXPECT_EQ(result.status, Status::kOptimal);
  EXPECT_EQ(ids(model, result), (std::vector<std::string>{"rival", "spare", "deputy"}));
  EXPECT_EQ(result.cost, 14);  // {boss, spare, fallback} would cost 16
}

TEST(TeamSolve, RoleSlotsNeedDistinctQualifiedMembers) {
  const Model model(framework(),
                    {{.id = "both", .levels = {{"a", 4}, {"b", 4}}, .cost = 1},
                     {.id = "only_a", .levels = {{"a", 4}}, .cost = 5}},
                    {{.id = "ra", .requirements = {{.competency = "a", .min_level = 4}}},
                     {.id = "rb", .requirements = {{.competency = "b", .min_level = 4}}}});
  const TeamResult result =
      solved_and_checked(model, {.id = "r", .roles = {{.role = "ra"}, {.role = "rb"}}});
  EXPECT_EQ(result.status, Status::kOptimal);
  ASSERT_EQ(result.members.size(), 2U);
  EXPECT_EQ(result.members[0].role, model.role_id("rb"));  // "both" moves to the slot only it fills
  EXPECT_EQ(result.members[1].role, model.role_id("ra"));
}

TEST(TeamSolve, RoleSlotsThatOnlyTheSamePeopleCanFillAreUnmetTogether) {
  const Model model(framework(),
                    {{.id = "one", .levels = {{"a", 4}}}, {.id = "two", .levels = {{"b", 4}}}},
                    {{.id = "ra", .requirements = {{.competency = "a", .min_level = 4}}},
                     {.id = "rab", .requirements = {{.competency = "a", .min_level = 1}}}});
  const TeamResult result =
      solved_and_checked(model, {.id = "r", .roles = {{.role = "ra"}, {.role = "rab"}}});
  EXPECT_EQ(result.status, Status::kInfeasible);
  ASSERT_TRUE(result.diagnosis.has_value());
  // Each slot alone can be filled; together they need two people and only "one" qualifies.
  EXPECT_EQ(result.diagnosis->conflict.size(), 2U);
  EXPECT_TRUE(result.diagnosis->minimal);
}

TEST(TeamSolve, SoftRequirementsAreMetWhenTheyCanBeAndWeighedWhenPenalised) {
  const Model model(framework(), {{.id = "base", .levels = {{"a", 3}}, .cost = 10},
                                  {.id = "extra", .levels = {{"b", 3}}, .cost = 50}});
  TeamRequest request{
      .id = "r",
      .requirements = {{.competency = "a", .min_level = 3},
                       {.competency = "b", .min_level = 3, .importance = 2, .hard = false}}};
  EXPECT_EQ(ids(model, solved_and_checked(model, request)),
            (std::vector<std::string>{"base", "extra"}));
  request.soft_penalty = 20;  // missing b costs 2 x 20 = 40 < 50
  const TeamResult result = solved_and_checked(model, request);
  EXPECT_EQ(ids(model, result), std::vector<std::string>{"base"});
  EXPECT_EQ(result.status, Status::kOptimal);  // the Lagrangian bound proves it
  EXPECT_EQ(result.objective, 50);             // 10 + the penalty 40
  EXPECT_EQ(result.bound, 50);
  EXPECT_FALSE(result.coverage.rows[1].met());
}

TEST(TeamSolve, HugeCountsAreProvenOrChargedWithoutBuildingThem) {
  const Model model(framework(), {{.id = "x", .levels = {{"a", 3}}, .cost = 5},
                                  {.id = "y", .levels = {{"a", 3}}, .cost = 5}});
  TeamRequest request{.id = "r",
                      .requirements = {{.competency = "a",
                                        .min_level = 3,
                                        .count = 1'000'000'000,
                                        .importance = 1,
                                        .hard = false}},
                      .soft_penalty = 1};
  EXPECT_EQ(compile(model, request).problem.num_columns(), 2);  // a soft row, no slack columns
  const TeamResult soft = solved_and_checked(model, request);
  // Each member costs 5 and saves 1: the minimum size takes one, the rest is missed at 1 each.
  EXPECT_DOUBLE_EQ(soft.objective, 5 + (1e9 - 1));
  request.requirements[0].hard = true;
  const TeamResult hard = solved_and_checked(model, request);
  EXPECT_EQ(hard.status, Status::kInfeasible);
  EXPECT_EQ(hard.unmet.at(0).capable, 2);
}

TEST(TeamSolve, EveryoneRequirementsFilterOrSurchargeCandidates) {
  const Model model(framework(), {{.id = "kind", .levels = {{"a", 3}, {"b", 3}}, .cost = 9},
                                  {.id = "rough", .levels = {{"b", 3}}, .cost = 1}});
  TeamRequest request{.id = "r",
                      .requirements = {{.competency = "b", .min_level = 3},
                                       {.competency = "a", .min_level = 2, .count = Everyone{}}}};
  EXPECT_EQ(ids(model, solved_and_checked(model, request)), std::vector<std::string>{"kind"});
  request.must_include = {"rough"};
  const TeamResult result = solved_and_checked(model, request);
  EXPECT_EQ(result.status, Status::kInfeasible);
  ASSERT_FALSE(result.reasons.empty());
  EXPECT_EQ(result.reasons.front(),
            "must-include person 'rough' is below level 2 (basic) in 'a', which the request "
            "requires of everyone");
}

TEST(TeamSolve, ProvesABudgetOrSizeThatCannotHold) {
  const Model model(framework(), {{.id = "x", .levels = {{"a", 3}}, .cost = 60},
                                  {.id = "y", .levels = {{"a", 3}}, .cost = 70},
                                  {.id = "z", .levels = {{"a", 3}}, .cost = 80}});
  const TeamResult result =
      solved_and_checked(model, {.id = "r",
                                 .requirements = {{.competency = "a", .min_level = 3, .count = 3}},
                                 .max_size = 2,
                                 .budget = 150.0});
  EXPECT_EQ(result.status, Status::kInfeasible);
  ASSERT_GE(result.reasons.size(), 2U);
  EXPECT_EQ(result.reasons[0], "3 x a >= 3 alone need 3 members, more than the maximum size 2");
  EXPECT_EQ(result.reasons[1], "3 x a >= 3 alone cost at least 210, more than the budget 150");
  // The best partial team within the size and the budget: two of the three.
  EXPECT_EQ(ids(model, result), (std::vector<std::string>{"x", "y"}));
}

TEST(TeamSolve, ConflictingMustIncludePeopleAreReported) {
  const Model model(framework(), {{.id = "x"}, {.id = "y"}});
  const TeamResult result = solved_and_checked(
      model, {.id = "r", .must_include = {"x", "y"}, .incompatible = {{"y", "x"}}});
  EXPECT_EQ(result.status, Status::kInfeasible);
  ASSERT_TRUE(result.diagnosis.has_value());
  EXPECT_EQ(result.diagnosis->conflict.size(), 3U);  // x, y and their incompatibility
}

TEST(TeamSolve, ExplainsWhoIsEssentialToWhat) {
  const Model model(framework(), {{.id = "p", .levels = {{"a", 3}, {"b", 3}}, .cost = 1},
                                  {.id = "q", .levels = {{"a", 3}}, .cost = 1},
                                  {.id = "s", .levels = {{"a", 3}}, .cost = 1}});
  const TeamResult result =
      solved_and_checked(model, {.id = "r",
                                 .requirements = {{.competency = "a", .min_level = 3, .count = 2},
                                                  {.competency = "b", .min_level = 3}},
                                 .min_size = 3});
  ASSERT_EQ(result.members.size(), 3U);
  EXPECT_EQ(result.members[0].unique, std::vector<std::size_t>{1});  // p: the only one with b
  EXPECT_EQ(result.members[0].contributes, (std::vector<std::size_t>{0, 1}));
  EXPECT_TRUE(result.members[1].unique.empty());  // three people at a, two needed
}

TEST(TeamSolve, UnknownReferencesInAnAdHocRequestRaise) {
  const Model model(framework(), {{.id = "p"}});
  EXPECT_THROW((void)solve(model, TeamRequest{.id = "r", .must_include = {"zed"}}),
               UnknownReferenceError);
  EXPECT_THROW((void)solve(model, std::string_view("nope")), UnknownReferenceError);
}

TEST(TeamSolve, MoreLeaderSlotsThanMaxLeadersStillGetTheBestPartialTeam) {
  const Model model(
      framework(),
      {{.id = "p1", .levels = {{"a", 3}}, .cost = 5},
       {.id = "p2", .levels = {{"b", 3}}, .cost = 4},
       {.id = "p3", .levels = {{"c", 3}}, .cost = 3}},
      {{.id = "chair", .requirements = {{.competency = "a", .min_level = 3}}, .leader = true},
       {.id = "captain", .requirements = {{.competency = "b", .min_level = 3}}, .leader = true},
       {.id = "crew", .requirements = {{.competency = "c", .min_level = 3}}}});
  const TeamRequest request{.id = "r", .roles = {{"chair", 1}, {"captain", 1}, {"crew", 1}}};
  const TeamResult result = solve(model, request);
  EXPECT_EQ(result.status, Status::kInfeasible);
  EXPECT_TRUE(check(model, request, result).empty());
  // One leader at most: the first leader slot is held, the second stays open, the crew filled.
  ASSERT_EQ(result.coverage.rows.size(), 3U);
  EXPECT_TRUE(result.coverage.rows[0].met());
  EXPECT_FALSE(result.coverage.rows[1].met());
  EXPECT_TRUE(result.coverage.rows[2].met());
  EXPECT_EQ(ids(model, result), (std::vector<std::string>{"p1", "p3"}));
}

TEST(TeamCheck, CatchesAResultThatWasTamperedWith) {
  const Model model = io::load_model(kExample);
  const TeamRequest& request = model.request("leadership_team");
  TeamResult result = solve(model, request);
  result.cost -= 1;
  result.coverage.rows[0].provided += 1;
  result.members.pop_back();
  const auto problems = check(model, request, result);
  EXPECT_GE(problems.size(), 3U);
}

}  // namespace
}  // namespace teamwright::team
