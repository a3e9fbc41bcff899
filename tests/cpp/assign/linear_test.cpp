// Linear assignment: every answer passes the independent checker, and on small matrices its
// objective and feasibility equal exhaustive search's.

#include "teamwright/assign/linear.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include "teamwright/error.hpp"

namespace teamwright::assign {
namespace {

using Index = std::int64_t;

template <class T>
struct Dense {
  Index rows = 0;
  Index cols = 0;
  std::vector<T> values;
  std::vector<char> mask;  // 1 = forbidden; empty = none

  [[nodiscard]] MatrixView<T> view() const { return {values.data(), rows, cols, cols}; }
  [[nodiscard]] AssignmentOptions options(Sense sense) const {
    AssignmentOptions o;
    o.sense = sense;
    if (!mask.empty()) {
      o.forbidden = {reinterpret_cast<const bool*>(mask.data()), rows, cols, cols};
    }
    return o;
  }
};

// The best objective over every injective map of the shorter side, or nothing.
template <class T>
std::optional<T> brute_force(const Dense<T>& d, Sense sense) {
  const bool by_row = d.rows <= d.cols;
  const Index k = std::min(d.rows, d.cols);
  const Index m = std::max(d.rows, d.cols);
  std::vector<char> used(static_cast<std::size_t>(m), 0);
  std::optional<T> best;
  const auto at = [&](Index a, Index b) { return by_row ? a * d.cols + b : b * d.cols + a; };
  std::function<void(Index, T)> go = [&](Index a, T sum) {
    if (a == k) {
      if (!best || (sense == Sense::kMinimize ? sum < *best : sum > *best)) {
        best = sum;
      }
      return;
    }
    for (Index b = 0; b < m; ++b) {
      const auto idx = static_cast<std::size_t>(at(a, b));
      if (used[static_cast<std::size_t>(b)] != 0 || (!d.mask.empty() && d.mask[idx] != 0) ||
          std::isinf(static_cast<double>(d.values[idx]))) {
        continue;
      }
      used[static_cast<std::size_t>(b)] = 1;
      go(a + 1, sum + d.values[idx]);
      used[static_cast<std::size_t>(b)] = 0;
    }
  };
  go(0, T{0});
  return best;
}

template <class T>
Dense<T> random_matrix(std::mt19937_64& rng, Index rows, Index cols, T low, T high,
                       double forbidden_share) {
  Dense<T> d{rows, cols, {}, {}};
  std::bernoulli_distribution forbid(forbidden_share);
  for (Index k = 0; k < rows * cols; ++k) {
    if constexpr (std::is_floating_point_v<T>) {
      d.values.push_back(std::uniform_real_distribution<T>(low, high)(rng));
    } else {
      d.values.push_back(std::uniform_int_distribution<T>(low, high)(rng));
    }
    if (forbidden_share > 0) {
      d.mask.push_back(forbid(rng) ? 1 : 0);
    }
  }
  return d;
}

template <class T>
void expect_matches_brute_force(const Dense<T>& d, Sense sense) {
  const auto options = d.options(sense);
  const auto a = linear_assignment(d.view(), options);
  EXPECT_EQ(check(d.view(), options, a), std::vector<std::string>{});
  const auto best = brute_force(d, sense);
  ASSERT_EQ(a.feasible, best.has_value()) << d.rows << " x " << d.cols;
  if (best) {
    if constexpr (std::is_floating_point_v<T>) {
      EXPECT_NEAR(a.objective, *best, 1e-9);
    } else {
      EXPECT_EQ(a.objective, *best);
    }
  }
}

TEST(LinearAssignment, EqualsExhaustiveSearchOnSmallRandomMatrices) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 1500; ++trial) {
    const Index rows = std::uniform_int_distribution<Index>(1, 6)(rng);
    const Index cols = std::uniform_int_distribution<Index>(1, 6)(rng);
    const Sense sense = trial % 2 == 0 ? Sense::kMinimize : Sense::kMaximize;
    const double forbidden_share = trial % 3 == 0 ? 0.0 : 0.35;
    // Few distinct integers make ties everywhere, the hard case for the row reduction.
    expect_matches_brute_force(random_matrix<std::int64_t>(rng, rows, cols, -2, 2, forbidden_share),
                               sense);
    expect_matches_brute_force(random_matrix<std::int64_t>(rng, rows, cols, -1000, 1000, 0.0),
                               sense);
    expect_matches_brute_force(random_matrix<double>(rng, rows, cols, -1.0, 1.0, forbidden_share),
                               sense);
  }
}

TEST(LinearAssignment, InfinityForbidsAPairInTheObjectivesDirection) {
  const double inf = std::numeric_limits<double>::infinity();
  Dense<double> d{2, 3, {inf, 1, inf, 4, 2, inf}, {}};
  const auto a = linear_assignment(d.view());
  ASSERT_TRUE(a.feasible);
  EXPECT_EQ(a.cols, (std::vector<Index>{1, 0}));
  EXPECT_EQ(a.objective, 5);
  Dense<double> neg{2, 2, {-inf, 3, 1, -inf}, {}};
  const auto b = linear_assignment(neg.view(), {.sense = Sense::kMaximize});
  ASSERT_TRUE(b.feasible);
  EXPECT_EQ(b.objective, 4);
  Dense<double> blocked{2, 2, {1, inf, 2, inf}, {}};  // column 1 allows no row
  const auto c = linear_assignment(blocked.view());
  EXPECT_FALSE(c.feasible);
  EXPECT_TRUE(c.rows.empty());
  EXPECT_EQ(check(blocked.view(), {}, c), std::vector<std::string>{});
}

TEST(LinearAssignment, LargeRandomMatricesCarryAnOptimalityCertificate) {
  std::mt19937_64 rng(11);
  for (const auto& [rows, cols] : {std::pair<Index, Index>{300, 300}, {200, 350}, {350, 120}}) {
    const auto f = random_matrix<double>(rng, rows, cols, 0.0, 1.0, 0.0);
    const auto a = linear_assignment(f.view());
    EXPECT_EQ(check(f.view(), {}, a), std::vector<std::string>{});
    const auto g = random_matrix<std::int64_t>(rng, rows, cols, 0, 100, 0.5);
    const auto options = g.options(Sense::kMaximize);
    const auto b = linear_assignment(g.view(), options);
    EXPECT_TRUE(b.feasible);
    EXPECT_EQ(check(g.view(), options, b), std::vector<std::string>{});
  }
}

// Rows long enough for the row reduction's blocks of columns and a remainder, with ties,
// forbidden pairs (by mask and by infinity) and both senses: the certificate proves each optimal.
TEST(LinearAssignment, MediumMatricesWithTiesAndForbiddenPairsCarryACertificate) {
  std::mt19937_64 rng(13);
  const double inf = std::numeric_limits<double>::infinity();
  for (int trial = 0; trial < 60; ++trial) {
    const Index rows = std::uniform_int_distribution<Index>(8, 60)(rng);
    const Index cols = std::uniform_int_distribution<Index>(8, 60)(rng);
    const Sense sense = trial % 2 == 0 ? Sense::kMinimize : Sense::kMaximize;
    const auto ties = random_matrix<std::int64_t>(rng, rows, cols, -2, 2, 0.2);
    const auto tie_options = ties.options(sense);
    const auto a = linear_assignment(ties.view(), tie_options);
    EXPECT_EQ(check(ties.view(), tie_options, a), std::vector<std::string>{});
    auto reals = random_matrix<double>(rng, rows, cols, 0.0, 1.0, 0.0);
    std::bernoulli_distribution forbid(0.25);
    for (double& value : reals.values) {
      if (forbid(rng)) {
        value = sense == Sense::kMinimize ? inf : -inf;
      }
    }
    const auto real_options = reals.options(sense);
    const auto b = linear_assignment(reals.view(), real_options);
    EXPECT_EQ(check(reals.view(), real_options, b), std::vector<std::string>{});
  }
}

TEST(LinearAssignment, EmptySidesGiveTheEmptyAssignment) {
  Dense<double> d{0, 4, {}, {}};
  const auto a = linear_assignment(d.view());
  EXPECT_TRUE(a.feasible);
  EXPECT_TRUE(a.rows.empty());
  EXPECT_EQ(a.objective, 0);
}

TEST(LinearAssignment, AStridedViewReadsOnlyItsColumns) {
  // A 2 x 2 window of a 2 x 3 buffer; the third column would be the better choice.
  const std::vector<double> buffer{5, 1, 0, 1, 5, 0};
  const auto a = linear_assignment(MatrixView<double>{buffer.data(), 2, 2, 3});
  EXPECT_EQ(a.cols, (std::vector<Index>{1, 0}));
  EXPECT_EQ(a.objective, 2);
}

TEST(LinearAssignment, InvalidCostsAreTypedErrorsNamingTheEntry) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  Dense<double> with_nan{2, 2, {1, 2, nan, 4}, {}};
  try {
    (void)linear_assignment(with_nan.view());
    FAIL() << "NaN accepted";
  } catch (const InvalidInputError& e) {
    EXPECT_STREQ(e.what(), "cost (1, 0): NaN is not a cost");
  }
  Dense<double> minus_inf{1, 2, {-inf, 1}, {}};
  EXPECT_THROW((void)linear_assignment(minus_inf.view()), InvalidInputError);
  Dense<double> plus_inf{1, 2, {inf, 1}, {}};
  EXPECT_THROW((void)linear_assignment(plus_inf.view(), {.sense = Sense::kMaximize}),
               InvalidInputError);
  Dense<std::int64_t> huge{1, 2, {std::numeric_limits<std::int64_t>::min(), 1}, {}};
  EXPECT_THROW((void)linear_assignment(huge.view()), OutOfRangeError);
  Dense<double> d{2, 2, {1, 2, 3, 4}, {}};
  const std::vector<char> mask(3, 0);
  AssignmentOptions options;
  options.forbidden = {reinterpret_cast<const bool*>(mask.data()), 1, 3, 3};
  EXPECT_THROW((void)linear_assignment(d.view(), options), InvalidInputError);
}

TEST(LinearAssignmentCheck, RejectsAWrongAnswer) {
  Dense<std::int64_t> d{2, 2, {1, 5, 5, 1}, {}};
  auto a = linear_assignment(d.view());
  ASSERT_EQ(a.objective, 2);
  auto swapped = a;
  swapped.cols = {1, 0};
  swapped.objective = 10;
  EXPECT_FALSE(check(d.view(), {}, swapped).empty());  // duals no longer prove it
  auto infeasible = a;
  infeasible.feasible = false;
  EXPECT_FALSE(check(d.view(), {}, infeasible).empty());
}

}  // namespace
}  // namespace teamwright::assign
