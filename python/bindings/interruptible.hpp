#pragma once

// Every solve of the bindings runs here: on a worker thread while the calling thread waits with
// the GIL released, waking every 10 ms to let Python see signals and to pass on the caller's
// cancellation token. Ctrl-C interrupts the solve, which then returns its best answer with
// termination "interrupted" (no exception: the answer is not lost); the caller's token cancels
// it ("cancelled"). An exception raised by the progress callback cancels the solve and is raised
// once the worker has finished. The callback re-acquires the GIL and receives a dict
// {"incumbent", "bound", "elapsed_s"}.

#include <pybind11/pybind11.h>

#include <chrono>
#include <future>
#include <optional>
#include <utility>

#include "teamwright/solving.hpp"

namespace teamwright::python {

template <class Solve>
auto solve_interruptibly(const pybind11::object& on_progress, const CancellationToken* cancel,
                         Solve solve) {
  namespace py = pybind11;
  CancellationToken token;
  std::optional<py::error_already_set> raised;
  SolveHooks hooks;
  hooks.cancel = &token;
  if (!on_progress.is_none()) {
    hooks.on_progress = [&](const Progress& progress) {
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
  if (cancel != nullptr && cancel->cancelled()) {
    token.cancel();  // cancelled before it began: the solve returns what it has at once
  }
  using Result = decltype(solve(hooks));
  std::future<Result> result;
  {
    py::gil_scoped_release release;
    result = std::async(std::launch::async, [&solve, &hooks] { return solve(hooks); });
  }
  while (true) {
    std::future_status state = std::future_status::timeout;
    {
      py::gil_scoped_release release;
      state = result.wait_for(std::chrono::milliseconds(10));
    }
    if (state == std::future_status::ready) {
      break;
    }
    if (cancel != nullptr && cancel->cancelled() && !token.cancelled()) {
      token.cancel();
    }
    if (!token.cancelled() && PyErr_CheckSignals() != 0) {
      if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt) != 0) {
        PyErr_Clear();  // handled: the result says "interrupted"
        token.interrupt();
      } else {
        raised.emplace();  // another signal handler raised: stop and re-raise it
        token.cancel();
      }
    }
  }
  Result answer = [&] {
    py::gil_scoped_release release;
    return result.get();
  }();
  if (raised) {
    throw std::move(*raised);
  }
  return answer;
}

}  // namespace teamwright::python
