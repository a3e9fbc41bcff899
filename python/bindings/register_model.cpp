#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bindings/convert.hpp"
#include "bindings/register.hpp"
#include "teamwright/analysis/levels.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/io/level_table.hpp"
#include "teamwright/model/model.hpp"

namespace py = pybind11;

namespace teamwright::python {

namespace {

template <class T>
using Array = py::array_t<T, py::array::forcecast>;

// A 1-D array as a strided view (empty for None); NumPy strides are in bytes.
template <class T>
io::StridedView<T> view(const std::optional<Array<T>>& array, const char* column) {
  if (!array) {
    return {};
  }
  if (array->ndim() != 1) {
    throw FormatError(std::string("column '") + column + "' must be one-dimensional");
  }
  return {array->data(), static_cast<std::size_t>(array->shape(0)),
          array->strides(0) / static_cast<py::ssize_t>(sizeof(T))};
}

// A column of levels as a view of its array, which must be one-dimensional float64 or int64
// (the caller converts the other dtypes).
io::WideColumn level_column(const py::array& array, const std::string& competency) {
  const auto size = static_cast<std::size_t>(array.ndim() == 1 ? array.shape(0) : 0);
  const auto strided = [&]<class T>(const T* /*type*/) -> io::WideColumn {
    return io::StridedView<T>{static_cast<const T*>(array.data()), size,
                              array.strides(0) / static_cast<py::ssize_t>(sizeof(T))};
  };
  if (array.ndim() == 1 && array.dtype().equal(py::dtype::of<double>())) {
    return strided(static_cast<const double*>(nullptr));
  }
  if (array.ndim() == 1 && array.dtype().equal(py::dtype::of<std::int64_t>())) {
    return strided(static_cast<const std::int64_t*>(nullptr));
  }
  throw FormatError("levels: column '" + competency +
                    "' must be a one-dimensional array of float64 or int64");
}

// Sets a per-person column (cost, availability, external) where given.
template <class T, class Set>
void set_column(std::vector<Person>& people, const std::optional<Array<T>>& values,
                const char* column, Set set) {
  const io::StridedView<T> v = view(values, column);
  if (!values) {
    return;
  }
  if (v.size != people.size()) {
    throw FormatError(std::string("column '") + column + "' has " + std::to_string(v.size) +
                      " values for " + std::to_string(people.size()) + " people");
  }
  for (std::size_t i = 0; i < v.size; ++i) {
    set(people[i], v[i]);
  }
}

struct PersonColumns {
  std::optional<Array<double>> cost;
  std::optional<Array<double>> availability;
  std::optional<Array<bool>> external;
  std::optional<std::vector<std::string>> names;
};

Model with_people(const py::dict& document, std::vector<Person> people,
                  const PersonColumns& columns) {
  set_column(people, columns.cost, "cost", [](Person& p, double v) { p.cost = v; });
  set_column(people, columns.availability, "availability",
             [](Person& p, double v) { p.availability = v; });
  set_column(people, columns.external, "external", [](Person& p, bool v) { p.external = v; });
  if (columns.names) {
    if (columns.names->size() != people.size()) {
      throw FormatError("column 'name' has " + std::to_string(columns.names->size()) +
                        " values for " + std::to_string(people.size()) + " people");
    }
    for (std::size_t i = 0; i < people.size(); ++i) {
      people[i].name = (*columns.names)[i];
    }
  }
  const io::detail::Json json = to_json(document, "document");
  py::gil_scoped_release release;
  return io::detail::model_from_json(json, std::move(people));
}

// A matrix the capsule owns, as a NumPy array over its row-major storage (no copy).
py::array_t<double> owned(analysis::LevelMatrix matrix) {
  auto* owner = new analysis::LevelMatrix(std::move(matrix));
  const py::capsule capsule(owner, [](void* p) { delete static_cast<analysis::LevelMatrix*>(p); });
  const auto columns = static_cast<py::ssize_t>(owner->cols());
  return py::array_t<double>({static_cast<py::ssize_t>(owner->rows()), columns},
                             {static_cast<py::ssize_t>(sizeof(double)) * columns,
                              static_cast<py::ssize_t>(sizeof(double))},
                             owner->data(), capsule);
}

}  // namespace

void register_model(py::module_& m) {
  py::class_<PersonColumns>(m, "PersonColumns")
      .def(py::init<>())
      .def_readwrite("cost", &PersonColumns::cost)
      .def_readwrite("availability", &PersonColumns::availability)
      .def_readwrite("external", &PersonColumns::external)
      .def_readwrite("names", &PersonColumns::names);
  py::class_<Model>(m, "Model")
      .def_static(
          "from_dict",
          [](const py::dict& document) {
            const io::detail::Json json = to_json(document, "document");
            py::gil_scoped_release release;
            return io::detail::model_from_json(json);
          },
          py::arg("document"))
      .def_static(
          "from_wide",
          [](const py::dict& document, const std::vector<std::string>& people,
             const std::vector<std::string>& competencies, const std::vector<py::array>& levels,
             const PersonColumns& columns) {
            if (levels.size() != competencies.size()) {
              throw FormatError("levels: expected " + std::to_string(competencies.size()) +
                                " columns, got " + std::to_string(levels.size()));
            }
            std::vector<io::WideColumn> views;
            views.reserve(levels.size());
            for (std::size_t c = 0; c < levels.size(); ++c) {
              views.push_back(level_column(levels[c], competencies[c]));
            }
            std::vector<Person> built;
            {
              py::gil_scoped_release release;
              built = io::people_from_wide({people, competencies, views});
            }
            return with_people(document, std::move(built), columns);
          },
          py::arg("document"), py::arg("people"), py::arg("competencies"), py::arg("levels"),
          py::arg("columns"))
      .def_static(
          "from_long",
          [](const py::dict& document, const std::vector<std::string>& people,
             const std::vector<std::string>& competencies, const std::vector<std::string>& sources,
             const std::vector<std::string>& dates, const Array<std::int64_t>& person,
             const Array<std::int64_t>& competency, const Array<double>& level,
             const std::optional<Array<std::int64_t>>& source,
             const std::optional<Array<std::int64_t>>& date,
             const std::optional<Array<double>>& confidence, const PersonColumns& columns) {
            const io::LongLevels rows{people,
                                      competencies,
                                      sources,
                                      dates,
                                      view(std::optional(person), "person"),
                                      view(std::optional(competency), "competency"),
                                      view(std::optional(level), "level"),
                                      view(source, "source"),
                                      view(date, "date"),
                                      view(confidence, "confidence")};
            std::vector<Person> built;
            {
              py::gil_scoped_release release;
              built = io::people_from_long(rows);
            }
            return with_people(document, std::move(built), columns);
          },
          py::arg("document"), py::arg("people"), py::arg("competencies"), py::arg("sources"),
          py::arg("dates"), py::arg("person"), py::arg("competency"), py::arg("level"),
          py::arg("source"), py::arg("date"), py::arg("confidence"), py::arg("columns"))
      .def(
          "level_matrix",
          [](const Model& model, bool effective) {
            analysis::LevelMatrix matrix;
            {
              py::gil_scoped_release release;
              matrix = analysis::level_matrix(
                  model, effective ? analysis::LevelKind::kEffective : analysis::LevelKind::kRated);
            }
            return owned(std::move(matrix));
          },
          py::arg("effective"))
      .def_static("loads", &io::parse_model, py::arg("text"),
                  py::call_guard<py::gil_scoped_release>())
      .def_static("load", &io::load_model, py::arg("path"),
                  py::call_guard<py::gil_scoped_release>())
      .def("to_dict",
           [](const Model& model) { return to_python(io::detail::model_to_json(model)); })
      .def("dumps", &io::dump_model, py::call_guard<py::gil_scoped_release>())
      .def("counts",
           [](const Model& model) {
             return py::make_tuple(model.competencies().size(), model.people().size(),
                                   model.roles().size(), model.requests().size());
           })
      .def("competency_documents",
           [](const Model& model) { return to_python(io::detail::competencies_to_json(model)); })
      .def(
          "person_document",
          [](const Model& model, std::uint32_t index) {
            return to_python(io::detail::person_to_json(model.person(PersonId(index))));
          },
          py::arg("index"))
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
