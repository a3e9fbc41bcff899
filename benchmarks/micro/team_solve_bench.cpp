// Compile + greedy on seeded generated team-assembly requests: people with a few levels each
// among many competencies, a request with counted requirements on some of them.
//
//   build/test/benchmarks/team_solve_bench --benchmark_repetitions=5

#include <benchmark/benchmark.h>

#include <random>

#include "teamwright/cover/greedy.hpp"
#include "teamwright/team/compile.hpp"
#include "teamwright/team/solve.hpp"

namespace {

using namespace teamwright;

// `people` candidates, `levels` levels each among `competencies`, a request for `requirements`
// counted requirements with demands 1-3.
Model generate(int people, int competencies, int levels, int requirements, unsigned seed) {
  std::mt19937 random(seed);
  Framework framework;
  for (int c = 0; c < competencies; ++c) {
    framework.competencies.push_back({.id = "c" + std::to_string(c)});
  }
  std::uniform_int_distribution<int> competency(0, competencies - 1);
  std::uniform_int_distribution<int> level(1, 5);
  std::uniform_int_distribution<int> cost(1, 100);
  std::vector<Person> candidates;
  candidates.reserve(static_cast<std::size_t>(people));
  for (int p = 0; p < people; ++p) {
    Person person{.id = "p" + std::to_string(p), .cost = static_cast<double>(cost(random))};
    for (int k = 0; k < levels; ++k) {
      person.levels["c" + std::to_string(competency(random))] = level(random);
    }
    candidates.push_back(std::move(person));
  }
  TeamRequest request{.id = "r"};
  std::uniform_int_distribution<int> demand(1, 3);
  for (int r = 0; r < requirements; ++r) {
    request.requirements.push_back(
        {.competency = "c" + std::to_string(r * (competencies / requirements)),
         .min_level = 3,
         .count = demand(random)});
  }
  return Model(std::move(framework), std::move(candidates), {}, {std::move(request)});
}

void BM_Compile(benchmark::State& state) {
  const Model model = generate(static_cast<int>(state.range(0)), 5000, 30, 200, 1);
  const TeamRequest& request = model.request("r");
  for (auto _ : state) {
    benchmark::DoNotOptimize(team::compile(model, request));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Compile)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_Greedy(benchmark::State& state) {
  const Model model = generate(static_cast<int>(state.range(0)), 5000, 30, 200, 1);
  const team::Compiled compiled = team::compile(model, model.request("r"));
  for (auto _ : state) {
    benchmark::DoNotOptimize(cover::solve_greedy(compiled.problem));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Greedy)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_Solve(benchmark::State& state) {
  const Model model = generate(static_cast<int>(state.range(0)), 5000, 30, 200, 1);
  const TeamRequest& request = model.request("r");
  for (auto _ : state) {
    benchmark::DoNotOptimize(team::solve(model, request));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Solve)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
