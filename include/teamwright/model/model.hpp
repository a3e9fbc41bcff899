#pragma once

/// \file
/// The validated, indexed model: framework, people, roles and named team requests.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "teamwright/error.hpp"
#include "teamwright/model/framework.hpp"
#include "teamwright/model/ids.hpp"
#include "teamwright/model/person.hpp"
#include "teamwright/model/request.hpp"
#include "teamwright/model/role.hpp"

namespace teamwright {

namespace detail {
struct ModelData;
}  // namespace detail

/// A person's level in one competency.
struct LevelEntry {
  CompetencyId competency;
  double level = 0;

  friend bool operator==(const LevelEntry&, const LevelEntry&) = default;
};

/// The level of `competency` in levels sorted by competency (as `Model::effective_levels` and
/// `Model::rated_levels` return them), 0 if absent. O(log n).
[[nodiscard]] double level_in(std::span<const LevelEntry> levels, CompetencyId competency);

/// A validated model. Construction checks every rule of docs/model.md and indexes the items;
/// afterwards the model is immutable.
///
/// Thread safety: a const Model may be used from many threads at once; copies share the
/// immutable data and are cheap.
class Model {
 public:
  /// Validates and indexes the items, which keep the order given (ids index into it).
  /// Throws `UnknownReferenceError` for a reference to a missing item, `DuplicateIdError`,
  /// `OutOfRangeError`, `CyclicHierarchyError` or `InvalidInputError` for a broken rule; the
  /// message names the item and the rule.
  Model(Framework framework, std::vector<Person> people, std::vector<Role> roles = {},
        std::vector<TeamRequest> requests = {});

  [[nodiscard]] const Framework& framework() const;
  [[nodiscard]] const ProficiencyScale& scale() const;
  /// The date levels are judged as of: the assessment policy's `as_of`, else the day the model
  /// was built (UTC), "YYYY-MM-DD".
  [[nodiscard]] std::string as_of() const;
  [[nodiscard]] std::span<const Competency> competencies() const;
  [[nodiscard]] std::span<const Relation> relations() const;
  [[nodiscard]] std::span<const Person> people() const;
  [[nodiscard]] std::span<const Role> roles() const;
  [[nodiscard]] std::span<const TeamRequest> requests() const;

  /// The item behind an id issued by this model. Throws `OutOfRangeError` for a foreign id.
  [[nodiscard]] const Competency& competency(CompetencyId id) const;
  [[nodiscard]] const Person& person(PersonId id) const;
  [[nodiscard]] const Role& role(RoleId id) const;

  /// The id of the item with that string id. Throws `UnknownReferenceError` if there is none.
  [[nodiscard]] CompetencyId competency_id(std::string_view id) const;
  [[nodiscard]] PersonId person_id(std::string_view id) const;
  [[nodiscard]] RoleId role_id(std::string_view id) const;
  /// The named request. Throws `UnknownReferenceError` if there is none.
  [[nodiscard]] const TeamRequest& request(std::string_view id) const;

  /// Direct parents and children of a competency in the hierarchy, in id order.
  [[nodiscard]] std::span<const CompetencyId> parents(CompetencyId id) const;
  [[nodiscard]] std::span<const CompetencyId> children(CompetencyId id) const;

  /// The person's own level in the competency: the agreed level if given, else the aggregate of
  /// the assessments (docs/model.md), else 0. No hierarchy or relations.
  [[nodiscard]] double rated_level(PersonId person, CompetencyId competency) const;
  /// All non-zero rated levels of the person, sorted by competency.
  [[nodiscard]] std::span<const LevelEntry> rated_levels(PersonId person) const;

  /// The level that counts for requirements on the competency: the best rated level in it or any
  /// descendant, or a related competency's level times the relation's factor (docs/model.md).
  [[nodiscard]] double effective_level(PersonId person, CompetencyId competency) const;
  /// All non-zero effective levels of the person, sorted by competency. Equals
  /// `effective_level` for every competency, computed in time proportional to the person's
  /// levels and their ancestors rather than to the framework's size.
  [[nodiscard]] std::vector<LevelEntry> effective_levels(PersonId person) const;
  /// The same into `out` (replacing its content, reusing its storage), for loops over people.
  void effective_levels(PersonId person, std::vector<LevelEntry>& out) const;
  /// The effective levels a person with these rated levels (sorted by competency, unique,
  /// non-zero) would have: how a planned training shows before it happens.
  void effective_levels_from(std::span<const LevelEntry> rated, std::vector<LevelEntry>& out) const;

  /// What training the person one level in the competency takes: the competency's terms with
  /// the person's overrides; nothing when it is not trainable or a term is unknown.
  [[nodiscard]] std::optional<TrainingTerms> training_terms(PersonId person,
                                                            CompetencyId competency) const;

  /// Checks a request against this model with the same rules as the stored requests.
  /// Throws as the constructor does.
  void validate(const TeamRequest& request) const;

  /// Equal when built from equal items.
  friend bool operator==(const Model& a, const Model& b);

 private:
  std::shared_ptr<const detail::ModelData> data_;
};

}  // namespace teamwright
