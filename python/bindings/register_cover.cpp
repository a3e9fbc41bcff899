// The covering engine for Python: OR-Library files and solves under the solve contract
// (interruptible.hpp: progress, cancellation and Ctrl-C).

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

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

template <class T>
py::array_t<T> array(const std::vector<T>& values) {
  return py::array_t<T>(static_cast<py::ssize_t>(values.size()), values.data());
}

// The problem as arrays, for other solvers: per row its demand, penalty (NaN for a hard row) and
// robustness; per column its cost, weight, size flag and group (-1 for none); the columns' rows
// and coefficients as compressed sparse columns; conflicts as pairs; the limits.
py::dict arrays(const cover::Problem& p) {
  const auto m = static_cast<std::size_t>(p.num_rows());
  const auto n = static_cast<std::size_t>(p.num_columns());
  std::vector<double> demand(m);
  std::vector<double> penalty(m);
  std::vector<std::uint8_t> robust(m);
  for (cover::Index i = 0; i < p.num_rows(); ++i) {
    demand[i] = p.demand(i);
    penalty[i] = p.penalty(i).value_or(std::numeric_limits<double>::quiet_NaN());
    robust[i] = p.is_robust(i) ? 1 : 0;
  }
  std::vector<double> cost(n);
  std::vector<double> weight(n);
  std::vector<std::uint8_t> counts(n);
  std::vector<cover::Index> group(n);
  std::vector<std::int64_t> start{0};
  std::vector<cover::Index> rows;
  std::vector<double> coefficients;
  std::vector<cover::Index> conflicts;
  for (cover::Index j = 0; j < p.num_columns(); ++j) {
    cost[j] = p.cost(j);
    weight[j] = p.weight(j);
    counts[j] = p.counts_toward_size(j) ? 1 : 0;
    group[j] = p.group_of(j);
    const auto own = p.rows_of(j);
    const auto a = p.coefficients_of(j);
    for (std::size_t k = 0; k < own.size(); ++k) {
      rows.push_back(own[k]);
      coefficients.push_back(a.empty() ? 1.0 : a[k]);
    }
    start.push_back(static_cast<std::int64_t>(rows.size()));
    for (const cover::Index other : p.conflicts_of(j)) {
      if (j < other) {
        conflicts.push_back(j);
        conflicts.push_back(other);
      }
    }
  }
  py::dict out;
  out["demand"] = array(demand);
  out["penalty"] = array(penalty);
  out["robust"] = array(robust);
  out["cost"] = array(cost);
  out["weight"] = array(weight);
  out["counts_toward_size"] = array(counts);
  out["group"] = array(group);
  out["column_start"] = array(start);
  out["rows"] = array(rows);
  out["coefficients"] = array(coefficients);
  out["conflicts"] =
      array(conflicts).reshape({static_cast<py::ssize_t>(conflicts.size() / 2), py::ssize_t{2}});
  out["budget"] = p.budget() ? py::object(py::float_(*p.budget())) : py::none();
  out["min_size"] = p.min_size();
  out["max_size"] = p.max_size() ? py::object(py::int_(*p.max_size())) : py::none();
  out["fixed"] =
      array(std::vector<cover::Index>(p.fixed_columns().begin(), p.fixed_columns().end()));
  return out;
}

}  // namespace

void register_cover(py::module_& m) {
  py::class_<cover::Problem>(m, "CoverProblem")
      .def_property_readonly("num_rows", &cover::Problem::num_rows)
      .def_property_readonly("num_columns", &cover::Problem::num_columns)
      .def_property_readonly("num_nonzeros", &cover::Problem::num_nonzeros)
      .def("to_arrays", &arrays,
           "The problem as NumPy arrays (demand, penalty, robust, cost, weight, "
           "counts_toward_size, group, column_start, rows, coefficients, conflicts) and its "
           "limits (budget, min_size, max_size, fixed).");

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
