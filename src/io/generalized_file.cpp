#include "teamwright/io/generalized_file.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "io/text_file.hpp"
#include "io/tokens.hpp"

namespace teamwright::io {

assign::GeneralizedProblem parse_generalized(std::string_view text, std::string_view name) {
  detail::Tokens tokens(text, name);
  assign::GeneralizedProblem p;
  const std::int64_t agents = tokens.next("the number of agents");
  const std::int64_t jobs = tokens.next("the number of jobs");
  if (agents > 1'000'000 || jobs > 100'000'000 / std::max<std::int64_t>(1, agents)) {
    throw FormatError(std::string(name) + ": " + std::to_string(agents) + " agents x " +
                      std::to_string(jobs) + " jobs is too large for a dense matrix");
  }
  tokens.expect_room(2 * agents * jobs + agents, "costs, weights and capacities");
  p.agents = static_cast<int>(agents);
  p.jobs = static_cast<int>(jobs);
  for (auto* matrix : {&p.cost, &p.weight}) {
    const bool costs = matrix == &p.cost;
    // Costs are bounded as in memory (assign::GeneralizedProblem); weights only finite.
    const double max = costs ? assign::kMaxGeneralizedCost : std::numeric_limits<double>::max();
    matrix->reserve(static_cast<std::size_t>(agents * jobs));
    for (std::int64_t i = 0; i < agents; ++i) {
      for (std::int64_t j = 0; j < jobs; ++j) {
        const auto where = [&] {
          return std::string(costs ? "the cost" : "the weight") + " of agent " +
                 std::to_string(i + 1) + " for job " + std::to_string(j + 1);
        };
        matrix->push_back(tokens.real(where, max));
      }
    }
  }
  for (std::int64_t i = 0; i < agents; ++i) {
    p.capacity.push_back(
        tokens.real([i] { return "the capacity of agent " + std::to_string(i + 1); }));
  }
  tokens.expect_end();
  return p;
}

assign::GeneralizedProblem read_generalized(const std::filesystem::path& path) {
  return parse_generalized(detail::read_text(path), path.filename().string());
}

}  // namespace teamwright::io
