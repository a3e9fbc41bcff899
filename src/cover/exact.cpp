// Branch-and-bound for pure weighted set multicover (problem.hpp: unit coefficients, integral
// demands; fixed columns and a minimum size allowed). Problems with other side constraints go
// to the constrained branch-and-bound (constrained.hpp).
//
// Every node fixes columns in or out. Its bound is the Lagrangian relaxation of the rows left
// to meet, optimised by subgradient over all free columns (so it is valid) from the parent's
// multipliers. Rows whose free columns are all needed are propagated. Reduced-cost fixing removes
// the columns whose reduced cost alone lifts the bound past the incumbent (Beasley, "A Lagrangian
// heuristic for set-covering problems", Naval Research Logistics 37, 1990; Balas and Carrera, "A
// dynamic subgradient-based branch-and-bound procedure for set covering", Operations Research
// 44(6), 1996). Branching takes the short row with fewest free columns and partitions on which of
// them, by increasing reduced cost, is the first in the solution. Once every row is met, a minimum
// size not reached is completed with the cheapest free columns.

#include "cover/exact.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "cover/completion.hpp"
#include "cover/lagrangian.hpp"
#include "cover/tree.hpp"

namespace teamwright::cover::detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Subgradient at a node: the step factor halves after this many iterations without a better
// bound, and the node stops below this factor (measured on sets B and D: fewer iterations
// cost more nodes than they save).
constexpr int kStall = 20;
constexpr double kMinLambda = 1e-4;

class BranchAndBound {
 public:
  BranchAndBound(const Problem& p, const Analysis& a, Tree& tree)
      : p_(p),
        a_(a),
        tree_(tree),
        demand_(integral_demands(a)),
        completion_(p, demand_, forced(p, a), a.limits.min_size),
        need_(static_cast<std::size_t>(p.num_rows()), 0),
        free_count_(static_cast<std::size_t>(p.num_rows()), 0),
        subgradient_(static_cast<std::size_t>(p.num_rows()), 0.0),
        rc_(static_cast<std::size_t>(p.num_columns()), 0.0) {}

  static Node root(const Problem& p, const Analysis& a, std::vector<double> multipliers) {
    Node root;
    root.state.assign(static_cast<std::size_t>(p.num_columns()), kFree);
    for (Index j = 0; j < p.num_columns(); ++j) {
      root.state[j] = a.usable[j] == 0 ? kOut : kFree;
    }
    for (const Index j : a.fixed) {
      root.state[j] = kIn;
    }
    root.u = multipliers.empty() ? initial_multipliers(p, root.state) : std::move(multipliers);
    return root;
  }

  // Processes nodes until the tree says the search is over.
  void work(int worker) {
    Node node;
    while (tree_.take(worker, node)) {
      std::int64_t number = -1;
      if (node.bound < tree_.cutoff()) {  // else a better incumbent came since it was made
        number = tree_.number();
        process(node, number);
      }
      tree_.done(worker, children_, number);
    }
  }

 private:
  static std::vector<char> forced(const Problem& p, const Analysis& a) {
    std::vector<char> out(static_cast<std::size_t>(p.num_columns()), 0);
    for (const Index j : a.fixed) {
      out[j] = 1;
    }
    return out;
  }

  static std::vector<double> initial_multipliers(const Problem& p, const std::vector<char>& state) {
    std::vector<double> u(static_cast<std::size_t>(p.num_rows()), 0.0);
    for (Index i = 0; i < p.num_rows(); ++i) {
      double best = kInfinity;
      for (const Index j : p.columns_of(i)) {
        if (state[j] == kFree) {
          best = std::min(best, p.cost(j) / static_cast<double>(p.rows_of(j).size()));
        }
      }
      u[i] = best < kInfinity ? best : 0.0;
    }
    return u;
  }

  // Fixed cost and size; needs and free counts per row. False if the node is infeasible. Works
  // from the lists of free and fixed-in columns, so a node costs what is still open.
  bool propagate(std::vector<char>& state) {
    for (bool changed = true; changed;) {
      changed = false;
      in_.clear();
      free_.clear();
      for (Index j = 0; j < p_.num_columns(); ++j) {
        if (state[j] == kIn) {
          in_.push_back(j);
        } else if (state[j] == kFree) {
          free_.push_back(j);
        }
      }
      fixed_cost_ = 0;
      fixed_size_ = 0;
      for (const Index j : in_) {
        fixed_cost_ += p_.cost(j);
        fixed_size_ += p_.counts_toward_size(j) ? 1 : 0;
      }
      std::copy(demand_.begin(), demand_.end(), need_.begin());
      std::fill(free_count_.begin(), free_count_.end(), 0);
      for (const Index j : in_) {
        for (const Index i : p_.rows_of(j)) {
          --need_[i];
        }
      }
      for (const Index j : free_) {
        for (const Index i : p_.rows_of(j)) {
          ++free_count_[i];
        }
      }
      bool forced = false;
      for (Index i = 0; i < p_.num_rows(); ++i) {
        need_[i] = std::max(0, need_[i]);
        if (need_[i] > free_count_[i]) {
          return false;
        }
        forced = forced || (need_[i] > 0 && need_[i] == free_count_[i]);
      }
      if (forced) {
        // Every free column of a row whose need equals its free columns is needed.
        for (const Index j : free_) {
          const auto rows = p_.rows_of(j);
          if (std::any_of(rows.begin(), rows.end(),
                          [&](Index i) { return need_[i] > 0 && need_[i] == free_count_[i]; })) {
            state[j] = kIn;
            changed = true;
          }
        }
      }
    }
    return true;
  }

  // Subgradient on the node's relaxation over its free columns (after propagate); leaves the
  // best multipliers in `u` and the reduced costs at them in rc_. Returns the best bound.
  double lagrangian_bound(std::vector<double>& u, int iterations, double lambda) {
    const std::vector<Index>& free_columns = free_;
    for (Index i = 0; i < p_.num_rows(); ++i) {
      if (need_[i] == 0) {
        u[i] = 0;
      }
    }
    const double cut = tree_.cutoff();
    double best = -kInfinity;
    std::vector<double> best_u = u;
    int stall = 0;
    for (int k = 0; k < iterations; ++k) {
      if ((k & 15) == 15 && tree_.stop()) {
        break;
      }
      const double bound =
          detail::lagrangian_bound(p_, need_, fixed_cost_, free_columns, u, subgradient_);
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
      for (Index i = 0; i < p_.num_rows(); ++i) {
        if (need_[i] == 0 || (u[i] <= 0 && subgradient_[i] < 0)) {
          subgradient_[i] = 0;
        }
        norm += subgradient_[i] * subgradient_[i];
      }
      if (norm == 0) {
        break;  // the relaxation's solution meets every row: the bound is exact
      }
      const double target = cut < kInfinity ? cut + 1e-6 : std::abs(bound) * 1.1 + 1;
      const double t = lambda * std::max(target - bound, 1e-6) / norm;
      for (Index i = 0; i < p_.num_rows(); ++i) {
        u[i] = std::max(0.0, u[i] + t * subgradient_[i]);
      }
    }
    u = best_u;
    for (const Index j : free_columns) {
      double rc = p_.cost(j);
      for (const Index i : p_.rows_of(j)) {
        rc -= u[i];
      }
      rc_[j] = rc;
    }
    return best;
  }

  // The greedy on reduced costs completes the node into a solution.
  void node_heuristic(const std::vector<char>& state) {
    std::vector<int> left(need_);
    std::vector<Index> chosen;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (state[j] == kIn) {
        chosen.push_back(j);
      }
    }
    std::vector<Index> order;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (state[j] == kFree) {
        order.push_back(j);
      }
    }
    std::sort(order.begin(), order.end(),
              [&](Index a, Index b) { return rc_[a] != rc_[b] ? rc_[a] < rc_[b] : a < b; });
    for (const Index j : order) {
      bool useful = false;
      for (const Index i : p_.rows_of(j)) {
        useful = useful || left[i] > 0;
      }
      if (useful) {
        chosen.push_back(j);
        for (const Index i : p_.rows_of(j)) {
          left[i] = std::max(0, left[i] - 1);
        }
      }
    }
    if (std::any_of(left.begin(), left.end(), [](int n) { return n > 0; })) {
      return;
    }
    double cost = 0;
    std::vector<Index> solution = completion_(std::move(chosen), cost);
    tree_.offer(std::move(solution), cost);
  }

  void process(Node& node, std::int64_t count) {
    if (!propagate(node.state)) {
      return;
    }
    const bool root = count == 0;
    const double relaxed = lagrangian_bound(node.u, root ? 1000 : 150, root ? 2.0 : 0.5);
    const double bound = std::max({relaxed, node.bound, min_size_bound(node.state)});
    if (bound >= tree_.cutoff()) {
      return;
    }
    if (root || count % 16 == 0) {
      node_heuristic(node.state);
      if (bound >= tree_.cutoff()) {
        return;
      }
    }
    // Reduced-cost fixing against the incumbent.
    const double cut = tree_.cutoff();
    if (cut < kInfinity) {
      bool fixed = false;
      for (Index j = 0; j < p_.num_columns(); ++j) {
        if (node.state[j] != kFree) {
          continue;
        }
        // The reduced costs belong to the relaxation's own value, not to an inherited bound.
        if (rc_[j] > 0 && relaxed + rc_[j] >= cut) {
          node.state[j] = kOut;
          fixed = true;
        } else if (rc_[j] < 0 && relaxed - rc_[j] >= cut) {
          node.state[j] = kIn;
          fixed = true;
        }
      }
      if (fixed && !propagate(node.state)) {
        return;
      }
    }
    // A short row: branch on which of its free columns comes first.
    Index row = -1;
    for (Index i = 0; i < p_.num_rows(); ++i) {
      if (need_[i] > 0 && (row < 0 || free_count_[i] < free_count_[row] ||
                           (free_count_[i] == free_count_[row] && node.u[i] > node.u[row]))) {
        row = i;
      }
    }
    if (row >= 0) {
      std::vector<Index> columns;
      for (const Index j : p_.columns_of(row)) {
        if (node.state[j] == kFree) {
          columns.push_back(j);
        }
      }
      branch(node, std::move(columns), bound);
      return;
    }
    // Every row is met by the columns fixed in; the completion reaches the minimum size.
    offer_fixed(node.state);
  }

  // Children: column k in, the columns before it (by reduced cost) out; the first child is
  // explored first.
  void branch(const Node& node, std::vector<Index> columns, double bound) {
    std::sort(columns.begin(), columns.end(),
              [&](Index a, Index b) { return rc_[a] != rc_[b] ? rc_[a] < rc_[b] : a < b; });
    for (std::size_t k = columns.size(); k-- > 0;) {
      Node child;
      child.state = node.state;
      for (std::size_t t = 0; t < k; ++t) {
        child.state[columns[t]] = kOut;
      }
      child.state[columns[k]] = kIn;
      child.u = node.u;
      child.bound = bound;
      children_.push_back(std::move(child));
    }
  }

  // The cheapest free size-counting columns the minimum size still asks for, on top of the
  // fixed cost.
  double min_size_bound(const std::vector<char>& state) const {
    const int missing = a_.limits.min_size - fixed_size_;
    if (missing <= 0) {
      return fixed_cost_;
    }
    std::vector<double> costs;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (state[j] == kFree && p_.counts_toward_size(j)) {
        costs.push_back(p_.cost(j));
      }
    }
    if (static_cast<int>(costs.size()) < missing) {
      return kInfinity;
    }
    std::partial_sort(costs.begin(), costs.begin() + missing, costs.end());
    return fixed_cost_ + std::accumulate(costs.begin(), costs.begin() + missing, 0.0);
  }

  // The columns fixed in meet every row; the completion reaches the minimum size with the
  // cheapest columns: the best solution of the subtree.
  void offer_fixed(const std::vector<char>& state) {
    std::vector<Index> chosen;
    for (Index j = 0; j < p_.num_columns(); ++j) {
      if (state[j] == kIn) {
        chosen.push_back(j);
      }
    }
    double cost = 0;
    std::vector<Index> solution = completion_(std::move(chosen), cost);
    tree_.offer(std::move(solution), cost);
  }

  const Problem& p_;
  const Analysis& a_;
  Tree& tree_;
  std::vector<int> demand_;     // the rows' capacities
  std::vector<Node> children_;  // the children of the node processed, for the tree
  Completion completion_;
  std::vector<int> need_;
  std::vector<int> free_count_;
  std::vector<Index> in_;    // the node's fixed-in columns, after propagation
  std::vector<Index> free_;  // and its free ones
  std::vector<double> subgradient_;
  std::vector<double> rc_;
  double fixed_cost_ = 0;
  int fixed_size_ = 0;
};

}  // namespace

bool branch_and_bound(const Problem& problem, const Analysis& analysis, Control& control,
                      std::vector<double> multipliers, int threads) {
  Tree tree(control, threads);
  tree.push(BranchAndBound::root(problem, analysis, std::move(multipliers)));
  run_workers(tree, threads, [&](int worker) {
    BranchAndBound search(problem, analysis, tree);
    search.work(worker);
  });
  return tree.exhausted();
}

}  // namespace teamwright::cover::detail
