// Assemble a team from a teamwright file: consumer FILE REQUEST
#include <iostream>
#include <teamwright/error.hpp>
#include <teamwright/io/json.hpp>
#include <teamwright/team/solve.hpp>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer FILE REQUEST\n";
    return 2;
  }
  try {
    const teamwright::Model model = teamwright::io::load_model(argv[1]);
    const teamwright::team::TeamResult result = teamwright::team::solve(model, argv[2]);
    std::cout << "status: " << teamwright::to_string(result.status) << "\n";
    for (const teamwright::team::MemberReport& member : result.members) {
      const teamwright::Person& person = model.person(member.person);
      std::cout << person.id << "  " << person.name;
      if (member.role) {
        std::cout << "  as " << model.role(*member.role).name;
      }
      std::cout << "\n";
    }
    std::cout << "cost: " << result.cost << "\n";
  } catch (const teamwright::Error& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 2;
  }
}
