#pragma once

// Results as nlohmann values, for io/ itself and for the Python bindings (docs/format.md#results).

#include "io/json_document.hpp"
#include "teamwright/analysis/assessments.hpp"
#include "teamwright/analysis/closure.hpp"
#include "teamwright/analysis/fit.hpp"
#include "teamwright/analysis/gaps.hpp"
#include "teamwright/analysis/plan.hpp"
#include "teamwright/analysis/posting.hpp"
#include "teamwright/team/solve.hpp"

namespace teamwright::io::detail {

[[nodiscard]] Json result_to_json(const Model& model, const TeamRequest& request,
                                  const team::TeamResult& result);
[[nodiscard]] team::TeamResult result_from_json(const Model& model, const TeamRequest& request,
                                                const Json& document);
[[nodiscard]] Json gap_report_to_json(const Model& model, const TeamRequest& request,
                                      const analysis::GapReport& report);
[[nodiscard]] Json plan_to_json(const Model& model, const analysis::Plan& plan);
[[nodiscard]] Json closure_to_json(const Model& model, const analysis::ClosureResult& result);
[[nodiscard]] Json job_posting_to_json(const Model& model, const analysis::JobPosting& posting);
[[nodiscard]] Json mismatches_to_json(const Model& model,
                                      std::span<const analysis::Mismatch> mismatches);
[[nodiscard]] Json assessment_review_to_json(const Model& model,
                                             const analysis::AssessmentReview& review);

}  // namespace teamwright::io::detail
