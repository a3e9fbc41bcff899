#pragma once

// The results of io/json_solutions.hpp as nlohmann values, for io/ itself and for the Python
// bindings, which hand them to Python without going through text.

#include "io/json_document.hpp"
#include "teamwright/io/json_solutions.hpp"

namespace teamwright::io::detail {

[[nodiscard]] Json to_json(const cover::Solution& solution);
[[nodiscard]] Json to_json(const assign::GeneralizedSolution& solution);
[[nodiscard]] Json to_json(const placement::PlacementResult& result);
[[nodiscard]] Json to_json(const placement::StaffingResult& result);
[[nodiscard]] Json to_json(const placement::MentoringResult& result);
[[nodiscard]] Json to_json(const placement::SplitResult& result);

[[nodiscard]] assign::GeneralizedSolution generalized_solution_from_json(const Json& document,
                                                                         assign::Sense sense);
[[nodiscard]] placement::SplitResult split_result_from_json(const Json& document);

}  // namespace teamwright::io::detail
