#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bindings/convert.hpp"
#include "bindings/interruptible.hpp"
#include "bindings/register.hpp"
#include "io/json_results_document.hpp"
#include "teamwright/analysis/assessments.hpp"
#include "teamwright/analysis/closure.hpp"
#include "teamwright/analysis/fit.hpp"
#include "teamwright/analysis/gaps.hpp"
#include "teamwright/analysis/plan.hpp"
#include "teamwright/analysis/posting.hpp"
#include "teamwright/io/json_results.hpp"
#include "teamwright/team/check.hpp"
#include "teamwright/team/compile.hpp"
#include "teamwright/team/solve.hpp"

namespace py = pybind11;

namespace teamwright::python {
void register_team(py::module_& m) {
  m.def(
      "solve",
      [](const Model& model, py::handle request, const std::string& mode, double time_limit_s,
         std::uint64_t seed, int threads, const py::object& on_progress,
         const CancellationToken* cancel, bool replacements) {
        const TeamRequest parsed = request_of(model, request);
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        team::TeamResult result =
            solve_interruptibly(on_progress, cancel, [&](const SolveHooks& hooks) {
              return team::solve(model, parsed, options, hooks, {.replacements = replacements});
            });
        io::detail::Json json;
        {
          py::gil_scoped_release release;
          json = io::detail::result_to_json(model, parsed, result);
        }
        return to_python(json);
      },
      py::arg("model"), py::arg("request"), py::arg("mode"), py::arg("time_limit_s"),
      py::arg("seed"), py::arg("threads"), py::arg("on_progress"), py::arg("cancel"),
      py::arg("replacements"),
      "Solves a request; returns the result document (docs/format.md#results).");

  m.def(
      "compile_request",
      [](const Model& model, py::handle request) {
        const TeamRequest parsed = request_of(model, request);
        py::gil_scoped_release release;
        return team::compile(model, parsed).problem;
      },
      py::arg("model"), py::arg("request"),
      "The covering problem a request compiles to (docs/model.md).");

  m.def(
      "check",
      [](const Model& model, py::handle request, py::handle result) {
        const TeamRequest parsed = request_of(model, request);
        const io::detail::Json document = to_json(result, "result");
        py::gil_scoped_release release;
        return team::check(model, parsed, io::detail::result_from_json(model, parsed, document));
      },
      py::arg("model"), py::arg("request"), py::arg("result"),
      "The checker's findings about a result document: empty when every claim holds.");

  m.def(
      "gap_report",
      [](const Model& model, py::handle request, const std::vector<std::string>& team,
         std::optional<std::size_t> top_k) {
        const TeamRequest parsed = request_of(model, request);
        const std::vector<PersonId> people = people_of(model, team);
        io::detail::Json json;
        {
          py::gil_scoped_release release;
          json = io::detail::gap_report_to_json(model, parsed,
                                                analysis::gap_report(model, parsed, people, top_k));
        }
        return to_python(json);
      },
      py::arg("model"), py::arg("request"), py::arg("people"), py::arg("top_k"));
  m.def(
      "review_assessments",
      [](const Model& model, double threshold) {
        io::detail::Json json;
        {
          py::gil_scoped_release release;
          json = io::detail::assessment_review_to_json(
              model, analysis::review_assessments(model, threshold));
        }
        return to_python(json);
      },
      py::arg("model"), py::arg("threshold"));
  m.def(
      "fit_matrix",
      [](const Model& model, const std::vector<std::string>& roles) {
        std::vector<RoleId> ids;
        ids.reserve(roles.size());
        for (const std::string& role : roles) {
          ids.push_back(model.role_id(role));
        }
        auto* fit = new analysis::FitMatrix();
        const py::capsule owner(fit, [](void* p) { delete static_cast<analysis::FitMatrix*>(p); });
        {
          py::gil_scoped_release release;
          *fit = analysis::fit_matrix(model, ids);
        }
        // Zero-copy: NumPy reads the Eigen matrix's row-major storage, which the capsule owns.
        return py::array_t<double>({fit->rows(), fit->cols()},
                                   {static_cast<py::ssize_t>(sizeof(double)) * fit->cols(),
                                    static_cast<py::ssize_t>(sizeof(double))},
                                   fit->data(), owner);
      },
      py::arg("model"), py::arg("roles"));
  m.def(
      "mismatches",
      [](const Model& model, double low_fit, double margin) {
        io::detail::Json json;
        {
          py::gil_scoped_release release;
          json = io::detail::mismatches_to_json(
              model, analysis::mismatches(model, {.low_fit = low_fit, .margin = margin}));
        }
        return to_python(json);
      },
      py::arg("model"), py::arg("low_fit"), py::arg("margin"));
  m.def(
      "job_posting",
      [](const Model& model, std::string_view role) {
        const analysis::JobPosting posting = analysis::job_posting(model, model.role_id(role));
        return py::make_tuple(to_python(io::detail::job_posting_to_json(model, posting)),
                              io::job_posting_markdown(model, posting));
      },
      py::arg("model"), py::arg("role"));
  m.def(
      "close_gaps",
      [](const Model& model, py::handle request, const std::vector<std::string>& team,
         std::optional<double> deadline_weeks, bool train, bool transfer, bool hire,
         const std::string& mode, double time_limit_s, std::uint64_t seed, int threads,
         const py::object& on_progress, const CancellationToken* cancel) {
        const TeamRequest parsed = request_of(model, request);
        const std::vector<PersonId> people = people_of(model, team);
        const analysis::ClosureOptions closure{
            .deadline_weeks = deadline_weeks, .train = train, .transfer = transfer, .hire = hire};
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        const auto result = solve_interruptibly(on_progress, cancel, [&](const SolveHooks& h) {
          return analysis::close_gaps(model, parsed, people, closure, options, h);
        });
        return to_python(io::detail::closure_to_json(model, result));
      },
      py::arg("model"), py::arg("request"), py::arg("people"), py::arg("deadline_weeks"),
      py::arg("train"), py::arg("transfer"), py::arg("hire"), py::arg("mode"),
      py::arg("time_limit_s"), py::arg("seed"), py::arg("threads"), py::arg("on_progress"),
      py::arg("cancel"));
  m.def(
      "development_plan",
      [](const Model& model, py::handle request, const std::vector<std::string>& team,
         std::optional<double> deadline_weeks, const std::string& mode, double time_limit_s,
         std::uint64_t seed, int threads, const py::object& on_progress,
         const CancellationToken* cancel) {
        const TeamRequest parsed = request_of(model, request);
        const std::vector<PersonId> people = people_of(model, team);
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        const auto closure = solve_interruptibly(on_progress, cancel, [&](const SolveHooks& h) {
          return analysis::close_gaps(model, parsed, people, {.deadline_weeks = deadline_weeks},
                                      options, h);
        });
        const analysis::Plan plan = analysis::development_plan(model, parsed, closure);
        return py::make_tuple(to_python(io::detail::closure_to_json(model, closure)),
                              to_python(io::detail::plan_to_json(model, plan)),
                              io::plan_markdown(model, plan));
      },
      py::arg("model"), py::arg("request"), py::arg("people"), py::arg("deadline_weeks"),
      py::arg("mode"), py::arg("time_limit_s"), py::arg("seed"), py::arg("threads"),
      py::arg("on_progress"), py::arg("cancel"));
}

}  // namespace teamwright::python
