#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <system_error>

#include "io/text_file.hpp"
#include "teamwright/error.hpp"
#include "teamwright/io/json.hpp"
#include "util/text.hpp"

namespace teamwright::io {

Model load_model(const std::filesystem::path& path) {
  const std::string text = detail::read_text(path);
  return parse_model(text);
}

void save_model(const Model& model, const std::filesystem::path& path) {
  const std::string text = dump_model(model);
  // A unique temporary name beside the target, so the rename stays on one file system.
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

}  // namespace teamwright::io
