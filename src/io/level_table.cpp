#include "teamwright/io/level_table.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "teamwright/error.hpp"
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

std::vector<Person> people_from_wide(const WideLevels& table) {
  const std::size_t columns = table.competencies.size();
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
  }
  std::vector<Person> people(table.people.size());
  // Rows [begin, end): each person's levels in id order, reserved once.
  const auto fill = [&](std::size_t begin, std::size_t end) {
    std::vector<std::size_t> held;  // the row's columns with a level, in id order
    for (std::size_t r = begin; r < end; ++r) {
      Person& person = people[r];
      person.id = table.people[r];
      const double* row = table.levels + static_cast<std::ptrdiff_t>(r) * table.row_stride;
      held.clear();
      for (const std::size_t c : order) {
        const double level = row[static_cast<std::ptrdiff_t>(c) * table.column_stride];
        if (level != 0 && !std::isnan(level)) {
          held.push_back(c);
        }
      }
      person.levels.reserve(held.size());
      for (const std::size_t c : held) {
        person.levels.append(table.competencies[c],
                             row[static_cast<std::ptrdiff_t>(c) * table.column_stride]);
      }
    }
  };
  // Large tables in two halves at once: the scan and the allocations (page faults) dominate.
  constexpr std::size_t kParallelCells = std::size_t{1} << 22;
  if (people.size() * columns < kParallelCells || std::thread::hardware_concurrency() < 2) {
    fill(0, people.size());
  } else {
    const std::size_t half = people.size() / 2;
    std::exception_ptr failed;  // out of memory in the other half, rethrown here
    std::thread other([&] {
      try {
        fill(half, people.size());
      } catch (...) {
        failed = std::current_exception();
      }
    });
    try {
      fill(0, half);
    } catch (...) {
      other.join();
      throw;
    }
    other.join();
    if (failed) {
      std::rethrow_exception(failed);
    }
  }
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
