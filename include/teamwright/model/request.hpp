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

/// How many members a requirement asks for: at least n (n >= 1), or every member.
using MemberCount = std::variant<int, Everyone>;

/// "At least `count` members at level >= `min_level` in `competency`".
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

/// What the solver minimises. Ties in team size are broken by cost.
enum class Objective { kMinCost, kMinSize };

/// The file-format name of an objective: "min_cost", "min_size".
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
  /// unmet (a missing member, or a member below an "everyone" level). Unset: more than any team
  /// costs, so soft requirements are met whenever they can be.
  std::optional<double> soft_penalty;

  friend bool operator==(const TeamRequest&, const TeamRequest&) = default;
};

}  // namespace teamwright
