#include "bindings/convert.hpp"

#include <string>
#include <utility>
#include <vector>

#include "teamwright/error.hpp"

namespace py = pybind11;

namespace teamwright::python {

using io::detail::Json;

Json to_json(py::handle value, const std::string& where) {
  if (value.is_none()) {
    return nullptr;
  }
  if (py::isinstance<py::bool_>(value)) {
    return value.cast<bool>();
  }
  if (py::isinstance<py::int_>(value)) {
    return value.cast<std::int64_t>();
  }
  if (py::isinstance<py::float_>(value)) {
    return value.cast<double>();
  }
  if (py::isinstance<py::str>(value)) {
    return value.cast<std::string>();
  }
  if (py::isinstance<py::dict>(value)) {
    Json out = Json::object();
    // A dict's string keys are distinct: append them without the ordered map's linear search.
    auto& storage = static_cast<Json::object_t::Container&>(out.get_ref<Json::object_t&>());
    for (const auto& [key, item] : value.cast<py::dict>()) {
      if (!py::isinstance<py::str>(key)) {
        throw FormatError(where + ": key " + py::repr(key).cast<std::string>() +
                          " is not a string");
      }
      auto name = key.cast<std::string>();
      Json converted = to_json(item, where + "[" + name + "]");
      storage.emplace_back(std::move(name), std::move(converted));
    }
    return out;
  }
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    Json out = Json::array();
    std::size_t index = 0;
    for (const py::handle item : value) {
      out.push_back(to_json(item, where + "[" + std::to_string(index++) + "]"));
    }
    return out;
  }
  // NumPy scalars and other numbers that say how to become one.
  if (py::hasattr(value, "__index__")) {
    return py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr())).cast<std::int64_t>();
  }
  if (py::hasattr(value, "__float__")) {
    return py::float_(py::reinterpret_borrow<py::object>(value)).cast<double>();
  }
  throw FormatError(where + ": a value of type " +
                    py::str(py::type::of(value).attr("__name__")).cast<std::string>() +
                    " has no place in a teamwright document");
}

py::object to_python(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return py::none();
    case Json::value_t::boolean:
      return py::bool_(value.get<bool>());
    case Json::value_t::number_integer:
      return py::int_(value.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return py::int_(value.get<std::uint64_t>());
    case Json::value_t::number_float:
      return py::float_(value.get<double>());
    case Json::value_t::string:
      return py::str(value.get_ref<const std::string&>());
    case Json::value_t::array: {
      py::list out;
      for (const Json& item : value) {
        out.append(to_python(item));
      }
      return out;
    }
    case Json::value_t::object: {
      py::dict out;
      for (const auto& [key, item] : value.items()) {
        out[py::str(key)] = to_python(item);
      }
      return out;
    }
    default:
      return py::none();
  }
}

std::vector<PersonId> people_of(const Model& model, const std::vector<std::string>& ids) {
  std::vector<PersonId> people;
  people.reserve(ids.size());
  for (const std::string& id : ids) {
    people.push_back(model.person_id(id));
  }
  return people;
}

TeamRequest request_of(const Model& model, py::handle request) {
  if (py::isinstance<py::str>(request)) {
    return model.request(request.cast<std::string>());
  }
  if (py::isinstance<py::dict>(request)) {
    return io::detail::request_from_json(to_json(request, "request"));
  }
  throw py::type_error("request must be a request id (str) or a request document (dict), not " +
                       py::str(py::type::of(request).attr("__name__")).cast<std::string>());
}

SolveOptions options_of(const std::string& mode, double time_limit_s, std::uint64_t seed,
                        int threads) {
  const auto parsed = parse_mode(mode);
  if (!parsed) {
    throw OutOfRangeError("solve options: mode '" + mode +
                          "' must be 'auto', 'heuristic' or 'exact'");
  }
  return {.mode = *parsed, .time_limit_s = time_limit_s, .seed = seed, .threads = threads};
}

}  // namespace teamwright::python
