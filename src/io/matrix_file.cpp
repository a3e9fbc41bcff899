// Cost matrices as text (include/teamwright/io/matrix_file.hpp).

#include "teamwright/io/matrix_file.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <system_error>

#include "io/text_file.hpp"
#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io {
namespace {

bool is_separator(char c) {
  return c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// The whole token as T, or nothing.
template <class T>
bool read_whole(std::string_view token, T& value) {
  const char* begin = token.data();
  const char* end = begin + token.size();
  if (begin != end && *begin == '+') {
    ++begin;  // from_chars reads no leading plus
  }
  const auto [ptr, error] = std::from_chars(begin, end, value);
  return error == std::errc() && ptr == end;
}

// Whether the token is written as an integer: an optional sign, then digits only.
bool integer_syntax(std::string_view token) {
  if (!token.empty() && (token.front() == '+' || token.front() == '-')) {
    token.remove_prefix(1);
  }
  return !token.empty() && token.find_first_not_of("0123456789") == std::string_view::npos;
}

// Integers beyond 2^53 are not all doubles: among real values they would silently change.
constexpr std::int64_t kExactInDouble = std::int64_t{1} << 53;

}  // namespace

CostMatrix parse_cost_matrix(std::string_view text, std::string_view name) {
  CostMatrix m;
  std::vector<std::string_view> tokens;
  std::int64_t line = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) {
      eol = text.size();
    }
    const std::string_view content = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line;
    tokens.clear();
    // A comma ends a value: one with no value before it (at the start of a line, after another
    // comma or at the end) stands for a missing value, never skipped.
    bool value_since_comma = false;
    bool comma = false;
    const auto empty_value = [&] {
      return FormatError(std::string(name) + ": line " + std::to_string(line) + ", value " +
                         std::to_string(tokens.size() + 1) + " is empty");
    };
    for (std::size_t i = 0; i < content.size();) {
      if (content[i] == ',') {
        if (!value_since_comma) {
          throw empty_value();
        }
        value_since_comma = false;
        comma = true;
        ++i;
        continue;
      }
      if (is_separator(content[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < content.size() && !is_separator(content[j])) {
        ++j;
      }
      tokens.push_back(content.substr(i, j - i));
      value_since_comma = true;
      i = j;
    }
    if (comma && !value_since_comma) {
      throw empty_value();
    }
    if (tokens.empty()) {
      continue;
    }
    const auto count = static_cast<std::int64_t>(tokens.size());
    if (m.rows == 0) {
      m.cols = count;
    } else if (count != m.cols) {
      throw FormatError(std::string(name) + ": line " + std::to_string(line) + " has " +
                        std::to_string(count) + " values where the first row has " +
                        std::to_string(m.cols));
    }
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const auto where = [&] {
        return std::string(name) + ": line " + std::to_string(line) + ", value " +
               std::to_string(k + 1);
      };
      std::int64_t integer = 0;
      const bool integral = read_whole(tokens[k], integer);
      if (!integral && integer_syntax(tokens[k])) {
        throw FormatError(where() + ": the integer " + std::string(tokens[k]) +
                          " is outside the 64-bit range (write it as a real, 9.3e18, to solve "
                          "in floating point)");
      }
      if (!m.integral && integral && (integer > kExactInDouble || integer < -kExactInDouble)) {
        throw FormatError(where() + ": the integer " + std::string(tokens[k]) +
                          " is beyond 2^53 in a matrix of real values, where it would change");
      }
      if (m.integral && integral) {
        m.integers.push_back(integer);
        continue;
      }
      double real = 0;
      if (!read_whole(tokens[k], real)) {
        throw FormatError(where() + " is not a number: " + util::quote(std::string(tokens[k])));
      }
      if (std::isnan(real) || real == -std::numeric_limits<double>::infinity()) {
        throw FormatError(where() + " is " + util::quote(std::string(tokens[k])) +
                          ": a cost is a number, or inf for a forbidden pair");
      }
      if (m.integral) {  // the first non-integer: what was read so far becomes real
        for (const std::int64_t earlier : m.integers) {
          if (earlier > kExactInDouble || earlier < -kExactInDouble) {
            throw FormatError(where() + " is real, but the integer " + std::to_string(earlier) +
                              " before it is beyond 2^53, where a matrix of real values would "
                              "change it");
          }
        }
        m.integral = false;
        m.reals.assign(m.integers.begin(), m.integers.end());
        m.integers.clear();
      }
      m.reals.push_back(real);
    }
    ++m.rows;
  }
  return m;
}

CostMatrix read_cost_matrix(const std::filesystem::path& path) {
  return parse_cost_matrix(detail::read_text(path), path.filename().string());
}

}  // namespace teamwright::io
