// C++ exceptions become the classes of teamwright.errors, with the same message: subclasses of
// ValueError (invalid input), KeyError (unknown references) and OSError (files).

#include <pybind11/gil_safe_call_once.h>
#include <pybind11/pybind11.h>

#include <string_view>
#include <utility>

#include "bindings/register.hpp"
#include "teamwright/error.hpp"

namespace py = pybind11;

namespace teamwright::python {
namespace {

py::object error_class(const char* name) {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> errors;
  const py::object& module =
      errors.call_once_and_store_result([] { return py::module_::import("teamwright.errors"); })
          .get_stored();
  return module.attr(name);
}

// Messages quote the input, which may not be UTF-8: such bytes show as \xNN escapes.
void raise(const char* name, const std::exception& error) {
  const std::string_view what = error.what();
  const auto message = py::reinterpret_steal<py::object>(
      PyUnicode_DecodeUTF8(what.data(), static_cast<Py_ssize_t>(what.size()), "backslashreplace"));
  PyErr_SetObject(error_class(name).ptr(), message.ptr());
}

}  // namespace

void register_errors(py::module_& /*m*/) {
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      std::rethrow_exception(std::move(thrown));
    } catch (const FormatError& e) {
      raise("FormatError", e);
    } catch (const DuplicateIdError& e) {
      raise("DuplicateIdError", e);
    } catch (const OutOfRangeError& e) {
      raise("OutOfRangeError", e);
    } catch (const CyclicHierarchyError& e) {
      raise("CyclicHierarchyError", e);
    } catch (const InvalidInputError& e) {
      raise("InvalidInputError", e);
    } catch (const UnknownReferenceError& e) {
      raise("UnknownReferenceError", e);
    } catch (const FileError& e) {
      raise("FileError", e);
    } catch (const Error& e) {
      raise("Error", e);
    }
  });
}

}  // namespace teamwright::python
