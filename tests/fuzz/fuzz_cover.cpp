// Fuzzes what `teamwright cover FILE` reads: teamwright-cover, and OR-Library's two layouts told
// apart by their first columns (io::parse_cover_file).

#include "fuzz_reader.hpp"
#include "teamwright/io/cover_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return teamwright::fuzz::run(data, size, [](std::string_view text) {
    (void)teamwright::io::parse_cover_file(text, "fuzz.cover");
  });
}
