#include "team/search.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "teamwright/cover/solve.hpp"

namespace teamwright::team::detail {

SolveOptions Budget::share(const SolveOptions& base, std::size_t searches) const {
  SolveOptions options = base;
  // The searches behind an answer's explanation (relaxations, hires, replacements, the best
  // partial team) stop once proven: in heuristic mode each would refine until its share ran out
  // (a tiny infeasible request took its whole time limit).
  if (options.mode == SolveOptions::Mode::kHeuristic) {
    options.mode = SolveOptions::Mode::kAuto;
  }
  if (std::isfinite(limit_)) {
    options.time_limit_s =
        std::max(remaining(), 0.0) / static_cast<double>(std::max<std::size_t>(searches, 1));
  }
  return options;
}

Found search(const Model& model, const TeamRequest& request, const SolveOptions& options,
             const SolveHooks& hooks, const CompileOptions& how) {
  Found found{compile(model, request, how), {}, {}, {}, 0, 0};
  const Compiled& c = found.compiled;
  if (!c.static_reasons.empty()) {
    found.solution.status = Status::kInfeasible;
    found.solution.relative_gap = relative_gap(std::nullopt, 0);
    return found;
  }
  found.solution = cover::solve(c.problem, options, hooks);
  const cover::Solution& s = found.solution;

  // The chosen variants: members, and the slot holders of each slot row, cheapest variants
  // first. A slot row given more holders than it has slots keeps its count of them; the others
  // become plain members, which costs no more.
  std::map<std::size_t, std::vector<cover::Index>> by_slot;
  found.objective = s.cost;
  for (const cover::Index j : s.columns) {
    found.team.push_back(c.column_person[j]);
    found.cost += model.person(c.column_person[j]).cost;
    if (c.column_slot[j] != Compiled::kNoRow) {
      by_slot[c.column_slot[j]].push_back(j);
    }
  }
  for (auto& [row, columns] : by_slot) {
    std::stable_sort(columns.begin(), columns.end(), [&](cover::Index a, cover::Index b) {
      return c.problem.cost(a) < c.problem.cost(b);
    });
    const auto count = static_cast<std::size_t>(c.rows[row].count);
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const cover::Index j = columns[k];
      if (k < count) {
        found.holders.push_back({c.column_person[j], row, *c.column_role[j]});
        continue;
      }
      // The member variant is the first of the person's group.
      const cover::Index member = c.problem.group(c.problem.group_of(j)).front();
      found.objective += c.problem.cost(member) - c.problem.cost(j);
    }
  }
  std::sort(found.team.begin(), found.team.end());
  std::sort(found.holders.begin(), found.holders.end(),
            [](const SlotHolder& a, const SlotHolder& b) { return a.person < b.person; });
  return found;
}

}  // namespace teamwright::team::detail
