// Every solver at once on one shared const model: a model is immutable once built, so solves on it
// from many threads (each with its own worker threads) must neither race nor change each other's
// answers. Run in the normal suite and, by scripts/sanitize, under ThreadSanitizer.

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "teamwright/analysis/closure.hpp"
#include "teamwright/analysis/gaps.hpp"
#include "teamwright/analysis/plan.hpp"
#include "teamwright/assign/generalized.hpp"
#include "teamwright/assign/linear.hpp"
#include "teamwright/cover/solve.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/placement/mentoring.hpp"
#include "teamwright/placement/roles.hpp"
#include "teamwright/placement/split.hpp"
#include "teamwright/placement/staffing.hpp"
#include "teamwright/team/compile.hpp"
#include "teamwright/team/solve.hpp"

namespace teamwright {
namespace {

// A solve of the shared model, reduced to the numbers that must not depend on what runs beside.
using Job = std::function<std::vector<double>(const SolveOptions&)>;

std::vector<std::pair<std::string, Job>> jobs_on(const Model& model) {
  const std::vector<std::string> ids = [&] {
    std::vector<std::string> out;
    for (const Person& p : model.people()) {
      out.push_back(p.id);
    }
    return out;
  }();
  const TeamRequest& request = model.request("leadership_team");
  const std::vector<PersonId> team = {PersonId(0), PersonId(1), PersonId(2)};
  assign::GeneralizedProblem gap{.agents = 3,
                                 .jobs = 8,
                                 .cost = std::vector<double>(24),
                                 .weight = std::vector<double>(24),
                                 .capacity = {9, 9, 9}};
  for (int k = 0; k < 24; ++k) {
    gap.cost[static_cast<std::size_t>(k)] = (k * 7) % 11 + 1;
    gap.weight[static_cast<std::size_t>(k)] = (k * 5) % 4 + 1;
  }
  return {
      {"team::solve",
       [&model, &request](const SolveOptions& o) {
         const team::TeamResult r = team::solve(model, request, o);
         return std::vector<double>{static_cast<double>(r.status), r.cost, r.objective};
       }},
      {"cover::solve",
       [&model, &request](const SolveOptions& o) {
         const cover::Solution s = cover::solve(team::compile(model, request).problem, o);
         return std::vector<double>{static_cast<double>(s.status), s.cost};
       }},
      {"close_gaps and development_plan",
       [&model, &request, team](const SolveOptions& o) {
         const analysis::ClosureResult c = analysis::close_gaps(model, request, team, {}, o);
         const analysis::Plan plan = analysis::development_plan(model, request, c);
         return std::vector<double>{c.cost, static_cast<double>(plan.development.size())};
       }},
      {"gap_report",
       [&model, &request, team](const SolveOptions&) {
         return std::vector<double>{
             static_cast<double>(analysis::gap_report(model, request, team).gaps.size())};
       }},
      {"assign_roles",
       [&model, ids](const SolveOptions& o) {
         const std::vector<placement::Slot> slots = {{.id = "a", .role = "team_lead"},
                                                     {.id = "b", .role = "technical_specialist"},
                                                     {.id = "c", .role = "customer_voice"},
                                                     {.id = "d", .role = "customer_voice"}};
         const placement::PlacementResult r = placement::assign_roles(model, ids, slots, {}, o);
         return std::vector<double>{r.total_fit, r.total_bonus};
       }},
      {"assign_staff",
       [&model, ids](const SolveOptions& o) {
         const std::vector<placement::Seat> seats = {{.id = "s1", .role = "team_lead"},
                                                     {.id = "s2", .role = "customer_voice"},
                                                     {.id = "s3", .role = "technical_specialist"}};
         const placement::StaffingResult r = placement::assign_staff(model, ids, seats, {}, o);
         return std::vector<double>{static_cast<double>(r.status), r.objective};
       }},
      {"assign_mentors",
       [&model, ids](const SolveOptions& o) {
         const std::vector<placement::MentoringGoal> goals = {
             {.competency = "empathy", .target_level = 4},
             {.competency = "communication", .target_level = 4}};
         return std::vector<double>{placement::assign_mentors(model, ids, goals, o).total_benefit};
       }},
      {"split",
       [&model, &request, ids](const SolveOptions& o) {
         // Twelve people: small enough for the exact split to prove its answer at once.
         const std::vector<std::string> pool(ids.begin(), ids.begin() + 12);
         const placement::SplitResult r = placement::split(model, pool, request, {.teams = 3}, o);
         return std::vector<double>{static_cast<double>(r.status), r.worst_coverage,
                                    r.average_coverage};
       }},
      {"solve_generalized",
       [gap](const SolveOptions& o) {
         const assign::GeneralizedSolution s = assign::solve_generalized(gap, {}, o);
         return std::vector<double>{static_cast<double>(s.status), s.cost};
       }},
      {"linear_assignment",
       [](const SolveOptions&) {
         std::vector<double> cost(36);
         for (int k = 0; k < 36; ++k) {
           cost[static_cast<std::size_t>(k)] = (k * 13) % 17;
         }
         const auto a = assign::linear_assignment(assign::MatrixView<double>{
             .data = cost.data(), .rows = 6, .cols = 6, .row_stride = 6});
         return std::vector<double>{a.objective};
       }},
  };
}

TEST(Concurrency, EverySolverAtOnceOnOneSharedConstModelGivesItsSerialAnswer) {
  const Model model = io::load_model(std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) /
                                     "examples/customer_service.json");
  const auto jobs = jobs_on(model);
  // Exact and proven on this small model, so the answers do not depend on timing.
  const SolveOptions options{.mode = SolveOptions::Mode::kExact, .time_limit_s = 60, .threads = 2};
  std::vector<std::vector<double>> serial;
  serial.reserve(jobs.size());
  for (const auto& [name, job] : jobs) {
    serial.push_back(job(options));
  }
  constexpr int kRounds = 8;
  std::vector<std::vector<std::vector<double>>> concurrent(
      jobs.size(), std::vector<std::vector<double>>(kRounds));
  std::vector<std::thread> threads;
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    for (int round = 0; round < kRounds; ++round) {
      threads.emplace_back([&, j, round] { concurrent[j][round] = jobs[j].second(options); });
    }
  }
  for (std::thread& t : threads) {
    t.join();
  }
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    for (int round = 0; round < kRounds; ++round) {
      EXPECT_EQ(concurrent[j][round], serial[j]) << jobs[j].first << ", round " << round;
    }
  }
}

}  // namespace
}  // namespace teamwright
