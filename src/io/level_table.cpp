#include "teamwright/io/level_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <variant>
#include <vector>

#include "teamwright/error.hpp"
#include "util/halves.hpp"
#include "util/text.hpp"

namespace teamwright::io {

namespace {

using util::quote;

std::string row_of(std::size_t row) { return "row " + std::to_string(row); }

// The index of `code` in a list of `size`, or a FormatError naming the row and the column.
std::size_t code_at(std::int64_t code, std::size_t size, std::size_t row, const char* column) {
  if (code < 0 || static_cast<std::uint64_t>(code) >= size) {
    throw FormatError(row_of(row) + ": " + column + " code " + std::to_string(code) +
                      " is outside [0, " + std::to_string(size) + ")");
  }
  return static_cast<std::size_t>(code);
}

}  // namespace

std::vector<WideColumn> matrix_columns(const double* levels, std::size_t rows, std::size_t columns,
                                       std::ptrdiff_t row_stride, std::ptrdiff_t column_stride) {
  std::vector<WideColumn> out;
  out.reserve(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    out.emplace_back(StridedView<double>{levels + static_cast<std::ptrdiff_t>(c) * column_stride,
                                         rows, row_stride});
  }
  return out;
}

namespace {

bool held(double level) { return level != 0 && !std::isnan(level); }
bool held(std::int64_t level) { return level != 0; }

}  // namespace

std::vector<Person> people_from_wide(const WideLevels& table) {
  const std::size_t columns = table.competencies.size();
  const std::size_t rows = table.people.size();
  if (table.columns.size() != columns) {
    throw FormatError("the table has " + std::to_string(table.columns.size()) +
                      " columns of levels for " + std::to_string(columns) + " competencies");
  }
  // Columns in id order, so that each person's levels map grows at its end.
  std::vector<std::size_t> order(columns);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return table.competencies[a] < table.competencies[b];
  });
  for (std::size_t k = 0; k < columns; ++k) {
    const std::string& id = table.competencies[order[k]];
    if (id.empty()) {
      throw FormatError("column " + std::to_string(order[k]) + ": a competency id is empty");
    }
    if (k > 0 && id == table.competencies[order[k - 1]]) {
      throw FormatError("column " + quote(id) + " appears twice");
    }
    const std::size_t size =
        std::visit([](const auto& view) { return view.size; }, table.columns[order[k]]);
    if (size != rows) {
      throw FormatError("column " + quote(id) + " has " + std::to_string(size) + " values for " +
                        std::to_string(rows) + " people");
    }
  }
  std::vector<Person> people(rows);
  // Rows [begin, end) in blocks of kBlock: one pass over each column's values for the block
  // collects its levels, column by column in id order, without a branch per cell; then each
  // person's map is allocated once and filled from them in that order.
  constexpr std::size_t kBlock = 256;
  struct Hit {
    std::uint32_t row;     // within the block
    std::uint32_t column;  // in `order`
    double level;
  };
  const auto fill = [&](std::size_t /*part*/, std::size_t begin, std::size_t end) {
    // A block's levels, and one more: the branch-free write past the last.
    std::vector<Hit> hits(std::min(kBlock, end - begin) * columns + 1);
    std::vector<std::uint32_t> count(kBlock);
    for (std::size_t first = begin; first < end; first += kBlock) {
      const std::size_t size = std::min(end, first + kBlock) - first;
      std::size_t found = 0;
      for (std::size_t k = 0; k < columns; ++k) {
        std::visit(
            [&](const auto& column) {
              const auto* values = column.data + static_cast<std::ptrdiff_t>(first) * column.stride;
              const auto collect = [&](std::ptrdiff_t stride) {
                for (std::size_t r = 0; r < size; ++r) {
                  const auto level = values[static_cast<std::ptrdiff_t>(r) * stride];
                  hits[found] = {static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(k),
                                 static_cast<double>(level)};
                  found += held(level) ? 1 : 0;
                }
              };
              if (column.stride == 1) {
                collect(1);  // the common case, a column of a DataFrame: contiguous
              } else {
                collect(column.stride);
              }
            },
            table.columns[order[k]]);
      }
      std::fill(count.begin(), count.end(), 0);
      for (std::size_t h = 0; h < found; ++h) {
        ++count[hits[h].row];
      }
      for (std::size_t r = 0; r < size; ++r) {
        people[first + r].id = table.people[first + r];
        people[first + r].levels.reserve(count[r]);
      }
      for (std::size_t h = 0; h < found; ++h) {
        people[first + hits[h].row].levels.append(table.competencies[order[hits[h].column]],
                                                  hits[h].level);
      }
    }
  };
  constexpr std::size_t kParallelCells = std::size_t{1} << 22;
  util::in_two_halves(rows, rows * columns >= kParallelCells, fill);
  return people;
}

std::vector<Person> people_from_long(const LongLevels& rows) {
  const std::size_t n = rows.person.size;
  const auto check_length = [n](std::size_t size, const char* column) {
    if (size != n) {
      throw FormatError(std::string("column '") + column + "' has " + std::to_string(size) +
                        " rows, column 'person' " + std::to_string(n));
    }
  };
  check_length(rows.competency.size, "competency");
  check_length(rows.level.size, "level");
  const bool assessed = !rows.source.empty();
  if (assessed) {
    check_length(rows.date.size, "date");
  }
  if (!rows.confidence.empty()) {
    check_length(rows.confidence.size, "confidence");
  }
  std::vector<AssessmentSource> sources;
  for (const std::string& name : rows.sources) {
    const auto source = parse_assessment_source(name);
    if (!source) {
      throw FormatError("source " + quote(name) +
                        " is not one of self, manager, peer, customer, test");
    }
    sources.push_back(*source);
  }
  std::vector<Person> people(rows.people.size());
  for (std::size_t p = 0; p < people.size(); ++p) {
    people[p].id = rows.people[p];
  }
  for (std::size_t r = 0; r < n; ++r) {
    Person& person = people[code_at(rows.person[r], people.size(), r, "person")];
    const std::string& competency =
        rows.competencies[code_at(rows.competency[r], rows.competencies.size(), r, "competency")];
    const double level = rows.level[r];
    const std::int64_t source = assessed ? rows.source[r] : -1;
    if (source < 0) {
      if (!person.levels.emplace(competency, level)) {
        throw FormatError(row_of(r) + ": person " + quote(person.id) + " has a second agreed " +
                          "level in " + quote(competency) +
                          " (give a source and a date to record assessments)");
      }
      continue;
    }
    Assessment& a = person.assessments.emplace_back();
    a.competency = competency;
    a.level = level;
    a.source = sources[code_at(source, sources.size(), r, "source")];
    const std::int64_t date = rows.date[r];
    if (date < 0) {
      throw FormatError(row_of(r) + ": person " + quote(person.id) + ": an assessment of " +
                        quote(competency) + " needs a date");
    }
    a.date = rows.dates[code_at(date, rows.dates.size(), r, "date")];
    a.confidence = rows.confidence.empty() ? 1.0 : rows.confidence[r];
  }
  return people;
}

}  // namespace teamwright::io
