#include "teamwright/cover/solve.hpp"

#include <cmath>
#include <random>
#include <string>

#include "cover/analysis.hpp"
#include "cover/control.hpp"
#include "cover/lagrangian.hpp"
#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::cover {
namespace {

void check_options(const SolveOptions& options) {
  if (!(options.time_limit_s >= 0)) {
    throw OutOfRangeError("solve options: time limit " + util::number(options.time_limit_s) +
                          " must be >= 0");
  }
  if (options.threads < 1) {
    throw OutOfRangeError("solve options: threads " + std::to_string(options.threads) +
                          " must be >= 1");
  }
}

bool integral_costs(const Problem& problem) {
  for (Index j = 0; j < problem.num_columns(); ++j) {
    if (problem.cost(j) != std::floor(problem.cost(j))) {
      return false;
    }
  }
  return true;
}

}  // namespace

Solution solve(const Problem& problem, const SolveOptions& options, const SolveHooks& hooks) {
  check_options(options);
  detail::Control control(options, hooks);
  control.set_integral_costs(integral_costs(problem));
  const detail::Analysis analysis = detail::analyze(problem);
  Solution greedy = detail::greedy(problem, analysis);
  const bool solved = greedy.status == Status::kOptimal || greedy.status == Status::kFeasible;
  if (solved) {
    control.offer(greedy.columns, greedy.cost);
    control.offer_bound(greedy.bound);
  }

  if (solved && !control.closed() && detail::is_pure(problem) && !control.stop()) {
    std::mt19937_64 random(options.seed);
    detail::lagrangian_heuristic(problem, analysis, control, random,
                                 std::isfinite(options.time_limit_s));
  }

  Solution result;
  if (solved) {
    const detail::Incumbent& best = control.incumbent();
    result.columns = best.columns;
    result.cost = best.cost;
    result.bound = std::min(control.bound(), best.cost);
    result.status = control.closed() ? Status::kOptimal : Status::kFeasible;
    if (best.columns == greedy.columns) {
      result.slot_assignment = greedy.slot_assignment;
    }
  } else {
    result = std::move(greedy);
  }
  result.termination = control.termination();
  result.time_to_best_s = control.time_to_best();
  result.time_s = control.elapsed();
  return result;
}

}  // namespace teamwright::cover
