// Splitting a pool into k teams: exact mode equals exhaustive search on small random pools, every
// answer passes the independent checker, local search keeps the rules at scale.

#include "teamwright/placement/split.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "teamwright/error.hpp"

namespace teamwright::placement {
namespace {

struct Pool {
  Model model;
  std::vector<std::string> ids;
  TeamRequest request;
};

Pool random_pool(std::mt19937_64& rng, int n) {
  Framework f;
  f.competencies = {{.id = "a"}, {.id = "b"}, {.id = "c"}};
  std::uniform_int_distribution<int> level(0, 5);
  std::vector<Person> people;
  std::vector<std::string> ids;
  const std::vector<std::string> origins{"x", "y", "z", "w"};
  for (int p = 0; p < n; ++p) {
    Person person{.id = "p" + std::to_string(p)};
    for (const char* c : {"a", "b", "c"}) {
      person.levels[c] = level(rng);
    }
    person.attributes["group"] = std::string(level(rng) < 3 ? "m" : "f");
    person.attributes["origin"] =
        origins[std::uniform_int_distribution<std::size_t>(0, origins.size() - 1)(rng)];
    people.push_back(person);
    ids.push_back(person.id);
  }
  TeamRequest request{.id = "r"};
  request.requirements = {
      {.competency = "a", .min_level = 3, .count = 1, .importance = 5},
      {.competency = "b", .min_level = 4, .count = 2, .importance = 3},
      {.competency = "c", .min_level = 2, .count = Everyone{}, .importance = 1}};
  return {Model(f, people), ids, request};
}

// Coverage of one team and the rules a whole split breaks, written for this test alone.
double coverage(const Pool& pool, const std::vector<int>& members) {
  double weighted = 0;
  double weights = 0;
  for (const auto& r : pool.request.requirements) {
    int have = 0;
    for (const int p : members) {
      have += pool.model.effective_level(PersonId(static_cast<std::uint32_t>(p)),
                                         pool.model.competency_id(r.competency)) >= r.min_level
                  ? 1
                  : 0;
    }
    const double needed = std::holds_alternative<int>(r.count)
                              ? std::get<int>(r.count)
                              : static_cast<double>(members.size());
    weighted += r.importance * (needed > 0 ? std::min(1.0, have / needed) : 1.0);
    weights += r.importance;
  }
  return weighted / weights;
}

std::string attribute(const Pool& pool, int p, const std::string& name) {
  return std::get<std::string>(
      pool.model.person(PersonId(static_cast<std::uint32_t>(p))).attributes.at(name));
}

int broken(const Pool& pool, const SplitRules& rules, const std::vector<int>& team) {
  const int n = static_cast<int>(team.size());
  const int low = rules.min_size.value_or(n / rules.teams);
  const int high = rules.max_size.value_or((n + rules.teams - 1) / rules.teams);
  const auto index = [](const std::string& id) { return std::stoi(id.substr(1)); };
  int count = 0;
  for (int t = 0; t < rules.teams; ++t) {
    const auto size = std::count(team.begin(), team.end(), t);
    count += (size < low || size > high) ? 1 : 0;
    std::map<std::string, int> values;
    for (int p = 0; p < n; ++p) {
      if (team[static_cast<std::size_t>(p)] == t) {
        for (const auto& name : rules.no_lone) {
          ++values[attribute(pool, p, name)];
        }
      }
    }
    for (const auto& [value, c] : values) {
      count += c == 1 ? 1 : 0;
    }
  }
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      if (team[static_cast<std::size_t>(a)] != team[static_cast<std::size_t>(b)]) {
        continue;
      }
      for (const auto& group : rules.keep_apart) {
        const auto in = [&](int p) {
          return std::any_of(group.begin(), group.end(),
                             [&](const std::string& id) { return index(id) == p; });
        };
        count += in(a) && in(b) ? 1 : 0;
      }
      if (!rules.previous_team.empty() &&
          attribute(pool, a, rules.previous_team) == attribute(pool, b, rules.previous_team)) {
        ++count;
      }
    }
  }
  for (const auto& group : rules.keep_together) {
    std::set<int> teams;
    for (const auto& id : group) {
      teams.insert(team[static_cast<std::size_t>(index(id))]);
    }
    count += teams.size() > 1 ? 1 : 0;
  }
  return count;
}

struct Score {
  int violations;
  double worst;
  double average;
};

// The best (violations, worst, average) over every assignment of people to teams.
Score exhaustive(const Pool& pool, const SplitRules& rules) {
  const int n = static_cast<int>(pool.ids.size());
  const int k = rules.teams;
  std::vector<int> team(static_cast<std::size_t>(n), 0);
  Score best{1 << 30, 0, 0};
  while (true) {
    double worst = 1;
    double total = 0;
    for (int t = 0; t < k; ++t) {
      std::vector<int> members;
      for (int p = 0; p < n; ++p) {
        if (team[static_cast<std::size_t>(p)] == t) {
          members.push_back(p);
        }
      }
      const double c = coverage(pool, members);
      worst = std::min(worst, c);
      total += c;
    }
    const Score s{broken(pool, rules, team), worst, total / k};
    // Sizes and keep-together groups are kept whenever possible (always, in these tests).
    bool shaped = true;
    for (int t = 0; t < k; ++t) {
      const auto size = std::count(team.begin(), team.end(), t);
      shaped = shaped && size >= rules.min_size.value_or(n / k) &&
               size <= rules.max_size.value_or((n + k - 1) / k);
    }
    for (const auto& group : rules.keep_together) {
      for (const auto& id : group) {
        shaped = shaped && team[static_cast<std::size_t>(std::stoi(id.substr(1)))] ==
                               team[static_cast<std::size_t>(std::stoi(group[0].substr(1)))];
      }
    }
    if (shaped && (s.violations < best.violations ||
                   (s.violations == best.violations &&
                    (s.worst > best.worst + 1e-9 || (std::abs(s.worst - best.worst) <= 1e-9 &&
                                                     s.average > best.average + 1e-9))))) {
      best = s;
    }
    int p = 0;
    while (p < n && ++team[static_cast<std::size_t>(p)] == k) {
      team[static_cast<std::size_t>(p++)] = 0;
    }
    if (p == n) {
      break;
    }
  }
  return best;
}

SplitRules random_rules(std::mt19937_64& rng, const std::vector<std::string>& ids) {
  SplitRules rules;
  rules.teams = std::uniform_int_distribution<int>(2, 3)(rng);
  std::bernoulli_distribution coin(0.5);
  if (coin(rng)) {
    rules.keep_apart.push_back({ids[0], ids[1]});
  }
  if (coin(rng)) {
    rules.keep_together.push_back({ids[2], ids[3]});
  }
  if (coin(rng)) {
    rules.no_lone.emplace_back("group");
  }
  if (coin(rng)) {
    rules.previous_team = "origin";
  }
  if (coin(rng)) {
    rules.min_size = 1;
    rules.max_size = static_cast<int>(ids.size());
  }
  return rules;
}

TEST(Split, ExactModeEqualsExhaustiveSearchAndPassesTheChecker) {
  std::mt19937_64 rng(21);
  for (int trial = 0; trial < 60; ++trial) {
    const Pool pool = random_pool(rng, std::uniform_int_distribution<int>(4, 8)(rng));
    const SplitRules rules = random_rules(rng, pool.ids);
    const auto result = split(pool.model, pool.ids, pool.request, rules,
                              {.mode = SolveOptions::Mode::kExact,
                               .time_limit_s = std::numeric_limits<double>::infinity()});
    EXPECT_EQ(check(pool.model, pool.ids, pool.request, rules, result), std::vector<std::string>{});
    const Score best = exhaustive(pool, rules);
    EXPECT_EQ(static_cast<int>(result.violations.size()), best.violations) << trial;
    EXPECT_NEAR(result.worst_coverage, best.worst, 1e-6) << trial;
    EXPECT_NEAR(result.average_coverage, best.average, 1e-6) << trial;
    EXPECT_EQ(result.status, best.violations == 0 ? Status::kOptimal : Status::kInfeasible);
  }
}

TEST(Split, LocalSearchMatchesExactOnSmallPoolsMostOfTheTime) {
  std::mt19937_64 rng(4);
  int equal = 0;
  const int trials = 40;
  for (int trial = 0; trial < trials; ++trial) {
    const Pool pool = random_pool(rng, 10);
    const SplitRules rules = random_rules(rng, pool.ids);
    const auto exact = split(pool.model, pool.ids, pool.request, rules,
                             {.mode = SolveOptions::Mode::kExact,
                              .time_limit_s = std::numeric_limits<double>::infinity()});
    const auto local = split(pool.model, pool.ids, pool.request, rules,
                             {.mode = SolveOptions::Mode::kHeuristic,
                              .time_limit_s = std::numeric_limits<double>::infinity()});
    EXPECT_EQ(check(pool.model, pool.ids, pool.request, rules, local), std::vector<std::string>{});
    EXPECT_NE(local.status, Status::kOptimal);
    equal += (local.violations.size() == exact.violations.size() &&
              std::abs(local.worst_coverage - exact.worst_coverage) < 1e-9)
                 ? 1
                 : 0;
  }
  EXPECT_GE(equal, trials - 2);
}

TEST(Split, LocalSearchKeepsTheRulesOnALargerPoolAndIsDeterministic) {
  std::mt19937_64 rng(8);
  const Pool pool = random_pool(rng, 300);
  SplitRules rules{.teams = 30, .no_lone = {"group"}};
  rules.keep_apart = {{"p0", "p1", "p2"}};
  rules.keep_together = {{"p3", "p4"}};
  const SolveOptions options{.mode = SolveOptions::Mode::kHeuristic,
                             .time_limit_s = std::numeric_limits<double>::infinity()};
  const auto a = split(pool.model, pool.ids, pool.request, rules, options);
  EXPECT_EQ(check(pool.model, pool.ids, pool.request, rules, a), std::vector<std::string>{});
  EXPECT_EQ(a.status, Status::kFeasible);
  EXPECT_GT(a.worst_coverage, 0.5);
  const auto b = split(pool.model, pool.ids, pool.request, rules, options);
  for (std::size_t t = 0; t < a.teams.size(); ++t) {
    EXPECT_EQ(a.teams[t].members, b.teams[t].members);
  }
}

TEST(Split, ConflictingRulesAreReportedWithTheTeamAndThePeople) {
  std::mt19937_64 rng(3);
  const Pool pool = random_pool(rng, 4);
  SplitRules rules{.teams = 2};
  rules.keep_apart = {{"p0", "p1", "p2"}};  // three people apart in two teams: impossible
  const auto result = split(pool.model, pool.ids, pool.request, rules);
  EXPECT_EQ(result.status, Status::kInfeasible);
  ASSERT_EQ(result.violations.size(), 1U);
  EXPECT_NE(result.violations[0].find("together break keep_apart group 1"), std::string::npos)
      << result.violations[0];
}

TEST(Split, BadInputIsATypedError) {
  std::mt19937_64 rng(3);
  const Pool pool = random_pool(rng, 4);
  const auto run = [&](const SplitRules& rules, std::vector<std::string> ids) {
    return split(pool.model, ids, pool.request, rules);
  };
  EXPECT_THROW((void)run({.teams = 0}, pool.ids), OutOfRangeError);
  EXPECT_THROW((void)run({.teams = 2, .min_size = 3}, pool.ids), OutOfRangeError);
  EXPECT_THROW((void)run({.teams = 2}, {"p0", "p0"}), DuplicateIdError);
  EXPECT_THROW((void)run({.teams = 2}, {"zed"}), UnknownReferenceError);
  SplitRules outside{.teams = 2};
  outside.keep_apart = {{"p0", "p9"}};
  EXPECT_THROW((void)run(outside, pool.ids), InvalidInputError);
  SplitRules twice{.teams = 2};
  twice.keep_together = {{"p0", "p1"}, {"p1", "p2"}};
  EXPECT_THROW((void)run(twice, pool.ids), DuplicateIdError);
}

}  // namespace
}  // namespace teamwright::placement
