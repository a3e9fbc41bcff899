// The constrained relaxation, its node search and the heuristic and branch-and-bound built on
// them (see constrained.hpp).

#include "cover/constrained.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

#include "cover/tree.hpp"

namespace teamwright::cover::detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-9;
// Subgradient at a node, as in exact.cpp: the step factor halves after this many iterations
// without a better bound, and the node stops below this factor.
constexpr int kStall = 20;
constexpr double kMinLambda = 1e-4;
constexpr double kDeflection = 1.5;
// The branch-and-bound takes the open node of least bound every so many nodes (measured on the
// team benchmark: often enough to escape a poor subtree, rare enough to stay depth first).
constexpr int kBestBoundEvery = 50;
// Local search: the columns of lowest reduced cost it may bring in, and its passes.
constexpr std::size_t kCandidates = 200;
constexpr int kPasses = 200;

double at(std::span<const double> coefficients, std::size_t k) {
  return coefficients.empty() ? 1.0 : coefficients[k];
}

bool above(double value, double limit) {
  return value > limit + kTolerance * std::max(1.0, std::abs(limit));
}

// The problem as the searches see it, shared read-only by the workers.
struct Prepared {
  Prepared(const Problem& problem, const Analysis& analysis)
      : p(problem),
        a(analysis),
        m(problem.num_rows()),
        n(problem.num_columns()),
        penalty(static_cast<std::size_t>(m), kInfinity),
        smallest(static_cast<std::size_t>(m), 0.0),
        budget(analysis.limits.budget),
        min_size(analysis.limits.min_size),
        max_size(analysis.limits.max_size),
        offset(analysis.unavoidable_penalty) {
    for (Index i = 0; i < m; ++i) {
      if (p.is_soft(i)) {
        penalty[i] = *p.penalty(i);
      }
      if (p.is_robust(i)) {
        double least = kInfinity;
        const auto columns = p.columns_of(i);
        const auto coefficients = p.coefficients_in(i);
        for (std::size_t k = 0; k < columns.size(); ++k) {
          if (a.usable[columns[k]] != 0) {
            least = std::min(least, at(coefficients, k));
          }
        }
        smallest[i] = std::isfinite(least) ? least : 0.0;
      }
    }
    // Usable columns by group (an ungrouped column is a group of its own), and a ceiling: no
    // solution costs more than every group's dearest column plus every soft row left empty.
    ceiling = offset;
    for (Index g = 0; g < p.num_groups(); ++g) {
      add_group(p.group(g));
    }
    for (Index j = 0; j < n; ++j) {
      if (p.group_of(j) < 0) {
        const std::array<Index, 1> alone{j};
        add_group(alone);
      }
    }
    for (Index i = 0; i < m; ++i) {
      if (p.is_soft(i)) {
        ceiling += penalty[i] * a.capacity[i];
      }
    }
    if (budget && *budget > 0) {
      // The budget row in units of a usable column's mean weight, as a covering row counts
      // columns: its subgradient and multiplier then take steps of the rows' own size.
      double total = 0;
      int weighing = 0;
      for (Index j = 0; j < n; ++j) {
        if (a.usable[j] != 0 && p.weight(j) > 0) {
          total += p.weight(j);
          ++weighing;
        }
      }
      use_budget = weighing > 0;
      weight_scale = use_budget ? weighing / total : 0.0;
    }
  }

  void add_group(std::span<const Index> columns) {
    double dearest = 0;
    const auto start = group_columns.size();
    for (const Index j : columns) {
      if (a.usable[j] != 0) {
        group_columns.push_back(j);
        dearest = std::max(dearest, p.cost(j));
      }
    }
    if (group_columns.size() > start) {
      group_start.push_back(static_cast<std::int64_t>(group_columns.size()));
      ceiling += dearest;
    }
  }

  [[nodiscard]] std::size_t groups() const { return group_start.size() - 1; }
  [[nodiscard]] std::span<const Index> group(std::size_t g) const {
    return std::span<const Index>(group_columns)
        .subspan(static_cast<std::size_t>(group_start[g]),
                 static_cast<std::size_t>(group_start[g + 1] - group_start[g]));
  }
  // Multipliers: one per row, then the budget, the maximum and the minimum size.
  [[nodiscard]] std::size_t multipliers() const { return static_cast<std::size_t>(m) + 3; }

  const Problem& p;
  const Analysis& a;
  Index m;
  Index n;
  std::vector<double> penalty;   // per row: the soft penalty, infinity for a hard row
  std::vector<double> smallest;  // robust rows: the least usable coefficient
  std::vector<std::int64_t> group_start{0};
  std::vector<Index> group_columns;
  std::optional<double> budget;
  bool use_budget = false;
  double weight_scale = 0;  // per unit of weight: the budget row in mean column weights
  int min_size;
  std::optional<int> max_size;
  double offset;  // penalties every solution pays
  double ceiling = 0;
};

// A node's view of the problem after propagation, its relaxation and its completions.
class Search {
 public:
  Search(const Prepared& q, Tree& tree)
      : q_(q),
        p_(q.p),
        tree_(tree),
        need_(static_cast<std::size_t>(q.m), 0.0),
        sum_in_(static_cast<std::size_t>(q.m), 0.0),
        max_in_(static_cast<std::size_t>(q.m), 0.0),
        cap_(static_cast<std::size_t>(q.m), 0.0),
        best_(static_cast<std::size_t>(q.m), 0.0),
        groups_in_row_(static_cast<std::size_t>(q.m), 0),
        stamp_(static_cast<std::size_t>(q.m), -1),
        subgradient_(q.multipliers(), 0.0),
        direction_(q.multipliers(), 0.0),
        rc_(static_cast<std::size_t>(q.n), 0.0) {}

  [[nodiscard]] Node root(std::vector<double> multipliers) const {
    Node root;
    root.state.assign(static_cast<std::size_t>(q_.n), kOut);
    for (const Index j : q_.group_columns) {
      root.state[j] = kFree;
    }
    for (const Index j : q_.a.fixed) {
      root.state[j] = kIn;
    }
    root.u = multipliers.size() == q_.multipliers() ? std::move(multipliers)
                                                    : initial_multipliers(root.state);
    return root;
  }

  // Processes nodes until the tree says the search is over.
  void work(int worker) {
    Node node;
    while (tree_.take(worker, node)) {
      std::int64_t number = -1;
      if (node.bound < tree_.cutoff()) {
        number = tree_.number();
        process(node, number);
      }
      tree_.done(worker, children_, number);
    }
  }

  // Fixed cost, weight and size; needs, free groups and capacities per row; forces columns a
  // row or the minimum size cannot do without. False if the node holds no solution.
  bool propagate(std::vector<char>& state) {
    for (bool changed = true; changed;) {
      changed = false;
      if (!propagate_in(state)) {
        return false;
      }
      collect_free(state);
      for (Index i = 0; i < q_.m; ++i) {
        if (!p_.is_soft(i) && above(need_[i], cap_[i])) {
          return false;
        }
      }
      if (!force_rows(state, changed) || !force_size(state, changed)) {
        return false;
      }
    }
    return true;
  }

  // Subgradient on the node's relaxation (after propagate) from `u`, with step factor `lambda`
  // (left where it ended); leaves the best multipliers in `u` and the reduced costs at them in
  // rc_. Returns the best bound.
  double lagrangian(std::vector<double>& u, int iterations, double& lambda) {
    for (Index i = 0; i < q_.m; ++i) {
      if (need_[i] <= 0) {
        u[i] = 0;
      }
      u[i] = std::min(u[i], q_.penalty[i]);
    }
    const double cut = tree_.cutoff();
    double best = -kInfinity;
    std::vector<double> best_u = u;
    int stall = 0;
    for (int k = 0; k < iterations; ++k) {
      if ((k & 15) == 15 && tree_.stop()) {
        break;
      }
      const double bound = evaluate(u);
      if (bound > best + 1e-9) {
        best = bound;
        best_u = u;
        stall = 0;
      } else if (++stall >= kStall) {
        lambda /= 2;
        stall = 0;
      }
      if (best >= cut || lambda < kMinLambda) {
        break;
      }
      double norm = 0;
      for (std::size_t i = 0; i < u.size(); ++i) {
        const bool at_floor = u[i] <= 0 && subgradient_[i] < 0;
        const bool at_cap =
            i < static_cast<std::size_t>(q_.m) && u[i] >= q_.penalty[i] && subgradient_[i] > 0;
        if (at_floor || at_cap) {
          subgradient_[i] = 0;
        }
        norm += subgradient_[i] * subgradient_[i];
      }
      if (norm == 0) {
        break;  // the relaxation's solution meets every dualised constraint: the bound is exact
      }
      // The direction deflected by the previous one where they point against each other
      // (Camerini, Fratta and Maffioli, "On improving relaxation methods by modified gradient
      // techniques", Math. Programming Study 3, 1975): fewer zig-zags across the many nested
      // rows of robust requests.
      double along = 0;
      double previous = 0;
      for (std::size_t i = 0; i < u.size(); ++i) {
        along += subgradient_[i] * direction_[i];
        previous += direction_[i] * direction_[i];
      }
      const double beta = k > 0 && along < 0 && previous > 0 ? -kDeflection * along / previous : 0;
      norm = 0;
      for (std::size_t i = 0; i < u.size(); ++i) {
        direction_[i] = subgradient_[i] + beta * direction_[i];
        norm += direction_[i] * direction_[i];
      }
      const double target = cut < kInfinity ? cut + 1e-6 : std::abs(bound) * 1.1 + 1;
      const double t = lambda * std::max(target - bound, 1e-6) / norm;
      for (std::size_t i = 0; i < u.size(); ++i) {
        u[i] = std::max(0.0, u[i] + t * direction_[i]);
        if (i < static_cast<std::size_t>(q_.m)) {
          u[i] = std::min(u[i], q_.penalty[i]);
        }
      }
    }
    u = best_u;
    evaluate(u);  // the reduced costs at the best multipliers
    return best;
  }

  // Completes the node with the greedy ranked by reduced costs (after `lagrangian`) and offers
  // the solution.
  void complete(const std::vector<char>& state) {
    flags_.assign(static_cast<std::size_t>(q_.n), 0);
    prices_.assign(static_cast<std::size_t>(q_.n), 0.0);
    for (Index j = 0; j < q_.n; ++j) {
      flags_[j] = static_cast<char>(state[j] != kOut ? 1 : 0);
      prices_[j] = std::max(rc_[j], 0.0) + 1e-3 * (p_.cost(j) + 1e-3);
    }
    const GreedyStart start{&flags_, in_, &prices_};
    Solution s = greedy(p_, q_.a, start);
    if (s.status == Status::kFeasible || s.status == Status::kOptimal) {
      improve(s.columns, s.cost);
      tree_.offer(std::move(s.columns), s.cost);
    }
  }

  // First-improvement local search over drop, add, swap and group moves, the columns brought in
  // drawn from the lowest reduced costs (after `lagrangian`) and the groups of the chosen ones.
  void improve(std::vector<Index>& columns, double& cost);

  [[nodiscard]] const std::vector<Index>& in() const { return in_; }

 private:
  [[nodiscard]] std::vector<double> initial_multipliers(const std::vector<char>& state) const {
    std::vector<double> u(q_.multipliers(), 0.0);
    for (Index i = 0; i < q_.m; ++i) {
      double best = kInfinity;
      const auto columns = p_.columns_of(i);
      const auto coefficients = p_.coefficients_in(i);
      for (std::size_t k = 0; k < columns.size(); ++k) {
        if (state[columns[k]] == kFree) {
          best = std::min(
              best, p_.cost(columns[k]) /
                        (at(coefficients, k) * static_cast<double>(p_.rows_of(columns[k]).size())));
        }
      }
      u[i] = std::min(best < kInfinity ? best : 0.0, q_.penalty[i]);
    }
    return u;
  }

  [[nodiscard]] bool fits(Index j) const {
    return (!q_.budget || within(fixed_weight_ + p_.weight(j), *q_.budget)) &&
           (!q_.max_size || !p_.counts_toward_size(j) || fixed_size_ < *q_.max_size);
  }

  // The columns in: their cost, weight and size; their conflicts and group mates out; each
  // row's need.
  bool propagate_in(std::vector<char>& state) {
    in_.clear();
    for (Index j = 0; j < q_.n; ++j) {
      if (state[j] == kIn) {
        in_.push_back(j);
      }
    }
    fixed_cost_ = 0;
    fixed_weight_ = 0;
    fixed_size_ = 0;
    std::fill(sum_in_.begin(), sum_in_.end(), 0.0);
    std::fill(max_in_.begin(), max_in_.end(), 0.0);
    for (const Index j : in_) {
      fixed_cost_ += p_.cost(j);
      fixed_weight_ += p_.weight(j);
      fixed_size_ += p_.counts_toward_size(j) ? 1 : 0;
      for (const Index other : p_.conflicts_of(j)) {
        if (state[other] == kIn) {
          return false;
        }
        state[other] = kOut;
      }
      if (const Index g = p_.group_of(j); g >= 0) {
        for (const Index other : p_.group(g)) {
          if (other != j) {
            if (state[other] == kIn) {
              return false;
            }
            state[other] = kOut;
          }
        }
      }
      const auto rows = p_.rows_of(j);
      const auto coefficients = p_.coefficients_of(j);
      for (std::size_t k = 0; k < rows.size(); ++k) {
        sum_in_[rows[k]] += at(coefficients, k);
        max_in_[rows[k]] = std::max(max_in_[rows[k]], at(coefficients, k));
      }
    }
    if ((q_.budget && !within(fixed_weight_, *q_.budget)) ||
        (q_.max_size && fixed_size_ > *q_.max_size)) {
      return false;
    }
    for (Index i = 0; i < q_.m; ++i) {
      const double target = q_.a.capacity[i];
      double need = 0;
      if (target > kTolerance) {
        need = target - sum_in_[i];
        if (p_.is_robust(i)) {
          need += std::max(q_.smallest[i], max_in_[i]);
        }
      }
      need_[i] = need > kTolerance * std::max(1.0, target) ? need : 0.0;
    }
    return true;
  }

  // The free columns by group (dropping those the limits no longer hold), and per row the
  // capacity of the free groups (each its best coefficient) and their number.
  void collect_free(std::vector<char>& state) {
    free_.clear();
    ranges_.clear();
    std::fill(cap_.begin(), cap_.end(), 0.0);
    std::fill(groups_in_row_.begin(), groups_in_row_.end(), 0);
    for (std::size_t g = 0; g < q_.groups(); ++g) {
      const std::size_t begin = free_.size();
      for (const Index j : q_.group(g)) {
        if (state[j] != kFree) {
          continue;
        }
        if (!fits(j)) {
          state[j] = kOut;
          continue;
        }
        free_.push_back(j);
      }
      if (free_.size() == begin) {
        continue;
      }
      ranges_.emplace_back(begin, free_.size());
      for_each_best(ranges_.back(), [&](Index i, double best) {
        cap_[i] += best;
        ++groups_in_row_[i];
      });
    }
  }

  // Calls `use(row, best)` for each row the group's free columns cover, with their best
  // coefficient in it.
  template <class Use>
  void for_each_best(std::pair<std::size_t, std::size_t> range, Use use) {
    ++epoch_;
    touched_.clear();
    for (std::size_t t = range.first; t < range.second; ++t) {
      const Index j = free_[t];
      const auto rows = p_.rows_of(j);
      const auto coefficients = p_.coefficients_of(j);
      for (std::size_t k = 0; k < rows.size(); ++k) {
        const Index i = rows[k];
        if (stamp_[i] != epoch_) {
          stamp_[i] = epoch_;
          best_[i] = at(coefficients, k);
          touched_.push_back(i);
        } else {
          best_[i] = std::max(best_[i], at(coefficients, k));
        }
      }
    }
    for (const Index i : touched_) {
      use(i, best_[i]);
    }
  }

  // A hard row that cannot be met without a group's contribution needs one of the group's
  // columns covering it; when only one does, it is forced in.
  bool force_rows(std::vector<char>& state, bool& changed) {
    for (const auto& range : ranges_) {
      Index forced = -1;
      for_each_best(range, [&](Index i, double best) {
        if (forced >= 0 || p_.is_soft(i) || need_[i] <= 0 || !above(need_[i], cap_[i] - best)) {
          return;
        }
        Index only = -1;
        int covering = 0;
        for (std::size_t t = range.first; t < range.second; ++t) {
          if (p_.coefficient(free_[t], i) > 0) {
            only = free_[t];
            ++covering;
          }
        }
        if (covering == 1) {
          forced = only;
        }
      });
      if (forced >= 0 && state[forced] == kFree) {
        state[forced] = kIn;
        changed = true;
      }
    }
    return true;
  }

  // The minimum size needs a size-counting column from as many free groups as it still lacks.
  bool force_size(std::vector<char>& state, bool& changed) {
    const int missing = q_.min_size - fixed_size_;
    if (missing <= 0) {
      return true;
    }
    int counting = 0;
    for (const auto& [begin, end] : ranges_) {
      const bool counts = std::any_of(free_.begin() + static_cast<std::ptrdiff_t>(begin),
                                      free_.begin() + static_cast<std::ptrdiff_t>(end),
                                      [&](Index j) { return p_.counts_toward_size(j); });
      counting += counts ? 1 : 0;
    }
    if (counting < missing) {
      return false;
    }
    if (counting == missing) {
      for (const auto& [begin, end] : ranges_) {
        Index only = -1;
        int counts = 0;
        for (std::size_t t = begin; t < end; ++t) {
          if (p_.counts_toward_size(free_[t])) {
            only = free_[t];
            ++counts;
          }
        }
        if (counts == 1 && state[only] == kFree) {
          state[only] = kIn;
          changed = true;
        }
      }
    }
    return true;
  }

  // The relaxation at `u` (after propagate): its value, its subgradient in subgradient_, and
  // every free column's reduced cost in rc_.
  double evaluate(const std::vector<double>& u) {
    const auto m = static_cast<std::size_t>(q_.m);
    const double mu = q_.use_budget ? u[m] : 0.0;
    const double up = q_.max_size ? u[m + 1] : 0.0;
    const double down = q_.min_size > 0 ? u[m + 2] : 0.0;
    double value = q_.offset + fixed_cost_;
    for (std::size_t i = 0; i < m; ++i) {
      value += u[i] * need_[i];
      subgradient_[i] = need_[i];
    }
    double& g_budget = subgradient_[m];
    double& g_up = subgradient_[m + 1];
    double& g_down = subgradient_[m + 2];
    g_budget = q_.use_budget ? (fixed_weight_ - *q_.budget) * q_.weight_scale : 0.0;
    g_up = q_.max_size ? fixed_size_ - *q_.max_size : 0.0;
    g_down = q_.min_size > 0 ? q_.min_size - fixed_size_ : 0.0;
    value += mu * g_budget + up * g_up + down * g_down;
    for (const auto& [begin, end] : ranges_) {
      double best = 0;
      Index chosen = -1;
      for (std::size_t t = begin; t < end; ++t) {
        const Index j = free_[t];
        const double size = p_.counts_toward_size(j) ? 1.0 : 0.0;
        double rc = p_.cost(j) + mu * p_.weight(j) * q_.weight_scale + (up - down) * size;
        const auto rows = p_.rows_of(j);
        const auto coefficients = p_.coefficients_of(j);
        for (std::size_t k = 0; k < rows.size(); ++k) {
          rc -= u[rows[k]] * at(coefficients, k);
        }
        rc_[j] = rc;
        if (rc < best) {
          best = rc;
          chosen = j;
        }
      }
      if (chosen < 0) {
        continue;
      }
      value += best;
      const auto rows = p_.rows_of(chosen);
      const auto coefficients = p_.coefficients_of(chosen);
      for (std::size_t k = 0; k < rows.size(); ++k) {
        subgradient_[rows[k]] -= at(coefficients, k);
      }
      const double size = p_.counts_toward_size(chosen) ? 1.0 : 0.0;
      g_budget += q_.use_budget ? p_.weight(chosen) * q_.weight_scale : 0.0;
      g_up += q_.max_size ? size : 0.0;
      g_down -= q_.min_size > 0 ? size : 0.0;
    }
    return value;
  }

  // Offers the columns in when they already meet every hard row and the minimum size.
  void offer_in() {
    if (fixed_size_ < q_.min_size) {
      return;
    }
    for (Index i = 0; i < q_.m; ++i) {
      if (!p_.is_soft(i) && need_[i] > 0) {
        return;
      }
    }
    tree_.offer(in_, objective(p_, in_));
  }

  // Reduced-cost fixing per group against the cutoff; returns whether it fixed a column.
  bool fix_by_reduced_costs(std::vector<char>& state, double bound) {
    const double cut = tree_.cutoff();
    if (!(cut < kInfinity)) {
      return false;
    }
    bool fixed = false;
    for (const auto& [begin, end] : ranges_) {
      double first = 0;
      double second = 0;
      Index best = -1;
      for (std::size_t t = begin; t < end; ++t) {
        const double rc = rc_[free_[t]];
        if (rc < first) {
          second = first;
          first = rc;
          best = free_[t];
        } else if (rc < second) {
          second = rc;
        }
      }
      for (std::size_t t = begin; t < end; ++t) {
        const Index j = free_[t];
        if (bound - first + rc_[j] >= cut) {
          state[j] = kOut;  // with j in, the relaxation cannot beat the incumbent
          fixed = true;
        }
      }
      if (best >= 0 && state[best] == kFree && bound - first + second >= cut) {
        state[best] = kIn;  // without it neither
        fixed = true;
      }
    }
    return fixed;
  }

  void process(Node& node, std::int64_t number) {
    if (!propagate(node.state)) {
      return;
    }
    const bool root = number == 0;
    double lambda = root ? 2.0 : 0.5;
    const double relaxed = lagrangian(node.u, root ? 1000 : 150, lambda);
    const double bound = std::max(relaxed, node.bound);
    if (bound >= tree_.cutoff()) {
      return;
    }
    offer_in();
    if (root || number % 16 == 0) {
      complete(node.state);
      if (bound >= tree_.cutoff()) {
        return;
      }
    }
    // The reduced costs belong to the relaxation's own value, not to an inherited bound.
    if (fix_by_reduced_costs(node.state, relaxed) && !propagate(node.state)) {
      return;
    }
    // The hard row with fewest free groups, then the soft row with most penalty at stake, then
    // the minimum size: branch on which of the free columns that help comes first.
    Index row = -1;
    for (Index i = 0; i < q_.m; ++i) {
      if (!p_.is_soft(i) && need_[i] > 0 &&
          (row < 0 || groups_in_row_[i] < groups_in_row_[row] ||
           (groups_in_row_[i] == groups_in_row_[row] && node.u[i] > node.u[row]))) {
        row = i;
      }
    }
    bool soft = false;
    if (row < 0) {
      for (Index i = 0; i < q_.m; ++i) {
        if (p_.is_soft(i) && need_[i] > 0 && groups_in_row_[i] > 0 && q_.penalty[i] > 0 &&
            (row < 0 || q_.penalty[i] * need_[i] > q_.penalty[row] * need_[row])) {
          row = i;
        }
      }
      soft = row >= 0;
    }
    std::vector<Index> columns;
    if (row >= 0) {
      for (const Index j : p_.columns_of(row)) {
        if (node.state[j] == kFree) {
          columns.push_back(j);
        }
      }
    } else if (fixed_size_ < q_.min_size) {
      for (const Index j : free_) {
        if (node.state[j] == kFree && p_.counts_toward_size(j)) {
          columns.push_back(j);
        }
      }
    } else {
      offer_in();  // every row is met or beyond help: the columns in are the subtree's best
      return;
    }
    branch(node, std::move(columns), bound, soft);
  }

  // Children: column k in, the columns before it (by reduced cost) out, the first child
  // explored first; with `none`, last of all the child with all of them out.
  void branch(const Node& node, std::vector<Index> columns, double bound, bool none) {
    std::sort(columns.begin(), columns.end(),
              [&](Index a, Index b) { return rc_[a] != rc_[b] ? rc_[a] < rc_[b] : a < b; });
    if (none) {
      Node child{node.state, node.u, bound};
      for (const Index j : columns) {
        child.state[j] = kOut;
      }
      children_.push_back(std::move(child));
    }
    for (std::size_t k = columns.size(); k-- > 0;) {
      Node child{node.state, node.u, bound};
      for (std::size_t t = 0; t < k; ++t) {
        child.state[columns[t]] = kOut;
      }
      child.state[columns[k]] = kIn;
      children_.push_back(std::move(child));
    }
  }

  const Prepared& q_;
  const Problem& p_;
  Tree& tree_;
  std::vector<Node> children_;
  std::vector<Index> in_;
  std::vector<Index> free_;                                  // by group
  std::vector<std::pair<std::size_t, std::size_t>> ranges_;  // each free group in free_
  double fixed_cost_ = 0;
  double fixed_weight_ = 0;
  int fixed_size_ = 0;
  std::vector<double> need_;
  std::vector<double> sum_in_;
  std::vector<double> max_in_;
  std::vector<double> cap_;
  std::vector<double> best_;
  std::vector<int> groups_in_row_;
  std::vector<std::int64_t> stamp_;
  std::vector<Index> touched_;
  std::int64_t epoch_ = 0;
  std::vector<double> subgradient_;
  std::vector<double> direction_;
  std::vector<double> rc_;
  std::vector<char> flags_;
  std::vector<double> prices_;
};

// The state of a solution under local search: what each row receives, the limits' use, the
// groups' choices and the conflicts.
class Moves {
 public:
  Moves(const Prepared& q, const std::vector<Index>& columns)
      : q_(q),
        p_(q.p),
        chosen_(static_cast<std::size_t>(q.n), 0),
        sum_(static_cast<std::size_t>(q.m), 0.0),
        blocked_(static_cast<std::size_t>(q.n), 0),
        group_choice_(static_cast<std::size_t>(q.p.num_groups()), -1) {
    for (const Index j : columns) {
      apply(j, +1);
    }
  }

  [[nodiscard]] bool chosen(Index j) const { return chosen_[j] != 0; }

  // The change of objective of moving `out` out and `in` in (either may be -1), or nothing
  // when the move breaks a constraint.
  [[nodiscard]] std::optional<double> delta(Index out, Index in) {
    if ((out >= 0 && p_.is_fixed(out)) || (in >= 0 && !admissible(out, in))) {
      return std::nullopt;
    }
    const double weight =
        weight_ - (out >= 0 ? p_.weight(out) : 0.0) + (in >= 0 ? p_.weight(in) : 0.0);
    const int size = size_ - (out >= 0 && p_.counts_toward_size(out) ? 1 : 0) +
                     (in >= 0 && p_.counts_toward_size(in) ? 1 : 0);
    if ((q_.budget && !within(weight, *q_.budget)) || (q_.max_size && size > *q_.max_size) ||
        size < q_.min_size) {
      return std::nullopt;
    }
    double change = (in >= 0 ? p_.cost(in) : 0.0) - (out >= 0 ? p_.cost(out) : 0.0);
    if (out >= 0) {
      chosen_[out] = 0;
    }
    if (in >= 0) {
      chosen_[in] = 1;
    }
    bool ok = true;
    for_each_change(out, in, [&](Index i, double d) {
      const double target = q_.a.capacity[i];
      const bool robust = p_.is_robust(i);
      const double before = robust ? robust_sum(i, out, in, false) : sum_[i];
      const double after = robust ? robust_sum(i, out, in, true) : sum_[i] + d;
      if (p_.is_soft(i)) {
        change += q_.penalty[i] * (std::max(0.0, target - after) - std::max(0.0, target - before));
      } else if (after < target - kTolerance * std::max(1.0, target)) {
        ok = false;
      }
    });
    if (out >= 0) {
      chosen_[out] = 1;
    }
    if (in >= 0) {
      chosen_[in] = 0;
    }
    if (!ok) {
      return std::nullopt;
    }
    return change;
  }

  void move(Index out, Index in) {
    if (out >= 0) {
      apply(out, -1);
    }
    if (in >= 0) {
      apply(in, +1);
    }
  }

  [[nodiscard]] std::vector<Index> columns() const {
    std::vector<Index> out;
    for (Index j = 0; j < q_.n; ++j) {
      if (chosen_[j] != 0) {
        out.push_back(j);
      }
    }
    return out;
  }

 private:
  // Whether `in` may join once `out` leaves: usable, not chosen, its group free, no conflict.
  [[nodiscard]] bool admissible(Index out, Index in) const {
    if (q_.a.usable[in] == 0 || chosen_[in] != 0) {
      return false;
    }
    const Index g = p_.group_of(in);
    if (g >= 0 && group_choice_[g] >= 0 && group_choice_[g] != out) {
      return false;
    }
    int conflicts = blocked_[in];
    if (out >= 0) {
      const auto c = p_.conflicts_of(out);
      conflicts -= std::binary_search(c.begin(), c.end(), in) ? 1 : 0;
    }
    return conflicts == 0;
  }

  // Calls `use(row, change)` for every row `out` or `in` covers, with the change in its sum.
  template <class Use>
  void for_each_change(Index out, Index in, Use use) const {
    const auto rows_in = in >= 0 ? p_.rows_of(in) : std::span<const Index>();
    const auto rows_out = out >= 0 ? p_.rows_of(out) : std::span<const Index>();
    const auto a_in = in >= 0 ? p_.coefficients_of(in) : std::span<const double>();
    const auto a_out = out >= 0 ? p_.coefficients_of(out) : std::span<const double>();
    std::size_t x = 0;
    std::size_t y = 0;
    constexpr Index kEnd = std::numeric_limits<Index>::max();
    while (x < rows_in.size() || y < rows_out.size()) {
      const Index rx = x < rows_in.size() ? rows_in[x] : kEnd;
      const Index ry = y < rows_out.size() ? rows_out[y] : kEnd;
      const Index row = std::min(rx, ry);
      double d = 0;
      if (rx == row) {
        d += at(a_in, x++);
      }
      if (ry == row) {
        d -= at(a_out, y++);
      }
      use(row, d);
    }
  }

  // A robust row's measure before or after the move, from the row's chosen columns.
  [[nodiscard]] double robust_sum(Index i, Index out, Index in, bool after) const {
    const auto columns = p_.columns_of(i);
    const auto coefficients = p_.coefficients_in(i);
    double sum = 0;
    double largest = 0;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const Index j = columns[k];
      const bool on = after ? chosen_[j] != 0 : (j == out || (j != in && chosen_[j] != 0));
      if (on) {
        sum += at(coefficients, k);
        largest = std::max(largest, at(coefficients, k));
      }
    }
    return sum - largest;
  }

  void apply(Index j, int sign) {
    chosen_[j] = static_cast<char>(sign > 0 ? 1 : 0);
    const auto rows = p_.rows_of(j);
    const auto coefficients = p_.coefficients_of(j);
    for (std::size_t k = 0; k < rows.size(); ++k) {
      sum_[rows[k]] += sign * at(coefficients, k);
    }
    for (const Index other : p_.conflicts_of(j)) {
      blocked_[other] += sign;
    }
    if (const Index g = p_.group_of(j); g >= 0) {
      group_choice_[g] = sign > 0 ? j : -1;
    }
    weight_ += sign * p_.weight(j);
    size_ += sign * (p_.counts_toward_size(j) ? 1 : 0);
  }

  const Prepared& q_;
  const Problem& p_;
  std::vector<char> chosen_;
  std::vector<double> sum_;
  std::vector<int> blocked_;
  std::vector<Index> group_choice_;
  double weight_ = 0;
  int size_ = 0;
};

void Search::improve(std::vector<Index>& columns, double& cost) {
  // Candidates to bring in: the free columns of lowest reduced cost and the chosen columns'
  // group mates.
  std::vector<Index> candidates;
  for (const Index j : free_) {
    candidates.push_back(j);
  }
  const auto k = std::min(candidates.size(), kCandidates);
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(k),
                    candidates.end(),
                    [&](Index a, Index b) { return rc_[a] != rc_[b] ? rc_[a] < rc_[b] : a < b; });
  candidates.resize(k);
  for (const Index j : columns) {
    if (const Index g = p_.group_of(j); g >= 0) {
      for (const Index mate : p_.group(g)) {
        candidates.push_back(mate);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  Moves moves(q_, columns);
  for (int pass = 0; pass < kPasses && !tree_.stop(); ++pass) {
    bool improved = false;
    std::vector<Index> current = moves.columns();
    current.push_back(-1);
    for (const Index out : current) {
      for (std::size_t c = 0; c <= candidates.size() && !improved; ++c) {
        const Index in = c < candidates.size() ? candidates[c] : -1;
        if (in == out || (in >= 0 && moves.chosen(in))) {
          continue;
        }
        const auto change = moves.delta(out, in);
        if (change && *change < -1e-9 * std::max(1.0, std::abs(cost))) {
          moves.move(out, in);
          improved = true;
        }
      }
      if (improved) {
        break;
      }
    }
    if (!improved) {
      break;
    }
  }
  columns = moves.columns();
  cost = objective(p_, columns);
}

}  // namespace

std::vector<double> constrained_heuristic(const Problem& problem, const Analysis& analysis,
                                          Control& control, std::mt19937_64& random,
                                          bool until_stopped) {
  const Prepared q(problem, analysis);
  Tree tree(control, 1, q.ceiling);
  Search search(q, tree);
  Node root = search.root({});
  if (!search.propagate(root.state)) {
    return {};  // no solution: the exact search proves it
  }
  double unit = 1.0;
  (void)search.lagrangian(root.u, 1, unit);  // reduced costs to rank the local search's moves
  if (control.incumbent().exists()) {
    // The local search from the solution found so far.
    std::vector<Index> columns = control.incumbent().columns;
    double cost = control.incumbent().cost;
    search.improve(columns, cost);
    tree.offer(std::move(columns), cost);
  }
  // Subgradient in rounds, each ending with a Lagrangian greedy; every bound is global.
  std::vector<double> u = root.u;
  std::vector<double> best_u = u;
  double best_bound = -kInfinity;
  double lambda = 2.0;
  for (int round = 0; round < 20 && lambda >= kMinLambda && !tree.stop(); ++round) {
    const double bound = search.lagrangian(u, 50, lambda);
    if (bound > best_bound) {
      best_bound = bound;
      best_u = u;
      tree.offer_bound(bound);
    }
    search.complete(root.state);
    if (control.closed()) {
      return best_u;
    }
  }
  // Restarts from perturbed multipliers while time remains, to improve a solution found: without
  // one, the caller's tree search looks for one (or proves there is none) instead.
  std::uniform_real_distribution<double> factor(0.7, 1.3);
  while (until_stopped && control.incumbent().exists() && !tree.stop() && !control.closed()) {
    u = best_u;
    for (double& value : u) {
      value *= factor(random);
    }
    double step = kMinLambda;  // one evaluation: the reduced costs at the perturbed multipliers
    search.lagrangian(u, 1, step);
    search.complete(root.state);
  }
  return best_u;
}

bool constrained_branch_and_bound(const Problem& problem, const Analysis& analysis,
                                  Control& control, std::vector<double> multipliers, int threads) {
  const Prepared q(problem, analysis);
  Tree tree(control, threads, q.ceiling, kBestBoundEvery);
  {
    const Search search(q, tree);
    tree.push(search.root(std::move(multipliers)));
  }
  run_workers(tree, threads, [&](int worker) {
    Search search(q, tree);
    search.work(worker);
  });
  return tree.exhausted();
}

}  // namespace teamwright::cover::detail
