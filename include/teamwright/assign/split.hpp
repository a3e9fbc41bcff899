#pragma once

/// \file
/// Splitting a pool of people into k teams that each meet the same request as well as possible:
/// maximise the worst team's weighted coverage, then the average, under the rules classroom and
/// staffing tools offer (sizes, keep apart, keep together, no lone member of an attribute group,
/// no two previous teammates together). Exact by branch-and-bound on small pools; simulated
/// annealing over relocations and swaps at scale (docs/algorithms.md).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/model/request.hpp"

namespace teamwright::assign {

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

/// How to search.
struct SplitOptions {
  enum class Mode {
    /// Exact when the pool is small (at most 14 people after joining keep-together groups),
    /// else local search.
    kAuto,
    kExact,
    kLocalSearch,
  };
  Mode mode = Mode::kAuto;
  /// Seconds; 0 = no limit. The local search also stops after a fixed number of moves, so the
  /// same seed gives the same split whenever the limit does not cut it short.
  double time_limit_s = 10;
  std::uint64_t seed = 0;
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
  enum class Status {
    /// Keeps every rule and is proven best (exact mode finished).
    kOptimal,
    /// Keeps every rule; not proven best.
    kFeasible,
    /// Exact mode proved that no split keeps every rule; `violations` are those of the split
    /// breaking the fewest.
    kInfeasible,
    /// Breaks `violations`; no proof that every split must.
    kViolating,
  };
  Status status = Status::kFeasible;
  std::vector<SplitTeam> teams;
  double worst_coverage = 0;
  double average_coverage = 0;
  /// One sentence per broken rule, naming the team and the people.
  std::vector<std::string> violations;
  double time_s = 0;
};

/// The file-format name of a status: "optimal", "feasible", "infeasible", "violating".
[[nodiscard]] std::string_view to_string(SplitResult::Status status);

/// Splits `pool` (person ids; empty = everyone with availability > 0) into `rules.teams` teams,
/// each judged by the requirements of `request` (roles, budget and the other team options of a
/// request do not apply).
/// \throws UnknownReferenceError for an unknown person; DuplicateIdError for a person named twice
///   in the pool or in two keep-together groups; OutOfRangeError for teams < 1, size bounds that
///   no split of the pool can meet, a negative time limit; InvalidInputError for a rule naming a
///   person outside the pool or a requirement counted in FTE; the errors of `Model::validate`
///   for the request.
[[nodiscard]] SplitResult split(const Model& model, std::span<const std::string> pool,
                                const TeamRequest& request, const SplitRules& rules,
                                const SplitOptions& options = {});

/// The independent checker: recomputes every team's coverage and every rule from the model
/// alone and compares them with `result` (members a partition of the pool, team count, sizes,
/// coverages, worst and average, and the violations listed iff the status says so). Returns one
/// sentence per discrepancy; empty means consistent. Never throws for a valid input.
[[nodiscard]] std::vector<std::string> check(const Model& model, std::span<const std::string> pool,
                                             const TeamRequest& request, const SplitRules& rules,
                                             const SplitResult& result);

}  // namespace teamwright::assign
