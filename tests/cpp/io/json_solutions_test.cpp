#include "teamwright/io/json_solutions.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "teamwright/assign/generalized.hpp"
#include "teamwright/cover/solve.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/generalized_file.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/placement/split.hpp"

namespace teamwright::io {
namespace {

const std::filesystem::path kSource(TEAMWRIGHT_SOURCE_DIR);

bool has(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// Every result writes the solve contract's fields under one spelling.
void expect_contract(const std::string& text) {
  for (const char* key : {R"("status": )", R"("termination": )", R"("bound": )",
                          R"("relative_gap": )", R"("time_to_best_s": )", R"("time_s": )"}) {
    EXPECT_TRUE(has(text, key)) << key << "\n" << text;
  }
  EXPECT_FALSE(has(text, R"("gap": )")) << text;
}

TEST(SolutionJson, AGeneralizedSolutionReadsBackAndItsChecksHold) {
  const assign::GeneralizedProblem problem =
      read_generalized(kSource / "tests" / "data" / "gap" / "c0515_1");
  const assign::GeneralizedSolution solution = assign::solve_generalized(
      problem, {.sense = assign::Sense::kMaximize, .max_moves = 2000}, {.time_limit_s = 5});
  const std::string text = dump_result(solution);
  expect_contract(text);
  const assign::GeneralizedSolution back =
      parse_generalized_solution(text, assign::Sense::kMaximize);
  EXPECT_EQ(back.status, solution.status);
  EXPECT_EQ(back.termination, solution.termination);
  EXPECT_EQ(back.agent_of_job, solution.agent_of_job);
  EXPECT_DOUBLE_EQ(back.cost, solution.cost);
  EXPECT_DOUBLE_EQ(back.bound, solution.bound);
  EXPECT_DOUBLE_EQ(back.relative_gap, solution.relative_gap);
  EXPECT_EQ(assign::check(problem, assign::Sense::kMaximize, back), std::vector<std::string>{});
  EXPECT_EQ(dump_result(back), text);
}

TEST(SolutionJson, AnInfiniteRelativeGapIsNullAndReadsBackInfinite) {
  const assign::GeneralizedProblem problem{1, 1, {1}, {2}, {1}};  // the job fits nowhere
  const assign::GeneralizedSolution solution =
      assign::solve_generalized(problem, {.max_moves = 10}, {});
  ASSERT_EQ(solution.status, Status::kInfeasible);
  const std::string text = dump_result(solution);
  EXPECT_TRUE(has(text, R"("relative_gap": null)")) << text;
  const assign::GeneralizedSolution back =
      parse_generalized_solution(text, assign::Sense::kMinimize);
  EXPECT_EQ(back.relative_gap, std::numeric_limits<double>::infinity());
  EXPECT_EQ(back.bound, solution.bound);
  EXPECT_EQ(dump_result(back), text);
}

TEST(SolutionJson, ASplitReadsBackAndItsChecksHold) {
  const Model model = load_model(kSource / "examples" / "customer_service.json");
  const std::vector<std::string> pool{"p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08"};
  const placement::SplitRules rules{.teams = 2, .keep_apart = {{"p01", "p02"}}};
  const TeamRequest& request = model.request("weekend_support");
  const placement::SplitResult result =
      placement::split(model, pool, request, rules, {.time_limit_s = 5});
  const std::string text = dump_result(result);
  expect_contract(text);
  const placement::SplitResult back = parse_split_result(text);
  ASSERT_EQ(back.teams.size(), result.teams.size());
  for (std::size_t t = 0; t < back.teams.size(); ++t) {
    EXPECT_EQ(back.teams[t].members, result.teams[t].members);
  }
  EXPECT_EQ(back.violations, result.violations);
  EXPECT_EQ(placement::check(model, pool, request, rules, back), std::vector<std::string>{});
  EXPECT_EQ(dump_result(back), text);
}

TEST(SolutionJson, EveryOtherResultNamesItsFields) {
  const Model model = load_model(kSource / "examples" / "customer_service.json");
  const std::vector<std::string> team{"p01", "p03", "p06", "p10"};
  const std::vector<placement::Slot> slots{{.id = "lead", .role = "team_lead"}};
  const std::string placed = dump_result(placement::assign_roles(model, team, slots));
  expect_contract(placed);
  EXPECT_TRUE(has(placed, R"("slot": "lead")")) << placed;
  const std::vector<std::string> people{"p09", "p14", "p22"};
  const std::vector<placement::Seat> seats{{.id = "a", .role = "customer_voice", .fte = 0.5}};
  const std::string staffed =
      dump_result(placement::assign_staff(model, people, seats, {.max_moves = 500}));
  expect_contract(staffed);
  EXPECT_TRUE(has(staffed, R"("seat": "a")")) << staffed;
  EXPECT_FALSE(has(staffed, R"("slot")")) << staffed;
  const std::vector<placement::MentoringGoal> goals{{.competency = "empathy", .target_level = 4}};
  const std::string paired = dump_result(placement::assign_mentors(model, people, goals));
  expect_contract(paired);
  EXPECT_TRUE(has(paired, R"("pairs": [)")) << paired;
  cover::Problem::Builder builder;
  builder.add_row(1);
  const std::vector<cover::Index> rows{0};
  builder.add_column(3, rows);
  const cover::Problem problem = std::move(builder).build();
  const std::string covered = dump_result(cover::solve(problem, {}));
  expect_contract(covered);
  EXPECT_TRUE(has(covered, "\"columns\": [\n    0\n  ]")) << covered;
}

TEST(SolutionJson, AMalformedDocumentIsAFormatErrorNamingTheField) {
  EXPECT_THROW((void)parse_generalized_solution("{", assign::Sense::kMinimize), FormatError);
  try {
    (void)parse_split_result(R"({"status": "optimal"})");
    FAIL() << "a split without its fields read";
  } catch (const FormatError& error) {
    EXPECT_TRUE(has(error.what(), "termination")) << error.what();
  }
  try {
    (void)parse_generalized_solution(
        R"({"status": "best", "termination": "completed", "bound": 0, "relative_gap": 0,
            "time_to_best_s": 0, "time_s": 0, "cost": 0, "agent_of_job": []})",
        assign::Sense::kMinimize);
    FAIL() << "an unknown status read";
  } catch (const FormatError& error) {
    EXPECT_TRUE(has(error.what(), "status")) << error.what();
  }
}

}  // namespace
}  // namespace teamwright::io
