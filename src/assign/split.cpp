// Splitting a pool into k teams (include/teamwright/assign/split.hpp, docs/algorithms.md).
//
// People in a keep-together group move as one unit. Every rule is a count the state keeps per
// team: members per requirement met, members per keep-apart group or previous team ("at most
// one" groups), members per attribute value ("never exactly one" groups), and the team's size.
// The violation count V sums the excess of every rule. Splits compare lexicographically by
// (V, -worst coverage, -average coverage).
//
// Exact mode: depth-first branch-and-bound over the units (largest first), a unit joining a used
// team or the first empty one (teams are interchangeable), sizes kept within bounds, pruned by
// the keep-apart violations so far and by optimistic coverages (each team as if every remaining
// person who meets a requirement joined it).
// Local search: simulated annealing (Kirkpatrick, Gelatt and Vecchi 1983) over relocations and
// swaps of units, minimising W V + sum_t exp(alpha (1 - coverage_t)) — a soft minimum that
// raises the worst teams first — from a greedy start that gives each unit to the team of lowest
// coverage with room; it keeps the lexicographically best split seen.

#include "teamwright/assign/split.hpp"

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
#include "util/search_clock.hpp"
#include "util/text.hpp"

namespace teamwright::assign {
namespace {

using util::number;
using util::quote;

constexpr double kEps = 1e-9;

// The pool, the requirements and the rule groups as dense indices.
struct Instance {
  std::vector<std::string> ids;
  std::vector<PersonId> people;
  int k = 0;
  int min_size = 0;
  int max_size = 0;
  // Requirements: weight and needed count (0 = everyone); who meets which.
  std::vector<double> weight;
  std::vector<int> need;
  double total_weight = 0;
  std::vector<std::vector<int>> meets;
  // Units and their members.
  std::vector<std::vector<int>> units;
  // "At most one per team" groups and "never exactly one" groups, by person, with labels.
  std::vector<std::vector<int>> apart;
  std::vector<std::string> apart_label;
  std::vector<std::vector<int>> lone;
  std::vector<std::string> lone_label;
};

struct Score {
  int size_violations = 0;
  int violations = 0;
  double worst = 0;
  double average = 0;
};

bool better(const Score& a, const Score& b) {
  if (a.size_violations != b.size_violations) {
    return a.size_violations < b.size_violations;
  }
  if (a.violations != b.violations) {
    return a.violations < b.violations;
  }
  if (std::abs(a.worst - b.worst) > kEps) {
    return a.worst > b.worst;
  }
  return a.average > b.average + kEps;
}

// Team counts and the violation total, updated person by person.
class State {
 public:
  explicit State(const Instance& in)
      : in_(&in),
        team_of_(in.units.size(), -1),
        size_(static_cast<std::size_t>(in.k), 0),
        count_(static_cast<std::size_t>(in.k) * in.weight.size(), 0),
        apart_(static_cast<std::size_t>(in.k)),
        lone_(static_cast<std::size_t>(in.k)) {
    size_violations_ = in.k * in.min_size;  // every team starts below its minimum size
  }

  [[nodiscard]] int team_of(std::size_t unit) const { return team_of_[unit]; }
  [[nodiscard]] int size(int t) const { return size_[static_cast<std::size_t>(t)]; }
  [[nodiscard]] int violations() const { return violations_; }
  [[nodiscard]] int size_violations() const { return size_violations_; }

  // Moves a unit to team `to` (-1 = out of every team).
  void move(std::size_t unit, int to) {
    const int from = team_of_[unit];
    for (const int p : in_->units[unit]) {
      if (from >= 0) {
        remove(p, from);
      }
      if (to >= 0) {
        add(p, to);
      }
    }
    team_of_[unit] = to;
  }

  [[nodiscard]] double coverage(int t) const { return coverage_with(t, nullptr); }

  // Coverage if the remaining counts `extra` (per requirement) all joined team t; "everyone"
  // terms count as met.
  [[nodiscard]] double coverage_with(int t, const std::vector<int>* extra) const {
    if (in_->weight.empty()) {
      return 1;
    }
    double sum = 0;
    const std::size_t base = static_cast<std::size_t>(t) * in_->weight.size();
    for (std::size_t r = 0; r < in_->weight.size(); ++r) {
      const int need = in_->need[r];
      if (need == 0 && extra != nullptr) {
        sum += in_->weight[r];
        continue;
      }
      const int have = count_[base + r] + (extra != nullptr ? (*extra)[r] : 0);
      const int needed = need > 0 ? need : size_[static_cast<std::size_t>(t)];
      sum += in_->weight[r] * (needed > 0 ? std::min(1.0, double(have) / needed) : 1.0);
    }
    return sum / in_->total_weight;
  }

  [[nodiscard]] Score score() const {
    Score s{size_violations_, violations_, 1, 0};
    for (int t = 0; t < in_->k; ++t) {
      const double c = coverage(t);
      s.worst = std::min(s.worst, c);
      s.average += c / in_->k;
    }
    return s;
  }

  // The violations of the keep-apart groups alone (they only grow as units join).
  [[nodiscard]] int apart_violations() const { return apart_violations_; }

 private:
  static int size_excess(int size, int low, int high) {
    return std::max(0, size - high) + std::max(0, low - size);
  }

  void add(int p, int t) {
    const auto ts = static_cast<std::size_t>(t);
    size_violations_ -= size_excess(size_[ts], in_->min_size, in_->max_size);
    ++size_[ts];
    size_violations_ += size_excess(size_[ts], in_->min_size, in_->max_size);
    for (const int r : in_->meets[static_cast<std::size_t>(p)]) {
      ++count_[ts * in_->weight.size() + static_cast<std::size_t>(r)];
    }
    for (const int g : in_->apart[static_cast<std::size_t>(p)]) {
      const int before = apart_[ts][g]++;
      violations_ += before;  // pairs with each earlier member
      apart_violations_ += before;
    }
    for (const int g : in_->lone[static_cast<std::size_t>(p)]) {
      const int before = lone_[ts][g]++;
      violations_ += (before + 1 == 1 ? 1 : 0) - (before == 1 ? 1 : 0);
    }
  }

  void remove(int p, int t) {
    const auto ts = static_cast<std::size_t>(t);
    size_violations_ -= size_excess(size_[ts], in_->min_size, in_->max_size);
    --size_[ts];
    size_violations_ += size_excess(size_[ts], in_->min_size, in_->max_size);
    for (const int r : in_->meets[static_cast<std::size_t>(p)]) {
      --count_[ts * in_->weight.size() + static_cast<std::size_t>(r)];
    }
    for (const int g : in_->apart[static_cast<std::size_t>(p)]) {
      const int after = --apart_[ts][g];
      violations_ -= after;
      apart_violations_ -= after;
    }
    for (const int g : in_->lone[static_cast<std::size_t>(p)]) {
      const int before = lone_[ts][g]--;
      violations_ += (before - 1 == 1 ? 1 : 0) - (before == 1 ? 1 : 0);
    }
  }

  const Instance* in_;
  std::vector<int> team_of_;
  std::vector<int> size_;
  std::vector<int> count_;
  std::vector<std::unordered_map<int, int>> apart_;
  std::vector<std::unordered_map<int, int>> lone_;
  int size_violations_ = 0;
  int violations_ = 0;
  int apart_violations_ = 0;
};

// The split's clock (util/search_clock.hpp): `passed` polls the time limit and cancellation,
// `found` notes and reports a better split.
class Deadline {
 public:
  Deadline(const SolveOptions& options, const SolveHooks& hooks) : clock_(options, hooks) {}
  [[nodiscard]] double elapsed() const { return clock_.elapsed(); }
  [[nodiscard]] bool passed() const { return clock_.stop(); }
  [[nodiscard]] Termination termination() const { return clock_.termination(); }
  void found(const Score& score) const {
    time_to_best_ = clock_.elapsed();
    clock_.report(score.worst, 1.0, true);
  }
  [[nodiscard]] double time_to_best() const { return time_to_best_; }

 private:
  mutable util::SearchClock clock_;
  mutable double time_to_best_ = 0;
};

// Exact search; returns false when stopped by the deadline. `best` holds the best split found
// (team per unit), empty when no split keeps the sizes.
bool branch_and_bound(const Instance& in, const Deadline& deadline, std::vector<int>& best_teams,
                      Score& best) {
  std::vector<std::size_t> order(in.units.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return in.units[a].size() > in.units[b].size();
  });
  State state(in);
  std::vector<int> remaining(in.weight.size(), 0);
  int people_left = 0;
  for (const auto& unit : in.units) {
    for (const int p : unit) {
      ++people_left;
      for (const int r : in.meets[static_cast<std::size_t>(p)]) {
        ++remaining[static_cast<std::size_t>(r)];
      }
    }
  }
  bool stopped = false;
  long nodes = 0;
  const std::function<void(std::size_t, int)> go = [&](std::size_t depth, int used) {
    if (stopped || (++nodes % 1024 == 0 && deadline.passed())) {
      stopped = true;
      return;
    }
    if (depth == order.size()) {
      const Score s = state.score();
      if (best_teams.empty() || better(s, best)) {
        best = s;
        deadline.found(s);
        best_teams.assign(in.units.size(), -1);
        for (std::size_t u = 0; u < in.units.size(); ++u) {
          best_teams[u] = state.team_of(u);
        }
      }
      return;
    }
    // Enough people left to bring every team to its minimum size?
    int short_of_minimum = 0;
    for (int t = 0; t < in.k; ++t) {
      short_of_minimum += std::max(0, in.min_size - state.size(t));
    }
    if (short_of_minimum > people_left) {
      return;
    }
    if (!best_teams.empty()) {
      if (state.apart_violations() > best.violations) {
        return;
      }
      if (state.apart_violations() == best.violations) {
        double worst = 1;
        double average = 0;
        for (int t = 0; t < in.k; ++t) {
          const double c = state.coverage_with(t, &remaining);
          worst = std::min(worst, c);
          average += c / in.k;
        }
        if (worst < best.worst - kEps ||
            (worst <= best.worst + kEps && average <= best.average + kEps)) {
          return;
        }
      }
    }
    const std::size_t unit = order[depth];
    const int members = static_cast<int>(in.units[unit].size());
    for (const int p : in.units[unit]) {
      for (const int r : in.meets[static_cast<std::size_t>(p)]) {
        --remaining[static_cast<std::size_t>(r)];
      }
    }
    people_left -= members;
    for (int t = 0; t < std::min(used + 1, in.k); ++t) {
      if (state.size(t) + members > in.max_size) {
        continue;
      }
      state.move(unit, t);
      go(depth + 1, std::max(used, t + 1));
      state.move(unit, -1);
    }
    people_left += members;
    for (const int p : in.units[unit]) {
      for (const int r : in.meets[static_cast<std::size_t>(p)]) {
        ++remaining[static_cast<std::size_t>(r)];
      }
    }
  };
  go(0, 0);
  return !stopped;
}

// Simulated annealing; see the file comment. Returns the best split seen (team per unit).
std::vector<int> anneal(const Instance& in, const Deadline& deadline, std::uint64_t seed,
                        long moves, Score& best) {
  std::mt19937_64 rng(seed);
  State state(in);
  const auto units = in.units.size();
  // Greedy start: largest units first, each to the team of lowest coverage among those with
  // room (fewest members when none has room).
  std::vector<std::size_t> order(units);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return in.units[a].size() > in.units[b].size();
  });
  std::vector<double> cover(static_cast<std::size_t>(in.k));
  for (int t = 0; t < in.k; ++t) {
    cover[static_cast<std::size_t>(t)] = state.coverage(t);
  }
  for (const std::size_t u : order) {
    const int members = static_cast<int>(in.units[u].size());
    int chosen = -1;
    for (int t = 0; t < in.k; ++t) {
      const bool room = state.size(t) + members <= in.max_size;
      if (chosen < 0) {
        chosen = t;
        continue;
      }
      const bool chosen_room = state.size(chosen) + members <= in.max_size;
      if (room != chosen_room) {
        chosen = room ? t : chosen;
      } else if (room ? cover[static_cast<std::size_t>(t)] <
                            cover[static_cast<std::size_t>(chosen)] - kEps
                      : state.size(t) < state.size(chosen)) {
        chosen = t;
      }
    }
    state.move(u, chosen);
    cover[static_cast<std::size_t>(chosen)] = state.coverage(chosen);
  }

  const double alpha = 12;
  // One broken rule outweighs any coverage change, one size off its bounds any broken rule.
  const double weight = std::exp(alpha) * 4;
  const double size_weight = weight * 4 * static_cast<double>(in.ids.size());
  const auto energy = [&](double c) { return std::exp(alpha * (1 - c)); };
  std::vector<int> best_teams(units);
  const auto remember = [&] {
    for (std::size_t u = 0; u < units; ++u) {
      best_teams[u] = state.team_of(u);
    }
  };
  best = state.score();
  remember();
  if (in.k < 2 || units < 2) {
    return best_teams;
  }

  // Members by team, for picking swap partners.
  std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(in.k));
  std::vector<std::size_t> slot(units);
  for (std::size_t u = 0; u < units; ++u) {
    auto& list = members[static_cast<std::size_t>(state.team_of(u))];
    slot[u] = list.size();
    list.push_back(u);
  }
  const auto relocate = [&](std::size_t u, int to) {
    auto& from_list = members[static_cast<std::size_t>(state.team_of(u))];
    const std::size_t last = from_list.back();
    from_list[slot[u]] = last;
    slot[last] = slot[u];
    from_list.pop_back();
    state.move(u, to);
    auto& to_list = members[static_cast<std::size_t>(to)];
    slot[u] = to_list.size();
    to_list.push_back(u);
  };

  const double start_temperature = 0.5;
  const double end_temperature = 1e-3;
  std::uniform_real_distribution<double> uniform(0, 1);
  std::uniform_int_distribution<std::size_t> any_unit(0, units - 1);
  std::uniform_int_distribution<int> any_team(0, in.k - 1);
  std::vector<int> worst_teams;
  for (long step = 0; step < moves; ++step) {
    if (step % 4096 == 0) {
      if (deadline.passed()) {
        break;
      }
      // The lowest-covered teams (about 2 %) get half of the attention.
      std::vector<std::pair<double, int>> ranked;
      ranked.reserve(static_cast<std::size_t>(in.k));
      for (int t = 0; t < in.k; ++t) {
        ranked.emplace_back(state.coverage(t), t);
      }
      const auto keep = std::max<std::size_t>(1, ranked.size() / 50);
      std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end());
      worst_teams.clear();
      for (std::size_t i = 0; i < keep; ++i) {
        worst_teams.push_back(ranked[i].second);
      }
    }
    const double temperature = start_temperature * std::pow(end_temperature / start_temperature,
                                                            double(step) / double(moves));
    std::size_t u = any_unit(rng);
    if (uniform(rng) < 0.5) {
      const auto& list = members[static_cast<std::size_t>(
          worst_teams[std::uniform_int_distribution<std::size_t>(0, worst_teams.size() - 1)(rng)])];
      if (!list.empty()) {
        u = list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
      }
    }
    const int a = state.team_of(u);
    int b = any_team(rng);
    if (b == a) {
      continue;
    }
    const auto& partners = members[static_cast<std::size_t>(b)];
    const bool swap = !partners.empty() && uniform(rng) < 0.8;
    const std::size_t v =
        swap ? partners[std::uniform_int_distribution<std::size_t>(0, partners.size() - 1)(rng)]
             : 0;
    const double before = size_weight * state.size_violations() + weight * state.violations() +
                          energy(state.coverage(a)) + energy(state.coverage(b));
    relocate(u, b);
    if (swap) {
      relocate(v, a);
    }
    const double after = size_weight * state.size_violations() + weight * state.violations() +
                         energy(state.coverage(a)) + energy(state.coverage(b));
    const double delta = after - before;
    const bool accept = delta <= 0 || uniform(rng) < std::exp(-delta / temperature);
    if (!accept) {
      relocate(u, a);
      if (swap) {
        relocate(v, b);
      }
    }
    if (step % 4096 == 4095) {
      if (const Score now = state.score(); better(now, best)) {
        best = now;
        remember();
      }
    }
  }
  if (const Score now = state.score(); better(now, best)) {
    best = now;
    remember();
  }
  return best_teams;
}

// Hill climbing from `teams` towards the leximin order: for the teams of lowest coverage, in
// order, every relocation or swap of one of their units is tried; a move is taken when it breaks
// fewer rules, or as many while raising the lower coverage of the two teams it touches, or
// keeping it and raising their sum. Restarts after each move; stops when the lowest teams admit
// no move, after a bounded number of moves or at the deadline.
void polish(const Instance& in, const Deadline& deadline, std::vector<int>& teams) {
  State state(in);
  const std::size_t units = in.units.size();
  std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(in.k));
  for (std::size_t u = 0; u < units; ++u) {
    state.move(u, teams[u]);
    members[static_cast<std::size_t>(teams[u])].push_back(u);
  }
  const auto rules = [&] { return std::pair{state.size_violations(), state.violations()}; };
  const auto erase = [&](int t, std::size_t u) {
    auto& list = members[static_cast<std::size_t>(t)];
    list.erase(std::find(list.begin(), list.end(), u));
  };
  const int lowest = std::max(1, std::min(in.k, 8));
  long budget = 20 * static_cast<long>(units) + 100;
  bool moved = true;
  while (moved && budget-- > 0 && !deadline.passed()) {
    moved = false;
    std::vector<std::pair<double, int>> ranked;
    ranked.reserve(static_cast<std::size_t>(in.k));
    for (int t = 0; t < in.k; ++t) {
      ranked.emplace_back(state.coverage(t), t);
    }
    std::partial_sort(ranked.begin(), ranked.begin() + lowest, ranked.end());
    for (int r = 0; r < lowest && !moved; ++r) {
      const int a = ranked[static_cast<std::size_t>(r)].second;
      const std::vector<std::size_t> own = members[static_cast<std::size_t>(a)];
      for (const std::size_t u : own) {
        for (int b = 0; b < in.k && !moved; ++b) {
          if (b == a) {
            continue;
          }
          const auto before_rules = rules();
          const double ca = state.coverage(a);
          const double cb = state.coverage(b);
          const auto improves = [&] {
            const auto after_rules = rules();
            if (after_rules != before_rules) {
              return after_rules < before_rules;
            }
            const double na = state.coverage(a);
            const double nb = state.coverage(b);
            const double low_before = std::min(ca, cb);
            const double low_after = std::min(na, nb);
            return low_after > low_before + kEps ||
                   (low_after >= low_before - kEps && na + nb > ca + cb + kEps);
          };
          // Relocation.
          state.move(u, b);
          if (improves()) {
            erase(a, u);
            members[static_cast<std::size_t>(b)].push_back(u);
            teams[u] = b;
            moved = true;
            break;
          }
          // Swaps with each unit of b.
          const std::vector<std::size_t> theirs = members[static_cast<std::size_t>(b)];
          for (const std::size_t v : theirs) {
            state.move(v, a);
            if (improves()) {
              erase(a, u);
              erase(b, v);
              members[static_cast<std::size_t>(b)].push_back(u);
              members[static_cast<std::size_t>(a)].push_back(v);
              teams[u] = b;
              teams[v] = a;
              moved = true;
              break;
            }
            state.move(v, b);
          }
          if (!moved) {
            state.move(u, a);
          }
        }
        if (moved) {
          break;
        }
      }
    }
  }
}

// Annealing runs of 300 moves per unit (at least 20,000), several from different seeds when the
// pool is small (up to 8, within 2,000,000 moves in all), each polished; the best is kept.
std::vector<int> local_search(const Instance& in, const Deadline& deadline, std::uint64_t seed) {
  const long per_run = std::max<long>(20000, 300 * static_cast<long>(in.units.size()));
  const long runs = std::clamp<long>(2000000 / per_run, 1, 8);
  std::vector<int> best_teams;
  Score best;
  for (long run = 0; run < runs && (run == 0 || !deadline.passed()); ++run) {
    Score score;
    std::vector<int> teams =
        anneal(in, deadline, seed + static_cast<std::uint64_t>(run) * 7919, per_run, score);
    polish(in, deadline, teams);
    State state(in);
    for (std::size_t u = 0; u < teams.size(); ++u) {
      state.move(u, teams[u]);
    }
    if (const Score now = state.score(); best_teams.empty() || better(now, best)) {
      best = now;
      deadline.found(now);
      best_teams = std::move(teams);
    }
  }
  return best_teams;
}

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

}  // namespace

SplitResult split(const Model& model, std::span<const std::string> pool, const TeamRequest& request,
                  const SplitRules& rules, const SolveOptions& options, const SolveHooks& hooks) {
  validate(options);
  const Deadline deadline(options, hooks);
  const Instance in = build(model, pool, request, rules);
  using Mode = SolveOptions::Mode;
  const bool exact =
      options.mode == Mode::kExact || (options.mode == Mode::kAuto && in.units.size() <= 14);
  Score score;
  std::vector<int> teams;
  bool proven = false;
  if (exact) {
    proven = branch_and_bound(in, deadline, teams, score);
  }
  if (teams.empty()) {  // no split keeps the sizes (proven if the search finished), or stopped
    teams = local_search(in, deadline, options.seed);
  }
  if (!proven && exact) {
    polish(in, deadline, teams);
  }
  SplitResult result;
  result.violations = describe_violations(in, teams);
  const bool clean = result.violations.empty();
  result.status = clean ? (proven ? Status::kOptimal : Status::kFeasible)
                        : (proven ? Status::kInfeasible : Status::kNoSolutionFound);
  State state(in);
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    state.move(u, teams[u]);
  }
  result.teams.resize(static_cast<std::size_t>(in.k));
  for (std::size_t u = 0; u < in.units.size(); ++u) {
    for (const int p : in.units[u]) {
      result.teams[static_cast<std::size_t>(teams[u])].members.push_back(
          in.ids[static_cast<std::size_t>(p)]);
    }
  }
  for (int t = 0; t < in.k; ++t) {
    auto& team = result.teams[static_cast<std::size_t>(t)];
    std::sort(team.members.begin(), team.members.end(), [&](const auto& a, const auto& b) {
      return model.person_id(a) < model.person_id(b);
    });
    team.coverage = state.coverage(t);
  }
  const Score final_score = state.score();
  result.worst_coverage = final_score.worst;
  result.average_coverage = final_score.average;
  result.bound = result.status == Status::kOptimal ? result.worst_coverage : 1.0;
  result.relative_gap = clean ? std::max(0.0, result.bound - result.worst_coverage) / result.bound
                              : std::numeric_limits<double>::infinity();
  result.termination = deadline.termination();
  result.time_to_best_s = deadline.time_to_best();
  result.time_s = deadline.elapsed();
  return result;
}

}  // namespace teamwright::assign
