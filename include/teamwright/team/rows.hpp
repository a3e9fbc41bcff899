#pragma once

/// \file
/// The lines of a request, resolved against a model: each team requirement and each role slot
/// becomes one row, in request order (requirements first, then role slots, then the leaders the
/// request asks for beyond its leader slots). Coverage tables, results and gap reports are
/// indexed by these rows; who may fill them is decided in team/eligibility.hpp.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "teamwright/model/model.hpp"

namespace teamwright::team {

enum class RowKind {
  kCount,     ///< at least `count` members at `min_level` in `competency`
  kFte,       ///< members at `min_level` in `competency` together available `fte` FTE
  kEveryone,  ///< every member at `min_level` in `competency`
  kRole,      ///< `count` members hold `role` (each member holds at most one role slot)
  kLeader,    ///< `count` members hold some leader role of the model (request.min_leaders)
};

/// The file-format name of a row kind: "count", "fte", "everyone", "role", "leader".
[[nodiscard]] std::string_view to_string(RowKind kind);
/// The row kind of a file-format name, or nothing.
[[nodiscard]] std::optional<RowKind> parse_row_kind(std::string_view name);

struct RequestRow {
  RowKind kind = RowKind::kCount;
  /// Index into the request's `requirements` (kCount, kFte, kEveryone) or `roles` (kRole); 0
  /// for kLeader.
  std::size_t source = 0;
  std::optional<CompetencyId> competency;  ///< kCount, kFte and kEveryone
  std::optional<RoleId> role;              ///< kRole
  double min_level = 0;                    ///< kCount, kFte and kEveryone
  int count = 0;                           ///< kCount, kRole and kLeader; 0 otherwise
  double fte = 0;                          ///< kFte
  /// The requirement's importance; for a role slot the highest importance of the role's hard
  /// requirements (3 if it has none), for kLeader that of all leader roles.
  int importance = 3;
  /// Role slots and leaders are always hard.
  bool hard = true;

  /// Whether members fill the row by holding a slot (kRole, kLeader).
  [[nodiscard]] bool is_slot() const { return kind == RowKind::kRole || kind == RowKind::kLeader; }
};

/// The rows of a request. Throws `UnknownReferenceError` for names the model lacks (call
/// `Model::validate` first to get every rule checked).
[[nodiscard]] std::vector<RequestRow> request_rows(const Model& model, const TeamRequest& request);

/// A short label naming the row by ids: "2 x empathy >= 4", "1.5 FTE x empathy >= 4",
/// "everyone: collaboration >= 2", "role team_lead x 1", "leader x 1".
[[nodiscard]] std::string describe(const Model& model, const RequestRow& row);

/// The row in a manager's words, levels with their scale labels: "2 members with empathy 4
/// (advanced) or above", "1.5 FTE with empathy 4 (advanced) or above", "everyone with
/// collaboration 2 (basic) or above", "1 Team lead / strategist (team_lead)", "1 leader".
[[nodiscard]] std::string describe_for_people(const Model& model, const RequestRow& row);

/// A level with its scale label where it has one: "4 (advanced)", "3.5".
[[nodiscard]] std::string level_text(const Model& model, double level);

}  // namespace teamwright::team
