#include "io/text_file.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

#include "teamwright/error.hpp"
#include "util/text.hpp"

namespace teamwright::io::detail {

std::string read_text(const std::filesystem::path& path, std::size_t max_bytes) {
  const auto fail = [&](const std::string& reason) {
    throw FileError("cannot read " + util::quote(path.string()) + ": " + reason);
  };
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    fail("it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail(std::strerror(errno));
  }
  std::string text;
  std::array<char, 1 << 16> chunk{};
  while (in) {
    in.read(chunk.data(), chunk.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > max_bytes) {
      fail("larger than the input limit of " + std::to_string(max_bytes) + " bytes");
    }
    text.append(chunk.data(), got);
  }
  if (in.bad()) {
    fail(std::strerror(errno));
  }
  return text;
}

void write_text(const std::filesystem::path& path, std::string_view text) {
  const auto fail = [&](const std::string& reason) {
    throw FileError("cannot write " + util::quote(path.string()) + ": " + reason);
  };
  std::error_code error;
  // Through a symbolic link, replace the file it names (and keep the link).
  std::filesystem::path target = path;
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, error))) {
    target = std::filesystem::weakly_canonical(path, error);
    if (error) {
      fail(error.message());
    }
  }
  if (std::filesystem::is_directory(target, error)) {
    fail("it is a directory");
  }
  std::filesystem::path temporary = target;
  temporary += ".tmp-" + std::to_string(std::random_device{}());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      fail(std::strerror(errno));
    }
    out << text;
    out.flush();
    if (!out) {
      const int reason = errno;  // ENOSPC, EFBIG, EIO, ...
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      fail(std::strerror(reason));
    }
  }
  std::filesystem::rename(temporary, target, error);
  if (error) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw FileError("cannot write " + util::quote(path.string()) + ": " + error.message());
  }
}

}  // namespace teamwright::io::detail
