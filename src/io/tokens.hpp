#pragma once

// Whitespace-separated numbers read in order, for the plain-text problem formats.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io::detail {

// Whitespace-separated non-negative integers, read in order.
class Tokens {
 public:
  Tokens(std::string_view text, std::string_view name) : text_(text), name_(name) {}

  // The next integer; `what` says what it should be, for the message if it is not there.
  std::int64_t next(const std::string& what) {
    skip_space();
    if (pos_ == text_.size()) {
      throw FormatError(std::string(name_) + ": the file ends where " + what + " should be");
    }
    std::int64_t value = 0;
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    const auto [ptr, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || value < 0 || (ptr != end && !is_space(*ptr))) {
      throw FormatError(std::string(name_) + ": " + what + " must be a non-negative integer, got " +
                        util::quote(word()));
    }
    pos_ = static_cast<std::size_t>(ptr - text_.data());
    return value;
  }

  // The next finite non-negative number.
  double real(const std::string& what) {
    skip_space();
    if (pos_ == text_.size()) {
      throw FormatError(std::string(name_) + ": the file ends where " + what + " should be");
    }
    double value = 0;
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    const auto [ptr, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || !(value >= 0) || !std::isfinite(value) ||
        (ptr != end && !is_space(*ptr))) {
      throw FormatError(std::string(name_) + ": " + what + " must be a finite number >= 0, got " +
                        util::quote(word()));
    }
    pos_ = static_cast<std::size_t>(ptr - text_.data());
    return value;
  }

  // Consumes the next word, which must be `expected`.
  void expect_word(std::string_view expected) {
    if (word() != expected) {
      throw FormatError(std::string(name_) + ": expected " + util::quote(expected) + ", got " +
                        util::quote(word()));
    }
    pos_ += expected.size();
  }

  // The next word (not consumed), for messages.
  std::string word() {
    skip_space();
    std::size_t stop = pos_;
    while (stop < text_.size() && !is_space(text_[stop])) {
      ++stop;
    }
    return std::string(text_.substr(pos_, std::min<std::size_t>(stop - pos_, 20)));
  }

  void expect_end() {
    skip_space();
    if (pos_ != text_.size()) {
      throw FormatError(std::string(name_) + ": unexpected content after the last row");
    }
  }

  // Throws unless the rest of the text can hold `count` more numbers (each takes a character and
  // a separator), so that a header announcing more items than the file holds is refused before
  // anything is allocated for them.
  void expect_room(std::int64_t count, const std::string& what) const {
    const auto room = static_cast<std::int64_t>((text_.size() - pos_ + 1) / 2);
    if (count > room) {
      throw FormatError(std::string(name_) + ": the header announces " + std::to_string(count) +
                        " " + what + ", more than the rest of the file can hold");
    }
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) {
      ++pos_;
    }
  }
  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

  std::string_view text_;
  std::string_view name_;
  std::size_t pos_ = 0;
};

}  // namespace teamwright::io::detail
