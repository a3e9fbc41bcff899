// Fuzzes the reader of one team request object (a document's "requests" item).

#include "fuzz_reader.hpp"
#include "teamwright/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return teamwright::fuzz::run(
      data, size, [](std::string_view text) { (void)teamwright::io::parse_request(text); });
}
