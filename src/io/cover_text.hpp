#pragma once

// What the covering-problem text readers share (orlib.cpp: OR-Library and rail;
// cover_file.cpp: teamwright-cover).

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/tokens.hpp"
#include "teamwright/cover/problem.hpp"
#include "teamwright/error.hpp"

namespace teamwright::io::detail {

// "column j", 1-based, for messages.
inline std::string column_name(std::int64_t j) { return "column " + std::to_string(j + 1); }

// The header "m n" of an OR-Library file (either layout); sizes beyond 2e9 are refused.
inline std::pair<std::int64_t, std::int64_t> read_dimensions(Tokens& tokens,
                                                             std::string_view name) {
  const std::int64_t rows = tokens.next("the number of rows");
  const std::int64_t columns = tokens.next("the number of columns");
  constexpr std::int64_t kLimit = 2'000'000'000;
  if (rows > kLimit || columns > kLimit) {
    throw FormatError(std::string(name) + ": " + std::to_string(rows) + " rows and " +
                      std::to_string(columns) + " columns exceed the supported size");
  }
  return {rows, columns};
}

// The `count` rows of column `j` (1-based in the text) into `covered`, 0-based and sorted; a row
// outside 1..rows or named twice is a `FormatError` naming the column.
inline void read_rows_of_column(Tokens& tokens, std::string_view name, std::int64_t j,
                                std::int64_t count, std::int64_t rows,
                                std::vector<cover::Index>& covered) {
  covered.clear();
  for (std::int64_t k = 0; k < count; ++k) {
    const std::int64_t i = tokens.next([j] { return "a row of " + column_name(j); });
    if (i < 1 || i > rows) {
      throw FormatError(std::string(name) + ": " + column_name(j) + " names row " +
                        std::to_string(i) + ", outside 1.." + std::to_string(rows));
    }
    covered.push_back(static_cast<cover::Index>(i - 1));
  }
  std::sort(covered.begin(), covered.end());
  if (std::adjacent_find(covered.begin(), covered.end()) != covered.end()) {
    throw FormatError(std::string(name) + ": " + column_name(j) + " names a row twice");
  }
}

}  // namespace teamwright::io::detail
