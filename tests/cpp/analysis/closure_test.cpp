// Gap closure against an exhaustive search over every closure (each member's training targets,
// every subset of outsiders) on small random models, judged by team::evaluate alone.

#include "teamwright/analysis/closure.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "teamwright/analysis/plan.hpp"
#include "teamwright/error.hpp"
#include "teamwright/model/dates.hpp"
#include "teamwright/team/evaluate.hpp"

namespace teamwright::analysis {
namespace {

struct Case {
  Model model;
  TeamRequest request;
  std::vector<PersonId> team;
};

Case random_case(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> level(0, 4);
  Framework f;
  f.competencies = {
      {.id = "a", .training = TrainingTerms{10, 2}},
      {.id = "b", .kind = CompetencyKind::kKnowledge, .training = TrainingTerms{7, 3}},
      {.id = "t", .kind = CompetencyKind::kTalent}};
  std::vector<Role> roles{
      {.id = "r",
       .requirements = {{.competency = "a", .min_level = 3}, {.competency = "t", .min_level = 2}}}};
  std::vector<Person> people;
  const int n = std::uniform_int_distribution<int>(2, 5)(rng);
  for (int p = 0; p < n; ++p) {
    Person person{.id = "p" + std::to_string(p),
                  .cost = static_cast<double>(std::uniform_int_distribution<int>(5, 60)(rng)),
                  .external = std::bernoulli_distribution(0.3)(rng)};
    for (const char* c : {"a", "b", "t"}) {
      if (const int l = level(rng); l > 0) {
        person.levels[c] = l;
      }
    }
    if (std::bernoulli_distribution(0.3)(rng)) {
      person.training["a"] = {.cost_per_level = 4};
    }
    people.push_back(std::move(person));
  }
  TeamRequest request{.id = "q"};
  for (const char* c : {"a", "b", "t"}) {
    if (std::bernoulli_distribution(0.5)(rng)) {
      request.requirements.push_back({.competency = c,
                                      .min_level = static_cast<double>(level(rng) + 1),
                                      .count = std::uniform_int_distribution<int>(1, 2)(rng)});
    }
  }
  const bool b_at_2 =
      std::any_of(request.requirements.begin(), request.requirements.end(),
                  [](const TeamRequirement& r) { return r.competency == "b" && r.min_level == 2; });
  if (!b_at_2 && std::bernoulli_distribution(0.3)(rng)) {
    request.requirements.push_back({.competency = "b", .min_level = 2, .count = Everyone{}});
  }
  if (std::bernoulli_distribution(0.4)(rng)) {
    request.roles.push_back({.role = "r"});
  }
  if (std::bernoulli_distribution(0.3)(rng)) {
    request.max_size = std::uniform_int_distribution<int>(2, 4)(rng);
  }
  Model model(f, std::move(people), std::move(roles));
  std::vector<PersonId> team;
  const int members = std::uniform_int_distribution<int>(1, std::min(2, n))(rng);
  team.reserve(static_cast<std::size_t>(members));
  for (int p = 0; p < members; ++p) {
    team.emplace_back(static_cast<std::uint32_t>(p));
  }
  return {std::move(model), std::move(request), std::move(team)};
}

// The target levels a closure may train to: as close_gaps documents them.
std::set<double> targets(const TeamRequest& request, const Model& model, const std::string& c) {
  std::set<double> out;
  for (const TeamRequirement& r : request.requirements) {
    if (r.competency == c && r.hard) {
      out.insert(r.min_level);
    }
  }
  if (!request.roles.empty()) {
    for (const RoleRequirement& r : model.role(model.role_id("r")).requirements) {
      if (r.competency == c && r.hard) {
        out.insert(r.min_level);
      }
    }
  }
  return out;
}

// The cheapest closure by trying every one, or infinity.
double exhaustive(const Case& k, std::optional<double> deadline) {
  const Model& m = k.model;
  std::vector<std::vector<std::pair<std::map<std::string, double>, std::pair<double, double>>>>
      member_plans;  // per member: (levels set, (cost, weeks))
  for (const PersonId member : k.team) {
    std::vector<std::pair<std::map<std::string, double>, std::pair<double, double>>> plans{
        {{}, {0, 0}}};
    for (const char* c : {"a", "b"}) {
      const auto terms = m.training_terms(member, m.competency_id(c));
      const double from = m.effective_level(member, m.competency_id(c));
      std::vector<std::pair<std::map<std::string, double>, std::pair<double, double>>> grown;
      for (const auto& plan : plans) {
        grown.push_back(plan);
        if (!terms) {
          continue;
        }
        for (const double to : targets(k.request, m, c)) {
          if (to <= from) {
            continue;
          }
          auto next = plan;
          next.first[c] = to;
          next.second.first += (to - from) * terms->cost_per_level;
          next.second.second += (to - from) * terms->weeks_per_level;
          if (!deadline || next.second.second <= *deadline + 1e-9) {
            grown.push_back(next);
          }
        }
      }
      plans = std::move(grown);
    }
    member_plans.push_back(std::move(plans));
  }
  std::vector<PersonId> outsiders;
  for (std::uint32_t p = 0; p < m.people().size(); ++p) {
    if (std::find(k.team.begin(), k.team.end(), PersonId(p)) == k.team.end()) {
      outsiders.emplace_back(p);
    }
  }
  double best = std::numeric_limits<double>::infinity();
  std::vector<std::size_t> pick(k.team.size(), 0);
  while (true) {
    std::vector<Person> people(m.people().begin(), m.people().end());
    double training = 0;
    for (std::size_t t = 0; t < k.team.size(); ++t) {
      const auto& [levels, cost_weeks] = member_plans[t][pick[t]];
      for (const auto& [c, to] : levels) {
        people[k.team[t].index()].levels[c] = to;
      }
      training += cost_weeks.first;
    }
    const Model trained(m.framework(), people, {m.roles().begin(), m.roles().end()});
    for (std::uint32_t subset = 0; subset < (1U << outsiders.size()); ++subset) {
      std::vector<PersonId> members = k.team;
      double cost = training;
      for (std::size_t o = 0; o < outsiders.size(); ++o) {
        if (((subset >> o) & 1U) != 0) {
          members.push_back(outsiders[o]);
          cost += m.person(outsiders[o]).cost;
        }
      }
      if (cost >= best ||
          (k.request.max_size && static_cast<int>(members.size()) > *k.request.max_size)) {
        continue;
      }
      const team::Coverage coverage = team::evaluate(trained, k.request, members);
      const bool closed = std::all_of(coverage.rows.begin(), coverage.rows.end(),
                                      [](const team::CoverageRow& r) { return r.met(); });
      if (closed) {
        best = cost;
      }
    }
    std::size_t t = 0;
    while (t < pick.size() && ++pick[t] == member_plans[t].size()) {
      pick[t++] = 0;
    }
    if (t == pick.size()) {
      break;
    }
  }
  return best;
}

TEST(CloseGaps, EqualsExhaustiveSearchOverEveryClosureOnSmallRandomCases) {
  std::mt19937_64 rng(21);
  int closed = 0;
  int impossible = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const Case k = random_case(rng);
    const std::optional<double> deadline =
        trial % 3 == 0 ? std::optional<double>(4.0) : std::nullopt;
    const double best = exhaustive(k, deadline);
    const ClosureResult r =
        close_gaps(k.model, k.request, k.team, {.deadline_weeks = deadline}, {.time_limit_s = 10});
    if (std::isinf(best)) {
      EXPECT_EQ(r.status, Status::kInfeasible) << trial;
      ++impossible;
      continue;
    }
    ++closed;
    ASSERT_EQ(r.status, Status::kOptimal) << trial;
    EXPECT_NEAR(r.cost, best, 1e-9) << trial;
    // The closure itself holds: apply it and evaluate.
    std::vector<Person> people(k.model.people().begin(), k.model.people().end());
    for (const ClosureAction& a : r.actions) {
      if (a.kind == ClosureKind::kTrain) {
        EXPECT_TRUE(k.model.competency(*a.competency).is_trainable()) << trial;
        people[a.person.index()].levels[k.model.competency(*a.competency).id] = a.to_level;
        if (deadline) {
          EXPECT_LE(a.weeks, *deadline + 1e-9) << trial;
        }
      }
    }
    const Model trained(k.model.framework(), people,
                        {k.model.roles().begin(), k.model.roles().end()});
    const team::Coverage coverage = team::evaluate(trained, k.request, r.team);
    for (const team::CoverageRow& row : coverage.rows) {
      EXPECT_TRUE(row.met()) << trial;
    }
    // The plan's dates follow the durations, one training after another, within the deadline.
    const Plan plan = development_plan(k.model, k.request, r);
    const std::int64_t start = *day_number(k.model.as_of());
    for (const DevelopmentPlan& d : plan.development) {
      std::int64_t at = start;
      for (const DevelopmentGoal& g : d.goals) {
        EXPECT_EQ(*day_number(g.start), at) << trial;
        const auto action = std::find_if(r.actions.begin(), r.actions.end(), [&](const auto& a) {
          return a.person == d.person && a.competency == g.competency;
        });
        ASSERT_NE(action, r.actions.end()) << trial;
        at += static_cast<std::int64_t>(std::ceil(action->weeks * 7 - 1e-9));
        EXPECT_EQ(*day_number(g.due), at) << trial;
      }
      if (deadline) {
        EXPECT_LE(at, start + static_cast<std::int64_t>(std::ceil(*deadline * 7))) << trial;
      }
      EXPECT_EQ(d.reviews.back(), date_of(at)) << trial;
    }
  }
  EXPECT_GT(closed, 50);
  EXPECT_GT(impossible, 5);
}

TEST(CloseGaps, PureAlternativesAndBadOptions) {
  Framework f;
  f.competencies = {{.id = "a", .training = TrainingTerms{10, 2}},
                    {.id = "t", .kind = CompetencyKind::kTalent}};
  const Model m(f, {{.id = "m", .levels = {{"a", 1}}},
                    {.id = "e", .levels = {{"a", 3}}, .cost = 50},
                    {.id = "x", .levels = {{"a", 3}, {"t", 4}}, .cost = 30, .external = true}});
  const TeamRequest request{.id = "q", .requirements = {{.competency = "a", .min_level = 3}}};
  const std::vector<PersonId> team{m.person_id("m")};
  EXPECT_EQ(close_gaps(m, request, team).cost, 20);  // train m two levels
  const auto hire = close_gaps(m, request, team, {.train = false, .transfer = false});
  EXPECT_EQ(hire.cost, 30);
  EXPECT_EQ(hire.actions.at(0).kind, ClosureKind::kHire);
  EXPECT_EQ(close_gaps(m, request, team, {.train = false, .hire = false}).cost, 50);
  const TeamRequest talent{.id = "t", .requirements = {{.competency = "t", .min_level = 3}}};
  const auto never_trained = close_gaps(m, talent, team, {.hire = false});
  EXPECT_EQ(never_trained.status, Status::kInfeasible);  // a talent is never trained
  EXPECT_FALSE(never_trained.reasons.empty());
  EXPECT_THROW((void)close_gaps(m, request, team, {.deadline_weeks = -1}), OutOfRangeError);
  const std::vector<PersonId> twice{m.person_id("m"), m.person_id("m")};
  EXPECT_THROW((void)close_gaps(m, request, twice), DuplicateIdError);
}

}  // namespace
}  // namespace teamwright::analysis
