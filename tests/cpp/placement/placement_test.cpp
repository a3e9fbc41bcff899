// Placement and mentoring pairs: equal to exhaustive search on small random teams, with the
// reasons stated, and bad input as typed errors.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "teamwright/error.hpp"
#include "teamwright/placement/mentoring.hpp"
#include "teamwright/placement/roles.hpp"
#include "teamwright/placement/staffing.hpp"

namespace teamwright::placement {
namespace {

const std::vector<std::string> kCompetencies{"empathy", "product", "writing"};
const std::vector<std::string> kShifts{"early", "late"};

Model random_model(std::mt19937_64& rng, int people, int roles) {
  Framework f;
  for (const auto& c : kCompetencies) {
    f.competencies.push_back({.id = c});
  }
  std::uniform_int_distribution<int> level(0, 5);
  std::bernoulli_distribution coin(0.4);
  std::vector<Role> role_list;
  for (int r = 0; r < roles; ++r) {
    Role role{.id = "r" + std::to_string(r)};
    for (const auto& c : kCompetencies) {
      if (coin(rng)) {
        role.requirements.push_back({.competency = c,
                                     .min_level = static_cast<double>(level(rng)),
                                     .importance = std::uniform_int_distribution<int>(1, 5)(rng),
                                     .hard = coin(rng)});
      }
    }
    role_list.push_back(role);
  }
  std::vector<Person> list;
  for (int p = 0; p < people; ++p) {
    Person person{.id = "p" + std::to_string(p)};
    for (const auto& c : kCompetencies) {
      person.levels[c] = level(rng);
    }
    for (const auto& role : role_list) {
      if (coin(rng)) {
        person.preferred_roles.push_back(role.id);
      }
    }
    if (coin(rng)) {
      person.preferred_shifts.push_back(kShifts[static_cast<std::size_t>(p) % 2]);
    }
    list.push_back(person);
  }
  return {f, list, role_list};
}

// (slots filled, total score) of the best placement, by trying every one.
std::pair<int, double> best_placement(const Model& model, const std::vector<std::string>& members,
                                      const std::vector<Slot>& slots, double bonus) {
  std::pair<int, double> best{-1, 0};
  std::vector<char> taken(members.size(), 0);
  std::function<void(std::size_t, int, double)> go = [&](std::size_t s, int filled, double score) {
    if (s == slots.size()) {
      if (filled > best.first || (filled == best.first && score > best.second + 1e-9)) {
        best = {filled, score};
      }
      return;
    }
    go(s + 1, filled, score);  // leave the slot empty
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (taken[i] != 0) {
        continue;
      }
      const auto one = assign_roles(model, std::vector<std::string>{members[i]},
                                    std::vector<Slot>{slots[s]}, {.preference_bonus = bonus});
      if (one.placements.empty()) {
        continue;  // not eligible
      }
      taken[i] = 1;
      go(s + 1, filled + 1, score + one.total_fit + one.total_bonus);
      taken[i] = 0;
    }
  };
  go(0, 0, 0);
  return best;
}

TEST(Placement, FillsTheMostSlotsWithTheBestScoreLikeExhaustiveSearch) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 150; ++trial) {
    const int n = std::uniform_int_distribution<int>(1, 5)(rng);
    const Model model = random_model(rng, n, 3);
    std::vector<std::string> members;
    members.reserve(static_cast<std::size_t>(n));
    for (int p = 0; p < n; ++p) {
      members.push_back("p" + std::to_string(p));
    }
    std::vector<Slot> slots;
    const int m = std::uniform_int_distribution<int>(1, 5)(rng);
    slots.reserve(static_cast<std::size_t>(m));
    for (int s = 0; s < m; ++s) {
      slots.push_back({.id = "s" + std::to_string(s),
                       .role = s % 3 == 2 ? "" : "r" + std::to_string(s % 3),
                       .shift = s % 2 == 0 ? kShifts[static_cast<std::size_t>(s / 2) % 2] : ""});
    }
    const double bonus = trial % 2 == 0 ? 0.25 : 0.0;
    const auto result = assign_roles(model, members, slots, {.preference_bonus = bonus});
    const auto [filled, score] = best_placement(model, members, slots, bonus);
    EXPECT_EQ(static_cast<int>(result.placements.size()), filled);
    EXPECT_NEAR(result.total_fit + result.total_bonus, score, 1e-9);
    EXPECT_EQ(result.placements.size() + result.unfilled_slots.size(), slots.size());
    EXPECT_EQ(result.placements.size() + result.unplaced.size(), members.size());
  }
}

TEST(Placement, PutsTheNightOwlOnTheLateShiftAndExplainsWhy) {
  Framework f;
  f.competencies = {{.id = "empathy"}, {.id = "product"}};
  const std::vector<Role> roles{
      {.id = "lead", .requirements = {{.competency = "empathy", .min_level = 4}}},
      {.id = "agent", .requirements = {{.competency = "product", .min_level = 2, .hard = false}}}};
  const std::vector<Person> people{
      {.id = "ann", .levels = {{"empathy", 5}, {"product", 1}}},
      {.id = "bob", .levels = {{"empathy", 2}, {"product", 3}}, .preferred_shifts = {"late"}},
      {.id = "cid", .levels = {{"empathy", 1}, {"product", 3}}}};
  const Model model(f, people, roles);
  const std::vector<Slot> slots{{.id = "lead", .role = "lead"},
                                {.id = "early", .role = "agent", .shift = "early"},
                                {.id = "late", .role = "agent", .shift = "late"}};
  const std::vector<std::string> members{"ann", "bob", "cid"};
  const auto result = assign_roles(model, members, slots);
  ASSERT_EQ(result.placements.size(), 3U);
  EXPECT_EQ(result.placements[0].person, "ann");  // the only one meeting the hard requirement
  EXPECT_EQ(result.placements[2].person, "bob");
  EXPECT_TRUE(result.placements[2].preferred_shift);
  EXPECT_EQ(result.placements[1].person, "cid");
  EXPECT_DOUBLE_EQ(result.total_fit, 3.0);
  EXPECT_DOUBLE_EQ(result.total_bonus, 0.25);
  // Without ann nobody may lead: the slot stays empty and the reason is in the result.
  const auto without = assign_roles(model, std::vector<std::string>{"bob", "cid"}, slots);
  EXPECT_EQ(without.unfilled_slots, std::vector<std::string>{"lead"});
}

TEST(Placement, BadInputIsATypedErrorNamingTheItem) {
  std::mt19937_64 rng(1);
  const Model model = random_model(rng, 2, 1);
  const std::vector<std::string> members{"p0", "p1"};
  EXPECT_THROW((void)assign_roles(model, std::vector<std::string>{"p0", "p0"},
                                  std::vector<Slot>{{.id = "a", .shift = "x"}}),
               DuplicateIdError);
  EXPECT_THROW((void)assign_roles(model, std::vector<std::string>{"zed"}, std::vector<Slot>{}),
               UnknownReferenceError);
  EXPECT_THROW((void)assign_roles(model, members, std::vector<Slot>{{.id = "a", .role = "nope"}}),
               UnknownReferenceError);
  try {
    (void)assign_roles(model, members, std::vector<Slot>{{.id = "a"}});
    FAIL();
  } catch (const InvalidInputError& e) {
    EXPECT_STREQ(e.what(), "slot 'a': names neither a role nor a shift");
  }
  EXPECT_THROW((void)assign_roles(model, members, std::vector<Slot>{}, {.preference_bonus = -1}),
               OutOfRangeError);
}

double best_mentoring(const Model& model, const std::vector<std::string>& members,
                      const std::vector<MentoringGoal>& goals) {
  // Benefit of each ordered pair from one-pair problems, then every matching.
  const std::size_t n = members.size();
  std::vector<double> benefit(n * n, 0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (a != b) {
        for (const auto& goal : goals) {
          const double mentor = model.effective_level(model.person_id(members[a]),
                                                      model.competency_id(goal.competency));
          const double mentee = model.effective_level(model.person_id(members[b]),
                                                      model.competency_id(goal.competency));
          if (mentee < goal.target_level &&
              mentor >= goal.mentor_level.value_or(goal.target_level)) {
            benefit[a * n + b] += goal.importance * (goal.target_level - mentee);
          }
        }
      }
    }
  }
  double best = 0;
  std::vector<char> mentoring(n, 0);
  std::function<void(std::size_t, double)> go = [&](std::size_t mentee, double total) {
    if (mentee == n) {
      best = std::max(best, total);
      return;
    }
    go(mentee + 1, total);
    for (std::size_t a = 0; a < n; ++a) {
      if (mentoring[a] == 0 && benefit[a * n + mentee] > 0) {
        mentoring[a] = 1;
        go(mentee + 1, total + benefit[a * n + mentee]);
        mentoring[a] = 0;
      }
    }
  };
  go(0, 0);
  return best;
}

TEST(Mentoring, PairsOfGreatestBenefitLikeExhaustiveSearch) {
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 150; ++trial) {
    const int n = std::uniform_int_distribution<int>(1, 6)(rng);
    const Model model = random_model(rng, n, 0);
    std::vector<std::string> members;
    members.reserve(static_cast<std::size_t>(n));
    for (int p = 0; p < n; ++p) {
      members.push_back("p" + std::to_string(p));
    }
    std::vector<MentoringGoal> goals{
        {.competency = "empathy", .target_level = 3},
        {.competency = "writing", .target_level = 2, .mentor_level = 4, .importance = 5}};
    const auto result = assign_mentors(model, members, goals);
    EXPECT_NEAR(result.total_benefit, best_mentoring(model, members, goals), 1e-9);
    std::vector<std::string> mentors;
    for (const auto& pair : result.pairs) {
      EXPECT_NE(pair.mentor, pair.mentee);
      EXPECT_GT(pair.benefit, 0);
      EXPECT_FALSE(pair.competencies.empty());
      mentors.push_back(pair.mentor);
    }
    std::sort(mentors.begin(), mentors.end());
    EXPECT_EQ(std::adjacent_find(mentors.begin(), mentors.end()), mentors.end());
  }
}

TEST(Mentoring, BadGoalsAreTypedErrors) {
  std::mt19937_64 rng(2);
  const Model model = random_model(rng, 2, 0);
  const std::vector<std::string> members{"p0", "p1"};
  const auto run = [&](std::vector<MentoringGoal> goals) {
    return assign_mentors(model, members, goals);
  };
  EXPECT_THROW((void)run({{.competency = "juggling", .target_level = 2}}), UnknownReferenceError);
  EXPECT_THROW((void)run({{.competency = "empathy", .target_level = 9}}), OutOfRangeError);
  EXPECT_THROW((void)run({{.competency = "empathy", .target_level = 3, .mentor_level = 2}}),
               OutOfRangeError);
  EXPECT_THROW((void)run({{.competency = "empathy", .target_level = 3, .importance = 0}}),
               OutOfRangeError);
  EXPECT_THROW((void)run({{.competency = "empathy", .target_level = 3},
                          {.competency = "empathy", .target_level = 2}}),
               DuplicateIdError);
}

// (seats filled, total fit) of the best staffing, by trying every one.
std::pair<int, double> best_staffing(const Model& model, const std::vector<std::string>& people,
                                     const std::vector<Seat>& seats) {
  std::pair<int, double> best{-1, 0};
  std::vector<double> load(people.size(), 0);
  std::function<void(std::size_t, int, double)> go = [&](std::size_t s, int filled, double fit) {
    if (s == seats.size()) {
      if (filled > best.first || (filled == best.first && fit > best.second + 1e-9)) {
        best = {filled, fit};
      }
      return;
    }
    go(s + 1, filled, fit);
    for (std::size_t p = 0; p < people.size(); ++p) {
      const Person& person = model.person(model.person_id(people[p]));
      if (load[p] + seats[s].fte > person.availability + 1e-9) {
        continue;
      }
      const auto one = assign_roles(model, std::vector<std::string>{people[p]},
                                    std::vector<Slot>{{.id = "x", .role = seats[s].role}});
      if (one.placements.empty()) {
        continue;
      }
      load[p] += seats[s].fte;
      go(s + 1, filled + 1, fit + one.total_fit);
      load[p] -= seats[s].fte;
    }
  };
  go(0, 0, 0);
  return best;
}

TEST(Staffing, SharesPeopleUpToTheirFteLikeExhaustiveSearch) {
  std::mt19937_64 rng(12);
  for (int trial = 0; trial < 80; ++trial) {
    const int n = std::uniform_int_distribution<int>(1, 3)(rng);
    Model base = random_model(rng, n, 3);
    std::vector<Person> people(base.people().begin(), base.people().end());
    for (auto& person : people) {
      person.availability = std::bernoulli_distribution(0.5)(rng) ? 0.5 : 1.0;
    }
    const Model model(base.framework(), people,
                      std::vector<Role>(base.roles().begin(), base.roles().end()));
    std::vector<std::string> ids;
    ids.reserve(people.size());
    for (const auto& person : people) {
      ids.push_back(person.id);
    }
    std::vector<Seat> seats;
    const int m = std::uniform_int_distribution<int>(1, 4)(rng);
    seats.reserve(static_cast<std::size_t>(m));
    for (int s = 0; s < m; ++s) {
      seats.push_back({.id = "s" + std::to_string(s),
                       .role = "r" + std::to_string(s % 3),
                       .fte = std::bernoulli_distribution(0.5)(rng) ? 0.5 : 1.0});
    }
    const auto result = assign_staff(model, ids, seats, {.max_moves = 2000}, {.time_limit_s = 5});
    const auto [filled, fit] = best_staffing(model, ids, seats);
    EXPECT_EQ(static_cast<int>(result.assignments.size()), filled) << trial;
    EXPECT_NEAR(result.total_fit, fit, 1e-9) << trial;
    for (std::size_t p = 0; p < people.size(); ++p) {
      EXPECT_LE(result.load[p], people[p].availability + 1e-9);
    }
  }
}

TEST(Staffing, BadSeatsAreTypedErrors) {
  std::mt19937_64 rng(1);
  const Model model = random_model(rng, 2, 1);
  const std::vector<std::string> people{"p0", "p1"};
  EXPECT_THROW(
      (void)assign_staff(model, people, std::vector<Seat>{{.id = "a", .role = "r0", .fte = 0}}),
      OutOfRangeError);
  EXPECT_THROW((void)assign_staff(model, people, std::vector<Seat>{{.id = "a", .role = "zz"}}),
               UnknownReferenceError);
  EXPECT_THROW(
      (void)assign_staff(model, people,
                         std::vector<Seat>{{.id = "a", .role = "r0"}, {.id = "a", .role = "r0"}}),
      DuplicateIdError);
}

}  // namespace
}  // namespace teamwright::placement
