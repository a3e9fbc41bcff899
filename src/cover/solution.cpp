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

std::string_view to_string(Termination termination) {
  switch (termination) {
    case Termination::kCompleted:
      return "completed";
    case Termination::kTimeLimit:
      return "time_limit";
    case Termination::kCancelled:
      return "cancelled";
  }
  return "?";
}

}  // namespace teamwright::cover
