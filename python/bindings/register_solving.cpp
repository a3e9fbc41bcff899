// The solve contract's pieces that Python holds itself: the cancellation token every solver takes
// (`cancel=`), set from another thread, a notebook button or a signal handler.

#include <pybind11/pybind11.h>

#include "bindings/register.hpp"
#include "teamwright/solving.hpp"

namespace py = pybind11;

namespace teamwright::python {

void register_solving(py::module_& m) {
  py::class_<CancellationToken>(m, "CancellationToken",
                                "Stops the solves it is given to (cancel=) from another thread: "
                                "each returns its best answer with termination CANCELLED.")
      .def(py::init<>())
      .def("cancel", &CancellationToken::cancel,
           "Asks every solve holding this token to stop; it stays cancelled.")
      .def_property_readonly("cancelled", &CancellationToken::cancelled,
                             "Whether cancel() has been called.");
}

}  // namespace teamwright::python
