#pragma once

// The open nodes of a branch-and-bound shared by its workers: a stack (so one worker searches
// depth first), the bounds of the nodes being processed and the control, all behind one lock.
// With several workers each takes the top node when it is free; the tree is exhausted when the
// stack is empty and no worker holds a node.

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

#include "cover/control.hpp"

namespace teamwright::cover::detail {

/// Column states in a node.
enum : char { kFree = 0, kIn = 1, kOut = 2 };

struct Node {
  std::vector<char> state;                                  // per column: kFree, kIn, kOut
  std::vector<double> u;                                    // multipliers to start from
  double bound = -std::numeric_limits<double>::infinity();  // inherited from the parent
};

class Tree {
 public:
  /// `ceiling`: an upper bound on every solution's objective, used as the cutoff while there is
  /// no incumbent (infinity when none is known). With `best_bound_every` = k > 0, every k-th
  /// node taken is the open node of least bound rather than the newest: depth first, with
  /// regular jumps to where the bound is lowest.
  Tree(Control& control, int workers, double ceiling = std::numeric_limits<double>::infinity(),
       int best_bound_every = 0);

  void push(Node node);

  /// The next node for `worker`, waiting while other workers may still add some. False when the
  /// search is over: exhausted, stopped or failed.
  bool take(int worker, Node& node);

  /// The number of a node about to be processed (from 0, the root).
  std::int64_t number();

  /// `worker` is done with its node (`number`, or -1 if it was pruned unprocessed): its children
  /// join the stack, the last one on top.
  void done(int worker, std::vector<Node>& children, std::int64_t number);

  /// A worker's exception ends the search; the first one is rethrown by `rethrow`.
  void fail(std::exception_ptr error);
  void rethrow() const;
  [[nodiscard]] bool exhausted() const { return !stopped_; }

  /// The control, behind the lock.
  bool stop();
  bool offer(std::vector<Index> columns, double cost);
  /// A lower bound valid for the whole problem.
  void offer_bound(double bound);
  /// Bounds at or above this cannot lead to a better solution.
  [[nodiscard]] double cutoff();

 private:
  void finish();
  void report_bound();

  Control& control_;
  double ceiling_;
  int best_bound_every_;
  std::int64_t taken_ = 0;
  std::mutex mutex_;
  std::condition_variable idle_;
  std::vector<Node> stack_;
  std::vector<double> in_flight_;  // per worker: the bound of the node it holds
  int busy_ = 0;
  std::int64_t nodes_ = 0;
  bool over_ = false;
  bool stopped_ = false;
  std::exception_ptr error_;
};

/// Runs `work(worker)` on `threads` workers (the calling thread and threads - 1 more), each
/// exception ending the search through the tree, and rethrows the first.
template <class Work>
void run_workers(Tree& tree, int threads, Work work) {
  const auto guarded = [&](int worker) {
    try {
      work(worker);
    } catch (...) {
      tree.fail(std::current_exception());
    }
  };
  {
    std::vector<std::jthread> helpers;
    for (int worker = 1; worker < threads; ++worker) {
      helpers.emplace_back(guarded, worker);
    }
    guarded(0);
  }  // joins the helpers
  tree.rethrow();
}

}  // namespace teamwright::cover::detail
