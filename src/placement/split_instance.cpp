// Reading a split's rules into the search's instance (src/placement/split_instance.hpp), and
// saying which rules a split breaks.

#include "placement/split_instance.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"
#include "util/text.hpp"

namespace teamwright::placement::detail {
namespace {

using util::number;
using util::quote;

std::string text_of(const AttributeValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<V, bool>) {
          return v ? "true" : "false";
        } else {
          return number(static_cast<double>(v));
        }
      },
      value);
}

}  // namespace

Instance build(const Model& model, std::span<const std::string> pool, const TeamRequest& request,
               const SplitRules& rules) {
  model.validate(request);
  if (rules.teams < 1) {
    throw OutOfRangeError("split rules: teams " + std::to_string(rules.teams) + " must be >= 1");
  }
  Instance in;
  in.k = rules.teams;
  std::map<std::string, int, std::less<>> index;
  const auto add_person = [&](const std::string& id) {
    const PersonId person = model.person_id(id);
    if (!index.emplace(id, static_cast<int>(in.ids.size())).second) {
      throw DuplicateIdError("pool: person " + quote(id) + " is named twice");
    }
    in.ids.push_back(id);
    in.people.push_back(person);
  };
  if (pool.empty()) {
    for (const Person& p : model.people()) {
      if (p.availability > 0) {
        add_person(p.id);
      }
    }
  } else {
    for (const std::string& id : pool) {
      add_person(id);
    }
  }
  const int n = static_cast<int>(in.ids.size());
  in.min_size = rules.min_size.value_or(n / in.k);
  in.max_size = rules.max_size.value_or((n + in.k - 1) / in.k);
  if (in.min_size < 0 || in.max_size < in.min_size || in.k * in.min_size > n ||
      static_cast<long>(in.k) * in.max_size < n) {
    throw OutOfRangeError("split rules: " + std::to_string(n) + " people cannot form " +
                          std::to_string(in.k) + " teams of " + std::to_string(in.min_size) +
                          " to " + std::to_string(in.max_size) + " members");
  }
  const auto member = [&](const std::string& rule, std::size_t g, const std::string& id) {
    const auto found = index.find(id);
    if (found == index.end()) {
      throw InvalidInputError(rule + " group " + std::to_string(g + 1) + ": " + quote(id) +
                              " is not in the pool");
    }
    return found->second;
  };

  // Requirements.
  for (const TeamRequirement& r : request.requirements) {
    if (std::holds_alternative<Fte>(r.count)) {
      throw InvalidInputError("split: requirement " + quote(r.competency) +
                              " counts FTE; a split judges its teams by members, so give a count");
    }
    in.weight.push_back(r.importance);
    in.need.push_back(std::holds_alternative<int>(r.count) ? std::get<int>(r.count) : 0);
    in.total_weight += r.importance;
  }
  in.meets.resize(static_cast<std::size_t>(n));
  for (std::size_t r = 0; r < request.requirements.size(); ++r) {
    const CompetencyId c = model.competency_id(request.requirements[r].competency);
    for (int p = 0; p < n; ++p) {
      if (team::meets(model.effective_level(in.people[static_cast<std::size_t>(p)], c),
                      request.requirements[r].min_level)) {
        in.meets[static_cast<std::size_t>(p)].push_back(static_cast<int>(r));
      }
    }
  }

  // Units: keep-together groups, then everyone else alone.
  std::vector<int> unit_of(static_cast<std::size_t>(n), -1);
  for (std::size_t g = 0; g < rules.keep_together.size(); ++g) {
    std::vector<int> unit;
    for (const std::string& id : rules.keep_together[g]) {
      const int p = member("keep_together", g, id);
      if (unit_of[static_cast<std::size_t>(p)] >= 0) {
        throw DuplicateIdError("keep_together group " + std::to_string(g + 1) + ": " + quote(id) +
                               " is already in a keep-together group");
      }
      unit_of[static_cast<std::size_t>(p)] = static_cast<int>(in.units.size());
      unit.push_back(p);
    }
    if (!unit.empty()) {
      in.units.push_back(std::move(unit));
    }
  }
  for (int p = 0; p < n; ++p) {
    if (unit_of[static_cast<std::size_t>(p)] < 0) {
      in.units.push_back({p});
    }
  }

  // Rule groups.
  in.apart.resize(static_cast<std::size_t>(n));
  in.lone.resize(static_cast<std::size_t>(n));
  for (std::size_t g = 0; g < rules.keep_apart.size(); ++g) {
    const int group = static_cast<int>(in.apart_label.size());
    in.apart_label.push_back("keep_apart group " + std::to_string(g + 1));
    for (const std::string& id : rules.keep_apart[g]) {
      in.apart[static_cast<std::size_t>(member("keep_apart", g, id))].push_back(group);
    }
  }
  std::map<std::string, int, std::less<>> groups;
  const auto group_of = [&](std::vector<std::string>& labels, const std::string& label) {
    const auto [it, inserted] = groups.emplace(label, static_cast<int>(labels.size()));
    if (inserted) {
      labels.push_back(label);
    }
    return it->second;
  };
  for (int p = 0; p < n; ++p) {
    const Person& person = model.person(in.people[static_cast<std::size_t>(p)]);
    if (!rules.previous_team.empty()) {
      if (const auto it = person.attributes.find(rules.previous_team);
          it != person.attributes.end()) {
        in.apart[static_cast<std::size_t>(p)].push_back(
            group_of(in.apart_label, "previous teammates (" + rules.previous_team + " = " +
                                         quote(text_of(it->second)) + ")"));
      }
    }
    for (const std::string& attribute : rules.no_lone) {
      if (attribute.empty()) {
        throw InvalidInputError("split rules: no_lone names an empty attribute");
      }
      if (const auto it = person.attributes.find(attribute); it != person.attributes.end()) {
        in.lone[static_cast<std::size_t>(p)].push_back(
            group_of(in.lone_label, attribute + " = " + quote(text_of(it->second))));
      }
    }
  }
  return in;
}

std::vector<std::string> describe_violations(const Instance& in, const std::vector<int>& team) {
  std::vector<std::vector<int>> members(static_cast<std::size_t>(in.k));
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    for (const int p : in.units[u]) {
      members[static_cast<std::size_t>(team[u])].push_back(p);
    }
  }
  std::vector<std::string> out;
  for (int t = 0; t < in.k; ++t) {
    auto& list = members[static_cast<std::size_t>(t)];
    std::sort(list.begin(), list.end());
    const std::string where = "team " + std::to_string(t + 1) + ": ";
    const int size = static_cast<int>(list.size());
    if (size > in.max_size || size < in.min_size) {
      out.push_back(where + std::to_string(size) + " members, outside " +
                    std::to_string(in.min_size) + "-" + std::to_string(in.max_size));
    }
    std::map<int, std::vector<int>> apart;
    std::map<int, std::vector<int>> lone;
    for (const int p : list) {
      for (const int g : in.apart[static_cast<std::size_t>(p)]) {
        apart[g].push_back(p);
      }
      for (const int g : in.lone[static_cast<std::size_t>(p)]) {
        lone[g].push_back(p);
      }
    }
    for (const auto& [g, people] : apart) {
      for (std::size_t a = 0; a < people.size(); ++a) {
        for (std::size_t b = a + 1; b < people.size(); ++b) {
          out.push_back(where + quote(in.ids[static_cast<std::size_t>(people[a])]) + " and " +
                        quote(in.ids[static_cast<std::size_t>(people[b])]) + " together break " +
                        in.apart_label[static_cast<std::size_t>(g)]);
        }
      }
    }
    for (const auto& [g, people] : lone) {
      if (people.size() == 1) {
        out.push_back(where + quote(in.ids[static_cast<std::size_t>(people[0])]) +
                      " is the only member with " + in.lone_label[static_cast<std::size_t>(g)]);
      }
    }
  }
  return out;
}

}  // namespace teamwright::placement::detail
