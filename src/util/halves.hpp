#pragma once

// Large loads in two halves at once, on a machine with two cores or more: the readers of wide
// tables and the model's check of its people, whose time is scans and allocations (page faults)
// more than arithmetic.

#include <cstddef>
#include <exception>
#include <thread>

namespace teamwright::util {

/// Calls `work(part, begin, end)` on [0, size): `work(0, 0, size)` alone unless `large` and the
/// machine has two cores, else `work(0, 0, size / 2)` and, on another thread, `work(1, size / 2,
/// size)`. When both halves throw, the first half's exception is the one rethrown: the error a
/// serial pass would meet first, so that messages do not depend on the machine.
template <class Work>
void in_two_halves(std::size_t size, bool large, const Work& work) {
  if (!large || size < 2 || std::thread::hardware_concurrency() < 2) {
    work(std::size_t{0}, std::size_t{0}, size);
    return;
  }
  const std::size_t half = size / 2;
  std::exception_ptr second_failed;
  std::thread second([&] {
    try {
      work(std::size_t{1}, half, size);
    } catch (...) {
      second_failed = std::current_exception();
    }
  });
  try {
    work(std::size_t{0}, std::size_t{0}, half);
  } catch (...) {
    second.join();
    throw;
  }
  second.join();
  if (second_failed) {
    std::rethrow_exception(second_failed);
  }
}

}  // namespace teamwright::util
