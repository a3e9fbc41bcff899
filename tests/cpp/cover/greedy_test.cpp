#include "teamwright/cover/greedy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "cover/brute_force.hpp"
#include "teamwright/cover/check.hpp"
#include "teamwright/error.hpp"

namespace teamwright::cover {
namespace {

using testing::brute_force_optimum;
using testing::random_problem;

Problem build(const std::vector<int>& demands,
              const std::vector<std::pair<double, std::vector<Index>>>& columns) {
  Problem::Builder b;
  for (const int d : demands) {
    b.add_row(d);
  }
  for (const auto& [cost, rows] : columns) {
    b.add_column(cost, rows);
  }
  return std::move(b).build();
}

void expect_checked(const Problem& p, const Solution& s) {
  const auto problems = check(p, s);
  EXPECT_TRUE(problems.empty()) << problems.front();
}

double harmonic(int k) {
  double h = 0;
  for (int i = 1; i <= k; ++i) {
    h += 1.0 / i;
  }
  return h;
}

TEST(Greedy, TakesTheBestDemandPerCost) {
  // Column 0 covers three rows for 10 (0.3 per unit); columns 1-3 one row each for 3 (0.33).
  const Problem p = build({1, 1, 1}, {{10, {0, 1, 2}}, {3, {0}}, {3, {1}}, {3, {2}}});
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.columns, (std::vector<Index>{1, 2, 3}));
  EXPECT_EQ(s.cost, 9);
}

TEST(Greedy, DropsAColumnThatLaterColumnsMadeRedundant) {
  // Column 0 (rows 0-1, 1.05 per unit) is taken first; rows 2 and 3 then need columns 1 and 2,
  // which also cover rows 0 and 1.
  const Problem p = build({1, 1, 1, 1}, {{1.9, {0, 1}}, {2, {0, 2}}, {2, {1, 3}}});
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.columns, (std::vector<Index>{1, 2}));
  EXPECT_EQ(s.cost, 4);
}

TEST(Greedy, MeetsDemandsAboveOne) {
  const Problem p = build({2, 1}, {{1, {0}}, {1, {0, 1}}, {4, {0, 1}}});
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.columns, (std::vector<Index>{0, 1}));
  EXPECT_EQ(s.status, Status::kOptimal);  // 2 = the two cheapest columns of row 0
}

TEST(Greedy, ProvesRowsWithTooFewColumnsAndCoversTheRestAsFarAsPossible) {
  const Problem p = build({3, 1, 0}, {{1, {0}}, {2, {0, 1}}});
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.status, Status::kInfeasible);
  ASSERT_EQ(s.infeasibilities.size(), 1U);
  EXPECT_EQ(s.infeasibilities[0].kind, Infeasibility::Kind::kRowCapacity);
  EXPECT_EQ(s.infeasibilities[0].rows, std::vector<Index>{0});
  EXPECT_EQ(s.infeasibilities[0].available, 2);
  EXPECT_EQ(s.columns, (std::vector<Index>{0, 1}));
  EXPECT_EQ(s.short_rows, std::vector<Index>{0});
}

TEST(Greedy, MovesAGroupsChoiceToTheColumnThatCoversMore) {
  // Two variants of one person (a group): row 0 alone for 1, rows 0 and 1 for 2. Row 1 has no
  // other column, so the greedy ends with the second variant and never with both.
  Problem::Builder b;
  b.add_row(1);
  b.add_row(1);
  const Index alone = b.add_column(1, std::vector<Index>{0});
  const Index both = b.add_column(2, std::vector<Index>{0, 1});
  b.add_group(std::vector<Index>{alone, both});
  const Problem p = std::move(b).build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.columns, std::vector<Index>{both});
  EXPECT_EQ(s.cost, 2);
}

TEST(Greedy, ProvesARowThatTheGroupsCannotMeetCountingEachGroupOnce) {
  // Row 0 needs 2; three columns cover it but two are variants of one group.
  Problem::Builder b;
  b.add_row(2);
  b.add_column(1, std::vector<Index>{0});
  b.add_column(1, std::vector<Index>{0});
  b.add_column(1, std::vector<Index>{0});
  b.add_group(std::vector<Index>{0, 1, 2});
  const Problem p = std::move(b).build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.status, Status::kInfeasible);
  ASSERT_EQ(s.infeasibilities.size(), 1U);
  EXPECT_EQ(s.infeasibilities[0].kind, Infeasibility::Kind::kRowCapacity);
  EXPECT_EQ(s.infeasibilities[0].available, 1);
}

TEST(Greedy, MeetsSoftRowsOnlyWhereThePenaltyOutweighsTheCost) {
  // Row 0 is soft at 3 per unit: the column costing 2 is worth it, the one costing 5 is not.
  Problem::Builder b;
  b.add_row(1, {.penalty = 3.0});
  b.add_row(1, {.penalty = 3.0});
  b.add_column(2, std::vector<Index>{0});
  b.add_column(5, std::vector<Index>{1});
  const Problem p = std::move(b).build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.columns, std::vector<Index>{0});
  EXPECT_EQ(s.cost, 5);  // 2 for the column, 3 for row 1 left short
  EXPECT_EQ(s.penalty, 3);
  EXPECT_EQ(s.short_rows, std::vector<Index>{1});
}

TEST(Greedy, MeetsRobustAndWeightedRows) {
  // Row 0 must still have 1.5 when any one chosen column leaves: 1.0 + 1.0 + 0.5 works, 1.0 +
  // 1.0 does not.
  Problem::Builder b;
  b.add_row(1.5, {.robust = true});
  const std::vector<Index> row{0};
  b.add_column(1, row, std::vector<double>{1.0});
  b.add_column(1, row, std::vector<double>{1.0});
  b.add_column(1, row, std::vector<double>{0.5});
  const Problem p = std::move(b).build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.status, Status::kFeasible);
  EXPECT_EQ(s.columns, (std::vector<Index>{0, 1, 2}));
}

TEST(Greedy, RespectsConflictsAndFixedColumns) {
  Problem::Builder b;
  b.add_row(1);
  b.add_column(1, std::vector<Index>{0});
  b.add_column(2, std::vector<Index>{0});
  b.add_column(7, std::vector<Index>{});
  b.add_conflict(0, 2);
  b.fix(2);
  const Problem p = std::move(b).build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.columns, (std::vector<Index>{1, 2}));
}

TEST(Greedy, ProvesFixedColumnsThatConflictOrBreakLimits) {
  Problem::Builder b;
  b.add_row(1);
  b.add_column(5, std::vector<Index>{0});
  b.add_column(5, std::vector<Index>{0});
  b.add_conflict(0, 1);
  b.fix(0);
  b.fix(1);
  b.set_budget(4);
  const Problem p = std::move(b).build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.status, Status::kInfeasible);
  ASSERT_EQ(s.infeasibilities.size(), 2U);
  EXPECT_EQ(s.infeasibilities[0].kind, Infeasibility::Kind::kFixedConflict);
  EXPECT_EQ(s.infeasibilities[0].columns, (std::vector<Index>{0, 1}));
  EXPECT_EQ(s.infeasibilities[1].kind, Infeasibility::Kind::kFixedOverBudget);
}

TEST(Greedy, ProvesBudgetAndSizeBoundsFromSingleRows) {
  Problem::Builder b;
  b.add_row(3);
  for (int k = 0; k < 4; ++k) {
    b.add_column(2, std::vector<Index>{0});
  }
  b.set_budget(5);
  b.set_size_bounds(0, 2);
  const Problem p = std::move(b).build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.status, Status::kInfeasible);
  ASSERT_EQ(s.infeasibilities.size(), 2U);
  EXPECT_EQ(s.infeasibilities[0].kind, Infeasibility::Kind::kSizeBound);
  EXPECT_EQ(s.infeasibilities[0].bound, 3);
  EXPECT_EQ(s.infeasibilities[1].kind, Infeasibility::Kind::kBudgetBound);
  EXPECT_EQ(s.infeasibilities[1].bound, 6);
  EXPECT_EQ(s.columns.size(), 2U);  // the best partial cover within the limits
}

TEST(Greedy, ReachesTheMinimumSizeWithTheCheapestColumns) {
  Problem::Builder b;
  b.add_row(1);
  b.add_column(1, std::vector<Index>{0});
  b.add_column(3, std::vector<Index>{});
  b.add_column(2, std::vector<Index>{});
  b.set_size_bounds(2, std::nullopt);
  const Problem p = std::move(b).build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.columns, (std::vector<Index>{0, 2}));
  EXPECT_EQ(s.status, Status::kOptimal);
}

TEST(Greedy, AnEmptyProblemHasTheEmptySolution) {
  const Problem p = Problem::Builder{}.build();
  const Solution s = solve_greedy(p);
  expect_checked(p, s);
  EXPECT_EQ(s.status, Status::kOptimal);
  EXPECT_TRUE(s.columns.empty());
}

TEST(Greedy, PureCoversStayWithinTheHarmonicBoundOfTheOptimum) {
  std::mt19937 random(2024);
  int solved = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const Problem p = random_problem(random, {});
    const auto optimum = brute_force_optimum(p);
    const Solution s = solve_greedy(p);
    expect_checked(p, s);
    if (!optimum) {
      EXPECT_EQ(s.status, Status::kInfeasible) << "trial " << trial;
      continue;
    }
    ++solved;
    ASSERT_TRUE(s.status == Status::kOptimal || s.status == Status::kFeasible) << "trial " << trial;
    int widest = 0;
    for (Index j = 0; j < p.num_columns(); ++j) {
      widest = std::max(widest, static_cast<int>(p.rows_of(j).size()));
    }
    EXPECT_GE(s.cost, *optimum - 1e-9) << "trial " << trial;
    EXPECT_LE(s.cost, harmonic(widest) * *optimum + 1e-9) << "trial " << trial;
    EXPECT_LE(s.bound, *optimum + 1e-9) << "trial " << trial;
    if (s.status == Status::kOptimal) {
      EXPECT_DOUBLE_EQ(s.cost, *optimum) << "trial " << trial;
    }
  }
  EXPECT_GT(solved, 200);
}

TEST(Greedy, StatusesAreSoundWithEveryFeature) {
  std::mt19937 random(99);
  int infeasible = 0;
  int feasible = 0;
  for (int trial = 0; trial < 600; ++trial) {
    const Problem p = random_problem(random, {.side_constraints = true,
                                              .groups = trial % 2 == 0,
                                              .soft = trial % 3 == 0,
                                              .robust = trial % 4 == 0,
                                              .coefficients = trial % 5 == 0});
    const auto optimum = brute_force_optimum(p);
    const Solution s = solve_greedy(p);
    expect_checked(p, s);
    switch (s.status) {
      case Status::kInfeasible:
        EXPECT_FALSE(optimum.has_value()) << "trial " << trial << ": proof of a feasible problem";
        ++infeasible;
        break;
      case Status::kOptimal:
        ASSERT_TRUE(optimum.has_value()) << "trial " << trial;
        EXPECT_DOUBLE_EQ(s.cost, *optimum) << "trial " << trial;
        ++feasible;
        break;
      case Status::kFeasible:
        ASSERT_TRUE(optimum.has_value()) << "trial " << trial;
        EXPECT_GE(s.cost, *optimum - 1e-9) << "trial " << trial;
        EXPECT_LE(s.bound, *optimum + 1e-9) << "trial " << trial;
        ++feasible;
        break;
      case Status::kNoSolutionFound:
        break;
    }
  }
  EXPECT_GT(infeasible, 50);
  EXPECT_GT(feasible, 100);
}

TEST(Greedy, IsDeterministic) {
  std::mt19937 random(5);
  for (int trial = 0; trial < 50; ++trial) {
    const Problem p = random_problem(
        random, {.side_constraints = true, .groups = true, .soft = true, .robust = true});
    const Solution a = solve_greedy(p);
    const Solution b = solve_greedy(p);
    EXPECT_EQ(a.columns, b.columns);
    EXPECT_EQ(a.infeasibilities, b.infeasibilities);
  }
}

TEST(Check, CatchesAnInconsistentSolution) {
  const Problem p = build({1, 1}, {{1, {0}}, {1, {1}}});
  Solution s = solve_greedy(p);
  s.columns = {0};
  s.cost = 1;
  const auto problems = check(p, s);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(std::find(problems.begin(), problems.end(),
                      "short_rows does not list exactly the rows left short"),
            problems.end());
}

TEST(ProblemBuilder, RejectsBadItemsNamingThem) {
  Problem::Builder b;
  b.add_row(1);
  EXPECT_THROW(b.add_column(-1, std::vector<Index>{0}), OutOfRangeError);
  EXPECT_THROW(b.add_row(-2), OutOfRangeError);
  b.add_column(1, std::vector<Index>{0, 3});
  try {
    (void)std::move(b).build();
    FAIL() << "no exception";
  } catch (const OutOfRangeError& error) {
    EXPECT_STREQ(error.what(), "column 0 covers row 3, outside [0, 1)");
  }
  Problem::Builder c;
  c.add_row(1);
  c.add_column(1, std::vector<Index>{0, 0});
  EXPECT_THROW((void)std::move(c).build(), DuplicateIdError);

  Problem::Builder d;
  d.add_row(1);
  EXPECT_THROW(d.add_row(1, {.penalty = 2.0, .robust = true}), InvalidInputError);
  EXPECT_THROW(d.add_row(1, {.penalty = -1.0}), OutOfRangeError);
  EXPECT_THROW(d.add_column(1, std::vector<Index>{0}, std::vector<double>{0.0}), OutOfRangeError);
  EXPECT_THROW(d.add_column(1, std::vector<Index>{0}, std::vector<double>{1.0, 2.0}),
               InvalidInputError);
  d.add_column(1, std::vector<Index>{0});
  d.add_group(std::vector<Index>{0});
  d.add_group(std::vector<Index>{0});
  EXPECT_THROW((void)std::move(d).build(), DuplicateIdError);
}

TEST(Problem, StoresBothIncidenceDirectionsAscending) {
  const Problem p = build({1, 2, 1}, {{1, {2, 0}}, {1, {1}}, {2, {0, 1}}});
  EXPECT_EQ(p.num_nonzeros(), 5);
  EXPECT_EQ(std::vector<Index>(p.rows_of(0).begin(), p.rows_of(0).end()),
            (std::vector<Index>{0, 2}));
  EXPECT_EQ(std::vector<Index>(p.columns_of(1).begin(), p.columns_of(1).end()),
            (std::vector<Index>{1, 2}));
  EXPECT_FALSE(p.has_coefficients());
  EXPECT_TRUE(p.is_pure());
}

TEST(Problem, KeepsCoefficientsWithTheirRowsInBothDirections) {
  Problem::Builder b;
  b.add_row(1);
  b.add_row(2.5);
  b.add_column(1, std::vector<Index>{1, 0}, std::vector<double>{0.5, 2.0});
  b.add_column(1, std::vector<Index>{1});
  const Problem p = std::move(b).build();
  EXPECT_TRUE(p.has_coefficients());
  EXPECT_FALSE(p.is_pure());
  EXPECT_EQ(std::vector<double>(p.coefficients_of(0).begin(), p.coefficients_of(0).end()),
            (std::vector<double>{2.0, 0.5}));
  EXPECT_EQ(std::vector<double>(p.coefficients_in(1).begin(), p.coefficients_in(1).end()),
            (std::vector<double>{0.5, 1.0}));
  EXPECT_EQ(p.coefficient(0, 1), 0.5);
  EXPECT_EQ(p.coefficient(1, 0), 0.0);
}

}  // namespace
}  // namespace teamwright::cover
