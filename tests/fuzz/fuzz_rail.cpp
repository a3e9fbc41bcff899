// Fuzzes the OR-Library rail (column-oriented) reader.

#include "fuzz_reader.hpp"
#include "teamwright/io/orlib.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return teamwright::fuzz::run(data, size, [](std::string_view text) {
    (void)teamwright::io::parse_rail_scp(text, "fuzz.txt");
  });
}
