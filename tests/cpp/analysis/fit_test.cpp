// The fit matrix against the formula of docs/model.md#fit computed here from effective levels,
// and mismatches against their definition.

#include "teamwright/analysis/fit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"

namespace teamwright::analysis {
namespace {

// The formula, written out again: importance-weighted mean of min(level / min_level, 1).
double formula(const Model& model, PersonId person, const Role& role) {
  double weighted = 0;
  double weights = 0;
  for (const RoleRequirement& r : role.requirements) {
    const double level = model.effective_level(person, model.competency_id(r.competency));
    weighted += r.importance * (r.min_level == 0 ? 1.0 : std::min(1.0, level / r.min_level));
    weights += r.importance;
  }
  return weights == 0 ? 1.0 : weighted / weights;
}

bool qualifies(const Model& model, PersonId person, const Role& role) {
  return std::all_of(role.requirements.begin(), role.requirements.end(), [&](const auto& r) {
    return !r.hard ||
           model.effective_level(person, model.competency_id(r.competency)) >= r.min_level;
  });
}

Model random_model(std::mt19937_64& rng) {
  Framework f;
  const int competencies = std::uniform_int_distribution<int>(1, 5)(rng);
  for (int c = 0; c < competencies; ++c) {
    f.competencies.push_back({.id = "c" + std::to_string(c)});
  }
  std::uniform_int_distribution<int> level(0, 5);
  std::vector<Role> roles;
  const int role_count = std::uniform_int_distribution<int>(1, 4)(rng);
  for (int r = 0; r < role_count; ++r) {
    Role role{.id = "r" + std::to_string(r)};
    for (int c = 0; c < competencies; ++c) {
      if (std::bernoulli_distribution(0.6)(rng)) {
        role.requirements.push_back({.competency = "c" + std::to_string(c),
                                     .min_level = static_cast<double>(level(rng)),
                                     .importance = std::uniform_int_distribution<int>(1, 5)(rng),
                                     .hard = std::bernoulli_distribution(0.5)(rng)});
      }
    }
    roles.push_back(std::move(role));
  }
  std::vector<Person> people;
  const int people_count = std::uniform_int_distribution<int>(0, 6)(rng);
  for (int p = 0; p < people_count; ++p) {
    Person person{.id = "p" + std::to_string(p)};
    for (int c = 0; c < competencies; ++c) {
      if (const int l = level(rng); l > 0) {
        person.levels["c" + std::to_string(c)] = l;
      }
    }
    if (std::bernoulli_distribution(0.7)(rng)) {
      person.current_role =
          "r" + std::to_string(std::uniform_int_distribution<int>(0, role_count - 1)(rng));
    }
    people.push_back(std::move(person));
  }
  return {std::move(f), std::move(people), std::move(roles)};
}

TEST(FitMatrix, EqualsTheFormulaForEveryPersonAndRoleOnRandomModels) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    const Model model = random_model(rng);
    const FitMatrix fit = fit_matrix(model);
    ASSERT_EQ(fit.rows(), static_cast<Eigen::Index>(model.people().size()));
    ASSERT_EQ(fit.cols(), static_cast<Eigen::Index>(model.roles().size()));
    for (std::uint32_t p = 0; p < model.people().size(); ++p) {
      for (std::uint32_t r = 0; r < model.roles().size(); ++r) {
        EXPECT_NEAR(fit(p, r), formula(model, PersonId(p), model.roles()[r]), 1e-12) << trial;
      }
    }
    const std::vector<RoleId> reversed{RoleId(static_cast<std::uint32_t>(model.roles().size() - 1)),
                                       RoleId(0)};
    const FitMatrix some = fit_matrix(model, reversed);
    ASSERT_EQ(some.cols(), 2);
    for (Eigen::Index p = 0; p < some.rows(); ++p) {
      EXPECT_EQ(some(p, 0), fit(p, fit.cols() - 1));
      EXPECT_EQ(some(p, 1), fit(p, 0));
    }
  }
}

TEST(Mismatches, AreExactlyThePeopleTheDefinitionNames) {
  std::mt19937_64 rng(12);
  const MismatchOptions options{.low_fit = 0.8, .margin = 0.1};
  for (int trial = 0; trial < 200; ++trial) {
    const Model model = random_model(rng);
    const auto found = mismatches(model, options);
    std::size_t next = 0;
    for (std::uint32_t p = 0; p < model.people().size(); ++p) {
      const Person& person = model.people()[p];
      double best = -1;
      std::optional<std::uint32_t> best_role;
      double current = 0;
      if (!person.current_role.empty()) {
        const RoleId held = model.role_id(person.current_role);
        current = formula(model, PersonId(p), model.role(held));
        for (std::uint32_t r = 0; r < model.roles().size(); ++r) {
          const double f = formula(model, PersonId(p), model.roles()[r]);
          if (r != held.index() && qualifies(model, PersonId(p), model.roles()[r]) && f > best) {
            best = f;
            best_role = r;
          }
        }
      }
      const bool expected =
          best_role && current < options.low_fit && best >= current + options.margin - 1e-12;
      if (!expected) {
        EXPECT_TRUE(next == found.size() || found[next].person != PersonId(p)) << trial;
        continue;
      }
      ASSERT_LT(next, found.size()) << trial;
      const Mismatch& m = found[next++];
      EXPECT_EQ(m.person, PersonId(p));
      EXPECT_NEAR(m.current_fit, current, 1e-12);
      EXPECT_NEAR(m.better_fit, best, 1e-12);
      EXPECT_TRUE(qualifies(model, PersonId(p), model.role(m.better_role)));
      EXPECT_EQ(m.current.size(), model.role(m.current_role).requirements.size());
    }
    EXPECT_EQ(next, found.size()) << trial;
  }
}

TEST(Mismatches, TheBundledExampleHasOneWithItsEvidenceAndBadOptionsAreTypedErrors) {
  const Model model = io::load_model(std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "examples" /
                                     "customer_service.json");
  const auto found = mismatches(model);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(model.person(found[0].person).id, "p04");
  EXPECT_EQ(model.role(found[0].current_role).id, "customer_voice");
  EXPECT_EQ(model.role(found[0].better_role).id, "operations_manager");
  EXPECT_TRUE(std::none_of(found[0].current.begin(), found[0].current.end(),
                           [](const RequirementEvidence& e) { return e.met(); }));
  EXPECT_THROW((void)mismatches(model, {.low_fit = 0}), OutOfRangeError);
  EXPECT_THROW((void)mismatches(model, {.margin = 1.5}), OutOfRangeError);
}

}  // namespace
}  // namespace teamwright::analysis
