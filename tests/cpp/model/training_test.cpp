// Training terms (competency terms with a person's overrides) and the development policy: what
// the file format holds for planning gap closure.

#include <gtest/gtest.h>

#include <string>

#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/model/model.hpp"

namespace teamwright {
namespace {

Framework framework() {
  Framework f;
  f.competencies = {
      {.id = "spanish", .kind = CompetencyKind::kKnowledge, .training = TrainingTerms{1500, 12}},
      {.id = "writing"},  // trainable, but no terms
      {.id = "empathy", .kind = CompetencyKind::kTalent},
  };
  return f;
}

std::string error_of(Framework f, std::vector<Person> people) {
  try {
    (void)Model(std::move(f), std::move(people));
  } catch (const Error& e) {
    return e.what();
  }
  return "accepted";
}

TEST(TrainingTerms, APersonsOverrideReplacesTheCompetencysTermsFieldByField) {
  const Model m(
      framework(),
      {{.id = "a", .training = {{"spanish", {.cost_per_level = 600}}}},
       {.id = "b"},
       {.id = "c", .training = {{"writing", {.cost_per_level = 50, .weeks_per_level = 1}}}}});
  const auto terms = [&](const char* person, const char* competency) {
    return m.training_terms(m.person_id(person), m.competency_id(competency));
  };
  EXPECT_EQ(terms("a", "spanish"), (TrainingTerms{600, 12}));
  EXPECT_EQ(terms("b", "spanish"), (TrainingTerms{1500, 12}));
  EXPECT_FALSE(terms("b", "writing"));  // no terms anywhere: cannot be planned
  EXPECT_EQ(terms("c", "writing"), (TrainingTerms{50, 1}));
  EXPECT_FALSE(terms("a", "empathy"));  // a talent is never trained
}

TEST(TrainingTerms, TalentsCannotHaveThemAndTermsMustBeFiniteAndNonNegative) {
  Framework f = framework();
  f.competencies[2].training = TrainingTerms{100, 2};
  EXPECT_EQ(error_of(f, {}),
            "competency 'empathy': training is given, but a talent that is not trainable is never "
            "closed by training");
  f = framework();
  f.competencies[0].training = TrainingTerms{-1, 2};
  EXPECT_EQ(error_of(f, {}),
            "competency 'spanish': training: cost_per_level -1 must be a number from 0 to 1e15");
  EXPECT_EQ(error_of(framework(), {{.id = "a", .training = {{"empathy", {.cost_per_level = 1}}}}}),
            "person 'a': training for 'empathy': a talent that is not trainable is never closed "
            "by training");
  EXPECT_EQ(error_of(framework(), {{.id = "a", .training = {{"chess", {}}}}}),
            "person 'a': training names unknown competency 'chess'");
  f = framework();
  f.development.review_every_weeks = 0;
  EXPECT_EQ(error_of(f, {}), "development: review_every_weeks 0 must be a finite number > 0");
}

TEST(TrainingTerms, TheDocumentCarriesThemAndReadsThemBack) {
  Framework f = framework();
  f.development.review_every_weeks = 2;
  const Model m(f, {{.id = "a", .training = {{"spanish", {.weeks_per_level = 6}}}}});
  const Model back = io::parse_model(io::dump_model(m));
  EXPECT_EQ(back, m);
  EXPECT_EQ(back.framework().development.review_every_weeks, 2);
  EXPECT_EQ(back.training_terms(back.person_id("a"), back.competency_id("spanish")),
            (TrainingTerms{1500, 6}));
}

}  // namespace
}  // namespace teamwright
