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

using cover::Status;

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

TEST(TeamSolve, TheBundledLeadershipTeamFillsEveryRoleWithADifferentMember) {
  const Model model = io::load_model(kExample);
  const TeamResult result = solved_and_checked(model, model.request("leadership_team"));
  EXPECT_EQ(result.status, Status::kFeasible);
  EXPECT_EQ(ids(model, result), (std::vector<std::string>{"p04", "p06", "p09", "x01"}));
  EXPECT_EQ(result.cost, 320000);
  EXPECT_EQ(result.coverage.roles.size(), 4U);
  for (const CoverageRow& row : result.coverage.rows) {
    EXPECT_TRUE(row.met()) << describe(model, row.row);
  }
}

TEST(TeamSolve, ReportsWhichRequirementNobodyCanMeet) {
  const Model model = io::load_model(kExample);
  const TeamResult result = solved_and_checked(model, model.request("latam_expansion"));
  EXPECT_EQ(result.status, Status::kInfeasible);
  ASSERT_EQ(result.unmet.size(), 1U);
  EXPECT_EQ(describe(model, result.coverage.rows[result.unmet[0].rows.at(0)].row),
            "2 x spanish >= 4");
  EXPECT_EQ(result.unmet[0].needed, 2);
  EXPECT_EQ(result.unmet[0].capable, 1);
  EXPECT_EQ(result.unmet[0].capable_people, std::vector<PersonId>{model.person_id("p13")});
  // The best partial team still brings the one Spanish speaker, the parcel knowledge and a voice.
  EXPECT_EQ(ids(model, result), (std::vector<std::string>{"p10", "p13", "p14"}));
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
  EXPECT_EQ(result.status, Status::kFeasible);
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
  ASSERT_EQ(result.unmet.size(), 1U);
  EXPECT_EQ(result.unmet[0].rows, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(result.unmet[0].needed, 2);
  EXPECT_EQ(result.unmet[0].capable, 1);
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
  EXPECT_EQ(compile(model, request).problem.num_columns(), 4);  // two people, two slack columns
  const TeamResult soft = solved_and_checked(model, request);
  // The one member the minimum size asks for covers one unit (5); the rest is missed at 1 each.
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
  EXPECT_EQ(result.reasons, std::vector<std::string>{
                                "must-include person 'rough' is below level 2 in 'a', which the "
                                "request requires of everyone"});
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
  EXPECT_EQ(result.reasons, (std::vector<std::string>{
                                "3 x a >= 3 need at least 3 members, more than the maximum size 2",
                                "3 x a >= 3 cost at least 210, more than the budget 150"}));
  EXPECT_EQ(ids(model, result), (std::vector<std::string>{"x", "y"}));
}

TEST(TeamSolve, ConflictingMustIncludePeopleAreReported) {
  const Model model(framework(), {{.id = "x"}, {.id = "y"}});
  const TeamResult result = solved_and_checked(
      model, {.id = "r", .must_include = {"x", "y"}, .incompatible = {{"y", "x"}}});
  EXPECT_EQ(result.status, Status::kInfeasible);
  EXPECT_EQ(result.reasons,
            std::vector<std::string>{"must-include people 'x', 'y' are incompatible"});
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

// Brute force: the cheapest subset of people meeting every hard rule of a request without
// soft requirements, by the checker's own reading of the rules.
std::optional<double> cheapest_team(const Model& model, const TeamRequest& request) {
  const auto n = static_cast<unsigned>(model.people().size());
  std::optional<double> best;
  for (unsigned mask = 0; mask < (1U << n); ++mask) {
    TeamResult candidate;
    candidate.status = Status::kFeasible;
    std::vector<PersonId> team;
    for (unsigned k = 0; k < n; ++k) {
      if ((mask >> k) & 1U) {
        team.emplace_back(k);
        candidate.cost += model.person(PersonId(k)).cost;
      }
    }
    if (best && candidate.cost >= *best) {
      continue;
    }
    // Build the result the checker expects for this team, then ask it about hard rules only.
    candidate.coverage = evaluate(model, request, team);
    for (const PersonId person : team) {
      MemberReport member{person, std::nullopt, {}, {}};
      for (const auto& [holder, role] : candidate.coverage.roles) {
        if (holder == person) {
          member.role = role;
        }
      }
      candidate.members.push_back(member);
    }
    const auto problems = check(model, request, candidate);
    const bool feasible = std::none_of(problems.begin(), problems.end(), [](const std::string& p) {
      return p.find("unique") == std::string::npos &&
             p.find("role assignment") == std::string::npos;
    });
    if (feasible) {
      best = candidate.cost;
    }
  }
  return best;
}

// Random requests on random people: counted and everyone requirements, role slots, budgets,
// size bounds, incompatible pairs and must-include people.
struct RandomRequest {
  Model model;
  TeamRequest request;
};

RandomRequest random_request(std::mt19937& random) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  std::vector<Person> people;
  const int n = pick(1, 9);
  for (int k = 0; k < n; ++k) {
    Person p{.id = "p" + std::to_string(k), .cost = static_cast<double>(pick(1, 20))};
    for (const char* c : {"a", "b", "c"}) {
      if (pick(0, 1) == 1) {
        p.levels[c] = pick(1, 5);
      }
    }
    p.availability = pick(0, 9) == 0 ? 0.0 : 1.0;
    people.push_back(p);
  }
  std::vector<Role> roles{
      {.id = "ra", .requirements = {{.competency = "a", .min_level = 3}}},
      {.id = "rbc",
       .requirements = {{.competency = "b", .min_level = 2}, {.competency = "c", .min_level = 2}}}};
  TeamRequest request{.id = "r"};
  for (const char* c : {"a", "b", "c"}) {
    if (pick(0, 2) > 0) {
      request.requirements.push_back(
          {.competency = c, .min_level = static_cast<double>(pick(1, 5)), .count = pick(1, 2)});
    }
  }
  if (pick(0, 3) == 0) {
    request.requirements.push_back({.competency = "c", .min_level = 1.5, .count = Everyone{}});
  }
  if (pick(0, 2) == 0) {
    request.roles.push_back({.role = pick(0, 1) == 0 ? "ra" : "rbc", .count = pick(1, 2)});
  }
  if (pick(0, 3) == 0) {
    request.budget = pick(10, 60);
  }
  if (pick(0, 3) == 0) {
    request.max_size = pick(1, 4);
  }
  if (n >= 2 && pick(0, 2) == 0) {
    request.incompatible.emplace_back("p0", "p1");
  }
  if (pick(0, 4) == 0) {
    request.must_include.push_back("p" + std::to_string(pick(0, n - 1)));
  }
  return {Model(framework(), people, roles, {request}), request};
}

TEST(TeamSolve, ExactModeAgreesWithBruteForceOnRandomRequests) {
  std::mt19937 random(13);
  for (int trial = 0; trial < 150; ++trial) {
    const auto [model, request] = random_request(random);
    const TeamResult result = solve(model, request, {.mode = cover::SolveOptions::Mode::kExact});
    const auto problems = check(model, request, result);
    EXPECT_TRUE(problems.empty()) << problems.front();
    const auto best = cheapest_team(model, request);
    if (!best) {
      EXPECT_EQ(result.status, Status::kInfeasible) << "trial " << trial;
    } else {
      EXPECT_EQ(result.status, Status::kOptimal) << "trial " << trial;
      EXPECT_EQ(result.cost, *best) << "trial " << trial;
    }
  }
}

TEST(TeamSolve, AgreesWithBruteForceOnRandomRequests) {
  std::mt19937 random(11);
  int compared = 0;
  for (int trial = 0; trial < 150; ++trial) {
    const auto [model, request] = random_request(random);
    const TeamResult result = solved_and_checked(model, request);
    const auto best = cheapest_team(model, request);
    if (result.status == Status::kInfeasible) {
      EXPECT_FALSE(best.has_value()) << "trial " << trial << ": infeasible, brute force disagrees";
    } else if (result.status == Status::kOptimal || result.status == Status::kFeasible) {
      ASSERT_TRUE(best.has_value()) << "trial " << trial;
      EXPECT_GE(result.cost, *best) << "trial " << trial;
      if (result.status == Status::kOptimal) {
        EXPECT_EQ(result.cost, *best) << "trial " << trial;
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 40);
}

}  // namespace
}  // namespace teamwright::team
