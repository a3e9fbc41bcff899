#pragma once

// Whole files as text, for every reader of src/io.

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io::detail {

// The file's content; `FileError` naming the file and the reason if it cannot be read.
inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw FileError("cannot read " + util::quote(path.string()) + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    throw FileError("cannot read " + util::quote(path.string()));
  }
  return text.str();
}

}  // namespace teamwright::io::detail
