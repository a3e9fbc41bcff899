#pragma once

/// \file
/// Team requests: what a team must cover and under which constraints.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace teamwright {

/// "Every member" as the count of a team requirement.
struct Everyone {
  friend bool operator==(Everyone, Everyone) = default;
};

/// Full-time equivalents as the count of a team requirement: the members at the level must
/// together be available this much (the sum of their availabilities).
struct Fte {
  double value = 1;

  friend bool operator==(Fte, Fte) = default;
};

/// How much a requirement asks for: at least n members (n >= 1), every member, or at least so
/// many FTE of members.
using MemberCount = std::variant<int, Everyone, Fte>;

/// "At least `count` members (or FTE) at level >= `min_level` in `competency`".
struct TeamRequirement {
  std::string competency;
  double min_level = 0;
  MemberCount count = 1;
  /// Importance 1..5: the weight of a soft requirement and the priority of its gaps.
  int importance = 3;
  /// A hard requirement must be met; a soft one is met when its penalty outweighs the cost.
  bool hard = true;

  friend bool operator==(const TeamRequirement&, const TeamRequirement&) = default;
};

/// `count` members must hold `role` (each member holds at most one role slot).
struct RoleSlot {
  std::string role;
  int count = 1;

  friend bool operator==(const RoleSlot&, const RoleSlot&) = default;
};

/// What the solver optimises (docs/model.md#objectives).
enum class Objective {
  kMinCost,  ///< the least total cost, soft requirements priced by importance
  kMinSize,  ///< the fewest members, then the least cost
  /// The most importance-weighted coverage of every requirement and role slot (hard or soft)
  /// within the budget, size and people constraints; then the least cost.
  kMaxCoverage,
  /// Coverage by importance tier: all importance-5 needs first, then 4, ...; then the least
  /// cost.
  kLexicographic,
};

/// The file-format name of an objective: "min_cost", "min_size", "max_coverage",
/// "lexicographic".
[[nodiscard]] std::string_view to_string(Objective objective);
/// The objective with that file-format name, or nothing.
[[nodiscard]] std::optional<Objective> parse_objective(std::string_view name);

/// What a team must cover. A request that cannot be met is not invalid: solving it gives an
/// infeasible result that names what is missing.
struct TeamRequest {
  std::string id;
  std::string name;
  std::string description;
  std::vector<TeamRequirement> requirements;
  std::vector<RoleSlot> roles;
  int min_size = 1;
  std::optional<int> max_size;
  /// Upper bound on the members' total cost.
  std::optional<double> budget;
  std::vector<std::string> must_include;
  std::vector<std::string> exclude;
  /// Pairs of people who must not be on the team together.
  std::vector<std::pair<std::string, std::string>> incompatible;
  Objective objective = Objective::kMinCost;
  /// Objective units charged per importance point for each unit of a soft requirement left
  /// unmet (a missing member or FTE, a member below an "everyone" level, a role holder below a
  /// soft requirement of the role). Unset: more than any team costs, so soft requirements are
  /// met whenever they can be. Used by min_cost and min_size.
  std::optional<double> soft_penalty;
  /// People available less than this (FTE, in [0, 1]) are not eligible; nobody with
  /// availability 0 ever is.
  double min_availability = 0;
  /// At least this many members hold a leader role: leader role slots of the request count,
  /// and the rest are filled by members qualifying for any leader role of the model.
  int min_leaders = 0;
  /// At most this many members hold a leader role ("a single strong leader works best").
  int max_leaders = 1;
  /// Every hard requirement and every role slot stays met if any one member leaves: each slot
  /// has a backup who can take it over.
  bool robust = false;

  friend bool operator==(const TeamRequest&, const TeamRequest&) = default;
};

}  // namespace teamwright
