#pragma once

/// \file
/// Generalized assignment files (OR-Library gap1-gap12 split one problem per file, gapa-gapd of
/// Chu and Beasley 1997, Yagiura's c/d/e instances): whitespace-separated numbers "m n", the
/// m x n costs, the m x n weights, the m capacities.

#include <filesystem>
#include <string_view>

#include "teamwright/assign/generalized.hpp"

namespace teamwright::io {

/// Parses the text of a generalized assignment file; `name` names it in messages. Throws
/// `FormatError` for a token that is not a finite number >= 0 (counts: an integer), a file that
/// ends early or goes on after the capacities, naming what was expected.
[[nodiscard]] assign::GeneralizedProblem parse_generalized(std::string_view text,
                                                           std::string_view name);

/// Reads a file: `FileError` if it cannot be read, else as `parse_generalized`.
[[nodiscard]] assign::GeneralizedProblem read_generalized(const std::filesystem::path& path);

}  // namespace teamwright::io
