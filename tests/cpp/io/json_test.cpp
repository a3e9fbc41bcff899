#include "teamwright/io/json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/text_file.hpp"
#include "teamwright/error.hpp"

namespace teamwright::io {
namespace {

const std::filesystem::path kExample =
    std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "examples" / "customer_service.json";

template <class E>
std::string parse_error(const std::string& text) {
  try {
    (void)parse_model(text);
  } catch (const E& error) {
    return error.what();
  } catch (const std::exception& other) {
    return std::string("wrong exception: ") + other.what();
  }
  return "no exception";
}

// A document with one competency and the given people array.
std::string with_people(const std::string& people) {
  return R"({"format": "teamwright", "version": 1,
             "competencies": [{"id": "empathy", "kind": "talent"}], "people": )" +
         people + "}";
}

Model everything_set() {
  Framework f;
  f.scale.labels = {"none", "aware", "able", "expert"};
  f.competencies = {
      {.id = "comm",
       .name = "Communication",
       .kind = CompetencyKind::kSkill,
       .description = "Talking."},
      {.id = "clear", .kind = CompetencyKind::kTrait, .trainable = true, .parents = {"comm"}},
      {.id = "data", .kind = CompetencyKind::kKnowledge, .trainable = false}};
  f.relations = {{.from = "data", .to = "comm", .factor = 0.25}};
  Person ann{.id = "ann",
             .name = "Ann Lee",
             .levels = {{"clear", 2.5}, {"data", 3}},
             .assessments = {{"comm", 2, AssessmentSource::kPeer, "2026-02-28", 0.75},
                             {"comm", 3, AssessmentSource::kSelf, "2026-03-01", 1}},
             .cost = 1234.5,
             .availability = 0.5,
             .external = true,
             .attributes = {{"flag", true},
                            {"count", std::int64_t{2}},
                            {"ratio", 2.0},
                            {"city", std::string("Oslo")}}};
  Role lead{.id = "lead",
            .name = "Lead",
            .description = "Leads.",
            .requirements = {{.competency = "comm", .min_level = 2, .importance = 5},
                             {.competency = "data", .min_level = 1, .hard = false}},
            .responsibilities = {"Plan", "Review"},
            .leader = true};
  TeamRequest request{
      .id = "r",
      .name = "R",
      .description = "All of it.",
      .requirements =
          {{.competency = "comm", .min_level = 1.5, .count = Everyone{}},
           {.competency = "data", .min_level = 2, .count = 2, .importance = 1, .hard = false}},
      .roles = {{.role = "lead", .count = 2}},
      .min_size = 0,
      .max_size = 4,
      .budget = 99.5,
      .must_include = {"ann"},
      .exclude = {"bob"},
      .incompatible = {{"ann", "bob"}},
      .objective = Objective::kMinSize,
      .soft_penalty = 7};
  return Model(f, {ann, {.id = "bob"}}, {lead}, {request});
}

TEST(Json, LoadsTheBundledExample) {
  const Model model = load_model(kExample);
  EXPECT_EQ(model.competencies().size(), 14U);
  EXPECT_EQ(model.people().size(), 30U);
  EXPECT_EQ(model.roles().size(), 4U);
  EXPECT_EQ(model.requests().size(), 3U);
  EXPECT_TRUE(model.role(model.role_id("team_lead")).leader);
  // Tom's motivation is aggregated: manager 4 and peer 4 outvote his self-rating of 5.
  EXPECT_DOUBLE_EQ(
      model.rated_level(model.person_id("p02"), model.competency_id("motivating_others")), 4.0);
}

TEST(Json, SaveThenLoadRoundTripsExactly) {
  const Model model = load_model(kExample);
  const std::string text = dump_model(model);
  const Model again = parse_model(text);
  EXPECT_EQ(again, model);
  EXPECT_EQ(dump_model(again), text);
}

TEST(Json, RoundTripsEveryFieldAwayFromItsDefault) {
  const Model model = everything_set();
  const std::string text = dump_model(model);
  const Model again = parse_model(text);
  EXPECT_EQ(again, model);
  EXPECT_EQ(dump_model(again), text);
  // A real-valued attribute stays real, an integer stays an integer.
  EXPECT_EQ(std::get<double>(again.people()[0].attributes.at("ratio")), 2.0);
  EXPECT_EQ(std::get<std::int64_t>(again.people()[0].attributes.at("count")), 2);
}

TEST(Json, LeavesDefaultsOutOfTheCanonicalDocument) {
  const Model model = parse_model(with_people(R"([{"id": "p1"}])"));
  EXPECT_EQ(dump_model(model),
            "{\n  \"format\": \"teamwright\",\n  \"version\": 1,\n  \"competencies\": [\n    {\n"
            "      \"id\": \"empathy\",\n      \"kind\": \"talent\"\n    }\n  ],\n"
            "  \"people\": [\n    {\n      \"id\": \"p1\"\n    }\n  ]\n}\n");
}

TEST(Json, RejectsMalformedJsonWithItsPosition) {
  EXPECT_EQ(parse_error<FormatError>("{\"format\": \"teamwright\",\n \"version\": }"),
            "malformed JSON: parse error at line 2, column 13: syntax error while parsing value - "
            "unexpected '}'; expected '[', '{', or a literal");
}

TEST(Json, RejectsRepeatedKeys) {
  EXPECT_EQ(parse_error<FormatError>(with_people(R"([{"id": "p1", "cost": 1, "cost": 2}])")),
            "malformed JSON: an object has the key 'cost' twice");
}

// Seconds to parse `text`, the fastest of three.
double parse_seconds(const std::string& text) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    (void)parse_model(text);
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

std::string many_people(int count) {
  std::string text = R"({"format": "teamwright", "version": 1, "competencies": [{"id": "a"}],)"
                     R"( "people": [)";
  for (int i = 0; i < count; ++i) {
    text += (i ? ", " : "") + std::string(R"({"id": "p)") + std::to_string(i) + R"("})";
  }
  return text + "]}";
}

std::string many_attributes(int count) {
  std::string text = R"({"format": "teamwright", "version": 1, "competencies": [{"id": "a"}],)"
                     R"( "people": [{"id": "p", "attributes": {)";
  for (int i = 0; i < count; ++i) {
    text += (i ? ", " : "") + std::string("\"k") + std::to_string(i) + "\": " + std::to_string(i);
  }
  return text + "}}]}";
}

TEST(Json, LoadsGrowLinearlyWithTheItems) {
  // Ten times the items within 30 times the time (a square law would take 100 times).
  EXPECT_LT(parse_seconds(many_people(100'000)), 30 * parse_seconds(many_people(10'000)) + 0.05);
  EXPECT_LT(parse_seconds(many_attributes(50'000)),
            30 * parse_seconds(many_attributes(5'000)) + 0.05);
  // A repeated key among many is still found.
  std::string twice = many_attributes(50'000);
  twice.insert(twice.rfind('}') - 2, R"(, "k7": 0)");
  EXPECT_THROW((void)parse_model(twice), FormatError);
}

TEST(Json, RejectsWrongTypesNamingTheItemAndField) {
  EXPECT_EQ(parse_error<FormatError>(with_people(R"([{"id": "p1", "cost": "cheap"}])")),
            "person 'p1': field 'cost' must be a number, got string \"cheap\"");
  EXPECT_EQ(parse_error<FormatError>(with_people(R"([{"id": "p1", "external": 1}])")),
            "person 'p1': field 'external' must be true or false, got number 1");
  EXPECT_EQ(
      parse_error<FormatError>(with_people(R"([{"id": "p1", "levels": {"empathy": "high"}}])")),
      "person 'p1': level for 'empathy' must be a number, got string \"high\"");
  EXPECT_EQ(parse_error<FormatError>(with_people(R"({"id": "p1"})")),
            "document: field 'people' must be an array, got object");
  EXPECT_EQ(parse_error<FormatError>(with_people(R"([{"id": 7}])")),
            "document: field 'people' item 1: field 'id' must be a string, got number 7");
  EXPECT_EQ(parse_error<FormatError>(with_people(R"([{"id": "p1", "attributes": {"x": [1]}}])")),
            "person 'p1': attribute 'x' must be a string, number or boolean, got array");
}

TEST(Json, RejectsMissingAndUnknownFields) {
  EXPECT_EQ(parse_error<FormatError>(with_people(R"([{"name": "Ann"}])")),
            "document: field 'people' item 1: missing required field 'id'");
  EXPECT_EQ(parse_error<FormatError>(with_people(R"([{"id": "p1", "avialability": 1}])")),
            "person 'p1': unknown field 'avialability'");
  EXPECT_EQ(parse_error<FormatError>(R"({"format": "teamwright", "version": 1})"),
            "document: missing required field 'competencies'");
  EXPECT_EQ(parse_error<FormatError>(R"({"version": 1, "competencies": []})"),
            "document: missing required field 'format'");
}

TEST(Json, RejectsOtherVersionsAndFormats) {
  EXPECT_EQ(
      parse_error<FormatError>(R"({"format": "teamwright", "version": 2, "competencies": []})"),
      "document: format version 2 is not supported; this build reads version 1");
  EXPECT_EQ(parse_error<FormatError>(R"({"format": "teamwright", "competencies": []})"),
            "document: format version is missing; this build reads version 1");
  EXPECT_EQ(parse_error<FormatError>(R"({"format": "other", "version": 1, "competencies": []})"),
            "document: field 'format' must be \"teamwright\", got 'other'");
}

TEST(Json, RejectsUnknownEnumerationValues) {
  EXPECT_EQ(
      parse_error<FormatError>(
          R"({"format": "teamwright", "version": 1, "competencies": [{"id": "a", "kind": "gift"}]})"),
      "competency 'a': field 'kind' must be one of skill, knowledge, talent, trait, got 'gift'");
  const std::string request =
      R"({"format": "teamwright", "version": 1, "competencies": [{"id": "a"}],
      "requests": [{"id": "r", "requirements": [{"competency": "a", "min_level": 1, "count": "all"}]}]})";
  EXPECT_EQ(parse_error<FormatError>(request),
            "request 'r': field 'requirements' item 1: field 'count' must be an integer or "
            "\"everyone\", got string \"all\"");
}

TEST(Json, AppliesTheModelRulesWithTheSameMessages) {
  EXPECT_EQ(
      parse_error<OutOfRangeError>(with_people(R"([{"id": "p17", "levels": {"empathy": 7}}])")),
      "person 'p17': level 7 for 'empathy' exceeds the scale maximum 5");
  EXPECT_EQ(parse_error<DuplicateIdError>(with_people(R"([{"id": "p1"}, {"id": "p1"}])")),
            "person 'p1': duplicate id (#1 and #2)");
  EXPECT_EQ(
      parse_error<FormatError>(with_people(R"([{"id": "p1", "levels": {"empathy": 2.5e400}}])")),
      "malformed JSON: number overflow parsing '2.5e400'");
}

TEST(Json, ParsesARequestOnItsOwn) {
  const TeamRequest request = parse_request(
      R"({"id": "r", "requirements": [{"competency": "a", "min_level": 2, "count": "everyone"}],
          "objective": "min_size", "incompatible": [["x", "y"]]})");
  EXPECT_EQ(request.objective, Objective::kMinSize);
  EXPECT_TRUE(std::holds_alternative<Everyone>(request.requirements.at(0).count));
  EXPECT_EQ(request.incompatible.at(0), (std::pair<std::string, std::string>{"x", "y"}));
}

class Files : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("teamwright-io-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(Files, SaveReplacesTheFileWholeAndLeavesNoTemporaryBehind) {
  const auto path = dir_ / "model.json";
  std::ofstream(path) << "old content";
  const Model model = everything_set();
  save_model(model, path);
  EXPECT_EQ(load_model(path), model);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_),
                          std::filesystem::directory_iterator()),
            1);
}

TEST_F(Files, DirectoriesEndlessDevicesAndLinksAreHandled) {
  try {
    (void)load_model(dir_);
    FAIL() << "a directory loaded";
  } catch (const FileError& e) {
    EXPECT_NE(std::string(e.what()).find("it is a directory"), std::string::npos) << e.what();
  }
  try {
    (void)detail::read_text("/dev/zero", std::size_t{1} << 20);
    FAIL() << "an endless device was read";
  } catch (const FileError& e) {
    EXPECT_NE(std::string(e.what()).find("input limit"), std::string::npos) << e.what();
  }
  const Model model = everything_set();
  const auto target = dir_ / "real.json";
  const auto link = dir_ / "link.json";
  save_model(model, target);
  std::filesystem::create_symlink(target, link);
  save_model(model, link);
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(load_model(link), model);
  EXPECT_THROW(save_model(model, dir_), FileError);
}

TEST_F(Files, AFailedSaveLeavesTheOldFileAsItWas) {
  const auto target = dir_ / "taken";
  std::filesystem::create_directories(target / "inside");  // a non-empty directory: rename fails
  EXPECT_THROW(save_model(everything_set(), target), FileError);
  EXPECT_TRUE(std::filesystem::is_directory(target / "inside"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_),
                          std::filesystem::directory_iterator()),
            1);
}

TEST_F(Files, ReportsFilesThatCannotBeReadOrWritten) {
  try {
    (void)load_model(dir_ / "missing.json");
    FAIL() << "no exception";
  } catch (const FileError& error) {
    EXPECT_EQ(std::string(error.what()),
              "cannot read '" + (dir_ / "missing.json").string() + "': No such file or directory");
  }
  EXPECT_THROW(save_model(everything_set(), dir_ / "no" / "such" / "dir.json"), FileError);
}

}  // namespace
}  // namespace teamwright::io
