// Splitting people into k teams (include/teamwright/placement/split.hpp, docs/algorithms.md).
//
// People in a keep-together group move as one unit. Every rule is a count the state keeps per
// team: members per requirement met, members per keep-apart group or previous team ("at most
// one" groups), members per attribute value ("never exactly one" groups), and the team's size.
// The violation count V sums the excess of every rule. Splits compare lexicographically by
// (V, -worst coverage, -average coverage).
//
// Exact mode: depth-first branch-and-bound over the units (largest first), a unit joining a used
// team or the first empty one (teams are interchangeable), sizes kept within bounds, pruned by
// the keep-apart violations so far and by optimistic coverages (each team as if every remaining
// person who meets a requirement joined it).
// Local search: simulated annealing (Kirkpatrick, Gelatt and Vecchi 1983) over relocations and
// swaps of units, minimising W V + sum_t exp(alpha (1 - coverage_t)) — a soft minimum that
// raises the worst teams first — from a greedy start that gives each unit to the team of lowest
// coverage with room; it keeps the lexicographically best split seen.

#include "teamwright/placement/split.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "placement/split_instance.hpp"
#include "placement/split_search.hpp"

namespace teamwright::placement {

using detail::branch_and_bound;
using detail::Deadline;
using detail::describe_violations;
using detail::local_search;
using detail::polish;
using detail::Score;
using detail::State;

SplitResult split(const Model& model, std::span<const std::string> people,
                  const TeamRequest& request, const SplitRules& rules, const SolveOptions& options,
                  const SolveHooks& hooks) {
  validate(options);
  const Deadline deadline(options, hooks);
  const detail::Instance in = detail::build(model, people, request, rules);
  using Mode = SolveOptions::Mode;
  const bool exact =
      options.mode == Mode::kExact || (options.mode == Mode::kAuto && in.units.size() <= 14);
  Score score;
  std::vector<int> teams;
  bool proven = false;
  if (exact) {
    proven = branch_and_bound(in, deadline, teams, score);
  }
  if (teams.empty()) {  // no split keeps the sizes (proven if the search finished), or stopped
    teams = local_search(in, deadline, options.seed);
  }
  if (!proven && exact) {
    polish(in, deadline, teams);
  }
  SplitResult result;
  result.violations = describe_violations(in, teams);
  const bool clean = result.violations.empty();
  result.status = clean ? (proven ? Status::kOptimal : Status::kFeasible)
                        : (proven ? Status::kInfeasible : Status::kNoSolutionFound);
  State state(in);
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    state.move(u, teams[u]);
  }
  result.teams.resize(static_cast<std::size_t>(in.k));
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    for (const int p : in.units[u]) {
      result.teams[static_cast<std::size_t>(teams[u])].members.push_back(
          in.ids[static_cast<std::size_t>(p)]);
    }
  }
  for (int t = 0; t < in.k; ++t) {
    auto& team = result.teams[static_cast<std::size_t>(t)];
    std::sort(team.members.begin(), team.members.end(), [&](const auto& a, const auto& b) {
      return model.person_id(a) < model.person_id(b);
    });
    team.coverage = state.coverage(t);
  }
  const Score final_score = state.score();
  result.worst_coverage = final_score.worst;
  result.average_coverage = final_score.average;
  result.bound = result.status == Status::kOptimal ? result.worst_coverage : 1.0;
  result.relative_gap = clean ? std::max(0.0, result.bound - result.worst_coverage) / result.bound
                              : std::numeric_limits<double>::infinity();
  result.termination = deadline.termination();
  result.time_to_best_s = deadline.time_to_best();
  result.time_s = deadline.elapsed();
  return result;
}

}  // namespace teamwright::placement
