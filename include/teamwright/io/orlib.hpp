#pragma once

/// \file
/// OR-Library set-covering files, in their two layouts, read straight into the covering engine's
/// problem with a demand of one per row and no side constraints:
///
/// - row-oriented (Beasley, "An algorithm for set covering problem", EJOR 31, 1987; scp41 ...
///   scpnrh5): whitespace-separated integers "m n", the n column costs, then for each row its
///   number of columns and their 1-based indices;
/// - column-oriented, the rail instances (Nobili's Italian railway crew scheduling, rail507 ...
///   rail4872, up to 1.1 M columns): "m n", then for each column its cost, its number of rows
///   and their 1-based indices.

#include <filesystem>
#include <string_view>

#include "teamwright/cover/problem.hpp"

namespace teamwright::io {

/// Parses the text of an OR-Library set-covering file; `name` names it in messages.
/// Throws `FormatError` for a token that is not a non-negative integer, a file that ends early
/// or goes on after the last row, a column index outside 1..n or repeated in a row, naming the
/// row (1-based) and what was expected.
[[nodiscard]] cover::Problem parse_orlib_scp(std::string_view text, std::string_view name);

/// Reads a file: `FileError` if it cannot be read, else as `parse_orlib_scp`.
[[nodiscard]] cover::Problem read_orlib_scp(const std::filesystem::path& path);

/// Parses the text of a rail (column-oriented) file; `name` names it in messages. Throws
/// `FormatError` for a cost that is not a finite number >= 0, a count that is not a
/// non-negative integer, a file that ends early or goes on after the last column, a row index
/// outside 1..m or repeated in a column, naming the column (1-based) and what was expected.
[[nodiscard]] cover::Problem parse_rail_scp(std::string_view text, std::string_view name);

/// Reads a file: `FileError` if it cannot be read, else as `parse_rail_scp`.
[[nodiscard]] cover::Problem read_rail_scp(const std::filesystem::path& path);

}  // namespace teamwright::io
