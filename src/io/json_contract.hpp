#pragma once

// The solve contract's fields (status, termination, bound, relative_gap, time_to_best_s,
// time_s) as every result document writes and reads them: one spelling for every solver.

#include <cmath>
#include <limits>
#include <string>

#include "io/json_document.hpp"
#include "io/json_fields.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::io::detail {

// An enum field read by its `parse` function; `choices` lists the names for the message.
template <class Enum, class Parse>
Enum named(Fields& f, const char* key, Parse parse, const char* choices) {
  const std::string name = f.string(key);
  const auto parsed = parse(name);
  if (!parsed) {
    throw FormatError(f.field(key) + " must be one of " + choices + ", got " + util::quote(name));
  }
  return *parsed;
}

inline Status status_of(Fields& f) {
  return named<Status>(f, "status", parse_status,
                       "optimal, feasible, infeasible, no_solution_found");
}

// JSON has no infinity: an infinite bound (a proof that nothing is feasible) and an infinite
// relative gap (no solution) are written as null.
inline Json finite_or_null(double value) { return std::isfinite(value) ? number(value) : Json(); }

// A number that may be null: `if_null` then.
inline double real_or_null(Fields& f, const char* key, double if_null) {
  const Json* value = f.nullable(key);
  return value == nullptr ? if_null : Fields::as_real(*value, f.field(key));
}

template <class Result>
void write_contract(Json& out, const Result& r) {
  out["status"] = std::string(to_string(r.status));
  out["termination"] = std::string(to_string(r.termination));
  out["bound"] = finite_or_null(r.bound);
  out["relative_gap"] = finite_or_null(r.relative_gap);
  out["time_to_best_s"] = r.time_to_best_s;
  out["time_s"] = r.time_s;
}

// A null bound reads as `infinite_bound`: +infinity when minimising, -infinity when maximising.
template <class Result>
void read_contract(Fields& f, Result& r,
                   double infinite_bound = std::numeric_limits<double>::infinity()) {
  r.status = status_of(f);
  r.termination = named<Termination>(f, "termination", parse_termination,
                                     "completed, time_limit, cancelled, interrupted");
  r.bound = real_or_null(f, "bound", infinite_bound);
  r.relative_gap = real_or_null(f, "relative_gap", std::numeric_limits<double>::infinity());
  r.time_to_best_s = f.real("time_to_best_s");
  r.time_s = f.real("time_s");
}

}  // namespace teamwright::io::detail
