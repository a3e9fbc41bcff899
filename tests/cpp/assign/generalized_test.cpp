// Generalized assignment: equal to exhaustive search on small random instances, the golden
// OR-Library file's optima, infeasibility, and the reader's errors. Every answer passes the
// independent checker.

#include "teamwright/assign/generalized.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "assign/generalized_exact.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/generalized_file.hpp"

namespace teamwright::assign {
namespace {

std::optional<double> brute_force(const GeneralizedProblem& p, Sense sense) {
  std::vector<double> load(static_cast<std::size_t>(p.agents), 0);
  std::optional<double> best;
  std::function<void(int, double)> go = [&](int j, double cost) {
    if (j == p.jobs) {
      if (!best || (sense == Sense::kMinimize ? cost < *best : cost > *best)) {
        best = cost;
      }
      return;
    }
    for (int i = 0; i < p.agents; ++i) {
      auto& l = load[static_cast<std::size_t>(i)];
      if (l + p.w(i, j) <= p.capacity[static_cast<std::size_t>(i)]) {
        l += p.w(i, j);
        go(j + 1, cost + p.c(i, j));
        l -= p.w(i, j);
      }
    }
  };
  go(0, 0);
  return best;
}

GeneralizedProblem random_problem(std::mt19937_64& rng, int agents, int jobs, double tightness) {
  GeneralizedProblem p{agents, jobs, {}, {}, {}};
  std::uniform_int_distribution<int> cost(1, 50);
  std::uniform_int_distribution<int> weight(1, 20);
  std::vector<double> total(static_cast<std::size_t>(agents), 0);
  for (int i = 0; i < agents; ++i) {
    for (int j = 0; j < jobs; ++j) {
      p.cost.push_back(cost(rng));
      p.weight.push_back(weight(rng));
      total[static_cast<std::size_t>(i)] += p.weight.back();
    }
  }
  for (int i = 0; i < agents; ++i) {
    p.capacity.push_back(std::floor(tightness * total[static_cast<std::size_t>(i)] / agents));
  }
  return p;
}

GeneralizedProblem fractional(GeneralizedProblem p, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> jitter(0, 1);
  for (double& v : p.cost) {
    v += jitter(rng);
  }
  for (double& v : p.weight) {
    v += jitter(rng);
  }
  return p;
}

TEST(GeneralizedAssignment, EqualsExhaustiveSearchOnSmallRandomInstances) {
  std::mt19937_64 rng(17);
  int infeasible = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const int agents = std::uniform_int_distribution<int>(1, 3)(rng);
    const int jobs = std::uniform_int_distribution<int>(1, 7)(rng);
    const GeneralizedProblem p = random_problem(rng, agents, jobs, trial % 3 == 0 ? 0.7 : 1.0);
    const Sense sense = trial % 2 == 0 ? Sense::kMinimize : Sense::kMaximize;
    const GeneralizedSolution s =
        solve_generalized(p, {.sense = sense, .max_moves = 3000}, {.time_limit_s = 5, .seed = 1});
    EXPECT_EQ(check(p, sense, s), std::vector<std::string>{});
    const auto best = brute_force(p, sense);
    ASSERT_EQ(s.solved(), best.has_value()) << trial;
    if (!best) {
      EXPECT_EQ(s.status, Status::kInfeasible) << trial;  // proven: the search finished
    }
    infeasible += best ? 0 : 1;
    if (best) {
      EXPECT_DOUBLE_EQ(s.cost, *best) << trial;
      EXPECT_TRUE(sense == Sense::kMinimize ? s.bound <= *best + 1e-9 : s.bound >= *best - 1e-9);
    }
  }
  EXPECT_GT(infeasible, 0);  // the tight instances include some without any assignment
}

// Larger instances, where the tabu search's few moves rarely find the optimum: whatever the
// answer, an optimality claim is true and the bound holds.
TEST(GeneralizedAssignment, OptimalityClaimsAndBoundsAgreeWithExhaustiveSearch) {
  std::mt19937_64 rng(23);
  int claims = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const int agents = std::uniform_int_distribution<int>(2, 4)(rng);
    const int jobs = std::uniform_int_distribution<int>(8, 11)(rng);
    GeneralizedProblem p = random_problem(rng, agents, jobs, 0.8);
    if (trial % 2 == 0) {
      p = fractional(std::move(p), rng);
    }
    const GeneralizedSolution s =
        solve_generalized(p, {.max_moves = 20}, {.time_limit_s = 5, .seed = 1});
    EXPECT_EQ(check(p, Sense::kMinimize, s), std::vector<std::string>{});
    const auto best = brute_force(p, Sense::kMinimize);
    if (!best) {
      continue;
    }
    EXPECT_LE(s.bound, *best + 1e-9) << trial;
    if (s.status == Status::kOptimal) {
      EXPECT_NEAR(s.cost, *best, 1e-9) << trial;
      ++claims;
    }
  }
  EXPECT_GT(claims, 30);
}

// The branch-and-bound alone, from no incumbent: it finishes, finds the exhaustive search's
// optimum and its bound is that optimum; with integral data (knapsacks by dynamic programming)
// and fractional data (knapsacks by their linear relaxation).
TEST(GeneralizedAssignment, BranchAndBoundProvesTheExhaustiveOptimum) {
  std::mt19937_64 rng(5);
  int proven = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const int agents = std::uniform_int_distribution<int>(2, 4)(rng);
    const int jobs = std::uniform_int_distribution<int>(4, 10)(rng);
    GeneralizedProblem p = random_problem(rng, agents, jobs, trial % 4 == 0 ? 0.6 : 0.8);
    if (trial % 3 == 0) {
      p = fractional(std::move(p), rng);
    }
    const auto best = brute_force(p, Sense::kMinimize);
    std::optional<double> found;
    const detail::GeneralizedExactResult result = detail::branch_and_bound(
        p, {}, std::numeric_limits<double>::infinity(), 0, [] { return false; },
        [&](const std::vector<int>& agents_of_jobs, double cost) {
          GeneralizedSolution s;
          s.status = Status::kFeasible;
          s.agent_of_job = agents_of_jobs;
          s.cost = cost;
          s.bound = cost;
          EXPECT_EQ(check(p, Sense::kMinimize, s), std::vector<std::string>{}) << trial;
          found = cost;
        });
    ASSERT_TRUE(result.complete) << trial;
    ASSERT_EQ(found.has_value(), best.has_value()) << trial;
    if (best) {
      EXPECT_NEAR(*found, *best, 1e-9) << trial;
      EXPECT_LE(result.bound, *best + 1e-9) << trial;
      ++proven;
    }
  }
  EXPECT_GT(proven, 50);  // and the rest proven to have no assignment
}

TEST(GeneralizedAssignment, ReachesTheGoldenOptimaAndIsDeterministicWithAMoveLimit) {
  const GeneralizedProblem p =
      io::read_generalized(TEAMWRIGHT_SOURCE_DIR "/tests/data/gap/c0515_1");
  ASSERT_EQ(p.agents, 5);
  ASSERT_EQ(p.jobs, 15);
  for (const auto& [sense, optimum] :
       {std::pair{Sense::kMaximize, 336.0}, {Sense::kMinimize, 261.0}}) {
    const GeneralizedOptions options{.sense = sense, .max_moves = 20000};
    const SolveOptions solve{.time_limit_s = 10, .seed = 3};
    const GeneralizedSolution a = solve_generalized(p, options, solve);
    EXPECT_EQ(check(p, sense, a), std::vector<std::string>{});
    EXPECT_EQ(a.cost, optimum);
    EXPECT_EQ(solve_generalized(p, options, solve).agent_of_job, a.agent_of_job);
  }
}

TEST(GeneralizedAssignment, BadInputIsATypedError) {
  EXPECT_THROW((void)io::parse_generalized("2 2\n1 2 3", "t.relative_gap"), FormatError);
  EXPECT_THROW((void)io::parse_generalized("1 1\n1 x 3", "t.relative_gap"), FormatError);
  EXPECT_THROW((void)io::parse_generalized("1 1 1 1 1 9", "t.relative_gap"), FormatError);
  EXPECT_THROW((void)io::parse_generalized("1000 100000\n1 2", "t.gap"), FormatError);
  // Costs whose sum would overflow are refused, not answered "no assignment".
  GeneralizedProblem huge{1, 2, {1e308, 1e308}, {1, 1}, {2}};
  EXPECT_THROW((void)solve_generalized(huge), OutOfRangeError);
  EXPECT_THROW((void)io::read_generalized("/no/such/file"), FileError);
  GeneralizedProblem p{1, 1, {std::numeric_limits<double>::quiet_NaN()}, {1}, {1}};
  EXPECT_THROW((void)solve_generalized(p), InvalidInputError);
  p.cost = {1};
  p.weight = {-1};
  EXPECT_THROW((void)solve_generalized(p), InvalidInputError);
  p.weight = {1};
  EXPECT_THROW((void)solve_generalized(p, {}, {.time_limit_s = -1}), OutOfRangeError);
  p.capacity = {1, 2};
  EXPECT_THROW((void)solve_generalized(p), InvalidInputError);
}

}  // namespace
}  // namespace teamwright::assign
