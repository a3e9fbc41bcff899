#include "cover/local_search.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace teamwright::cover::detail {

LocalSearch::LocalSearch(const Problem& problem, std::vector<int> demand, std::vector<char> forced,
                         std::vector<Index> columns, Completion& completion,
                         std::mt19937_64& random)
    : p_(problem),
      demand_(std::move(demand)),
      completion_(completion),
      random_(random),
      columns_(std::move(columns)),
      allowed_(static_cast<std::size_t>(problem.num_columns()), 0),
      forced_(std::move(forced)),
      in_(static_cast<std::size_t>(problem.num_columns()), 0),
      position_(static_cast<std::size_t>(problem.num_columns()), -1),
      count_(static_cast<std::size_t>(problem.num_rows()), 0),
      weight_(static_cast<std::size_t>(problem.num_rows()), 1),
      score_(static_cast<std::size_t>(problem.num_columns()), 0),
      configuration_(static_cast<std::size_t>(problem.num_columns()), 1),
      moved_at_(static_cast<std::size_t>(problem.num_columns()), 0),
      short_position_(static_cast<std::size_t>(problem.num_rows()), -1) {
  std::sort(columns_.begin(), columns_.end());
  columns_.erase(std::unique(columns_.begin(), columns_.end()), columns_.end());
  row_start_.assign(static_cast<std::size_t>(p_.num_rows()) + 1, 0);
  for (const Index j : columns_) {
    allowed_[j] = 1;
    for (const Index i : p_.rows_of(j)) {
      ++row_start_[i + 1];
    }
  }
  std::partial_sum(row_start_.begin(), row_start_.end(), row_start_.begin());
  row_columns_.resize(static_cast<std::size_t>(row_start_.back()));
  std::vector<std::int64_t> next(row_start_.begin(), row_start_.end() - 1);
  for (const Index j : columns_) {
    for (const Index i : p_.rows_of(j)) {
      row_columns_[next[i]++] = j;
    }
  }
}

void LocalSearch::start(const std::vector<Index>& cover) {
  std::fill(in_.begin(), in_.end(), 0);
  std::fill(position_.begin(), position_.end(), -1);
  std::fill(count_.begin(), count_.end(), 0);
  chosen_.clear();
  cost_ = 0;
  for (const Index j : cover) {
    in_[j] = 1;
    position_[j] = static_cast<std::int64_t>(chosen_.size());
    chosen_.push_back(j);
    cost_ += p_.cost(j);
    for (const Index i : p_.rows_of(j)) {
      ++count_[i];
    }
  }
  short_rows_.clear();
  std::fill(short_position_.begin(), short_position_.end(), -1);
  for (Index i = 0; i < p_.num_rows(); ++i) {
    if (count_[i] < demand_[i]) {
      short_position_[i] = static_cast<std::int64_t>(short_rows_.size());
      short_rows_.push_back(i);
    }
  }
  for (const Index j : columns_) {
    std::int64_t score = 0;
    for (const Index i : p_.rows_of(j)) {
      if (in_[j] != 0 ? count_[i] <= demand_[i] : count_[i] < demand_[i]) {
        score += weight_[i];
      }
    }
    score_[j] = in_[j] != 0 ? -score : score;
  }
}

void LocalSearch::add(Index k) {
  in_[k] = 1;
  position_[k] = static_cast<std::int64_t>(chosen_.size());
  chosen_.push_back(k);
  cost_ += p_.cost(k);
  moved_at_[k] = iteration_;
  std::int64_t loss = 0;
  for (const Index i : p_.rows_of(k)) {
    const int before = count_[i]++;
    const auto first = row_start_[i];
    const auto last = row_start_[i + 1];
    if (before + 1 == demand_[i]) {
      // Row i is met now: outside columns no longer gain it.
      for (auto t = first; t < last; ++t) {
        const Index j = row_columns_[t];
        if (in_[j] == 0) {
          score_[j] -= weight_[i];
        }
        configuration_[j] = 1;
      }
      const auto at = short_position_[i];
      short_rows_[at] = short_rows_.back();
      short_position_[short_rows_[at]] = at;
      short_rows_.pop_back();
      short_position_[i] = -1;
    } else if (before == demand_[i]) {
      // Row i had no spare cover: removing its other columns no longer hurts it.
      for (auto t = first; t < last; ++t) {
        const Index j = row_columns_[t];
        if (in_[j] != 0 && j != k) {
          score_[j] += weight_[i];
        }
        configuration_[j] = 1;
      }
    }
    if (count_[i] <= demand_[i]) {
      loss += weight_[i];
    }
  }
  score_[k] = -loss;
}

void LocalSearch::remove(Index k) {
  in_[k] = 0;
  const auto at = position_[k];
  chosen_[at] = chosen_.back();
  position_[chosen_[at]] = at;
  chosen_.pop_back();
  position_[k] = -1;
  cost_ -= p_.cost(k);
  moved_at_[k] = iteration_;
  std::int64_t gain = 0;
  for (const Index i : p_.rows_of(k)) {
    const int before = count_[i]--;
    const auto first = row_start_[i];
    const auto last = row_start_[i + 1];
    if (before == demand_[i] + 1) {
      // Row i has no spare cover any more: its other columns become needed.
      for (auto t = first; t < last; ++t) {
        const Index j = row_columns_[t];
        if (in_[j] != 0) {
          score_[j] -= weight_[i];
        }
        configuration_[j] = 1;
      }
    } else if (before == demand_[i]) {
      // Row i becomes short: outside columns gain it.
      for (auto t = first; t < last; ++t) {
        const Index j = row_columns_[t];
        if (in_[j] == 0 && j != k) {
          score_[j] += weight_[i];
        }
        configuration_[j] = 1;
      }
      short_position_[i] = static_cast<std::int64_t>(short_rows_.size());
      short_rows_.push_back(i);
    }
    if (count_[i] < demand_[i]) {
      gain += weight_[i];
    }
  }
  score_[k] = gain;
  configuration_[k] = 0;
}

void LocalSearch::raise_weights() {
  for (const Index i : short_rows_) {
    ++weight_[i];
    for (auto t = row_start_[i]; t < row_start_[i + 1]; ++t) {
      const Index j = row_columns_[t];
      score_[j] += in_[j] != 0 ? -1 : 1;
    }
  }
}

namespace {

// Score per unit cost; free columns count as very cheap.
double ratio(std::int64_t score, double cost) {
  return static_cast<double>(score) / std::max(cost, 1e-9);
}

}  // namespace

void LocalSearch::shed_to_below(double target) {
  while (cost_ > target) {
    Index best = -1;
    for (const Index j : chosen_) {
      if (forced_[j] != 0) {
        continue;
      }
      if (best < 0 || ratio(score_[j], p_.cost(j)) > ratio(score_[best], p_.cost(best)) ||
          (ratio(score_[j], p_.cost(j)) == ratio(score_[best], p_.cost(best)) &&
           moved_at_[j] < moved_at_[best])) {
        best = j;
      }
    }
    if (best < 0) {
      return;
    }
    remove(best);
  }
}

void LocalSearch::run(std::int64_t iterations, std::int64_t patience, Control& control) {
  const bool integral = control.integral_costs();
  auto below = [&](double best) { return integral ? best - 1 + 1e-6 : best * (1 - 1e-9); };
  double best = control.incumbent().cost;
  if (short_rows_.empty()) {
    shed_to_below(below(best));
  }
  std::int64_t improved_at = 0;
  for (std::int64_t step = 0; step < iterations && step - improved_at <= patience;
       ++step, ++iteration_) {
    if ((step & 255) == 0 && (control.stop() || control.closed())) {
      return;
    }
    if (short_rows_.empty()) {
      if (cost_ < best) {
        double cost = 0;
        std::vector<Index> solution = completion_(chosen_, cost);
        control.offer(std::move(solution), cost);
        if (control.incumbent().cost < best) {
          best = control.incumbent().cost;
          improved_at = step;
        }
      }
      shed_to_below(below(best));
      continue;
    }
    // Drop the column whose loss per unit cost is smallest (not the one just added).
    Index out = -1;
    for (const Index j : chosen_) {
      if (forced_[j] != 0 || j == last_added_) {
        continue;
      }
      if (out < 0 || ratio(score_[j], p_.cost(j)) > ratio(score_[out], p_.cost(out)) ||
          (ratio(score_[j], p_.cost(j)) == ratio(score_[out], p_.cost(out)) &&
           moved_at_[j] < moved_at_[out])) {
        out = j;
      }
    }
    if (out >= 0) {
      remove(out);
    }
    // Meet random short rows, each with the column of best gain per unit cost that keeps the
    // solution cheaper than the best one and has been freed by a change around it, while such
    // a column exists.
    const double budget = below(best);
    while (!short_rows_.empty()) {
      const Index row = short_rows_[std::uniform_int_distribution<std::size_t>(
          0, short_rows_.size() - 1)(random_)];
      Index in = -1;
      for (auto t = row_start_[row]; t < row_start_[row + 1]; ++t) {
        const Index j = row_columns_[t];
        if (in_[j] != 0 || configuration_[j] == 0 || cost_ + p_.cost(j) > budget) {
          continue;
        }
        if (in < 0 || ratio(score_[j], p_.cost(j)) > ratio(score_[in], p_.cost(in)) ||
            (ratio(score_[j], p_.cost(j)) == ratio(score_[in], p_.cost(in)) &&
             moved_at_[j] < moved_at_[in])) {
          in = j;
        }
      }
      if (in < 0) {
        break;
      }
      add(in);
      last_added_ = in;
    }
    raise_weights();
  }
}

}  // namespace teamwright::cover::detail
