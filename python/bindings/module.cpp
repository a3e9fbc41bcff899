// teamwright._core: a thin binding, one register_<area>() per area. The public API is the
// Python package around it.

#include <pybind11/pybind11.h>

#include "bindings/register.hpp"
#include "teamwright/io/json.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "teamwright's C++ core; use the teamwright package instead.";
  m.attr("FORMAT_VERSION") = teamwright::io::kFormatVersion;
  m.attr("__version__") = TEAMWRIGHT_VERSION;
  teamwright::python::register_errors(m);
  teamwright::python::register_solving(m);
  teamwright::python::register_model(m);
  teamwright::python::register_cover(m);
  teamwright::python::register_team(m);
  teamwright::python::register_assign(m);
}
