#include "teamwright/io/json_results.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/team/check.hpp"

namespace teamwright::io {
namespace {

const std::filesystem::path kExample =
    std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "examples" / "customer_service.json";

TEST(ResultJson, CarriesStatusMembersCostCoverageAndUnmet) {
  const Model model = load_model(kExample);
  const auto& request = model.request("latam_expansion");
  const team::TeamResult result = team::solve(model, request);
  const std::string text = dump_result(model, request, result);
  const std::string cost = "\"cost\": " + std::to_string(static_cast<int>(result.cost));
  for (const char* expected :
       {R"("status": "infeasible")", R"("members": [)", cost.c_str(), R"("coverage": [)",
        R"("diagnosis": {)", R"("relaxations": [)", R"("requirement": "2 x spanish >= 4")",
        "\"covered_by\": [\n        \"p13\"\n      ]", R"("unmet": [)",
        "\"capable_people\": [\n        \"p13\"\n      ]"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

// Every claim survives the trip: what the checker finds in the parsed result is what it finds
// in the solver's, and writing the parsed result gives the same text.
TEST(ResultJson, ReadsBackEveryBundledRequestsResult) {
  const Model model = load_model(kExample);
  for (const TeamRequest& request : model.requests()) {
    SCOPED_TRACE(request.id);
    const team::TeamResult result =
        team::solve(model, request, {.time_limit_s = 5}, {}, {.replacements = true});
    const std::string text = dump_result(model, request, result);
    const team::TeamResult parsed = parse_result(model, request, text);
    EXPECT_EQ(dump_result(model, request, parsed), text);
    EXPECT_EQ(team::check(model, request, parsed), team::check(model, request, result));
    EXPECT_TRUE(team::check(model, request, parsed).empty());
    EXPECT_EQ(parsed.member_ids(), result.member_ids());
    EXPECT_EQ(parsed.coverage.holders, result.coverage.holders);
  }
}

TEST(ResultJson, ATamperedResultIsCaughtByTheChecker) {
  const Model model = load_model(kExample);
  const TeamRequest& request = model.request("leadership_team");
  const team::TeamResult result = team::solve(model, request, {.time_limit_s = 5});
  std::string text = dump_result(model, request, result);
  const std::string cost = "\"cost\": " + std::to_string(static_cast<int>(result.cost)) + ",";
  const auto at = text.find(cost);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, cost.size(), "\"cost\": 1,");
  const auto findings = team::check(model, request, parse_result(model, request, text));
  ASSERT_FALSE(findings.empty());
  EXPECT_NE(findings.front().find("is not the members' total"), std::string::npos);
}

TEST(ResultJson, RefusesResultsOfAnotherRequestAndUnknownRows) {
  const Model model = load_model(kExample);
  const TeamRequest& request = model.request("leadership_team");
  const std::string text =
      dump_result(model, request, team::solve(model, request, {.time_limit_s = 5}));
  try {
    (void)parse_result(model, model.request("latam_expansion"), text);
    FAIL() << "no exception";
  } catch (const FormatError& error) {
    EXPECT_EQ(std::string(error.what()),
              "result: it answers request 'leadership_team', not 'latam_expansion'");
  }
  std::string renamed = text;
  const std::string label = "\"role team_lead x 1\"";
  ASSERT_NE(renamed.find(label), std::string::npos);
  while (renamed.find(label) != std::string::npos) {
    renamed.replace(renamed.find(label), label.size(), "\"role nobody x 9\"");
  }
  try {
    (void)parse_result(model, request, renamed);
    FAIL() << "no exception";
  } catch (const FormatError& error) {
    EXPECT_NE(std::string(error.what()).find("'role nobody x 9' is not a row of the request"),
              std::string::npos)
        << error.what();
  }
  EXPECT_THROW((void)parse_result(model, request, "{\"request\": \"leadership_team\"}"),
               FormatError);
  EXPECT_THROW((void)parse_result(model, request, "[1, 2"), FormatError);
}

}  // namespace
}  // namespace teamwright::io
