#include "teamwright/analysis/posting.hpp"

#include <gtest/gtest.h>

#include <string>

#include "teamwright/io/json_results.hpp"

namespace teamwright::analysis {
namespace {

Model model() {
  Framework f;
  f.competencies = {
      {.id = "a", .name = "Alpha"}, {.id = "b", .kind = CompetencyKind::kTalent}, {.id = "c"}};
  std::vector<Role> roles{{.id = "r",
                           .requirements = {{.competency = "a", .min_level = 2, .importance = 2},
                                            {.competency = "b", .min_level = 4, .importance = 5},
                                            {.competency = "c", .min_level = 3, .hard = false}},
                           .responsibilities = {"Do things"}}};
  return {f, {}, roles};
}

TEST(JobPosting, ListsHardThenSoftMostImportantFirstAndMarksTalents) {
  const Model m = model();
  const JobPosting posting = job_posting(m, m.role_id("r"));
  EXPECT_EQ(posting.title, "r");
  ASSERT_EQ(posting.required.size(), 2U);
  EXPECT_EQ(posting.required[0].competency, m.competency_id("b"));
  EXPECT_FALSE(posting.required[0].trainable);
  EXPECT_EQ(posting.required[1].competency, m.competency_id("a"));
  ASSERT_EQ(posting.desirable.size(), 1U);
  EXPECT_EQ(io::job_posting_markdown(m, posting),
            "# r\n\n## Required\n\n"
            "- b: 4 (advanced) or above (a talent: hire for it, training cannot create it)\n"
            "- Alpha: 2 (basic) or above\n\n"
            "## Desirable\n\n- c: 3 (intermediate) or above\n\n"
            "## Responsibilities\n\n- Do things\n");
  const std::string json = io::dump_job_posting(m, posting);
  EXPECT_NE(json.find(R"("label": "advanced")"), std::string::npos) << json;
}

}  // namespace
}  // namespace teamwright::analysis
