#pragma once

// Reading JSON documents field by field, for every reader of src/io: messages name the item and
// the rule ("person 'p04': field 'cost' must be a number, got string"), unknown fields are
// refused at `finish`.

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "io/json_document.hpp"
#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io::detail {

/// "number", "object", "array", "string", "boolean" or "null".
[[nodiscard]] std::string type_name(const Json& value);
/// The type and, for scalars, the value: "string \"x\"", "number 3", "array".
[[nodiscard]] std::string shown(const Json& value);
/// A JSON array of strings.
[[nodiscard]] Json strings_json(const std::vector<std::string>& values);

// The fields of one JSON object, read by name; whatever is left unread at `finish` is unknown.
class Fields {
 public:
  Fields(const Json& value, std::string where) : where_(std::move(where)) {
    if (!value.is_object()) {
      throw FormatError(where_ + " must be an object, got " + type_name(value));
    }
    object_ = &value;
  }

  void rename(std::string where) { where_ = std::move(where); }
  [[nodiscard]] const std::string& where() const { return where_; }

  // Reads "id" first, so that later messages name the item by it ("person 'p04': ...").
  std::string id_of(const std::string& kind) {
    std::string id = string("id");
    rename(kind + " " + util::quote(id));
    return id;
  }

  const Json* find(const char* key) {
    const auto found = object_->find(key);
    if (found == object_->end()) {
      return nullptr;
    }
    read_.insert(key);
    return &*found;
  }

  const Json& require(const char* key) {
    const Json* value = find(key);
    if (value == nullptr) {
      throw FormatError(where_ + ": missing required field " + util::quote(key));
    }
    return *value;
  }

  [[nodiscard]] std::string field(const char* key) const {
    return where_ + ": field " + util::quote(key);
  }

  // The field read by `read(value, what)`, or nothing when it is absent.
  template <class Read>
  auto optional(const char* key, Read read)
      -> std::optional<decltype(read(std::declval<const Json&>(), std::string()))> {
    const Json* value = find(key);
    if (value == nullptr) {
      return std::nullopt;
    }
    return read(*value, field(key));
  }

  std::string string(const char* key) { return as_string(require(key), field(key)); }
  std::string string_or(const char* key, const std::string& fallback) {
    return optional(key, as_string).value_or(fallback);
  }
  double real(const char* key) { return as_real(require(key), field(key)); }
  int integer(const char* key) { return as_integer(require(key), field(key)); }
  bool boolean(const char* key) { return as_boolean(require(key), field(key)); }
  // A required field that may be null: nullptr for null.
  const Json* nullable(const char* key) {
    const Json& value = require(key);
    return value.is_null() ? nullptr : &value;
  }
  double real_or(const char* key, double fallback) {
    return optional(key, as_real).value_or(fallback);
  }
  int integer_or(const char* key, int fallback) {
    return optional(key, as_integer).value_or(fallback);
  }
  bool boolean_or(const char* key, bool fallback) {
    return optional(key, as_boolean).value_or(fallback);
  }
  // An array field (empty if absent), each element read by `read(element, where)`.
  template <class Read>
  void each(const char* key, Read read) {
    const Json* value = find(key);
    if (value == nullptr) {
      return;
    }
    if (!value->is_array()) {
      throw FormatError(field(key) + " must be an array, got " + type_name(*value));
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
      read((*value)[i], field(key) + " item " + std::to_string(i + 1));
    }
  }
  std::vector<std::string> strings(const char* key) {
    std::vector<std::string> out;
    each(key, [&](const Json& item, const std::string& where) {
      out.push_back(as_string(item, where));
    });
    return out;
  }

  void finish() const {
    for (const auto& [key, value] : object_->items()) {
      if (!read_.contains(key)) {
        throw FormatError(where_ + ": unknown field " + util::quote(key));
      }
    }
  }

  static bool as_boolean(const Json& value, const std::string& what) {
    if (!value.is_boolean()) {
      throw FormatError(what + " must be true or false, got " + shown(value));
    }
    return value.get<bool>();
  }
  static std::string as_string(const Json& value, const std::string& what) {
    if (!value.is_string()) {
      throw FormatError(what + " must be a string, got " + shown(value));
    }
    return value.get<std::string>();
  }
  static double as_real(const Json& value, const std::string& what) {
    if (!value.is_number()) {
      throw FormatError(what + " must be a number, got " + shown(value));
    }
    return value.get<double>();
  }
  static int as_integer(const Json& value, const std::string& what) {
    if (!value.is_number()) {
      throw FormatError(what + " must be an integer, got " + shown(value));
    }
    const double real = value.get<double>();
    if (real != std::floor(real)) {
      throw FormatError(what + " must be an integer, got " + shown(value));
    }
    if (std::abs(real) > 1e9) {
      throw OutOfRangeError(what + " " + value.dump() +
                            " is outside the supported range -1e9..1e9");
    }
    return static_cast<int>(real);
  }

 private:
  const Json* object_ = nullptr;
  std::string where_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace teamwright::io::detail
