// Development plans and postings from a closure (include/teamwright/analysis/plan.hpp).

#include "teamwright/analysis/plan.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "teamwright/model/dates.hpp"
#include "teamwright/team/eligibility.hpp"
#include "teamwright/team/evaluate.hpp"

namespace teamwright::analysis {
namespace {

std::int64_t days(double weeks) { return static_cast<std::int64_t>(std::ceil(weeks * 7 - 1e-9)); }

// The strongest available employee at `level` or above in `competency`, team members first.
std::optional<PersonId> mentor_for(const Model& model, const std::vector<PersonId>& team,
                                   PersonId learner, CompetencyId competency, double level) {
  std::optional<PersonId> best;
  std::pair<bool, double> best_key{false, 0};
  for (std::uint32_t k = 0; k < model.people().size(); ++k) {
    const PersonId person(k);
    const Person& p = model.person(person);
    const double have = model.effective_level(person, competency);
    if (person == learner || p.external || p.availability <= 0 || !team::meets(have, level)) {
      continue;
    }
    const std::pair<bool, double> key{std::binary_search(team.begin(), team.end(), person), have};
    if (!best || key > best_key) {
      best = person;
      best_key = key;
    }
  }
  return best;
}

// The posting for a hire: the best-fitting slot role of the request they qualify for, else the
// request's hard requirements they meet.
JobPosting posting_for(const Model& model, const TeamRequest& request, PersonId hire) {
  const std::vector<LevelEntry> levels = model.effective_levels(hire);
  std::optional<RoleId> best;
  double best_fit = -1;
  for (const RoleSlot& slot : request.roles) {
    const RoleId role = model.role_id(slot.role);
    if (const auto fit = team::role_fit(model, levels, role); fit && *fit > best_fit) {
      best = role;
      best_fit = *fit;
    }
  }
  if (best) {
    return job_posting(model, *best);
  }
  JobPosting posting;
  posting.title = (request.name.empty() ? request.id : request.name) + ": team member";
  posting.description = request.description;
  for (const TeamRequirement& r : request.requirements) {
    const CompetencyId c = model.competency_id(r.competency);
    if (r.hard && team::meets(level_in(levels, c), r.min_level)) {
      posting.required.push_back(
          {c, r.min_level, r.importance, model.competency(c).is_trainable()});
    }
  }
  std::stable_sort(
      posting.required.begin(), posting.required.end(),
      [](const PostingLine& a, const PostingLine& b) { return a.importance > b.importance; });
  return posting;
}

}  // namespace

Plan development_plan(const Model& model, const TeamRequest& request,
                      const ClosureResult& closure) {
  Plan plan;
  plan.start = model.as_of();
  plan.cost = closure.cost;
  plan.status = closure.status;
  plan.reasons = closure.reasons;
  const std::int64_t start = *day_number(plan.start);
  const double every = model.framework().development.review_every_weeks;
  const team::Coverage coverage = team::evaluate(model, request, closure.team);
  std::map<PersonId, DevelopmentPlan> by_member;
  for (const ClosureAction& a : closure.actions) {
    if (a.kind != ClosureKind::kTrain) {
      if (a.kind == ClosureKind::kHire) {
        plan.postings.emplace_back(a.person, posting_for(model, request, a.person));
      } else {
        plan.transfers.push_back(a.person);
      }
      continue;
    }
    DevelopmentPlan& member = by_member[a.person];
    member.person = a.person;
    const std::int64_t from = member.goals.empty() ? start : *day_number(member.goals.back().due);
    member.goals.push_back({*a.competency, a.from_level, a.to_level, date_of(from),
                            date_of(from + days(a.weeks)), a.cost,
                            mentor_for(model, closure.team, a.person, *a.competency, a.to_level)});
  }
  for (auto& [person, member] : by_member) {
    for (const team::SlotHolder& held : coverage.holders) {
      if (held.person == person) {
        member.role = held.role;
      }
    }
    if (!member.role && !model.person(person).current_role.empty()) {
      member.role = model.role_id(model.person(person).current_role);
    }
    const std::int64_t due = *day_number(member.goals.back().due);
    for (std::int64_t day = start + days(every); day < due; day += days(every)) {
      member.reviews.push_back(date_of(day));
    }
    member.reviews.push_back(date_of(due));
    plan.development.push_back(std::move(member));
  }
  return plan;
}

}  // namespace teamwright::analysis
