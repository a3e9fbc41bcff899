#include "teamwright/io/level_table.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "teamwright/error.hpp"

namespace teamwright::io {
namespace {

TEST(WideLevels, ReadsStridedCellsAndSkipsZeroAndNan) {
  const std::vector<std::string> people{"ana", "ben"};
  const std::vector<std::string> competencies{"sql", "empathy"};
  // Column-major (as a pandas block): (ana, sql)=4, (ben, sql)=NaN, (ana, empathy)=0, (ben,
  // empathy)=3.
  const std::vector<double> cells{4, std::nan(""), 0, 3};
  const auto built = people_from_wide({people, competencies, cells.data(), 1, 2});
  ASSERT_EQ(built.size(), 2U);
  EXPECT_EQ(built[0].id, "ana");
  EXPECT_EQ(built[0].levels, (LevelMap{{"sql", 4}}));
  EXPECT_EQ(built[1].levels, (LevelMap{{"empathy", 3}}));
  // Levels come out in id order, whatever the column order.
  const std::vector<std::string> both{"z", "a"};
  const std::vector<double> row{1, 2};
  const auto sorted = people_from_wide({{people.data(), 1}, both, row.data(), 2, 1});
  EXPECT_EQ(sorted[0].levels.begin()->first, "a");
}

TEST(WideLevels, RepeatedOrEmptyColumnsAreFormatErrors) {
  const std::vector<std::string> people{"p"};
  const std::vector<double> row{1, 2};
  const std::vector<std::string> twice{"a", "a"};
  EXPECT_THROW((void)people_from_wide({people, twice, row.data(), 2, 1}), FormatError);
  const std::vector<std::string> empty{"a", ""};
  EXPECT_THROW((void)people_from_wide({people, empty, row.data(), 2, 1}), FormatError);
}

TEST(LongLevels, AgreedLevelsAndAssessmentsInRowOrder) {
  const std::vector<std::string> people{"ana", "ben"};
  const std::vector<std::string> competencies{"sql"};
  const std::vector<std::string> sources{"peer"};
  const std::vector<std::string> dates{"2026-01-02"};
  const std::vector<std::int64_t> person{0, 1, 1};
  const std::vector<std::int64_t> competency{0, 0, 0};
  const std::vector<double> level{2, 3, 4};
  const std::vector<std::int64_t> source{-1, 0, 0};
  const std::vector<std::int64_t> date{-1, 0, 0};
  const LongLevels rows{people,
                        competencies,
                        sources,
                        dates,
                        {person.data(), 3},
                        {competency.data(), 3},
                        {level.data(), 3},
                        {source.data(), 3},
                        {date.data(), 3},
                        {}};
  const auto built = people_from_long(rows);
  EXPECT_EQ(built[0].levels, (LevelMap{{"sql", 2}}));
  ASSERT_EQ(built[1].assessments.size(), 2U);
  EXPECT_EQ(built[1].assessments[1].level, 4);
  EXPECT_EQ(built[1].assessments[1].date, "2026-01-02");
  EXPECT_EQ(built[1].assessments[1].confidence, 1);
}

TEST(LongLevels, BadRowsNameTheRow) {
  const std::vector<std::string> people{"p"};
  const std::vector<std::string> competencies{"c"};
  const std::vector<std::int64_t> twice{0, 0};
  const std::vector<double> level{1, 2};
  const LongLevels repeated{
      people, competencies, {}, {}, {twice.data(), 2}, {twice.data(), 2}, {level.data(), 2}};
  try {
    (void)people_from_long(repeated);
    FAIL() << "a second agreed level was accepted";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("row 1: person 'p'"), std::string::npos) << e.what();
  }
  const std::vector<std::int64_t> outside{0, 7};
  const LongLevels unknown{
      people, competencies, {}, {}, {twice.data(), 2}, {outside.data(), 2}, {level.data(), 2}};
  EXPECT_THROW((void)people_from_long(unknown), FormatError);
  const LongLevels short_column{
      people, competencies, {}, {}, {twice.data(), 2}, {twice.data(), 1}, {level.data(), 2}};
  EXPECT_THROW((void)people_from_long(short_column), FormatError);
}

TEST(LevelMap, KeepsIdOrderAndTheFirstOfRepeatedIds) {
  LevelMap levels{{"b", 2}, {"a", 1}, {"b", 5}};
  EXPECT_EQ(levels.size(), 2U);
  EXPECT_EQ(levels.begin()->first, "a");
  EXPECT_EQ(levels.find("b")->second, 2);
  levels["c"] = 3;
  EXPECT_TRUE(levels.contains("c"));
  EXPECT_FALSE(levels.emplace("a", 9));
  EXPECT_EQ(levels.find("a")->second, 1);
  EXPECT_EQ(levels.find("z"), levels.end());
}

}  // namespace
}  // namespace teamwright::io
