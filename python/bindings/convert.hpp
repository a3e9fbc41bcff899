#pragma once

// Python objects <-> the JSON values of src/io. Documents cross the boundary as plain Python
// dicts and lists; NaN and infinities survive the trip so that the model's rules can name them.

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "io/json_document.hpp"
#include "teamwright/model/model.hpp"
#include "teamwright/solving.hpp"

namespace teamwright::python {

/// dict, list, tuple, str, int, float, bool and None; anything else is a `FormatError` naming
/// its type and where it was found.
[[nodiscard]] io::detail::Json to_json(pybind11::handle value, const std::string& where = "value");
[[nodiscard]] pybind11::object to_python(const io::detail::Json& value);

/// A request given by the id of one of the model's requests, or as a request document (dict).
[[nodiscard]] TeamRequest request_of(const Model& model, pybind11::handle request);

/// The people with these ids (`UnknownReferenceError` for an id the model lacks).
[[nodiscard]] std::vector<PersonId> people_of(const Model& model,
                                              const std::vector<std::string>& ids);

/// The solve contract's options from their Python spelling; `OutOfRangeError` for a mode that
/// is not "auto", "heuristic" or "exact".
[[nodiscard]] SolveOptions options_of(const std::string& mode, double time_limit_s,
                                      std::uint64_t seed, int threads);

}  // namespace teamwright::python
