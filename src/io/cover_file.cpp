#include "teamwright/io/cover_file.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "io/cover_text.hpp"
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
    const std::int64_t count =
        tokens.next([j] { return "the number of rows of " + detail::column_name(j); });
    detail::read_rows_of_column(tokens, name, j, count, rows, covered);
    builder.add_column(costs[j], covered);
  }
  tokens.expect_end();
  return std::move(builder).build();
}

std::string_view to_string(CoverFormat format) {
  switch (format) {
    case CoverFormat::kOrLibrary:
      return "orlib";
    case CoverFormat::kRail:
      return "rail";
    case CoverFormat::kTeamwrightCover:
      return "teamwright-cover";
  }
  return "orlib";
}

namespace {

// Whether the text's first columns read as rail columns: a cost >= 0, a count from 1 to m, then
// that many rows rising within 1..m. OR-Library's column costs after the header almost never
// do; an OR-Library file they happen to fit (all costs 1) fails as rail and is read as
// OR-Library after all.
bool looks_like_rail(std::string_view text) {
  std::istringstream in{std::string(text.substr(0, 1 << 16))};
  std::int64_t rows = 0;
  std::int64_t columns = 0;
  if (!(in >> rows >> columns) || rows < 1 || columns < 1) {
    return false;
  }
  constexpr std::int64_t kProbe = 32;
  for (std::int64_t j = 0; j < std::min(columns, kProbe); ++j) {
    double cost = 0;
    std::int64_t count = 0;
    if (!(in >> cost >> count) || cost < 0 || count < 1 || count > rows) {
      return in.eof() && j > 0;  // the probe window ended inside a column that fitted so far
    }
    std::int64_t previous = 0;
    for (std::int64_t k = 0; k < count; ++k) {
      std::int64_t row = 0;
      if (!(in >> row)) {
        return in.eof() && j > 0;
      }
      if (row <= previous || row > rows) {
        return false;
      }
      previous = row;
    }
  }
  return true;
}

}  // namespace

CoverFile parse_cover_file(std::string_view text, std::string_view name) {
  if (text.starts_with(kMagic)) {
    return {parse_cover(text, name), CoverFormat::kTeamwrightCover};
  }
  const CoverFormat guess = looks_like_rail(text) ? CoverFormat::kRail : CoverFormat::kOrLibrary;
  const auto parse = [&](CoverFormat format) {
    return format == CoverFormat::kRail ? parse_rail_scp(text, name) : parse_orlib_scp(text, name);
  };
  try {
    return {parse(guess), guess};
  } catch (const FormatError&) {
    const CoverFormat other =
        guess == CoverFormat::kRail ? CoverFormat::kOrLibrary : CoverFormat::kRail;
    try {
      return {parse(other), other};
    } catch (const FormatError&) {
      // Neither: the guess's error says what is wrong with the likelier format.
    }
    throw;
  }
}

CoverFile read_cover_file(const std::filesystem::path& path) {
  return parse_cover_file(detail::read_text(path), path.filename().string());
}

cover::Problem read_cover_problem(const std::filesystem::path& path) {
  return read_cover_file(path).problem;
}

cover::Problem read_cover(const std::filesystem::path& path) {
  return parse_cover(detail::read_text(path), path.filename().string());
}

}  // namespace teamwright::io
