// Compile + greedy on seeded generated team-assembly requests: people with a few levels each
// among many competencies, a request with counted requirements on some of them.
//
//   build/test/benchmarks/team_solve_bench --benchmark_repetitions=5

#include <benchmark/benchmark.h>

#include "generate.hpp"
#include "teamwright/cover/greedy.hpp"
#include "teamwright/team/compile.hpp"
#include "teamwright/team/solve.hpp"

namespace {

using namespace teamwright;

using benchmarks::generate;

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
