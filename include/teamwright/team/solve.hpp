#pragma once

/// \file
/// Assembling a team for a request, and saying why: what each member brings and what replacing
/// them would cost; for a request that cannot be met, which constraints conflict, the best
/// partial team and the cheapest change that makes it possible.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "teamwright/model/model.hpp"
#include "teamwright/solving.hpp"
#include "teamwright/team/evaluate.hpp"

namespace teamwright::team {

/// The best team without one member, and how it compares.
struct Replacement {
  /// How the team without the member was searched: kOptimal (proven best), kFeasible (the best
  /// found), kInfeasible (no team meets the request without them), kNoSolutionFound.
  Status status = Status::kNoSolutionFound;
  /// That team (when one was found), ascending; its members' cost and its objective.
  std::vector<PersonId> team;
  double cost = 0;
  double objective = 0;
  /// What it costs more than the result's team (cost and objective), and who it brings in.
  double extra_cost = 0;
  double extra_objective = 0;
  std::vector<PersonId> brings_in;
};

/// A member and why they are on the team.
struct MemberReport {
  PersonId person;
  /// The slot row (coverage row) the member holds and the role it gives them, if any.
  std::optional<std::size_t> slot;
  std::optional<RoleId> role;
  /// Coverage rows the member alone makes met: counted and FTE rows that would fall short
  /// without them, and their own slot when the others cannot fill as many slots. ("Everyone"
  /// rows never make a member essential.)
  std::vector<std::size_t> unique;
  /// Coverage rows the member counts for that others would still meet without them.
  std::vector<std::size_t> shared;
  /// Every coverage row the member counts for (at the level, or holding the slot).
  std::vector<std::size_t> contributes;
  /// The price of replacement (unless skipped, see `ExplainOptions`).
  std::optional<Replacement> replacement;
  /// What the member brings, in a manager's words.
  std::string summary;
};

/// Requirements that too few eligible people can meet.
struct UnmetRequirement {
  /// Coverage rows.
  std::vector<std::size_t> rows;
  double needed = 0;
  /// Eligible people able to meet them, and how many.
  int capable = 0;
  std::vector<PersonId> capable_people;
};

/// A constraint of a request, as a diagnosis names it.
struct Constraint {
  enum class Kind {
    kRequirement,      ///< requirements[index]
    kRoleSlot,         ///< roles[index]
    kMinLeaders,       ///< min_leaders
    kMaxLeaders,       ///< max_leaders
    kBudget,           ///< budget
    kMinSize,          ///< min_size
    kMaxSize,          ///< max_size
    kMustInclude,      ///< must_include[index]
    kExclude,          ///< exclude[index]
    kIncompatible,     ///< incompatible[index]
    kRobust,           ///< robust
    kMinAvailability,  ///< min_availability
  };
  Kind kind = Kind::kRequirement;
  std::size_t index = 0;
  /// The constraint in a manager's words, with the numbers that matter ("a budget of 230,000",
  /// "1 Team lead (team_lead): 3 eligible people qualify, the cheapest costs 88,000").
  std::string text;

  friend bool operator==(const Constraint&, const Constraint&) = default;
};

/// The file-format name of a constraint kind: "requirement", "role_slot", "min_leaders",
/// "max_leaders", "budget", "min_size", "max_size", "must_include", "exclude", "incompatible",
/// "robust", "min_availability".
[[nodiscard]] std::string_view to_string(Constraint::Kind kind);
/// The constraint kind of a file-format name, or nothing.
[[nodiscard]] std::optional<Constraint::Kind> parse_constraint_kind(std::string_view name);

/// One change to a request that makes it possible, with the team it makes possible.
struct Relaxation {
  enum class Kind {
    kRaise,  ///< raise `constraint` (budget, max_size, max_leaders) to `value`
    kLower,  ///< lower `constraint` (min_size, min_leaders, min_availability) to `value`
    kDrop,   ///< drop `constraint`
    kHire,   ///< hire a person with `profile` (and able to hold `profile_roles`)
  };
  Kind kind = Kind::kDrop;
  Constraint constraint;
  double value = 0;
  /// kHire: the competencies and levels a job posting must ask for, the roles it must qualify
  /// for, and the cost assumed for the hire (the median cost of the model's external
  /// candidates, or of everyone when there are none).
  std::vector<std::pair<CompetencyId, double>> profile;
  std::vector<RoleId> profile_roles;
  double hire_cost = 0;
  /// How well the team below was searched, the team (a hire is not listed), and its members'
  /// cost (the hire's included).
  Status status = Status::kNoSolutionFound;
  std::vector<PersonId> team;
  double cost = 0;
  /// The change in a manager's words: "raise the budget to 315,000".
  std::string text;
};

/// The file-format name of a relaxation kind: "raise", "lower", "drop", "hire".
[[nodiscard]] std::string_view to_string(Relaxation::Kind kind);
/// The relaxation kind of a file-format name, or nothing.
[[nodiscard]] std::optional<Relaxation::Kind> parse_relaxation_kind(std::string_view name);

/// Why a request cannot be met, and what would make it possible.
struct Diagnosis {
  /// Constraints that cannot hold together (a deletion filter run by exact searches on the
  /// request's constraints: dropping any one of them makes the rest possible when `minimal`).
  std::vector<Constraint> conflict;
  /// Whether every search of the filter finished, which proves `conflict` minimal.
  bool minimal = false;
  /// The single changes that make the request possible, cheapest team first.
  std::vector<Relaxation> relaxations;
  /// The diagnosis in a manager's words.
  std::string summary;
};

/// The answer to a team request.
struct TeamResult {
  Status status = Status::kNoSolutionFound;
  Termination termination = Termination::kCompleted;
  /// Members ascending by id. When no team meets the request: the best partial team (the most
  /// importance-weighted coverage within the request's other constraints), if there is one.
  std::vector<MemberReport> members;
  /// The members' total cost.
  double cost = 0;
  /// The objective the solver minimised (docs/model.md#objectives), the part of it that is
  /// penalties for soft requirements left unmet, a lower bound on it, and their relative gap.
  double objective = 0;
  double penalty = 0;
  double bound = 0;
  double relative_gap = 0;
  double time_to_best_s = 0;
  double time_s = 0;
  /// Importance-weighted mean over the rows of min(provided / needed, 1) (1 without rows).
  double weighted_coverage = 0;
  Coverage coverage;
  /// When no team meets the request: requirements too few eligible people can meet, other
  /// proven reasons as sentences, and the diagnosis.
  std::vector<UnmetRequirement> unmet;
  std::vector<std::string> reasons;
  std::optional<Diagnosis> diagnosis;

  [[nodiscard]] std::vector<PersonId> member_ids() const;
};

/// What to explain besides the team.
struct ExplainOptions {
  /// Price each member's replacement by re-solving without them (exact where the request is
  /// small). Skip it for large pools where every re-solve takes its share of the time limit.
  bool replacements = true;
};

/// Assembles the team that best meets the request under `options` (the solve contract of
/// teamwright/solving.hpp: auto mode proves small requests optimal) and explains it.
///
/// The time limit covers the whole call: the search for the team takes three quarters of it
/// when replacements are to be priced, all of it otherwise, and the explanations' searches share
/// what is left (a diagnosis that runs out of time keeps the constraints it could not try and
/// says it is not proven minimal; members whose replacement was not priced have none).
/// Progress reports come from the search for the team; cancellation stops everything, returning
/// what was found.
///
/// Throws `UnknownReferenceError` / `InvalidInputError` subclasses for a request that breaks a
/// rule of the model (see `Model::validate`), or for options out of range. A request that cannot
/// be met is not an error: the result says why. Deterministic unless stopped by a limit. Thread
/// safe for a shared const model.
[[nodiscard]] TeamResult solve(const Model& model, const TeamRequest& request,
                               const SolveOptions& options = {}, const SolveHooks& hooks = {},
                               const ExplainOptions& explain = {});
/// Solves the model's request with that id; throws `UnknownReferenceError` if there is none.
[[nodiscard]] TeamResult solve(const Model& model, std::string_view request_id,
                               const SolveOptions& options = {}, const SolveHooks& hooks = {},
                               const ExplainOptions& explain = {});

}  // namespace teamwright::team
