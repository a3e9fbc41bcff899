#include "teamwright/cover/solve.hpp"

#include <cmath>
#include <random>
#include <string>

#include "cover/analysis.hpp"
#include "cover/control.hpp"
#include "cover/exact.hpp"
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

// Which chosen column fills which slot row (a maximum assignment).
std::vector<std::pair<Index, Index>> assign_slots(const Problem& problem,
                                                  const detail::Analysis& analysis,
                                                  const std::vector<Index>& columns) {
  if (!problem.has_slot_rows()) {
    return {};
  }
  detail::SlotMatching matching(static_cast<std::size_t>(problem.num_columns()),
                                detail::slot_capacity(problem, analysis.capacity),
                                detail::RowsOf{&problem});
  for (const Index j : columns) {
    matching.add(j);
  }
  return matching.pairs();
}

}  // namespace

Solution solve(const Problem& problem, const SolveOptions& options, const SolveHooks& hooks) {
  check_options(options);
  detail::Control control(options, hooks);
  control.set_integral_costs(integral_costs(problem));
  const detail::Analysis analysis = detail::analyze(problem);
  Solution greedy = detail::greedy(problem, analysis);
  if (greedy.status == Status::kInfeasible) {
    greedy.time_s = control.elapsed();
    greedy.time_to_best_s = greedy.time_s;
    return greedy;
  }
  if (greedy.status != Status::kNoSolutionFound) {
    control.offer(greedy.columns, greedy.cost);
  }
  control.offer_bound(greedy.bound);

  const bool exact = options.mode == SolveOptions::Mode::kExact;
  const bool pure = detail::is_pure(problem);
  std::vector<double> multipliers;
  if (pure && control.incumbent().exists() && !control.closed() && !control.stop()) {
    std::mt19937_64 random(options.seed);
    multipliers = detail::lagrangian_heuristic(problem, analysis, control, random,
                                               !exact && std::isfinite(options.time_limit_s));
  }
  bool exhausted = false;
  if (exact && !control.closed() && !control.stop()) {
    exhausted = detail::branch_and_bound(problem, analysis, control, std::move(multipliers),
                                         options.threads) &&
                !control.incumbent().exists();
  }

  Solution result;
  if (control.incumbent().exists()) {
    const detail::Incumbent& best = control.incumbent();
    result.columns = best.columns;
    result.cost = best.cost;
    result.bound = std::min(control.bound(), best.cost);
    result.status = control.closed() ? Status::kOptimal : Status::kFeasible;
    result.slot_assignment = assign_slots(problem, analysis, best.columns);
  } else {
    result = std::move(greedy);  // the best partial cover
    if (exhausted) {
      result.status = Status::kInfeasible;
      result.infeasibilities.push_back({Infeasibility::Kind::kExhaustedSearch, {}, {}, 0, 0});
    }
  }
  result.termination = control.termination();
  result.time_to_best_s = control.time_to_best();
  result.time_s = control.elapsed();
  return result;
}

}  // namespace teamwright::cover
