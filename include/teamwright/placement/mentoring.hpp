#pragma once

/// \file
/// Mentoring pairs: people below a target level with colleagues strong enough to lift them, a
/// maximum-weight matching solved exactly as a linear assignment (assign/linear.hpp). Python
/// `teamwright.assign_mentors`, CLI `teamwright assign mentors`.
///
/// It keeps the solve contract (teamwright/solving.hpp): it takes the options and hooks, and its
/// result says its status, termination, bound, relative gap, time to best and total time.
/// Mentoring is exact in every mode: its status is kOptimal unless cancelled before it starts.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::placement {
/// A competency that mentoring should lift: members below `target_level` are mentees, members
/// at `mentor_level` or above may mentor them.
struct MentoringGoal {
  std::string competency;
  double target_level = 0;
  /// Unset: the target level.
  std::optional<double> mentor_level;
  /// Weight of this competency's gains, 1-5.
  int importance = 3;
};

/// One mentor for one mentee.
struct MentoringPair {
  std::string mentor;
  std::string mentee;
  /// The goals' competencies in which this mentor can lift this mentee.
  std::vector<std::string> competencies;
  /// Sum over those competencies of importance x (min(mentor's level, target) - mentee's level).
  double benefit = 0;
};

/// Pairs of greatest total benefit.
struct MentoringResult {
  /// Ordered by mentee, in the order the members were given.
  std::vector<MentoringPair> pairs;
  /// Members below a target who got no mentor (none strong enough, or all taken).
  std::vector<std::string> unpaired_mentees;
  double total_benefit = 0;
  Status status = Status::kOptimal;
  Termination termination = Termination::kCompleted;
  /// The total benefit, proven: the bound equals it.
  double bound = 0;
  double relative_gap = 0;
  double time_to_best_s = 0;
  double time_s = 0;
};

/// Pairs `people` one-to-one, each mentoring at most one colleague and being mentored by
/// at most one (possibly both, in different pairs, never with themselves), so that the total
/// benefit is greatest. Only pairs with a positive benefit are formed.
/// \throws UnknownReferenceError for an unknown person or competency; DuplicateIdError for a
///   member or goal competency given twice; OutOfRangeError for a level outside the scale, a
///   mentor level below the target or an importance outside 1-5.
[[nodiscard]] MentoringResult assign_mentors(const Model& model,
                                             std::span<const std::string> people,
                                             std::span<const MentoringGoal> goals,
                                             const SolveOptions& options = {},
                                             const SolveHooks& hooks = {});

}  // namespace teamwright::placement
