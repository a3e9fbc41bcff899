#pragma once

/// \file
/// The job-posting profile of a role: what a hire must bring (the hard requirements) and what is
/// desirable (the soft ones), each with its level and scale label, ordered by importance. Talents
/// and traits are marked: they are what a posting hires for, since training cannot create them.

#include <optional>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"

namespace teamwright::analysis {

/// One competency a posting asks for.
struct PostingLine {
  CompetencyId competency;
  double min_level = 0;
  int importance = 3;
  /// Whether training can close it (skills and knowledge, unless marked otherwise).
  bool trainable = true;
};

struct JobPosting {
  /// The role posted, or none for a posting of a request's requirements.
  std::optional<RoleId> role;
  /// The role's name, or its id when it has none.
  std::string title;
  std::string description;
  /// Hard requirements, then soft ones, each most important first (ties in the role's order).
  std::vector<PostingLine> required;
  std::vector<PostingLine> desirable;
  std::vector<std::string> responsibilities;
};

/// The posting for `role`.
[[nodiscard]] JobPosting job_posting(const Model& model, RoleId role);

}  // namespace teamwright::analysis
