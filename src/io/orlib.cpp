#include "teamwright/io/orlib.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/text_file.hpp"
#include "io/tokens.hpp"
#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io {

cover::Problem parse_orlib_scp(std::string_view text, std::string_view name) {
  detail::Tokens tokens(text, name);
  const std::int64_t rows = tokens.next("the number of rows");
  const std::int64_t columns = tokens.next("the number of columns");
  constexpr std::int64_t kLimit = 2'000'000'000;
  if (rows > kLimit || columns > kLimit) {
    throw FormatError(std::string(name) + ": " + std::to_string(rows) + " rows and " +
                      std::to_string(columns) + " columns exceed the supported size");
  }
  tokens.expect_room(columns, "column costs");
  tokens.expect_room(rows, "rows");
  std::vector<double> costs(static_cast<std::size_t>(columns));
  for (std::int64_t j = 0; j < columns; ++j) {
    costs[j] = static_cast<double>(
        tokens.next([j] { return "the cost of column " + std::to_string(j + 1); }));
  }
  // Rows list their columns; the problem wants columns listing their rows.
  std::vector<std::vector<cover::Index>> by_column(static_cast<std::size_t>(columns));
  std::vector<std::int64_t> last_row_of(static_cast<std::size_t>(columns), -1);
  for (std::int64_t i = 0; i < rows; ++i) {
    const auto row = [i] { return "row " + std::to_string(i + 1); };
    const std::int64_t count = tokens.next([&] { return "the number of columns of " + row(); });
    for (std::int64_t k = 0; k < count; ++k) {
      const std::int64_t j = tokens.next([&] { return "a column of " + row(); });
      if (j < 1 || j > columns) {
        throw FormatError(std::string(name) + ": " + row() + " names column " + std::to_string(j) +
                          ", outside 1.." + std::to_string(columns));
      }
      if (last_row_of[j - 1] == i) {
        throw FormatError(std::string(name) + ": " + row() + " names column " + std::to_string(j) +
                          " twice");
      }
      last_row_of[j - 1] = i;
      by_column[j - 1].push_back(static_cast<cover::Index>(i));
    }
  }
  tokens.expect_end();

  cover::Problem::Builder builder;
  for (std::int64_t i = 0; i < rows; ++i) {
    builder.add_row(1);
  }
  for (std::int64_t j = 0; j < columns; ++j) {
    builder.add_column(costs[j], by_column[j]);
  }
  return std::move(builder).build();
}

cover::Problem parse_rail_scp(std::string_view text, std::string_view name) {
  detail::Tokens tokens(text, name);
  const std::int64_t rows = tokens.next("the number of rows");
  const std::int64_t columns = tokens.next("the number of columns");
  constexpr std::int64_t kLimit = 2'000'000'000;
  if (rows > kLimit || columns > kLimit) {
    throw FormatError(std::string(name) + ": " + std::to_string(rows) + " rows and " +
                      std::to_string(columns) + " columns exceed the supported size");
  }
  // Rows take no numbers of their own here, so a short header could announce a billion: the
  // columns must at least be able to cover each row once (each row index is a number).
  tokens.expect_room(2 * columns + rows, "column costs, row counts and rows");
  cover::Problem::Builder builder;
  for (std::int64_t i = 0; i < rows; ++i) {
    builder.add_row(1);
  }
  std::vector<cover::Index> covered;
  for (std::int64_t j = 0; j < columns; ++j) {
    const auto column = [j] { return "column " + std::to_string(j + 1); };
    const double cost = tokens.real([&] { return "the cost of " + column(); });
    const std::int64_t count = tokens.next([&] { return "the number of rows of " + column(); });
    if (count > rows) {
      throw FormatError(std::string(name) + ": " + column() + " names " + std::to_string(count) +
                        " rows, more than the " + std::to_string(rows) + " there are");
    }
    covered.clear();
    for (std::int64_t k = 0; k < count; ++k) {
      const std::int64_t i = tokens.next([&] { return "a row of " + column(); });
      if (i < 1 || i > rows) {
        throw FormatError(std::string(name) + ": " + column() + " names row " + std::to_string(i) +
                          ", outside 1.." + std::to_string(rows));
      }
      covered.push_back(static_cast<cover::Index>(i - 1));
    }
    std::sort(covered.begin(), covered.end());
    if (std::adjacent_find(covered.begin(), covered.end()) != covered.end()) {
      throw FormatError(std::string(name) + ": " + column() + " names a row twice");
    }
    builder.add_column(cost, covered);
  }
  tokens.expect_end("the last column");
  return std::move(builder).build();
}

cover::Problem read_rail_scp(const std::filesystem::path& path) {
  return parse_rail_scp(detail::read_text(path), path.filename().string());
}

cover::Problem read_orlib_scp(const std::filesystem::path& path) {
  const std::string text = detail::read_text(path);
  return parse_orlib_scp(text, path.filename().string());
}

}  // namespace teamwright::io
