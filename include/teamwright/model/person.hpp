#pragma once

/// \file
/// People: their levels and the assessments behind them, cost, availability and attributes.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

/// A person's agreed levels by competency id: a map kept as one sorted array (a flat map), so a
/// person's levels take one allocation and are read in id order.
class LevelMap {
 public:
  using value_type = std::pair<std::string, double>;
  using const_iterator = std::vector<value_type>::const_iterator;

  LevelMap() = default;
  /// The pairs in id order; of repeated ids the first counts (as for a std::map).
  LevelMap(std::initializer_list<value_type> levels) {
    for (const value_type& level : levels) {
      emplace(level.first, level.second);
    }
  }

  /// The level of `competency`, inserted as 0 when absent.
  double& operator[](std::string_view competency) {
    const auto at = lower_bound(competency);
    if (at != items_.end() && at->first == competency) {
      return at->second;
    }
    return items_.emplace(at, std::string(competency), 0.0)->second;
  }
  /// Adds the level unless the competency has one; true when added.
  bool emplace(std::string competency, double level) {
    const auto at = lower_bound(competency);
    if (at != items_.end() && at->first == competency) {
      return false;
    }
    items_.emplace(at, std::move(competency), level);
    return true;
  }
  /// Adds a level after every other: `competency` must sort after the ids already there.
  void append(std::string competency, double level) {
    items_.emplace_back(std::move(competency), level);
  }
  void reserve(std::size_t size) { items_.reserve(size); }

  [[nodiscard]] const_iterator find(std::string_view competency) const {
    const auto at = std::lower_bound(
        items_.begin(), items_.end(), competency,
        [](const value_type& item, std::string_view id) { return item.first < id; });
    return at != items_.end() && at->first == competency ? at : items_.end();
  }
  [[nodiscard]] bool contains(std::string_view competency) const {
    return find(competency) != items_.end();
  }
  [[nodiscard]] const_iterator begin() const { return items_.begin(); }
  [[nodiscard]] const_iterator end() const { return items_.end(); }
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] bool empty() const { return items_.empty(); }

  friend bool operator==(const LevelMap&, const LevelMap&) = default;

 private:
  std::vector<value_type>::iterator lower_bound(std::string_view competency) {
    return std::lower_bound(
        items_.begin(), items_.end(), competency,
        [](const value_type& item, std::string_view id) { return item.first < id; });
  }

  std::vector<value_type> items_;
};

/// The largest cost, budget or training term a model accepts (1e15): sums over many people stay
/// finite (docs/model.md#limits).
inline constexpr double kMaxAmount = 1e15;

/// An employee or an external candidate.
struct Person {
  std::string id;
  std::string name;
  /// Agreed levels by competency id. Where a competency has no agreed level, the level is
  /// aggregated from `assessments` (rule in docs/model.md).
  LevelMap levels;
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
