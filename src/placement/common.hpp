#pragma once

// What the placement solvers share: looking people and roles up with the place that named them,
// the linear assignment with a "nobody" column per row that lets a row stay unmatched, and the
// solve contract of an exact answer.

#include <algorithm>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "teamwright/assign/linear.hpp"
#include "teamwright/error.hpp"
#include "teamwright/model/model.hpp"
#include "teamwright/solving.hpp"
#include "util/search_clock.hpp"
#include "util/text.hpp"

namespace teamwright::placement::detail {

// Looks an item up, naming where it was referenced when it does not exist.
template <class Lookup>
auto resolve(const std::string& where, Lookup lookup) {
  try {
    return lookup();
  } catch (const UnknownReferenceError& e) {
    throw UnknownReferenceError(where + ": " + e.what());
  }
}

// The people's ids, each known and named once.
inline std::vector<PersonId> resolve_people(const Model& model,
                                            std::span<const std::string> people) {
  std::vector<PersonId> ids;
  std::set<std::string, std::less<>> seen;
  for (const std::string& person : people) {
    if (!seen.insert(person).second) {
      throw DuplicateIdError("people: person " + util::quote(person) + " is named twice");
    }
    ids.push_back(resolve("people", [&] { return model.person_id(person); }));
  }
  return ids;
}

inline bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// A rows x (cols + rows) matrix whose last `rows` columns are "nobody", free for every row.
struct WithNobody {
  std::int64_t rows;
  std::int64_t cols;
  std::vector<double> value;
  std::vector<char> forbidden;

  WithNobody(std::size_t r, std::size_t c)
      : rows(static_cast<std::int64_t>(r)),
        cols(static_cast<std::int64_t>(c)),
        value(r * (r + c), 0.0),
        forbidden(r * (r + c), 0) {}

  [[nodiscard]] std::size_t at(std::size_t i, std::size_t j) const {
    return i * static_cast<std::size_t>(rows + cols) + j;
  }

  // The real column of each row (-1: nobody), and whether the assignment is complete: the clock
  // (time limit, cancellation) may stop it between augmentations, leaving the rows matched so far.
  struct Solved {
    std::vector<std::int64_t> column;
    bool complete = true;
  };
  [[nodiscard]] Solved solve(util::SearchClock& clock) const {
    const std::int64_t width = rows + cols;
    assign::AssignmentOptions options;
    options.sense = assign::Sense::kMaximize;
    options.forbidden = {reinterpret_cast<const bool*>(forbidden.data()), rows, width, width};
    const auto a =
        assign::linear_assignment(assign::MatrixView<double>{value.data(), rows, width, width},
                                  options, [&clock] { return clock.stop(); });
    Solved solved{std::vector<std::int64_t>(static_cast<std::size_t>(rows), -1), a.complete};
    for (std::size_t k = 0; k < a.rows.size(); ++k) {
      if (a.cols[k] < cols) {
        solved.column[static_cast<std::size_t>(a.rows[k])] = a.cols[k];
      }
    }
    return solved;
  }
  // The answer when the clock stopped the solve before the matrix was built: nobody placed.
  [[nodiscard]] Solved unsolved() const {
    return {std::vector<std::int64_t>(static_cast<std::size_t>(rows), -1), false};
  }
};

// The solve contract for the exact assignments: a cancellation before the start leaves the
// result empty; a finished assignment is proven (its bound is its objective); one the time limit
// or the token stopped holds the pairs matched so far, feasible, with `bound` (an upper bound on
// the objective of every answer).
template <class Result>
bool cancelled_before(util::SearchClock& clock, Result& result) {
  if (!clock.stop() || clock.termination() == Termination::kTimeLimit) {
    return false;
  }
  result.status = Status::kNoSolutionFound;
  result.termination = clock.termination();
  return true;
}

template <class Result>
void finish(util::SearchClock& clock, Result& result, bool complete, double objective,
            double bound) {
  result.time_s = result.time_to_best_s = clock.elapsed();
  if (!complete) {
    result.status = Status::kFeasible;
    result.termination = clock.termination();
    result.bound = bound;
    result.relative_gap = relative_gap(-objective, -bound);  // a maximisation
    clock.report(objective, bound, true);
    return;
  }
  result.status = Status::kOptimal;
  result.termination = Termination::kCompleted;
  result.bound = objective;
  result.relative_gap = 0;
  clock.report(objective, objective, true);
}

}  // namespace teamwright::placement::detail
