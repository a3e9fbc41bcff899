#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "bindings/convert.hpp"
#include "bindings/register.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/model/model.hpp"

namespace py = pybind11;

namespace teamwright::python {

void register_model(py::module_& m) {
  py::class_<Model>(m, "Model")
      .def_static(
          "from_dict",
          [](const py::dict& document) {
            const io::detail::Json json = to_json(document, "document");
            py::gil_scoped_release release;
            return io::detail::model_from_json(json);
          },
          py::arg("document"))
      .def_static("loads", &io::parse_model, py::arg("text"),
                  py::call_guard<py::gil_scoped_release>())
      .def_static("load", &io::load_model, py::arg("path"),
                  py::call_guard<py::gil_scoped_release>())
      .def("to_dict",
           [](const Model& model) { return to_python(io::detail::model_to_json(model)); })
      .def("dumps", &io::dump_model, py::call_guard<py::gil_scoped_release>())
      .def("save", &io::save_model, py::arg("path"), py::call_guard<py::gil_scoped_release>())
      .def(
          "rated_level",
          [](const Model& model, std::string_view person, std::string_view competency) {
            return model.rated_level(model.person_id(person), model.competency_id(competency));
          },
          py::arg("person"), py::arg("competency"))
      .def(
          "effective_level",
          [](const Model& model, std::string_view person, std::string_view competency) {
            return model.effective_level(model.person_id(person), model.competency_id(competency));
          },
          py::arg("person"), py::arg("competency"))
      .def("as_of", &Model::as_of)
      .def(
          "training_terms",
          [](const Model& model, std::string_view person,
             std::string_view competency) -> std::optional<std::pair<double, double>> {
            const auto terms =
                model.training_terms(model.person_id(person), model.competency_id(competency));
            if (!terms) {
              return std::nullopt;
            }
            return std::pair{terms->cost_per_level, terms->weeks_per_level};
          },
          py::arg("person"), py::arg("competency"))
      .def("__eq__", [](const Model& a, const Model& b) { return a == b; });
  m.def(
      "trainable_by_default",
      [](std::string_view kind) {
        const auto parsed = parse_competency_kind(kind);
        if (!parsed) {
          throw InvalidInputError("unknown competency kind " + std::string(kind));
        }
        return trainable_by_default(*parsed);
      },
      py::arg("kind"));
}

}  // namespace teamwright::python
