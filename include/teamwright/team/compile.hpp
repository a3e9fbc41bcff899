#pragma once

/// \file
/// Translation of a model and a request into a covering problem (team -> cover); the rules are
/// in docs/model.md#from-a-request-to-a-covering-problem.
///
/// Columns: each eligible person has a group of *variants*, of which a team takes at most one:
/// the person as a member holding no slot, and the person holding each slot row (role slot, or
/// "a leader") they qualify for. Every variant covers the counted and FTE rows the person meets
/// (FTE rows with the person's availability as coefficient), costs the person's objective cost
/// (cost for min_cost, 1 + cost / (total + 1) for min_size, a cost share below any unit of
/// coverage for max_coverage and lexicographic) plus the penalties of the soft "everyone"
/// requirements they miss and, for a slot variant, of the soft requirements of the role, and
/// weighs the person's cost in the budget.
/// Rows: one per counted, FTE and slot row (a soft row's penalty is soft_penalty x importance
/// per unit short; robust rows stay met without any one member); for robust requests one row
/// per set of slot rows, "more qualified members than those slots together", which is Hall's
/// condition with a backup to spare; one row per must-include person. Incompatible pairs are
/// conflicts between all their variants.

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "teamwright/cover/problem.hpp"
#include "teamwright/model/model.hpp"
#include "teamwright/team/rows.hpp"

namespace teamwright::team {

/// Another way a person could serve: with these effective levels, at this extra cost (gap
/// closure: the person after a planned training). `tag` comes back in `Compiled::column_upgrade`.
struct Upgrade {
  std::vector<LevelEntry> levels;
  double extra_cost = 0;
  std::size_t tag = 0;
};

/// How to compile.
struct CompileOptions {
  /// Only the hard constraints matter: every cost and soft row left out, so that any team that
  /// meets the request is optimal (the searches of explanations ask "is there a team at all?").
  bool feasibility = false;
  /// Upgrades per person, each more variants in the person's group (at most one is taken). With
  /// upgrades no candidate is pruned by dominance.
  std::function<std::vector<Upgrade>(PersonId)> upgrades;
};

/// A compiled request and the way back from its rows and columns.
struct Compiled {
  /// Marks a cover row that is not a request row (a backup row or a must-include row).
  static constexpr std::size_t kNoRow = std::numeric_limits<std::size_t>::max();

  cover::Problem problem;
  std::vector<RequestRow> rows;
  /// The request row behind each cover row, or kNoRow.
  std::vector<std::size_t> cover_row_source;
  /// Per column: the person, the request row of the slot the variant holds (kNoRow for none),
  /// and the role held.
  std::vector<PersonId> column_person;
  std::vector<std::size_t> column_slot;
  std::vector<std::optional<RoleId>> column_role;
  /// Per column: the tag of the upgrade it serves with, or kNoRow for the person as they are.
  std::vector<std::size_t> column_upgrade;
  /// Per column: the part of its cost that is the person's objective cost, without penalties.
  std::vector<double> column_base;
  /// Reasons no team can exist that need no search (a must-include person who cannot serve,
  /// more leader slots than max_leaders), as sentences.
  std::vector<std::string> static_reasons;
  /// The objective units one unit of each request row costs when left unmet (0 for hard rows
  /// under min_cost and min_size).
  std::vector<double> row_penalty;
};

/// Compiles a validated request. Throws what `Model::validate` throws for a request that breaks
/// a rule, and `OutOfRangeError` for a robust request with more than 12 slot rows. Deterministic;
/// time proportional to the people's effective levels (times 2^slots for robust requests).
[[nodiscard]] Compiled compile(const Model& model, const TeamRequest& request,
                               const CompileOptions& options = {});

}  // namespace teamwright::team
