// Every result but the team result's as JSON (docs/format.md#other-results): the solve
// contract's fields first (io/json_contract.hpp), then the result's own.

#include "teamwright/io/json_solutions.hpp"

#include <limits>
#include <string>
#include <vector>

#include "io/json_contract.hpp"
#include "io/json_fields.hpp"
#include "io/json_solutions_document.hpp"

namespace teamwright::io {
namespace detail {
namespace {

template <class Result>
Json contract_of(const Result& r) {
  Json out = Json::object();
  write_contract(out, r);
  return out;
}

Json numbers(const std::vector<double>& values) {
  Json out = Json::array();
  for (const double v : values) {
    out.push_back(number(v));
  }
  return out;
}

}  // namespace

Json to_json(const cover::Solution& solution) {
  Json out = contract_of(solution);
  out["cost"] = number(solution.cost);
  out["penalty"] = number(solution.penalty);
  out["columns"] = solution.columns;
  out["short_rows"] = solution.short_rows;
  return out;
}

Json to_json(const assign::GeneralizedSolution& solution) {
  Json out = contract_of(solution);
  out["cost"] = number(solution.cost);
  out["agent_of_job"] = solution.agent_of_job;
  return out;
}

Json to_json(const placement::PlacementResult& result) {
  Json out = contract_of(result);
  Json placements = Json::array();
  for (const placement::Placement& p : result.placements) {
    placements.push_back({{"person", p.person},
                          {"slot", p.slot},
                          {"fit", number(p.fit)},
                          {"preferred_role", p.preferred_role},
                          {"preferred_shift", p.preferred_shift}});
  }
  out["placements"] = std::move(placements);
  out["unfilled_slots"] = result.unfilled_slots;
  out["unplaced"] = result.unplaced;
  out["total_fit"] = number(result.total_fit);
  out["total_bonus"] = number(result.total_bonus);
  return out;
}

Json to_json(const placement::StaffingResult& result) {
  Json out = contract_of(result);
  Json assignments = Json::array();
  for (const placement::SeatAssignment& a : result.assignments) {
    assignments.push_back({{"person", a.person},
                           {"seat", a.seat},
                           {"fit", number(a.fit)},
                           {"preferred_role", a.preferred_role}});
  }
  out["assignments"] = std::move(assignments);
  out["unfilled_seats"] = result.unfilled_seats;
  out["load"] = numbers(result.load);
  out["total_fit"] = number(result.total_fit);
  out["objective"] = number(result.objective);
  return out;
}

Json to_json(const placement::MentoringResult& result) {
  Json out = contract_of(result);
  Json pairs = Json::array();
  for (const placement::MentoringPair& p : result.pairs) {
    pairs.push_back({{"mentor", p.mentor},
                     {"mentee", p.mentee},
                     {"competencies", p.competencies},
                     {"benefit", number(p.benefit)}});
  }
  out["pairs"] = std::move(pairs);
  out["unpaired_mentees"] = result.unpaired_mentees;
  out["total_benefit"] = number(result.total_benefit);
  return out;
}

Json to_json(const placement::SplitResult& result) {
  Json out = contract_of(result);
  Json teams = Json::array();
  for (const placement::SplitTeam& t : result.teams) {
    teams.push_back({{"members", t.members}, {"coverage", number(t.coverage)}});
  }
  out["teams"] = std::move(teams);
  out["worst_coverage"] = number(result.worst_coverage);
  out["average_coverage"] = number(result.average_coverage);
  out["violations"] = result.violations;
  return out;
}

assign::GeneralizedSolution generalized_solution_from_json(const Json& document,
                                                           assign::Sense sense) {
  Fields f(document, "generalized assignment solution");
  assign::GeneralizedSolution solution;
  const double infinity = std::numeric_limits<double>::infinity();
  read_contract(f, solution, sense == assign::Sense::kMinimize ? infinity : -infinity);
  solution.cost = f.real("cost");
  f.each("agent_of_job", [&](const Json& item, const std::string& where) {
    solution.agent_of_job.push_back(Fields::as_integer(item, where));
  });
  return solution;
}

placement::SplitResult split_result_from_json(const Json& document) {
  Fields f(document, "split result");
  placement::SplitResult result;
  read_contract(f, result);
  f.each("teams", [&](const Json& item, const std::string& where) {
    Fields g(item, where);
    result.teams.push_back({.members = g.strings("members"), .coverage = g.real("coverage")});
  });
  result.worst_coverage = f.real("worst_coverage");
  result.average_coverage = f.real("average_coverage");
  result.violations = f.strings("violations");
  return result;
}

}  // namespace detail

std::string dump_result(const cover::Solution& solution) {
  return detail::to_json(solution).dump(2) + "\n";
}
std::string dump_result(const assign::GeneralizedSolution& solution) {
  return detail::to_json(solution).dump(2) + "\n";
}
std::string dump_result(const placement::PlacementResult& result) {
  return detail::to_json(result).dump(2) + "\n";
}
std::string dump_result(const placement::StaffingResult& result) {
  return detail::to_json(result).dump(2) + "\n";
}
std::string dump_result(const placement::MentoringResult& result) {
  return detail::to_json(result).dump(2) + "\n";
}
std::string dump_result(const placement::SplitResult& result) {
  return detail::to_json(result).dump(2) + "\n";
}

assign::GeneralizedSolution parse_generalized_solution(std::string_view text, assign::Sense sense) {
  return detail::generalized_solution_from_json(detail::parse_text(text), sense);
}
placement::SplitResult parse_split_result(std::string_view text) {
  return detail::split_result_from_json(detail::parse_text(text));
}

}  // namespace teamwright::io
