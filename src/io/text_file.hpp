#pragma once

// Whole files as text, for every reader and writer of src/io.

#include <filesystem>
#include <string>
#include <string_view>

namespace teamwright::io::detail {

// The file's content; `FileError` naming the file and the reason if it cannot be read.
[[nodiscard]] std::string read_text(const std::filesystem::path& path);

// Writes `text` atomically: to a temporary file beside `path` (so the rename stays on one file
// system), then renamed over it, so `path` holds either its old content or the whole new one.
// `FileError` naming the file and the reason; the temporary file never outlives a failure.
void write_text(const std::filesystem::path& path, std::string_view text);

}  // namespace teamwright::io::detail
