// JSON text and the helpers every reader and writer of src/io shares.

#include "io/json_fields.hpp"

#include <cmath>
#include <set>
#include <string>

namespace teamwright::io::detail {

using util::quote;

std::string type_name(const Json& value) {
  if (value.is_number()) {
    return "number";
  }
  return value.type_name();  // "object", "array", "string", "boolean", "null"
}

std::string shown(const Json& value) {
  return value.is_string() || value.is_number() || value.is_boolean()
             ? type_name(value) + " " + value.dump()
             : type_name(value);
}

Json strings_json(const std::vector<std::string>& values) {
  Json out = Json::array();
  for (const std::string& value : values) {
    out.push_back(value);
  }
  return out;
}

Json parse_text(std::string_view text) {
  // Objects with a repeated key would silently keep one value: refuse them instead.
  std::vector<std::set<std::string, std::less<>>> keys;
  const Json::parser_callback_t refuse_repeated_keys =
      [&keys](int /*depth*/, Json::parse_event_t event, Json& parsed) {
        if (event == Json::parse_event_t::object_start) {
          keys.emplace_back();
        } else if (event == Json::parse_event_t::object_end) {
          keys.pop_back();
        } else if (event == Json::parse_event_t::key &&
                   !keys.back().insert(parsed.get<std::string>()).second) {
          throw FormatError("malformed JSON: an object has the key " +
                            quote(parsed.get<std::string>()) + " twice");
        }
        return true;
      };
  try {
    return Json::parse(text, refuse_repeated_keys);
  } catch (const Json::exception& error) {
    // nlohmann's messages start with a tag: "[json.exception.parse_error.101] parse error at
    // line 3, ...", "[json.exception.out_of_range.406] number overflow parsing '1e400'".
    std::string message = error.what();
    const auto tag_end = message.find("] ");
    throw FormatError("malformed JSON: " +
                      (tag_end == std::string::npos ? message : message.substr(tag_end + 2)));
  }
}

Json number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 9.0e15) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}
}  // namespace teamwright::io::detail
