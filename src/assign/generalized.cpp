// The generalized assignment heuristic (include/teamwright/assign/generalized.hpp,
// docs/algorithms.md).
//
// Every job always has an agent; an agent may be over capacity, at a price: the search minimises
// cost + sum_i alpha_i * excess_i by tabu search over shift moves (one job to another agent) and
// swap moves (two jobs of different agents trade places), recording every capacity-respecting
// assignment cheaper than the best, while the penalties oscillate — alpha_i grows while agent i
// is over capacity and every alpha shrinks while none is, as in Yagiura, Ibaraki and Glover
// (2004).

#include "teamwright/assign/generalized.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <string>

#include "assign/generalized_exact.hpp"
#include "teamwright/error.hpp"
#include "util/search_clock.hpp"
#include "util/text.hpp"

namespace teamwright::assign {
namespace {

// Branch-and-bound nodes per neighbourhood of the large neighbourhood search.
constexpr std::int64_t kNeighbourhoodNodes = 200;

void validate(const GeneralizedProblem& p, const GeneralizedOptions& options) {
  const auto cells = static_cast<std::size_t>(p.agents) * static_cast<std::size_t>(p.jobs);
  if (p.agents < 0 || p.jobs < 0 || p.cost.size() != cells || p.weight.size() != cells ||
      p.capacity.size() != static_cast<std::size_t>(p.agents)) {
    throw InvalidInputError("generalized assignment: costs and weights must be agents x jobs (" +
                            std::to_string(p.agents) + " x " + std::to_string(p.jobs) +
                            ") and capacities one per agent");
  }
  for (int i = 0; i < p.agents; ++i) {
    const double b = p.capacity[static_cast<std::size_t>(i)];
    if (!std::isfinite(b) || b < 0) {
      throw InvalidInputError("agent " + std::to_string(i) + ": capacity " + util::number(b) +
                              " must be a finite number >= 0");
    }
    for (int j = 0; j < p.jobs; ++j) {
      if (!(std::abs(p.c(i, j)) <= kMaxGeneralizedCost)) {
        throw OutOfRangeError("agent " + std::to_string(i) + ", job " + std::to_string(j) +
                              ": cost " + util::number(p.c(i, j)) +
                              " must be a number from -1e15 to 1e15");
      }
      if (std::isnan(p.w(i, j)) || p.w(i, j) < 0) {
        throw InvalidInputError("agent " + std::to_string(i) + ", job " + std::to_string(j) +
                                ": weight " + util::number(p.w(i, j)) +
                                " must be a number >= 0 (+inf: the agent cannot take the job)");
      }
    }
  }
  if (options.max_moves < 0) {
    throw OutOfRangeError("generalized assignment options: max_moves must be >= 0");
  }
}

class Search {
 public:
  Search(const GeneralizedProblem& p, const GeneralizedOptions& options, std::uint64_t seed)
      : p_(p),
        sign_(options.sense == Sense::kMaximize ? -1.0 : 1.0),
        m_(p.agents),
        n_(p.jobs),
        agent_(static_cast<std::size_t>(n_), -1),
        load_(static_cast<std::size_t>(m_), 0.0),
        alpha_(static_cast<std::size_t>(m_), 1.0),
        tabu_(static_cast<std::size_t>(m_) * static_cast<std::size_t>(n_), 0),
        rng_(seed) {}

  // The objective in the minimising sense.
  [[nodiscard]] double c(int i, int j) const { return sign_ * p_.c(i, j); }
  [[nodiscard]] bool allowed(int i, int j) const {
    return p_.w(i, j) <= p_.capacity[static_cast<std::size_t>(i)] * (1 + 1e-12);
  }

  // Regret greedy: jobs by decreasing difference between their two cheapest allowed agents,
  // each to its cheapest agent with room (or its cheapest agent). False when a job has no
  // allowed agent at all.
  bool construct() {
    std::vector<std::pair<double, int>> order;
    for (int j = 0; j < n_; ++j) {
      double first = std::numeric_limits<double>::infinity();
      double second = first;
      for (int i = 0; i < m_; ++i) {
        if (allowed(i, j)) {
          const double v = c(i, j);
          second = std::min(second, std::max(first, v));
          first = std::min(first, v);
        }
      }
      if (!std::isfinite(first)) {
        return false;
      }
      order.emplace_back(std::isfinite(second) ? second - first : 1e300, j);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [regret, j] : order) {
      int best = -1;
      int fallback = -1;
      for (int i = 0; i < m_; ++i) {
        if (!allowed(i, j)) {
          continue;
        }
        if (fallback < 0 || c(i, j) < c(fallback, j)) {
          fallback = i;
        }
        if (load_[static_cast<std::size_t>(i)] + p_.w(i, j) <=
                p_.capacity[static_cast<std::size_t>(i)] &&
            (best < 0 || c(i, j) < c(best, j))) {
          best = i;
        }
      }
      place(j, best >= 0 ? best : fallback);
    }
    // Penalty per unit of excess: the largest cost spread per unit of weight, so that a unit
    // over capacity is never cheaper than the dearest way to avoid it.
    double spread = 1;
    double unit = 1;
    for (int j = 0; j < n_; ++j) {
      for (int i = 0; i < m_; ++i) {
        spread = std::max(spread, std::abs(c(i, j)));
        if (p_.w(i, j) > 0) {
          unit = std::min(unit, p_.w(i, j));
        }
      }
    }
    std::fill(alpha_.begin(), alpha_.end(), spread / unit);
    return true;
  }

  [[nodiscard]] double excess(int i, double load) const {
    return std::max(0.0, load - p_.capacity[static_cast<std::size_t>(i)] * (1 + 1e-12));
  }
  [[nodiscard]] double penalty(int i, double load) const {
    return alpha_[static_cast<std::size_t>(i)] * excess(i, load);
  }

  // One tabu-search iteration: the best admissible move among every shift and the swaps,
  // worsening or not. A move undoing a recent one is tabu unless it gives a
  // capacity-respecting assignment cheaper than `best`. The job moved may not return to the
  // agent it left for `tenure` iterations. False when no move is admissible.
  bool tabu_step(double best, std::int64_t tenure) {
    ++clock_;
    double best_delta = std::numeric_limits<double>::infinity();
    int move_j = -1;
    int move_i = -1;
    int swap_k = -1;
    const auto consider = [&](double delta, bool is_tabu, double new_cost, bool fits, int j, int i,
                              int k) {
      if (is_tabu && !(fits && new_cost < best - 1e-9)) {
        return;
      }
      if (delta < best_delta - 1e-12) {
        best_delta = delta;
        move_j = j;
        move_i = i;
        swap_k = k;
      }
    };
    for (int j = 0; j < n_; ++j) {
      const int a = agent_[static_cast<std::size_t>(j)];
      const double la = load_[static_cast<std::size_t>(a)];
      const double la_new = la - p_.w(a, j);
      const double leave = c(a, j) + penalty(a, la) - penalty(a, la_new);
      const int over_without_a =
          over_ - (excess(a, la) > 0 ? 1 : 0) + (excess(a, la_new) > 0 ? 1 : 0);
      for (int i = 0; i < m_; ++i) {
        if (i == a || !allowed(i, j)) {
          continue;
        }
        const double li = load_[static_cast<std::size_t>(i)];
        const double li_new = li + p_.w(i, j);
        const double delta = c(i, j) + penalty(i, li_new) - penalty(i, li) - leave;
        const int over =
            over_without_a - (excess(i, li) > 0 ? 1 : 0) + (excess(i, li_new) > 0 ? 1 : 0);
        consider(delta, tabu(j, i), cost_ + c(i, j) - c(a, j), over == 0, j, i, -1);
      }
    }
    // Every pair when there are at most 64n of them, else 64n random pairs.
    const bool all_pairs = n_ <= 128;
    const std::int64_t pairs =
        all_pairs ? static_cast<std::int64_t>(n_) * n_ : 64 * static_cast<std::int64_t>(n_);
    std::uniform_int_distribution<int> any_job(0, n_ - 1);
    for (std::int64_t sample = 0; sample < pairs; ++sample) {
      const int j = all_pairs ? static_cast<int>(sample / n_) : any_job(rng_);
      const int k = all_pairs ? static_cast<int>(sample % n_) : any_job(rng_);
      if (all_pairs && k <= j) {
        continue;
      }
      const int a = agent_[static_cast<std::size_t>(j)];
      const int b = agent_[static_cast<std::size_t>(k)];
      if (a == b || !allowed(b, j) || !allowed(a, k)) {
        continue;
      }
      const double la = load_[static_cast<std::size_t>(a)];
      const double lb = load_[static_cast<std::size_t>(b)];
      const double na = la - p_.w(a, j) + p_.w(a, k);
      const double nb = lb - p_.w(b, k) + p_.w(b, j);
      const double cost_delta = c(a, k) + c(b, j) - c(a, j) - c(b, k);
      const double delta =
          cost_delta + penalty(a, na) - penalty(a, la) + penalty(b, nb) - penalty(b, lb);
      const int over = over_ - (excess(a, la) > 0 ? 1 : 0) + (excess(a, na) > 0 ? 1 : 0) -
                       (excess(b, lb) > 0 ? 1 : 0) + (excess(b, nb) > 0 ? 1 : 0);
      consider(delta, tabu(j, b) || tabu(k, a), cost_ + cost_delta, over == 0, j, b, k);
    }
    if (move_j < 0) {
      return false;
    }
    const int from = agent_[static_cast<std::size_t>(move_j)];
    move(move_j, move_i);
    tabu_[index(move_j, from)] = clock_ + tenure;
    if (swap_k >= 0) {
      move(swap_k, from);
      tabu_[index(swap_k, move_i)] = clock_ + tenure;
    }
    return true;
  }

  // Strategic oscillation: over-capacity agents' penalties grow by 10 %, and all shrink by 10 %
  // after every feasible iteration; kept within [floor, ceiling].
  void oscillate(double floor, double ceiling) {
    for (int i = 0; i < m_; ++i) {
      double& a = alpha_[static_cast<std::size_t>(i)];
      a = std::clamp(over_ == 0
                         ? a * 0.95
                         : (excess(i, load_[static_cast<std::size_t>(i)]) > 0 ? a * 1.05 : a),
                     floor, ceiling);
    }
  }

  [[nodiscard]] int over() const { return over_; }
  [[nodiscard]] double current_cost() const { return cost_; }
  [[nodiscard]] double alpha0() const { return alpha_.empty() ? 1 : alpha_[0]; }

  // The cost summed afresh, for the answer: the running total drifts with fractional costs.
  [[nodiscard]] double exact_cost() const {
    double sum = 0;
    for (int j = 0; j < n_; ++j) {
      sum += c(agent_[static_cast<std::size_t>(j)], j);
    }
    return sum;
  }

  void tick(std::int64_t moves) { clock_ += moves; }

  // Moves every job to its agent in `agents`, keeping the penalties, and clears the tabu list.
  void reset(const std::vector<int>& agents) {
    for (int j = 0; j < n_; ++j) {
      if (agent_[static_cast<std::size_t>(j)] != agents[static_cast<std::size_t>(j)]) {
        move(j, agents[static_cast<std::size_t>(j)]);
      }
    }
    std::fill(tabu_.begin(), tabu_.end(), 0);
  }
  [[nodiscard]] const std::vector<int>& agents() const { return agent_; }

 private:
  [[nodiscard]] std::size_t index(int j, int i) const {
    return static_cast<std::size_t>(j) * static_cast<std::size_t>(m_) + static_cast<std::size_t>(i);
  }
  [[nodiscard]] bool tabu(int j, int i) const { return tabu_[index(j, i)] > clock_; }

  void place(int j, int i) {
    agent_[static_cast<std::size_t>(j)] = i;
    add_load(i, p_.w(i, j));
    cost_ += c(i, j);
  }
  void move(int j, int i) {
    const int a = agent_[static_cast<std::size_t>(j)];
    add_load(a, -p_.w(a, j));
    cost_ -= c(a, j);
    place(j, i);
  }
  void add_load(int i, double w) {
    double& load = load_[static_cast<std::size_t>(i)];
    over_ -= excess(i, load) > 0 ? 1 : 0;
    load += w;
    over_ += excess(i, load) > 0 ? 1 : 0;
  }

  const GeneralizedProblem& p_;
  double sign_;
  int m_;
  int n_;
  std::vector<int> agent_;
  std::vector<double> load_;
  std::vector<double> alpha_;
  std::vector<std::int64_t> tabu_;
  std::int64_t clock_ = 0;
  int over_ = 0;
  double cost_ = 0;
  std::mt19937_64 rng_;
};

// Large neighbourhood search: the jobs of a few random agents (at most `size` of them; at least
// two agents) re-assigned among those agents, as a generalized assignment of its own (capacities
// less the other jobs' load) solved by the branch-and-bound from the root's multipliers. The
// neighbourhood grows by a tenth after three in a row are solved completely and shrinks by a
// tenth when one is not. Sets `optimal` when a neighbourhood spanning the whole problem is solved
// completely.
void neighbourhood_search(const GeneralizedProblem& p, const std::vector<int>& best_agents,
                          const double& best_cost, double bound,
                          const std::vector<double>& multipliers, std::int64_t max_nodes,
                          const std::function<bool()>& stop,
                          const std::function<void(const std::vector<int>&, double)>& improved,
                          std::mt19937_64& rng, bool& optimal) {
  std::vector<int> agents(static_cast<std::size_t>(p.agents));
  std::iota(agents.begin(), agents.end(), 0);
  std::vector<int> jobs;
  std::vector<double> load(static_cast<std::size_t>(p.agents));
  std::vector<double> affinity(static_cast<std::size_t>(p.agents));
  std::int64_t nodes = 0;
  auto size = static_cast<std::size_t>(std::min(p.jobs, 24));
  int solved_in_a_row = 0;
  while (!best_agents.empty() && !optimal && best_cost > bound + 1e-9 && !stop() &&
         (max_nodes == 0 || nodes < max_nodes)) {
    // The first agent at random; each next one drawn with odds 1 + the number of chosen jobs
    // whose cheapest other agent it is, so that the agents chosen can trade jobs.
    jobs.clear();
    std::fill(affinity.begin(), affinity.end(), 1.0);
    std::size_t k = 0;
    for (; k < agents.size() && (k < 2 || jobs.size() < size); ++k) {
      std::discrete_distribution<std::size_t> draw(
          affinity.begin() + static_cast<std::ptrdiff_t>(k), affinity.end());
      const std::size_t pick = k + draw(rng);
      std::swap(agents[k], agents[pick]);
      std::swap(affinity[k], affinity[pick]);
      const std::size_t first_new = jobs.size();
      for (int j = 0; j < p.jobs; ++j) {
        if (best_agents[static_cast<std::size_t>(j)] == agents[k]) {
          jobs.push_back(j);
        }
      }
      for (std::size_t t = first_new; t < jobs.size(); ++t) {
        const int j = jobs[t];
        std::size_t other = agents.size();
        for (std::size_t r = k + 1; r < agents.size(); ++r) {
          if (other == agents.size() || p.c(agents[r], j) < p.c(agents[other], j)) {
            other = r;
          }
        }
        if (other < agents.size()) {
          affinity[other] += 1;
        }
      }
    }
    if (jobs.size() > size) {
      std::shuffle(jobs.begin(), jobs.end(), rng);
      jobs.resize(size);
    }
    std::sort(jobs.begin(), jobs.end());
    // The neighbourhood as a problem: agents[0..k) x jobs, capacities less the other jobs' load.
    std::fill(load.begin(), load.end(), 0.0);
    for (int j = 0; j < p.jobs; ++j) {
      const int a = best_agents[static_cast<std::size_t>(j)];
      load[static_cast<std::size_t>(a)] += p.w(a, j);
    }
    double current = 0;
    std::vector<double> start;
    for (const int j : jobs) {
      const int a = best_agents[static_cast<std::size_t>(j)];
      load[static_cast<std::size_t>(a)] -= p.w(a, j);
      current += p.c(a, j);
      if (!multipliers.empty()) {
        start.push_back(multipliers[static_cast<std::size_t>(j)]);
      }
    }
    GeneralizedProblem part{static_cast<int>(k), static_cast<int>(jobs.size()), {}, {}, {}};
    for (std::size_t t = 0; t < k; ++t) {
      const int i = agents[t];
      for (const int j : jobs) {
        part.cost.push_back(p.c(i, j));
        part.weight.push_back(p.w(i, j));
      }
      part.capacity.push_back(std::max(
          0.0, p.capacity[static_cast<std::size_t>(i)] - load[static_cast<std::size_t>(i)]));
    }
    const std::function<void(const std::vector<int>&, double)> adopt =
        [&](const std::vector<int>& local, double) {
          std::vector<int> whole = best_agents;
          for (std::size_t t = 0; t < jobs.size(); ++t) {
            whole[static_cast<std::size_t>(jobs[t])] = agents[static_cast<std::size_t>(local[t])];
          }
          double total = 0;
          for (int j = 0; j < p.jobs; ++j) {
            total += p.c(whole[static_cast<std::size_t>(j)], j);
          }
          if (total < best_cost - 1e-9) {
            improved(whole, total);
          }
        };
    const detail::GeneralizedExactResult sub =
        detail::branch_and_bound(part, std::move(start), current, kNeighbourhoodNodes, stop, adopt);
    nodes += sub.nodes;
    const std::size_t step = std::max<std::size_t>(1, size / 10);
    if (sub.complete && k == agents.size() && jobs.size() == static_cast<std::size_t>(p.jobs)) {
      optimal = true;
    } else if (sub.complete && ++solved_in_a_row >= 3) {
      size = std::min(static_cast<std::size_t>(p.jobs), size + step);
      solved_in_a_row = 0;
    } else if (!sub.complete) {
      size = std::max<std::size_t>(4, size - step);
      solved_in_a_row = 0;
    }
  }
}

}  // namespace

GeneralizedSolution solve_generalized(const GeneralizedProblem& problem,
                                      const GeneralizedOptions& gap, const SolveOptions& options,
                                      const SolveHooks& hooks) {
  validate(options);
  util::SearchClock clock(options, hooks);
  validate(problem, gap);
  using Mode = SolveOptions::Mode;
  const double sign = gap.sense == Sense::kMaximize ? -1.0 : 1.0;
  const double time_limit = options.time_limit_s;
  GeneralizedSolution best;
  // The bound: each job at its best allowed agent, capacities ignored.
  double bound = 0;
  for (int j = 0; j < problem.jobs; ++j) {
    double cheapest = std::numeric_limits<double>::infinity();
    for (int i = 0; i < problem.agents; ++i) {
      if (problem.w(i, j) <= problem.capacity[static_cast<std::size_t>(i)] * (1 + 1e-12)) {
        cheapest = std::min(cheapest, sign * problem.c(i, j));
      }
    }
    bound += cheapest;
  }
  double best_cost = std::numeric_limits<double>::infinity();
  const auto finish = [&](bool proven) {
    const bool found = best_cost < std::numeric_limits<double>::infinity();
    if (found) {
      proven = proven || best_cost <= bound + 1e-9;
      best.status = proven ? Status::kOptimal : Status::kFeasible;
      best.bound = sign * (proven ? best_cost : bound);
      best.relative_gap = relative_gap(best.cost, best.bound);
    } else {
      best.status = proven ? Status::kInfeasible : Status::kNoSolutionFound;
      best.bound = sign * bound;
      best.relative_gap = relative_gap(std::nullopt, best.bound);
    }
    best.termination = clock.termination();
    best.time_s = clock.elapsed();
    return best;
  };
  Search search(problem, gap, options.seed);
  if (problem.jobs == 0) {
    best_cost = 0;
    return finish(true);
  }
  if (!search.construct()) {
    return finish(true);  // some job has no agent that can take it
  }
  const auto record = [&](const std::vector<int>& agents, double cost) {
    best_cost = cost;
    best.agent_of_job = agents;
    best.cost = sign * cost;
    best.time_to_best_s = clock.elapsed();
    clock.report(best.cost, sign * bound, true);
  };
  const auto remember = [&] {
    if (search.over() == 0) {
      const double cost = search.exact_cost();
      if (cost < best_cost - 1e-9) {
        record(search.agents(), cost);
      }
    }
  };
  remember();
  // Without a time limit every phase has a fixed effort.
  const std::int64_t effort =
      gap.max_moves > 0 || std::isfinite(time_limit) ? gap.max_moves : 1000LL * problem.jobs;
  // Phase 1: the tabu search for an incumbent, for a tenth of the time or until it has one (or
  // the move limit).
  const std::int64_t limit = effort > 0 ? effort : std::numeric_limits<std::int64_t>::max();
  const double tabu_until = time_limit / 10;
  const double ceiling = search.alpha0();
  const double floor = ceiling * 1e-4;
  std::uniform_int_distribution<std::int64_t> tenure(std::max(3, problem.jobs / 20),
                                                     std::max(6, problem.jobs / 8));
  std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
  std::int64_t moves = 0;
  std::int64_t last_improvement = 0;
  const std::int64_t restart_after = 50 * static_cast<std::int64_t>(problem.jobs);
  const bool found_first = options.mode == Mode::kExact;
  while (moves < limit && best_cost > bound + 1e-9 &&
         !(found_first && best_cost < std::numeric_limits<double>::infinity()) &&
         ((moves & 15) != 0 ||
          (!clock.stop() &&
           clock.elapsed() <
               (best_cost < std::numeric_limits<double>::infinity() ? tabu_until : time_limit)))) {
    if (!search.tabu_step(best_cost, tenure(rng))) {
      search.tick(1);
    }
    ++moves;
    if (search.over() == 0 && search.current_cost() < best_cost - 1e-9) {
      remember();
      last_improvement = moves;
    }
    search.oscillate(floor, ceiling);
    // Intensification: after a long stretch without improvement, resume from the best.
    if (best_cost < std::numeric_limits<double>::infinity() &&
        moves - last_improvement > restart_after) {
      search.reset(best.agent_of_job);
      last_improvement = moves;
    }
  }
  // Phase 2: Lagrangian branch-and-bound from that incumbent, for a quarter of the time left
  // (all of it in exact mode). Phase 3: large neighbourhood search, the rest of the time: the
  // jobs of a few agents re-assigned among them by the same branch-and-bound, every other job
  // fixed.
  bool proven = false;
  if (best_cost > bound + 1e-9 && !clock.stop()) {
    GeneralizedProblem minimising = problem;
    for (double& v : minimising.cost) {
      v *= sign;
    }
    double deadline = time_limit;
    const std::function<bool()> stop = [&] { return clock.stop() || clock.elapsed() >= deadline; };
    const std::function<void(const std::vector<int>&, double)> improved =
        [&](const std::vector<int>& agents, double cost) { record(agents, cost); };
    std::vector<double> multipliers;
    if (options.mode != Mode::kHeuristic) {
      const double now = clock.elapsed();
      deadline = options.mode == Mode::kExact ? time_limit : now + (time_limit - now) / 4;
      const detail::GeneralizedExactResult exact =
          detail::branch_and_bound(minimising, {}, best_cost, effort, stop, improved);
      bound = std::max(bound, exact.bound);
      proven = exact.complete;
      multipliers = exact.multipliers;
      deadline = time_limit;
    }
    if (options.mode != Mode::kExact && !proven &&
        best_cost < std::numeric_limits<double>::infinity()) {
      neighbourhood_search(minimising, best.agent_of_job, best_cost, bound, multipliers, effort,
                           stop, improved, rng, proven);
    }
  }
  return finish(proven);
}

std::vector<std::string> check(const GeneralizedProblem& p, Sense sense,
                               const GeneralizedSolution& s) {
  std::vector<std::string> errors;
  if (!s.solved()) {
    return errors;  // nothing is claimed but the bound
  }
  if (s.agent_of_job.size() != static_cast<std::size_t>(p.jobs)) {
    errors.emplace_back("the solution does not assign every job");
    return errors;
  }
  std::vector<double> load(static_cast<std::size_t>(p.agents), 0.0);
  double cost = 0;
  for (int j = 0; j < p.jobs; ++j) {
    const int i = s.agent_of_job[static_cast<std::size_t>(j)];
    if (i < 0 || i >= p.agents) {
      errors.push_back("job " + std::to_string(j) + " has no valid agent");
      return errors;
    }
    load[static_cast<std::size_t>(i)] += p.w(i, j);
    cost += p.c(i, j);
  }
  for (int i = 0; i < p.agents; ++i) {
    const double b = p.capacity[static_cast<std::size_t>(i)];
    if (load[static_cast<std::size_t>(i)] > b + 1e-9 * std::max(1.0, b)) {
      errors.push_back("agent " + std::to_string(i) + " carries " +
                       util::number(load[static_cast<std::size_t>(i)]) + " over its capacity " +
                       util::number(b));
    }
  }
  if (std::abs(cost - s.cost) > 1e-9 * std::max(1.0, std::abs(cost))) {
    errors.push_back("the cost " + util::number(s.cost) + " is not the sum of the chosen costs " +
                     util::number(cost));
  }
  const bool beyond = sense == Sense::kMinimize ? s.bound > cost + 1e-9 : s.bound < cost - 1e-9;
  if (beyond) {
    errors.push_back("the bound " + util::number(s.bound) + " is beyond the cost " +
                     util::number(cost));
  }
  return errors;
}

}  // namespace teamwright::assign
