// Fuzzes the cost matrix reader; what it accepts is rectangular and of one kind.

#include <cstdlib>

#include "fuzz_reader.hpp"
#include "teamwright/io/matrix_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return teamwright::fuzz::run(data, size, [](std::string_view text) {
    const teamwright::io::CostMatrix m = teamwright::io::parse_cost_matrix(text, "fuzz.txt");
    const auto cells = static_cast<std::size_t>(m.rows * m.cols);
    if ((m.integral ? m.integers.size() : m.reals.size()) != cells) {
      std::abort();
    }
  });
}
