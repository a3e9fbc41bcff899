// The covering engine for Python: OR-Library files and solves under the solve contract
// (interruptible.hpp: progress, cancellation and Ctrl-C).

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <string>

#include "bindings/convert.hpp"
#include "bindings/interruptible.hpp"
#include "bindings/register.hpp"
#include "teamwright/cover/solve.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/cover_file.hpp"
#include "teamwright/io/orlib.hpp"

namespace py = pybind11;

namespace teamwright::python {
namespace {

py::dict to_dict(const cover::Solution& s) {
  py::dict out;
  out["status"] = std::string(to_string(s.status));
  out["termination"] = std::string(to_string(s.termination));
  out["cost"] = s.cost;
  out["penalty"] = s.penalty;
  out["bound"] = s.bound;
  out["gap"] = s.gap;
  out["time_to_best_s"] = s.time_to_best_s;
  out["time_s"] = s.time_s;
  out["columns"] = s.columns;
  out["short_rows"] = s.short_rows;
  return out;
}

}  // namespace

void register_cover(py::module_& m) {
  py::class_<cover::Problem>(m, "CoverProblem")
      .def_property_readonly("num_rows", &cover::Problem::num_rows)
      .def_property_readonly("num_columns", &cover::Problem::num_columns)
      .def_property_readonly("num_nonzeros", &cover::Problem::num_nonzeros);

  m.def("read_orlib", &io::read_orlib_scp, py::arg("path"),
        py::call_guard<py::gil_scoped_release>());
  m.def("read_cover", &io::read_cover, py::arg("path"), py::call_guard<py::gil_scoped_release>());

  m.def(
      "solve_cover",
      [](const cover::Problem& problem, const std::string& mode, double time_limit_s,
         std::uint64_t seed, int threads, const py::object& on_progress) {
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        return to_dict(solve_interruptibly(on_progress, [&](const SolveHooks& hooks) {
          return cover::solve(problem, options, hooks);
        }));
      },
      py::arg("problem"), py::arg("mode"), py::arg("time_limit_s"), py::arg("seed"),
      py::arg("threads"), py::arg("on_progress"));
}

}  // namespace teamwright::python
