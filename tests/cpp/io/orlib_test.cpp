#include "teamwright/io/orlib.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "teamwright/error.hpp"
#include "teamwright/io/cover_file.hpp"

namespace teamwright::io {
namespace {

std::string error_of(std::string_view text) {
  try {
    (void)parse_orlib_scp(text, "t.txt");
  } catch (const FormatError& error) {
    return error.what();
  }
  return "no exception";
}

TEST(OrLib, ReadsRowsAsDemandOneAndColumnsWithTheirCosts) {
  const cover::Problem p = parse_orlib_scp("3 4\n 5 6 7 8\n 2 1 2\n 1 3\n\n 3 2 3 4\n", "t.txt");
  ASSERT_EQ(p.num_rows(), 3);
  ASSERT_EQ(p.num_columns(), 4);
  EXPECT_EQ(p.cost(3), 8);
  EXPECT_EQ(p.demand(2), 1);
  EXPECT_EQ(std::vector<cover::Index>(p.rows_of(1).begin(), p.rows_of(1).end()),
            (std::vector<cover::Index>{0, 2}));
  EXPECT_EQ(p.num_nonzeros(), 6);
}

TEST(OrLib, RejectsBrokenFilesNamingWhatIsWrong) {
  EXPECT_EQ(error_of("2 3\n 5 6"), "t.txt: the file ends where the cost of column 3 should be");
  EXPECT_EQ(error_of("2 3\n 5 x 7"),
            "t.txt: the cost of column 2 must be a non-negative integer, got 'x'");
  EXPECT_EQ(error_of("1 3\n 5 6 7\n 2 1 4"), "t.txt: row 1 names column 4, outside 1..3");
  EXPECT_EQ(error_of("1 3\n 5 6 7\n 2 2 2"), "t.txt: row 1 names column 2 twice");
  EXPECT_EQ(error_of("1 1\n 5\n 1 1\n 9"), "t.txt: unexpected content after the last row");
  EXPECT_EQ(error_of("1 1\n -5\n 1 1"),
            "t.txt: the cost of column 1 must be a non-negative integer, got '-5'");
  // A header announcing more than the file holds is refused before anything is allocated.
  EXPECT_EQ(error_of("100000000 100000000"),
            "t.txt: the header announces 100000000 column costs, more than the rest of the file "
            "can hold");
}

TEST(OrLib, ReadsTheGoldenInstances) {
  const auto path = std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "tests/data/orlib/scp41.txt";
  const cover::Problem p = read_orlib_scp(path);
  EXPECT_EQ(p.num_rows(), 200);
  EXPECT_EQ(p.num_columns(), 1000);
  EXPECT_THROW((void)read_orlib_scp(path.parent_path() / "missing.txt"), FileError);
}

// The problem in rail's column-oriented layout, as Nobili's files write it.
std::string as_rail(const cover::Problem& p) {
  std::string text = std::to_string(p.num_rows()) + " " + std::to_string(p.num_columns()) + "\n";
  for (cover::Index j = 0; j < p.num_columns(); ++j) {
    text += std::to_string(static_cast<long long>(p.cost(j))) + " " +
            std::to_string(p.rows_of(j).size());
    for (const cover::Index i : p.rows_of(j)) {
      text += " " + std::to_string(i + 1);
    }
    text += "\n";
  }
  return text;
}

void expect_same(const cover::Problem& a, const cover::Problem& b) {
  ASSERT_EQ(a.num_rows(), b.num_rows());
  ASSERT_EQ(a.num_columns(), b.num_columns());
  for (cover::Index j = 0; j < a.num_columns(); ++j) {
    EXPECT_EQ(a.cost(j), b.cost(j)) << j;
    EXPECT_TRUE(std::ranges::equal(a.rows_of(j), b.rows_of(j))) << j;
  }
}

TEST(Rail, ReadsColumnsWithTheirCostsAndRows) {
  const cover::Problem p = parse_rail_scp("3 4\n1 2 1 2\n2 1 3\n1 2 3 2\n2.5 3 1 2 3\n", "r.txt");
  ASSERT_EQ(p.num_rows(), 3);
  ASSERT_EQ(p.num_columns(), 4);
  EXPECT_EQ(p.cost(3), 2.5);
  EXPECT_EQ(p.demand(0), 1);
  EXPECT_EQ(std::vector<cover::Index>(p.rows_of(2).begin(), p.rows_of(2).end()),
            (std::vector<cover::Index>{1, 2}));
  EXPECT_EQ(p.num_nonzeros(), 8);
}

TEST(Rail, RejectsBrokenFilesNamingTheColumn) {
  const auto error = [](std::string_view text) -> std::string {
    try {
      (void)parse_rail_scp(text, "r.txt");
    } catch (const FormatError& e) {
      return e.what();
    }
    return "no exception";
  };
  EXPECT_EQ(error("2 1\n1 1 3\n"), "r.txt: column 1 names row 3, outside 1..2");
  EXPECT_EQ(error("2 1\n1 2 1 1\n"), "r.txt: column 1 names a row twice");
  EXPECT_EQ(error("2 1\n1 3 1 2 1\n"), "r.txt: column 1 names 3 rows, more than the 2 there are");
  EXPECT_EQ(error("2 2\n1 1 1\n-1 1 2\n"),
            "r.txt: the cost of column 2 must be a finite number >= 0, got '-1'");
  EXPECT_EQ(error("2 2\n1 1 1\n1 2 1"), "r.txt: the file ends where a row of column 2 should be");
  EXPECT_EQ(error("2 1\n1 1 1\n7\n"), "r.txt: unexpected content after the last column");
  EXPECT_EQ(error("100000000 100000000"),
            "r.txt: the header announces 300000000 column costs, row counts and rows, more than "
            "the rest of the file can hold");
  // Found by fuzzing: a billion rows and no columns took the fuzzer's whole timeout.
  EXPECT_EQ(error("1000000000 000000"),
            "r.txt: the header announces 1000000000 column costs, row counts and rows, more "
            "than the rest of the file can hold");
}

TEST(CoverFile, TellsTheThreeFormatsApartAndReadsEachAsItself) {
  const auto path = std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "tests/data/orlib/scp41.txt";
  const cover::Problem rows = read_orlib_scp(path);
  const std::string rail = as_rail(rows);
  const CoverFile from_rail = parse_cover_file(rail, "scp41-rail.txt");
  EXPECT_EQ(from_rail.format, CoverFormat::kRail);
  expect_same(from_rail.problem, rows);
  expect_same(parse_rail_scp(rail, "scp41-rail.txt"), rows);
  const CoverFile from_rows = read_cover_file(path);
  EXPECT_EQ(from_rows.format, CoverFormat::kOrLibrary);
  expect_same(from_rows.problem, rows);
  EXPECT_EQ(parse_cover_file("teamwright-cover 1\n1 1\n1\n1\n1 1\n", "t").format,
            CoverFormat::kTeamwrightCover);
  EXPECT_EQ(to_string(CoverFormat::kRail), "rail");
}

TEST(CoverFile, AnOrLibraryFileThatLooksLikeRailIsReadAsOrLibrary) {
  // Costs 1 1 read as a rail column (cost 1, one row: 1) and then a second one cut short.
  const CoverFile file = parse_cover_file("1 2\n1 1\n1 1\n", "unicost.txt");
  EXPECT_EQ(file.format, CoverFormat::kOrLibrary);
  EXPECT_EQ(file.problem.num_columns(), 2);
  EXPECT_EQ(file.problem.rows_of(1).size(), 0U);
  // Broken in both: the error of the likelier format.
  EXPECT_THROW((void)parse_cover_file("2 2\n1 1\n3 1 2\n", "t.txt"), FormatError);
}

}  // namespace
}  // namespace teamwright::io
