#pragma once

/// \file
/// People from tables, as HR systems and DataFrames hold them (docs/python.md#dataframes):
/// a wide people x competencies table of levels, and long rows of (person, competency, level)
/// with, optionally, who assessed it, when and how surely. Both read the values in place (strided
/// views of someone else's buffers, a NumPy array's) and build the people in time linear in the
/// cells; the `Model` they go into checks every rule as for a file.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "teamwright/model/person.hpp"

namespace teamwright::io {

/// A strided view of `size` values: value i is `data[i * stride]` (stride in elements).
template <class T>
struct StridedView {
  const T* data = nullptr;
  std::size_t size = 0;
  std::ptrdiff_t stride = 1;

  [[nodiscard]] T operator[](std::size_t i) const {
    return data[static_cast<std::ptrdiff_t>(i) * stride];
  }
  [[nodiscard]] bool empty() const { return size == 0; }
};

/// One column of a wide table, a competency's levels by row: reals (NaN and 0: no level) or
/// integers (0: no level), as a DataFrame holds a column of each dtype.
using WideColumn = std::variant<StridedView<double>, StridedView<std::int64_t>>;

/// A wide table: row r is the person `people[r]`, `columns[c]` the levels in the competency
/// `competencies[c]`, one value per person.
struct WideLevels {
  std::span<const std::string> people;
  std::span<const std::string> competencies;
  std::span<const WideColumn> columns;
};

/// The columns of a matrix of `rows` x `columns` reals whose cell (r, c) is
/// `levels[r * row_stride + c * column_stride]` (strides in elements).
[[nodiscard]] std::vector<WideColumn> matrix_columns(const double* levels, std::size_t rows,
                                                     std::size_t columns, std::ptrdiff_t row_stride,
                                                     std::ptrdiff_t column_stride);

/// The table's people with their levels (cost 0, availability 1, as in a file without them).
/// Throws `FormatError` for an empty or repeated competency column, or a column whose length
/// is not the number of people.
[[nodiscard]] std::vector<Person> people_from_wide(const WideLevels& table);

/// Long rows, each a person and a competency by code (an index into `people` and
/// `competencies`), a level and optionally its provenance: a row whose `source` code is < 0 (or
/// without a `source` column) is an agreed level, else an assessment by `sources[code]` (a
/// file-format name) dated `dates[date code]` with `confidence` (1 when the column is absent).
struct LongLevels {
  std::span<const std::string> people;
  std::span<const std::string> competencies;
  std::span<const std::string> sources;
  std::span<const std::string> dates;
  StridedView<std::int64_t> person;
  StridedView<std::int64_t> competency;
  StridedView<double> level;
  StridedView<std::int64_t> source;
  StridedView<std::int64_t> date;
  StridedView<double> confidence;
};

/// One person per entry of `people`, in that order (people without rows have no levels), with
/// the rows' levels and assessments in row order. Throws `FormatError` naming the row (0-based,
/// as a DataFrame counts) for a column of another length, a code out of range, an unknown
/// source, an assessment without a date or an agreed level given twice.
[[nodiscard]] std::vector<Person> people_from_long(const LongLevels& rows);

}  // namespace teamwright::io
