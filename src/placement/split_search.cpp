// The searches for a split (src/placement/split_search.hpp): the method is in the comment of
// src/placement/split.cpp.

#include "placement/split_search.hpp"

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

#include "util/search_clock.hpp"
#include "util/text.hpp"

namespace teamwright::placement::detail {

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

namespace {

// Simulated annealing; see the comment of src/placement/split.cpp. Returns the best split seen
// (team per unit).
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

}  // namespace

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

}  // namespace teamwright::placement::detail
