// Reading and writing request objects, as found in a document's "requests" list.

#include <string>
#include <utility>

#include "io/json_fields.hpp"
#include "teamwright/io/json.hpp"

namespace teamwright::io {
namespace detail {
using util::quote;

TeamRequest request_from_json(const Json& value, const std::string& where) {
  Fields f(value, where);
  TeamRequest r;
  r.id = f.id_of("request");
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
}  // namespace detail

TeamRequest parse_request(std::string_view text) {
  return detail::request_from_json(detail::parse_text(text));
}

}  // namespace teamwright::io
