// Reading a team result back from its JSON form: ids become indices again and every label
// names the coverage row it was written from. Only the claims are read; what the writer derives
// from them (size, shortfall, met) is left to the checker to recompute.

#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io/json_contract.hpp"
#include "io/json_fields.hpp"
#include "io/json_results_document.hpp"
#include "teamwright/io/json_results.hpp"
#include "teamwright/team/rows.hpp"

namespace teamwright::io {
namespace detail {
namespace {

using util::quote;

// The request's rows by their labels. Two rows can share a label (a requirement given twice):
// in a list of labels, the k-th time a label appears it names the k-th row with that label.
class RowLabels {
 public:
  RowLabels(const Model& model, const std::vector<team::RequestRow>& rows) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      rows_of_[team::describe(model, rows[i])].push_back(i);
    }
  }

  [[nodiscard]] std::vector<std::size_t> rows(const std::vector<std::string>& labels,
                                              const std::string& where) const {
    std::map<std::string, std::size_t, std::less<>> seen;
    std::vector<std::size_t> out;
    out.reserve(labels.size());
    for (const std::string& label : labels) {
      const auto found = rows_of_.find(label);
      std::size_t& k = seen[label];
      if (found == rows_of_.end() || k >= found->second.size()) {
        throw FormatError(where + ": " + quote(label) + " is not a row of the request");
      }
      out.push_back(found->second[k++]);
    }
    return out;
  }

 private:
  std::map<std::string, std::vector<std::size_t>, std::less<>> rows_of_;
};

std::vector<PersonId> people_of(const Model& model, Fields& f, const char* key) {
  std::vector<PersonId> out;
  for (const std::string& id : f.strings(key)) {
    out.push_back(model.person_id(id));
  }
  return out;
}

team::Replacement read_replacement(const Model& model, const Json& value,
                                   const std::string& where) {
  Fields f(value, where);
  team::Replacement r;
  r.status = status_of(f);
  r.team = people_of(model, f, "team");
  r.cost = f.real("cost");
  r.objective = f.real("objective");
  r.extra_cost = f.real("extra_cost");
  r.extra_objective = f.real("extra_objective");
  r.brings_in = people_of(model, f, "brings_in");
  return r;
}

team::Constraint read_constraint(const Json& value, const std::string& where) {
  Fields f(value, where);
  team::Constraint c;
  c.kind = named<team::Constraint::Kind>(
      f, "kind", team::parse_constraint_kind,
      "requirement, role_slot, min_leaders, max_leaders, budget, min_size, max_size, "
      "must_include, exclude, incompatible, robust, min_availability");
  c.index = static_cast<std::size_t>(f.integer("index"));
  c.text = f.string("text");
  return c;
}

team::Diagnosis read_diagnosis(const Model& model, const Json& value, const std::string& where) {
  Fields f(value, where);
  team::Diagnosis d;
  f.each("conflict", [&](const Json& item, const std::string& item_where) {
    d.conflict.push_back(read_constraint(item, item_where));
  });
  d.minimal = f.boolean("minimal");
  f.each("relaxations", [&](const Json& item, const std::string& item_where) {
    Fields g(item, item_where);
    team::Relaxation r;
    r.kind = named<team::Relaxation::Kind>(g, "kind", team::parse_relaxation_kind,
                                           "raise, lower, drop, hire");
    r.constraint = read_constraint(g.require("constraint"), g.field("constraint"));
    r.value = g.real("value");
    g.each("profile", [&](const Json& entry, const std::string& entry_where) {
      Fields h(entry, entry_where);
      const CompetencyId competency = model.competency_id(h.string("competency"));
      r.profile.emplace_back(competency, h.real("min_level"));
    });
    for (const std::string& role : g.strings("profile_roles")) {
      r.profile_roles.push_back(model.role_id(role));
    }
    r.hire_cost = g.real("hire_cost");
    r.status = status_of(g);
    r.team = people_of(model, g, "team");
    r.cost = g.real("cost");
    r.text = g.string("text");
    d.relaxations.push_back(std::move(r));
  });
  d.summary = f.string("summary");
  return d;
}

}  // namespace

team::TeamResult result_from_json(const Model& model, const TeamRequest& request,
                                  const Json& document) {
  Fields f(document, "result");
  if (const std::string id = f.string("request"); id != request.id) {
    throw FormatError("result: it answers request " + quote(id) + ", not " + quote(request.id));
  }
  f.rename("result of " + quote(request.id));
  const std::vector<team::RequestRow> rows = team::request_rows(model, request);
  const RowLabels labels(model, rows);

  team::TeamResult result;
  read_contract(f, result);
  result.cost = f.real("cost");
  result.objective = f.real("objective");
  result.penalty = f.real("penalty");
  result.weighted_coverage = f.real("weighted_coverage");

  f.each("coverage", [&](const Json& item, const std::string& where) {
    Fields g(item, where);
    team::CoverageRow line;
    const std::size_t i = result.coverage.rows.size();
    line.row = i < rows.size() ? rows[i] : team::RequestRow{};
    line.row.kind =
        named<team::RowKind>(g, "kind", team::parse_row_kind, "count, fte, everyone, role, leader");
    const Json* competency = g.nullable("competency");
    line.row.competency = competency == nullptr
                              ? std::nullopt
                              : std::optional(model.competency_id(
                                    Fields::as_string(*competency, g.field("competency"))));
    const Json* role = g.nullable("role");
    line.row.role = role == nullptr
                        ? std::nullopt
                        : std::optional(model.role_id(Fields::as_string(*role, g.field("role"))));
    const Json* min_level = g.nullable("min_level");
    line.row.min_level =
        min_level == nullptr ? 0.0 : Fields::as_real(*min_level, g.field("min_level"));
    line.row.hard = g.boolean("hard");
    line.row.importance = g.integer("importance");
    line.needed = g.real("needed");
    line.provided = g.real("provided");
    line.covered_by = people_of(model, g, "covered_by");
    result.coverage.rows.push_back(std::move(line));
  });

  f.each("members", [&](const Json& item, const std::string& where) {
    Fields g(item, where);
    team::MemberReport member;
    member.person = model.person_id(g.string("id"));
    g.rename("member " + quote(model.person(member.person).id));
    if (const Json* slot = g.nullable("slot")) {
      member.slot = labels.rows({Fields::as_string(*slot, g.field("slot"))}, g.field("slot"))[0];
    }
    if (const Json* role = g.nullable("role")) {
      member.role = model.role_id(Fields::as_string(*role, g.field("role")));
    }
    member.unique = labels.rows(g.strings("unique"), g.field("unique"));
    member.shared = labels.rows(g.strings("shared"), g.field("shared"));
    member.contributes = labels.rows(g.strings("contributes"), g.field("contributes"));
    if (const Json* replacement = g.nullable("replacement")) {
      member.replacement = read_replacement(model, *replacement, g.field("replacement"));
    }
    member.summary = g.string("summary");
    if (member.slot && member.role) {
      result.coverage.holders.push_back({member.person, *member.slot, *member.role});
    }
    result.members.push_back(std::move(member));
  });

  f.each("unmet", [&](const Json& item, const std::string& where) {
    Fields g(item, where);
    team::UnmetRequirement unmet;
    unmet.rows = labels.rows(g.strings("requirements"), g.field("requirements"));
    unmet.needed = g.real("needed");
    unmet.capable = g.integer("capable");
    unmet.capable_people = people_of(model, g, "capable_people");
    result.unmet.push_back(std::move(unmet));
  });
  result.reasons = f.strings("reasons");
  if (const Json* diagnosis = f.nullable("diagnosis")) {
    result.diagnosis = read_diagnosis(model, *diagnosis, f.field("diagnosis"));
  }
  return result;
}

}  // namespace detail

team::TeamResult parse_result(const Model& model, const TeamRequest& request,
                              std::string_view text) {
  return detail::result_from_json(model, request, detail::parse_text(text));
}

}  // namespace teamwright::io
