#pragma once

// One search for a team: compile, solve with the covering engine, and read the team back
// (members, slot holders, cost, objective). Shared by `team::solve` and the searches its
// explanations run.

#include <chrono>
#include <vector>

#include "teamwright/cover/solution.hpp"
#include "teamwright/team/compile.hpp"
#include "teamwright/team/evaluate.hpp"

namespace teamwright::team::detail {

struct Found {
  Compiled compiled;
  cover::Solution solution;
  /// The team, ascending, and who holds which slot (at most a slot row's count each).
  std::vector<PersonId> team;
  std::vector<SlotHolder> holders;
  /// The members' cost, and the objective of the team with those holders.
  double cost = 0;
  double objective = 0;

  [[nodiscard]] bool solved() const {
    return solution.status == Status::kOptimal || solution.status == Status::kFeasible;
  }
};

/// Solves `request` (a compile with `how`). A request with static reasons is infeasible without
/// a search.
[[nodiscard]] Found search(const Model& model, const TeamRequest& request,
                           const SolveOptions& options, const SolveHooks& hooks,
                           const CompileOptions& how = {});

/// The time an explanation may still use, out of the limit of the whole call.
class Budget {
 public:
  Budget(double time_limit_s, const CancellationToken* cancel)
      : start_(std::chrono::steady_clock::now()), limit_(time_limit_s), cancel_(cancel) {}

  [[nodiscard]] double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  [[nodiscard]] double remaining() const { return limit_ - elapsed(); }
  [[nodiscard]] bool cancelled() const { return cancel_ != nullptr && cancel_->cancelled(); }
  /// Whether no time is left (or the call was cancelled).
  [[nodiscard]] bool spent() const { return cancelled() || remaining() <= 0; }
  /// Options for one of `searches` further searches: an equal share of the remaining time, in
  /// auto mode where `base` asks for the heuristic (so that they stop once proven).
  [[nodiscard]] SolveOptions share(const SolveOptions& base, std::size_t searches) const;
  [[nodiscard]] SolveHooks hooks() const { return {nullptr, cancel_}; }

 private:
  std::chrono::steady_clock::time_point start_;
  double limit_;
  const CancellationToken* cancel_;
};

}  // namespace teamwright::team::detail
