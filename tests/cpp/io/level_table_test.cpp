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
  const auto columns = matrix_columns(cells.data(), 2, 2, 1, 2);
  const auto built = people_from_wide({people, competencies, columns});
  ASSERT_EQ(built.size(), 2U);
  EXPECT_EQ(built[0].id, "ana");
  EXPECT_EQ(built[0].levels, (LevelMap{{"sql", 4}}));
  EXPECT_EQ(built[1].levels, (LevelMap{{"empathy", 3}}));
  // Levels come out in id order, whatever the column order.
  const std::vector<std::string> both{"z", "a"};
  const std::vector<double> row{1, 2};
  const auto row_columns = matrix_columns(row.data(), 1, 2, 2, 1);
  const auto sorted = people_from_wide({{people.data(), 1}, both, row_columns});
  EXPECT_EQ(sorted[0].levels.begin()->first, "a");
}

TEST(WideLevels, RepeatedOrEmptyColumnsAreFormatErrors) {
  const std::vector<std::string> people{"p"};
  const std::vector<double> row{1, 2};
  const auto columns = matrix_columns(row.data(), 1, 2, 2, 1);
  const std::vector<std::string> twice{"a", "a"};
  EXPECT_THROW((void)people_from_wide({people, twice, columns}), FormatError);
  const std::vector<std::string> empty{"a", ""};
  EXPECT_THROW((void)people_from_wide({people, empty, columns}), FormatError);
}

TEST(WideLevels, IntegerColumnsReadAsRealOnesAndLengthsMustMatch) {
  const std::vector<std::string> people{"ana", "ben", "cai"};
  const std::vector<std::string> competencies{"sql", "empathy"};
  const std::vector<std::int64_t> sql{0, 3, 5};
  const std::vector<double> empathy{2.5, std::nan(""), 0};
  const std::vector<WideColumn> columns{StridedView<std::int64_t>{sql.data(), 3},
                                        StridedView<double>{empathy.data(), 3}};
  const auto built = people_from_wide({people, competencies, columns});
  EXPECT_EQ(built[0].levels, (LevelMap{{"empathy", 2.5}}));
  EXPECT_EQ(built[1].levels, (LevelMap{{"sql", 3}}));
  EXPECT_EQ(built[2].levels, (LevelMap{{"sql", 5}}));
  const std::vector<WideColumn> short_column{StridedView<std::int64_t>{sql.data(), 3},
                                             StridedView<double>{empathy.data(), 2}};
  try {
    (void)people_from_wide({people, competencies, short_column});
    FAIL() << "a short column was accepted";
  } catch (const FormatError& e) {
    EXPECT_STREQ(e.what(), "column 'empathy' has 2 values for 3 people");
  }
  EXPECT_THROW((void)people_from_wide({people, competencies, {columns.data(), 1}}), FormatError);
}

// A table large enough to be read in blocks and halves, by row and by column, against a plain
// reading of each cell.
TEST(WideLevels, LargeTablesReadAsCellByCell) {
  constexpr std::size_t kRows = 3'001;
  constexpr std::size_t kColumns = 1'500;
  std::vector<std::string> people(kRows);
  std::vector<std::string> competencies(kColumns);
  for (std::size_t r = 0; r < kRows; ++r) {
    people[r] = "p" + std::to_string(r);
  }
  for (std::size_t c = 0; c < kColumns; ++c) {
    competencies[c] = "c" + std::to_string(kColumns - c);  // not in id order
  }
  std::vector<double> cells(kRows * kColumns);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::size_t mix = (i * 2'654'435'761U) % 97;
    cells[i] = mix < 5 ? static_cast<double>(mix + 1) : (mix < 50 ? 0.0 : std::nan(""));
  }
  const auto by_row = matrix_columns(cells.data(), kRows, kColumns, kColumns, 1);
  const auto by_column = matrix_columns(cells.data(), kRows, kColumns, 1, kRows);
  const auto rows = people_from_wide({people, competencies, by_row});
  const auto columns = people_from_wide({people, competencies, by_column});
  for (std::size_t r = 0; r < kRows; ++r) {
    LevelMap expected;
    for (std::size_t c = 0; c < kColumns; ++c) {
      const double level = cells[r * kColumns + c];
      if (level != 0 && !std::isnan(level)) {
        expected[competencies[c]] = level;
      }
    }
    ASSERT_EQ(rows[r].levels, expected) << "row " << r;
    ASSERT_EQ(rows[r].id, people[r]);
    // Read by column, the same cells are (r, c) = cells[c * kRows + r]: compare with the
    // transposed reading.
    LevelMap transposed;
    for (std::size_t c = 0; c < kColumns; ++c) {
      const double level = cells[c * kRows + r];
      if (level != 0 && !std::isnan(level)) {
        transposed[competencies[c]] = level;
      }
    }
    ASSERT_EQ(columns[r].levels, transposed) << "row " << r;
  }
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
