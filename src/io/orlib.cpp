#include "teamwright/io/orlib.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/cover_text.hpp"
#include "io/text_file.hpp"
#include "io/tokens.hpp"
#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io {

cover::Problem parse_orlib_scp(std::string_view text, std::string_view name) {
  detail::Tokens tokens(text, name);
  const auto [rows, columns] = detail::read_dimensions(tokens, name);
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
  const auto [rows, columns] = detail::read_dimensions(tokens, name);
  // Rows take no numbers of their own here, so a short header could announce a billion: the
  // columns must at least be able to cover each row once (each row index is a number).
  tokens.expect_room(2 * columns + rows, "column costs, row counts and rows");
  cover::Problem::Builder builder;
  for (std::int64_t i = 0; i < rows; ++i) {
    builder.add_row(1);
  }
  std::vector<cover::Index> covered;
  for (std::int64_t j = 0; j < columns; ++j) {
    const double cost = tokens.real([j] { return "the cost of " + detail::column_name(j); });
    const std::int64_t count =
        tokens.next([j] { return "the number of rows of " + detail::column_name(j); });
    if (count > rows) {
      throw FormatError(std::string(name) + ": " + detail::column_name(j) + " names " +
                        std::to_string(count) + " rows, more than the " + std::to_string(rows) +
                        " there are");
    }
    detail::read_rows_of_column(tokens, name, j, count, rows, covered);
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
