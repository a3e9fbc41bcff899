#pragma once

// Whitespace-separated numbers read in order, for the plain-text problem formats.

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io::detail {

// What a token should be, for messages: a text, or a function making it, called only when a
// message needs it (files of millions of numbers are read without a string per number).
template <class T>
concept Description =
    std::convertible_to<const T&, std::string_view> || std::is_invocable_r_v<std::string, const T&>;

template <Description T>
std::string describe(const T& what) {
  if constexpr (std::convertible_to<const T&, std::string_view>) {
    return std::string(std::string_view(what));
  } else {
    return what();
  }
}

// Whitespace-separated non-negative integers, read in order.
class Tokens {
 public:
  Tokens(std::string_view text, std::string_view name) : text_(text), name_(name) {}

  // The next integer; `what` says what it should be, for the message if it is not there.
  std::int64_t next(const Description auto& what) {
    skip_space();
    if (pos_ == text_.size()) {
      throw FormatError(std::string(name_) + ": the file ends where " + describe(what) +
                        " should be");
    }
    std::int64_t value = 0;
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    const auto [ptr, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || value < 0 || (ptr != end && !is_space(*ptr))) {
      throw FormatError(std::string(name_) + ": " + describe(what) +
                        " must be a non-negative integer, got " + util::quote(word()));
    }
    pos_ = static_cast<std::size_t>(ptr - text_.data());
    return value;
  }

  // The next finite number from 0 to `max`.
  double real(const Description auto& what, double max = std::numeric_limits<double>::max()) {
    skip_space();
    if (pos_ == text_.size()) {
      throw FormatError(std::string(name_) + ": the file ends where " + describe(what) +
                        " should be");
    }
    double value = 0;
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    const auto [ptr, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || !(value >= 0) || !std::isfinite(value) ||
        (ptr != end && !is_space(*ptr))) {
      throw FormatError(std::string(name_) + ": " + describe(what) +
                        " must be a finite number >= 0, got " + util::quote(word()));
    }
    if (value > max) {
      std::string limit = util::number(max);  // "1e15", as the documentation writes it
      if (const auto plus = limit.find("e+"); plus != std::string::npos) {
        limit.erase(plus + 1, 1);
      }
      throw OutOfRangeError(std::string(name_) + ": " + describe(what) +
                            " must be a number from 0 to " + limit + ", got " +
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

  // Throws unless only whitespace is left after `last` ("the last row").
  void expect_end(std::string_view last = "the last row") {
    skip_space();
    if (pos_ != text_.size()) {
      throw FormatError(std::string(name_) + ": unexpected content after " + std::string(last));
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
