// Assignment for Python. Linear assignment reads NumPy matrices in place (any row stride, unit
// column stride) with the GIL released; teamwright.assign normalises dtypes and layouts first.
// Placement and mentoring take plain values and return dicts that teamwright.assign wraps.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "bindings/register.hpp"
#include "teamwright/assign/linear.hpp"
#include "teamwright/assign/place.hpp"
#include "teamwright/error.hpp"

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

py::dict to_dict(const assign::PlacementResult& r) {
  py::list placements;
  for (const auto& p : r.placements) {
    py::dict item;
    item["person"] = p.person;
    item["slot"] = p.slot;
    item["fit"] = p.fit;
    item["preferred_role"] = p.preferred_role;
    item["preferred_shift"] = p.preferred_shift;
    placements.append(item);
  }
  py::dict out;
  out["placements"] = placements;
  out["unfilled_slots"] = r.unfilled_slots;
  out["unplaced"] = r.unplaced;
  out["total_fit"] = r.total_fit;
  out["total_bonus"] = r.total_bonus;
  return out;
}

py::dict to_dict(const assign::MentoringResult& r) {
  py::list pairs;
  for (const auto& p : r.pairs) {
    py::dict item;
    item["mentor"] = p.mentor;
    item["mentee"] = p.mentee;
    item["competencies"] = p.competencies;
    item["benefit"] = p.benefit;
    pairs.append(item);
  }
  py::dict out;
  out["pairs"] = pairs;
  out["unpaired_mentees"] = r.unpaired_mentees;
  out["total_benefit"] = r.total_benefit;
  return out;
}

}  // namespace

void register_assign(py::module_& m) {
  m.def(
      "place",
      [](const Model& model, const std::vector<std::string>& members,
         const std::vector<std::tuple<std::string, std::string, std::string>>& slots,
         double preference_bonus) {
        std::vector<assign::Slot> parsed;
        parsed.reserve(slots.size());
        for (const auto& [id, role, shift] : slots) {
          parsed.push_back({id, role, shift});
        }
        assign::PlacementResult result;
        {
          py::gil_scoped_release release;
          result = assign::place(model, members, parsed, {.preference_bonus = preference_bonus});
        }
        return to_dict(result);
      },
      py::arg("model"), py::arg("members"), py::arg("slots"), py::arg("preference_bonus"));
  m.def(
      "mentoring_pairs",
      [](const Model& model, const std::vector<std::string>& members,
         const std::vector<std::tuple<std::string, double, std::optional<double>, int>>& goals) {
        std::vector<assign::MentoringGoal> parsed;
        parsed.reserve(goals.size());
        for (const auto& [competency, target, mentor, importance] : goals) {
          parsed.push_back({competency, target, mentor, importance});
        }
        assign::MentoringResult result;
        {
          py::gil_scoped_release release;
          result = assign::mentoring_pairs(model, members, parsed);
        }
        return to_dict(result);
      },
      py::arg("model"), py::arg("members"), py::arg("goals"));
  m.def("linear_sum_assignment_f64", &solve<double>, py::arg("cost"), py::arg("maximize"),
        py::arg("forbidden"));
  m.def("linear_sum_assignment_i64", &solve<std::int64_t>, py::arg("cost"), py::arg("maximize"),
        py::arg("forbidden"));
}

}  // namespace teamwright::python
