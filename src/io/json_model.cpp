// Reading and writing model documents. Reading checks the document's shape (types, required and
// unknown fields) and leaves every rule about the items themselves to the Model constructor.

#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "io/json_document.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "util/text.hpp"

namespace teamwright::io {
namespace detail {
namespace {

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
      throw FormatError(where_ + ": missing required field " + quote(key));
    }
    return *value;
  }

  [[nodiscard]] std::string field(const char* key) const {
    return where_ + ": field " + quote(key);
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
        throw FormatError(where_ + ": unknown field " + quote(key));
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
    if (real != std::floor(real) || std::abs(real) > 1e9) {
      throw FormatError(what + " must be an integer, got " + shown(value));
    }
    return static_cast<int>(real);
  }

 private:
  const Json* object_ = nullptr;
  std::string where_;
  std::set<std::string, std::less<>> read_;
};

// Reads "id" first so that later messages name the item by it.
std::string read_id(Fields& fields, const std::string& kind) {
  std::string id = fields.string("id");
  fields.rename(kind + " " + quote(id));
  return id;
}

Competency read_competency(const Json& value, const std::string& where) {
  Fields f(value, where);
  Competency c;
  c.id = read_id(f, "competency");
  c.name = f.string_or("name", "");
  if (const Json* kind = f.find("kind")) {
    const std::string name = Fields::as_string(*kind, f.field("kind"));
    const auto parsed = parse_competency_kind(name);
    if (!parsed) {
      throw FormatError(f.field("kind") + " must be one of skill, knowledge, talent, trait, got " +
                        quote(name));
    }
    c.kind = *parsed;
  }
  c.trainable = f.optional("trainable", Fields::as_boolean);
  c.parents = f.strings("parents");
  c.description = f.string_or("description", "");
  f.finish();
  return c;
}

Relation read_relation(const Json& value, const std::string& where) {
  Fields f(value, where);
  Relation r;
  r.from = f.string("from");
  r.to = f.string("to");
  f.rename("relation " + quote(r.from) + " -> " + quote(r.to));
  r.factor = f.real("factor");
  f.finish();
  return r;
}

Assessment read_assessment(const Json& value, const std::string& where) {
  Fields f(value, where);
  Assessment a;
  a.competency = f.string("competency");
  a.level = f.real("level");
  const std::string source = f.string("source");
  const auto parsed = parse_assessment_source(source);
  if (!parsed) {
    throw FormatError(f.field("source") +
                      " must be one of self, manager, peer, customer, test, got " + quote(source));
  }
  a.source = *parsed;
  a.date = f.string("date");
  a.confidence = f.real_or("confidence", 1.0);
  f.finish();
  return a;
}

AttributeValue read_attribute(const Json& value, const std::string& what) {
  if (value.is_boolean()) {
    return value.get<bool>();
  }
  if (value.is_number_integer()) {
    return value.get<std::int64_t>();
  }
  if (value.is_number()) {
    return value.get<double>();
  }
  if (value.is_string()) {
    return value.get<std::string>();
  }
  throw FormatError(what + " must be a string, number or boolean, got " + type_name(value));
}

Person read_person(const Json& value, const std::string& where) {
  Fields f(value, where);
  Person p;
  p.id = read_id(f, "person");
  p.name = f.string_or("name", "");
  if (const Json* levels = f.find("levels")) {
    if (!levels->is_object()) {
      throw FormatError(f.field("levels") + " must be an object, got " + type_name(*levels));
    }
    for (const auto& [competency, level] : levels->items()) {
      p.levels[competency] = Fields::as_real(level, f.where() + ": level for " + quote(competency));
    }
  }
  f.each("assessments", [&](const Json& item, const std::string& item_where) {
    p.assessments.push_back(read_assessment(item, item_where));
  });
  p.cost = f.real_or("cost", 0.0);
  p.availability = f.real_or("availability", 1.0);
  p.external = f.boolean_or("external", false);
  if (const Json* attributes = f.find("attributes")) {
    if (!attributes->is_object()) {
      throw FormatError(f.field("attributes") + " must be an object, got " +
                        type_name(*attributes));
    }
    for (const auto& [key, item] : attributes->items()) {
      p.attributes[key] = read_attribute(item, f.where() + ": attribute " + quote(key));
    }
  }
  p.preferred_roles = f.strings("preferred_roles");
  p.preferred_shifts = f.strings("preferred_shifts");
  f.finish();
  return p;
}

Role read_role(const Json& value, const std::string& where) {
  Fields f(value, where);
  Role r;
  r.id = read_id(f, "role");
  r.name = f.string_or("name", "");
  r.description = f.string_or("description", "");
  r.leader = f.boolean_or("leader", false);
  f.each("requirements", [&](const Json& item, const std::string& item_where) {
    Fields g(item, item_where);
    RoleRequirement req;
    req.competency = g.string("competency");
    req.min_level = g.real("min_level");
    req.importance = g.integer_or("importance", 3);
    req.hard = g.boolean_or("hard", true);
    g.finish();
    r.requirements.push_back(std::move(req));
  });
  r.responsibilities = f.strings("responsibilities");
  f.finish();
  return r;
}

TeamRequest read_request(const Json& value, const std::string& where) {
  Fields f(value, where);
  TeamRequest r;
  r.id = read_id(f, "request");
  r.name = f.string_or("name", "");
  r.description = f.string_or("description", "");
  f.each("requirements", [&](const Json& item, const std::string& item_where) {
    Fields g(item, item_where);
    TeamRequirement req;
    req.competency = g.string("competency");
    req.min_level = g.real("min_level");
    const Json* count = g.find("count");
    if (count != nullptr) {
      if (count->is_string() && count->get<std::string>() == "everyone") {
        req.count = Everyone{};
      } else if (count->is_number()) {
        req.count = Fields::as_integer(*count, g.field("count"));
      } else {
        throw FormatError(g.field("count") + " must be an integer or \"everyone\", got " +
                          shown(*count));
      }
    }
    if (const auto fte = g.optional("fte", Fields::as_real)) {
      if (count != nullptr) {
        throw FormatError(g.where() + ": fields 'count' and 'fte' cannot both be given");
      }
      req.count = Fte{*fte};
    }
    req.importance = g.integer_or("importance", 3);
    req.hard = g.boolean_or("hard", true);
    g.finish();
    r.requirements.push_back(std::move(req));
  });
  f.each("roles", [&](const Json& item, const std::string& item_where) {
    Fields g(item, item_where);
    RoleSlot slot;
    slot.role = g.string("role");
    slot.count = g.integer_or("count", 1);
    g.finish();
    r.roles.push_back(std::move(slot));
  });
  r.min_size = f.integer_or("min_size", 1);
  r.max_size = f.optional("max_size", Fields::as_integer);
  r.budget = f.optional("budget", Fields::as_real);
  r.must_include = f.strings("must_include");
  r.exclude = f.strings("exclude");
  f.each("incompatible", [&](const Json& item, const std::string& item_where) {
    if (!item.is_array() || item.size() != 2) {
      throw FormatError(item_where + " must be a pair [person, person], got " + shown(item));
    }
    r.incompatible.emplace_back(Fields::as_string(item[0], item_where),
                                Fields::as_string(item[1], item_where));
  });
  if (const Json* objective = f.find("objective")) {
    const std::string name = Fields::as_string(*objective, f.field("objective"));
    const auto parsed = parse_objective(name);
    if (!parsed) {
      throw FormatError(f.field("objective") +
                        " must be min_cost, min_size, max_coverage or lexicographic, got " +
                        quote(name));
    }
    r.objective = *parsed;
  }
  r.soft_penalty = f.optional("soft_penalty", Fields::as_real);
  r.min_availability = f.real_or("min_availability", 0);
  r.min_leaders = f.integer_or("min_leaders", 0);
  r.max_leaders = f.integer_or("max_leaders", 1);
  r.robust = f.boolean_or("robust", false);
  f.finish();
  return r;
}

template <class Item, class Read>
std::vector<Item> read_list(Fields& f, const char* key, Read read) {
  std::vector<Item> items;
  f.each(key,
         [&](const Json& item, const std::string& where) { items.push_back(read(item, where)); });
  return items;
}

Json strings_json(const std::vector<std::string>& values) {
  Json out = Json::array();
  for (const std::string& value : values) {
    out.push_back(value);
  }
  return out;
}

Json attribute_json(const AttributeValue& value) {
  return std::visit([](const auto& v) { return Json(v); }, value);
}

}  // namespace

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

Model model_from_json(const Json& document) {
  Fields f(document, "document");
  const std::string format = f.string("format");
  if (format != "teamwright") {
    throw FormatError("document: field 'format' must be \"teamwright\", got " + quote(format));
  }
  const int version = f.optional("version", Fields::as_integer).value_or(-1);
  if (version != kFormatVersion) {
    throw FormatError(
        "document: format version " +
        (version < 0 ? std::string("is missing") : std::to_string(version) + " is not supported") +
        "; this build reads version " + std::to_string(kFormatVersion));
  }
  Framework framework;
  if (const Json* scale = f.find("scale")) {
    Fields s(*scale, "scale");
    s.require("levels");
    framework.scale.labels = s.strings("levels");
    s.finish();
  }
  f.require("competencies");
  framework.competencies = read_list<Competency>(f, "competencies", read_competency);
  framework.relations = read_list<Relation>(f, "relations", read_relation);
  auto people = read_list<Person>(f, "people", read_person);
  auto roles = read_list<Role>(f, "roles", read_role);
  auto requests = read_list<TeamRequest>(f, "requests", read_request);
  f.finish();
  return {std::move(framework), std::move(people), std::move(roles), std::move(requests)};
}

TeamRequest request_from_json(const Json& value) { return read_request(value, "request"); }

Json request_to_json(const TeamRequest& r) {
  Json out;
  out["id"] = r.id;
  if (!r.name.empty()) out["name"] = r.name;
  if (!r.description.empty()) out["description"] = r.description;
  if (!r.requirements.empty()) {
    Json list = Json::array();
    for (const TeamRequirement& req : r.requirements) {
      Json item;
      item["competency"] = req.competency;
      item["min_level"] = number(req.min_level);
      if (std::holds_alternative<Everyone>(req.count)) {
        item["count"] = "everyone";
      } else if (const Fte* fte = std::get_if<Fte>(&req.count)) {
        item["fte"] = number(fte->value);
      } else if (std::get<int>(req.count) != 1) {
        item["count"] = std::get<int>(req.count);
      }
      if (req.importance != 3) item["importance"] = req.importance;
      if (!req.hard) item["hard"] = false;
      list.push_back(std::move(item));
    }
    out["requirements"] = std::move(list);
  }
  if (!r.roles.empty()) {
    Json list = Json::array();
    for (const RoleSlot& slot : r.roles) {
      Json item;
      item["role"] = slot.role;
      if (slot.count != 1) item["count"] = slot.count;
      list.push_back(std::move(item));
    }
    out["roles"] = std::move(list);
  }
  if (r.min_size != 1) out["min_size"] = r.min_size;
  if (r.max_size) out["max_size"] = *r.max_size;
  if (r.budget) out["budget"] = number(*r.budget);
  if (!r.must_include.empty()) out["must_include"] = strings_json(r.must_include);
  if (!r.exclude.empty()) out["exclude"] = strings_json(r.exclude);
  if (!r.incompatible.empty()) {
    Json list = Json::array();
    for (const auto& [a, b] : r.incompatible) {
      list.push_back(Json::array({a, b}));
    }
    out["incompatible"] = std::move(list);
  }
  if (r.objective != Objective::kMinCost) out["objective"] = std::string(to_string(r.objective));
  if (r.soft_penalty) out["soft_penalty"] = number(*r.soft_penalty);
  if (r.min_availability != 0) out["min_availability"] = number(r.min_availability);
  if (r.min_leaders != 0) out["min_leaders"] = r.min_leaders;
  if (r.max_leaders != 1) out["max_leaders"] = r.max_leaders;
  if (r.robust) out["robust"] = true;
  return out;
}

Json model_to_json(const Model& model) {
  Json out;
  out["format"] = "teamwright";
  out["version"] = kFormatVersion;
  if (model.scale() != ProficiencyScale{}) {
    out["scale"]["levels"] = strings_json(model.scale().labels);
  }
  Json competencies = Json::array();
  for (const Competency& c : model.competencies()) {
    Json item;
    item["id"] = c.id;
    if (!c.name.empty()) item["name"] = c.name;
    item["kind"] = std::string(to_string(c.kind));
    if (c.trainable) item["trainable"] = *c.trainable;
    if (!c.parents.empty()) item["parents"] = strings_json(c.parents);
    if (!c.description.empty()) item["description"] = c.description;
    competencies.push_back(std::move(item));
  }
  out["competencies"] = std::move(competencies);
  if (!model.relations().empty()) {
    Json relations = Json::array();
    for (const Relation& r : model.relations()) {
      relations.push_back({{"from", r.from}, {"to", r.to}, {"factor", number(r.factor)}});
    }
    out["relations"] = std::move(relations);
  }
  Json people = Json::array();
  for (const Person& p : model.people()) {
    Json item;
    item["id"] = p.id;
    if (!p.name.empty()) item["name"] = p.name;
    if (!p.levels.empty()) {
      Json levels = Json::object();
      for (const auto& [competency, level] : p.levels) {
        levels[competency] = number(level);
      }
      item["levels"] = std::move(levels);
    }
    if (!p.assessments.empty()) {
      Json list = Json::array();
      for (const Assessment& a : p.assessments) {
        Json entry;
        entry["competency"] = a.competency;
        entry["level"] = number(a.level);
        entry["source"] = std::string(to_string(a.source));
        entry["date"] = a.date;
        if (a.confidence != 1) entry["confidence"] = number(a.confidence);
        list.push_back(std::move(entry));
      }
      item["assessments"] = std::move(list);
    }
    if (p.cost != 0) item["cost"] = number(p.cost);
    if (p.availability != 1) item["availability"] = number(p.availability);
    if (p.external) item["external"] = true;
    if (!p.attributes.empty()) {
      Json attributes = Json::object();
      for (const auto& [key, value] : p.attributes) {
        attributes[key] = attribute_json(value);
      }
      item["attributes"] = std::move(attributes);
    }
    if (!p.preferred_roles.empty()) item["preferred_roles"] = strings_json(p.preferred_roles);
    if (!p.preferred_shifts.empty()) item["preferred_shifts"] = strings_json(p.preferred_shifts);
    people.push_back(std::move(item));
  }
  out["people"] = std::move(people);
  if (!model.roles().empty()) {
    Json roles = Json::array();
    for (const Role& r : model.roles()) {
      Json item;
      item["id"] = r.id;
      if (!r.name.empty()) item["name"] = r.name;
      if (!r.description.empty()) item["description"] = r.description;
      if (r.leader) item["leader"] = true;
      if (!r.requirements.empty()) {
        Json list = Json::array();
        for (const RoleRequirement& req : r.requirements) {
          Json entry;
          entry["competency"] = req.competency;
          entry["min_level"] = number(req.min_level);
          if (req.importance != 3) entry["importance"] = req.importance;
          if (!req.hard) entry["hard"] = false;
          list.push_back(std::move(entry));
        }
        item["requirements"] = std::move(list);
      }
      if (!r.responsibilities.empty()) item["responsibilities"] = strings_json(r.responsibilities);
      roles.push_back(std::move(item));
    }
    out["roles"] = std::move(roles);
  }
  if (!model.requests().empty()) {
    Json requests = Json::array();
    for (const TeamRequest& r : model.requests()) {
      requests.push_back(request_to_json(r));
    }
    out["requests"] = std::move(requests);
  }
  return out;
}

}  // namespace detail

Model parse_model(std::string_view text) {
  return detail::model_from_json(detail::parse_text(text));
}

std::string dump_model(const Model& model) { return detail::model_to_json(model).dump(2) + "\n"; }

TeamRequest parse_request(std::string_view text) {
  return detail::request_from_json(detail::parse_text(text));
}

}  // namespace teamwright::io
