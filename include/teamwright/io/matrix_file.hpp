#pragma once

/// \file
/// Cost matrices as text, what `teamwright assign matrix FILE` reads: one row per line, values
/// separated by commas and/or whitespace, blank lines ignored; a comma with no value before it (at
/// the start or end of a line, or after another comma) is a missing value, a `FormatError`. When
/// every value is an integer
/// the matrix is integral (read exactly into int64, and solved in exact integer arithmetic);
/// otherwise every value is read as a double ("inf" forbids a pair, as in
/// `assign::linear_assignment`; "nan" and "-inf" are refused). Nothing is silently changed: an
/// integer outside the 64-bit range, or beyond 2^53 in a matrix with reals (where a double cannot
/// hold it), is a `FormatError`.

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace teamwright::io {

/// A dense matrix, rows after rows.
struct CostMatrix {
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  /// Whether every value is an integer: then `integers` holds them, else `reals`.
  bool integral = true;
  std::vector<std::int64_t> integers;
  std::vector<double> reals;
};

/// Parses the text; `name` names it in messages. Throws `FormatError` for a value that is not a
/// number (naming its row and column, 1-based) and for a row whose length differs from the
/// first's.
[[nodiscard]] CostMatrix parse_cost_matrix(std::string_view text, std::string_view name);

/// Reads a file: `FileError` if it cannot be read, else as `parse_cost_matrix`.
[[nodiscard]] CostMatrix read_cost_matrix(const std::filesystem::path& path);

}  // namespace teamwright::io
