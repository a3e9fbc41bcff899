// Calendar dates (include/teamwright/model/dates.hpp), on std::chrono's civil calendar.

#include "teamwright/model/dates.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace teamwright {

std::optional<std::int64_t> day_number(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
    return std::nullopt;
  }
  const auto number = [&](std::size_t from, std::size_t count) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (date[i] < '0' || date[i] > '9') {
        return std::nullopt;
      }
      value = value * 10 + (date[i] - '0');
    }
    return value;
  };
  const auto year = number(0, 4);
  const auto month_number = number(5, 2);
  const auto day_of_month = number(8, 2);
  if (!year || !month_number || !day_of_month) {
    return std::nullopt;
  }
  const auto month = static_cast<unsigned>(*month_number);
  const auto day = static_cast<unsigned>(*day_of_month);
  const std::chrono::year_month_day ymd{std::chrono::year(*year), std::chrono::month(month),
                                        std::chrono::day(day)};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::string date_of(std::int64_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  std::array<char, 16> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text.data();
}

std::string today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return date_of(now.time_since_epoch().count());
}

}  // namespace teamwright
