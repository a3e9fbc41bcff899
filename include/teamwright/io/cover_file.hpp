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

/// The text formats of covering problems the library reads.
enum class CoverFormat {
  kOrLibrary,        ///< OR-Library, row-oriented (io/orlib.hpp)
  kRail,             ///< OR-Library's rail instances, column-oriented (io/orlib.hpp)
  kTeamwrightCover,  ///< the text form above
};

/// "orlib", "rail" or "teamwright-cover".
[[nodiscard]] std::string_view to_string(CoverFormat format);

/// A covering problem and the format it was read in.
struct CoverFile {
  cover::Problem problem;
  CoverFormat format = CoverFormat::kOrLibrary;
};

/// Parses a covering problem in any of the three formats: the text form above when it begins
/// with "teamwright-cover"; otherwise rail when its first columns read as rail columns (a cost,
/// a count from 1 to m and that many rows rising within 1..m), else OR-Library. A text that
/// fails in the format guessed and reads in the other is read in the other; one that reads in
/// neither throws the `FormatError` of the guess.
[[nodiscard]] CoverFile parse_cover_file(std::string_view text, std::string_view name);

/// Reads a file: `FileError` if it cannot be read, else as `parse_cover_file`. What `teamwright
/// cover FILE` reads.
[[nodiscard]] CoverFile read_cover_file(const std::filesystem::path& path);

/// `read_cover_file(path).problem`.
[[nodiscard]] cover::Problem read_cover_problem(const std::filesystem::path& path);

}  // namespace teamwright::io
