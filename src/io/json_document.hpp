#pragma once

// The model documents as nlohmann values, for io/ itself and for the Python bindings, which
// convert Python objects to and from these values without going through text.

#include <nlohmann/json.hpp>

#include "teamwright/model/model.hpp"

namespace teamwright::io::detail {

using Json = nlohmann::ordered_json;

[[nodiscard]] Model model_from_json(const Json& document);
/// The same with `more_people` after the document's own (people read from tables).
[[nodiscard]] Model model_from_json(const Json& document, std::vector<Person> more_people);
[[nodiscard]] Json model_to_json(const Model& model);
/// The document's "competencies" list.
[[nodiscard]] Json competencies_to_json(const Model& model);
/// One person as the document's "people" list holds them.
[[nodiscard]] Json person_to_json(const Person& person);
[[nodiscard]] TeamRequest request_from_json(const Json& value,
                                            const std::string& where = "request");
[[nodiscard]] Json request_to_json(const TeamRequest& request);

/// Parses JSON text; malformed text is a `FormatError` naming the line and column.
[[nodiscard]] Json parse_text(std::string_view text);

/// A double as JSON: integral values as integers, so levels read "4", not "4.0".
[[nodiscard]] Json number(double value);

}  // namespace teamwright::io::detail
