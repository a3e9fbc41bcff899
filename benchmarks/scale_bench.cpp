// The scale benchmark: a seeded generated request (default 1,000,000 candidates x 5,000
// competencies, 30 levels per candidate, 200 requirements with demands 1-3), from the in-memory
// model to the result: compile + heuristic, timed over several runs (median), with the peak
// resident memory during the runs against the model's own resident size. `--write FILE` saves
// the compiled problem (teamwright-cover format) for the peers in benchmarks/quality.py.
//
//   build/test/benchmarks/scale_bench --repeat 5 --write /tmp/scale.cover

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "generate.hpp"
#include "teamwright/cover/solve.hpp"
#include "teamwright/io/cover_file.hpp"
#include "teamwright/team/compile.hpp"

namespace {

using teamwright::cover::Solution;

// A field of /proc/self/status in MiB ("VmRSS", "VmHWM").
double status_mib(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) {
      return std::stod(line.substr(std::strlen(field) + 1)) / 1024.0;
    }
  }
  return 0;
}

// Makes the kernel restart the peak-RSS mark (VmHWM) at the current size.
void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

}  // namespace

int main(int argc, char** argv) {
  int people = 1'000'000;
  int competencies = 5'000;
  int levels = 30;
  int requirements = 200;
  unsigned seed = 1;
  int repeat = 5;
  std::string write;
  for (int a = 1; a + 1 < argc; a += 2) {
    const std::string flag = argv[a];
    const std::string value = argv[a + 1];
    if (flag == "--people")
      people = std::stoi(value);
    else if (flag == "--competencies")
      competencies = std::stoi(value);
    else if (flag == "--levels")
      levels = std::stoi(value);
    else if (flag == "--requirements")
      requirements = std::stoi(value);
    else if (flag == "--seed")
      seed = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--repeat")
      repeat = std::stoi(value);
    else if (flag == "--write")
      write = value;
    else {
      std::fprintf(stderr, "scale_bench: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  const double before = status_mib("VmRSS:");
  const teamwright::Model model =
      teamwright::benchmarks::generate(people, competencies, levels, requirements, seed);
  const double model_mib = status_mib("VmRSS:") - before;
  const teamwright::TeamRequest& request = model.request("r");

  std::vector<double> totals;
  double peak = 0;
  for (int r = 0; r < repeat; ++r) {
    reset_peak();
    const auto start = std::chrono::steady_clock::now();
    const teamwright::team::Compiled compiled = teamwright::team::compile(model, request);
    const auto compiled_at = std::chrono::steady_clock::now();
    const Solution s = teamwright::cover::solve(
        compiled.problem, {.mode = teamwright::SolveOptions::Mode::kHeuristic,
                           .time_limit_s = std::numeric_limits<double>::infinity()});
    const auto end = std::chrono::steady_clock::now();
    peak = std::max(peak, status_mib("VmHWM:"));
    const double compile_s = std::chrono::duration<double>(compiled_at - start).count();
    const double total_s = std::chrono::duration<double>(end - start).count();
    totals.push_back(total_s);
    std::printf(
        "run %d: compile %.3f s, heuristic %.3f s, total %.3f s; cost %g, bound %g (%s), "
        "%d columns x %d rows, %lld nonzeros\n",
        r + 1, compile_s, total_s - compile_s, total_s, s.cost, s.bound,
        std::string(teamwright::to_string(s.status)).c_str(), compiled.problem.num_columns(),
        compiled.problem.num_rows(), static_cast<long long>(compiled.problem.num_nonzeros()));
    if (r == 0 && !write.empty()) {
      teamwright::io::write_cover(compiled.problem, write);
    }
  }
  std::sort(totals.begin(), totals.end());
  std::printf(
      "%d candidates x %d competencies, %d levels each, %d requirements (seed %u)\n"
      "median compile + heuristic: %.3f s over %d runs\n"
      "model: %.0f MiB resident; peak during the runs: %.0f MiB (%.2f x the model)\n",
      people, competencies, levels, requirements, seed, totals[totals.size() / 2], repeat,
      model_mib, peak, peak / model_mib);
}
