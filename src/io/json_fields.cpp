// JSON text and the helpers every reader and writer of src/io shares.

#include "io/json_fields.hpp"

#include <cmath>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

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

namespace {

// Builds the document from nlohmann's SAX events in time linear in the text: keys are checked
// against a hash set per open object (a repeated key would silently keep one value, so it is
// refused) and appended to the object's ordered storage directly, rather than looked up in it.
class DomBuilder {
 public:
  explicit DomBuilder(Json& root) : root_(root) {}

  bool null() { return add(Json(nullptr)); }
  bool boolean(bool value) { return add(Json(value)); }
  bool number_integer(Json::number_integer_t value) { return add(Json(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return add(Json(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t& /*text*/) {
    return add(Json(value));
  }
  bool string(Json::string_t& value) { return add(Json(std::move(value))); }
  bool binary(Json::binary_t& value) { return add(Json(Json::binary_t(std::move(value)))); }
  bool start_object(std::size_t /*size*/) {
    open_.push_back({add_container(Json::object()), {}, {}});
    return true;
  }
  bool key(Json::string_t& key) {
    Open& object = open_.back();
    if (!object.keys.insert(key).second) {
      throw FormatError("malformed JSON: an object has the key " + quote(key) + " twice");
    }
    object.key = std::move(key);
    return true;
  }
  bool end_object() {
    open_.pop_back();
    return true;
  }
  bool start_array(std::size_t /*size*/) {
    open_.push_back({add_container(Json::array()), {}, {}});
    return true;
  }
  bool end_array() {
    open_.pop_back();
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& error) {
    // nlohmann's messages start with a tag: "[json.exception.parse_error.101] parse error at
    // line 3, ...", "[json.exception.out_of_range.406] number overflow parsing '1e400'".
    std::string message = error.what();
    const auto tag_end = message.find("] ");
    throw FormatError("malformed JSON: " +
                      (tag_end == std::string::npos ? message : message.substr(tag_end + 2)));
  }

 private:
  struct Open {
    Json* value;
    std::unordered_set<std::string> keys;  // objects only
    std::string key;                       // objects only: the key of the next value
  };

  // Adds a scalar where the parser is: the root, the open array's end or the open object's key.
  bool add(Json value) {
    (void)place(std::move(value));
    return true;
  }
  Json* add_container(Json value) { return place(std::move(value)); }

  Json* place(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& parent = *open_.back().value;
    if (parent.is_array()) {
      parent.get_ref<Json::array_t&>().push_back(std::move(value));
      return &parent.get_ref<Json::array_t&>().back();
    }
    // The key is new (checked in `key`): append without the ordered map's linear search.
    auto& storage = static_cast<Json::object_t::Container&>(parent.get_ref<Json::object_t&>());
    storage.emplace_back(std::move(open_.back().key), std::move(value));
    return &storage.back().second;
  }

  Json& root_;
  std::vector<Open> open_;
};

}  // namespace

Json parse_text(std::string_view text) {
  Json root;
  DomBuilder builder(root);
  (void)Json::sax_parse(text, &builder);
  return root;
}

Json number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 9.0e15) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}
}  // namespace teamwright::io::detail
