// The team solver against exhaustive search (brute_force.hpp) on random requests of up to 14
// candidates, feature by feature and all together, in exact and auto mode; every result also
// goes through the independent checker.

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "team/brute_force.hpp"
#include "team/diagnose.hpp"
#include "teamwright/team/check.hpp"
#include "teamwright/team/solve.hpp"

namespace teamwright::team {
namespace {

using Mode = SolveOptions::Mode;

struct Features {
  bool soft = false;      // soft requirements, soft role requirements, a soft penalty
  bool fte = false;       // FTE-counted requirements and part-time people
  bool everyone = false;  // "everyone" requirements
  bool slots = false;     // role slots
  bool leaders = false;   // leader roles, min_leaders and max_leaders
  bool limits = false;    // budget, size bounds
  bool people = false;    // must-include, exclude, incompatible pairs, min_availability
  bool robust = false;
  bool objectives = false;  // min_size, max_coverage, lexicographic
};

struct Case {
  Model model;
  TeamRequest request;
};

Case random_case(std::mt19937& random, const Features& f) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  Framework framework;
  framework.competencies = {{.id = "a"}, {.id = "b"}, {.id = "c", .parents = {"d"}}, {.id = "d"}};
  const std::vector<std::string> names{"a", "b", "c", "d"};
  std::vector<Person> people;
  const int n = pick(1, f.robust || f.slots ? 12 : 14);
  for (int k = 0; k < n; ++k) {
    Person p{.id = "p" + std::to_string(k), .cost = static_cast<double>(pick(1, 20))};
    for (const char* c : {"a", "b", "c"}) {
      if (pick(0, 1) == 1) {
        p.levels[c] = pick(1, 5);
      }
    }
    if (f.fte || f.people) {
      p.availability = pick(0, 4) / 4.0;
    }
    people.push_back(p);
  }
  std::vector<Role> roles;
  roles.push_back({.id = "ra", .requirements = {{.competency = "a", .min_level = 3}}});
  roles.push_back({.id = "rbc",
                   .requirements = {{.competency = "b", .min_level = 2, .importance = 4},
                                    {.competency = "c", .min_level = 2}}});
  roles.push_back({.id = "lead",
                   .requirements = {{.competency = "d", .min_level = 3, .importance = 5}},
                   .leader = f.leaders});
  if (f.leaders) {
    roles.push_back(
        {.id = "boss", .requirements = {{.competency = "a", .min_level = 2}}, .leader = true});
  }
  if (f.soft) {
    roles[0].requirements.push_back(
        {.competency = "b", .min_level = 3, .importance = pick(1, 5), .hard = false});
    roles[2].requirements.push_back(
        {.competency = "c", .min_level = 4, .importance = pick(1, 5), .hard = false});
  }

  TeamRequest request{.id = "r"};
  std::vector<std::pair<std::string, double>> used;
  for (int k = pick(1, 3); k > 0; --k) {
    TeamRequirement r{.competency = names[static_cast<std::size_t>(pick(0, 3))],
                      .min_level = static_cast<double>(pick(1, 5)),
                      .count = pick(1, 2),
                      .importance = pick(1, 5)};
    if (f.fte && pick(0, 1) == 0) {
      r.count = Fte{pick(2, 8) / 4.0};
    } else if (f.everyone && pick(0, 2) == 0) {
      r.count = Everyone{};
      r.min_level = pick(1, 2);
    }
    if (std::find(used.begin(), used.end(), std::pair{r.competency, r.min_level}) != used.end()) {
      continue;  // a competency is required once at a level
    }
    used.emplace_back(r.competency, r.min_level);
    if (f.soft && pick(0, 1) == 0) {
      r.hard = false;
    }
    request.requirements.push_back(r);
  }
  if (f.slots || f.leaders) {
    std::vector<std::string> pool{"ra", "rbc", "lead"};
    if (f.leaders) {
      pool.emplace_back("boss");
    }
    std::shuffle(pool.begin(), pool.end(), random);
    for (int k = pick(f.slots ? 1 : 0, 2); k > 0; --k) {
      request.roles.push_back({.role = pool.back(), .count = pick(1, 2)});
      pool.pop_back();
    }
  }
  if (f.leaders) {
    request.min_leaders = pick(0, 2);
    request.max_leaders = request.min_leaders + pick(0, 1);
  }
  if (f.soft && pick(0, 1) == 0) {
    request.soft_penalty = pick(1, 30);
  }
  if (f.limits) {
    if (pick(0, 1) == 0) {
      request.budget = pick(5, 60);
    }
    if (pick(0, 1) == 0) {
      request.min_size = pick(0, 3);
    }
    if (pick(0, 1) == 0) {
      request.max_size = std::max(1, request.min_size) + pick(0, 3);
    }
  }
  if (f.people) {
    if (n >= 2 && pick(0, 1) == 0) {
      request.incompatible.emplace_back("p0", "p1");
    }
    if (pick(0, 2) == 0) {
      request.must_include.push_back("p" + std::to_string(pick(0, n - 1)));
    }
    if (n >= 3 && pick(0, 2) == 0) {
      request.exclude.emplace_back("p2");
      std::erase(request.must_include, "p2");
    }
    if (pick(0, 2) == 0) {
      request.min_availability = pick(1, 3) / 4.0;
    }
  }
  request.robust = f.robust && pick(0, 1) == 0;
  if (f.objectives) {
    request.objective = static_cast<Objective>(pick(0, 3));
  }
  return {Model(framework, people, roles), request};
}

void expect_matches(const Case& c, const TeamResult& result, const std::string& where) {
  const auto problems = check(c.model, c.request, result);
  EXPECT_TRUE(problems.empty()) << where << ": " << problems.front();
  const auto best = testing::BruteForce(c.model, c.request).solve();
  if (!best) {
    EXPECT_EQ(result.status, Status::kInfeasible) << where;
    EXPECT_TRUE(result.diagnosis.has_value()) << where;
    return;
  }
  ASSERT_EQ(result.status, Status::kOptimal)
      << where << " (exhaustive optimum " << best->objective << ")";
  EXPECT_NEAR(result.objective, best->objective, 1e-6 * std::max(1.0, std::abs(best->objective)))
      << where;
  EXPECT_NEAR(result.bound, best->objective, 1e-6 * std::max(1.0, std::abs(best->objective)))
      << where;
}

const std::vector<std::pair<std::string, Features>> kFeatures = {
    {"plain", {}},
    {"soft", {.soft = true}},
    {"fte", {.fte = true}},
    {"everyone", {.everyone = true}},
    {"slots", {.slots = true}},
    {"leaders", {.leaders = true}},
    {"limits", {.limits = true}},
    {"people", {.people = true}},
    {"robust", {.slots = true, .robust = true}},
    {"objectives", {.soft = true, .slots = true, .objectives = true}},
    {"everything",
     {.soft = true,
      .fte = true,
      .everyone = true,
      .slots = true,
      .leaders = true,
      .limits = true,
      .people = true,
      .robust = true,
      .objectives = true}},
};

TEST(TeamExhaustive, ExactModeEqualsExhaustiveSearchForEveryFeature) {
  int cases = 0;
  for (const auto& [name, features] : kFeatures) {
    std::mt19937 random(2026);
    const int trials = name == "everything" ? 300 : 90;
    for (int trial = 0; trial < trials; ++trial) {
      const Case c = random_case(random, features);
      const TeamResult result =
          solve(c.model, c.request, {.mode = Mode::kExact}, {}, {.replacements = false});
      expect_matches(c, result, name + " trial " + std::to_string(trial));
      ++cases;
    }
  }
  EXPECT_GE(cases, 1000);
}

TEST(TeamExhaustive, AutoModeProvesTheSameOptimaAndExplainsEveryMember) {
  std::mt19937 random(7);
  const Features all{.soft = true,
                     .fte = true,
                     .everyone = true,
                     .slots = true,
                     .leaders = true,
                     .limits = true,
                     .people = true,
                     .robust = true,
                     .objectives = true};
  for (int trial = 0; trial < 150; ++trial) {
    const Case c = random_case(random, all);
    const TeamResult result = solve(c.model, c.request);  // the defaults: auto, 10 s
    expect_matches(c, result, "trial " + std::to_string(trial));
    for (const MemberReport& member : result.members) {
      const auto& must = c.request.must_include;
      if (result.status != Status::kOptimal ||
          std::find(must.begin(), must.end(), c.model.person(member.person).id) != must.end()) {
        continue;
      }
      ASSERT_TRUE(member.replacement.has_value()) << trial;
      // The price of replacement is the exhaustive optimum without the member.
      TeamRequest without = c.request;
      without.exclude.push_back(c.model.person(member.person).id);
      const auto best = testing::BruteForce(c.model, without).solve();
      if (!best) {
        EXPECT_EQ(member.replacement->status, Status::kInfeasible) << trial;
      } else {
        EXPECT_EQ(member.replacement->status, Status::kOptimal) << trial;
        EXPECT_NEAR(member.replacement->objective, best->objective,
                    1e-6 * std::max(1.0, std::abs(best->objective)))
            << trial;
      }
    }
  }
}

TEST(TeamExhaustive, TheConflictOfAnInfeasibleRequestIsMinimal) {
  std::mt19937 random(99);
  const Features all{.fte = true,
                     .everyone = true,
                     .slots = true,
                     .leaders = true,
                     .limits = true,
                     .people = true,
                     .robust = true};
  int diagnosed = 0;
  for (int trial = 0; trial < 300 && diagnosed < 60; ++trial) {
    const Case c = random_case(random, all);
    if (testing::BruteForce(c.model, c.request).solve()) {
      continue;
    }
    const TeamResult result = solve(c.model, c.request);
    ASSERT_EQ(result.status, Status::kInfeasible) << trial;
    ASSERT_TRUE(result.diagnosis.has_value()) << trial;
    const Diagnosis& d = *result.diagnosis;
    EXPECT_TRUE(d.minimal) << trial;
    // Removing any one constraint of the conflict, and every constraint outside it, leaves a
    // request with a team; all of them together have none.
    std::vector<Constraint> others;
    for (const Constraint& x : detail::constraints(c.model, c.request)) {
      if (std::find(d.conflict.begin(), d.conflict.end(), x) == d.conflict.end()) {
        others.push_back(x);
      }
    }
    const TeamRequest core = detail::without(c.request, others);
    EXPECT_FALSE(testing::BruteForce(c.model, core).solve().has_value()) << trial;
    for (const Constraint& x : d.conflict) {
      std::vector<Constraint> dropped = others;
      dropped.push_back(x);
      EXPECT_TRUE(
          testing::BruteForce(c.model, detail::without(c.request, dropped)).solve().has_value())
          << trial << " " << x.text;
    }
    for (const Relaxation& r : d.relaxations) {
      EXPECT_TRUE(r.status == Status::kOptimal || r.status == Status::kFeasible) << trial;
    }
    ++diagnosed;
  }
  EXPECT_GE(diagnosed, 30);
}

}  // namespace
}  // namespace teamwright::team
