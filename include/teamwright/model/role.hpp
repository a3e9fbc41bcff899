#pragma once

/// \file
/// Roles: job descriptions made precise.

#include <string>
#include <vector>

namespace teamwright {

/// What the holder of a role must (hard) or should (soft) have.
struct RoleRequirement {
  std::string competency;
  double min_level = 0;
  /// O*NET-style importance 1 (marginal) .. 5 (essential).
  int importance = 3;
  /// Hard requirements decide who qualifies for the role; soft ones are reported as gaps.
  bool hard = true;

  friend bool operator==(const RoleRequirement&, const RoleRequirement&) = default;
};

/// A role is held by one person; how many holders a team needs is the count of its slot in a
/// `TeamRequest`.
struct Role {
  std::string id;
  std::string name;
  std::string description;
  std::vector<RoleRequirement> requirements;
  std::vector<std::string> responsibilities;
  /// A leading role. The literature finds a single strong leader works best.
  bool leader = false;

  friend bool operator==(const Role&, const Role&) = default;
};

}  // namespace teamwright
