#include "teamwright/team/compile.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <tuple>

#include "teamwright/error.hpp"
#include "teamwright/team/eligibility.hpp"
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
  /// With an upgrade (CompileOptions::upgrades): its extra cost and tag.
  double extra_cost = 0;
  std::size_t upgrade = kNoRow;
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

Candidate candidate(const Model& model, const std::vector<RequestRow>& rows,
                    const std::vector<std::size_t>& slot_rows,
                    const std::vector<std::vector<std::size_t>>& by_competency, PersonId id,
                    const Upgrade& way);

// Everything about each person the request can use (as they are, and with each upgrade), and the
// reasons must-include people cannot serve.
std::vector<Candidate> candidates(const Model& model, const TeamRequest& request,
                                  const std::vector<RequestRow>& rows,
                                  const std::vector<std::size_t>& slot_rows,
                                  const CompileOptions& options, Compiled& out) {
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
  for (std::uint32_t index = 0; index < model.people().size(); ++index) {
    const PersonId id(index);
    std::vector<Upgrade> ways{{model.effective_levels(id), 0, kNoRow}};
    if (options.upgrades) {
      for (Upgrade& u : options.upgrades(id)) {
        ways.push_back(std::move(u));
      }
    }
    std::string why;
    bool any = false;
    for (const Upgrade& way : ways) {
      std::string not_this;
      if (!eligible(model, request, rows, id, way.levels, &not_this)) {
        why = why.empty() ? not_this : why;
        continue;
      }
      any = true;
      out_candidates.push_back(candidate(model, rows, slot_rows, by_competency, id, way));
    }
    if (!any && included[index] != 0) {
      out.static_reasons.push_back("must-include person " + util::quote(model.person(id).id) + " " +
                                   why);
    }
  }
  return out_candidates;
}

// What a person with these levels brings to the request's rows.
Candidate candidate(const Model& model, const std::vector<RequestRow>& rows,
                    const std::vector<std::size_t>& slot_rows,
                    const std::vector<std::vector<std::size_t>>& by_competency, PersonId id,
                    const Upgrade& way) {
  const std::vector<LevelEntry>& levels = way.levels;
  {
    Candidate c{id, levels, {}, {}, {}, 0, way.extra_cost, way.tag};
    for (const LevelEntry& entry : levels) {
      for (const std::size_t i : by_competency[entry.competency.index()]) {
        if (meets(entry.level, rows[i].min_level)) {
          c.meets.push_back(i);
        }
      }
    }
    std::sort(c.meets.begin(), c.meets.end());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].kind == RowKind::kEveryone &&
          !meets(level_in(levels, *rows[i].competency), rows[i].min_level)) {
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
    return c;
  }
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

// A person's columns: as a plain member, then holding each slot they may hold.
struct Variant {
  std::vector<cover::Index> rows;  // ascending
  std::vector<double> coefficients;
  double cost = 0;
  std::size_t slot = kNoRow;
  cover::Index slot_row = -1;
  std::optional<RoleId> role;
};

// The people named by must-include or an incompatible pair, who always stay.
std::vector<char> named_people(const Model& model, const TeamRequest& request) {
  std::vector<char> named(model.people().size(), 0);
  for (const std::string& id : request.must_include) {
    named[model.person_id(id).index()] = 1;
  }
  for (const auto& [a, b] : request.incompatible) {
    named[model.person_id(a).index()] = 1;
    named[model.person_id(b).index()] = 1;
  }
  return named;
}

// How many members some optimal team needs at most: a member of a team none of whose members
// can leave without raising the objective or breaking a constraint is essential to a row (or to
// the minimum size), and a row has at most so many essential members.
int essential_bound(const std::vector<double>& demand, const std::vector<double>& least,
                    const std::vector<char>& robust, int min_size) {
  double total = min_size;
  for (std::size_t i = 0; i < demand.size(); ++i) {
    if (demand[i] <= 0) {
      continue;
    }
    const double per = least[i] > 0 ? least[i] : 1.0;
    total += least[i] == 1 ? demand[i] : std::ceil(demand[i] / per) + 1;
    total += robust[i] != 0 ? 1 : 0;
  }
  return static_cast<int>(std::min(total, 1e9));
}

// People with the same rows, coefficients and penalties share a key; keys are compared once.
struct Key {
  std::vector<std::pair<cover::Index, double>> rows;   // member rows and coefficients
  std::vector<std::pair<cover::Index, double>> slots;  // slot rows and their penalties
  double surcharge = 0;
  std::uint64_t mask = 0;           // rows and slots, hashed to bits
  std::vector<std::size_t> people;  // by cost, then index

  friend bool operator<(const Key& a, const Key& b) {
    return std::tie(a.rows, a.slots, a.surcharge) < std::tie(b.rows, b.slots, b.surcharge);
  }
};

// People beaten by at least `bound` others are never needed: in some optimal team each of them
// can be swapped for one of those not on it (docs/model.md). q beats p when q is not named, covers
// every row p covers with at least p's coefficient, may hold every slot p may at no higher
// penalty, pays no more for "everyone" rows and costs no more (ties: the earlier person).
std::vector<char> undominated(const std::vector<Candidate>& people,
                              const std::vector<std::vector<Variant>>& variants,
                              const std::vector<double>& cost, const std::vector<double>& base,
                              const std::vector<double>& weight,
                              const std::vector<char>& eligible_for_pruning, int bound) {
  std::vector<char> kept(people.size(), 1);
  std::vector<Key> keys;
  {
    std::map<Key, std::size_t> index;
    for (std::size_t k = 0; k < people.size(); ++k) {
      if (eligible_for_pruning[k] == 0) {
        continue;
      }
      const Variant& member = variants[k].front();
      Key key;
      for (std::size_t t = 0; t < member.rows.size(); ++t) {
        key.rows.emplace_back(member.rows[t], member.coefficients[t]);
        key.mask |= std::uint64_t{1} << (member.rows[t] % 64);
      }
      std::sort(key.rows.begin(), key.rows.end());
      for (std::size_t v = 1; v < variants[k].size(); ++v) {
        key.slots.emplace_back(variants[k][v].slot_row, variants[k][v].cost - member.cost);
        key.mask |= std::uint64_t{1} << (variants[k][v].slot_row % 64);
      }
      key.surcharge = cost[k] - base[k];
      const auto [at, fresh] = index.emplace(key, keys.size());
      if (fresh) {
        keys.push_back(std::move(key));
      }
      keys[at->second].people.push_back(k);
    }
  }
  for (Key& key : keys) {
    // By budget weight: a lighter person costs no more in the objective either (an objective
    // cost never falls as the person's cost rises).
    std::sort(key.people.begin(), key.people.end(), [&](std::size_t a, std::size_t b) {
      return weight[a] != weight[b] ? weight[a] < weight[b] : a < b;
    });
  }
  // Whether every row (or slot) of `small` is in `large` at least as well (`better` decides).
  auto covers = [](const auto& small, const auto& large, auto better) {
    std::size_t at = 0;
    for (const auto& [row, value] : small) {
      while (at < large.size() && large[at].first < row) {
        ++at;
      }
      if (at == large.size() || large[at].first != row || !better(large[at].second, value)) {
        return false;
      }
    }
    return true;
  };
  // The keys holding each row or slot row: a key that beats another holds all of its rows, so
  // its candidates are the keys holding its rarest row.
  std::map<cover::Index, std::vector<std::size_t>> holding;
  for (std::size_t a = 0; a < keys.size(); ++a) {
    for (const auto& [row, value] : keys[a].rows) {
      holding[row].push_back(a);
    }
    for (const auto& [row, value] : keys[a].slots) {
      holding[row].push_back(a);
    }
  }
  for (std::size_t a = 0; a < keys.size(); ++a) {
    const Key& mine = keys[a];
    const std::vector<std::size_t>* candidates = nullptr;
    for (const auto* list : {&mine.rows, &mine.slots}) {
      for (const auto& [row, value] : *list) {
        const std::vector<std::size_t>& keys_of_row = holding[row];
        if (candidates == nullptr || keys_of_row.size() < candidates->size()) {
          candidates = &keys_of_row;
        }
      }
    }
    if (candidates == nullptr) {
      continue;  // covers nothing: the minimum size alone decides (see `keep`)
    }
    std::vector<std::size_t> beaters;  // other keys whose people beat mine at no higher cost
    for (const std::size_t b : *candidates) {
      const Key& other = keys[b];
      if (b == a || (mine.mask & ~other.mask) != 0 || other.surcharge > mine.surcharge ||
          !covers(mine.rows, other.rows, [](double x, double y) { return x >= y; }) ||
          !covers(mine.slots, other.slots, [](double x, double y) { return x <= y; })) {
        continue;
      }
      beaters.push_back(b);
    }
    for (std::size_t rank = 0; rank < mine.people.size(); ++rank) {
      const std::size_t k = mine.people[rank];
      std::size_t beaten_by = rank;  // the earlier ones of its own key
      for (const std::size_t other : beaters) {
        const auto& list = keys[other].people;
        beaten_by += static_cast<std::size_t>(
            std::upper_bound(list.begin(), list.end(), weight[k],
                             [&](double value, std::size_t q) { return value < weight[q]; }) -
            list.begin());
        if (beaten_by >= static_cast<std::size_t>(bound)) {
          break;
        }
      }
      if (beaten_by >= static_cast<std::size_t>(bound)) {
        kept[k] = 0;
      }
    }
  }
  return kept;
}

// People who cover no row only serve the minimum size: of those, a team never needs one that
// min_size others beat on both objective cost and budget weight. Named people always stay.
std::vector<char> keep(const Model& model, const TeamRequest& request,
                       const std::vector<Candidate>& people, const std::vector<double>& cost,
                       const std::vector<char>& idle, const std::vector<char>& named) {
  std::vector<char> kept(people.size(), 1);
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
  const std::vector<Candidate> people = candidates(model, request, rows, slot_rows, options, out);
  const Prices prices(model, request, rows, people, options);

  // Cover rows: the counted, FTE and slot rows, in request order; with each its demand, least
  // coefficient and robustness, for the bound on the members a team needs.
  cover::Problem::Builder builder;
  std::vector<double> row_demand;
  std::vector<double> row_least;
  std::vector<char> row_robust;
  double least_availability = 1;
  for (const Candidate& c : people) {
    least_availability = std::min(least_availability, model.person(c.person).availability);
  }
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
    row_demand.push_back(row.kind == RowKind::kFte ? row.fte : row.count);
    row_least.push_back(row.kind == RowKind::kFte ? least_availability : 1.0);
    row_robust.push_back(how.robust ? 1 : 0);
  }
  const auto backups =
      robust ? backup_sets(rows, slot_rows, people) : std::vector<std::pair<std::uint32_t, int>>();
  std::vector<cover::Index> backup_row;
  for (const auto& [set, demand] : backups) {
    backup_row.push_back(builder.add_row(demand));
    out.cover_row_source.push_back(kNoRow);
    row_demand.push_back(demand);
    row_least.push_back(1.0);
    row_robust.push_back(0);
  }
  std::vector<cover::Index> must_row(model.people().size(), -1);
  for (const std::string& id : request.must_include) {
    must_row[model.person_id(id).index()] = builder.add_row(1);
    out.cover_row_source.push_back(kNoRow);
    row_demand.push_back(1);
    row_least.push_back(1.0);
    row_robust.push_back(0);
  }

  // Each candidate's variants: rows, coefficients and costs.
  std::vector<std::vector<Variant>> variants(people.size());
  std::vector<double> member_cost(people.size(), 0.0);
  std::vector<char> idle(people.size(), 0);
  for (std::size_t k = 0; k < people.size(); ++k) {
    const Candidate& c = people[k];
    const Person& person = model.person(c.person);
    Variant member;
    member.cost = prices.base(person.cost) + c.extra_cost;
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
      holder.slot_row = cover_row[slot];
      holder.role = role;
      variants[k].push_back(std::move(holder));
    }
    idle[k] = static_cast<char>(variants[k].size() == 1 && variants[k].front().rows.empty());
  }
  const std::vector<char> named = named_people(model, request);
  std::vector<char> kept = options.upgrades
                               ? std::vector<char>(people.size(), 1)
                               : keep(model, request, people, member_cost, idle, named);
  std::vector<char> prunable(people.size(), 0);
  std::vector<double> base(people.size(), 0.0);
  std::vector<double> weight(people.size(), 0.0);
  for (std::size_t k = 0; k < people.size(); ++k) {
    prunable[k] = static_cast<char>(idle[k] == 0 && named[people[k].person.index()] == 0 &&
                                    !options.upgrades);
    weight[k] = model.person(people[k].person).cost;
    base[k] = prices.base(weight[k]);
  }
  const std::vector<char> needed =
      undominated(people, variants, member_cost, base, weight, prunable,
                  essential_bound(row_demand, row_least, row_robust, request.min_size));
  for (std::size_t k = 0; k < people.size(); ++k) {
    kept[k] = static_cast<char>(kept[k] != 0 && needed[k] != 0);
  }

  std::vector<std::vector<cover::Index>> columns_of(model.people().size());
  for (std::size_t k = 0; k < people.size(); ++k) {
    if (kept[k] == 0) {
      continue;
    }
    std::vector<cover::Index>& group = columns_of[people[k].person.index()];
    for (const Variant& v : variants[k]) {
      group.push_back(builder.add_column(v.cost, v.rows, v.coefficients, {weight[k], true}));
      out.column_person.push_back(people[k].person);
      out.column_slot.push_back(v.slot);
      out.column_role.push_back(v.role);
      out.column_upgrade.push_back(people[k].upgrade);
      out.column_base.push_back(prices.base(model.person(people[k].person).cost));
    }
  }
  for (const std::vector<cover::Index>& group : columns_of) {
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
