// Results and gap reports as JSON: ids rather than indices, a label for every requirement so
// that members, unmet requirements and gaps can point at coverage rows by it.

#include "teamwright/io/json_results.hpp"

#include <string>

#include "io/json_contract.hpp"
#include "io/json_results_document.hpp"
#include "teamwright/team/rows.hpp"
#include "util/text.hpp"

namespace teamwright::io {
namespace detail {
namespace {

Json ids(const Model& model, const std::vector<PersonId>& people) {
  Json out = Json::array();
  for (const PersonId person : people) {
    out.push_back(model.person(person).id);
  }
  return out;
}

Json labels(const Model& model, const team::Coverage& coverage,
            const std::vector<std::size_t>& rows) {
  Json out = Json::array();
  for (const std::size_t row : rows) {
    out.push_back(team::describe(model, coverage.rows[row].row));
  }
  return out;
}

Json coverage_json(const Model& model, const team::Coverage& coverage) {
  Json out = Json::array();
  for (const team::CoverageRow& line : coverage.rows) {
    const team::RequestRow& row = line.row;
    Json item;
    item["requirement"] = team::describe(model, row);
    item["kind"] = std::string(team::to_string(row.kind));
    item["competency"] = row.competency ? Json(model.competency(*row.competency).id) : Json();
    item["role"] = row.role ? Json(model.role(*row.role).id) : Json();
    item["min_level"] = row.competency ? number(row.min_level) : Json();
    item["needed"] = number(line.needed);
    item["provided"] = number(line.provided);
    item["shortfall"] = number(line.shortfall());
    item["covered_by"] = ids(model, line.covered_by);
    item["met"] = line.met();
    item["hard"] = row.hard;
    item["importance"] = row.importance;
    out.push_back(std::move(item));
  }
  return out;
}

Json replacement_json(const Model& model, const team::Replacement& r) {
  return {{"status", std::string(to_string(r.status))},
          {"team", ids(model, r.team)},
          {"cost", number(r.cost)},
          {"objective", number(r.objective)},
          {"extra_cost", number(r.extra_cost)},
          {"extra_objective", number(r.extra_objective)},
          {"brings_in", ids(model, r.brings_in)}};
}

Json constraint_json(const team::Constraint& c) {
  return {{"kind", std::string(team::to_string(c.kind))}, {"index", c.index}, {"text", c.text}};
}

Json diagnosis_json(const Model& model, const team::Diagnosis& d) {
  Json conflict = Json::array();
  for (const team::Constraint& c : d.conflict) {
    conflict.push_back(constraint_json(c));
  }
  Json relaxations = Json::array();
  for (const team::Relaxation& r : d.relaxations) {
    Json profile = Json::array();
    for (const auto& [competency, level] : r.profile) {
      profile.push_back(
          {{"competency", model.competency(competency).id}, {"min_level", number(level)}});
    }
    Json roles = Json::array();
    for (const RoleId role : r.profile_roles) {
      roles.push_back(model.role(role).id);
    }
    relaxations.push_back({{"kind", std::string(team::to_string(r.kind))},
                           {"constraint", constraint_json(r.constraint)},
                           {"value", number(r.value)},
                           {"profile", std::move(profile)},
                           {"profile_roles", std::move(roles)},
                           {"hire_cost", number(r.hire_cost)},
                           {"status", std::string(to_string(r.status))},
                           {"team", ids(model, r.team)},
                           {"cost", number(r.cost)},
                           {"text", r.text}});
  }
  return {{"conflict", std::move(conflict)},
          {"minimal", d.minimal},
          {"relaxations", std::move(relaxations)},
          {"summary", d.summary}};
}

}  // namespace

Json result_to_json(const Model& model, const TeamRequest& request,
                    const team::TeamResult& result) {
  Json out;
  out["request"] = request.id;
  write_contract(out, result);
  out["cost"] = number(result.cost);
  out["size"] = result.members.size();
  out["objective"] = number(result.objective);
  out["penalty"] = number(result.penalty);
  out["weighted_coverage"] = result.weighted_coverage;
  Json members = Json::array();
  for (const team::MemberReport& member : result.members) {
    const Person& person = model.person(member.person);
    Json item;
    item["id"] = person.id;
    item["name"] = person.name;
    item["role"] = member.role ? Json(model.role(*member.role).id) : Json();
    item["slot"] =
        member.slot ? Json(team::describe(model, result.coverage.rows[*member.slot].row)) : Json();
    item["cost"] = number(person.cost);
    item["external"] = person.external;
    item["unique"] = labels(model, result.coverage, member.unique);
    item["shared"] = labels(model, result.coverage, member.shared);
    item["contributes"] = labels(model, result.coverage, member.contributes);
    item["replacement"] =
        member.replacement ? replacement_json(model, *member.replacement) : Json();
    item["summary"] = member.summary;
    members.push_back(std::move(item));
  }
  out["members"] = std::move(members);
  out["coverage"] = coverage_json(model, result.coverage);
  Json unmet = Json::array();
  for (const team::UnmetRequirement& u : result.unmet) {
    Json item;
    item["requirements"] = labels(model, result.coverage, u.rows);
    item["needed"] = number(u.needed);
    item["capable"] = u.capable;
    item["capable_people"] = ids(model, u.capable_people);
    unmet.push_back(std::move(item));
  }
  out["unmet"] = std::move(unmet);
  Json reasons = Json::array();
  for (const std::string& reason : result.reasons) {
    reasons.push_back(reason);
  }
  out["reasons"] = std::move(reasons);
  out["diagnosis"] = result.diagnosis ? diagnosis_json(model, *result.diagnosis) : Json();
  return out;
}

namespace {

std::string name_of(const Person& p) { return p.name.empty() ? p.id : p.name; }
std::string name_of(const Competency& c) { return c.name.empty() ? c.id : c.name; }
std::string level_label(const Model& model, double level) {
  return util::number(level) + " (" + model.scale().label(level) + ")";
}

// The goal's diagnosis and actions, in words.
std::string diagnosis(const Model& model, const analysis::DevelopmentGoal& g) {
  const Competency& c = model.competency(g.competency);
  return "at " + level_label(model, g.from_level) + " in " + name_of(c) + "; the team needs " +
         level_label(model, g.target_level);
}
std::vector<std::string> actions(const Model& model, const analysis::DevelopmentGoal& g) {
  const Competency& c = model.competency(g.competency);
  std::vector<std::string> out{"course: " + name_of(c) + " from " + util::number(g.from_level) +
                               " to " + util::number(g.target_level) + ", " + g.start + " to " +
                               g.due + " (" + util::readable(g.cost) + ")"};
  if (g.mentor) {
    const Person& mentor = model.person(*g.mentor);
    out.push_back("mentoring by " + name_of(mentor) + " (" + mentor.id + ", " +
                  level_label(model, model.effective_level(*g.mentor, g.competency)) + ")");
  }
  out.push_back("practice: use " + name_of(c) + " on the job, checked at every review");
  return out;
}

}  // namespace

Json plan_to_json(const Model& model, const analysis::Plan& plan) {
  Json development = Json::array();
  for (const analysis::DevelopmentPlan& d : plan.development) {
    Json goals = Json::array();
    for (const analysis::DevelopmentGoal& g : d.goals) {
      goals.push_back({{"competency", model.competency(g.competency).id},
                       {"from_level", number(g.from_level)},
                       {"target_level", number(g.target_level)},
                       {"target_label", model.scale().label(g.target_level)},
                       {"start", g.start},
                       {"due", g.due},
                       {"cost", number(g.cost)},
                       {"mentor", g.mentor ? Json(model.person(*g.mentor).id) : Json()},
                       {"diagnosis", diagnosis(model, g)},
                       {"actions", actions(model, g)}});
    }
    development.push_back({{"person", model.person(d.person).id},
                           {"role", d.role ? Json(model.role(*d.role).id) : Json()},
                           {"goals", std::move(goals)},
                           {"reviews", d.reviews}});
  }
  Json postings = Json::array();
  for (const auto& [person, posting] : plan.postings) {
    postings.push_back({{"person", model.person(person).id},
                        {"posting", job_posting_to_json(model, posting)},
                        {"markdown", job_posting_markdown(model, posting)}});
  }
  Json transfers = Json::array();
  for (const PersonId person : plan.transfers) {
    transfers.push_back(model.person(person).id);
  }
  return {{"start", plan.start},
          {"status", std::string(to_string(plan.status))},
          {"reasons", plan.reasons},
          {"cost", number(plan.cost)},
          {"development", std::move(development)},
          {"transfers", std::move(transfers)},
          {"postings", std::move(postings)}};
}

Json closure_to_json(const Model& model, const analysis::ClosureResult& result) {
  Json actions = Json::array();
  for (const analysis::ClosureAction& a : result.actions) {
    Json item = {{"kind", std::string(analysis::to_string(a.kind))},
                 {"person", model.person(a.person).id}};
    item["competency"] = a.competency ? Json(model.competency(*a.competency).id) : Json();
    item["from_level"] = a.competency ? number(a.from_level) : Json();
    item["to_level"] = a.competency ? number(a.to_level) : Json();
    item["to_label"] = a.competency ? Json(model.scale().label(a.to_level)) : Json();
    item["cost"] = number(a.cost);
    item["weeks"] = number(a.weeks);
    actions.push_back(std::move(item));
  }
  Json team = Json::array();
  for (const PersonId person : result.team) {
    team.push_back(model.person(person).id);
  }
  Json out = Json::object();
  write_contract(out, result);
  out["cost"] = number(result.cost);
  out["training_cost"] = number(result.training_cost);
  out["transfer_cost"] = number(result.transfer_cost);
  out["hire_cost"] = number(result.hire_cost);
  out["weeks"] = number(result.weeks);
  out["actions"] = std::move(actions);
  out["team"] = std::move(team);
  out["reasons"] = result.reasons;
  return out;
}

Json job_posting_to_json(const Model& model, const analysis::JobPosting& posting) {
  const auto lines = [&](const std::vector<analysis::PostingLine>& list) {
    Json out = Json::array();
    for (const analysis::PostingLine& line : list) {
      const Competency& c = model.competency(line.competency);
      out.push_back({{"competency", c.id},
                     {"name", name_of(c)},
                     {"kind", std::string(to_string(c.kind))},
                     {"min_level", number(line.min_level)},
                     {"label", model.scale().label(line.min_level)},
                     {"importance", line.importance},
                     {"trainable", line.trainable}});
    }
    return out;
  };
  return {{"role", posting.role ? Json(model.role(*posting.role).id) : Json()},
          {"title", posting.title},
          {"description", posting.description},
          {"required", lines(posting.required)},
          {"desirable", lines(posting.desirable)},
          {"responsibilities", posting.responsibilities}};
}

Json mismatches_to_json(const Model& model, std::span<const analysis::Mismatch> mismatches) {
  const auto evidence = [&](const std::vector<analysis::RequirementEvidence>& list) {
    Json out = Json::array();
    for (const analysis::RequirementEvidence& e : list) {
      out.push_back({{"competency", model.competency(e.competency).id},
                     {"min_level", number(e.min_level)},
                     {"level", number(e.level)},
                     {"label", model.scale().label(e.level)},
                     {"importance", e.importance},
                     {"hard", e.hard},
                     {"met", e.met()}});
    }
    return out;
  };
  Json out = Json::array();
  for (const analysis::Mismatch& m : mismatches) {
    out.push_back({{"person", model.person(m.person).id},
                   {"current_role", model.role(m.current_role).id},
                   {"current_fit", number(m.current_fit)},
                   {"better_role", model.role(m.better_role).id},
                   {"better_fit", number(m.better_fit)},
                   {"current", evidence(m.current)},
                   {"better", evidence(m.better)}});
  }
  return out;
}

Json assessment_review_to_json(const Model& model, const analysis::AssessmentReview& review) {
  const ProficiencyScale& scale = model.scale();
  Json blind_spots = Json::array();
  for (const analysis::BlindSpot& spot : review.blind_spots) {
    Json others = Json::array();
    for (const AssessmentSource source : spot.others) {
      others.push_back(std::string(to_string(source)));
    }
    blind_spots.push_back({{"person", model.person(spot.person).id},
                           {"competency", model.competency(spot.competency).id},
                           {"self_level", number(spot.self_level)},
                           {"self_label", scale.label(spot.self_level)},
                           {"others_level", number(spot.others_level)},
                           {"others_label", scale.label(spot.others_level)},
                           {"difference", number(spot.difference())},
                           {"others", std::move(others)}});
  }
  const auto dated = [&](const std::vector<analysis::DatedAssessment>& list) {
    Json out = Json::array();
    for (const analysis::DatedAssessment& d : list) {
      const Person& person = model.person(d.person);
      const Assessment& a = person.assessments[d.assessment];
      out.push_back({{"person", person.id},
                     {"competency", a.competency},
                     {"source", std::string(to_string(a.source))},
                     {"date", a.date},
                     {"level", number(a.level)},
                     {"label", scale.label(a.level)},
                     {"age_days", d.age_days}});
    }
    return out;
  };
  return {{"as_of", review.as_of},
          {"threshold", number(review.threshold)},
          {"blind_spots", std::move(blind_spots)},
          {"stale", dated(review.stale)},
          {"future", dated(review.future)}};
}

Json gap_report_to_json(const Model& model, const TeamRequest& request,
                        const analysis::GapReport& report) {
  Json out;
  out["request"] = request.id;
  out["team"] = ids(model, report.team);
  out["coverage"] = coverage_json(model, report.coverage);
  Json gaps = Json::array();
  for (const analysis::Gap& gap : report.gaps) {
    Json item;
    item["requirement"] = team::describe(model, report.coverage.rows[gap.row].row);
    item["competency"] = model.competency(gap.competency).id;
    item["role"] = gap.role ? Json(model.role(*gap.role).id) : Json();
    item["min_level"] = number(gap.min_level);
    item["min_label"] = model.scale().label(gap.min_level);
    item["importance"] = gap.importance;
    item["hard"] = gap.hard;
    item["missing"] = number(gap.missing);
    item["shortfall"] = number(gap.shortfall);
    item["priority"] = number(gap.priority);
    item["trainable"] = gap.trainable;
    Json train = Json::array();
    for (const analysis::TrainingOption& option : gap.train) {
      train.push_back({{"id", model.person(option.person).id},
                       {"level", number(option.level)},
                       {"shortfall", number(option.shortfall)}});
    }
    item["train"] = std::move(train);
    item["transfer"] = ids(model, gap.transfer);
    item["hire"] = ids(model, gap.hire);
    item["needs_hire"] = gap.needs_hire;
    gaps.push_back(std::move(item));
  }
  out["gaps"] = std::move(gaps);
  return out;
}

}  // namespace detail

std::string dump_result(const Model& model, const TeamRequest& request,
                        const team::TeamResult& result) {
  return detail::result_to_json(model, request, result).dump(2) + "\n";
}

std::string dump_plan(const Model& model, const analysis::Plan& plan) {
  return detail::plan_to_json(model, plan).dump(2) + "\n";
}

std::string plan_markdown(const Model& model, const analysis::Plan& plan) {
  std::string out = "# Development plan from " + plan.start + "\n\n";
  if (plan.status == Status::kInfeasible || plan.status == Status::kNoSolutionFound) {
    out +=
        std::string(plan.status == Status::kInfeasible ? "No plan exists" : "No plan found") + ": ";
    for (std::size_t k = 0; k < plan.reasons.size(); ++k) {
      out += (k > 0 ? "; " : "") + plan.reasons[k];
    }
    out += ".\n";
    return out;
  }
  if (plan.development.empty() && plan.postings.empty() && plan.transfers.empty()) {
    out += "Nothing to do: the team meets every hard requirement.\n";
    return out;
  }
  for (const analysis::DevelopmentPlan& d : plan.development) {
    const Person& p = model.person(d.person);
    out += "## " + detail::name_of(p) + " (" + p.id + ")";
    out += d.role ? ", " + model.role(*d.role).id : std::string();
    out += "\n\n";
    for (const analysis::DevelopmentGoal& g : d.goals) {
      out += "- Goal: " + detail::name_of(model.competency(g.competency)) + " " +
             detail::level_label(model, g.target_level) + " by " + g.due + "\n";
      out += "  - Diagnosis: " + detail::diagnosis(model, g) + "\n";
      for (const std::string& action : detail::actions(model, g)) {
        out += "  - " + action + "\n";
      }
    }
    out += "- Reviews: ";
    for (std::size_t k = 0; k < d.reviews.size(); ++k) {
      out += (k > 0 ? ", " : "") + d.reviews[k];
    }
    out += "\n\n";
  }
  if (!plan.transfers.empty()) {
    out += "## Transfer in\n\n";
    for (const PersonId person : plan.transfers) {
      const Person& p = model.person(person);
      out += "- " + detail::name_of(p) + " (" + p.id + ", " + util::readable(p.cost) + ")\n";
    }
    out += "\n";
  }
  for (const auto& [person, posting] : plan.postings) {
    out += "## Hire (as " + model.person(person).id + " would): " + posting.title + "\n\n";
    std::string body = job_posting_markdown(model, posting);
    out += body.substr(body.find('\n') + 1);  // the posting without its own title line
    out += "\n";
  }
  out.pop_back();
  return out;
}

std::string dump_closure(const Model& model, const analysis::ClosureResult& result) {
  return detail::closure_to_json(model, result).dump(2) + "\n";
}

std::string dump_job_posting(const Model& model, const analysis::JobPosting& posting) {
  return detail::job_posting_to_json(model, posting).dump(2) + "\n";
}

std::string job_posting_markdown(const Model& model, const analysis::JobPosting& posting) {
  std::string out = "# " + posting.title + "\n\n";
  if (!posting.description.empty()) {
    out += posting.description + "\n\n";
  }
  const auto section = [&](const char* title, const std::vector<analysis::PostingLine>& lines) {
    if (lines.empty()) {
      return;
    }
    out += std::string("## ") + title + "\n\n";
    for (const analysis::PostingLine& line : lines) {
      const Competency& c = model.competency(line.competency);
      out += "- " + detail::name_of(c) + ": " + util::number(line.min_level) + " (" +
             model.scale().label(line.min_level) + ") or above";
      if (!line.trainable) {
        out +=
            " (a " + std::string(to_string(c.kind)) + ": hire for it, training cannot create it)";
      }
      out += "\n";
    }
    out += "\n";
  };
  section("Required", posting.required);
  section("Desirable", posting.desirable);
  if (!posting.responsibilities.empty()) {
    out += "## Responsibilities\n\n";
    for (const std::string& r : posting.responsibilities) {
      out += "- " + r + "\n";
    }
    out += "\n";
  }
  out.pop_back();  // one newline at the end
  return out;
}

std::string dump_mismatches(const Model& model, std::span<const analysis::Mismatch> mismatches) {
  return detail::mismatches_to_json(model, mismatches).dump(2) + "\n";
}

std::string dump_assessment_review(const Model& model, const analysis::AssessmentReview& review) {
  return detail::assessment_review_to_json(model, review).dump(2) + "\n";
}

std::string dump_gap_report(const Model& model, const TeamRequest& request,
                            const analysis::GapReport& report) {
  return detail::gap_report_to_json(model, request, report).dump(2) + "\n";
}

}  // namespace teamwright::io
