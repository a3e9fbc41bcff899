#include "cover/completion.hpp"

#include <algorithm>

namespace teamwright::cover::detail {

Completion::Completion(const Problem& problem, std::vector<int> demand, std::vector<char> forced,
                       int min_size)
    : p_(problem),
      demand_(std::move(demand)),
      forced_(std::move(forced)),
      min_size_(min_size),
      count_(static_cast<std::size_t>(problem.num_rows()), 0) {}

int Completion::size(const std::vector<Index>& chosen) const {
  return static_cast<int>(std::count_if(chosen.begin(), chosen.end(),
                                        [&](Index j) { return p_.counts_toward_size(j); }));
}

void Completion::drop_redundant(std::vector<Index>& chosen, bool keep_size) {
  for (const Index j : chosen) {
    for (const Index i : p_.rows_of(j)) {
      ++count_[i];
    }
  }
  std::sort(chosen.begin(), chosen.end(), [&](Index a, Index b) {
    return p_.cost(a) != p_.cost(b) ? p_.cost(a) > p_.cost(b) : a > b;
  });
  int members = size(chosen);
  std::vector<Index> kept;
  kept.reserve(chosen.size());
  for (const Index j : chosen) {
    const auto rows = p_.rows_of(j);
    const bool redundant =
        forced_[j] == 0 && !(keep_size && p_.counts_toward_size(j) && members <= min_size_) &&
        std::all_of(rows.begin(), rows.end(), [&](Index i) { return count_[i] > demand_[i]; });
    if (redundant) {
      for (const Index i : rows) {
        --count_[i];
      }
      members -= p_.counts_toward_size(j) ? 1 : 0;
    } else {
      kept.push_back(j);
    }
  }
  for (const Index j : kept) {
    for (const Index i : p_.rows_of(j)) {
      --count_[i];
    }
  }
  chosen = std::move(kept);
}

std::vector<Index> Completion::operator()(std::vector<Index> chosen, double& cost) {
  drop_redundant(chosen, false);
  if (size(chosen) < min_size_) {
    if (cheapest_.empty()) {
      for (Index j = 0; j < p_.num_columns(); ++j) {
        if (p_.counts_toward_size(j)) {
          cheapest_.push_back(j);
        }
      }
      std::sort(cheapest_.begin(), cheapest_.end(), [&](Index a, Index b) {
        return p_.cost(a) != p_.cost(b) ? p_.cost(a) < p_.cost(b) : a < b;
      });
    }
    std::vector<Index> sorted(chosen);
    std::sort(sorted.begin(), sorted.end());
    int members = size(chosen);
    for (const Index j : cheapest_) {
      if (members >= min_size_) {
        break;
      }
      if (!std::binary_search(sorted.begin(), sorted.end(), j)) {
        chosen.push_back(j);
        ++members;
      }
    }
    drop_redundant(chosen, true);
  }
  std::sort(chosen.begin(), chosen.end());
  cost = 0;
  for (const Index j : chosen) {
    cost += p_.cost(j);
  }
  return chosen;
}

}  // namespace teamwright::cover::detail
