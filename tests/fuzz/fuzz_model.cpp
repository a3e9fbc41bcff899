// Fuzzes the JSON model reader; a document it accepts must round-trip: its canonical dump reads
// back to the same model and dumps to the same bytes (docs/format.md).

#include <cstdlib>

#include "fuzz_reader.hpp"
#include "teamwright/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return teamwright::fuzz::run(data, size, [](std::string_view text) {
    const teamwright::Model model = teamwright::io::parse_model(text);
    const std::string canonical = teamwright::io::dump_model(model);
    if (teamwright::io::dump_model(teamwright::io::parse_model(canonical)) != canonical) {
      std::abort();  // a saved model that does not read back as saved
    }
  });
}
