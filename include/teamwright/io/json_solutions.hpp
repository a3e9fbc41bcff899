#pragma once

/// \file
/// The JSON form of every result but the team result's (io/json_results.hpp): the covering
/// engine's solution, the generalized assignment's, and the placement results (roles and
/// shifts, staffing, mentoring, split) — what the CLI's `--json` prints and what the Python
/// results are built from (docs/format.md#other-results). Each carries the solve contract's
/// fields under the names of `teamwright/solving.hpp`; indices are 0-based, as in C++.

#include <string>
#include <string_view>

#include "teamwright/assign/generalized.hpp"
#include "teamwright/cover/solution.hpp"
#include "teamwright/placement/mentoring.hpp"
#include "teamwright/placement/roles.hpp"
#include "teamwright/placement/split.hpp"
#include "teamwright/placement/staffing.hpp"

namespace teamwright::io {

[[nodiscard]] std::string dump_result(const cover::Solution& solution);
[[nodiscard]] std::string dump_result(const assign::GeneralizedSolution& solution);
[[nodiscard]] std::string dump_result(const placement::PlacementResult& result);
[[nodiscard]] std::string dump_result(const placement::StaffingResult& result);
[[nodiscard]] std::string dump_result(const placement::MentoringResult& result);
[[nodiscard]] std::string dump_result(const placement::SplitResult& result);

/// Reads what `dump_result` wrote, for the checkers (`assign::check`): fields it does not know
/// are ignored. Throws `FormatError` for malformed JSON, a missing field or a value of the
/// wrong type. JSON has no infinity: an infinite bound or relative gap is written as null, and
/// a null bound reads as the infinity of `sense` (+inf when minimising).
[[nodiscard]] assign::GeneralizedSolution parse_generalized_solution(std::string_view text,
                                                                     assign::Sense sense);
[[nodiscard]] placement::SplitResult parse_split_result(std::string_view text);

}  // namespace teamwright::io
