#pragma once

#include <pybind11/pybind11.h>

namespace teamwright::python {

void register_errors(pybind11::module_& m);
void register_solving(pybind11::module_& m);
void register_model(pybind11::module_& m);
void register_team(pybind11::module_& m);
void register_cover(pybind11::module_& m);
void register_assign(pybind11::module_& m);

}  // namespace teamwright::python
