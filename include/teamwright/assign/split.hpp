#pragma once

/// \file
/// Deprecated: splitting moved to teamwright/placement/split.hpp and namespace
/// `teamwright::placement`. These names of the previous release forward to it and will be
/// removed in the next.

#include <span>
#include <string>
#include <vector>

#include "teamwright/placement/split.hpp"

namespace teamwright::assign {

using placement::SplitResult;
using placement::SplitRules;
using placement::SplitTeam;

[[deprecated("use placement::split")]] [[nodiscard]] inline SplitResult split(
    const Model& model, std::span<const std::string> people, const TeamRequest& request,
    const SplitRules& rules, const SolveOptions& options = {}, const SolveHooks& hooks = {}) {
  return placement::split(model, people, request, rules, options, hooks);
}

[[deprecated("use placement::check")]] [[nodiscard]] inline std::vector<std::string> check(
    const Model& model, std::span<const std::string> people, const TeamRequest& request,
    const SplitRules& rules, const SplitResult& result) {
  return placement::check(model, people, request, rules, result);
}

}  // namespace teamwright::assign
