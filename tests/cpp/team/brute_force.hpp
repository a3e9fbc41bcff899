#pragma once

// Exhaustive search over teams of a small model: every subset of the people and every way its
// members can hold the request's slots, judged by docs/model.md alone (no code of the compiler,
// the solvers, evaluate or the checker). The reference the team solver is compared with.

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "teamwright/model/model.hpp"

namespace teamwright::team::testing {

struct Best {
  double objective = 0;
  double cost = 0;
  std::vector<PersonId> team;
};

class BruteForce {
 public:
  BruteForce(const Model& model, const TeamRequest& request) : model_(model), request_(request) {
    by_coverage_ = request.objective == Objective::kMaxCoverage ||
                   request.objective == Objective::kLexicographic;
    int leader_slots = 0;
    for (const RoleSlot& slot : request.roles) {
      const Role& role = model.role(model.role_id(slot.role));
      slots_.push_back({{role.id}, slot.count});
      leader_slots += role.leader ? slot.count : 0;
    }
    if (request.min_leaders > leader_slots) {
      std::vector<std::string> leaders;
      for (const Role& role : model.roles()) {
        if (role.leader) {
          leaders.push_back(role.id);
        }
      }
      slots_.push_back({leaders, request.min_leaders - leader_slots});
    }
    for (std::uint32_t k = 0; k < model.people().size(); ++k) {
      if (eligible(PersonId(k))) {
        pool_.emplace_back(k);
        total_cost_ += model.person(PersonId(k)).cost;
      }
    }
    prices();
  }

  // The best team, or nothing when no team meets the request.
  [[nodiscard]] std::optional<Best> solve() const {
    if (leader_seats() > request_.max_leaders) {
      return std::nullopt;
    }
    std::optional<Best> best;
    const auto n = static_cast<unsigned>(pool_.size());
    for (unsigned mask = 0; mask < (1U << n); ++mask) {
      std::vector<PersonId> team;
      for (unsigned k = 0; k < n; ++k) {
        if ((mask >> k) & 1U) {
          team.push_back(pool_[k]);
        }
      }
      if (const auto value = evaluate(team); value && (!best || *value < best->objective - 1e-9)) {
        double cost = 0;
        for (const PersonId p : team) {
          cost += model_.person(p).cost;
        }
        best = Best{*value, cost, team};
      }
    }
    return best;
  }

  // The objective of a team with the best slot assignment, or nothing if it breaks a rule.
  [[nodiscard]] std::optional<double> evaluate(const std::vector<PersonId>& team) const {
    const auto size = static_cast<int>(team.size());
    if (size < request_.min_size || (request_.max_size && size > *request_.max_size)) {
      return std::nullopt;
    }
    double cost = 0;
    for (const PersonId p : team) {
      cost += model_.person(p).cost;
    }
    if (request_.budget && cost > *request_.budget + 1e-9) {
      return std::nullopt;
    }
    auto in = [&](const std::string& id) {
      return std::find(team.begin(), team.end(), model_.person_id(id)) != team.end();
    };
    for (const std::string& id : request_.must_include) {
      if (!in(id)) {
        return std::nullopt;
      }
    }
    for (const auto& [a, b] : request_.incompatible) {
      if (in(a) && in(b)) {
        return std::nullopt;
      }
    }
    double value = 0;
    for (const PersonId p : team) {
      value += base(p);
    }
    for (const TeamRequirement& r : request_.requirements) {
      const bool soft = !r.hard || by_coverage_;
      if (std::holds_alternative<Everyone>(r.count)) {
        for (const PersonId p : team) {
          if (!at(p, r)) {
            if (!soft) {
              return std::nullopt;  // unreachable: such people are not eligible
            }
            value += unit_[r.importance];
          }
        }
        continue;
      }
      const double missing = std::max(0.0, asked(r) - given(team, r));
      if (missing > 1e-9) {
        if (!soft) {
          return std::nullopt;
        }
        value += unit_[r.importance] * missing;
      }
    }
    if (request_.robust && !by_coverage_) {
      for (const PersonId leaving : team) {
        std::vector<PersonId> rest;
        for (const PersonId p : team) {
          if (p != leaving) {
            rest.push_back(p);
          }
        }
        for (const TeamRequirement& r : request_.requirements) {
          if (r.hard && !std::holds_alternative<Everyone>(r.count) &&
              given(rest, r) < asked(r) - 1e-9) {
            return std::nullopt;
          }
        }
        if (!fill_all(rest)) {
          return std::nullopt;
        }
      }
    }
    const std::optional<double> slots = best_assignment(team);
    if (!slots) {
      return std::nullopt;
    }
    return value + *slots;
  }

 private:
  struct SlotRow {
    std::vector<std::string> roles;  // the roles a holder may hold
    int count = 0;
  };

  [[nodiscard]] bool at(PersonId p, const TeamRequirement& r) const {
    return model_.effective_level(p, model_.competency_id(r.competency)) >= r.min_level;
  }
  [[nodiscard]] static double asked(const TeamRequirement& r) {
    if (const int* count = std::get_if<int>(&r.count)) {
      return *count;
    }
    return std::get<Fte>(r.count).value;
  }
  [[nodiscard]] double given(const std::vector<PersonId>& team, const TeamRequirement& r) const {
    double total = 0;
    for (const PersonId p : team) {
      if (at(p, r)) {
        total += std::holds_alternative<Fte>(r.count) ? model_.person(p).availability : 1.0;
      }
    }
    return total;
  }

  [[nodiscard]] bool eligible(PersonId person) const {
    const Person& p = model_.person(person);
    if (p.availability <= 0 || p.availability < request_.min_availability ||
        std::find(request_.exclude.begin(), request_.exclude.end(), p.id) !=
            request_.exclude.end()) {
      return false;
    }
    for (const TeamRequirement& r : request_.requirements) {
      if (r.hard && std::holds_alternative<Everyone>(r.count) && !at(person, r)) {
        return false;
      }
    }
    return true;
  }

  [[nodiscard]] bool qualifies(PersonId p, const std::string& role_id) const {
    for (const RoleRequirement& r : model_.role(model_.role_id(role_id)).requirements) {
      if (r.hard && model_.effective_level(p, model_.competency_id(r.competency)) < r.min_level) {
        return false;
      }
    }
    return true;
  }

  [[nodiscard]] double role_penalty(PersonId p, const std::string& role_id) const {
    double total = 0;
    for (const RoleRequirement& r : model_.role(model_.role_id(role_id)).requirements) {
      if (!r.hard && model_.effective_level(p, model_.competency_id(r.competency)) < r.min_level) {
        total += unit_[r.importance];
      }
    }
    return total;
  }

  [[nodiscard]] int slot_importance(const SlotRow& slot) const {
    int importance = 0;
    for (const std::string& id : slot.roles) {
      for (const RoleRequirement& r : model_.role(model_.role_id(id)).requirements) {
        importance = r.hard ? std::max(importance, r.importance) : importance;
      }
    }
    return importance > 0 ? importance : 3;
  }

  [[nodiscard]] int leader_seats() const {
    int seats = 0;
    for (const RoleSlot& slot : request_.roles) {
      seats += model_.role(model_.role_id(slot.role)).leader ? slot.count : 0;
    }
    return std::max(seats, request_.min_leaders);
  }

  // The least penalty of holders and unfilled slots over every assignment; slots must all be
  // filled unless weighed by coverage. Nothing when they cannot be.
  [[nodiscard]] std::optional<double> best_assignment(const std::vector<PersonId>& team) const {
    std::vector<int> left;
    for (const SlotRow& slot : slots_) {
      left.push_back(slot.count);
    }
    const double kNone = std::numeric_limits<double>::infinity();
    std::map<std::pair<std::size_t, std::vector<int>>, double> memo;
    std::function<double(std::size_t)> go = [&](std::size_t k) -> double {
      if (k == team.size()) {
        double value = 0;
        for (std::size_t s = 0; s < slots_.size(); ++s) {
          if (left[s] > 0) {
            if (!by_coverage_) {
              return kNone;
            }
            value += unit_[slot_importance(slots_[s])] * left[s];
          }
        }
        return value;
      }
      const auto key = std::make_pair(k, left);
      if (const auto found = memo.find(key); found != memo.end()) {
        return found->second;
      }
      double best = go(k + 1);
      for (std::size_t s = 0; s < slots_.size(); ++s) {
        if (left[s] == 0) {
          continue;
        }
        for (const std::string& role : slots_[s].roles) {
          if (qualifies(team[k], role)) {
            --left[s];
            best = std::min(best, role_penalty(team[k], role) + go(k + 1));
            ++left[s];
          }
        }
      }
      memo.emplace(key, best);
      return best;
    };
    const double value = go(0);
    return value < kNone ? std::optional<double>(value) : std::nullopt;
  }

  [[nodiscard]] bool fill_all(const std::vector<PersonId>& team) const {
    std::vector<int> left;
    for (const SlotRow& slot : slots_) {
      left.push_back(slot.count);
    }
    std::function<bool(std::size_t)> go = [&](std::size_t k) -> bool {
      if (std::all_of(left.begin(), left.end(), [](int n) { return n == 0; })) {
        return true;
      }
      if (k == team.size()) {
        return false;
      }
      for (std::size_t s = 0; s < slots_.size(); ++s) {
        if (left[s] == 0) {
          continue;
        }
        const bool can =
            std::any_of(slots_[s].roles.begin(), slots_[s].roles.end(),
                        [&](const std::string& role) { return qualifies(team[k], role); });
        if (can) {
          --left[s];
          const bool done = go(k + 1);
          ++left[s];
          if (done) {
            return true;
          }
        }
      }
      return go(k + 1);
    };
    return go(0);
  }

  [[nodiscard]] double base(PersonId p) const {
    const double cost = model_.person(p).cost;
    switch (request_.objective) {
      case Objective::kMinCost:
        return cost;
      case Objective::kMinSize:
        return 1 + cost / (total_cost_ + 1);
      default:
        return step_ * cost / (total_cost_ + 1);
    }
  }

  void prices() {
    step_ =
        std::any_of(request_.requirements.begin(), request_.requirements.end(),
                    [](const TeamRequirement& r) { return std::holds_alternative<Fte>(r.count); })
            ? 0.01
            : 1.0;
    if (request_.objective == Objective::kMinCost || request_.objective == Objective::kMinSize) {
      double all = 0;
      for (const PersonId p : pool_) {
        all += base(p);
      }
      const double point = request_.soft_penalty.value_or((all + 1) / step_);
      for (int t = 1; t <= 5; ++t) {
        unit_[t] = point * t;
      }
      return;
    }
    if (request_.objective == Objective::kMaxCoverage) {
      for (int t = 1; t <= 5; ++t) {
        unit_[t] = t;
      }
      return;
    }
    std::array<double, 6> most{};
    for (const TeamRequirement& r : request_.requirements) {
      most[r.importance] +=
          std::holds_alternative<Everyone>(r.count) ? static_cast<double>(pool_.size()) : asked(r);
    }
    for (const SlotRow& slot : slots_) {
      most[slot_importance(slot)] += slot.count;
      for (const std::string& id : slot.roles) {
        for (const RoleRequirement& r : model_.role(model_.role_id(id)).requirements) {
          most[r.importance] += r.hard ? 0 : slot.count;
        }
      }
    }
    double below = 1;
    for (int t = 1; t <= 5; ++t) {
      unit_[t] = below / step_;
      below += unit_[t] * most[t];
    }
  }

  const Model& model_;
  const TeamRequest& request_;
  bool by_coverage_ = false;
  std::vector<SlotRow> slots_;
  std::vector<PersonId> pool_;
  double total_cost_ = 0;
  double step_ = 1;
  std::array<double, 6> unit_{};
};

}  // namespace teamwright::team::testing
