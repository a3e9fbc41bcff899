#pragma once

// Small text helpers for error messages and labels, shared by every area so that all messages
// spell items and numbers the same way.

#include <array>
#include <charconv>
#include <cmath>
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

/// A number for people: thousands separated by commas, at most two decimals, no exponent
/// ("12,500", "1,234.5", "0.25", "-3"); "unlimited" for infinity.
inline std::string readable(double value) {
  if (std::isnan(value)) {
    return "n/a";
  }
  if (std::isinf(value)) {
    return value > 0 ? "unlimited" : "-unlimited";
  }
  const bool negative = value < 0;
  const double rounded = std::round(std::abs(value) * 100) / 100;
  const double whole = std::floor(rounded);
  std::array<char, 400> buffer{};
  const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), whole,
                                     std::chars_format::fixed, 0);
  const std::string digits(buffer.data(), written.ptr);
  std::string out;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) {
      out += ',';
    }
    out += digits[k];
  }
  if (const auto cents = static_cast<int>(std::lround((rounded - whole) * 100)); cents > 0) {
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    if (cents % 10 != 0) {
      out += static_cast<char>('0' + cents % 10);
    }
  }
  return negative && out != "0" ? "-" + out : out;
}

}  // namespace teamwright::util
