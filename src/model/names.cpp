// File-format names of the model's enumerations, shared by io/ and the Python layer.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "teamwright/model/framework.hpp"
#include "teamwright/model/person.hpp"
#include "teamwright/model/request.hpp"

namespace teamwright {
namespace {

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) {
      return name;
    }
  }
  return "?";
}

template <class Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::pair<Enum, std::string_view>, N>& names,
                          std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

constexpr std::array<std::pair<CompetencyKind, std::string_view>, 4> kKindNames{{
    {CompetencyKind::kSkill, "skill"},
    {CompetencyKind::kKnowledge, "knowledge"},
    {CompetencyKind::kTalent, "talent"},
    {CompetencyKind::kTrait, "trait"},
}};

constexpr std::array<std::pair<AssessmentSource, std::string_view>, 5> kSourceNames{{
    {AssessmentSource::kSelf, "self"},
    {AssessmentSource::kManager, "manager"},
    {AssessmentSource::kPeer, "peer"},
    {AssessmentSource::kCustomer, "customer"},
    {AssessmentSource::kTest, "test"},
}};

constexpr std::array<std::pair<Aggregation, std::string_view>, 3> kAggregationNames{{
    {Aggregation::kWeighted, "weighted"},
    {Aggregation::kMostRecent, "most_recent"},
    {Aggregation::kMinimum, "minimum"},
}};

constexpr std::array<std::pair<Objective, std::string_view>, 4> kObjectiveNames{{
    {Objective::kMinCost, "min_cost"},
    {Objective::kMinSize, "min_size"},
    {Objective::kMaxCoverage, "max_coverage"},
    {Objective::kLexicographic, "lexicographic"},
}};

}  // namespace

std::string_view to_string(CompetencyKind kind) { return name_of(kKindNames, kind); }
std::optional<CompetencyKind> parse_competency_kind(std::string_view name) {
  return parse(kKindNames, name);
}
std::string_view to_string(AssessmentSource source) { return name_of(kSourceNames, source); }
std::optional<AssessmentSource> parse_assessment_source(std::string_view name) {
  return parse(kSourceNames, name);
}
std::string_view to_string(Aggregation aggregation) {
  return name_of(kAggregationNames, aggregation);
}
std::optional<Aggregation> parse_aggregation(std::string_view name) {
  return parse(kAggregationNames, name);
}
std::string_view to_string(Objective objective) { return name_of(kObjectiveNames, objective); }
std::optional<Objective> parse_objective(std::string_view name) {
  return parse(kObjectiveNames, name);
}

}  // namespace teamwright
