#pragma once

// Seeded generated team-assembly models for the benchmarks: `people` candidates, each with
// `levels` levels (1-5) among `competencies` competencies and a cost of 1-100, and one request
// "r" with `requirements` counted requirements (level >= 3, demands 1-3) spread over the
// competencies.

#include <random>
#include <string>
#include <vector>

#include "teamwright/model/model.hpp"

namespace teamwright::benchmarks {

inline Model generate(int people, int competencies, int levels, int requirements, unsigned seed) {
  std::mt19937 random(seed);
  Framework framework;
  for (int c = 0; c < competencies; ++c) {
    framework.competencies.push_back({.id = "c" + std::to_string(c)});
  }
  std::uniform_int_distribution<int> competency(0, competencies - 1);
  std::uniform_int_distribution<int> level(1, 5);
  std::uniform_int_distribution<int> cost(1, 100);
  std::uniform_int_distribution<int> demand(1, 3);
  std::vector<Person> candidates;
  candidates.reserve(static_cast<std::size_t>(people));
  for (int p = 0; p < people; ++p) {
    Person person{.id = "p" + std::to_string(p), .cost = static_cast<double>(cost(random))};
    for (int k = 0; k < levels; ++k) {
      person.levels["c" + std::to_string(competency(random))] = level(random);
    }
    candidates.push_back(std::move(person));
  }
  TeamRequest request{.id = "r", .min_size = 0};  // any cover has members; keeps it pure
  const int stride = std::max(1, competencies / std::max(1, requirements));
  for (int r = 0; r < requirements; ++r) {
    request.requirements.push_back(
        {.competency = "c" + std::to_string(r * stride), .min_level = 3, .count = demand(random)});
  }
  return {std::move(framework), std::move(candidates), {}, {std::move(request)}};
}

}  // namespace teamwright::benchmarks
