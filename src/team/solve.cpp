#include "teamwright/team/solve.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "team/diagnose.hpp"
#include "team/explain.hpp"
#include "team/search.hpp"
#include "util/text.hpp"

namespace teamwright::team {
namespace {

using detail::Found;

std::string list_rows(const Model& model, const Compiled& compiled,
                      const std::vector<cover::Index>& rows) {
  std::string text;
  for (const cover::Index r : rows) {
    const std::size_t source = compiled.cover_row_source[r];
    text += (text.empty() ? "" : ", ") + (source == Compiled::kNoRow
                                              ? std::string("the backups of the role slots")
                                              : describe(model, compiled.rows[source]));
  }
  return text;
}

// The request for the best partial team of an infeasible one: maximum weighted coverage, its
// leader role slots cut (in request order) to the max_leaders members who may hold them, since
// no team holds more. `origin` receives each kept slot's index in the request's roles.
TeamRequest partial_request(const Model& model, const TeamRequest& request,
                            std::vector<std::size_t>& origin) {
  TeamRequest out = request;
  out.objective = Objective::kMaxCoverage;
  out.roles.clear();
  int left = request.max_leaders;
  for (std::size_t k = 0; k < request.roles.size(); ++k) {
    RoleSlot slot = request.roles[k];
    if (model.role(model.role_id(slot.role)).leader) {
      slot.count = std::min(slot.count, left);
      left -= slot.count;
    }
    if (slot.count > 0) {
      out.roles.push_back(slot);
      origin.push_back(k);
    }
  }
  return out;
}

// The partial team's slot holders, moved from the rows of `partial` to those of `request`;
// a holder of a row the request lacks holds no slot there.
void to_request_rows(const Model& model, const TeamRequest& request, const TeamRequest& partial,
                     const std::vector<std::size_t>& origin, std::vector<SlotHolder>& holders) {
  const std::vector<RequestRow> rows = request_rows(model, request);
  const std::vector<RequestRow> cut = request_rows(model, partial);
  std::erase_if(holders, [&](SlotHolder& holder) {
    const RequestRow& row = cut[holder.row];
    const auto same = std::find_if(rows.begin(), rows.end(), [&](const RequestRow& r) {
      return r.kind == row.kind && (row.kind != RowKind::kRole || r.source == origin[row.source]);
    });
    if (same == rows.end()) {
      return true;
    }
    holder.row = static_cast<std::size_t>(same - rows.begin());
    return false;
  });
}

// The covering engine's proofs, as requirements and sentences about people.
void explain_proofs(const Model& model, const Found& found, TeamResult& result) {
  using Kind = cover::Infeasibility::Kind;
  const Compiled& compiled = found.compiled;
  const auto& p = compiled.problem;
  result.reasons = compiled.static_reasons;
  for (const cover::Infeasibility& reason : found.solution.infeasibilities) {
    switch (reason.kind) {
      case Kind::kRowCapacity: {
        const std::size_t source = compiled.cover_row_source[reason.rows.at(0)];
        std::set<PersonId> capable;
        for (const cover::Index j : reason.columns) {
          capable.insert(compiled.column_person[j]);
        }
        if (source == Compiled::kNoRow) {
          if (std::none_of(compiled.static_reasons.begin(), compiled.static_reasons.end(),
                           [](const std::string& r) { return r.starts_with("must-include"); })) {
            result.reasons.push_back(
                "only " + std::to_string(capable.size()) +
                " eligible people qualify for the role slots, too few to fill them with a backup "
                "to spare");
          }
          break;
        }
        UnmetRequirement unmet;
        unmet.rows = {source};
        unmet.needed = reason.bound;
        unmet.capable = static_cast<int>(capable.size());
        unmet.capable_people.assign(capable.begin(), capable.end());
        result.unmet.push_back(std::move(unmet));
        break;
      }
      case Kind::kTooFewColumns:
        result.reasons.push_back("only " + std::to_string(reason.available) +
                                 " eligible people can join, fewer than the minimum size " +
                                 std::to_string(p.min_size()));
        break;
      case Kind::kSizeBound:
        result.reasons.push_back(list_rows(model, compiled, reason.rows) + " alone need " +
                                 util::readable(reason.bound) +
                                 " members, more than the maximum size " +
                                 std::to_string(*p.max_size()));
        break;
      case Kind::kBudgetBound:
        result.reasons.push_back(list_rows(model, compiled, reason.rows) + " alone cost at least " +
                                 util::readable(reason.bound) + ", more than the budget " +
                                 util::readable(*p.budget()));
        break;
      case Kind::kExhaustedSearch:
        result.reasons.emplace_back(
            "no team meets every constraint of the request together (an exhaustive search found "
            "none)");
        break;
      case Kind::kFixedConflict:
      case Kind::kFixedOverBudget:
      case Kind::kFixedOverMaxSize:
        break;  // team requests fix no columns
    }
  }
}

}  // namespace

std::vector<PersonId> TeamResult::member_ids() const {
  std::vector<PersonId> ids;
  ids.reserve(members.size());
  for (const MemberReport& member : members) {
    ids.push_back(member.person);
  }
  return ids;
}

std::string_view to_string(Constraint::Kind kind) {
  switch (kind) {
    case Constraint::Kind::kRequirement:
      return "requirement";
    case Constraint::Kind::kRoleSlot:
      return "role_slot";
    case Constraint::Kind::kMinLeaders:
      return "min_leaders";
    case Constraint::Kind::kMaxLeaders:
      return "max_leaders";
    case Constraint::Kind::kBudget:
      return "budget";
    case Constraint::Kind::kMinSize:
      return "min_size";
    case Constraint::Kind::kMaxSize:
      return "max_size";
    case Constraint::Kind::kMustInclude:
      return "must_include";
    case Constraint::Kind::kExclude:
      return "exclude";
    case Constraint::Kind::kIncompatible:
      return "incompatible";
    case Constraint::Kind::kRobust:
      return "robust";
    case Constraint::Kind::kMinAvailability:
      return "min_availability";
  }
  return "?";
}

std::optional<Constraint::Kind> parse_constraint_kind(std::string_view name) {
  using K = Constraint::Kind;
  for (const K kind : {K::kRequirement, K::kRoleSlot, K::kMinLeaders, K::kMaxLeaders, K::kBudget,
                       K::kMinSize, K::kMaxSize, K::kMustInclude, K::kExclude, K::kIncompatible,
                       K::kRobust, K::kMinAvailability}) {
    if (to_string(kind) == name) {
      return kind;
    }
  }
  return std::nullopt;
}

std::string_view to_string(Relaxation::Kind kind) {
  switch (kind) {
    case Relaxation::Kind::kRaise:
      return "raise";
    case Relaxation::Kind::kLower:
      return "lower";
    case Relaxation::Kind::kDrop:
      return "drop";
    case Relaxation::Kind::kHire:
      return "hire";
  }
  return "?";
}

std::optional<Relaxation::Kind> parse_relaxation_kind(std::string_view name) {
  using K = Relaxation::Kind;
  for (const K kind : {K::kRaise, K::kLower, K::kDrop, K::kHire}) {
    if (to_string(kind) == name) {
      return kind;
    }
  }
  return std::nullopt;
}

TeamResult solve(const Model& model, const TeamRequest& request, const SolveOptions& options,
                 const SolveHooks& hooks, const ExplainOptions& explain) {
  const detail::Budget budget(options.time_limit_s, hooks.cancel);
  SolveOptions first = options;
  if (explain.replacements && std::isfinite(options.time_limit_s)) {
    first.time_limit_s = 0.75 * options.time_limit_s;
  }
  Found found = detail::search(model, request, first, hooks);
  TeamResult result;
  if (!found.solved()) {
    // The diagnosis asks first whether a team exists at all; if one does, the search for the
    // team gets the time left.
    std::optional<Found> exists;
    std::optional<Diagnosis> diagnosis = detail::diagnose(model, request, options, budget, exists);
    if (exists) {
      SolveOptions rest = options;
      rest.time_limit_s = std::max(budget.remaining(), 0.0);
      Found again = detail::search(model, request, rest, hooks);
      if (again.solved()) {
        found = std::move(again);
      } else {
        result.reasons.emplace_back(
            "a team meeting every hard constraint exists, but none was found in the time given");
      }
    } else {
      result.diagnosis = std::move(diagnosis);
      const bool proven = result.diagnosis->minimal || found.solution.status == Status::kInfeasible;
      std::vector<std::size_t> origin;
      const TeamRequest partial = partial_request(model, request, origin);
      Found best = detail::search(model, partial, budget.share(options, 1), budget.hooks());
      if (best.solved()) {
        to_request_rows(model, request, partial, origin, best.holders);
        detail::describe_team(model, request, best, result);
      } else {
        result.coverage = evaluate(model, request, std::vector<PersonId>());
      }
      result.status = proven ? Status::kInfeasible : Status::kNoSolutionFound;
      result.objective = 0;
      result.penalty = 0;
      result.bound = 0;
      result.relative_gap = relative_gap(std::nullopt, 0);
      result.termination = found.solution.termination;
      result.time_to_best_s = found.solution.time_to_best_s;
      explain_proofs(model, found, result);
      if (result.diagnosis) {
        result.reasons.push_back(result.diagnosis->summary);
      }
    }
  }
  if (found.solved()) {
    const std::vector<std::string> notes = std::move(result.reasons);
    detail::describe_team(model, request, found, result);
    result.reasons = notes;
    if (explain.replacements) {
      detail::price_replacements(model, request, options, budget, result);
    }
  }
  detail::summarize_members(model, request, result);
  if (hooks.cancel != nullptr && hooks.cancel->cancelled()) {
    // Whichever part of the call the token stopped (search, diagnosis or explanations).
    result.termination =
        hooks.cancel->interrupted() ? Termination::kInterrupted : Termination::kCancelled;
  }
  result.time_s = budget.elapsed();
  return result;
}

TeamResult solve(const Model& model, std::string_view request_id, const SolveOptions& options,
                 const SolveHooks& hooks, const ExplainOptions& explain) {
  return solve(model, model.request(request_id), options, hooks, explain);
}

}  // namespace teamwright::team
