#include "io/text_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io::detail {

std::string read_text(const std::filesystem::path& path) {
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

void write_text(const std::filesystem::path& path, std::string_view text) {
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + std::to_string(std::random_device{}());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw FileError("cannot write " + util::quote(path.string()) + ": " + std::strerror(errno));
    }
    out << text;
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw FileError("cannot write " + util::quote(path.string()));
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw FileError("cannot write " + util::quote(path.string()) + ": " + error.message());
  }
}

}  // namespace teamwright::io::detail
