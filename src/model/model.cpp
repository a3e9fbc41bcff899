// Model construction: every rule of docs/model.md is checked here, once, for items from files,
// from Python and from C++ alike, so all of them get the same messages.

#include "teamwright/model/model.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "model/model_data.hpp"
#include "teamwright/error.hpp"
#include "teamwright/model/dates.hpp"
#include "util/halves.hpp"
#include "util/text.hpp"

namespace teamwright {
namespace detail {
namespace {

using util::number;
using util::quote;

std::string ordinal(std::size_t position) { return "#" + std::to_string(position + 1); }

// Fills `index` with the items' ids; ids must be non-empty and unique within their kind.
template <class Item>
void index_ids(IdIndex& index, const std::string& kind, const std::vector<Item>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& id = items[i].id;
    if (id.empty()) {
      throw FormatError(kind + " " + ordinal(i) + ": id must not be empty");
    }
    const auto [found, inserted] = index.emplace(id, static_cast<std::uint32_t>(i));
    if (!inserted) {
      throw DuplicateIdError(kind + " " + quote(id) + ": duplicate id (" + ordinal(found->second) +
                             " and " + ordinal(i) + ")");
    }
  }
}

CompetencyId resolve_competency(const ModelData& data, const std::string& where,
                                const std::string& what, const std::string& competency) {
  const auto found = data.competency_index.find(competency);
  if (found == data.competency_index.end()) {
    throw UnknownReferenceError(where + ": " + what + " names unknown competency " +
                                quote(competency));
  }
  return CompetencyId(found->second);
}

// "<where>: <what> 7 for 'empathy' exceeds the scale maximum 5".
void check_level(const ModelData& data, const std::string& where, const std::string& what,
                 double level, const std::string& competency) {
  const int max_level = data.framework.scale.max_level();
  std::string problem;
  if (!std::isfinite(level)) {
    problem = "is not a finite number";
  } else if (level < 0) {
    problem = "is below the scale minimum 0";
  } else if (level > max_level) {
    problem = "exceeds the scale maximum " + std::to_string(max_level);
  } else {
    return;
  }
  throw OutOfRangeError(where + ": " + what + " " + number(level) + " for " + quote(competency) +
                        " " + problem);
}

void check_importance(const std::string& where, int importance) {
  if (importance < 1 || importance > 5) {
    throw OutOfRangeError(where + ": importance " + std::to_string(importance) + " is outside 1-5");
  }
}

bool is_calendar_date(const std::string& text) { return day_number(text).has_value(); }

// An amount of money or time: finite, >= 0 and at most kMaxAmount, so that sums over many
// people stay finite.
void check_amount(const std::string& where, const char* name, double value) {
  if (!(value >= 0 && value <= kMaxAmount)) {
    throw OutOfRangeError(where + ": " + name + " " + number(value) +
                          " must be a number from 0 to 1e15");
  }
}

void check_training(const Framework& framework) {
  for (const Competency& c : framework.competencies) {
    if (!c.training) {
      continue;
    }
    const std::string where = "competency " + quote(c.id) + ": training";
    if (!c.is_trainable()) {
      throw InvalidInputError(where + " is given, but a " + std::string(to_string(c.kind)) +
                              " that is not trainable is never closed by training");
    }
    check_amount(where, "cost_per_level", c.training->cost_per_level);
    check_amount(where, "weeks_per_level", c.training->weeks_per_level);
  }
  const double weeks = framework.development.review_every_weeks;
  if (!std::isfinite(weeks) || weeks <= 0) {
    throw OutOfRangeError("development: review_every_weeks " + number(weeks) +
                          " must be a finite number > 0");
  }
}

void check_policy(const AssessmentPolicy& policy) {
  const std::string where = "assessment policy";
  for (const auto& [source, weight] : policy.source_weights) {
    if (!std::isfinite(weight) || weight < 0) {
      throw OutOfRangeError(where + ": the weight " + number(weight) + " of source " +
                            quote(std::string(to_string(source))) +
                            " must be a finite number >= 0");
    }
  }
  std::set<AssessmentSource> seen;
  for (const AssessmentSource source : policy.sources) {
    if (!seen.insert(source).second) {
      throw DuplicateIdError(where + ": source " + quote(std::string(to_string(source))) +
                             " is listed twice");
    }
  }
  for (const auto& [name, days] : {std::pair{"half_life_days", policy.half_life_days},
                                   std::pair{"stale_after_days", policy.stale_after_days}}) {
    if (!std::isfinite(days) || days < 0) {
      throw OutOfRangeError(where + ": " + name + " " + number(days) +
                            " must be a finite number >= 0");
    }
  }
  if (!policy.as_of.empty() && !is_calendar_date(policy.as_of)) {
    throw FormatError(where + ": as_of " + quote(policy.as_of) +
                      " is not a calendar date YYYY-MM-DD");
  }
}

void check_scale(const ProficiencyScale& scale) {
  if (scale.labels.size() < 2) {
    throw InvalidInputError("scale: needs at least 2 levels, got " +
                            std::to_string(scale.labels.size()));
  }
  std::map<std::string_view, std::size_t> seen;
  for (std::size_t level = 0; level < scale.labels.size(); ++level) {
    const std::string& label = scale.labels[level];
    if (label.empty()) {
      throw FormatError("scale: label of level " + std::to_string(level) + " is empty");
    }
    const auto [found, inserted] = seen.emplace(label, level);
    if (!inserted) {
      throw DuplicateIdError("scale: label " + quote(label) + " is used for levels " +
                             std::to_string(found->second) + " and " + std::to_string(level));
    }
  }
}

void index_relations(ModelData& data) {
  const std::size_t n = data.framework.competencies.size();
  std::vector<std::vector<RelationEdge>> out(n);
  std::vector<std::vector<RelationEdge>> in(n);
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (const Relation& relation : data.framework.relations) {
    const std::string where = "relation " + quote(relation.from) + " -> " + quote(relation.to);
    const CompetencyId from = resolve_competency(data, where, "'from'", relation.from);
    const CompetencyId to = resolve_competency(data, where, "'to'", relation.to);
    if (from == to) {
      throw InvalidInputError(where + ": a competency cannot be related to itself");
    }
    if (!std::isfinite(relation.factor) || relation.factor <= 0 || relation.factor > 1) {
      throw OutOfRangeError(where + ": factor " + number(relation.factor) + " is outside (0, 1]");
    }
    if (!seen.emplace(from.index(), to.index()).second) {
      throw DuplicateIdError(where + ": listed twice");
    }
    out[from.index()].push_back({to, relation.factor});
    in[to.index()].push_back({from, relation.factor});
  }
  for (std::size_t i = 0; i < n; ++i) {
    data.relations_out.add_row(out[i]);
    data.relations_in.add_row(in[i]);
  }
}

// Checks the person's items; `agreed` gets their agreed levels by competency id.
void check_person(const ModelData& data, const Person& person, std::vector<LevelEntry>& agreed) {
  const std::string where = "person " + quote(person.id);
  agreed.clear();
  agreed.reserve(person.levels.size());
  for (const auto& [competency, level] : person.levels) {
    agreed.push_back({resolve_competency(data, where, "level", competency), level});
    check_level(data, where, "level", level, competency);
  }
  for (std::size_t i = 0; i < person.assessments.size(); ++i) {
    const Assessment& a = person.assessments[i];
    const std::string what_where = where + ": assessment " + ordinal(i);
    resolve_competency(data, what_where, "it", a.competency);
    check_level(data, what_where, "level", a.level, a.competency);
    if (!is_calendar_date(a.date)) {
      throw FormatError(what_where + " of " + quote(a.competency) + ": date " + quote(a.date) +
                        " is not a calendar date YYYY-MM-DD");
    }
    if (!std::isfinite(a.confidence) || a.confidence <= 0 || a.confidence > 1) {
      throw OutOfRangeError(what_where + " of " + quote(a.competency) + ": confidence " +
                            number(a.confidence) + " is outside (0, 1]");
    }
  }
  for (const auto& [competency, terms] : person.training) {
    const std::string what = where + ": training for " + quote(competency);
    const CompetencyId id = resolve_competency(data, where, "training", competency);
    const Competency& c = data.framework.competencies[id.index()];
    if (!c.is_trainable()) {
      throw InvalidInputError(what + ": a " + std::string(to_string(c.kind)) +
                              " that is not trainable is never closed by training");
    }
    if (terms.cost_per_level) {
      check_amount(what, "cost_per_level", *terms.cost_per_level);
    }
    if (terms.weeks_per_level) {
      check_amount(what, "weeks_per_level", *terms.weeks_per_level);
    }
  }
  check_amount(where, "cost", person.cost);
  if (!(person.availability >= 0 && person.availability <= 1)) {
    throw OutOfRangeError(where + ": availability " + number(person.availability) +
                          " is outside [0, 1]");
  }
  for (const auto& [key, value] : person.attributes) {
    if (key.empty()) {
      throw FormatError(where + ": attribute names must not be empty");
    }
    if (const double* real = std::get_if<double>(&value);
        real != nullptr && !std::isfinite(*real)) {
      throw OutOfRangeError(where + ": attribute " + quote(key) + " value " + number(*real) +
                            " is not a finite number");
    }
  }
}

// Checks people [begin, end) and adds their rated levels to `rated`.
void rate_people(const ModelData& data, std::size_t begin, std::size_t end,
                 Csr<LevelEntry>& rated) {
  std::size_t agreed_levels = 0;
  for (std::size_t p = begin; p < end; ++p) {
    agreed_levels += data.people[p].levels.size();
  }
  rated.reserve(end - begin, agreed_levels);
  std::vector<LevelEntry> agreed;
  for (std::size_t p = begin; p < end; ++p) {
    const Person& person = data.people[p];
    check_person(data, person, agreed);
    rated.add_row(aggregate_levels(person, std::move(agreed), data.competency_index,
                                   data.framework.assessment_policy, data.as_of_day));
  }
}

// Preferences name existing roles, each once; shifts are free names, each once.
void check_preferences(const ModelData& data, const Person& person) {
  const std::string where = "person " + quote(person.id);
  if (!person.current_role.empty() && !data.role_index.contains(person.current_role)) {
    throw UnknownReferenceError(where + ": current_role names unknown role " +
                                quote(person.current_role));
  }
  std::set<std::string, std::less<>> seen;
  for (const std::string& role : person.preferred_roles) {
    if (!data.role_index.contains(role)) {
      throw UnknownReferenceError(where + ": preferred_roles names unknown role " + quote(role));
    }
    if (!seen.insert(role).second) {
      throw DuplicateIdError(where + ": preferred_roles names role " + quote(role) + " twice");
    }
  }
  seen.clear();
  for (const std::string& shift : person.preferred_shifts) {
    if (shift.empty()) {
      throw FormatError(where + ": preferred_shifts must not hold an empty name");
    }
    if (!seen.insert(shift).second) {
      throw DuplicateIdError(where + ": preferred_shifts names shift " + quote(shift) + " twice");
    }
  }
}

void check_role(const ModelData& data, const Role& role) {
  const std::string where = "role " + quote(role.id);
  std::set<CompetencyId> required;
  for (std::size_t i = 0; i < role.requirements.size(); ++i) {
    const RoleRequirement& r = role.requirements[i];
    const std::string what_where = where + ": requirement " + ordinal(i);
    const CompetencyId competency = resolve_competency(data, what_where, "it", r.competency);
    check_level(data, where, "min_level", r.min_level, r.competency);
    check_importance(what_where + " (" + quote(r.competency) + ")", r.importance);
    if (!required.insert(competency).second) {
      throw DuplicateIdError(where + ": competency " + quote(r.competency) + " is required twice");
    }
  }
}

// Looks a person up for a request rule; `what` says which list names them.
PersonId resolve_person(const ModelData& data, const std::string& where, const std::string& what,
                        const std::string& person) {
  const auto found = data.person_index.find(person);
  if (found == data.person_index.end()) {
    throw UnknownReferenceError(where + ": " + what + " names unknown person " + quote(person));
  }
  return PersonId(found->second);
}

// Resolves a list of people that must not repeat.
std::set<PersonId> resolve_people(const ModelData& data, const std::string& where,
                                  const std::string& what, const std::vector<std::string>& ids) {
  std::set<PersonId> people;
  for (const std::string& id : ids) {
    if (!people.insert(resolve_person(data, where, what, id)).second) {
      throw DuplicateIdError(where + ": " + what + " lists " + quote(id) + " twice");
    }
  }
  return people;
}

}  // namespace

void validate_request(const ModelData& data, const TeamRequest& request) {
  if (request.id.empty()) {
    throw FormatError("request: id must not be empty");
  }
  const std::string where = "request " + quote(request.id);
  std::set<std::pair<CompetencyId, double>> required;
  for (std::size_t i = 0; i < request.requirements.size(); ++i) {
    const TeamRequirement& r = request.requirements[i];
    const std::string what_where = where + ": requirement " + ordinal(i);
    const CompetencyId competency = resolve_competency(data, what_where, "it", r.competency);
    const std::string named = what_where + " (" + quote(r.competency) + ")";
    check_level(data, where, "min_level", r.min_level, r.competency);
    check_importance(named, r.importance);
    if (const int* count = std::get_if<int>(&r.count); count != nullptr && *count < 1) {
      throw OutOfRangeError(named + ": count " + std::to_string(*count) + " is below 1");
    }
    if (const Fte* fte = std::get_if<Fte>(&r.count);
        fte != nullptr && !(std::isfinite(fte->value) && fte->value > 0)) {
      throw OutOfRangeError(named + ": fte " + number(fte->value) + " must be a finite number > 0");
    }
    if (!required.emplace(competency, r.min_level).second) {
      throw DuplicateIdError(where + ": competency " + quote(r.competency) + " at level " +
                             number(r.min_level) + " is required twice");
    }
  }
  std::set<std::string_view> slotted;
  for (const RoleSlot& slot : request.roles) {
    if (!data.role_index.contains(slot.role)) {
      throw UnknownReferenceError(where + ": role slot names unknown role " + quote(slot.role));
    }
    if (slot.count < 1) {
      throw OutOfRangeError(where + ": role " + quote(slot.role) + " count " +
                            std::to_string(slot.count) + " is below 1");
    }
    if (!slotted.insert(slot.role).second) {
      throw DuplicateIdError(where + ": role " + quote(slot.role) + " has two slots");
    }
  }
  if (request.min_size < 0) {
    throw OutOfRangeError(where + ": min_size " + std::to_string(request.min_size) + " is below 0");
  }
  if (request.max_size && *request.max_size < std::max(request.min_size, 1)) {
    throw OutOfRangeError(
        where + ": max_size " + std::to_string(*request.max_size) + " is below " +
        (request.min_size > 1 ? "min_size " + std::to_string(request.min_size) : std::string("1")));
  }
  if (request.budget) {
    check_amount(where, "budget", *request.budget);
  }
  if (request.soft_penalty &&
      (!std::isfinite(*request.soft_penalty) || *request.soft_penalty <= 0)) {
    throw OutOfRangeError(where + ": soft_penalty " + number(*request.soft_penalty) +
                          " must be a finite number > 0");
  }
  if (!(request.min_availability >= 0 && request.min_availability <= 1)) {
    throw OutOfRangeError(where + ": min_availability " + number(request.min_availability) +
                          " is outside [0, 1]");
  }
  if (request.min_leaders < 0 || request.max_leaders < 0) {
    throw OutOfRangeError(where + ": " +
                          (request.min_leaders < 0
                               ? "min_leaders " + std::to_string(request.min_leaders)
                               : "max_leaders " + std::to_string(request.max_leaders)) +
                          " is below 0");
  }
  if (request.min_leaders > request.max_leaders) {
    throw OutOfRangeError(where + ": min_leaders " + std::to_string(request.min_leaders) +
                          " is above max_leaders " + std::to_string(request.max_leaders));
  }
  const auto included = resolve_people(data, where, "must_include", request.must_include);
  const auto excluded = resolve_people(data, where, "exclude", request.exclude);
  for (const std::string& id : request.must_include) {
    if (excluded.contains(PersonId(data.person_index.find(id)->second))) {
      throw InvalidInputError(where + ": person " + quote(id) +
                              " is both in must_include and in exclude");
    }
  }
  std::set<std::pair<PersonId, PersonId>> pairs;
  for (const auto& [first, second] : request.incompatible) {
    const PersonId a = resolve_person(data, where, "incompatible", first);
    const PersonId b = resolve_person(data, where, "incompatible", second);
    if (a == b) {
      throw InvalidInputError(where + ": incompatible pair names " + quote(first) + " twice");
    }
    if (!pairs.emplace(std::min(a, b), std::max(a, b)).second) {
      throw DuplicateIdError(where + ": incompatible pair " + quote(first) + ", " + quote(second) +
                             " is listed twice");
    }
  }
}

}  // namespace detail

Model::Model(Framework framework, std::vector<Person> people, std::vector<Role> roles,
             std::vector<TeamRequest> requests) {
  auto data = std::make_shared<detail::ModelData>();
  data->framework = std::move(framework);
  data->people = std::move(people);
  data->roles = std::move(roles);
  data->requests = std::move(requests);

  detail::check_scale(data->framework.scale);
  const AssessmentPolicy& policy = data->framework.assessment_policy;
  detail::check_policy(policy);
  data->as_of_day = *day_number(policy.as_of.empty() ? today() : policy.as_of);
  detail::index_ids(data->competency_index, "competency", data->framework.competencies);
  detail::check_training(data->framework);
  detail::build_hierarchy(*data);
  detail::index_relations(*data);
  detail::index_ids(data->person_index, "person", data->people);
  std::size_t observations = 0;  // agreed levels and assessments
  for (const Person& person : data->people) {
    observations += person.levels.size() + person.assessments.size();
  }
  // Each half of the people checked and rated into rows of its own; the second half's rows
  // follow the first's.
  std::array<detail::Csr<LevelEntry>, 2> rated;
  constexpr std::size_t kParallelObservations = std::size_t{1} << 18;
  util::in_two_halves(data->people.size(), observations >= kParallelObservations,
                      [&](std::size_t part, std::size_t begin, std::size_t end) {
                        detail::rate_people(*data, begin, end, rated[part]);
                      });
  data->rated = std::move(rated[0]);
  data->rated.append(rated[1]);
  detail::index_ids(data->role_index, "role", data->roles);
  for (const Role& role : data->roles) {
    detail::check_role(*data, role);
  }
  for (const Person& person : data->people) {
    detail::check_preferences(*data, person);
  }
  detail::index_ids(data->request_index, "request", data->requests);
  for (const TeamRequest& request : data->requests) {
    detail::validate_request(*data, request);
  }
  data_ = std::move(data);
}

const Framework& Model::framework() const { return data_->framework; }
const ProficiencyScale& Model::scale() const { return data_->framework.scale; }

std::optional<TrainingTerms> Model::training_terms(PersonId person, CompetencyId competency) const {
  const Competency& c = this->competency(competency);
  if (!c.is_trainable()) {
    return std::nullopt;
  }
  const Person& p = this->person(person);
  const auto found = p.training.find(c.id);
  const TrainingOverride own = found != p.training.end() ? found->second : TrainingOverride{};
  const auto cost = own.cost_per_level
                        ? own.cost_per_level
                        : (c.training ? std::optional(c.training->cost_per_level) : std::nullopt);
  const auto weeks = own.weeks_per_level
                         ? own.weeks_per_level
                         : (c.training ? std::optional(c.training->weeks_per_level) : std::nullopt);
  if (!cost || !weeks) {
    return std::nullopt;
  }
  return TrainingTerms{*cost, *weeks};
}
std::string Model::as_of() const { return date_of(data_->as_of_day); }
std::span<const Competency> Model::competencies() const { return data_->framework.competencies; }
std::span<const Relation> Model::relations() const { return data_->framework.relations; }
std::span<const Person> Model::people() const { return data_->people; }
std::span<const Role> Model::roles() const { return data_->roles; }
std::span<const TeamRequest> Model::requests() const { return data_->requests; }

namespace {

template <class Item, class Id>
const Item& at(const std::vector<Item>& items, Id id, const char* kind) {
  if (id.index() >= items.size()) {
    throw OutOfRangeError(std::string(kind) + " index " + std::to_string(id.index()) +
                          " is not in this model (it has " + std::to_string(items.size()) + ")");
  }
  return items[id.index()];
}

std::uint32_t lookup(const detail::IdIndex& index, std::string_view id, const char* kind) {
  const auto found = index.find(id);
  if (found == index.end()) {
    throw UnknownReferenceError(std::string("unknown ") + kind + " " + util::quote(id));
  }
  return found->second;
}

}  // namespace

const Competency& Model::competency(CompetencyId id) const {
  return at(data_->framework.competencies, id, "competency");
}
const Person& Model::person(PersonId id) const { return at(data_->people, id, "person"); }
const Role& Model::role(RoleId id) const { return at(data_->roles, id, "role"); }

CompetencyId Model::competency_id(std::string_view id) const {
  return CompetencyId(lookup(data_->competency_index, id, "competency"));
}
PersonId Model::person_id(std::string_view id) const {
  return PersonId(lookup(data_->person_index, id, "person"));
}
RoleId Model::role_id(std::string_view id) const {
  return RoleId(lookup(data_->role_index, id, "role"));
}
const TeamRequest& Model::request(std::string_view id) const {
  return data_->requests[lookup(data_->request_index, id, "request")];
}

std::span<const CompetencyId> Model::parents(CompetencyId id) const {
  (void)competency(id);
  return data_->parents.row(id.index());
}
std::span<const CompetencyId> Model::children(CompetencyId id) const {
  (void)competency(id);
  return data_->children.row(id.index());
}

double Model::rated_level(PersonId person, CompetencyId competency) const {
  (void)this->competency(competency);
  return level_in(rated_levels(person), competency);
}

std::span<const LevelEntry> Model::rated_levels(PersonId person) const {
  (void)this->person(person);
  return data_->rated.row(person.index());
}

void Model::validate(const TeamRequest& request) const {
  detail::validate_request(*data_, request);
}

bool operator==(const Model& a, const Model& b) {
  return a.data_ == b.data_ ||
         (a.data_->framework == b.data_->framework && a.data_->people == b.data_->people &&
          a.data_->roles == b.data_->roles && a.data_->requests == b.data_->requests);
}

}  // namespace teamwright
