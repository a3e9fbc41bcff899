// Lagrangian branch-and-bound for the generalized assignment problem (generalized_exact.hpp).
//
// Relaxing "every job to exactly one agent" with multipliers u leaves one 0-1 knapsack per agent:
// L(u) = sum_j u_j - sum_i max { sum_j (u_j - c_ij) x_ij : sum_j w_ij x_ij <= b_i }, a lower
// bound on every assignment. Knapsacks with integral weights are solved exactly by dynamic
// programming; otherwise (or when the table would be too large) by their linear relaxation, which
// keeps the bound valid but weaker.

#include "assign/generalized_exact.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace teamwright::assign::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kDpCells = 4e5;  // largest knapsack table solved exactly

bool is_integral(double v) { return std::isfinite(v) && v == std::floor(v); }

class Search {
 public:
  Search(const GeneralizedProblem& problem, double incumbent, std::int64_t node_limit,
         const std::function<bool()>& stop,
         const std::function<void(const std::vector<int>&, double)>& improved)
      : p_(problem),
        c_(problem.cost),
        m_(p_.agents),
        n_(p_.jobs),
        ub_(incumbent),
        node_limit_(node_limit),
        stop_(stop),
        improved_(improved),
        fixed_(static_cast<std::size_t>(n_), -1),
        banned_(c_.size(), 0),
        x_(c_.size(), 0.0),
        value_(static_cast<std::size_t>(m_), 0.0),
        slack_(static_cast<std::size_t>(m_), 0.0) {
    integral_costs_ = std::all_of(c_.begin(), c_.end(), is_integral);
    integral_weights_ = true;
    for (int i = 0; i < m_; ++i) {
      for (int j = 0; j < n_; ++j) {
        if (!(p_.w(i, j) <= p_.capacity[static_cast<std::size_t>(i)] * (1 + 1e-12))) {
          banned_[at(i, j)] = 1;  // the agent can never take the job
        } else if (!is_integral(p_.w(i, j))) {
          integral_weights_ = false;
        }
      }
    }
  }

  GeneralizedExactResult run(std::vector<double> u) {
    warm_ = !u.empty();
    u.resize(static_cast<std::size_t>(n_));
    for (int j = 0; j < n_ && !warm_; ++j) {  // start from each job's second-cheapest cost
      double first = kInf;
      double second = kInf;
      for (int i = 0; i < m_; ++i) {
        if (banned_[at(i, j)] == 0) {
          second = std::min(second, std::max(first, cost(i, j)));
          first = std::min(first, cost(i, j));
        }
      }
      u[static_cast<std::size_t>(j)] = std::isfinite(second) ? second : first;
    }
    GeneralizedExactResult result;
    root_bound_ = kInf;
    const bool finished = node(u, 0);
    result.complete = finished && !aborted_;
    result.bound = result.complete ? std::min(ub_, root_bound_) : root_bound_;
    result.nodes = nodes_;
    result.multipliers = std::move(root_multipliers_);
    return result;
  }

 private:
  [[nodiscard]] std::size_t at(int i, int j) const {
    return static_cast<std::size_t>(i) * static_cast<std::size_t>(n_) + static_cast<std::size_t>(j);
  }
  [[nodiscard]] double cost(int i, int j) const { return c_[at(i, j)]; }
  [[nodiscard]] bool open(int i, int j) const {
    const int f = fixed_[static_cast<std::size_t>(j)];
    return f < 0 ? banned_[at(i, j)] == 0 : f == i;
  }

  // The bound a node must stay below to hold an assignment cheaper than the incumbent.
  [[nodiscard]] bool cut(double bound) const {
    if (!std::isfinite(ub_)) {
      return false;
    }
    return integral_costs_ ? bound > ub_ - 1 + 1e-6 : bound >= ub_ - 1e-9 * std::max(1.0, ub_);
  }

  // Agent i's knapsack at multipliers u: its best profit (an upper bound when relaxed) into
  // value_[i], its choice into row i of x_, its capacity left by the fixed jobs into slack_[i].
  // False when the jobs fixed to the agent overfill it.
  bool knapsack(int i, const std::vector<double>& u) {
    double forced_weight = 0;
    double forced_profit = 0;
    items_.clear();
    for (int j = 0; j < n_; ++j) {
      x_[at(i, j)] = 0;
      const int f = fixed_[static_cast<std::size_t>(j)];
      const double profit = u[static_cast<std::size_t>(j)] - cost(i, j);
      if (f == i) {
        forced_weight += p_.w(i, j);
        forced_profit += profit;
        x_[at(i, j)] = 1;
      } else if (f < 0 && banned_[at(i, j)] == 0 && profit > 0) {
        items_.push_back(j);
      }
    }
    const double b = p_.capacity[static_cast<std::size_t>(i)];
    const double room = b - forced_weight;
    slack_[static_cast<std::size_t>(i)] = room;
    if (room < -1e-9 * std::max(1.0, b)) {
      return false;
    }
    std::erase_if(items_, [&](int j) { return p_.w(i, j) > room + 1e-9 * std::max(1.0, b); });
    const double cells = static_cast<double>(items_.size()) * (std::floor(room + 1e-9) + 1);
    double best = 0;
    if (integral_weights_ && cells <= kDpCells) {
      best = dynamic_program(i, u, static_cast<int>(std::floor(room + 1e-9)));
    } else {
      best = linear_relaxation(i, u, room);
    }
    value_[static_cast<std::size_t>(i)] = forced_profit + best;
    return true;
  }

  double dynamic_program(int i, const std::vector<double>& u, int room) {
    const auto width = static_cast<std::size_t>(room) + 1;
    table_.assign(width, 0.0);
    take_.assign(items_.size() * width, 0);
    reach_.resize(items_.size());
    double* table = table_.data();
    // The items so far weigh at most `reach`: the cells beyond it would equal table[reach].
    std::size_t reach = 0;
    for (std::size_t k = 0; k < items_.size(); ++k) {
      const int j = items_[k];
      const auto w = static_cast<std::size_t>(p_.w(i, j));
      const double profit = u[static_cast<std::size_t>(j)] - cost(i, j);
      char* take = take_.data() + k * width;
      const std::size_t before = reach;
      reach = std::min(width - 1, reach + w);
      reach_[k] = reach;
      std::fill(table + before + 1, table + reach + 1, table[before]);
      for (std::size_t r = reach + 1; r-- > w;) {
        const double with = table[r - w] + profit;
        const bool better = with > table[r];
        table[r] = better ? with : table[r];
        take[r] = static_cast<char>(better);
      }
    }
    std::size_t r = reach;
    for (std::size_t k = items_.size(); k-- > 0;) {
      r = std::min(r, reach_[k]);
      if (take_[k * width + r] != 0) {
        const int j = items_[k];
        x_[at(i, j)] = 1;
        r -= static_cast<std::size_t>(p_.w(i, j));
      }
    }
    return table[reach];
  }

  double linear_relaxation(int i, const std::vector<double>& u, double room) {
    sort_by_ratio(i, u);
    double best = 0;
    for (const int j : items_) {
      const double w = p_.w(i, j);
      const double profit = u[static_cast<std::size_t>(j)] - cost(i, j);
      const double share = w <= room ? 1.0 : room / w;
      x_[at(i, j)] = share;
      best += share * profit;
      room -= share * w;
      if (share < 1) {
        break;
      }
    }
    return best;
  }

  void sort_by_ratio(int i, const std::vector<double>& u) {
    ratio_.resize(static_cast<std::size_t>(n_));
    for (const int j : items_) {
      const double profit = u[static_cast<std::size_t>(j)] - cost(i, j);
      ratio_[static_cast<std::size_t>(j)] = p_.w(i, j) > 0 ? profit / p_.w(i, j) : kInf;
    }
    std::sort(items_.begin(), items_.end(), [&](int a, int b) {
      return ratio_[static_cast<std::size_t>(a)] > ratio_[static_cast<std::size_t>(b)];
    });
  }

  // L(u), or +inf when some agent is overfilled by its fixed jobs.
  double evaluate(const std::vector<double>& u) {
    double bound = 0;
    for (int j = 0; j < n_; ++j) {
      bound += u[static_cast<std::size_t>(j)];
    }
    for (int i = 0; i < m_; ++i) {
      if (!knapsack(i, u)) {
        return kInf;
      }
      bound -= value_[static_cast<std::size_t>(i)];
    }
    return bound;
  }

  // Subgradient ascent from u (updated to the best multipliers); leaves x_, value_ and slack_ at
  // them. Returns the best bound.
  double ascend(std::vector<double>& u, int iterations, double step, int patience) {
    std::vector<double> trial = u;
    std::vector<double> g(static_cast<std::size_t>(n_));
    double best = -kInf;
    int stall = 0;
    for (int it = 0; it < iterations && step > 1e-5 && !should_stop(); ++it) {
      const double bound = evaluate(trial);
      if (!std::isfinite(bound)) {
        return kInf;
      }
      double norm = 0;
      for (int j = 0; j < n_; ++j) {
        double taken = 0;
        for (int i = 0; i < m_; ++i) {
          taken += x_[at(i, j)];
        }
        g[static_cast<std::size_t>(j)] = 1 - taken;
        norm += (1 - taken) * (1 - taken);
      }
      if (bound > best + 1e-9) {
        best = bound;
        u = trial;
        stall = 0;
      } else if (++stall >= patience) {
        step /= 2;
        stall = 0;
      }
      repair();
      if (norm < 1e-12 || cut(best)) {
        break;
      }
      const double target = std::isfinite(ub_) ? ub_ : bound + 0.05 * std::abs(bound) + 1;
      const double move = step * std::max(target - bound, 1e-6) / norm;
      for (int j = 0; j < n_; ++j) {
        trial[static_cast<std::size_t>(j)] += move * g[static_cast<std::size_t>(j)];
      }
    }
    if (best > -kInf && !cut(best)) {
      (void)evaluate(u);  // leave the relaxation at the best multipliers
    }
    return best;
  }

  // The Lagrangian heuristic: each job to the cheapest agent whose knapsack took it, the rest by
  // decreasing weight to the cheapest agent with room, then cost-decreasing shifts.
  void repair() {
    agent_.assign(static_cast<std::size_t>(n_), -1);
    load_.assign(static_cast<std::size_t>(m_), 0.0);
    for (int j = 0; j < n_; ++j) {
      int best = -1;
      for (int i = 0; i < m_; ++i) {
        if (x_[at(i, j)] > 1 - 1e-9 && (best < 0 || cost(i, j) < cost(best, j))) {
          best = i;
        }
      }
      if (best >= 0) {
        assign(j, best);
      }
    }
    rest_.clear();
    for (int j = 0; j < n_; ++j) {
      if (agent_[static_cast<std::size_t>(j)] < 0) {
        rest_.push_back(j);
      }
    }
    const auto heaviest = [&](int j) {
      double w = 0;
      for (int i = 0; i < m_; ++i) {
        w = std::max(w, open(i, j) ? p_.w(i, j) : 0.0);
      }
      return w;
    };
    std::sort(rest_.begin(), rest_.end(), [&](int a, int b) { return heaviest(a) > heaviest(b); });
    for (const int j : rest_) {
      int best = -1;
      for (int i = 0; i < m_; ++i) {
        if (open(i, j) && fits(i, j) && (best < 0 || cost(i, j) < cost(best, j))) {
          best = i;
        }
      }
      if (best < 0) {
        return;
      }
      assign(j, best);
    }
    for (bool moved = true; moved;) {
      moved = false;
      for (int j = 0; j < n_; ++j) {
        const int a = agent_[static_cast<std::size_t>(j)];
        for (int i = 0; i < m_; ++i) {
          if (i != a && open(i, j) && cost(i, j) < cost(a, j) - 1e-12 && fits(i, j)) {
            load_[static_cast<std::size_t>(a)] -= p_.w(a, j);
            assign(j, i);
            moved = true;
            break;
          }
        }
      }
    }
    double total = 0;
    for (int j = 0; j < n_; ++j) {
      total += cost(agent_[static_cast<std::size_t>(j)], j);
    }
    offer(agent_, total);
  }
  [[nodiscard]] bool fits(int i, int j) const {
    const double b = p_.capacity[static_cast<std::size_t>(i)];
    return load_[static_cast<std::size_t>(i)] + p_.w(i, j) <= b + 1e-9 * std::max(1.0, b);
  }
  void assign(int j, int i) {
    agent_[static_cast<std::size_t>(j)] = i;
    load_[static_cast<std::size_t>(i)] += p_.w(i, j);
  }

  void offer(const std::vector<int>& agents, double total) {
    if (!std::isfinite(ub_) || total < ub_ - 1e-9 * std::max(1.0, std::abs(ub_))) {
      ub_ = total;
      improved_(agents, total);
    }
  }

  bool should_stop() {
    if (aborted_) {
      return true;
    }
    if ((node_limit_ > 0 && nodes_ >= node_limit_) || stop_()) {
      aborted_ = true;
    }
    return aborted_;
  }

  // Reduced-cost fixing: bans every open pair (i, j) outside agent i's knapsack choice whose
  // forcing would lift the bound past the cut, bounding agent i's knapsack with j forced in by
  // its linear relaxation. Jobs left with one agent are fixed to it. Changes go onto the trail;
  // false when a job has no agent left.
  bool fix(const std::vector<double>& u, double bound) {
    for (int i = 0; i < m_; ++i) {
      items_.clear();
      for (int j = 0; j < n_; ++j) {
        if (fixed_[static_cast<std::size_t>(j)] < 0 && banned_[at(i, j)] == 0 &&
            u[static_cast<std::size_t>(j)] - cost(i, j) > 0) {
          items_.push_back(j);
        }
      }
      sort_by_ratio(i, u);
      prefix_weight_.assign(items_.size() + 1, 0.0);
      prefix_profit_.assign(items_.size() + 1, 0.0);
      for (std::size_t k = 0; k < items_.size(); ++k) {
        const int j = items_[k];
        prefix_weight_[k + 1] = prefix_weight_[k] + p_.w(i, j);
        prefix_profit_[k + 1] = prefix_profit_[k] + u[static_cast<std::size_t>(j)] - cost(i, j);
      }
      // L with j forced into i >= bound + value_i - (fixed jobs' profit + j's + relaxed rest).
      const double base = bound + value_[static_cast<std::size_t>(i)] - knapsack_profit(i, u);
      for (int j = 0; j < n_; ++j) {
        if (fixed_[static_cast<std::size_t>(j)] >= 0 || banned_[at(i, j)] != 0 ||
            x_[at(i, j)] > 0) {
          continue;
        }
        const double room = slack_[static_cast<std::size_t>(i)] - p_.w(i, j);
        const double forced =
            room < -1e-9 ? kInf : u[static_cast<std::size_t>(j)] - cost(i, j) + relaxed(room);
        if (!std::isfinite(forced) || cut(base - forced)) {
          banned_[at(i, j)] = 1;
          trail_.emplace_back(i, j);
        }
      }
    }
    for (int j = 0; j < n_; ++j) {
      if (fixed_[static_cast<std::size_t>(j)] >= 0) {
        continue;
      }
      int count = 0;
      int only = -1;
      for (int i = 0; i < m_; ++i) {
        if (banned_[at(i, j)] == 0) {
          ++count;
          only = i;
        }
      }
      if (count == 0) {
        return false;
      }
      if (count == 1) {
        fixed_[static_cast<std::size_t>(j)] = only;
        trail_.emplace_back(-1, j);
      }
    }
    return true;
  }
  // The profit of the fixed jobs of agent i (the part of value_[i] that forcing cannot change).
  [[nodiscard]] double knapsack_profit(int i, const std::vector<double>& u) const {
    double profit = 0;
    for (int j = 0; j < n_; ++j) {
      if (fixed_[static_cast<std::size_t>(j)] == i) {
        profit += u[static_cast<std::size_t>(j)] - cost(i, j);
      }
    }
    return profit;
  }
  // The linear relaxation of the current agent's knapsack (items_, prefix sums) at capacity room.
  [[nodiscard]] double relaxed(double room) const {
    const auto end = std::upper_bound(prefix_weight_.begin(), prefix_weight_.end(), room + 1e-9);
    const auto k = static_cast<std::size_t>(end - prefix_weight_.begin()) - 1;
    double profit = prefix_profit_[k];
    if (k < items_.size()) {
      const double w = prefix_weight_[k + 1] - prefix_weight_[k];
      profit += (prefix_profit_[k + 1] - prefix_profit_[k]) * (room - prefix_weight_[k]) / w;
    }
    return profit;
  }
  void undo(std::size_t mark) {
    while (trail_.size() > mark) {
      const auto [i, j] = trail_.back();
      trail_.pop_back();
      if (i < 0) {
        fixed_[static_cast<std::size_t>(j)] = -1;
      } else {
        banned_[at(i, j)] = 0;
      }
    }
  }

  // One node: bound, heuristic, fixing, then one child per open agent of the branching job.
  // Returns false when stopped before the subtree was explored.
  bool node(std::vector<double> u, int depth) {
    if (should_stop()) {
      return false;
    }
    ++nodes_;
    // The root from scratch: up to 600 steps from 2, halved after 8 without progress; a warm
    // root (a neighbourhood's) up to 150 from 0.5 halved after 4; other nodes up to 20 from 0.25,
    // halved after 8 (4 in a neighbourhood).
    const double bound = depth > 0 ? ascend(u, 20, 0.25, warm_ ? 4 : 8)
                         : warm_   ? ascend(u, 150, 0.5, 4)
                                   : ascend(u, 600, 2.0, 8);
    if (depth == 0) {
      root_bound_ = integral_costs_ && std::isfinite(bound) ? std::ceil(bound - 1e-6) : bound;
      root_multipliers_ = u;
    }
    if (!std::isfinite(bound) || cut(bound)) {
      return true;
    }
    if (aborted_) {
      return false;
    }
    const int job = branching_job();
    if (job < 0) {  // the knapsacks chose an assignment: optimal for this node
      repair();
      return true;
    }
    const std::size_t mark = trail_.size();
    bool finished = true;
    if (fix(u, bound)) {
      std::vector<int> agents;
      for (int i = 0; i < m_; ++i) {
        if (open(i, job)) {
          agents.push_back(i);
        }
      }
      std::stable_sort(agents.begin(), agents.end(), [&](int a, int b) {
        return std::pair{x_[at(a, job)] < 1, cost(a, job)} <
               std::pair{x_[at(b, job)] < 1, cost(b, job)};
      });
      for (const int i : agents) {
        const std::size_t child = trail_.size();
        if (fixed_[static_cast<std::size_t>(job)] < 0) {
          fixed_[static_cast<std::size_t>(job)] = i;
          trail_.emplace_back(-1, job);
        }
        finished = node(u, depth + 1) && finished;
        undo(child);
        if (!finished) {
          break;
        }
      }
    }
    undo(mark);
    return finished;
  }

  // The unfixed job the knapsacks disagree on most (taken by none or several, or in part),
  // heaviest first; -1 when every job is taken exactly once.
  [[nodiscard]] int branching_job() const {
    int best = -1;
    double best_key = -kInf;
    for (int j = 0; j < n_; ++j) {
      if (fixed_[static_cast<std::size_t>(j)] >= 0) {
        continue;
      }
      double taken = 0;
      double weight = 0;
      bool in_part = false;
      for (int i = 0; i < m_; ++i) {
        const double x = x_[at(i, j)];
        taken += x;
        in_part = in_part || (x > 1e-9 && x < 1 - 1e-9);
        weight = std::max(weight, open(i, j) ? p_.w(i, j) : 0.0);
      }
      if (std::abs(taken - 1) < 1e-9 && !in_part) {
        continue;
      }
      const double key = (std::abs(taken - 1) + (in_part ? 0.5 : 0.0)) * 1e6 + weight;
      if (key > best_key) {
        best_key = key;
        best = j;
      }
    }
    return best;
  }

  const GeneralizedProblem& p_;
  const std::vector<double>& c_;
  int m_;
  int n_;
  double ub_;
  std::int64_t node_limit_;
  const std::function<bool()>& stop_;
  const std::function<void(const std::vector<int>&, double)>& improved_;
  bool integral_costs_ = true;
  bool integral_weights_ = true;
  bool aborted_ = false;
  bool warm_ = false;
  std::vector<double> root_multipliers_;
  std::int64_t nodes_ = 0;
  double root_bound_ = kInf;
  std::vector<int> fixed_;
  std::vector<char> banned_;
  std::vector<std::pair<int, int>> trail_;
  std::vector<double> x_;
  std::vector<double> value_;
  std::vector<double> slack_;
  // scratch
  std::vector<int> items_;
  std::vector<double> table_;
  std::vector<char> take_;
  std::vector<double> ratio_;
  std::vector<std::size_t> reach_;
  std::vector<double> prefix_weight_;
  std::vector<double> prefix_profit_;
  std::vector<int> agent_;
  std::vector<double> load_;
  std::vector<int> rest_;
};

}  // namespace

GeneralizedExactResult branch_and_bound(
    const GeneralizedProblem& problem, std::vector<double> multipliers, double incumbent_cost,
    std::int64_t node_limit, const std::function<bool()>& stop,
    const std::function<void(const std::vector<int>&, double)>& improved) {
  Search search(problem, incumbent_cost, node_limit, stop, improved);
  return search.run(std::move(multipliers));
}

}  // namespace teamwright::assign::detail
