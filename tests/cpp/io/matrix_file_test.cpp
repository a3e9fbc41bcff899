#include "teamwright/io/matrix_file.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "teamwright/error.hpp"

namespace teamwright::io {
namespace {

TEST(CostMatrixFile, IntegersReadExactlyAndCommasOrSpacesSeparate) {
  const CostMatrix m = parse_cost_matrix("4, 1 3\n\n2 0,5\n9007199254740993 +2 -1\n", "m.txt");
  EXPECT_EQ(m.rows, 3);
  EXPECT_EQ(m.cols, 3);
  ASSERT_TRUE(m.integral);
  EXPECT_EQ(m.integers,
            (std::vector<std::int64_t>{4, 1, 3, 2, 0, 5, 9007199254740993, 2, -1}));  // > 2^53
  EXPECT_TRUE(m.reals.empty());
}

TEST(CostMatrixFile, OneRealMakesTheWholeMatrixReal) {
  const CostMatrix m = parse_cost_matrix("1 2\r\n3 2.5\n7 inf\n", "m.txt");
  ASSERT_FALSE(m.integral);
  EXPECT_TRUE(m.integers.empty());
  ASSERT_EQ(m.reals.size(), 6U);
  EXPECT_EQ(m.reals[0], 1.0);
  EXPECT_EQ(m.reals[3], 2.5);
  EXPECT_TRUE(std::isinf(m.reals[5]));
  const CostMatrix empty = parse_cost_matrix("\n \n", "m.txt");
  EXPECT_EQ(empty.rows, 0);
  EXPECT_EQ(empty.cols, 0);
}

TEST(CostMatrixFile, BadInputNamesTheLineAndTheValue) {
  try {
    (void)parse_cost_matrix("1 2\n3\n", "m.txt");
    FAIL() << "a short row read";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("m.txt: line 2 has 1 values where the first row has 2"),
              std::string::npos)
        << e.what();
  }
  try {
    (void)parse_cost_matrix("1 2\n3 x4\n", "m.txt");
    FAIL() << "a word read as a number";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2, value 2 is not a number: 'x4'"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW((void)read_cost_matrix("/nonexistent/m.txt"), FileError);
}

TEST(CostMatrixFile, IntegersThatWouldChangeAreRefusedNotRounded) {
  // Beyond int64: no longer read as a double that solves a different problem.
  EXPECT_THROW((void)parse_cost_matrix("9223372036854775808 1\n1 2\n", "m.txt"), FormatError);
  // Beyond 2^53 among reals, before or after the first real.
  EXPECT_THROW((void)parse_cost_matrix("9007199254740993 1.5\n1 2\n", "m.txt"), FormatError);
  EXPECT_THROW((void)parse_cost_matrix("1.5 1\n9007199254740993 2\n", "m.txt"), FormatError);
  // Among integers they stay exact; a large real stays a real.
  EXPECT_TRUE(parse_cost_matrix("9007199254740993 1\n1 2\n", "m.txt").integral);
  EXPECT_FALSE(parse_cost_matrix("1e20 1\n1 2\n", "m.txt").integral);
}

}  // namespace
}  // namespace teamwright::io
