#include "teamwright/model/model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "teamwright/error.hpp"

namespace teamwright {
namespace {

Framework small_framework() {
  Framework f;
  f.competencies = {
      {.id = "communication", .name = "Communication"},
      {.id = "clear_communication", .parents = {"communication"}},
      {.id = "empathy", .kind = CompetencyKind::kTalent},
  };
  return f;
}

// Runs `build` and returns the message of the exception of type E it throws.
template <class E, class Build>
std::string message_of(Build build) {
  try {
    build();
  } catch (const E& error) {
    return error.what();
  } catch (const std::exception& other) {
    return std::string("wrong exception: ") + other.what();
  }
  return "no exception";
}

TEST(Model, IndexesItemsInTheOrderGiven) {
  const Model model(small_framework(), {{.id = "ann"}, {.id = "bob"}});
  EXPECT_EQ(model.competency_id("empathy").index(), 2U);
  EXPECT_EQ(model.person_id("bob").index(), 1U);
  EXPECT_EQ(model.person(PersonId(0)).id, "ann");
  ASSERT_EQ(model.children(model.competency_id("communication")).size(), 1U);
  EXPECT_EQ(model.parents(model.competency_id("clear_communication"))[0],
            model.competency_id("communication"));
}

TEST(Model, LookupOfAMissingIdNamesIt) {
  const Model model(small_framework(), {});
  EXPECT_EQ(message_of<UnknownReferenceError>([&] { (void)model.person_id("zed"); }),
            "unknown person 'zed'");
  EXPECT_EQ(message_of<UnknownReferenceError>([&] { (void)model.request("r"); }),
            "unknown request 'r'");
  EXPECT_EQ(message_of<OutOfRangeError>([&] { (void)model.person(PersonId(3)); }),
            "person index 3 is not in this model (it has 0)");
}

TEST(Model, TalentsAndTraitsAreNotTrainableByDefault) {
  EXPECT_TRUE(Competency{.kind = CompetencyKind::kSkill}.is_trainable());
  EXPECT_TRUE(Competency{.kind = CompetencyKind::kKnowledge}.is_trainable());
  EXPECT_FALSE(Competency{.kind = CompetencyKind::kTalent}.is_trainable());
  EXPECT_FALSE(Competency{.kind = CompetencyKind::kTrait}.is_trainable());
  EXPECT_TRUE((Competency{.kind = CompetencyKind::kTrait, .trainable = true}.is_trainable()));
}

TEST(ModelValidation, RejectsALevelAboveTheScale) {
  EXPECT_EQ(message_of<OutOfRangeError>([] {
              Model(small_framework(), {{.id = "p17", .levels = {{"empathy", 7}}}});
            }),
            "person 'p17': level 7 for 'empathy' exceeds the scale maximum 5");
}

TEST(ModelValidation, RejectsNegativeAndNonFiniteLevels) {
  EXPECT_EQ(message_of<OutOfRangeError>([] {
              Model(small_framework(), {{.id = "p", .levels = {{"empathy", -1}}}});
            }),
            "person 'p': level -1 for 'empathy' is below the scale minimum 0");
  EXPECT_EQ(message_of<OutOfRangeError>([] {
              Model(small_framework(), {{.id = "p", .levels = {{"empathy", std::nan("")}}}});
            }),
            "person 'p': level nan for 'empathy' is not a finite number");
}

// People enough that the model checks them in two halves at once (2^18 levels and more).
std::vector<Person> many_people(std::size_t count) {
  std::vector<Person> people(count);
  for (std::size_t p = 0; p < count; ++p) {
    people[p].id = "p" + std::to_string(p);
    for (int c = 0; c < 20; ++c) {
      people[p].levels.emplace("c" + std::to_string(100 + c), static_cast<double>((p + c) % 6));
    }
  }
  return people;
}

Framework twenty_skills() {
  Framework framework;
  for (int c = 0; c < 20; ++c) {
    framework.competencies.push_back({.id = "c" + std::to_string(100 + c)});
  }
  return framework;
}

TEST(Model, ManyPeopleAreRatedInTheirOrder) {
  const Model model(twenty_skills(), many_people(15'000));
  for (const std::size_t p : {0UL, 7'499UL, 7'500UL, 14'999UL}) {
    const auto rated = model.rated_levels(PersonId(static_cast<std::uint32_t>(p)));
    std::size_t expected = 0;
    for (int c = 0; c < 20; ++c) {
      if ((p + c) % 6 != 0) {
        ASSERT_LT(expected, rated.size());
        EXPECT_EQ(rated[expected].competency.index(), static_cast<std::uint32_t>(c));
        EXPECT_EQ(rated[expected].level, static_cast<double>((p + c) % 6));
        ++expected;
      }
    }
    EXPECT_EQ(rated.size(), expected) << "person " << p;
  }
}

TEST(ModelValidation, OfManyBadPeopleTheFirstIsNamed) {
  std::vector<Person> people = many_people(15'000);
  people[12'000].levels["c105"] = 9;
  EXPECT_EQ(message_of<OutOfRangeError>([&] { Model(twenty_skills(), people); }),
            "person 'p12000': level 9 for 'c105' exceeds the scale maximum 5");
  people[3'000].levels["c103"] = -2;
  EXPECT_EQ(message_of<OutOfRangeError>([&] { Model(twenty_skills(), people); }),
            "person 'p3000': level -2 for 'c103' is below the scale minimum 0");
}

TEST(ModelValidation, RejectsALevelForAnUnknownCompetency) {
  EXPECT_EQ(message_of<UnknownReferenceError>([] {
              Model(small_framework(), {{.id = "p", .levels = {{"empaty", 3}}}});
            }),
            "person 'p': level names unknown competency 'empaty'");
}

TEST(ModelValidation, RejectsDuplicateIds) {
  EXPECT_EQ(message_of<DuplicateIdError>([] {
              Model(small_framework(), {{.id = "ann"}, {.id = "bob"}, {.id = "ann"}});
            }),
            "person 'ann': duplicate id (#1 and #3)");
  Framework f = small_framework();
  f.competencies.push_back({.id = "empathy"});
  EXPECT_EQ(message_of<DuplicateIdError>([&] { Model(f, {}); }),
            "competency 'empathy': duplicate id (#3 and #4)");
}

TEST(ModelValidation, RejectsEmptyIds) {
  EXPECT_EQ(message_of<FormatError>([] { Model(small_framework(), {{.id = ""}}); }),
            "person #1: id must not be empty");
}

TEST(ModelValidation, RejectsNegativeOrNonFiniteCost) {
  EXPECT_EQ(
      message_of<OutOfRangeError>([] { Model(small_framework(), {{.id = "p", .cost = -5}}); }),
      "person 'p': cost -5 must be a number from 0 to 1e15");
  EXPECT_EQ(message_of<OutOfRangeError>([] {
              Model(small_framework(),
                    {{.id = "p", .cost = std::numeric_limits<double>::infinity()}});
            }),
            "person 'p': cost inf must be a number from 0 to 1e15");
  // A cost so large that sums over the team would overflow is refused when the model is built.
  EXPECT_EQ(
      message_of<OutOfRangeError>([] { Model(small_framework(), {{.id = "p", .cost = 1e308}}); }),
      "person 'p': cost 1e+308 must be a number from 0 to 1e15");
}

TEST(ModelValidation, RejectsAvailabilityOutsideZeroToOne) {
  EXPECT_EQ(message_of<OutOfRangeError>(
                [] { Model(small_framework(), {{.id = "p", .availability = 1.5}}); }),
            "person 'p': availability 1.5 is outside [0, 1]");
  EXPECT_NO_THROW(Model(small_framework(), {{.id = "p", .availability = 0}}));
}

TEST(ModelValidation, RejectsBadAssessments) {
  auto with = [](Assessment a) {
    return Model(small_framework(), {{.id = "p", .assessments = {a}}});
  };
  EXPECT_EQ(message_of<FormatError>(
                [&] { with({.competency = "empathy", .level = 3, .date = "2026-13-01"}); }),
            "person 'p': assessment #1 of 'empathy': date '2026-13-01' is not a calendar date "
            "YYYY-MM-DD");
  EXPECT_EQ(message_of<FormatError>(
                [&] { with({.competency = "empathy", .level = 3, .date = "2025-02-29"}); }),
            "person 'p': assessment #1 of 'empathy': date '2025-02-29' is not a calendar date "
            "YYYY-MM-DD");
  EXPECT_EQ(message_of<OutOfRangeError>([&] {
              with({.competency = "empathy", .level = 3, .date = "2026-01-01", .confidence = 0});
            }),
            "person 'p': assessment #1 of 'empathy': confidence 0 is outside (0, 1]");
  EXPECT_EQ(message_of<OutOfRangeError>(
                [&] { with({.competency = "empathy", .level = 6, .date = "2026-01-01"}); }),
            "person 'p': assessment #1: level 6 for 'empathy' exceeds the scale maximum 5");
  EXPECT_EQ(message_of<UnknownReferenceError>(
                [&] { with({.competency = "x", .level = 1, .date = "2026-01-01"}); }),
            "person 'p': assessment #1: it names unknown competency 'x'");
}

TEST(ModelValidation, RejectsACyclicHierarchyNamingTheCycle) {
  Framework f;
  f.competencies = {{.id = "a", .parents = {"c"}},
                    {.id = "b", .parents = {"a"}},
                    {.id = "c", .parents = {"b"}},
                    {.id = "d"}};
  EXPECT_EQ(message_of<CyclicHierarchyError>([&] { Model(f, {}); }),
            "competency hierarchy is cyclic: 'a' -> 'c' -> 'b' -> 'a' (each is listed as a parent "
            "of the one before)");
  f.competencies = {{.id = "a", .parents = {"a"}}};
  EXPECT_EQ(message_of<CyclicHierarchyError>([&] { Model(f, {}); }),
            "competency 'a' is listed as its own parent");
}

TEST(ModelValidation, RejectsUnknownAndRepeatedParents) {
  Framework f;
  f.competencies = {{.id = "a", .parents = {"zz"}}};
  EXPECT_EQ(message_of<UnknownReferenceError>([&] { Model(f, {}); }),
            "competency 'a': parent 'zz' is not a competency");
  f.competencies = {{.id = "a"}, {.id = "b", .parents = {"a", "a"}}};
  EXPECT_EQ(message_of<DuplicateIdError>([&] { Model(f, {}); }),
            "competency 'b': parent 'a' is listed twice");
}

TEST(ModelValidation, RejectsBadRelations) {
  Framework f = small_framework();
  f.relations = {{.from = "empathy", .to = "communication", .factor = 1.5}};
  EXPECT_EQ(message_of<OutOfRangeError>([&] { Model(f, {}); }),
            "relation 'empathy' -> 'communication': factor 1.5 is outside (0, 1]");
  f.relations = {{.from = "empathy", .to = "empathy", .factor = 0.5}};
  EXPECT_EQ(message_of<InvalidInputError>([&] { Model(f, {}); }),
            "relation 'empathy' -> 'empathy': a competency cannot be related to itself");
  f.relations = {{.from = "empathy", .to = "nope", .factor = 0.5}};
  EXPECT_EQ(message_of<UnknownReferenceError>([&] { Model(f, {}); }),
            "relation 'empathy' -> 'nope': 'to' names unknown competency 'nope'");
  f.relations = {{.from = "empathy", .to = "communication"},
                 {.from = "empathy", .to = "communication"}};
  EXPECT_EQ(message_of<DuplicateIdError>([&] { Model(f, {}); }),
            "relation 'empathy' -> 'communication': listed twice");
}

TEST(ModelValidation, RejectsABadScale) {
  Framework f = small_framework();
  f.scale.labels = {"only"};
  EXPECT_EQ(message_of<InvalidInputError>([&] { Model(f, {}); }),
            "scale: needs at least 2 levels, got 1");
  f.scale.labels = {"none", "some", "none"};
  EXPECT_EQ(message_of<DuplicateIdError>([&] { Model(f, {}); }),
            "scale: label 'none' is used for levels 0 and 2");
}

TEST(ModelValidation, ChecksLevelsAgainstACustomScale) {
  Framework f = small_framework();
  f.scale.labels = {"no", "yes"};
  EXPECT_EQ(message_of<OutOfRangeError>([&] {
              Model(f, {{.id = "p", .levels = {{"empathy", 2}}}});
            }),
            "person 'p': level 2 for 'empathy' exceeds the scale maximum 1");
}

TEST(ModelValidation, RejectsBadRoles) {
  Role role{.id = "lead",
            .requirements = {{.competency = "empathy", .min_level = 3, .importance = 9}}};
  EXPECT_EQ(message_of<OutOfRangeError>([&] { Model(small_framework(), {}, {role}); }),
            "role 'lead': requirement #1 ('empathy'): importance 9 is outside 1-5");
  role.requirements = {{.competency = "empathy", .min_level = 3},
                       {.competency = "empathy", .min_level = 4}};
  EXPECT_EQ(message_of<DuplicateIdError>([&] { Model(small_framework(), {}, {role}); }),
            "role 'lead': competency 'empathy' is required twice");
  role.requirements = {{.competency = "empathy", .min_level = 8}};
  EXPECT_EQ(message_of<OutOfRangeError>([&] { Model(small_framework(), {}, {role}); }),
            "role 'lead': min_level 8 for 'empathy' exceeds the scale maximum 5");
}

TEST(ModelValidation, RejectsRequestsThatBreakRules) {
  const std::vector<Person> people{{.id = "ann"}, {.id = "bob"}};
  const std::vector<Role> roles{{.id = "lead"}};
  auto check = [&](const TeamRequest& request) {
    Model(small_framework(), people, roles, {request});
  };
  EXPECT_EQ(message_of<UnknownReferenceError>([&] {
              check({.id = "r", .requirements = {{.competency = "nope", .min_level = 1}}});
            }),
            "request 'r': requirement #1: it names unknown competency 'nope'");
  EXPECT_EQ(
      message_of<OutOfRangeError>([&] {
        check({.id = "r", .requirements = {{.competency = "empathy", .min_level = 1, .count = 0}}});
      }),
      "request 'r': requirement #1 ('empathy'): count 0 is below 1");
  EXPECT_EQ(
      message_of<UnknownReferenceError>([&] { check({.id = "r", .roles = {{.role = "boss"}}}); }),
      "request 'r': role slot names unknown role 'boss'");
  EXPECT_EQ(message_of<DuplicateIdError>([&] {
              check({.id = "r", .roles = {{.role = "lead"}, {.role = "lead"}}});
            }),
            "request 'r': role 'lead' has two slots");
  EXPECT_EQ(message_of<OutOfRangeError>([&] { check({.id = "r", .min_size = 3, .max_size = 2}); }),
            "request 'r': max_size 2 is below min_size 3");
  EXPECT_EQ(message_of<OutOfRangeError>([&] { check({.id = "r", .budget = -1.0}); }),
            "request 'r': budget -1 must be a number from 0 to 1e15");
  EXPECT_EQ(message_of<UnknownReferenceError>([&] { check({.id = "r", .must_include = {"zed"}}); }),
            "request 'r': must_include names unknown person 'zed'");
  EXPECT_EQ(message_of<InvalidInputError>(
                [&] { check({.id = "r", .must_include = {"ann"}, .exclude = {"ann"}}); }),
            "request 'r': person 'ann' is both in must_include and in exclude");
  EXPECT_EQ(message_of<DuplicateIdError>([&] {
              check({.id = "r", .exclude = {"bob", "bob"}});
            }),
            "request 'r': exclude lists 'bob' twice");
  EXPECT_EQ(message_of<InvalidInputError>([&] {
              check({.id = "r", .incompatible = {{"ann", "ann"}}});
            }),
            "request 'r': incompatible pair names 'ann' twice");
  EXPECT_EQ(message_of<DuplicateIdError>([&] {
              check({.id = "r", .incompatible = {{"ann", "bob"}, {"bob", "ann"}}});
            }),
            "request 'r': incompatible pair 'bob', 'ann' is listed twice");
  EXPECT_EQ(message_of<DuplicateIdError>([&] {
              check({.id = "r",
                     .requirements = {{.competency = "empathy", .min_level = 2},
                                      {.competency = "empathy", .min_level = 2, .count = 2}}});
            }),
            "request 'r': competency 'empathy' at level 2 is required twice");
}

TEST(ModelValidation, AnInfeasibleRequestIsNotAnError) {
  // Asking for three people at level 5 when nobody has it is a request, not bad input.
  EXPECT_NO_THROW(Model(
      small_framework(), {{.id = "ann"}}, {},
      {{.id = "r", .requirements = {{.competency = "empathy", .min_level = 5, .count = 3}}}}));
}

TEST(Model, EqualityComparesTheItems) {
  const Model a(small_framework(), {{.id = "ann", .cost = 3}});
  const Model b(small_framework(), {{.id = "ann", .cost = 3}});
  const Model c(small_framework(), {{.id = "ann", .cost = 4}});
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

}  // namespace
}  // namespace teamwright
