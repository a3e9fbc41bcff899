// Fuzzes the generalized assignment reader.

#include "fuzz_reader.hpp"
#include "teamwright/io/generalized_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return teamwright::fuzz::run(data, size, [](std::string_view text) {
    (void)teamwright::io::parse_generalized(text, "fuzz.txt");
  });
}
