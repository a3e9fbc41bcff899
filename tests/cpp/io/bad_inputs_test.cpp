// The bad-input catalogue (tests/bad_inputs/README.md) through the C++ readers: every file of the
// formats the library reads gets exactly its recorded error, type and message. The Python suite
// reads the same files (and the Python-only formats) through the package and the CLI.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#include "teamwright/error.hpp"
#include "teamwright/io/cover_file.hpp"
#include "teamwright/io/generalized_file.hpp"
#include "teamwright/io/json.hpp"
#include "teamwright/io/matrix_file.hpp"
#include "teamwright/io/orlib.hpp"

namespace teamwright::io {
namespace {

const std::filesystem::path kCatalogue =
    std::filesystem::path(TEAMWRIGHT_SOURCE_DIR) / "tests" / "bad_inputs";

// The most derived public type of the error, as the catalogue writes it.
std::string type_of(const Error& error) {
  if (dynamic_cast<const FormatError*>(&error) != nullptr) {
    return "FormatError";
  }
  if (dynamic_cast<const DuplicateIdError*>(&error) != nullptr) {
    return "DuplicateIdError";
  }
  if (dynamic_cast<const OutOfRangeError*>(&error) != nullptr) {
    return "OutOfRangeError";
  }
  if (dynamic_cast<const CyclicHierarchyError*>(&error) != nullptr) {
    return "CyclicHierarchyError";
  }
  if (dynamic_cast<const InvalidInputError*>(&error) != nullptr) {
    return "InvalidInputError";
  }
  if (dynamic_cast<const UnknownReferenceError*>(&error) != nullptr) {
    return "UnknownReferenceError";
  }
  if (dynamic_cast<const FileError*>(&error) != nullptr) {
    return "FileError";
  }
  return "Error";
}

// The message as Python shows it: bytes that are not UTF-8 (quoted from the input) as \xNN.
std::string escaped(std::string_view message) {
  std::string out;
  for (std::size_t i = 0; i < message.size();) {
    const auto byte = static_cast<unsigned char>(message[i]);
    const std::size_t length = byte < 0x80           ? 1
                               : (byte >> 5) == 0x6  ? 2
                               : (byte >> 4) == 0xE  ? 3
                               : (byte >> 3) == 0x1E ? 4
                                                     : 0;
    bool valid = length > 0 && i + length <= message.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(message[i + k]) >> 6) == 0x2;
    }
    if (valid) {
      out.append(message.substr(i, length));
      i += length;
    } else {
      constexpr std::string_view kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
      ++i;
    }
  }
  return out;
}

std::string expected_of(const std::filesystem::path& path) {
  std::ifstream in(path.string() + ".expected", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string expected = text.str();
  while (!expected.empty() && expected.back() == '\n') {
    expected.pop_back();
  }
  for (std::size_t at = expected.find("{path}"); at != std::string::npos;
       at = expected.find("{path}", at)) {
    expected.replace(at, 6, path.string());
  }
  return expected;
}

TEST(BadInputs, EveryFileOfTheLibrarysFormatsGetsItsExactTypedError) {
  const std::map<std::string, std::function<void(const std::filesystem::path&)>> readers = {
      {"model", [](const auto& p) { (void)load_model(p); }},
      {"orlib", [](const auto& p) { (void)read_orlib_scp(p); }},
      {"rail", [](const auto& p) { (void)read_rail_scp(p); }},
      {"cover", [](const auto& p) { (void)read_cover(p); }},
      {"generalized", [](const auto& p) { (void)read_generalized(p); }},
      {"matrix", [](const auto& p) { (void)read_cost_matrix(p); }},
  };
  int cases = 0;
  for (const auto& [format, read] : readers) {
    for (const auto& entry : std::filesystem::directory_iterator(kCatalogue / format)) {
      const std::filesystem::path& path = entry.path();
      if (path.extension() == ".expected") {
        continue;
      }
      std::string got = "no error";
      try {
        read(path);
      } catch (const Error& error) {
        got = type_of(error) + ": " + escaped(error.what());
      }
      EXPECT_EQ(got, expected_of(path)) << path;
      ++cases;
    }
  }
  EXPECT_GE(cases, 100);
}

}  // namespace
}  // namespace teamwright::io
