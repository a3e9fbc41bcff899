#include "teamwright/cover/solution.hpp"

namespace teamwright::cover {

std::string_view to_string(Status status) {
  switch (status) {
    case Status::kOptimal:
      return "optimal";
    case Status::kFeasible:
      return "feasible";
    case Status::kInfeasible:
      return "infeasible";
    case Status::kNoSolutionFound:
      return "no_solution_found";
  }
  return "?";
}

}  // namespace teamwright::cover
