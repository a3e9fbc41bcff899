#pragma once

// The indexed form of a Model, private to the library.

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "teamwright/model/model.hpp"

namespace teamwright::detail {

/// Rows of values stored back to back (compressed sparse rows).
template <class T>
class Csr {
 public:
  void add_row(std::span<const T> row) {
    values_.insert(values_.end(), row.begin(), row.end());
    offsets_.push_back(static_cast<std::uint32_t>(values_.size()));
  }
  /// Adds the rows of `other` after these.
  void append(const Csr& other) {
    const auto shift = static_cast<std::uint32_t>(values_.size());
    values_.insert(values_.end(), other.values_.begin(), other.values_.end());
    for (std::size_t row = 1; row < other.offsets_.size(); ++row) {
      offsets_.push_back(shift + other.offsets_[row]);
    }
  }
  /// Room for `rows` rows of `values` values in all.
  void reserve(std::size_t rows, std::size_t values) {
    offsets_.reserve(rows + 1);
    values_.reserve(values);
  }
  [[nodiscard]] std::span<const T> row(std::size_t index) const {
    return std::span<const T>(values_).subspan(offsets_[index],
                                               offsets_[index + 1] - offsets_[index]);
  }

 private:
  std::vector<std::uint32_t> offsets_{0};
  std::vector<T> values_;
};

/// A string hash that also takes string views (heterogeneous lookup, no temporary strings).
struct IdHash {
  using is_transparent = void;
  [[nodiscard]] std::size_t operator()(std::string_view id) const noexcept {
    return std::hash<std::string_view>{}(id);
  }
};

/// Item ids to their positions: a hash map, so that indexing n items takes O(n) expected time.
using IdIndex = std::unordered_map<std::string, std::uint32_t, IdHash, std::equal_to<>>;

struct RelationEdge {
  CompetencyId other;
  double factor = 0;
};

struct ModelData {
  Framework framework;
  std::vector<Person> people;
  std::vector<Role> roles;
  std::vector<TeamRequest> requests;

  IdIndex competency_index;
  IdIndex person_index;
  IdIndex role_index;
  IdIndex request_index;

  Csr<CompetencyId> parents;
  Csr<CompetencyId> children;
  Csr<RelationEdge> relations_out;
  Csr<RelationEdge> relations_in;
  /// Per person, the non-zero rated levels sorted by competency.
  Csr<LevelEntry> rated;
  /// The assessment policy's as_of (today when it names no date), as a day number.
  std::int64_t as_of_day = 0;
};

/// Checks the hierarchy for unknown or repeated parents and cycles (Boost.Graph inside) and fills
/// `parents` and `children`. Needs `competency_index`.
void build_hierarchy(ModelData& data);

/// The rated levels of a person, sorted, non-zero: the `agreed` levels (the person's `levels` by
/// competency id, in any order), else their assessments aggregated by `policy` as of day
/// `as_of`.
std::vector<LevelEntry> aggregate_levels(const Person& person, std::vector<LevelEntry> agreed,
                                         const IdIndex& competency_index,
                                         const AssessmentPolicy& policy, std::int64_t as_of);

/// The rated level the counted assessments of one competency give under `policy` (0 when none
/// counts): the rule of docs/model.md#rated-level, shared with analysis::review_assessments.
double aggregate(std::span<const Assessment* const> assessments, const AssessmentPolicy& policy,
                 std::int64_t as_of);

/// Throws if the request breaks a rule of docs/model.md against the model's items.
void validate_request(const ModelData& data, const TeamRequest& request);

}  // namespace teamwright::detail
