#pragma once

// Bipartite b-matching grown and repaired by augmenting paths: Kuhn's method ("The Hungarian
// method for the assignment problem", 1955) with a capacity on each right-hand item. Used for
// filling role slots, where each person (or column) holds at most one slot.

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace teamwright::util {

/// `Adjacent(left)` returns the right-hand items (as a span of indices) the left item may take;
/// right items with capacity 0 are never used.
template <class Adjacent>
class BMatching {
 public:
  using Index = std::int32_t;

  BMatching(std::size_t num_left, std::vector<int> capacity, Adjacent adjacent)
      : adjacent_(std::move(adjacent)),
        capacity_(std::move(capacity)),
        fill_(capacity_.size(), 0),
        right_of_(num_left, -1),
        holders_(capacity_.size()) {}

  /// Whether `left` could be matched, possibly after moving others (nothing changes).
  [[nodiscard]] bool can_add(Index left) const {
    std::vector<char> seen(capacity_.size(), 0);
    std::vector<Index> queue;
    for (const Index right : adjacent_(left)) {
      if (capacity_[right] > 0 && seen[right] == 0) {
        seen[right] = 1;
        queue.push_back(right);
      }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const Index right = queue[head];
      if (fill_[right] < capacity_[right]) {
        return true;
      }
      for (const Index holder : holders_[right]) {
        for (const Index next : adjacent_(holder)) {
          if (capacity_[next] > 0 && seen[next] == 0) {
            seen[next] = 1;
            queue.push_back(next);
          }
        }
      }
    }
    return false;
  }

  /// Matches `left` (unmatched) along an augmenting path if there is one; returns whether.
  bool add(Index left) {
    std::vector<char> visited(capacity_.size(), 0);
    if (place(left, visited)) {
      ++total_;
      return true;
    }
    return false;
  }

  /// Unmatches `left` and restores the matching's size by adding one of `candidates`
  /// (unmatched left items). If that is impossible nothing changes and it returns false.
  bool remove(Index left, std::span<const Index> candidates) {
    if (right_of_[left] < 0) {
      return true;
    }
    const auto saved_holders = holders_;
    const auto saved_fill = fill_;
    unmatch(left);
    for (const Index candidate : candidates) {
      if (candidate != left && right_of_[candidate] < 0 && add(candidate)) {
        return true;
      }
    }
    for (const auto& holders : holders_) {
      for (const Index holder : holders) {
        right_of_[holder] = -1;
      }
    }
    holders_ = saved_holders;
    fill_ = saved_fill;
    for (std::size_t right = 0; right < holders_.size(); ++right) {
      for (const Index holder : holders_[right]) {
        right_of_[holder] = static_cast<Index>(right);
      }
    }
    ++total_;
    return false;
  }

  [[nodiscard]] int filled(Index right) const { return fill_[right]; }
  [[nodiscard]] Index right_of(Index left) const { return right_of_[left]; }
  [[nodiscard]] int total() const { return total_; }

  /// (left, right) pairs, ascending by left.
  [[nodiscard]] std::vector<std::pair<Index, Index>> pairs() const {
    std::vector<std::pair<Index, Index>> out;
    for (std::size_t right = 0; right < holders_.size(); ++right) {
      for (const Index holder : holders_[right]) {
        out.emplace_back(holder, static_cast<Index>(right));
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  // Puts `left` on a right item with room, or on a full one whose holder moves on; right items
  // already tried in this search are skipped, so the search ends.
  bool place(Index left, std::vector<char>& visited) {
    for (const Index right : adjacent_(left)) {
      if (capacity_[right] == 0 || visited[right] != 0) {
        continue;
      }
      visited[right] = 1;
      if (fill_[right] < capacity_[right]) {
        holders_[right].push_back(left);
        ++fill_[right];
        right_of_[left] = right;
        return true;
      }
      for (auto& holder : holders_[right]) {
        if (place(holder, visited)) {
          holder = left;
          right_of_[left] = right;
          return true;
        }
      }
    }
    return false;
  }

  void unmatch(Index left) {
    const Index right = right_of_[left];
    auto& holders = holders_[right];
    holders.erase(std::find(holders.begin(), holders.end(), left));
    --fill_[right];
    --total_;
    right_of_[left] = -1;
  }

  Adjacent adjacent_;
  std::vector<int> capacity_;
  std::vector<int> fill_;
  std::vector<Index> right_of_;
  std::vector<std::vector<Index>> holders_;
  int total_ = 0;
};

}  // namespace teamwright::util
