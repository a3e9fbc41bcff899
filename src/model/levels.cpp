// Rated and effective levels (rules in docs/model.md).

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "model/model_data.hpp"

namespace teamwright {
namespace detail {
namespace {

// Keeps, per competency, the highest level offered, sorted by competency.
void merge_max(std::vector<LevelEntry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const LevelEntry& a, const LevelEntry& b) {
    return a.competency != b.competency ? a.competency < b.competency : a.level > b.level;
  });
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const LevelEntry& a, const LevelEntry& b) {
                              return a.competency == b.competency;
                            }),
                entries.end());
}

// The confidence-weighted mean of the latest assessments of each source; sources other than
// the person themself outvote the self-rating whenever there are any.
double aggregate(const std::vector<const Assessment*>& assessments) {
  std::map<AssessmentSource, std::string_view> latest;
  bool has_other = false;
  for (const Assessment* a : assessments) {
    auto& date = latest[a->source];
    date = std::max(date, std::string_view(a->date));
    has_other = has_other || a->source != AssessmentSource::kSelf;
  }
  double weighted = 0;
  double weight = 0;
  for (const Assessment* a : assessments) {
    if (a->date != latest[a->source] || (has_other && a->source == AssessmentSource::kSelf)) {
      continue;
    }
    weighted += a->confidence * a->level;
    weight += a->confidence;
  }
  return weighted / weight;
}

}  // namespace

std::vector<LevelEntry> aggregate_levels(const Person& person, const IdIndex& competency_index) {
  std::map<std::string_view, std::vector<const Assessment*>> by_competency;
  for (const Assessment& a : person.assessments) {
    if (!person.levels.contains(a.competency)) {
      by_competency[a.competency].push_back(&a);
    }
  }
  std::vector<LevelEntry> levels;
  for (const auto& [competency, level] : person.levels) {
    levels.push_back({CompetencyId(competency_index.find(competency)->second), level});
  }
  for (const auto& [competency, assessments] : by_competency) {
    levels.push_back(
        {CompetencyId(competency_index.find(competency)->second), aggregate(assessments)});
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
  out.clear();
  bool climbed = false;
  for (const LevelEntry& entry : data_->rated.row(person.index())) {
    for (const CompetencyId ancestor : data_->ancestors_or_self.row(entry.competency.index())) {
      out.push_back({ancestor, entry.level});
      climbed = climbed || ancestor != entry.competency;
    }
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
      for (const CompetencyId ancestor : data_->ancestors_or_self.row(edge.other.index())) {
        out.push_back({ancestor, level});
        related = true;
      }
    }
  }
  if (related) {
    detail::merge_max(out);
  }
}

}  // namespace teamwright
