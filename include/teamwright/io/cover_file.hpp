#pragma once

/// \file
/// A plain-text form of pure covering problems (row demands, column costs, no side
/// constraints), so that problems compiled from team requests can be handed to other solvers:
///
///     teamwright-cover 1
///     m n
///     d_1 ... d_m                 row demands
///     c_1 ... c_n                 column costs
///     for each column: k  i_1 ... i_k   its rows, 1-based
///
/// Whitespace-separated; costs are written with full precision.

#include <filesystem>
#include <string>
#include <string_view>

#include "teamwright/cover/problem.hpp"

namespace teamwright::io {

/// Writes `problem` atomically. Throws `InvalidInputError` if it has side constraints (budget,
/// size bounds, conflicts, fixed columns, slot rows, weights other than costs), `FileError` if
/// the file cannot be written.
void write_cover(const cover::Problem& problem, const std::filesystem::path& path);

/// Parses the text form; `name` names it in messages. Throws `FormatError` naming what is wrong.
[[nodiscard]] cover::Problem parse_cover(std::string_view text, std::string_view name);
/// Reads a file: `FileError` if it cannot be read, else as `parse_cover`.
[[nodiscard]] cover::Problem read_cover(const std::filesystem::path& path);

/// Reads a covering problem in either format the library reads: the text form above when the
/// file begins with "teamwright-cover", an OR-Library set-covering file (io/orlib.hpp) otherwise.
/// What `teamwright cover FILE` reads.
[[nodiscard]] cover::Problem read_cover_problem(const std::filesystem::path& path);

}  // namespace teamwright::io
