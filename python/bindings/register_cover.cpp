// The covering engine for Python: OR-Library files, solve options, progress callbacks that
// re-acquire the GIL, and Ctrl-C. The solve runs on a worker thread while the calling thread
// waits with the GIL released, waking every 50 ms to let Python see signals: an interrupt or an
// exception in the callback cancels the solve, which then returns its best solution, and the
// exception is raised once the worker has finished.

#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <chrono>
#include <future>
#include <optional>
#include <string>

#include "bindings/register.hpp"
#include "teamwright/cover/solve.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/cover_file.hpp"
#include "teamwright/io/orlib.hpp"

namespace py = pybind11;

namespace teamwright::python {
namespace {

cover::SolveOptions::Mode mode_of(const std::string& mode) {
  if (mode == "heuristic") {
    return cover::SolveOptions::Mode::kHeuristic;
  }
  if (mode == "exact") {
    return cover::SolveOptions::Mode::kExact;
  }
  throw OutOfRangeError("solve options: mode '" + mode + "' must be 'heuristic' or 'exact'");
}

py::dict to_dict(const cover::Solution& s) {
  py::dict out;
  out["status"] = std::string(cover::to_string(s.status));
  out["termination"] = std::string(cover::to_string(s.termination));
  out["cost"] = s.cost;
  out["bound"] = s.bound;
  out["time_to_best_s"] = s.time_to_best_s;
  out["time_s"] = s.time_s;
  out["columns"] = s.columns;
  out["short_rows"] = s.short_rows;
  return out;
}

// Solves on a worker thread; see the file comment.
cover::Solution solve_interruptibly(const cover::Problem& problem, cover::SolveOptions options,
                                    const py::object& on_progress) {
  cover::CancellationToken token;
  std::optional<py::error_already_set> raised;
  cover::SolveHooks hooks;
  hooks.cancel = &token;
  if (!on_progress.is_none()) {
    hooks.on_progress = [&](const cover::Progress& progress) {
      py::gil_scoped_acquire acquire;
      if (raised) {
        return;
      }
      try {
        py::dict snapshot;
        snapshot["incumbent"] =
            progress.incumbent ? py::object(py::float_(*progress.incumbent)) : py::none();
        snapshot["bound"] = progress.bound;
        snapshot["elapsed_s"] = progress.elapsed_s;
        on_progress(snapshot);
      } catch (py::error_already_set& error) {
        raised.emplace(std::move(error));
        token.cancel();
      }
    };
  }
  std::future<cover::Solution> result;
  {
    py::gil_scoped_release release;
    result = std::async(std::launch::async, [&problem, &options, &hooks] {
      return cover::solve(problem, options, hooks);
    });
  }
  while (true) {
    std::future_status state = std::future_status::timeout;
    {
      py::gil_scoped_release release;
      state = result.wait_for(std::chrono::milliseconds(50));
    }
    if (state == std::future_status::ready) {
      break;
    }
    if (PyErr_CheckSignals() != 0) {
      raised.emplace();  // takes the pending KeyboardInterrupt
      token.cancel();
    }
  }
  cover::Solution solution;
  {
    py::gil_scoped_release release;
    solution = result.get();
  }
  if (raised) {
    throw std::move(*raised);
  }
  return solution;
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
        cover::SolveOptions options;
        options.mode = mode_of(mode);
        options.time_limit_s = time_limit_s;
        options.seed = seed;
        options.threads = threads;
        return to_dict(solve_interruptibly(problem, options, on_progress));
      },
      py::arg("problem"), py::arg("mode"), py::arg("time_limit_s"), py::arg("seed"),
      py::arg("threads"), py::arg("on_progress"));
}

}  // namespace teamwright::python
