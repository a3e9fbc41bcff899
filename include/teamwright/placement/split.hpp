#pragma once

/// \file
/// Splitting a pool of people into k teams that each meet the same request as well as possible:
/// maximise the worst team's weighted coverage, then the average, under the rules classroom and
/// staffing tools offer (sizes, keep apart, keep together, no lone member of an attribute group,
/// no two previous teammates together). Exact by branch-and-bound on small pools; simulated
/// annealing over relocations and swaps at scale (docs/algorithms.md). Python `teamwright.split`,
/// CLI `teamwright split`.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/model/request.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::placement {

/// The rules a split must keep. Sizes and keep-together groups shape every split whenever they
/// can; of those splits, the best breaks the fewest other rules (keep apart, no lone member,
/// previous teammates), then has the greatest worst coverage, then the greatest average. Every
/// broken rule is reported with the team and the people.
struct SplitRules {
  /// Number of teams, >= 1.
  int teams = 2;
  /// Team size bounds; unset: floor(n / teams) and ceil(n / teams).
  std::optional<int> min_size;
  std::optional<int> max_size;
  /// Groups of people of whom no two may share a team.
  std::vector<std::vector<std::string>> keep_apart;
  /// Groups of people who must share a team.
  std::vector<std::vector<std::string>> keep_together;
  /// Attribute names (e.g. "gender", "location"): no team may hold exactly one member with a
  /// given value of the attribute. People without the attribute are not counted.
  std::vector<std::string> no_lone;
  /// An attribute naming each person's previous team: no two people with the same value may
  /// share a team again. Empty: no such rule.
  std::string previous_team;
};

/// One team of a split.
struct SplitTeam {
  std::vector<std::string> members;
  /// Importance-weighted mean over the request's requirements of min(provided / needed, 1),
  /// where provided counts members at the level and needed is the count (or the team's size for
  /// "everyone"); 1 for a request without requirements.
  double coverage = 0;
};

/// The best split found.
struct SplitResult {
  /// kOptimal: keeps every rule and is proven best (the exact search finished); kFeasible: keeps
  /// every rule, not proven best; kInfeasible: proven that no split keeps every rule;
  /// kNoSolutionFound: breaks `violations`, with no proof that every split must. The split is
  /// the best found either way (the fewest broken rules first).
  Status status = Status::kFeasible;
  Termination termination = Termination::kCompleted;
  std::vector<SplitTeam> teams;
  double worst_coverage = 0;
  double average_coverage = 0;
  /// An upper bound on the worst coverage any split keeping the rules reaches (the worst
  /// coverage itself when proven optimal), and the relative gap to it.
  double bound = 1;
  double relative_gap = 0;
  /// One sentence per broken rule, naming the team and the people.
  std::vector<std::string> violations;
  double time_to_best_s = 0;
  double time_s = 0;
};

/// Splits `people` (person ids; empty = everyone with availability > 0) into `rules.teams` teams,
/// each judged by the requirements of `request` (roles, budget and the other team options of a
/// request do not apply).
/// \throws UnknownReferenceError for an unknown person; DuplicateIdError for a person named twice
///   in the pool or in two keep-together groups; OutOfRangeError for teams < 1, size bounds that
///   no split of the pool can meet, a negative time limit; InvalidInputError for a rule naming a
///   person outside the pool or a requirement counted in FTE; the errors of `Model::validate`
///   for the request.
/// The solve contract (teamwright/solving.hpp): auto mode searches exactly when the pool is
/// small (at most 14 people after joining keep-together groups) and by local search otherwise;
/// exact mode always searches exactly, heuristic mode always by local search (which also stops
/// after a fixed number of moves, so the same seed gives the same split whenever the time limit
/// does not cut it short). Single-threaded. Progress reports every better worst coverage;
/// cancellation returns the best split found.
[[nodiscard]] SplitResult split(const Model& model, std::span<const std::string> people,
                                const TeamRequest& request, const SplitRules& rules,
                                const SolveOptions& options = {}, const SolveHooks& hooks = {});

/// The independent checker: recomputes every team's coverage and every rule from the model
/// alone and compares them with `result` (members a partition of the pool, team count, sizes,
/// coverages, worst and average, and the violations listed iff the status says so). Returns one
/// sentence per discrepancy; empty means consistent. Never throws for a valid input.
[[nodiscard]] std::vector<std::string> check(const Model& model,
                                             std::span<const std::string> people,
                                             const TeamRequest& request, const SplitRules& rules,
                                             const SplitResult& result);

}  // namespace teamwright::placement
