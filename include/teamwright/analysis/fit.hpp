#pragma once

/// \file
/// Fit and mismatch: how well every person fits every role (team::fit_score, docs/model.md#fit),
/// as a dense people x roles matrix, and the people whose fit in their current role is low while
/// another role they qualify for fits clearly better ("a person-task mismatch"), with the
/// evidence per requirement.

#include <Eigen/Core>
#include <span>
#include <vector>

#include "teamwright/model/model.hpp"

namespace teamwright::analysis {

/// People x roles, row-major (a person's fits are contiguous), in the model's people order.
using FitMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// The fit of every person for each of `roles` (empty: every role of the model, in its order).
[[nodiscard]] FitMatrix fit_matrix(const Model& model, std::span<const RoleId> roles = {});

/// One requirement of a role against a person's effective level.
struct RequirementEvidence {
  CompetencyId competency;
  double min_level = 0;
  double level = 0;
  int importance = 3;
  bool hard = true;
  [[nodiscard]] bool met() const { return level >= min_level; }
};

/// A person who fits another role clearly better than the one they hold.
struct Mismatch {
  PersonId person;
  RoleId current_role;
  double current_fit = 0;
  /// The best-fitting role the person qualifies for (meets its hard requirements).
  RoleId better_role;
  double better_fit = 0;
  /// Each requirement of the current role, then of the better role, against the person.
  std::vector<RequirementEvidence> current;
  std::vector<RequirementEvidence> better;
};

struct MismatchOptions {
  /// A fit in the current role below this is low. In (0, 1].
  double low_fit = 0.75;
  /// The better role must fit by at least this much more. In [0, 1].
  double margin = 0.2;
};

/// Every person with a current role whose fit in it is below `low_fit` while a role they
/// qualify for fits at least `margin` better, in people order; the best such role each.
/// \throws OutOfRangeError for options outside their ranges.
[[nodiscard]] std::vector<Mismatch> mismatches(const Model& model,
                                               const MismatchOptions& options = {});

}  // namespace teamwright::analysis
