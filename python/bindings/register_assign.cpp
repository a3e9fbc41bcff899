// Assignment for Python. Linear assignment reads NumPy matrices in place (any row stride, unit
// column stride) with the GIL released; teamwright.assign normalises dtypes and layouts first.
// The other solvers take plain values and the solve contract's options, run through
// interruptible.hpp, and return their result documents (io/json_solutions.hpp) as dicts that
// teamwright.assign wraps.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "bindings/convert.hpp"
#include "bindings/interruptible.hpp"
#include "bindings/register.hpp"
#include "io/json_solutions_document.hpp"
#include "teamwright/assign/generalized.hpp"
#include "teamwright/assign/linear.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/generalized_file.hpp"
#include "teamwright/io/matrix_file.hpp"
#include "teamwright/placement/mentoring.hpp"
#include "teamwright/placement/roles.hpp"
#include "teamwright/placement/split.hpp"
#include "teamwright/placement/staffing.hpp"

namespace py = pybind11;

namespace teamwright::python {
namespace {

// A view of a 2-D array whose rows are contiguous; the array must outlive it.
template <class T>
assign::MatrixView<T> view_of(const py::array& array, const char* what) {
  if (array.ndim() == 2 && array.size() == 0 && py::isinstance<py::array_t<T>>(array)) {
    return {static_cast<const T*>(array.data()), array.shape(0), array.shape(1), array.shape(1)};
  }
  if (array.ndim() != 2 || !py::isinstance<py::array_t<T>>(array) ||
      (array.shape(1) > 1 && array.strides(1) != static_cast<py::ssize_t>(sizeof(T))) ||
      array.strides(0) % static_cast<py::ssize_t>(sizeof(T)) != 0 || array.strides(0) < 0) {
    throw InvalidInputError(std::string(what) +
                            ": expected a 2-D array with contiguous rows of the solver's dtype");
  }
  const auto stride =
      array.shape(0) > 1 ? array.strides(0) / static_cast<py::ssize_t>(sizeof(T)) : array.shape(1);
  return {static_cast<const T*>(array.data()), array.shape(0), array.shape(1),
          std::max<py::ssize_t>(stride, array.shape(1))};
}

py::array_t<std::int64_t> to_array(std::vector<std::int64_t> values) {
  auto* owner = new std::vector<std::int64_t>(std::move(values));
  const py::capsule free_when_done(
      owner, [](void* p) { delete static_cast<std::vector<std::int64_t>*>(p); });
  return py::array_t<std::int64_t>(static_cast<py::ssize_t>(owner->size()), owner->data(),
                                   free_when_done);
}

template <class T>
py::tuple solve(const py::array& cost, bool maximize, const py::object& forbidden) {
  assign::AssignmentOptions options;
  options.sense = maximize ? assign::Sense::kMaximize : assign::Sense::kMinimize;
  if (!forbidden.is_none()) {
    options.forbidden = view_of<bool>(forbidden.cast<py::array>(), "forbidden");
  }
  const auto matrix = view_of<T>(cost, "cost matrix");
  assign::Assignment<T> result;
  {
    py::gil_scoped_release release;
    result = assign::linear_assignment(matrix, options);
  }
  if (!result.feasible) {
    throw InvalidInputError("cost matrix is infeasible: the forbidden pairs leave no assignment");
  }
  return py::make_tuple(to_array(std::move(result.rows)), to_array(std::move(result.cols)));
}

}  // namespace

void register_assign(py::module_& m) {
  m.def(
      "assign_staff",
      [](const Model& model, const std::vector<std::string>& people,
         const std::vector<std::tuple<std::string, std::string, double>>& seats,
         std::int64_t max_moves, const std::string& mode, double time_limit_s, std::uint64_t seed,
         int threads, const py::object& on_progress, const CancellationToken* cancel) {
        std::vector<placement::Seat> parsed;
        parsed.reserve(seats.size());
        for (const auto& [id, role, fte] : seats) {
          parsed.push_back({id, role, fte});
        }
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        const placement::StaffingResult r =
            solve_interruptibly(on_progress, cancel, [&](const SolveHooks& h) {
              return placement::assign_staff(model, people, parsed, {.max_moves = max_moves},
                                             options, h);
            });
        return to_python(io::detail::to_json(r));
      },
      py::arg("model"), py::arg("people"), py::arg("seats"), py::arg("max_moves"), py::arg("mode"),
      py::arg("time_limit_s"), py::arg("seed"), py::arg("threads"), py::arg("on_progress"),
      py::arg("cancel"));
  py::class_<assign::GeneralizedProblem>(
      m, "GeneralizedProblem",
      "A generalized assignment problem: agents with capacities, jobs with a cost and a weight per "
      "agent (read_generalized, or assign_generalized's arrays)")
      .def_readonly("agents", &assign::GeneralizedProblem::agents)
      .def_readonly("jobs", &assign::GeneralizedProblem::jobs)
      .def(py::pickle(
          [](const assign::GeneralizedProblem& p) {
            return py::make_tuple(p.agents, p.jobs, p.cost, p.weight, p.capacity);
          },
          [](const py::tuple& state) {
            assign::GeneralizedProblem p;
            p.agents = state[0].cast<int>();
            p.jobs = state[1].cast<int>();
            p.cost = state[2].cast<std::vector<double>>();
            p.weight = state[3].cast<std::vector<double>>();
            p.capacity = state[4].cast<std::vector<double>>();
            return p;
          }));
  m.def("read_generalized", &io::read_generalized, py::arg("path"),
        py::call_guard<py::gil_scoped_release>());
  m.def(
      "generalized_from_arrays",
      [](const py::array_t<double, py::array::c_style | py::array::forcecast>& cost,
         const py::array_t<double, py::array::c_style | py::array::forcecast>& weight,
         const py::array_t<double, py::array::c_style | py::array::forcecast>& capacity) {
        // teamwright.assign checks the shapes; the solver checks the values.
        assign::GeneralizedProblem p;
        p.agents = static_cast<int>(cost.shape(0));
        p.jobs = static_cast<int>(cost.shape(1));
        p.cost.assign(cost.data(), cost.data() + cost.size());
        p.weight.assign(weight.data(), weight.data() + weight.size());
        p.capacity.assign(capacity.data(), capacity.data() + capacity.size());
        return p;
      },
      py::arg("cost"), py::arg("weight"), py::arg("capacity"));
  m.def(
      "solve_generalized",
      [](const assign::GeneralizedProblem& problem, bool maximize, std::int64_t max_moves,
         const std::string& mode, double time_limit_s, std::uint64_t seed, int threads,
         const py::object& on_progress, const CancellationToken* cancel) {
        const assign::GeneralizedOptions gap{
            .sense = maximize ? assign::Sense::kMaximize : assign::Sense::kMinimize,
            .max_moves = max_moves};
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        const assign::GeneralizedSolution s =
            solve_interruptibly(on_progress, cancel, [&](const SolveHooks& h) {
              return assign::solve_generalized(problem, gap, options, h);
            });
        return to_python(io::detail::to_json(s));
      },
      py::arg("problem"), py::arg("maximize"), py::arg("max_moves"), py::arg("mode"),
      py::arg("time_limit_s"), py::arg("seed"), py::arg("threads"), py::arg("on_progress"),
      py::arg("cancel"));
  m.def(
      "check_generalized",
      [](const assign::GeneralizedProblem& problem, bool maximize, const py::dict& document) {
        const assign::Sense sense = maximize ? assign::Sense::kMaximize : assign::Sense::kMinimize;
        const assign::GeneralizedSolution s =
            io::detail::generalized_solution_from_json(to_json(document, "solution"), sense);
        py::gil_scoped_release release;
        return assign::check(problem, sense, s);
      },
      py::arg("problem"), py::arg("maximize"), py::arg("solution"));
  py::class_<placement::SplitRules>(m, "SplitRules")
      .def(py::init<>())
      .def_readwrite("teams", &placement::SplitRules::teams)
      .def_readwrite("min_size", &placement::SplitRules::min_size)
      .def_readwrite("max_size", &placement::SplitRules::max_size)
      .def_readwrite("keep_apart", &placement::SplitRules::keep_apart)
      .def_readwrite("keep_together", &placement::SplitRules::keep_together)
      .def_readwrite("no_lone", &placement::SplitRules::no_lone)
      .def_readwrite("previous_team", &placement::SplitRules::previous_team);
  m.def(
      "split",
      [](const Model& model, py::handle request, const std::vector<std::string>& people,
         const placement::SplitRules& rules, const std::string& mode, double time_limit_s,
         std::uint64_t seed, int threads, const py::object& on_progress,
         const CancellationToken* cancel) {
        const TeamRequest parsed = request_of(model, request);
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        const auto result = solve_interruptibly(on_progress, cancel, [&](const SolveHooks& h) {
          return placement::split(model, people, parsed, rules, options, h);
        });
        return to_python(io::detail::to_json(result));
      },
      py::arg("model"), py::arg("request"), py::arg("people"), py::arg("rules"), py::arg("mode"),
      py::arg("time_limit_s"), py::arg("seed"), py::arg("threads"), py::arg("on_progress"),
      py::arg("cancel"));
  m.def(
      "check_split",
      [](const Model& model, py::handle request, const std::vector<std::string>& people,
         const placement::SplitRules& rules, const py::dict& document) {
        return placement::check(model, people, request_of(model, request), rules,
                                io::detail::split_result_from_json(to_json(document, "result")));
      },
      py::arg("model"), py::arg("request"), py::arg("people"), py::arg("rules"), py::arg("result"));
  m.def(
      "assign_roles",
      [](const Model& model, const std::vector<std::string>& people,
         const std::vector<std::tuple<std::string, std::string, std::string>>& slots,
         double preference_bonus, const std::string& mode, double time_limit_s, std::uint64_t seed,
         int threads, const py::object& on_progress, const CancellationToken* cancel) {
        std::vector<placement::Slot> parsed;
        parsed.reserve(slots.size());
        for (const auto& [id, role, shift] : slots) {
          parsed.push_back({id, role, shift});
        }
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        const auto result = solve_interruptibly(on_progress, cancel, [&](const SolveHooks& h) {
          return placement::assign_roles(model, people, parsed,
                                         {.preference_bonus = preference_bonus}, options, h);
        });
        return to_python(io::detail::to_json(result));
      },
      py::arg("model"), py::arg("people"), py::arg("slots"), py::arg("preference_bonus"),
      py::arg("mode"), py::arg("time_limit_s"), py::arg("seed"), py::arg("threads"),
      py::arg("on_progress"), py::arg("cancel"));
  m.def(
      "assign_mentors",
      [](const Model& model, const std::vector<std::string>& people,
         const std::vector<std::tuple<std::string, double, std::optional<double>, int>>& goals,
         const std::string& mode, double time_limit_s, std::uint64_t seed, int threads,
         const py::object& on_progress, const CancellationToken* cancel) {
        std::vector<placement::MentoringGoal> parsed;
        parsed.reserve(goals.size());
        for (const auto& [competency, target, mentor, importance] : goals) {
          parsed.push_back({competency, target, mentor, importance});
        }
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        const auto result = solve_interruptibly(on_progress, cancel, [&](const SolveHooks& h) {
          return placement::assign_mentors(model, people, parsed, options, h);
        });
        return to_python(io::detail::to_json(result));
      },
      py::arg("model"), py::arg("people"), py::arg("goals"), py::arg("mode"),
      py::arg("time_limit_s"), py::arg("seed"), py::arg("threads"), py::arg("on_progress"),
      py::arg("cancel"));
  m.def(
      "read_cost_matrix",
      [](const std::filesystem::path& path) -> py::array {
        io::CostMatrix matrix;
        {
          py::gil_scoped_release release;
          matrix = io::read_cost_matrix(path);
        }
        const std::vector<py::ssize_t> shape{matrix.rows, matrix.cols};
        if (matrix.integral) {
          return py::array_t<std::int64_t>(shape, matrix.integers.data());
        }
        return py::array_t<double>(shape, matrix.reals.data());
      },
      py::arg("path"));
  m.def("linear_sum_assignment_f64", &solve<double>, py::arg("cost"), py::arg("maximize"),
        py::arg("forbidden"));
  m.def("linear_sum_assignment_i64", &solve<std::int64_t>, py::arg("cost"), py::arg("maximize"),
        py::arg("forbidden"));
}

}  // namespace teamwright::python
