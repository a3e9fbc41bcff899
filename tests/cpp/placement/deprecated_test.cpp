// The names of the previous release (teamwright/assign/place.hpp, teamwright/assign/split.hpp)
// still compile, warn, and give what their placement:: replacements give.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "teamwright/assign/place.hpp"
#include "teamwright/assign/split.hpp"
#include "teamwright/io/json.hpp"

namespace teamwright {
namespace {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

TEST(DeprecatedPlacementNames, ForwardToThePlacementSolvers) {
  const Model model = io::load_model(std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "examples" /
                                     "customer_service.json");
  const std::vector<std::string> people{"p01", "p03", "p06", "p09", "p10", "p14"};
  const std::vector<assign::Slot> slots{{.id = "lead", .role = "team_lead"}};
  EXPECT_EQ(assign::place(model, people, slots).placements[0].person,
            placement::assign_roles(model, people, slots).placements[0].person);
  const std::vector<assign::MentoringGoal> goals{{.competency = "empathy", .target_level = 4}};
  EXPECT_EQ(assign::mentoring_pairs(model, people, goals).total_benefit,
            placement::assign_mentors(model, people, goals).total_benefit);
  const std::vector<assign::Seat> seats{{.id = "a", .role = "customer_voice", .fte = 0.5}};
  EXPECT_EQ(assign::staff(model, people, seats, {.max_moves = 200}).total_fit,
            placement::assign_staff(model, people, seats, {.max_moves = 200}).total_fit);
  const assign::SplitRules rules{.teams = 2};
  const auto& request = model.request("weekend_support");
  const assign::SplitResult split = assign::split(model, people, request, rules);
  EXPECT_EQ(split.worst_coverage, placement::split(model, people, request, rules).worst_coverage);
  EXPECT_TRUE(assign::check(model, people, request, rules, split).empty());
}

#pragma GCC diagnostic pop

}  // namespace
}  // namespace teamwright
