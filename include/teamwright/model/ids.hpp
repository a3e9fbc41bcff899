#pragma once

/// \file
/// Strong index types. Inside C++ items are addressed by dense indices wrapped in distinct types,
/// so a person index cannot be passed where a competency is meant; at the edges (files, Python)
/// they are the string ids of the items, converted by `Model::*_id` lookups.

#include <compare>
#include <cstdint>

namespace teamwright {

/// A dense index of one kind of item, valid for the `Model` that issued it.
template <class Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::uint32_t index) : index_(index) {}

  /// The position of the item in the model's list of its kind.
  [[nodiscard]] constexpr std::uint32_t index() const { return index_; }

  // clang-tidy 14 reads the defaulted comparison as a literal 0 compared with a pointer.
  friend constexpr auto operator<=>(Id, Id) = default;  // NOLINT(modernize-use-nullptr)

 private:
  std::uint32_t index_ = 0;
};

using CompetencyId = Id<struct CompetencyTag>;
using PersonId = Id<struct PersonTag>;
using RoleId = Id<struct RoleTag>;

}  // namespace teamwright
