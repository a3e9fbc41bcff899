#pragma once

/// \file
/// Gap closure as an optimisation: the cheapest mix of training members (trainable competencies
/// with known terms only, done by the deadline), transferring employees in and hiring external
/// candidates that closes every hard gap of a team against a request. Solved by the covering
/// engine: each member's group of columns gains a variant per training plan (the member as they
/// would be after it, at its cost), members are must-include at no cost, outsiders cost what
/// they cost (docs/model.md#gap-closure).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::analysis {

/// Which ways of closing gaps may be used, and by when.
struct ClosureOptions {
  /// Weeks from the model's as_of date by which each member's training must be done (a
  /// member's trainings run one after the other); unset: no deadline. Finite, >= 0.
  std::optional<double> deadline_weeks;
  bool train = true;
  bool transfer = true;
  bool hire = true;
  /// At most this many training plans per member (combinations of target levels over the
  /// competencies the hard gaps name); beyond it only single-competency plans are offered and
  /// the answer is not claimed optimal. >= 1.
  int max_plans = 256;
};

enum class ClosureKind { kTrain, kTransfer, kHire };

/// The file-format name of a closure kind: "train", "transfer", "hire".
[[nodiscard]] std::string_view to_string(ClosureKind kind);

/// One step of a closure.
struct ClosureAction {
  ClosureKind kind = ClosureKind::kTrain;
  PersonId person;
  /// kTrain: the competency, from the member's effective level to the target.
  std::optional<CompetencyId> competency;
  double from_level = 0;
  double to_level = 0;
  /// Training: (to - from) x cost_per_level; transfer and hire: the person's cost.
  double cost = 0;
  /// Training: (to - from) x weeks_per_level; 0 otherwise.
  double weeks = 0;
};

struct ClosureResult {
  /// Training (by member, then competency), then transfers, then hires.
  std::vector<ClosureAction> actions;
  /// The team after the closure, ascending.
  std::vector<PersonId> team;
  double cost = 0;
  double training_cost = 0;
  double transfer_cost = 0;
  double hire_cost = 0;
  /// The longest member's training time, in weeks.
  double weeks = 0;
  /// Why no closure exists (status kInfeasible) or none was found, as sentences.
  std::vector<std::string> reasons;
  Status status = Status::kNoSolutionFound;
  Termination termination = Termination::kCompleted;
  double bound = 0;
  double relative_gap = 0;
  double time_to_best_s = 0;
  double time_s = 0;
};

/// The cheapest closure of every hard gap of `team` against `request` (soft requirements do not
/// count). A team without hard gaps closes at cost 0 with no actions. Talents and traits are
/// never trained. Keeps the solve contract; small problems come back OPTIMAL.
/// \throws what `Model::validate` throws; DuplicateIdError for a member named twice;
///   OutOfRangeError for a negative or non-finite deadline or max_plans < 1;
///   InvalidInputError for a robust request (not supported).
[[nodiscard]] ClosureResult close_gaps(const Model& model, const TeamRequest& request,
                                       std::span<const PersonId> team,
                                       const ClosureOptions& closure = {},
                                       const SolveOptions& options = {},
                                       const SolveHooks& hooks = {});

}  // namespace teamwright::analysis
