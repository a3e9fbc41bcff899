#include "teamwright/cover/solve.hpp"

#include <cmath>
#include <random>
#include <string>

#include "cover/analysis.hpp"
#include "cover/constrained.hpp"
#include "cover/control.hpp"
#include "cover/exact.hpp"
#include "cover/lagrangian.hpp"
#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::cover {
namespace {

bool integral(double value) { return value == std::floor(value); }

// Whether every objective value is an integer: integral costs, and soft rows whose penalties,
// demands and coefficients are integral.
bool integral_objective(const Problem& problem) {
  for (Index j = 0; j < problem.num_columns(); ++j) {
    if (!integral(problem.cost(j))) {
      return false;
    }
  }
  for (Index i = 0; i < problem.num_rows(); ++i) {
    if (!problem.is_soft(i)) {
      continue;
    }
    if (!integral(*problem.penalty(i)) || !integral(problem.demand(i))) {
      return false;
    }
    for (const double a : problem.coefficients_in(i)) {
      if (!integral(a)) {
        return false;
      }
    }
  }
  return true;
}

// The problem without its budget, maximum size and conflicts, if it has any of them.
std::optional<Problem> without_limits(const Problem& p) {
  bool conflicts = false;
  for (Index j = 0; j < p.num_columns() && !conflicts; ++j) {
    conflicts = !p.conflicts_of(j).empty();
  }
  if (!p.budget() && !p.max_size() && !conflicts) {
    return std::nullopt;
  }
  Problem::Builder b;
  for (Index i = 0; i < p.num_rows(); ++i) {
    b.add_row(p.demand(i), {p.penalty(i), p.is_robust(i)});
  }
  for (Index j = 0; j < p.num_columns(); ++j) {
    b.add_column(p.cost(j), p.rows_of(j), p.coefficients_of(j),
                 {p.weight(j), p.counts_toward_size(j)});
  }
  for (Index g = 0; g < p.num_groups(); ++g) {
    b.add_group(p.group(g));
  }
  for (const Index j : p.fixed_columns()) {
    b.fix(j);
  }
  b.set_size_bounds(p.min_size(), std::nullopt);
  return std::move(b).build();
}

// Whether columns meeting every other constraint keep the budget, maximum size and conflicts.
bool keeps_limits(const Problem& p, const std::vector<Index>& columns) {
  double weight = 0;
  int size = 0;
  std::vector<char> chosen(static_cast<std::size_t>(p.num_columns()), 0);
  for (const Index j : columns) {
    weight += p.weight(j);
    size += p.counts_toward_size(j) ? 1 : 0;
    chosen[j] = 1;
  }
  if ((p.budget() && !detail::within(weight, *p.budget())) ||
      (p.max_size() && size > *p.max_size())) {
    return false;
  }
  for (const Index j : columns) {
    for (const Index other : p.conflicts_of(j)) {
      if (chosen[other] != 0) {
        return false;
      }
    }
  }
  return true;
}

// The problem with each column's budget weight as its cost, without its soft rows and budget:
// its cheapest solutions are the lightest ones meeting the hard rows.
Problem lightest(const Problem& p) {
  Problem::Builder b;
  for (Index i = 0; i < p.num_rows(); ++i) {
    b.add_row(p.is_soft(i) ? 0.0 : p.demand(i), {std::nullopt, p.is_robust(i)});
  }
  for (Index j = 0; j < p.num_columns(); ++j) {
    b.add_column(p.weight(j), p.rows_of(j), p.coefficients_of(j),
                 {p.weight(j), p.counts_toward_size(j)});
    for (const Index other : p.conflicts_of(j)) {
      if (j < other) {
        b.add_conflict(j, other);
      }
    }
  }
  for (Index g = 0; g < p.num_groups(); ++g) {
    b.add_group(p.group(g));
  }
  for (const Index j : p.fixed_columns()) {
    b.fix(j);
  }
  b.set_size_bounds(p.min_size(), p.max_size());
  return std::move(b).build();
}

// When a budget keeps the greedy from any solution: the lightest solutions the heuristic finds
// that fit the budget start the search.
void seed_within_budget(const Problem& problem, detail::Control& control, std::mt19937_64& random) {
  const Problem light = lightest(problem);
  const detail::Analysis analysis = detail::analyze(light);
  if (!analysis.infeasibilities.empty()) {
    return;
  }
  detail::Control inner = control.nested(
      [&](const std::vector<Index>& columns) -> std::optional<double> {
        double weight = 0;
        for (const Index j : columns) {
          weight += problem.weight(j);
        }
        if (!detail::within(weight, *problem.budget())) {
          return std::nullopt;
        }
        return detail::objective(problem, columns);
      },
      false);
  if (const Solution start = detail::greedy(light, analysis);
      start.status == Status::kOptimal || start.status == Status::kFeasible) {
    inner.offer(start.columns, start.cost);
  }
  inner.offer_bound(analysis.bound);
  if (!inner.closed() && !inner.stop()) {
    (void)detail::constrained_heuristic(light, analysis, inner, random, false);
  }
}

// The heuristic, then (unless in heuristic mode) the exact search, on a problem whose analysis
// proves nothing infeasible. Returns whether the exact search was exhausted without a solution.
bool run(const Problem& problem, const detail::Analysis& analysis, detail::Control& control,
         const SolveOptions& options, std::mt19937_64& random) {
  bool search = options.mode != SolveOptions::Mode::kHeuristic;
  // Heuristic mode works until the time limit; before an exact search the heuristic works a
  // fixed effort and leaves the rest of the time to the search.
  const bool until_stopped = !search && std::isfinite(options.time_limit_s);
  const bool pure = problem.is_pure();
  std::vector<double> multipliers;
  if (!control.closed() && !control.stop()) {
    if (!pure) {
      if (problem.budget() && !control.incumbent().exists()) {
        seed_within_budget(problem, control, random);
      }
      multipliers =
          detail::constrained_heuristic(problem, analysis, control, random, until_stopped);
      // Side constraints can leave the heuristic without any solution: then even heuristic mode
      // searches the tree, which finds one or proves there is none (a tiny request over its
      // budget spent the whole time limit, then said infeasible).
      search = search || !control.incumbent().exists();
    } else if (control.incumbent().exists()) {
      const detail::Effort effort = until_stopped ? detail::Effort::kUntilStopped
                                    : search      ? detail::Effort::kBeforeSearch
                                                  : detail::Effort::kBounded;
      multipliers = detail::lagrangian_heuristic(problem, analysis, control, random, effort);
    }
  }
  if (!search || control.closed() || control.stop()) {
    return false;
  }
  const bool finished =
      pure ? detail::branch_and_bound(problem, analysis, control, std::move(multipliers),
                                      options.threads)
           : detail::constrained_branch_and_bound(problem, analysis, control,
                                                  std::move(multipliers), options.threads);
  return finished && !control.incumbent().exists();
}

// A limit that does not bind must not change the answer: the problem without its budget,
// maximum size and conflicts is solved first, its answers that keep them becoming this solve's,
// until one breaks them (then they bind, and the problem itself is solved with the time left).
bool run_without_limits_first(const Problem& problem, const detail::Analysis& analysis,
                              detail::Control& control, const SolveOptions& options,
                              std::mt19937_64& random) {
  if (const std::optional<Problem> relaxed = without_limits(problem)) {
    const detail::Analysis relaxed_analysis = detail::analyze(*relaxed);
    if (relaxed_analysis.infeasibilities.empty()) {
      detail::Control inner = control.nested(
          [&](const std::vector<Index>& columns) {
            return keeps_limits(problem, columns)
                       ? std::optional(detail::objective(problem, columns))
                       : std::nullopt;
          },
          true);
      if (const Solution start = detail::greedy(*relaxed, relaxed_analysis);
          start.status == Status::kOptimal || start.status == Status::kFeasible) {
        inner.offer(start.columns, start.cost);
      }
      inner.offer_bound(relaxed_analysis.bound);
      if (run(*relaxed, relaxed_analysis, inner, options, random)) {
        return true;  // not even the relaxation has a solution
      }
      if (!inner.rejected() || control.closed() || control.stop()) {
        return false;
      }
    }
  }
  return run(problem, analysis, control, options, random);
}

}  // namespace

Solution solve(const Problem& problem, const SolveOptions& options, const SolveHooks& hooks) {
  validate(options);
  detail::Control control(options, hooks);
  control.set_integral_costs(integral_objective(problem));
  const detail::Analysis analysis = detail::analyze(problem);
  Solution greedy = detail::greedy(problem, analysis);
  if (greedy.status == Status::kInfeasible) {
    greedy.relative_gap = relative_gap(std::nullopt, greedy.bound);
    greedy.time_s = control.elapsed();
    greedy.time_to_best_s = greedy.time_s;
    return greedy;
  }
  if (greedy.status != Status::kNoSolutionFound) {
    control.offer(greedy.columns, greedy.cost);
  }
  control.offer_bound(analysis.bound);

  bool exhausted = false;
  if (!control.closed() && !control.stop()) {
    std::mt19937_64 random(options.seed);
    exhausted = run_without_limits_first(problem, analysis, control, options, random);
  }

  Solution result;
  if (control.incumbent().exists()) {
    const detail::Incumbent& best = control.incumbent();
    result.columns = best.columns;
    result.cost = detail::objective(problem, best.columns, &result.short_rows, &result.penalty);
    result.status = control.closed() ? Status::kOptimal : Status::kFeasible;
    // Closed within the tolerance: the optimum is the incumbent's objective.
    result.bound = control.closed() ? result.cost : std::min(control.bound(), result.cost);
    result.relative_gap = relative_gap(result.cost, result.bound);
  } else {
    result = std::move(greedy);  // the best partial cover
    if (exhausted) {
      result.status = Status::kInfeasible;
      result.infeasibilities.push_back({Infeasibility::Kind::kExhaustedSearch, {}, {}, 0, 0});
    }
    result.relative_gap = relative_gap(std::nullopt, result.bound);
  }
  result.termination = control.termination();
  result.time_to_best_s = control.time_to_best();
  result.time_s = control.elapsed();
  return result;
}

}  // namespace teamwright::cover
