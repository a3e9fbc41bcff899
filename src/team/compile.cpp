#include "teamwright/team/compile.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::team {
namespace {

constexpr std::size_t kNoRow = Compiled::kNoRow;
constexpr int kMaxRobustSlots = 12;

bool weighed(const TeamRequest& request) {
  return request.objective == Objective::kMaxCoverage ||
         request.objective == Objective::kLexicographic;
}

// A person who may join, and what they bring.
struct Candidate {
  PersonId person;
  std::vector<LevelEntry> levels;
  /// The request rows (kCount, kFte) they meet.
  std::vector<std::size_t> meets;
  /// The "everyone" rows they fall below.
  std::vector<std::size_t> below;
  /// Per slot row they may fill: the row and the roles they may hold there.
  std::vector<std::pair<std::size_t, std::vector<RoleId>>> slots;
  /// The slot rows they may fill, as bits by position among the slot rows.
  std::uint32_t slot_mask = 0;
};

// The objective's price of every kind of shortfall (docs/model.md#objectives).
class Prices {
 public:
  Prices(const Model& model, const TeamRequest& request, const std::vector<RequestRow>& rows,
         const std::vector<Candidate>& candidates, const CompileOptions& options)
      : model_(model), request_(request), feasibility_(options.feasibility) {
    const bool fte = std::any_of(rows.begin(), rows.end(),
                                 [](const RequestRow& r) { return r.kind == RowKind::kFte; });
    // Shortfalls in FTE come in hundredths; every other one in whole units.
    const double resolution = fte ? 0.01 : 1.0;
    for (const Candidate& c : candidates) {
      total_cost_ += model.person(c.person).cost;
    }
    if (request.objective == Objective::kMinCost || request.objective == Objective::kMinSize) {
      double total_base = 0;
      for (const Candidate& c : candidates) {
        total_base += base(model.person(c.person).cost);
      }
      point_ = request.soft_penalty.value_or((total_base + 1) / resolution);
      return;
    }
    share_ = resolution;  // the whole team's cost share stays below one unit of coverage
    if (request.objective == Objective::kMaxCoverage) {
      for (int tier = 1; tier <= 5; ++tier) {
        tier_[tier] = tier;
      }
      return;
    }
    // Lexicographic: a unit at one tier outweighs everything the lower tiers and the cost can
    // add up to.
    std::array<double, 6> most{};  // the most shortfall each tier can have
    for (const RequestRow& row : rows) {
      switch (row.kind) {
        case RowKind::kCount:
        case RowKind::kRole:
        case RowKind::kLeader:
          most[row.importance] += row.count;
          break;
        case RowKind::kFte:
          most[row.importance] += row.fte;
          break;
        case RowKind::kEveryone:
          most[row.importance] += static_cast<double>(candidates.size());
          break;
      }
      if (row.is_slot()) {
        for (const Role& role : model.roles()) {
          if ((row.kind == RowKind::kRole && &role == &model.role(*row.role)) ||
              (row.kind == RowKind::kLeader && role.leader)) {
            for (const RoleRequirement& r : role.requirements) {
              most[r.importance] += r.hard ? 0 : row.count;
            }
          }
        }
      }
    }
    double below = 1;  // the cost share, at most one unit
    for (int tier = 1; tier <= 5; ++tier) {
      tier_[tier] = below / resolution;
      below += tier_[tier] * most[tier];
    }
  }

  // The objective cost of a person, without penalties.
  [[nodiscard]] double base(double cost) const {
    if (feasibility_) {
      return 0;
    }
    switch (request_.objective) {
      case Objective::kMinCost:
        return cost;
      case Objective::kMinSize:
        return 1 + cost / (total_cost_ + 1);
      case Objective::kMaxCoverage:
      case Objective::kLexicographic:
        return share_ * cost / (total_cost_ + 1);
    }
    return cost;
  }

  // What one unit short of a requirement (or one role holder below a soft requirement) of this
  // importance costs; 0 when it is hard (or only feasibility counts).
  [[nodiscard]] double unit(int importance, bool hard) const {
    if (feasibility_ || (hard && !weighed(request_))) {
      return 0;
    }
    return weighed(request_) ? tier_[importance] : point_ * importance;
  }

  // The penalties a person holding `role` pays for its soft requirements they miss.
  [[nodiscard]] double role_penalty(std::span<const LevelEntry> levels, RoleId role) const {
    double total = 0;
    for (const RoleRequirement& r : model_.role(role).requirements) {
      if (!r.hard && level_in(levels, model_.competency_id(r.competency)) < r.min_level) {
        total += unit(r.importance, false);
      }
    }
    return total;
  }

 private:
  const Model& model_;
  const TeamRequest& request_;
  bool feasibility_;
  double total_cost_ = 0;
  double point_ = 0;  // min_cost, min_size: per importance point
  double share_ = 1;  // max_coverage, lexicographic: the cost's weight
  std::array<double, 6> tier_{};
};

// Everything about each person the request can use, and the reasons must-include people cannot
// serve.
std::vector<Candidate> candidates(const Model& model, const TeamRequest& request,
                                  const std::vector<RequestRow>& rows,
                                  const std::vector<std::size_t>& slot_rows, Compiled& out) {
  // Counted and FTE rows by competency, so that each person's few levels are matched against
  // the rows that need them rather than every row against every person.
  std::vector<std::vector<std::size_t>> by_competency(model.competencies().size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].kind == RowKind::kCount || rows[i].kind == RowKind::kFte) {
      by_competency[rows[i].competency->index()].push_back(i);
    }
  }
  std::vector<char> included(model.people().size(), 0);
  for (const std::string& id : request.must_include) {
    included[model.person_id(id).index()] = 1;
  }
  std::vector<Candidate> out_candidates;
  std::vector<LevelEntry> levels;
  for (std::uint32_t index = 0; index < model.people().size(); ++index) {
    const PersonId id(index);
    model.effective_levels(id, levels);
    std::string why;
    if (!eligible(model, request, rows, id, levels, &why)) {
      if (included[index] != 0) {
        out.static_reasons.push_back("must-include person " + util::quote(model.person(id).id) +
                                     " " + why);
      }
      continue;
    }
    Candidate c{id, levels, {}, {}, {}, 0};
    for (const LevelEntry& entry : levels) {
      for (const std::size_t i : by_competency[entry.competency.index()]) {
        if (entry.level >= rows[i].min_level) {
          c.meets.push_back(i);
        }
      }
    }
    std::sort(c.meets.begin(), c.meets.end());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].kind == RowKind::kEveryone &&
          level_in(levels, *rows[i].competency) < rows[i].min_level) {
        c.below.push_back(i);
      }
    }
    for (std::size_t k = 0; k < slot_rows.size(); ++k) {
      std::vector<RoleId> roles = roles_for_slot(model, levels, rows[slot_rows[k]]);
      if (!roles.empty()) {
        c.slots.emplace_back(slot_rows[k], std::move(roles));
        c.slot_mask |= k < 32 ? (1U << k) : 0U;
      }
    }
    out_candidates.push_back(std::move(c));
  }
  return out_candidates;
}

// More leader slots than max_leaders allows can never be held.
void check_leaders(const Model& model, const TeamRequest& request,
                   const std::vector<RequestRow>& rows, Compiled& out) {
  int leaders = 0;
  std::string named;
  for (const RequestRow& row : rows) {
    if (row.kind == RowKind::kLeader ||
        (row.kind == RowKind::kRole && model.role(*row.role).leader)) {
      leaders += row.count;
      named += (named.empty() ? "" : ", ") + describe(model, row);
    }
  }
  if (leaders > request.max_leaders) {
    out.static_reasons.push_back("the request asks for " + std::to_string(leaders) + " leaders (" +
                                 named + ") but at most " + std::to_string(request.max_leaders) +
                                 (request.max_leaders == 1 ? " member" : " members") +
                                 " may hold a leader role (max_leaders)");
  }
}

// Robust requests: for every set T of slot rows, more members qualified for some row of T than
// T's slots together (Hall's condition for the team without any one member). Sets whose
// qualified people already qualify for another slot row are implied by the larger set.
std::vector<std::pair<std::uint32_t, int>> backup_sets(const std::vector<RequestRow>& rows,
                                                       const std::vector<std::size_t>& slot_rows,
                                                       const std::vector<Candidate>& people) {
  const auto m = static_cast<int>(slot_rows.size());
  const std::uint32_t all = (1U << m) - 1;
  std::vector<std::pair<std::uint32_t, int>> sets;
  for (std::uint32_t set = 1; set <= all; ++set) {
    std::uint32_t outside = 0;  // slot rows someone outside N(set) qualifies for
    for (const Candidate& c : people) {
      if ((c.slot_mask & set) == 0) {
        outside |= c.slot_mask;
      }
    }
    if ((all & ~set & ~outside) != 0) {
      continue;  // a slot row whose qualified people are all in N(set): the larger set implies it
    }
    int demand = 1;
    for (int k = 0; k < m; ++k) {
      demand += ((set >> k) & 1U) != 0 ? rows[slot_rows[k]].count : 0;
    }
    sets.emplace_back(set, demand);
  }
  return sets;
}

// People who cover no row only serve the minimum size: of those, a team never needs one that
// min_size others beat on both objective cost and budget weight. Named people always stay.
std::vector<char> keep(const Model& model, const TeamRequest& request,
                       const std::vector<Candidate>& people, const std::vector<double>& cost,
                       const std::vector<char>& idle) {
  std::vector<char> kept(people.size(), 1);
  std::vector<char> named(model.people().size(), 0);
  for (const std::string& id : request.must_include) {
    named[model.person_id(id).index()] = 1;
  }
  for (const auto& [a, b] : request.incompatible) {
    named[model.person_id(a).index()] = 1;
    named[model.person_id(b).index()] = 1;
  }
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < people.size(); ++k) {
    if (idle[k] != 0 && named[people[k].person.index()] == 0) {
      order.push_back(k);
    }
  }
  auto weight = [&](std::size_t k) { return model.person(people[k].person).cost; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return cost[a] != cost[b] ? cost[a] < cost[b] : weight(a) < weight(b);
  });
  const auto wanted = static_cast<std::size_t>(request.min_size);
  std::vector<double> lightest;  // the weights of the `wanted` lightest kept so far
  for (const std::size_t k : order) {
    if (lightest.size() == wanted && (wanted == 0 || lightest.back() <= weight(k))) {
      kept[k] = 0;
      continue;
    }
    lightest.insert(std::upper_bound(lightest.begin(), lightest.end(), weight(k)), weight(k));
    if (lightest.size() > wanted) {
      lightest.pop_back();
    }
  }
  return kept;
}

}  // namespace

Compiled compile(const Model& model, const TeamRequest& request, const CompileOptions& options) {
  model.validate(request);
  Compiled out;
  out.rows = request_rows(model, request);
  const std::vector<RequestRow>& rows = out.rows;
  std::vector<std::size_t> slot_rows;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].is_slot()) {
      slot_rows.push_back(i);
    }
  }
  const bool robust = request.robust && !weighed(request) && !slot_rows.empty();
  if (robust && static_cast<int>(slot_rows.size()) > kMaxRobustSlots) {
    throw OutOfRangeError("request " + util::quote(request.id) +
                          ": a robust request may have at "
                          "most " +
                          std::to_string(kMaxRobustSlots) + " slot rows, not " +
                          std::to_string(slot_rows.size()));
  }
  check_leaders(model, request, rows, out);
  const std::vector<Candidate> people = candidates(model, request, rows, slot_rows, out);
  const Prices prices(model, request, rows, people, options);

  // Cover rows: the counted, FTE and slot rows, in request order.
  cover::Problem::Builder builder;
  std::vector<cover::Index> cover_row(rows.size(), -1);
  out.row_penalty.assign(rows.size(), 0.0);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const RequestRow& row = rows[i];
    const bool hard = row.hard && !weighed(request);
    out.row_penalty[i] = prices.unit(row.importance, hard);
    if (row.kind == RowKind::kEveryone || (!hard && options.feasibility)) {
      continue;
    }
    cover::RowOptions how;
    if (!hard) {
      how.penalty = out.row_penalty[i];
    } else {
      how.robust = request.robust && !row.is_slot();
    }
    cover_row[i] = builder.add_row(row.kind == RowKind::kFte ? row.fte : row.count, how);
    out.cover_row_source.push_back(i);
  }
  const auto backups =
      robust ? backup_sets(rows, slot_rows, people) : std::vector<std::pair<std::uint32_t, int>>();
  std::vector<cover::Index> backup_row;
  for (const auto& [set, demand] : backups) {
    backup_row.push_back(builder.add_row(demand));
    out.cover_row_source.push_back(kNoRow);
  }
  std::vector<cover::Index> must_row(model.people().size(), -1);
  for (const std::string& id : request.must_include) {
    must_row[model.person_id(id).index()] = builder.add_row(1);
    out.cover_row_source.push_back(kNoRow);
  }

  // Each candidate's variants: rows, coefficients and costs.
  struct Variant {
    std::vector<cover::Index> rows;
    std::vector<double> coefficients;
    double cost = 0;
    std::size_t slot = kNoRow;
    std::optional<RoleId> role;
  };
  std::vector<std::vector<Variant>> variants(people.size());
  std::vector<double> member_cost(people.size(), 0.0);
  std::vector<char> idle(people.size(), 0);
  for (std::size_t k = 0; k < people.size(); ++k) {
    const Candidate& c = people[k];
    const Person& person = model.person(c.person);
    Variant member;
    member.cost = prices.base(person.cost);
    for (const std::size_t i : c.below) {
      member.cost += out.row_penalty[i];  // a soft "everyone" row: a hard one filters
    }
    for (const std::size_t i : c.meets) {
      if (cover_row[i] >= 0) {
        member.rows.push_back(cover_row[i]);
        member.coefficients.push_back(rows[i].kind == RowKind::kFte ? person.availability : 1.0);
      }
    }
    for (std::size_t b = 0; b < backups.size(); ++b) {
      if ((c.slot_mask & backups[b].first) != 0) {
        member.rows.push_back(backup_row[b]);
        member.coefficients.push_back(1.0);
      }
    }
    if (must_row[c.person.index()] >= 0) {
      member.rows.push_back(must_row[c.person.index()]);
      member.coefficients.push_back(1.0);
    }
    member_cost[k] = member.cost;
    idle[k] = static_cast<char>(member.rows.empty() && c.slots.empty() ? 1 : 0);
    variants[k].push_back(member);
    for (const auto& [slot, roles] : c.slots) {
      if (cover_row[slot] < 0) {
        continue;
      }
      // Of the roles the slot lets them hold, the one whose soft requirements they meet best.
      RoleId role = roles.front();
      double penalty = prices.role_penalty(c.levels, role);
      for (const RoleId other : roles) {
        if (const double p = prices.role_penalty(c.levels, other); p < penalty) {
          role = other;
          penalty = p;
        }
      }
      Variant holder = member;
      holder.rows.push_back(cover_row[slot]);
      holder.coefficients.push_back(1.0);
      holder.cost += penalty;
      holder.slot = slot;
      holder.role = role;
      variants[k].push_back(std::move(holder));
    }
  }
  const std::vector<char> kept = keep(model, request, people, member_cost, idle);

  std::vector<std::vector<cover::Index>> columns_of(model.people().size());
  for (std::size_t k = 0; k < people.size(); ++k) {
    if (kept[k] == 0) {
      continue;
    }
    const double weight = model.person(people[k].person).cost;
    std::vector<cover::Index>& group = columns_of[people[k].person.index()];
    for (const Variant& v : variants[k]) {
      group.push_back(builder.add_column(v.cost, v.rows, v.coefficients, {weight, true}));
      out.column_person.push_back(people[k].person);
      out.column_slot.push_back(v.slot);
      out.column_role.push_back(v.role);
      out.column_base.push_back(prices.base(model.person(people[k].person).cost));
    }
    if (group.size() > 1) {
      builder.add_group(group);
    }
  }
  for (const auto& [first, second] : request.incompatible) {
    for (const cover::Index a : columns_of[model.person_id(first).index()]) {
      for (const cover::Index b : columns_of[model.person_id(second).index()]) {
        builder.add_conflict(a, b);
      }
    }
  }
  if (request.budget) {
    builder.set_budget(*request.budget);
  }
  builder.set_size_bounds(request.min_size, request.max_size);
  out.problem = std::move(builder).build();
  return out;
}

}  // namespace teamwright::team
