#include "teamwright/io/cover_file.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "io/text_file.hpp"
#include "io/tokens.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/orlib.hpp"
#include "util/text.hpp"

namespace teamwright::io {
namespace {

constexpr std::string_view kMagic = "teamwright-cover";

}  // namespace

void write_cover(const cover::Problem& p, const std::filesystem::path& path) {
  bool side = !p.is_pure() || p.min_size() > 0 || !p.fixed_columns().empty();
  for (cover::Index j = 0; j < p.num_columns() && !side; ++j) {
    side = !p.conflicts_of(j).empty() || p.weight(j) != p.cost(j) || !p.counts_toward_size(j);
  }
  if (side) {
    throw InvalidInputError("write_cover: only problems without side constraints can be written");
  }
  std::string text(kMagic);
  text += " 1\n" + std::to_string(p.num_rows()) + " " + std::to_string(p.num_columns()) + "\n";
  for (cover::Index i = 0; i < p.num_rows(); ++i) {
    text += util::number(p.demand(i)) + (i + 1 < p.num_rows() ? " " : "\n");
  }
  for (cover::Index j = 0; j < p.num_columns(); ++j) {
    text += util::number(p.cost(j)) + (j + 1 < p.num_columns() ? " " : "\n");
  }
  for (cover::Index j = 0; j < p.num_columns(); ++j) {
    const auto rows = p.rows_of(j);
    text += std::to_string(rows.size());
    for (const cover::Index i : rows) {
      text += " " + std::to_string(i + 1);
    }
    text += "\n";
  }
  detail::write_text(path, text);
}

cover::Problem parse_cover(std::string_view text, std::string_view name) {
  detail::Tokens tokens(text, name);
  tokens.expect_word(kMagic);
  if (const auto version = tokens.next("the format version"); version != 1) {
    throw FormatError(std::string(name) + ": format version " + std::to_string(version) +
                      " is not supported; this build reads version 1");
  }
  const std::int64_t rows = tokens.next("the number of rows");
  const std::int64_t columns = tokens.next("the number of columns");
  if (rows > 2'000'000'000 || columns > 2'000'000'000) {
    throw FormatError(std::string(name) + ": the problem exceeds the supported size");
  }
  tokens.expect_room(rows + 2 * columns, "row demands, column costs and column lengths");
  cover::Problem::Builder builder;
  for (std::int64_t i = 0; i < rows; ++i) {
    const std::int64_t demand =
        tokens.next([i] { return "the demand of row " + std::to_string(i + 1); });
    if (demand > 2'000'000'000) {
      throw FormatError(std::string(name) + ": the demand of row " + std::to_string(i + 1) +
                        " is too large");
    }
    builder.add_row(static_cast<int>(demand));
  }
  std::vector<double> costs(static_cast<std::size_t>(columns));
  for (std::int64_t j = 0; j < columns; ++j) {
    costs[j] = tokens.real([j] { return "the cost of column " + std::to_string(j + 1); });
  }
  std::vector<cover::Index> covered;
  for (std::int64_t j = 0; j < columns; ++j) {
    const auto column = [j] { return "column " + std::to_string(j + 1); };
    const std::int64_t count = tokens.next([&] { return "the number of rows of " + column(); });
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
    builder.add_column(costs[j], covered);
  }
  tokens.expect_end();
  return std::move(builder).build();
}

cover::Problem read_cover_problem(const std::filesystem::path& path) {
  const std::string text = detail::read_text(path);
  const std::string name = path.filename().string();
  return text.starts_with(kMagic) ? parse_cover(text, name) : parse_orlib_scp(text, name);
}

cover::Problem read_cover(const std::filesystem::path& path) {
  return parse_cover(detail::read_text(path), path.filename().string());
}

}  // namespace teamwright::io
