#include "teamwright/io/cover_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "teamwright/error.hpp"

namespace teamwright::io {
namespace {

std::string error_of(std::string_view text) {
  try {
    (void)parse_cover(text, "t.cover");
  } catch (const FormatError& error) {
    return error.what();
  }
  return "no exception";
}

TEST(CoverFile, WritesAndReadsBackEveryRowColumnAndCost) {
  cover::Problem::Builder b;
  b.add_row(2);
  b.add_row(1);
  b.add_row(0);
  b.add_column(1.25, std::vector<cover::Index>{0, 1});
  b.add_column(0.1, std::vector<cover::Index>{0});
  b.add_column(7, std::vector<cover::Index>{});
  const cover::Problem p = std::move(b).build();
  const auto path = std::filesystem::temp_directory_path() / "teamwright-cover-roundtrip.cover";
  write_cover(p, path);
  const cover::Problem q = read_cover(path);
  std::filesystem::remove(path);
  ASSERT_EQ(q.num_rows(), 3);
  ASSERT_EQ(q.num_columns(), 3);
  for (cover::Index i = 0; i < 3; ++i) {
    EXPECT_EQ(q.demand(i), p.demand(i));
  }
  for (cover::Index j = 0; j < 3; ++j) {
    EXPECT_EQ(q.cost(j), p.cost(j));  // shortest round-trip text keeps doubles exact
    EXPECT_TRUE(std::ranges::equal(q.rows_of(j), p.rows_of(j)));
  }
}

// `read_cover_problem` tells the two formats apart by the magic word alone.
TEST(CoverFile, ReadsEitherFormatByItsFirstWord) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto ours = dir / "teamwright-either.cover";
  const auto theirs = dir / "teamwright-either.scp";
  {
    std::ofstream(ours) << "teamwright-cover 1\n1 2\n2\n3 4\n1 1\n1 1\n";
    std::ofstream(theirs) << "2 3\n1 1 1\n2 1 2\n2 2 3\n";
  }
  const cover::Problem a = read_cover_problem(ours);
  const cover::Problem b = read_cover_problem(theirs);
  std::filesystem::remove(ours);
  std::filesystem::remove(theirs);
  EXPECT_EQ(a.num_rows(), 1);
  EXPECT_EQ(a.num_columns(), 2);
  EXPECT_EQ(a.demand(0), 2);
  EXPECT_EQ(b.num_rows(), 2);
  EXPECT_EQ(b.num_columns(), 3);
  EXPECT_THROW((void)read_cover_problem(dir / "teamwright-no-such-file"), FileError);
}

TEST(CoverFile, RefusesProblemsWithSideConstraints) {
  cover::Problem::Builder b;
  b.add_row(1);
  b.add_column(1, std::vector<cover::Index>{0});
  b.set_budget(3);
  const cover::Problem p = std::move(b).build();
  EXPECT_THROW(write_cover(p, std::filesystem::temp_directory_path() / "never.cover"),
               InvalidInputError);
}

TEST(CoverFile, RejectsBrokenTextNamingWhatIsWrong) {
  EXPECT_EQ(error_of("scp 1\n"), "t.cover: expected 'teamwright-cover', got 'scp'");
  EXPECT_EQ(error_of("teamwright-cover 2\n"),
            "t.cover: format version 2 is not supported; this build reads version 1");
  EXPECT_EQ(error_of("teamwright-cover 1\n1 1\n1\nx\n"),
            "t.cover: the cost of column 1 must be a finite number >= 0, got 'x'");
  EXPECT_EQ(error_of("teamwright-cover 1\n1 1\n1\n2\n1 3\n"),
            "t.cover: column 1 names row 3, outside 1..1");
  EXPECT_EQ(error_of("teamwright-cover 1\n1 1\n1\n2\n2 1 1\n"),
            "t.cover: column 1 names a row twice");
  EXPECT_EQ(error_of("teamwright-cover 1\n2000000000 2000000000\n"),
            "t.cover: the header announces 6000000000 row demands, column costs and column "
            "lengths, more than the rest of the file can hold");
}

}  // namespace
}  // namespace teamwright::io
