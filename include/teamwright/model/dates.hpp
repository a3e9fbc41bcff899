#pragma once

/// \file
/// Calendar dates as the file format writes them, "YYYY-MM-DD", and as day numbers for ages.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace teamwright {

/// Days since 1970-01-01 of a calendar date "YYYY-MM-DD", or nothing when the text is not one
/// (wrong shape, or a day the month does not have).
[[nodiscard]] std::optional<std::int64_t> day_number(std::string_view date);

/// The date of a day number, "YYYY-MM-DD".
[[nodiscard]] std::string date_of(std::int64_t day);

/// Today's date in UTC, "YYYY-MM-DD".
[[nodiscard]] std::string today();

}  // namespace teamwright
