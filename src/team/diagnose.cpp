#include "team/diagnose.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "team/explain.hpp"
#include "teamwright/team/eligibility.hpp"
#include "util/text.hpp"

namespace teamwright::team::detail {
namespace {

using Kind = Constraint::Kind;

// The people eligible for the request, with their effective levels.
struct Pool {
  std::vector<PersonId> people;
  std::vector<std::vector<LevelEntry>> levels;
};

Pool pool(const Model& model, const TeamRequest& request, const std::vector<RequestRow>& rows) {
  Pool out;
  std::vector<LevelEntry> levels;
  for (std::uint32_t k = 0; k < model.people().size(); ++k) {
    model.effective_levels(PersonId(k), levels);
    if (eligible(model, request, rows, PersonId(k), levels)) {
      out.people.emplace_back(k);
      out.levels.push_back(levels);
    }
  }
  return out;
}

// "3 eligible people qualify, the cheapest costs 88,000", for the people `fits` accepts.
template <class Fits>
std::string qualified(const Model& model, const Pool& eligible, Fits fits) {
  int count = 0;
  double cheapest = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < eligible.people.size(); ++k) {
    if (fits(eligible.levels[k], eligible.people[k])) {
      ++count;
      cheapest = std::min(cheapest, model.person(eligible.people[k]).cost);
    }
  }
  if (count == 0) {
    return "no eligible person qualifies";
  }
  return std::to_string(count) +
         (count == 1 ? " eligible person qualifies"
                     : " eligible people "
                       "qualify") +
         ", the cheapest costs " + util::readable(cheapest);
}

std::string text(const Model& model, const TeamRequest& request,
                 const std::vector<RequestRow>& rows, const Pool& eligible, const Constraint& c) {
  switch (c.kind) {
    case Kind::kRequirement: {
      const RequestRow& row = rows[c.index];
      return describe_for_people(model, row) + ": " +
             qualified(model, eligible, [&](const std::vector<LevelEntry>& levels, PersonId) {
               return level_in(levels, *row.competency) >= row.min_level;
             });
    }
    case Kind::kRoleSlot: {
      const RequestRow& row = rows[request.requirements.size() + c.index];
      return describe_for_people(model, row) + ": " +
             qualified(model, eligible, [&](const std::vector<LevelEntry>& levels, PersonId) {
               return qualifies_for_role(model, levels, *row.role);
             });
    }
    case Kind::kMinLeaders: {
      RequestRow leader;
      leader.kind = RowKind::kLeader;
      return "at least " + std::to_string(request.min_leaders) +
             (request.min_leaders == 1 ? " leader" : " leaders") + ": " +
             qualified(model, eligible, [&](const std::vector<LevelEntry>& levels, PersonId) {
               return !roles_for_slot(model, levels, leader).empty();
             });
    }
    case Kind::kMaxLeaders:
      return "at most " + std::to_string(request.max_leaders) +
             (request.max_leaders == 1 ? " member" : " members") + " in a leader role";
    case Kind::kBudget:
      return "a budget of " + util::readable(*request.budget);
    case Kind::kMinSize:
      return "at least " + std::to_string(request.min_size) + " members";
    case Kind::kMaxSize:
      return "at most " + std::to_string(*request.max_size) + " members";
    case Kind::kMustInclude: {
      const PersonId person = model.person_id(request.must_include[c.index]);
      return "must include " + person_text(model, person) + ", who costs " +
             util::readable(model.person(person).cost);
    }
    case Kind::kExclude:
      return person_text(model, model.person_id(request.exclude[c.index])) + " is excluded";
    case Kind::kIncompatible: {
      const auto& [a, b] = request.incompatible[c.index];
      return person_text(model, model.person_id(a)) + " and " +
             person_text(model, model.person_id(b)) + " must not work together";
    }
    case Kind::kRobust:
      return "a backup for every hard requirement and role slot (robust)";
    case Kind::kMinAvailability:
      return "only people available at least " + util::readable(request.min_availability) + " FTE";
  }
  return {};
}

// Whether the request has a team at all: the exact search on its hard constraints (true,
// false, or nothing when the search ran out of time).
std::optional<bool> possible(const Model& model, const TeamRequest& request,
                             const SolveOptions& options, const Budget& budget,
                             std::size_t searches, Found* found = nullptr) {
  SolveOptions exact = budget.share(options, searches);
  exact.mode = SolveOptions::Mode::kExact;
  Found result = search(model, request, exact, budget.hooks(), {.feasibility = true});
  std::optional<bool> answer;
  if (result.solved()) {
    answer = true;
  } else if (result.solution.status == Status::kInfeasible) {
    answer = false;
  }
  if (found != nullptr) {
    *found = std::move(result);
  }
  return answer;
}

// The median cost of the external candidates, or of everyone when there are none.
double hire_cost(const Model& model) {
  std::vector<double> external;
  std::vector<double> everyone;
  for (const Person& p : model.people()) {
    (p.external ? external : everyone).push_back(p.cost);
  }
  std::vector<double>& costs = external.empty() ? everyone : external;
  if (costs.empty()) {
    return 0;
  }
  std::sort(costs.begin(), costs.end());
  return costs[costs.size() / 2];
}

// A person no id of the model names.
std::string fresh_id(const Model& model) {
  std::string id = "hire";
  for (int k = 2;; ++k) {
    bool taken = false;
    for (const Person& p : model.people()) {
      taken = taken || p.id == id;
    }
    if (!taken) {
      return id;
    }
    id = "hire" + std::to_string(k);
  }
}

class Relaxer {
 public:
  Relaxer(const Model& model, const TeamRequest& request, const SolveOptions& options,
          const Budget& budget, std::size_t searches)
      : model_(model), request_(request), options_(options), budget_(budget), searches_(searches) {}

  // The relaxation that drops, raises or lowers `c`, if it makes the request possible.
  std::optional<Relaxation> relax(const Constraint& c) {
    TeamRequest changed = without(request_, {c});
    Relaxation r;
    r.constraint = c;
    r.kind = Relaxation::Kind::kDrop;
    if (c.kind == Kind::kBudget) {
      // The least budget any team needs: the cheapest team, soft requirements only breaking ties.
      changed.objective = Objective::kMinCost;
      changed.soft_penalty = 1e-6;
    } else if (c.kind == Kind::kMaxSize || c.kind == Kind::kMinSize) {
      changed.objective = Objective::kMinSize;
    }
    Found found = search(model_, changed, budget_.share(options_, searches_--), budget_.hooks());
    if (!found.solved()) {
      return std::nullopt;
    }
    const auto size = static_cast<double>(found.team.size());
    int leaders = 0;
    for (const SlotHolder& holder : found.holders) {
      leaders += model_.role(holder.role).leader ? 1 : 0;
    }
    double least_availability = 1;
    for (const PersonId person : found.team) {
      least_availability = std::min(least_availability, model_.person(person).availability);
    }
    switch (c.kind) {
      case Kind::kBudget:
        r.kind = Relaxation::Kind::kRaise;
        r.value = found.cost;
        r.text = "raise the budget to " + util::readable(found.cost);
        break;
      case Kind::kMaxSize:
        r.kind = Relaxation::Kind::kRaise;
        r.value = size;
        r.text = "raise the maximum size to " + util::readable(size);
        break;
      case Kind::kMinSize:
        r.kind = Relaxation::Kind::kLower;
        r.value = size;
        r.text = "lower the minimum size to " + util::readable(size);
        break;
      case Kind::kMaxLeaders:
        r.kind = Relaxation::Kind::kRaise;
        r.value = leaders;
        r.text = "allow " + std::to_string(leaders) + " members in leader roles";
        break;
      case Kind::kMinAvailability:
        r.kind = Relaxation::Kind::kLower;
        r.value = least_availability;
        r.text = "accept people available " + util::readable(least_availability) + " FTE";
        break;
      default:
        r.text = drop_text(c);
        break;
    }
    fill(r, found);
    return r;
  }

  // Hiring a person with the profile the conflicting requirements and one conflicting slot
  // ask for, if that makes the request possible.
  std::optional<Relaxation> hire(const std::vector<Constraint>& conflict) {
    const std::vector<RequestRow> rows = request_rows(model_, request_);
    Relaxation r;
    r.kind = Relaxation::Kind::kHire;
    auto ask = [&](CompetencyId competency, double level) {
      for (auto& [c, l] : r.profile) {
        if (c == competency) {
          l = std::max(l, level);
          return;
        }
      }
      r.profile.emplace_back(competency, level);
    };
    for (const Constraint& c : conflict) {
      if (c.kind == Kind::kRequirement) {
        ask(*rows[c.index].competency, rows[c.index].min_level);
        r.constraint = r.profile.size() == 1 ? c : r.constraint;
      } else if (c.kind == Kind::kRoleSlot && r.profile_roles.empty()) {
        const RoleId role = *rows[request_.requirements.size() + c.index].role;
        r.profile_roles.push_back(role);
        for (const RoleRequirement& req : model_.role(role).requirements) {
          if (req.hard) {
            ask(model_.competency_id(req.competency), req.min_level);
          }
        }
        r.constraint = c;
      }
    }
    if (r.profile.empty()) {
      return std::nullopt;
    }
    r.hire_cost = hire_cost(model_);
    Person hire;
    hire.id = fresh_id(model_);
    hire.name = "the hire";
    hire.cost = r.hire_cost;
    hire.external = true;
    for (const auto& [competency, level] : r.profile) {
      hire.levels[model_.competency(competency).id] = level;
    }
    std::vector<Person> people(model_.people().begin(), model_.people().end());
    people.push_back(hire);
    const Model hired(model_.framework(), std::move(people),
                      {model_.roles().begin(), model_.roles().end()});
    Found found = search(hired, request_, budget_.share(options_, searches_--), budget_.hooks());
    if (!found.solved()) {
      return std::nullopt;
    }
    const PersonId hire_id = hired.person_id(hire.id);
    std::erase(found.team, hire_id);
    fill(r, found);
    std::string wanted;
    for (const auto& [competency, level] : r.profile) {
      const Competency& c = model_.competency(competency);
      wanted += (wanted.empty() ? "" : ", ") + (c.name.empty() ? c.id : c.name) + " " +
                level_text(model_, level);
    }
    r.text = "hire a person with " + wanted;
    if (!r.profile_roles.empty()) {
      r.text += " (able to hold " + model_.role(r.profile_roles.front()).id + ")";
    }
    r.text += ", at an assumed cost of " + util::readable(r.hire_cost);
    return r;
  }

 private:
  static void fill(Relaxation& r, const Found& found) {
    r.status = found.solution.status;
    r.team = found.team;
    r.cost = found.cost;
  }

  // The words for dropping a constraint.
  [[nodiscard]] std::string drop_text(const Constraint& c) const {
    const std::vector<RequestRow> rows = request_rows(model_, request_);
    auto person = [&](const std::string& id) { return person_text(model_, model_.person_id(id)); };
    switch (c.kind) {
      case Kind::kRequirement:
        return "drop the requirement of " + describe_for_people(model_, rows[c.index]);
      case Kind::kRoleSlot:
        return "drop the role slot " +
               describe_for_people(model_, rows[request_.requirements.size() + c.index]);
      case Kind::kMinLeaders:
        return "do without the leaders asked for";
      case Kind::kMustInclude:
        return "do not insist on " + person(request_.must_include[c.index]);
      case Kind::kExclude:
        return "let " + person(request_.exclude[c.index]) + " join";
      case Kind::kIncompatible:
        return "let " + person(request_.incompatible[c.index].first) + " and " +
               person(request_.incompatible[c.index].second) + " work together";
      case Kind::kRobust:
        return "do without backups";
      default:
        return "drop " + c.text;
    }
  }

  const Model& model_;
  const TeamRequest& request_;
  const SolveOptions& options_;
  const Budget& budget_;
  std::size_t searches_;
};

}  // namespace

std::vector<Constraint> constraints(const Model& model, const TeamRequest& request) {
  std::vector<Constraint> out;
  auto add = [&](Kind kind, std::size_t index = 0) { out.push_back({kind, index, {}}); };
  for (std::size_t i = 0; i < request.exclude.size(); ++i) {
    add(Kind::kExclude, i);
  }
  for (std::size_t i = 0; i < request.incompatible.size(); ++i) {
    add(Kind::kIncompatible, i);
  }
  for (std::size_t i = 0; i < request.must_include.size(); ++i) {
    add(Kind::kMustInclude, i);
  }
  if (request.min_availability > 0) {
    add(Kind::kMinAvailability);
  }
  if (request.robust) {
    add(Kind::kRobust);
  }
  if (request.min_size > 0) {
    add(Kind::kMinSize);
  }
  add(Kind::kMaxLeaders);
  if (request.min_leaders > 0) {
    add(Kind::kMinLeaders);
  }
  // Requirements, least important first.
  std::vector<std::size_t> order(request.requirements.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return request.requirements[a].importance < request.requirements[b].importance;
  });
  for (const std::size_t i : order) {
    add(Kind::kRequirement, i);
  }
  for (std::size_t i = 0; i < request.roles.size(); ++i) {
    add(Kind::kRoleSlot, i);
  }
  if (request.max_size) {
    add(Kind::kMaxSize);
  }
  if (request.budget) {
    add(Kind::kBudget);
  }
  const std::vector<RequestRow> rows = request_rows(model, request);
  const Pool eligible = pool(model, request, rows);
  for (Constraint& c : out) {
    c.text = text(model, request, rows, eligible, c);
  }
  return out;
}

TeamRequest without(const TeamRequest& request, const std::vector<Constraint>& dropped) {
  auto gone = [&](Kind kind, std::size_t index = 0) {
    return std::any_of(dropped.begin(), dropped.end(),
                       [&](const Constraint& c) { return c.kind == kind && c.index == index; });
  };
  TeamRequest out = request;
  out.requirements.clear();
  for (std::size_t i = 0; i < request.requirements.size(); ++i) {
    if (!gone(Kind::kRequirement, i)) {
      out.requirements.push_back(request.requirements[i]);
    }
  }
  out.roles.clear();
  for (std::size_t i = 0; i < request.roles.size(); ++i) {
    if (!gone(Kind::kRoleSlot, i)) {
      out.roles.push_back(request.roles[i]);
    }
  }
  out.must_include.clear();
  for (std::size_t i = 0; i < request.must_include.size(); ++i) {
    if (!gone(Kind::kMustInclude, i)) {
      out.must_include.push_back(request.must_include[i]);
    }
  }
  out.exclude.clear();
  for (std::size_t i = 0; i < request.exclude.size(); ++i) {
    if (!gone(Kind::kExclude, i)) {
      out.exclude.push_back(request.exclude[i]);
    }
  }
  out.incompatible.clear();
  for (std::size_t i = 0; i < request.incompatible.size(); ++i) {
    if (!gone(Kind::kIncompatible, i)) {
      out.incompatible.push_back(request.incompatible[i]);
    }
  }
  if (gone(Kind::kMinLeaders)) {
    out.min_leaders = 0;
  }
  if (gone(Kind::kMaxLeaders)) {
    out.max_leaders = std::numeric_limits<int>::max();
  }
  if (gone(Kind::kBudget)) {
    out.budget.reset();
  }
  if (gone(Kind::kMinSize)) {
    out.min_size = 0;
  }
  if (gone(Kind::kMaxSize)) {
    out.max_size.reset();
  }
  if (gone(Kind::kRobust)) {
    out.robust = false;
  }
  if (gone(Kind::kMinAvailability)) {
    out.min_availability = 0;
  }
  return out;
}

std::optional<Diagnosis> diagnose(const Model& model, const TeamRequest& request,
                                  const SolveOptions& options, const Budget& budget,
                                  std::optional<Found>& found) {
  const std::vector<Constraint> all = constraints(model, request);
  // Searches to come: the whole request, one per constraint, then the relaxations.
  std::size_t searches = 2 * all.size() + 2;
  Found first;
  const std::optional<bool> whole = possible(model, request, options, budget, searches--, &first);
  if (whole == true) {
    found = std::move(first);
    return std::nullopt;
  }
  Diagnosis d;
  d.minimal = whole.has_value();
  std::vector<Constraint> dropped;
  for (const Constraint& c : all) {
    if (budget.spent()) {
      d.minimal = false;  // the constraints not tried stay in the conflict
      break;
    }
    dropped.push_back(c);
    const std::optional<bool> rest =
        possible(model, without(request, dropped), options, budget, searches--);
    if (rest != false) {
      dropped.pop_back();  // needed for the conflict (or not proven otherwise)
      d.minimal = d.minimal && rest.has_value();
    }
  }
  for (const Constraint& c : all) {
    if (std::find(dropped.begin(), dropped.end(), c) == dropped.end()) {
      d.conflict.push_back(c);
    }
  }

  Relaxer relaxer(model, request, options, budget, d.conflict.size() + 1);
  for (const Constraint& c : d.conflict) {
    if (budget.spent()) {
      break;
    }
    if (auto r = relaxer.relax(c)) {
      d.relaxations.push_back(std::move(*r));
    }
  }
  if (!budget.spent()) {
    if (auto r = relaxer.hire(d.conflict)) {
      d.relaxations.push_back(std::move(*r));
    }
  }
  std::stable_sort(d.relaxations.begin(), d.relaxations.end(),
                   [](const Relaxation& a, const Relaxation& b) { return a.cost < b.cost; });

  d.summary = "No team meets these together: ";
  for (std::size_t k = 0; k < d.conflict.size(); ++k) {
    d.summary += (k == 0 ? "" : "; ") + d.conflict[k].text;
  }
  d.summary += d.minimal ? "." : " (a search ran out of time, so this set may not be minimal).";
  if (!d.relaxations.empty()) {
    const Relaxation& best = d.relaxations.front();
    d.summary += " The cheapest way out: " + best.text + ", for a team costing " +
                 util::readable(best.cost) + ".";
  }
  return d;
}

}  // namespace teamwright::team::detail
