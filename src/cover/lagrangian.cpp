// The three-phase Lagrangian heuristic of Caprara, Fischetti and Toth (Operations Research
// 47(5), 1999), for weighted set multicover: row demands d_i, relaxation
//
//   L(u) = sum_i d_i u_i + sum_j min(0, c_j - sum_{i in I_j} u_i),   u >= 0,
//
// a lower bound for every u. The subgradient runs on a small "core" of columns with low
// reduced cost, re-priced against all columns from time to time (the only bounds reported come
// from such full pricings of the whole problem). Solutions come from a greedy on Lagrangian
// costs; column fixing steers later rounds towards the greedy's choices. The row-weighting
// local search then works on the columns of lowest reduced cost (CFT's refinement step was
// tried here and found less than the local search in the same time, so it is not used).

#include "cover/lagrangian.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>

#include "cover/completion.hpp"
#include "cover/local_search.hpp"

namespace teamwright::cover::detail {

double lagrangian_bound(const Problem& problem, const std::vector<int>& need, double fixed_cost,
                        const std::vector<Index>& columns, const std::vector<double>& u,
                        std::vector<double>& subgradient) {
  double bound = fixed_cost;
  for (Index i = 0; i < problem.num_rows(); ++i) {
    bound += need[i] * u[i];
    subgradient[i] = need[i];
  }
  for (const Index j : columns) {
    double rc = problem.cost(j);
    const auto rows = problem.rows_of(j);
    for (const Index i : rows) {
      rc -= u[i];
    }
    if (rc < 0) {
      bound += rc;
      for (const Index i : rows) {
        subgradient[i] -= 1;
      }
    }
  }
  return bound;
}

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

class Cft {
 public:
  Cft(const Problem& p, const Analysis& a, Control& control, std::mt19937_64& random)
      : p_(p),
        control_(control),
        random_(random),
        m_(p.num_rows()),
        n_(p.num_columns()),
        demand_(integral_demands(a)),
        forced_(static_cast<std::size_t>(n_), 0),
        fixed_(static_cast<std::size_t>(n_), 0),
        need_(static_cast<std::size_t>(m_), 0),
        rc_(static_cast<std::size_t>(n_), 0.0),
        in_core_(static_cast<std::size_t>(n_), 0),
        subgradient_(static_cast<std::size_t>(m_), 0.0),
        completion_(p, demand_, forced_of(p, a), a.limits.min_size) {
    forced_ = forced_of(p, a);
  }

  static std::vector<char> forced_of(const Problem& p, const Analysis& a) {
    std::vector<char> forced(static_cast<std::size_t>(p.num_columns()), 0);
    for (const Index j : a.fixed) {
      forced[j] = 1;
    }
    return forced;
  }

  void run(Effort effort) {
    fixing_divisor_ = effort == Effort::kBeforeSearch ? kFixingDivisor / 4 : kFixingDivisor;
    reset_residual();
    std::vector<double> u(static_cast<std::size_t>(m_), 0.0);
    for (Index i = 0; i < m_; ++i) {
      if (need_[i] > 0) {
        double best = kInfinity;
        for (const Index j : p_.columns_of(i)) {
          if (fixed_[j] == 0) {
            best = std::min(best, p_.cost(j) / static_cast<double>(active_size(j)));
          }
        }
        u[i] = best < kInfinity ? best : 0.0;
      }
    }
    price(u);
    three_phase(u);
    if (best_global_u_.empty() || control_.stop() || control_.closed()) {
      return;
    }
    LocalSearch search(p_, demand_, forced_, neighbourhood(kNeighbours), completion_, random_);
    search.start(control_.incumbent().columns);
    if (effort == Effort::kUntilStopped) {
      search.run(std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max(),
                 control_);
      return;
    }
    // Without a time limit the effort is bounded: a local search of a fixed number of moves,
    // cut short once it stalls.
    search.run(kBoundedMoves, kPatience, control_);
  }

  // For each row the `per_row` columns of lowest reduced cost under the best multipliers of the
  // whole problem, and the incumbent's columns.
  std::vector<Index> neighbourhood(int per_row) {
    std::vector<Index> columns(control_.incumbent().columns);
    std::vector<double> rc(static_cast<std::size_t>(n_));
    for (Index j = 0; j < n_; ++j) {
      rc[j] = p_.cost(j);
      for (const Index i : p_.rows_of(j)) {
        rc[j] -= best_global_u_[i];
      }
    }
    std::vector<Index> row_columns;
    for (Index i = 0; i < m_; ++i) {
      const auto all = p_.columns_of(i);
      row_columns.assign(all.begin(), all.end());
      const auto k = std::min(row_columns.size(), static_cast<std::size_t>(per_row + demand_[i]));
      std::partial_sort(row_columns.begin(), row_columns.begin() + static_cast<std::ptrdiff_t>(k),
                        row_columns.end(),
                        [&](Index a, Index b) { return rc[a] != rc[b] ? rc[a] < rc[b] : a < b; });
      columns.insert(columns.end(), row_columns.begin(),
                     row_columns.begin() + static_cast<std::ptrdiff_t>(k));
    }
    return columns;
  }

  [[nodiscard]] const std::vector<double>& multipliers() const { return best_global_u_; }

 private:
  static constexpr int kNeighbours = 10;
  static constexpr int kFixingDivisor = 20;
  static constexpr std::int64_t kBoundedMoves = 50000;
  static constexpr std::int64_t kPatience = 10000;
  static constexpr int kGreedyEvery = 5;

  // ---- the residual problem: columns fixed to 1, demands left -----------------------------

  void reset_residual() {
    std::fill(fixed_.begin(), fixed_.end(), 0);
    fixed_list_.clear();
    fixed_cost_ = 0;
    heuristic_fixed_ = 0;
    for (Index i = 0; i < m_; ++i) {
      need_[i] = demand_[i];
    }
    for (Index j = 0; j < n_; ++j) {
      if (forced_[j] != 0) {
        fix(j);
      }
    }
    heuristic_fixed_ = 0;
  }

  void fix(Index j) {
    fixed_[j] = 1;
    fixed_list_.push_back(j);
    fixed_cost_ += p_.cost(j);
    ++heuristic_fixed_;
    for (const Index i : p_.rows_of(j)) {
      need_[i] = std::max(0, need_[i] - 1);
    }
  }

  [[nodiscard]] int active_size(Index j) const {
    int size = 0;
    for (const Index i : p_.rows_of(j)) {
      size += need_[i] > 0 ? 1 : 0;
    }
    return std::max(size, 1);
  }

  [[nodiscard]] bool any_need() const {
    return std::any_of(need_.begin(), need_.end(), [](int n) { return n > 0; });
  }

  // The gap below which the residual cannot improve on the incumbent.
  [[nodiscard]] double closing_gap() const {
    return control_.integral_costs() ? 1 - 1e-6 : 1e-9 * std::max(1.0, control_.incumbent().cost);
  }

  // ---- Lagrangian relaxation ----------------------------------------------------------------

  // Reduced costs of all free columns, the core rebuilt from them, and the lower bound of the
  // residual problem at `u` over all columns.
  double price(const std::vector<double>& u) {
    double bound = fixed_cost_;
    for (Index i = 0; i < m_; ++i) {
      bound += need_[i] * u[i];
    }
    std::vector<Index> cheap;
    for (Index j = 0; j < n_; ++j) {
      if (fixed_[j] != 0) {
        continue;
      }
      double rc = p_.cost(j);
      for (const Index i : p_.rows_of(j)) {
        rc -= u[i];
      }
      rc_[j] = rc;
      bound += std::min(0.0, rc);
      if (rc < 0.1) {
        cheap.push_back(j);
      }
    }
    // Core: the columns of lowest reduced cost (at most 5 per active row), and for every active
    // row the columns of lowest reduced cost covering it (its need plus 4).
    std::fill(in_core_.begin(), in_core_.end(), 0);
    core_.clear();
    int active = 0;
    for (Index i = 0; i < m_; ++i) {
      active += need_[i] > 0 ? 1 : 0;
    }
    const auto by_rc = [&](Index a, Index b) { return rc_[a] != rc_[b] ? rc_[a] < rc_[b] : a < b; };
    const auto limit = static_cast<std::size_t>(5 * std::max(active, 1));
    if (cheap.size() > limit) {
      std::nth_element(cheap.begin(), cheap.begin() + static_cast<std::ptrdiff_t>(limit),
                       cheap.end(), by_rc);
      cheap.resize(limit);
    }
    for (const Index j : cheap) {
      add_to_core(j);
    }
    std::vector<Index> row_columns;
    for (Index i = 0; i < m_; ++i) {
      if (need_[i] == 0) {
        continue;
      }
      row_columns.clear();
      for (const Index j : p_.columns_of(i)) {
        if (fixed_[j] == 0) {
          row_columns.push_back(j);
        }
      }
      const auto k = std::min(row_columns.size(), static_cast<std::size_t>(need_[i] + 4));
      std::partial_sort(row_columns.begin(), row_columns.begin() + static_cast<std::ptrdiff_t>(k),
                        row_columns.end(), by_rc);
      for (std::size_t t = 0; t < k; ++t) {
        add_to_core(row_columns[t]);
      }
    }
    std::sort(core_.begin(), core_.end());
    build_core_rows();
    return bound;
  }

  void add_to_core(Index j) {
    if (in_core_[j] == 0) {
      in_core_[j] = 1;
      core_.push_back(j);
    }
  }

  // Rows -> core columns, for the greedy's updates.
  void build_core_rows() {
    core_row_start_.assign(static_cast<std::size_t>(m_) + 1, 0);
    for (const Index j : core_) {
      for (const Index i : p_.rows_of(j)) {
        ++core_row_start_[i + 1];
      }
    }
    std::partial_sum(core_row_start_.begin(), core_row_start_.end(), core_row_start_.begin());
    core_row_columns_.resize(static_cast<std::size_t>(core_row_start_.back()));
    std::vector<std::int64_t> next(core_row_start_.begin(), core_row_start_.end() - 1);
    for (std::size_t k = 0; k < core_.size(); ++k) {
      for (const Index i : p_.rows_of(core_[k])) {
        core_row_columns_[next[i]++] = static_cast<Index>(k);
      }
    }
  }

  // The residual bound over the core at `u`, and its subgradient in `subgradient_`.
  double evaluate_core(const std::vector<double>& u) {
    return lagrangian_bound(p_, need_, fixed_cost_, core_, u, subgradient_);
  }

  // u <- max(0, u + step * s), with step = lambda (ub - bound) / |s|^2 over the rows that can
  // move. Returns false when the subgradient vanishes (u is optimal for the relaxation).
  bool step(std::vector<double>& u, double bound, double lambda) {
    double norm = 0;
    for (Index i = 0; i < m_; ++i) {
      if (need_[i] == 0 || (u[i] <= 0 && subgradient_[i] < 0)) {
        subgradient_[i] = 0;
      }
      norm += subgradient_[i] * subgradient_[i];
    }
    if (norm == 0) {
      return false;
    }
    const double target = control_.incumbent().exists() ? control_.incumbent().cost : bound * 1.1;
    const double t =
        lambda * std::max(target - bound, 1e-9 * std::max(1.0, std::abs(bound))) / norm;
    for (Index i = 0; i < m_; ++i) {
      u[i] = std::max(0.0, u[i] + t * subgradient_[i]);
    }
    return true;
  }

  struct Phase {
    double bound = -kInfinity;  // over all columns
    std::vector<double> u;
  };

  // Subgradient optimisation of the residual relaxation over the core, re-priced against all
  // columns every `period` iterations. The step-size factor starts at 2 and is halved after 30
  // iterations without a better core bound (Held, Wolfe and Crowder, "Validation of subgradient
  // optimization", Math. Programming 6, 1974, as in Beasley 1990); CFT's rule of halving on
  // oscillation froze the step on slowly rising bounds here. A round stops when the factor
  // falls below 0.001, when 300 iterations gain less than min(1 %, 1), or when the core bound
  // reaches the incumbent; it is then priced against all columns, and while the full bound
  // falls short of the core bound (the core missed columns) the next round goes on from the
  // re-priced core. The best multipliers are those with the best full bound.
  Phase subgradient_phase(std::vector<double> u) {
    Phase best;
    const double ub = control_.incumbent().cost;
    const double scale = std::max(std::abs(ub), 1.0);
    double lambda = 2.0;
    int period = 10;
    for (int round = 0; round < 20 && !control_.stop(); ++round) {
      double core_best = -kInfinity;
      std::vector<double> core_best_u = u;
      double checkpoint = -kInfinity;
      int stall = 0;
      int next_pricing = period;
      for (int k = 1; k <= 5000; ++k) {
        if ((k & 15) == 0 && control_.stop()) {
          break;
        }
        const double bound = evaluate_core(u);
        if (bound > core_best + 1e-9) {
          core_best = bound;
          core_best_u = u;
          stall = 0;
        } else if (++stall >= 30) {
          lambda /= 2;
          stall = 0;
        }
        if (k % 300 == 0) {
          if (core_best - checkpoint < std::min(0.01 * std::abs(core_best), 1.0)) {
            break;
          }
          checkpoint = core_best;
        }
        if (core_best >= ub - closing_gap() || lambda < 1e-3 || !step(u, bound, lambda)) {
          break;
        }
        if (k == next_pricing) {
          const double full = price(u);
          keep(best, full, u);
          const double gap = evaluate_core(u) - full;
          period = gap <= 1e-6 * scale ? std::min(period * 2, 200) : 10;
          next_pricing = k + period;
        }
      }
      const double full = price(core_best_u);
      keep(best, full, core_best_u);
      if (core_best - full <= 1e-6 * scale) {
        break;  // the core held every column that matters at these multipliers
      }
      u = core_best_u;
      lambda = std::max(lambda, 0.1);
    }
    if (best.u.empty()) {
      best.u = u;
      best.bound = price(u);
    }
    return best;
  }

  // Keeps (bound, u) if it beats `best`; bounds of the whole problem go to control.
  void keep(Phase& best, double bound, const std::vector<double>& u) {
    if (bound > best.bound) {
      best.bound = bound;
      best.u = u;
    }
    if (global()) {
      control_.offer_bound(bound);
      if (bound > best_global_bound_) {
        best_global_bound_ = bound;
        best_global_u_ = u;
      }
    }
  }

  [[nodiscard]] bool global() const { return heuristic_fixed_ == 0; }

  // 250 subgradient iterations from `u`, every fifth followed by the greedy on its multipliers
  // (CFT run it after each; with the local search to follow, a fifth of that finds as much).
  void heuristic_phase(std::vector<double> u) {
    double lambda = 0.1;
    double window_max = -kInfinity;
    double window_min = kInfinity;
    for (int k = 1; k <= 250; ++k) {
      if (control_.stop()) {
        return;
      }
      const double bound = evaluate_core(u);
      window_max = std::max(window_max, bound);
      window_min = std::min(window_min, bound);
      if (k % 20 == 0) {
        const double spread = (window_max - window_min) / std::max(std::abs(window_max), 1e-9);
        lambda = spread > 0.01 ? lambda / 2 : spread < 0.001 ? lambda * 1.5 : lambda;
        window_max = -kInfinity;
        window_min = kInfinity;
      }
      if (k % kGreedyEvery == 0) {
        greedy(u, nullptr);
      }
      if (!step(u, bound, lambda)) {
        return;
      }
    }
  }

  // ---- solutions -------------------------------------------------------------------------

  // CFT's greedy on Lagrangian costs: take the core column minimising gamma / mu (gamma > 0) or
  // gamma * mu (gamma <= 0), where mu counts the rows it covers that are still short and gamma
  // is its cost less their multipliers. Scores only rise as rows fill, so stale heap entries are
  // lower bounds. Offers the solution; `order` receives the columns in the order taken.
  void greedy(const std::vector<double>& u, std::vector<Index>* order) {
    std::vector<int> left(need_);
    long long short_total = 0;
    for (const int n : left) {
      short_total += n;
    }
    std::vector<double> gamma(core_.size());
    std::vector<int> mu(core_.size(), 0);
    using Entry = std::pair<double, Index>;  // score, core position
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    auto score = [&](std::size_t k) { return gamma[k] > 0 ? gamma[k] / mu[k] : gamma[k] * mu[k]; };
    for (std::size_t k = 0; k < core_.size(); ++k) {
      gamma[k] = p_.cost(core_[k]);
      for (const Index i : p_.rows_of(core_[k])) {
        if (left[i] > 0) {
          gamma[k] -= u[i];
          ++mu[k];
        }
      }
      if (mu[k] > 0) {
        heap.emplace(score(k), static_cast<Index>(k));
      }
    }
    std::vector<Index> chosen(fixed_list_);
    std::vector<char> taken(core_.size(), 0);
    while (short_total > 0 && !heap.empty()) {
      const auto [stored, k] = heap.top();
      heap.pop();
      if (taken[k] != 0 || mu[k] == 0) {
        continue;
      }
      if (const double now = score(k); now > stored) {
        heap.emplace(now, k);
        continue;
      }
      taken[k] = 1;
      chosen.push_back(core_[k]);
      if (order != nullptr) {
        order->push_back(core_[k]);
      }
      for (const Index i : p_.rows_of(core_[k])) {
        if (left[i] == 0) {
          continue;
        }
        --short_total;
        if (--left[i] == 0) {
          for (auto t = core_row_start_[i]; t < core_row_start_[i + 1]; ++t) {
            const Index other = core_row_columns_[t];
            gamma[other] += u[i];
            --mu[other];
          }
        }
      }
    }
    complete(chosen, left);
    double cost = 0;
    std::vector<Index> solution = completion_(std::move(chosen), cost);
    control_.offer(std::move(solution), cost);
  }

  // Covers rows the core could not, with the plain cost-per-row greedy over all columns.
  void complete(std::vector<Index>& chosen, std::vector<int>& left) {
    if (std::all_of(left.begin(), left.end(), [](int n) { return n == 0; })) {
      return;
    }
    std::vector<char> in(static_cast<std::size_t>(n_), 0);
    for (const Index j : chosen) {
      in[j] = 1;
    }
    for (Index i = 0; i < m_; ++i) {
      while (left[i] > 0) {
        Index best = -1;
        double best_score = kInfinity;
        for (const Index j : p_.columns_of(i)) {
          if (in[j] != 0) {
            continue;
          }
          int gain = 0;
          for (const Index r : p_.rows_of(j)) {
            gain += left[r] > 0 ? 1 : 0;
          }
          const double s = p_.cost(j) / gain;
          if (s < best_score) {
            best_score = s;
            best = j;
          }
        }
        if (best < 0) {
          break;  // cannot happen for a feasible problem
        }
        in[best] = 1;
        chosen.push_back(best);
        for (const Index r : p_.rows_of(best)) {
          left[r] = std::max(0, left[r] - 1);
        }
      }
    }
  }

  // ---- the three phases ----------------------------------------------------------------

  void three_phase(std::vector<double> u) {
    while (!control_.stop() && !control_.closed()) {
      for (Index i = 0; i < m_; ++i) {
        u[i] = need_[i] > 0 ? u[i] : 0.0;
      }
      price(u);
      const Phase phase = subgradient_phase(u);
      if (phase.bound >= control_.incumbent().cost - closing_gap()) {
        return;  // this residual problem holds nothing better
      }
      heuristic_phase(phase.u);
      // Fix the first columns the greedy takes on the best multipliers, then go on with the rest.
      std::vector<Index> order;
      greedy(phase.u, &order);
      int active = 0;
      for (Index i = 0; i < m_; ++i) {
        active += need_[i] > 0 ? 1 : 0;
      }
      const auto count = static_cast<std::size_t>(std::max(1, active / fixing_divisor_));
      for (std::size_t t = 0; t < std::min(count, order.size()); ++t) {
        fix(order[t]);
      }
      if (!any_need()) {
        return;
      }
      u = phase.u;
    }
  }

  const Problem& p_;
  Control& control_;
  std::mt19937_64& random_;
  Index m_;
  Index n_;
  std::vector<int> demand_;
  std::vector<char> forced_;
  std::vector<char> fixed_;
  std::vector<Index> fixed_list_;
  double fixed_cost_ = 0;
  int heuristic_fixed_ = 0;
  int fixing_divisor_ = kFixingDivisor;  // each round fixes the active rows / this many columns
  std::vector<int> need_;
  std::vector<double> rc_;
  std::vector<char> in_core_;
  std::vector<Index> core_;
  std::vector<std::int64_t> core_row_start_;
  std::vector<Index> core_row_columns_;
  std::vector<double> subgradient_;
  Completion completion_;
  double best_global_bound_ = -kInfinity;
  std::vector<double> best_global_u_;
};

}  // namespace

std::vector<double> lagrangian_heuristic(const Problem& problem, const Analysis& analysis,
                                         Control& control, std::mt19937_64& random, Effort effort) {
  Cft cft(problem, analysis, control, random);
  cft.run(effort);
  return cft.multipliers();
}

}  // namespace teamwright::cover::detail
