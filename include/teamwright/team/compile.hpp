#pragma once

/// \file
/// Translation of a model and a request into a covering problem (team -> cover).
///
/// Rows: one per counted requirement (demand = count) and one slot row per role slot
/// (demand = count); "everyone" requirements filter candidates (hard) or surcharge them (soft).
/// Columns: one per eligible person, covering the rows they meet at their effective level,
/// costing their cost (min_cost) or 1 + cost / (total cost + 1) (min_size, which breaks size
/// ties by cost), weighing their cost in the budget; then, for each soft counted requirement,
/// as many slack columns as its demand, each standing for one missing member and costing
/// soft_penalty x importance. A soft requirement's demand is capped at the number of candidates
/// able to meet it: the rest is missed by every team alike, so it is a constant (the objective
/// offset). Must-include people are fixed columns, incompatible pairs conflicts.

#include <cstddef>
#include <string>
#include <vector>

#include "teamwright/cover/problem.hpp"
#include "teamwright/model/model.hpp"
#include "teamwright/team/rows.hpp"

namespace teamwright::team {

/// A compiled request and the way back from its rows and columns.
struct Compiled {
  cover::Problem problem;
  std::vector<RequestRow> rows;
  /// The request row behind each cover row.
  std::vector<std::size_t> cover_row_source;
  /// The person behind each of the first `people.size()` columns; later columns are slack.
  std::vector<PersonId> people;
  /// The request row each slack column stands for, by column - people.size().
  std::vector<std::size_t> slack_source;
  /// Must-include people who cannot be members, as sentences naming them and the rule.
  std::vector<std::string> excluded_must_include;
  /// The objective units one importance point of a soft requirement costs when left unmet.
  double soft_penalty = 0;
  /// Penalties every team pays (soft demand no candidate can meet); the team objective is the
  /// covering problem's cost plus this.
  double objective_offset = 0;
};

/// Compiles a validated request. Throws what `Model::validate` throws for a request that breaks
/// a rule. Deterministic; time proportional to the people's effective levels.
[[nodiscard]] Compiled compile(const Model& model, const TeamRequest& request);

}  // namespace teamwright::team
