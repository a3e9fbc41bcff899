#include "teamwright/cover/solve.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "cover/brute_force.hpp"
#include "teamwright/cover/check.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/orlib.hpp"

namespace teamwright::cover {
namespace {

using testing::brute_force_optimum;
using Mode = SolveOptions::Mode;

// The heuristic alone, with its fixed effort.
constexpr SolveOptions kHeuristic{.mode = Mode::kHeuristic,
                                  .time_limit_s = std::numeric_limits<double>::infinity()};

const std::filesystem::path kGolden =
    std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "tests/data/orlib";

void expect_checked(const Problem& p, const Solution& s) {
  const auto problems = check(p, s);
  EXPECT_TRUE(problems.empty()) << problems.front();
}

// A pure multicover problem: random rows with demands 1..max_demand, every row coverable, costs
// 1..max_cost.
Problem random_multicover(std::mt19937& random, int rows, int columns, int max_demand,
                          int max_cost = 20) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  Problem::Builder b;
  std::vector<std::vector<Index>> by_column(static_cast<std::size_t>(columns));
  for (int r = 0; r < rows; ++r) {
    const int demand = pick(1, max_demand);
    b.add_row(demand);
    std::vector<int> order(static_cast<std::size_t>(columns));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    const int covering = pick(demand, std::max(demand, columns / 2));
    for (int k = 0; k < covering; ++k) {
      by_column[order[k]].push_back(r);
    }
  }
  for (int j = 0; j < columns; ++j) {
    b.add_column(pick(1, max_cost), by_column[j]);
  }
  return std::move(b).build();
}

// 400 rows, 4000 columns, unit costs: a gap between bound and cost the solver cannot close, so
// it works until stopped.
Problem large_problem() {
  std::mt19937 random(17);
  return random_multicover(random, 400, 4000, 2, 1);
}

TEST(Solve, RejectsOptionsOutOfRange) {
  const Problem p = Problem::Builder{}.build();
  EXPECT_THROW((void)solve(p, {.time_limit_s = -1}), OutOfRangeError);
  EXPECT_THROW((void)solve(p, {.time_limit_s = std::nan("")}), OutOfRangeError);
  EXPECT_THROW((void)solve(p, {.threads = 0}), OutOfRangeError);
}

TEST(Solve, HeuristicAnswersAreSoundAgainstBruteForce) {
  std::mt19937 random(4);
  int proven = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const Problem p = random_multicover(random, 1 + trial % 7, 4 + trial % 9, 3);
    const auto optimum = brute_force_optimum(p);
    const Solution s = solve(p, kHeuristic);
    expect_checked(p, s);
    ASSERT_TRUE(optimum.has_value());
    ASSERT_TRUE(s.status == Status::kOptimal || s.status == Status::kFeasible) << trial;
    EXPECT_GE(s.cost, *optimum - 1e-9) << trial;
    EXPECT_LE(s.bound, *optimum + 1e-9) << trial;
    if (s.status == Status::kOptimal) {
      EXPECT_EQ(s.cost, *optimum) << trial;
      ++proven;
    }
    EXPECT_EQ(s.termination, Termination::kCompleted);
  }
  EXPECT_GT(proven, 60);
}

// Every feature of problem.hpp on its own, and all of them together.
const std::vector<std::pair<const char*, testing::RandomOptions>> kFeatures = {
    {"side constraints", {.side_constraints = true}},
    {"groups", {.groups = true}},
    {"soft rows", {.soft = true}},
    {"robust rows", {.robust = true}},
    {"coefficients", {.coefficients = true}},
    {"everything",
     {.side_constraints = true,
      .groups = true,
      .soft = true,
      .robust = true,
      .coefficients = true}},
};

TEST(Solve, HeuristicAnswersStaySoundWithEveryFeature) {
  for (const auto& [name, features] : kFeatures) {
    std::mt19937 random(8);
    for (int trial = 0; trial < 200; ++trial) {
      const Problem p = testing::random_problem(random, features);
      const auto optimum = brute_force_optimum(p);
      const Solution s = solve(p, kHeuristic);
      expect_checked(p, s);
      if (s.status == Status::kInfeasible) {
        EXPECT_FALSE(optimum.has_value()) << name << " " << trial;
      } else if (s.status != Status::kNoSolutionFound) {
        ASSERT_TRUE(optimum.has_value()) << name << " " << trial;
        EXPECT_GE(s.cost, *optimum - 1e-9) << name << " " << trial;
        EXPECT_LE(s.bound, *optimum + 1e-9) << name << " " << trial;
        if (s.status == Status::kOptimal) {
          EXPECT_NEAR(s.cost, *optimum, 1e-9) << name << " " << trial;
        }
      }
    }
  }
}

// One worker, and more workers than this machine's cores (the parallel tree search).
TEST(Solve, ExactModeMatchesBruteForceOnPureProblems) {
  for (const int threads : {1, 3}) {
    std::mt19937 random(21);
    for (int trial = 0; trial < 150; ++trial) {
      const Problem p = random_multicover(random, 2 + trial % 8, 5 + trial % 10, 3);
      const auto optimum = brute_force_optimum(p);
      const Solution s = solve(p, {.mode = Mode::kExact, .threads = threads});
      expect_checked(p, s);
      ASSERT_TRUE(optimum.has_value());
      EXPECT_EQ(s.status, Status::kOptimal) << trial << " threads " << threads;
      EXPECT_EQ(s.cost, *optimum) << trial << " threads " << threads;
      EXPECT_EQ(s.bound, *optimum) << trial << " threads " << threads;
    }
  }
}

// Exact and auto mode, on one worker and on more workers than this machine's cores.
TEST(Solve, ExactAndAutoModesMatchBruteForceWithEveryFeature) {
  for (const auto& [name, features] : kFeatures) {
    for (const auto& [mode, threads] :
         {std::pair{Mode::kExact, 1}, std::pair{Mode::kExact, 3}, std::pair{Mode::kAuto, 1}}) {
      std::mt19937 random(22);
      int infeasible = 0;
      for (int trial = 0; trial < 400; ++trial) {
        const Problem p = testing::random_problem(random, features);
        const auto optimum = brute_force_optimum(p);
        const Solution s = solve(p, {.mode = mode, .threads = threads});
        expect_checked(p, s);
        const std::string where = std::string(name) + " " + std::string(to_string(mode)) +
                                  " threads " + std::to_string(threads) + " trial " +
                                  std::to_string(trial);
        EXPECT_EQ(s.termination, Termination::kCompleted) << where;
        if (!optimum) {
          EXPECT_EQ(s.status, Status::kInfeasible) << where;
          ++infeasible;
        } else {
          EXPECT_EQ(s.status, Status::kOptimal) << where;
          EXPECT_NEAR(s.cost, *optimum, 1e-9) << where;
          EXPECT_NEAR(s.bound, *optimum, 1e-9) << where;
        }
      }
      if (features.side_constraints) {
        EXPECT_GT(infeasible, 40) << name;
      }
    }
  }
}

TEST(Solve, ExactModeProvesTheGoldenOptima) {
  for (const int threads : {1, 2}) {
    for (const char* name : {"scp41", "scp42", "scp43", "scp44", "scp45"}) {
      const Problem p = io::read_orlib_scp(kGolden / (std::string(name) + ".txt"));
      const Solution s = solve(p, {.mode = Mode::kExact, .threads = threads});
      expect_checked(p, s);
      EXPECT_EQ(s.status, Status::kOptimal) << name;
      EXPECT_EQ(s.bound, s.cost) << name;
    }
  }
}

// The parallel search stops on cancellation and on an exception of the progress callback (raised
// in whichever worker reported), and its bounds only rise.
TEST(Solve, TheParallelExactSearchStopsAndReportsLikeTheSerialOne) {
  const Problem p = large_problem();
  const SolveOptions parallel{.mode = Mode::kExact, .threads = 2};
  CancellationToken token;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    token.cancel();
  });
  std::vector<Progress> reports;
  SolveOptions limited = parallel;
  limited.time_limit_s = 60;
  const Solution s =
      solve(p, limited,
            {.on_progress = [&](const Progress& progress) { reports.push_back(progress); },
             .cancel = &token});
  canceller.join();
  EXPECT_EQ(s.termination, Termination::kCancelled);
  EXPECT_LT(s.time_s, 5);
  expect_checked(p, s);
  for (std::size_t k = 1; k < reports.size(); ++k) {
    EXPECT_GE(reports[k].bound, reports[k - 1].bound);
  }
  int calls = 0;
  EXPECT_THROW((void)solve(p, parallel,
                           {.on_progress =
                                [&](const Progress&) {
                                  if (++calls == 3) {
                                    throw std::runtime_error("stop");
                                  }
                                }}),
               std::runtime_error);
}

TEST(Solve, FindsTheOptimaOfTheGoldenInstances) {
  std::ifstream optima(kGolden / "optima.csv");
  std::string line;
  std::getline(optima, line);
  int solved = 0;
  while (std::getline(optima, line)) {
    const std::string name = line.substr(0, line.find(','));
    const double optimum = std::stod(line.substr(line.find(',') + 1));
    const Problem p = io::read_orlib_scp(kGolden / (name + ".txt"));
    const Solution s = solve(p, kHeuristic);
    expect_checked(p, s);
    EXPECT_EQ(s.cost, optimum) << name;
    EXPECT_LE(s.bound, optimum) << name;
    ++solved;
  }
  EXPECT_EQ(solved, 5);
}

TEST(Solve, StopsWithinTheTimeLimitWithItsBestSolution) {
  const Problem p = large_problem();
  for (const double limit : {0.0, 0.2, 0.5}) {
    const Solution s = solve(p, {.time_limit_s = limit});
#ifndef TEAMWRIGHT_SANITIZED  // sanitizers slow every step tenfold: time is not tested there
    EXPECT_LE(s.time_s, limit * 1.05 + 0.05) << limit;
#endif
    EXPECT_EQ(s.termination, Termination::kTimeLimit) << limit;
    ASSERT_TRUE(s.status == Status::kFeasible || s.status == Status::kOptimal) << limit;
    expect_checked(p, s);
  }
}

TEST(Solve, ACancelledSolveReturnsItsBestSolution) {
  const Problem p = large_problem();
  CancellationToken token;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    token.cancel();
  });
  const Solution s = solve(p, {.time_limit_s = 60}, {.cancel = &token});
  canceller.join();
  EXPECT_EQ(s.termination, Termination::kCancelled);
  EXPECT_LT(s.time_s, 5);
  expect_checked(p, s);
}

TEST(Solve, ReportsProgressWithBetterIncumbentsAndBounds) {
  const Problem p = large_problem();
  std::vector<Progress> reports;
  const Solution s =
      solve(p, {.time_limit_s = 0.5},
            {.on_progress = [&](const Progress& progress) { reports.push_back(progress); }});
  ASSERT_FALSE(reports.empty());
  for (std::size_t k = 1; k < reports.size(); ++k) {
    EXPECT_GE(reports[k].elapsed_s, reports[k - 1].elapsed_s);
    EXPECT_GE(reports[k].bound, reports[k - 1].bound);
    if (reports[k].incumbent && reports[k - 1].incumbent) {
      EXPECT_LE(*reports[k].incumbent, *reports[k - 1].incumbent);
    }
  }
  EXPECT_EQ(reports.back().incumbent, s.cost);
  EXPECT_LE(s.time_to_best_s, s.time_s);
}

TEST(Solve, AnExceptionFromTheProgressCallbackEndsTheSolve) {
  const Problem p = large_problem();
  EXPECT_THROW(
      (void)solve(p, {.time_limit_s = 5},
                  {.on_progress = [](const Progress&) { throw std::runtime_error("stop"); }}),
      std::runtime_error);
}

TEST(Solve, TheSameSeedGivesTheSameResult) {
  std::mt19937 random(12);
  for (int trial = 0; trial < 5; ++trial) {
    const Problem p = random_multicover(random, 60, 300, 2);
    SolveOptions options = kHeuristic;
    options.seed = 3;
    const Solution a = solve(p, options);
    const Solution b = solve(p, options);
    EXPECT_EQ(a.columns, b.columns);
    EXPECT_EQ(a.bound, b.bound);
  }
}

}  // namespace
}  // namespace teamwright::cover
