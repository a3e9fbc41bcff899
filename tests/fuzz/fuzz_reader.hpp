#pragma once

// What every fuzz harness checks: a reader given any bytes returns or throws one of the library's
// typed errors (teamwright::Error). Anything else escaping -- std::bad_alloc from a size read
// before checking, std::out_of_range, a third-party exception -- and every crash, leak, hang or
// undefined behaviour the sanitizers see, is a finding (scripts/fuzz; RELIABILITY.md).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "teamwright/error.hpp"

namespace teamwright::fuzz {

// The input as text.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};  // NOLINT(*-reinterpret-cast)
}

// Runs `read` on the input; a typed error is the expected answer to bad bytes.
template <class Read>
int run(const std::uint8_t* data, std::size_t size, Read read) {
  try {
    read(text_of(data, size));
  } catch (const Error&) {
    // Refused by name: what bad input must get.
  }
  return 0;
}

}  // namespace teamwright::fuzz
