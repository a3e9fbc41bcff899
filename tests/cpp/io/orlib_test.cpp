#include "teamwright/io/orlib.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "teamwright/error.hpp"

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

}  // namespace
}  // namespace teamwright::io
