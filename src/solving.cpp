#include "teamwright/solving.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright {

void validate(const SolveOptions& options) {
  if (!(options.time_limit_s >= 0)) {
    throw OutOfRangeError("solve options: time limit " + util::number(options.time_limit_s) +
                          " must be >= 0");
  }
  if (options.threads < 1) {
    throw OutOfRangeError("solve options: threads " + std::to_string(options.threads) +
                          " must be >= 1");
  }
}

std::string_view to_string(SolveOptions::Mode mode) {
  switch (mode) {
    case SolveOptions::Mode::kAuto:
      return "auto";
    case SolveOptions::Mode::kHeuristic:
      return "heuristic";
    case SolveOptions::Mode::kExact:
      return "exact";
  }
  return "?";
}

std::optional<SolveOptions::Mode> parse_mode(std::string_view name) {
  for (const auto mode :
       {SolveOptions::Mode::kAuto, SolveOptions::Mode::kHeuristic, SolveOptions::Mode::kExact}) {
    if (to_string(mode) == name) {
      return mode;
    }
  }
  return std::nullopt;
}

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
    case Termination::kInterrupted:
      return "interrupted";
  }
  return "?";
}

std::optional<Status> parse_status(std::string_view name) {
  for (const Status s :
       {Status::kOptimal, Status::kFeasible, Status::kInfeasible, Status::kNoSolutionFound}) {
    if (to_string(s) == name) {
      return s;
    }
  }
  return std::nullopt;
}

std::optional<Termination> parse_termination(std::string_view name) {
  for (const Termination t : {Termination::kCompleted, Termination::kTimeLimit,
                              Termination::kCancelled, Termination::kInterrupted}) {
    if (to_string(t) == name) {
      return t;
    }
  }
  return std::nullopt;
}

double relative_gap(std::optional<double> objective, double bound) {
  if (!objective || !std::isfinite(bound)) {
    return std::numeric_limits<double>::infinity();
  }
  const double scale = std::max(std::abs(*objective), std::abs(bound));
  if (scale == 0) {
    return 0;
  }
  return std::max(0.0, (*objective - bound) / scale);
}

}  // namespace teamwright
