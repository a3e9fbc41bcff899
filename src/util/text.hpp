#pragma once

// Small text helpers for error messages and labels, shared by every area so that all messages
// spell items and numbers the same way.

#include <array>
#include <charconv>
#include <string>
#include <string_view>

namespace teamwright::util {

/// "'id'": how messages name an item.
inline std::string quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

/// The shortest text that reads back as the same double ("7", "1.5", "nan", "-inf").
inline std::string number(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

}  // namespace teamwright::util
