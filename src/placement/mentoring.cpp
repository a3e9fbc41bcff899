// Mentoring pairs as one linear assignment of mentees to mentors
// (include/teamwright/placement/mentoring.hpp, docs/algorithms.md), with a "nobody" column per
// mentee.

#include "teamwright/placement/mentoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "placement/common.hpp"
#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"

namespace teamwright::placement {

using detail::cancelled_before;
using detail::contains;
using detail::finish;
using detail::resolve;
using detail::resolve_people;
using util::number;
using util::quote;

MentoringResult assign_mentors(const Model& model, std::span<const std::string> people_ids,
                               std::span<const MentoringGoal> goals, const SolveOptions& options,
                               const SolveHooks& hooks) {
  validate(options);
  util::SearchClock clock(options, hooks);
  const std::vector<PersonId> people = resolve_people(model, people_ids);
  const double top = model.scale().max_level();
  std::vector<CompetencyId> competencies;
  std::set<std::string, std::less<>> seen;
  for (const MentoringGoal& goal : goals) {
    const std::string where = "mentoring goal " + quote(goal.competency);
    competencies.push_back(
        resolve("mentoring goal", [&] { return model.competency_id(goal.competency); }));
    if (!seen.insert(goal.competency).second) {
      throw DuplicateIdError(where + ": the competency is named twice");
    }
    const double mentor = goal.mentor_level.value_or(goal.target_level);
    if (!(goal.target_level >= 0 && goal.target_level <= top) || !(mentor <= top)) {
      throw OutOfRangeError(where + ": levels must lie on the scale 0-" + number(top));
    }
    if (!(mentor >= goal.target_level)) {
      throw OutOfRangeError(where + ": mentor_level " + number(mentor) +
                            " is below the target level " + number(goal.target_level));
    }
    if (goal.importance < 1 || goal.importance > 5) {
      throw OutOfRangeError(where + ": importance " + std::to_string(goal.importance) +
                            " is outside 1-5");
    }
  }

  // levels[p][g]: member p's effective level in goal g's competency.
  std::vector<std::vector<double>> levels(people.size());
  std::vector<std::size_t> mentees;
  std::vector<std::size_t> mentors;
  for (std::size_t p = 0; p < people.size(); ++p) {
    bool below = false;
    bool strong = false;
    for (std::size_t g = 0; g < goals.size(); ++g) {
      const double level = model.effective_level(people[p], competencies[g]);
      levels[p].push_back(level);
      below = below || !team::meets(level, goals[g].target_level);
      strong = strong || team::meets(level, goals[g].mentor_level.value_or(goals[g].target_level));
    }
    if (below) {
      mentees.push_back(p);
    }
    if (strong) {
      mentors.push_back(p);
    }
  }

  // Whether mentor r can lift mentee e in goal g, and by how much (importance x levels to go).
  const auto lift = [&](std::size_t e, std::size_t r, std::size_t g) {
    const double target = goals[g].target_level;
    const double mentee_level = levels[mentees[e]][g];
    const bool can = mentors[r] != mentees[e] && mentee_level < target &&
                     levels[mentors[r]][g] >= goals[g].mentor_level.value_or(target);
    return can ? goals[g].importance * (target - mentee_level) : 0.0;
  };
  detail::WithNobody matrix(mentees.size(), mentors.size());
  double bound = 0;  // each mentee's best mentor: an upper bound on the total benefit
  bool built = true;
  for (std::size_t e = 0; e < mentees.size(); ++e) {
    if (clock.stop()) {
      built = false;
      bound = std::numeric_limits<double>::infinity();
      break;
    }
    double best = 0;
    for (std::size_t r = 0; r < mentors.size(); ++r) {
      double benefit = 0;
      for (std::size_t g = 0; g < goals.size(); ++g) {
        benefit += lift(e, r, g);
      }
      if (benefit > 0) {
        matrix.value[matrix.at(e, r)] = benefit;
        best = std::max(best, benefit);
      } else {
        matrix.forbidden[matrix.at(e, r)] = 1;
      }
    }
    bound += best;
  }

  MentoringResult result;
  if (cancelled_before(clock, result)) {
    return result;
  }
  const detail::WithNobody::Solved solved = built ? matrix.solve(clock) : matrix.unsolved();
  for (std::size_t e = 0; e < mentees.size(); ++e) {
    if (solved.column[e] < 0) {
      result.unpaired_mentees.push_back(people_ids[mentees[e]]);
      continue;
    }
    const auto r = static_cast<std::size_t>(solved.column[e]);
    MentoringPair pair{.mentor = people_ids[mentors[r]], .mentee = people_ids[mentees[e]]};
    for (std::size_t g = 0; g < goals.size(); ++g) {
      if (const double gain = lift(e, r, g); gain > 0) {
        pair.competencies.push_back(goals[g].competency);
        pair.benefit += gain;
      }
    }
    result.total_benefit += pair.benefit;
    result.pairs.push_back(std::move(pair));
  }
  finish(clock, result, solved.complete, result.total_benefit, bound);
  return result;
}

}  // namespace teamwright::placement
