#pragma once

/// \file
/// Development plans and job postings from a gap closure: for each member to train, the
/// diagnosis, a measurable goal (target level and date), the actions (a course, mentoring by a
/// named colleague strong in the competency, practice) and dated review checkpoints; for each
/// hire, the job posting to publish (docs/model.md#plans).

#include <optional>
#include <string>
#include <vector>

#include "teamwright/analysis/closure.hpp"
#include "teamwright/analysis/posting.hpp"
#include "teamwright/model/model.hpp"

namespace teamwright::analysis {

/// One competency a member is to reach.
struct DevelopmentGoal {
  CompetencyId competency;
  double from_level = 0;
  double target_level = 0;
  /// "YYYY-MM-DD": when the member's trainings up to this one are done.
  std::string start;
  std::string due;
  double cost = 0;
  /// A colleague at the target level or above who can mentor: a team member first, then any
  /// available employee, the strongest first; none when nobody is.
  std::optional<PersonId> mentor;
};

struct DevelopmentPlan {
  PersonId person;
  /// The role the member holds in the closed team, else their current role, else none.
  std::optional<RoleId> role;
  std::vector<DevelopmentGoal> goals;
  /// Review checkpoints: every `development.review_every_weeks` from the start, and the last
  /// goal's due date.
  std::vector<std::string> reviews;
};

struct Plan {
  /// The date the plan starts (the model's as_of).
  std::string start;
  std::vector<DevelopmentPlan> development;
  /// For each hire: the person and the posting of the role they fill (the best-fitting role of
  /// the request's slots they qualify for, else the role whose posting is closest to the gaps).
  std::vector<std::pair<PersonId, JobPosting>> postings;
  /// The employees to transfer in.
  std::vector<PersonId> transfers;
  double cost = 0;
  /// The closure's status, and why there is no plan when it closed nothing (kInfeasible,
  /// kNoSolutionFound).
  Status status = Status::kOptimal;
  std::vector<std::string> reasons;
};

/// The plan that carries out `closure` (a result of close_gaps for `team` and `request`).
[[nodiscard]] Plan development_plan(const Model& model, const TeamRequest& request,
                                    const ClosureResult& closure);

}  // namespace teamwright::analysis
