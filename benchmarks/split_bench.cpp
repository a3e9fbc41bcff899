// The split benchmark: a seeded classroom-like pool (default 10,000 people into 1,000 teams of
// 10) with every kind of rule, split by the local search; times over several runs (median) with
// the worst and average coverage, the rules broken, and an upper bound on the average coverage
// (hence on the worst): sum_r w_r min(1, M_r / (k need_r)) / sum_r w_r, M_r the people meeting
// requirement r, since sum_t min(1, x_t) <= min(k, sum_t x_t).
//
//   build/test/benchmarks/split_bench --people 10000 --teams 1000 --repeat 5

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <random>
#include <string>
#include <vector>

#include "teamwright/placement/split.hpp"

namespace {

using namespace teamwright;

struct Pool {
  Model model;
  std::vector<std::string> ids;
  TeamRequest request;
  placement::SplitRules rules;
};

// 20 competencies, 6 levels of 1-5 per person, gender m/f, previous teams of 10, keep-apart pairs
// (1 %) and keep-together pairs (0.5 %); the request asks for 6 competencies at level >= 3,
// 1 or 2 members each.
Pool generate(int people, int teams, unsigned seed) {
  std::mt19937 random(seed);
  Framework framework;
  for (int c = 0; c < 20; ++c) {
    framework.competencies.push_back({.id = "c" + std::to_string(c)});
  }
  std::uniform_int_distribution<int> competency(0, 19);
  std::uniform_int_distribution<int> level(1, 5);
  std::bernoulli_distribution coin(0.5);
  std::vector<Person> list;
  std::vector<std::string> ids;
  for (int p = 0; p < people; ++p) {
    Person person{.id = "p" + std::to_string(p)};
    for (int k = 0; k < 6; ++k) {
      person.levels["c" + std::to_string(competency(random))] = level(random);
    }
    person.attributes["gender"] = std::string(coin(random) ? "f" : "m");
    person.attributes["previous"] = static_cast<std::int64_t>(p / 10);
    ids.push_back(person.id);
    list.push_back(std::move(person));
  }
  TeamRequest request{.id = "r"};
  std::uniform_int_distribution<int> demand(1, 2);
  for (int r = 0; r < 6; ++r) {
    request.requirements.push_back({.competency = "c" + std::to_string(r * 3),
                                    .min_level = 3,
                                    .count = demand(random),
                                    .importance = 1 + r % 5});
  }
  placement::SplitRules rules{.teams = teams, .no_lone = {"gender"}, .previous_team = "previous"};
  std::uniform_int_distribution<int> anyone(0, people - 1);
  for (int g = 0; g < people / 100; ++g) {
    rules.keep_apart.push_back({ids[anyone(random)], ids[anyone(random)]});
    if (rules.keep_apart.back()[0] == rules.keep_apart.back()[1]) {
      rules.keep_apart.pop_back();
    }
  }
  // Keep-together pairs from one previous team would break that rule: take them 5 teams apart.
  for (int g = 0; g < people / 200; ++g) {
    const int a = g * 10 % people;
    const int b = (a + 53) % people;
    rules.keep_together.push_back({ids[a], ids[b]});
  }
  return {Model(std::move(framework), std::move(list)), std::move(ids), std::move(request),
          std::move(rules)};
}

double average_bound(const Pool& pool) {
  double weighted = 0;
  double weights = 0;
  for (const auto& r : pool.request.requirements) {
    const auto c = pool.model.competency_id(r.competency);
    int meeting = 0;
    for (const auto& id : pool.ids) {
      meeting += pool.model.effective_level(pool.model.person_id(id), c) >= r.min_level ? 1 : 0;
    }
    const double need = std::get<int>(r.count);
    weighted += r.importance * std::min(1.0, meeting / (pool.rules.teams * need));
    weights += r.importance;
  }
  return weighted / weights;
}

int run(int argc, char** argv) {
  int people = 10'000;
  int teams = 1'000;
  int repeat = 5;
  unsigned seed = 1;
  double time_limit = 10;
  for (int a = 1; a + 1 < argc; a += 2) {
    const std::string flag = argv[a];
    const int value = std::stoi(argv[a + 1]);
    if (flag == "--people") {
      people = value;
    } else if (flag == "--teams") {
      teams = value;
    } else if (flag == "--repeat") {
      repeat = value;
    } else if (flag == "--seed") {
      seed = static_cast<unsigned>(value);
    } else if (flag == "--time-limit") {
      time_limit = value;
    } else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  const Pool pool = generate(people, teams, seed);
  std::printf("pool %d people, %d teams, %zu keep-apart pairs, %zu keep-together pairs\n", people,
              teams, pool.rules.keep_apart.size(), pool.rules.keep_together.size());
  std::vector<double> times;
  for (int run = 0; run < repeat; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const auto result = placement::split(pool.model, pool.ids, pool.request, pool.rules,
                                         {.mode = teamwright::SolveOptions::Mode::kHeuristic,
                                          .time_limit_s = time_limit,
                                          .seed = static_cast<std::uint64_t>(run)});
    times.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    std::printf("run %d: %.3f s  status %s  worst %.4f  average %.4f  broken %zu\n", run,
                times.back(), std::string(teamwright::to_string(result.status)).c_str(),
                result.worst_coverage, result.average_coverage, result.violations.size());
  }
  std::sort(times.begin(), times.end());
  std::printf("median %.3f s over %d runs; upper bound on the average (and worst) %.4f\n",
              times[times.size() / 2], repeat, average_bound(pool));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "split_bench: %s\n", e.what());
    return 1;
  }
}
