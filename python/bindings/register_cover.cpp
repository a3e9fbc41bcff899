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
#include "io/json_solutions_document.hpp"
#include "teamwright/cover/arrays.hpp"
#include "teamwright/cover/solve.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/cover_file.hpp"
#include "teamwright/io/orlib.hpp"

namespace py = pybind11;

namespace teamwright::python {
namespace {

template <class T>
py::array_t<T> array(const std::vector<T>& values) {
  return py::array_t<T>(static_cast<py::ssize_t>(values.size()), values.data());
}

py::dict arrays(const cover::Problem& p) {
  const cover::ProblemArrays a = cover::to_arrays(p);
  py::dict out;
  out["demand"] = array(a.demand);
  out["penalty"] = array(a.penalty);
  out["robust"] = array(a.robust);
  out["cost"] = array(a.cost);
  out["weight"] = array(a.weight);
  out["counts_toward_size"] = array(a.counts_toward_size);
  out["group"] = array(a.group);
  out["column_start"] = array(a.column_start);
  out["rows"] = array(a.rows);
  out["coefficients"] = array(a.coefficients);
  out["conflicts"] =
      array(a.conflicts)
          .reshape({static_cast<py::ssize_t>(a.conflicts.size() / 2), py::ssize_t{2}});
  out["budget"] = a.budget ? py::object(py::float_(*a.budget)) : py::none();
  out["min_size"] = a.min_size;
  out["max_size"] = a.max_size ? py::object(py::int_(*a.max_size)) : py::none();
  out["fixed"] = array(a.fixed);
  return out;
}

template <class T>
std::vector<T> values(const py::object& value) {
  if (value.is_none()) {
    return {};
  }
  const auto flat = py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(value);
  if (!flat) {
    throw InvalidInputError("cover arrays: expected an array of numbers");
  }
  return {flat.data(), flat.data() + flat.size()};
}

cover::Problem from_arrays(const py::object& demand, const py::object& cost,
                           const py::object& column_start, const py::object& rows,
                           const py::kwargs& rest) {
  cover::ProblemArrays a;
  a.demand = values<double>(demand);
  a.cost = values<double>(cost);
  a.column_start = values<std::int64_t>(column_start);
  a.rows = values<cover::Index>(rows);
  for (const auto& [key, value] : rest) {
    const auto name = key.cast<std::string>();
    const auto object = py::reinterpret_borrow<py::object>(value);
    if (name == "penalty") {
      a.penalty = values<double>(object);
    } else if (name == "robust") {
      a.robust = values<std::uint8_t>(object);
    } else if (name == "weight") {
      a.weight = values<double>(object);
    } else if (name == "counts_toward_size") {
      a.counts_toward_size = values<std::uint8_t>(object);
    } else if (name == "group") {
      a.group = values<cover::Index>(object);
    } else if (name == "coefficients") {
      a.coefficients = values<double>(object);
    } else if (name == "conflicts") {
      a.conflicts = values<cover::Index>(object);
    } else if (name == "budget") {
      a.budget = object.is_none() ? std::nullopt : std::optional(object.cast<double>());
    } else if (name == "min_size") {
      a.min_size = object.cast<int>();
    } else if (name == "max_size") {
      a.max_size = object.is_none() ? std::nullopt : std::optional(object.cast<int>());
    } else if (name == "fixed") {
      a.fixed = values<cover::Index>(object);
    } else {
      throw InvalidInputError("cover arrays: unknown array '" + name + "'");
    }
  }
  py::gil_scoped_release release;
  return cover::from_arrays(a);
}

}  // namespace

void register_cover(py::module_& m) {
  py::class_<cover::Problem>(
      m, "CoverProblem",
      "A weighted set multicover problem with side constraints (docs/model.md); "
      "read one from a file, compile one from a team request, or build one "
      "from_arrays")
      .def_property_readonly("num_rows", &cover::Problem::num_rows)
      .def_property_readonly("num_columns", &cover::Problem::num_columns)
      .def_property_readonly("num_nonzeros", &cover::Problem::num_nonzeros)
      .def("to_arrays", &arrays,
           "The problem as NumPy arrays (demand, penalty, robust, cost, weight, "
           "counts_toward_size, group, column_start, rows, coefficients, conflicts) and its "
           "limits (budget, min_size, max_size, fixed).")
      .def_static("from_arrays", &from_arrays, py::arg("demand"), py::arg("cost"),
                  py::arg("column_start"), py::arg("rows"),
                  "The problem `to_arrays` describes: demand (per row), cost (per column), "
                  "column_start and rows (compressed sparse columns); optional keywords penalty, "
                  "robust, weight, counts_toward_size, group, coefficients, conflicts, budget, "
                  "min_size, max_size and fixed.")
      .def(py::pickle([](const cover::Problem& p) { return arrays(p); },
                      [](const py::dict& state) {
                        py::kwargs rest;
                        for (const auto& [key, value] : state) {
                          const auto name = key.cast<std::string>();
                          if (name != "demand" && name != "cost" && name != "column_start" &&
                              name != "rows") {
                            rest[key] = value;
                          }
                        }
                        return from_arrays(state["demand"], state["cost"], state["column_start"],
                                           state["rows"], rest);
                      }));

  m.def("read_orlib", &io::read_orlib_scp, py::arg("path"),
        py::call_guard<py::gil_scoped_release>());
  m.def("read_cover", &io::read_cover, py::arg("path"), py::call_guard<py::gil_scoped_release>());
  m.def("read_rail", &io::read_rail_scp, py::arg("path"), py::call_guard<py::gil_scoped_release>());
  m.def(
      "read_cover_file",
      [](const std::filesystem::path& path) {
        io::CoverFile file;
        {
          py::gil_scoped_release release;
          file = io::read_cover_file(path);
        }
        return py::make_tuple(std::move(file.problem), std::string(io::to_string(file.format)));
      },
      py::arg("path"));

  m.def(
      "solve_cover",
      [](const cover::Problem& problem, const std::string& mode, double time_limit_s,
         std::uint64_t seed, int threads, const py::object& on_progress,
         const CancellationToken* cancel) {
        const SolveOptions options = options_of(mode, time_limit_s, seed, threads);
        const cover::Solution solution = solve_interruptibly(
            on_progress, cancel,
            [&](const SolveHooks& hooks) { return cover::solve(problem, options, hooks); });
        return to_python(io::detail::to_json(solution));
      },
      py::arg("problem"), py::arg("mode"), py::arg("time_limit_s"), py::arg("seed"),
      py::arg("threads"), py::arg("on_progress"), py::arg("cancel"));
}

}  // namespace teamwright::python
