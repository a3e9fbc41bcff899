#pragma once

/// \file
/// Every person's level in every competency as one dense matrix, for analysts (a DataFrame over
/// it without a copy) and for linear algebra.

#include <Eigen/Core>

#include "teamwright/model/model.hpp"

namespace teamwright::analysis {

/// People x competencies, row-major, in the model's orders.
using LevelMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Which level of a person a matrix holds (docs/model.md#levels).
enum class LevelKind {
  kRated,      ///< their own level: agreed, else aggregated from assessments
  kEffective,  ///< the level that counts for requirements: hierarchy and relations applied
};

/// Each person's `kind` level in each competency, 0 where they have none. Time linear in the
/// matrix's cells plus the people's levels.
[[nodiscard]] LevelMatrix level_matrix(const Model& model, LevelKind kind);

}  // namespace teamwright::analysis
