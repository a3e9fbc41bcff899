#pragma once

/// \file
/// The JSON form of results (docs/format.md#results): what the CLI's `--json` prints and what
/// the Python results hold. A team result written here reads back into the `team::TeamResult`
/// it came from, so that a saved result can be checked later (`team::check`) or by another
/// program than the one that solved it.

#include <span>
#include <string>
#include <string_view>

#include "teamwright/analysis/assessments.hpp"
#include "teamwright/analysis/closure.hpp"
#include "teamwright/analysis/fit.hpp"
#include "teamwright/analysis/gaps.hpp"
#include "teamwright/analysis/plan.hpp"
#include "teamwright/analysis/posting.hpp"
#include "teamwright/model/model.hpp"
#include "teamwright/team/solve.hpp"

namespace teamwright::io {

/// The JSON form of a result: status, members with why they are in, cost, coverage table,
/// unmet requirements, reasons and diagnosis; people, roles and competencies by id, coverage
/// rows by their label (`team::describe`).
[[nodiscard]] std::string dump_result(const Model& model, const TeamRequest& request,
                                      const team::TeamResult& result);

/// Reads a result of `request` back: `parse_result(m, r, dump_result(m, r, x))` gives `x`'s
/// claims again (the checker's findings about both are the same). Fields it does not know are
/// ignored, so that results of newer writers still read. Throws `FormatError` for malformed
/// JSON, a missing field or a value of the wrong type, and for a label that names no row of
/// the request; `UnknownReferenceError` for an id the model lacks.
[[nodiscard]] team::TeamResult parse_result(const Model& model, const TeamRequest& request,
                                            std::string_view text);

/// The JSON form of a gap report (docs/format.md#gap-reports).
[[nodiscard]] std::string dump_gap_report(const Model& model, const TeamRequest& request,
                                          const analysis::GapReport& report);

/// The JSON form of a plan (docs/format.md#plans), and the plan as Markdown: per member the
/// diagnosis, the goals with dates, the actions (course, mentor, practice) and the reviews; per
/// hire the job posting.
[[nodiscard]] std::string dump_plan(const Model& model, const analysis::Plan& plan);
[[nodiscard]] std::string plan_markdown(const Model& model, const analysis::Plan& plan);

/// The JSON form of a gap closure (docs/format.md#gap-closures).
[[nodiscard]] std::string dump_closure(const Model& model, const analysis::ClosureResult& result);

/// The JSON form of a job posting (docs/format.md#job-postings), and the posting as Markdown, for
/// a job board or an e-mail: the title, the description, what is required and what desirable
/// (levels with their scale labels, talents and traits marked), the responsibilities.
[[nodiscard]] std::string dump_job_posting(const Model& model, const analysis::JobPosting& posting);
[[nodiscard]] std::string job_posting_markdown(const Model& model,
                                               const analysis::JobPosting& posting);

/// The JSON form of a list of mismatches (docs/format.md#mismatches).
[[nodiscard]] std::string dump_mismatches(const Model& model,
                                          std::span<const analysis::Mismatch> mismatches);

/// The JSON form of an assessment review (docs/format.md#assessment-reviews).
[[nodiscard]] std::string dump_assessment_review(const Model& model,
                                                 const analysis::AssessmentReview& review);

}  // namespace teamwright::io
