// Rated and effective levels (rules in docs/model.md).

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>
#include <vector>

#include "model/model_data.hpp"
#include "teamwright/model/dates.hpp"

namespace teamwright {
namespace detail {
namespace {

// Keeps, per competency, the highest level offered, sorted by competency.
void merge_max(std::vector<LevelEntry>& entries) {
  const auto order = [](const LevelEntry& a, const LevelEntry& b) {
    return a.competency != b.competency ? a.competency < b.competency : a.level > b.level;
  };
  if (!std::is_sorted(entries.begin(), entries.end(), order)) {
    std::sort(entries.begin(), entries.end(), order);
  }
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const LevelEntry& a, const LevelEntry& b) {
                              return a.competency == b.competency;
                            }),
                entries.end());
}

// A source's weight: the policy's, else 1, but 0 for the self-rating when others assessed too.
double source_weight(const AssessmentPolicy& policy, AssessmentSource source, bool others) {
  const auto found = policy.source_weights.find(source);
  if (found != policy.source_weights.end()) {
    return found->second;
  }
  return source == AssessmentSource::kSelf && others ? 0.0 : 1.0;
}

// The weighted mean of the levels of `chosen`; 0 without weight.
template <class Weight, class Level>
double weighted_mean(const std::vector<const Assessment*>& chosen, Weight weight, Level level) {
  double weighted = 0;
  double total = 0;
  for (const Assessment* a : chosen) {
    const double w = weight(*a);
    weighted += w * level(*a);
    total += w;
  }
  return total > 0 ? weighted / total : 0.0;
}

}  // namespace

double aggregate(std::span<const Assessment* const> assessments, const AssessmentPolicy& policy,
                 std::int64_t as_of) {
  std::vector<const Assessment*> counted;
  for (const Assessment* a : assessments) {
    if (policy.sources.empty() || std::find(policy.sources.begin(), policy.sources.end(),
                                            a->source) != policy.sources.end()) {
      counted.push_back(a);
    }
  }
  const bool others = std::any_of(counted.begin(), counted.end(), [](const Assessment* a) {
    return a->source != AssessmentSource::kSelf;
  });
  std::erase_if(counted,
                [&](const Assessment* a) { return source_weight(policy, a->source, others) <= 0; });
  if (counted.empty()) {
    return 0;
  }
  const auto weight = [&](const Assessment& a) {
    return a.confidence * source_weight(policy, a.source, others);
  };
  // Evidence fades: with a half-life, a level counts 0.5^(age / half-life) of itself.
  const auto level = [&](const Assessment& a) {
    if (policy.half_life_days <= 0) {
      return a.level;
    }
    const auto age = static_cast<double>(std::max<std::int64_t>(0, as_of - *day_number(a.date)));
    return a.level * std::exp2(-age / policy.half_life_days);
  };
  // Dates "YYYY-MM-DD" compare as text in calendar order.
  std::map<AssessmentSource, std::string_view> latest;
  std::string_view newest;
  for (const Assessment* a : counted) {
    auto& date = latest[a->source];
    date = std::max(date, std::string_view(a->date));
    newest = std::max(newest, std::string_view(a->date));
  }
  std::vector<const Assessment*> chosen;
  switch (policy.aggregation) {
    case Aggregation::kWeighted:
      for (const Assessment* a : counted) {
        if (a->date == latest[a->source]) {
          chosen.push_back(a);
        }
      }
      return weighted_mean(chosen, weight, level);
    case Aggregation::kMostRecent:
      for (const Assessment* a : counted) {
        if (a->date == newest) {
          chosen.push_back(a);
        }
      }
      return weighted_mean(chosen, weight, level);
    case Aggregation::kMinimum: {
      double lowest = std::numeric_limits<double>::infinity();
      for (const auto& [source, date] : latest) {
        chosen.clear();
        for (const Assessment* a : counted) {
          if (a->source == source && a->date == date) {
            chosen.push_back(a);
          }
        }
        lowest = std::min(lowest, weighted_mean(chosen, weight, level));
      }
      return lowest;
    }
  }
  return 0;
}

std::vector<LevelEntry> aggregate_levels(const Person& person, std::vector<LevelEntry> agreed,
                                         const IdIndex& competency_index,
                                         const AssessmentPolicy& policy, std::int64_t as_of) {
  std::map<std::string_view, std::vector<const Assessment*>> by_competency;
  for (const Assessment& a : person.assessments) {
    if (!person.levels.contains(a.competency)) {
      by_competency[a.competency].push_back(&a);
    }
  }
  std::vector<LevelEntry> levels = std::move(agreed);
  levels.reserve(levels.size() + by_competency.size());
  for (const auto& [competency, assessments] : by_competency) {
    levels.push_back({CompetencyId(competency_index.find(competency)->second),
                      aggregate(assessments, policy, as_of)});
  }
  std::erase_if(levels, [](const LevelEntry& entry) { return entry.level <= 0; });
  merge_max(levels);
  return levels;
}

namespace {

// Calls `visit` once for the competency and once for each of its descendants.
template <class Visit>
void for_each_descendant_or_self(const ModelData& data, CompetencyId competency, Visit visit) {
  std::vector<char> seen(data.framework.competencies.size(), 0);
  std::vector<CompetencyId> stack{competency};
  seen[competency.index()] = 1;
  while (!stack.empty()) {
    const CompetencyId c = stack.back();
    stack.pop_back();
    visit(c);
    for (const CompetencyId child : data.children.row(c.index())) {
      if (seen[child.index()] == 0) {
        seen[child.index()] = 1;
        stack.push_back(child);
      }
    }
  }
}

// The best rated level in the competency or any of its descendants.
double hierarchy_level(const ModelData& data, std::span<const LevelEntry> rated,
                       CompetencyId competency) {
  double best = 0;
  for_each_descendant_or_self(data, competency,
                              [&](CompetencyId c) { best = std::max(best, level_in(rated, c)); });
  return best;
}

}  // namespace
}  // namespace detail

double level_in(std::span<const LevelEntry> levels, CompetencyId competency) {
  const auto found = std::lower_bound(
      levels.begin(), levels.end(), competency,
      [](const LevelEntry& entry, CompetencyId id) { return entry.competency < id; });
  return found != levels.end() && found->competency == competency ? found->level : 0.0;
}

double Model::effective_level(PersonId person, CompetencyId competency) const {
  (void)this->person(person);
  (void)this->competency(competency);
  const auto rated = data_->rated.row(person.index());
  double best = detail::hierarchy_level(*data_, rated, competency);
  detail::for_each_descendant_or_self(*data_, competency, [&](CompetencyId target) {
    for (const detail::RelationEdge& edge : data_->relations_in.row(target.index())) {
      best = std::max(best, edge.factor * detail::hierarchy_level(*data_, rated, edge.other));
    }
  });
  return best;
}

std::vector<LevelEntry> Model::effective_levels(PersonId person) const {
  std::vector<LevelEntry> levels;
  effective_levels(person, levels);
  return levels;
}

void Model::effective_levels(PersonId person, std::vector<LevelEntry>& out) const {
  (void)this->person(person);
  effective_levels_from(data_->rated.row(person.index()), out);
}

namespace {

// Calls `visit` once for the competency and once for each of its ancestors, walking the parents
// (a competency reached along two paths is visited once). The marks are per thread, as models
// are shared between threads; a stamp per walk spares clearing them.
template <class Visit>
void for_each_ancestor_or_self(const detail::ModelData& data, CompetencyId competency,
                               Visit visit) {
  visit(competency);
  if (data.parents.row(competency.index()).empty()) {
    return;  // most competencies: no walk at all
  }
  thread_local std::vector<std::uint64_t> mark;
  thread_local std::uint64_t stamp = 0;
  thread_local std::vector<CompetencyId> stack;
  if (mark.size() < data.framework.competencies.size()) {
    mark.resize(data.framework.competencies.size(), 0);
  }
  ++stamp;
  stack.assign(1, competency);
  mark[competency.index()] = stamp;
  while (!stack.empty()) {
    const CompetencyId c = stack.back();
    stack.pop_back();
    for (const CompetencyId parent : data.parents.row(c.index())) {
      if (mark[parent.index()] != stamp) {
        mark[parent.index()] = stamp;
        visit(parent);
        stack.push_back(parent);
      }
    }
  }
}

}  // namespace

void Model::effective_levels_from(std::span<const LevelEntry> rated,
                                  std::vector<LevelEntry>& out) const {
  out.clear();
  bool climbed = false;
  for (const LevelEntry& entry : rated) {
    for_each_ancestor_or_self(*data_, entry.competency, [&](CompetencyId ancestor) {
      out.push_back({ancestor, entry.level});
      climbed = climbed || ancestor != entry.competency;
    });
  }
  if (climbed) {
    detail::merge_max(out);  // rated levels alone are sorted and unique already
  }
  const std::size_t hierarchy = out.size();
  bool related = false;
  for (std::size_t k = 0; k < hierarchy; ++k) {
    const LevelEntry source = out[k];
    for (const detail::RelationEdge& edge : data_->relations_out.row(source.competency.index())) {
      const double level = edge.factor * source.level;
      for_each_ancestor_or_self(*data_, edge.other, [&](CompetencyId ancestor) {
        out.push_back({ancestor, level});
        related = true;
      });
    }
  }
  if (related) {
    detail::merge_max(out);
  }
}

}  // namespace teamwright
