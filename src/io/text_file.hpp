#pragma once

// Whole files as text, for every reader and writer of src/io.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace teamwright::io::detail {

// The largest input read: 2 GiB (docs/format.md#input-limits).
inline constexpr std::size_t kMaxInputBytes = std::size_t{1} << 31;

// The file's content; `FileError` naming the file and the reason if it cannot be read: a
// directory, a read error, or more than `kMaxInputBytes` (checked while reading, so an endless
// device such as /dev/zero fails at the limit instead of exhausting memory). `max_bytes` lowers
// the limit.
[[nodiscard]] std::string read_text(const std::filesystem::path& path,
                                    std::size_t max_bytes = kMaxInputBytes);

// Writes `text` atomically: to a temporary file beside `path` (so the rename stays on one file
// system), then renamed over it, so `path` holds either its old content or the whole new one.
// Through a symbolic link the file it names is replaced, not the link. `FileError` naming the
// file and the reason (no space left, file too large, ...); the temporary file never outlives a
// failure.
void write_text(const std::filesystem::path& path, std::string_view text);

}  // namespace teamwright::io::detail
