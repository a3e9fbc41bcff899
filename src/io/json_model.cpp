// Reading and writing model documents. Reading checks the document's shape (types, required and
// unknown fields) and leaves every rule about the items themselves to the Model constructor.

#include <cmath>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "io/json_fields.hpp"
#include "io/text_file.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "util/text.hpp"

namespace teamwright::io {
namespace detail {
namespace {

using util::quote;

Competency read_competency(const Json& value, const std::string& where) {
  Fields f(value, where);
  Competency c;
  c.id = f.id_of("competency");
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
  if (const Json* training = f.find("training")) {
    Fields t(*training, f.where() + ": training");
    c.training = TrainingTerms{t.real("cost_per_level"), t.real("weeks_per_level")};
    t.finish();
  }
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

AssessmentSource source_named(const std::string& name, const std::string& what) {
  const auto parsed = parse_assessment_source(name);
  if (!parsed) {
    throw FormatError(what + " must be one of self, manager, peer, customer, test, got " +
                      quote(name));
  }
  return *parsed;
}

AssessmentPolicy read_policy(const Json& value) {
  Fields f(value, "assessment_policy");
  AssessmentPolicy policy;
  if (const auto name = f.optional("aggregation", Fields::as_string)) {
    const auto parsed = parse_aggregation(*name);
    if (!parsed) {
      throw FormatError(f.field("aggregation") +
                        " must be one of weighted, most_recent, minimum, got " + quote(*name));
    }
    policy.aggregation = *parsed;
  }
  if (const Json* weights = f.find("source_weights")) {
    if (!weights->is_object()) {
      throw FormatError(f.field("source_weights") + " must be an object, got " +
                        type_name(*weights));
    }
    for (const auto& [name, weight] : weights->items()) {
      const std::string what = f.field("source_weights") + " key " + quote(name);
      policy.source_weights[source_named(name, what)] = Fields::as_real(weight, what);
    }
  }
  for (const std::string& name : f.strings("sources")) {
    policy.sources.push_back(source_named(name, f.field("sources") + " item " + quote(name)));
  }
  policy.half_life_days = f.real_or("half_life_days", policy.half_life_days);
  policy.as_of = f.string_or("as_of", policy.as_of);
  policy.stale_after_days = f.real_or("stale_after_days", policy.stale_after_days);
  f.finish();
  return policy;
}

Json policy_json(const AssessmentPolicy& policy) {
  Json out = Json::object();
  out["aggregation"] = std::string(to_string(policy.aggregation));
  if (!policy.source_weights.empty()) {
    Json weights = Json::object();
    for (const auto& [source, weight] : policy.source_weights) {
      weights[std::string(to_string(source))] = number(weight);
    }
    out["source_weights"] = std::move(weights);
  }
  if (!policy.sources.empty()) {
    Json sources = Json::array();
    for (const AssessmentSource source : policy.sources) {
      sources.push_back(std::string(to_string(source)));
    }
    out["sources"] = std::move(sources);
  }
  out["half_life_days"] = number(policy.half_life_days);
  if (!policy.as_of.empty()) {
    out["as_of"] = policy.as_of;
  }
  out["stale_after_days"] = number(policy.stale_after_days);
  return out;
}

Assessment read_assessment(const Json& value, const std::string& where) {
  Fields f(value, where);
  Assessment a;
  a.competency = f.string("competency");
  a.level = f.real("level");
  a.source = source_named(f.string("source"), f.field("source"));
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
  p.id = f.id_of("person");
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
  if (const Json* training = f.find("training")) {
    if (!training->is_object()) {
      throw FormatError(f.field("training") + " must be an object, got " + type_name(*training));
    }
    for (const auto& [competency, terms] : training->items()) {
      Fields t(terms, f.where() + ": training for " + quote(competency));
      p.training[competency] = {t.optional("cost_per_level", Fields::as_real),
                                t.optional("weeks_per_level", Fields::as_real)};
      t.finish();
    }
  }
  p.current_role = f.string_or("current_role", "");
  p.preferred_roles = f.strings("preferred_roles");
  p.preferred_shifts = f.strings("preferred_shifts");
  f.finish();
  return p;
}

Role read_role(const Json& value, const std::string& where) {
  Fields f(value, where);
  Role r;
  r.id = f.id_of("role");
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

template <class Item, class Read>
std::vector<Item> read_list(Fields& f, const char* key, Read read) {
  std::vector<Item> items;
  f.each(key,
         [&](const Json& item, const std::string& where) { items.push_back(read(item, where)); });
  return items;
}

Json attribute_json(const AttributeValue& value) {
  return std::visit([](const auto& v) { return Json(v); }, value);
}

}  // namespace

Model model_from_json(const Json& document) { return model_from_json(document, {}); }

Model model_from_json(const Json& document, std::vector<Person> more_people) {
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
  if (const Json* policy = f.find("assessment_policy")) {
    framework.assessment_policy = read_policy(*policy);
  }
  if (const Json* development = f.find("development")) {
    Fields d(*development, "development");
    framework.development.review_every_weeks =
        d.real_or("review_every_weeks", framework.development.review_every_weeks);
    d.finish();
  }
  f.require("competencies");
  framework.competencies = read_list<Competency>(f, "competencies", read_competency);
  framework.relations = read_list<Relation>(f, "relations", read_relation);
  auto people = read_list<Person>(f, "people", read_person);
  if (people.empty()) {
    people = std::move(more_people);
  } else {
    people.insert(people.end(), std::make_move_iterator(more_people.begin()),
                  std::make_move_iterator(more_people.end()));
  }
  auto roles = read_list<Role>(f, "roles", read_role);
  auto requests = read_list<TeamRequest>(f, "requests", request_from_json);
  f.finish();
  return {std::move(framework), std::move(people), std::move(roles), std::move(requests)};
}

Json competencies_to_json(const Model& model) {
  Json competencies = Json::array();
  for (const Competency& c : model.competencies()) {
    Json item;
    item["id"] = c.id;
    if (!c.name.empty()) item["name"] = c.name;
    item["kind"] = std::string(to_string(c.kind));
    if (c.trainable) item["trainable"] = *c.trainable;
    if (!c.parents.empty()) item["parents"] = strings_json(c.parents);
    if (!c.description.empty()) item["description"] = c.description;
    if (c.training) {
      item["training"] = {{"cost_per_level", number(c.training->cost_per_level)},
                          {"weeks_per_level", number(c.training->weeks_per_level)}};
    }
    competencies.push_back(std::move(item));
  }
  return competencies;
}

Json person_to_json(const Person& p) {
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
  if (!p.training.empty()) {
    Json training = Json::object();
    for (const auto& [competency, terms] : p.training) {
      Json own = Json::object();
      if (terms.cost_per_level) own["cost_per_level"] = number(*terms.cost_per_level);
      if (terms.weeks_per_level) own["weeks_per_level"] = number(*terms.weeks_per_level);
      training[competency] = std::move(own);
    }
    item["training"] = std::move(training);
  }
  if (!p.current_role.empty()) item["current_role"] = p.current_role;
  if (!p.preferred_roles.empty()) item["preferred_roles"] = strings_json(p.preferred_roles);
  if (!p.preferred_shifts.empty()) item["preferred_shifts"] = strings_json(p.preferred_shifts);
  return item;
}

Json model_to_json(const Model& model) {
  Json out;
  out["format"] = "teamwright";
  out["version"] = kFormatVersion;
  if (model.scale() != ProficiencyScale{}) {
    out["scale"]["levels"] = strings_json(model.scale().labels);
  }
  if (model.framework().assessment_policy != AssessmentPolicy{}) {
    out["assessment_policy"] = policy_json(model.framework().assessment_policy);
  }
  if (model.framework().development != DevelopmentPolicy{}) {
    out["development"]["review_every_weeks"] =
        number(model.framework().development.review_every_weeks);
  }
  out["competencies"] = competencies_to_json(model);
  if (!model.relations().empty()) {
    Json relations = Json::array();
    for (const Relation& r : model.relations()) {
      relations.push_back({{"from", r.from}, {"to", r.to}, {"factor", number(r.factor)}});
    }
    out["relations"] = std::move(relations);
  }
  Json people = Json::array();
  for (const Person& p : model.people()) {
    people.push_back(person_to_json(p));
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

Model load_model(const std::filesystem::path& path) { return parse_model(detail::read_text(path)); }

void save_model(const Model& model, const std::filesystem::path& path) {
  detail::write_text(path, dump_model(model));
}

}  // namespace teamwright::io
