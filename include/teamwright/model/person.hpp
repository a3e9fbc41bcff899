#pragma once

/// \file
/// People: their levels and the assessments behind them, cost, availability and attributes.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace teamwright {

/// Who assessed a level.
enum class AssessmentSource { kSelf, kManager, kPeer, kCustomer, kTest };

/// The file-format name of a source: "self", "manager", "peer", "customer", "test".
[[nodiscard]] std::string_view to_string(AssessmentSource source);
/// The source with that file-format name, or nothing.
[[nodiscard]] std::optional<AssessmentSource> parse_assessment_source(std::string_view name);

/// One observation of a person's level in a competency.
struct Assessment {
  std::string competency;
  double level = 0;
  AssessmentSource source = AssessmentSource::kManager;
  /// Calendar date "YYYY-MM-DD".
  std::string date;
  /// How much the source trusts this observation, in (0, 1].
  double confidence = 1;

  friend bool operator==(const Assessment&, const Assessment&) = default;
};

/// How a person's assessments of a competency aggregate into their rated level where no agreed
/// level is given (docs/model.md#rated-level).
enum class Aggregation {
  kWeighted,    ///< the weighted mean of each counted source's latest assessments
  kMostRecent,  ///< the weighted mean of the latest assessments of any counted source
  kMinimum,     ///< the lowest of the counted sources' latest levels
};

/// The file-format name of an aggregation: "weighted", "most_recent", "minimum".
[[nodiscard]] std::string_view to_string(Aggregation aggregation);
/// The aggregation with that file-format name, or nothing.
[[nodiscard]] std::optional<Aggregation> parse_aggregation(std::string_view name);

/// The organisation's rules for trusting assessments.
struct AssessmentPolicy {
  Aggregation aggregation = Aggregation::kWeighted;
  /// Each source's weight (>= 0, finite), multiplying the assessment's confidence. A source not
  /// listed weighs 1, except the self-rating, which then counts only when no other counted
  /// source has assessed the competency.
  std::map<AssessmentSource, double> source_weights;
  /// The sources that count ("validated sources only"); empty: every source.
  std::vector<AssessmentSource> sources;
  /// Evidence fades: an assessment `age` days before `as_of` counts with 0.5^(age /
  /// half_life_days) of its level (a lone rating from long ago sinks towards 0); 0: no
  /// discount. Finite, >= 0.
  double half_life_days = 0;
  /// The date levels are judged as of, "YYYY-MM-DD"; empty: today (UTC). Ages, half-lives, stale
  /// and future assessments count from it.
  std::string as_of;
  /// Assessments older than this many days are reported stale (`analysis::review_assessments`);
  /// 0: never. Finite, >= 0.
  double stale_after_days = 730;

  friend bool operator==(const AssessmentPolicy&, const AssessmentPolicy&) = default;
};

/// A person's own terms for training a competency, overriding the competency's field by field.
struct TrainingOverride {
  std::optional<double> cost_per_level;
  std::optional<double> weeks_per_level;

  friend bool operator==(const TrainingOverride&, const TrainingOverride&) = default;
};

/// A free attribute value: location, team of origin, a protected attribute for fairness reports.
using AttributeValue = std::variant<bool, std::int64_t, double, std::string>;

/// An employee or an external candidate.
struct Person {
  std::string id;
  std::string name;
  /// Agreed levels by competency id. Where a competency has no agreed level, the level is
  /// aggregated from `assessments` (rule in docs/model.md).
  std::map<std::string, double, std::less<>> levels;
  std::vector<Assessment> assessments;
  /// What putting this person on the team costs (salary share, hire cost); finite, >= 0.
  double cost = 0;
  /// Full-time equivalent available, in [0, 1]; 0 means not available for any team.
  double availability = 1;
  /// An external candidate (a hire) rather than an employee.
  bool external = false;
  std::map<std::string, AttributeValue, std::less<>> attributes;
  /// Per competency id (trainable ones only), what training this person costs and takes where
  /// it differs from the competency's terms.
  std::map<std::string, TrainingOverride, std::less<>> training;
  /// The role the person holds now (a role id), or empty; `analysis::mismatches` compares it
  /// with the roles they would fit better.
  std::string current_role;
  /// Role ids the person would like to hold, and shifts (free names: "late", "weekend") they
  /// would like to work; placement gives them a bonus.
  std::vector<std::string> preferred_roles;
  std::vector<std::string> preferred_shifts;

  friend bool operator==(const Person&, const Person&) = default;
};

}  // namespace teamwright
