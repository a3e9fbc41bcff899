#pragma once

/// \file
/// The exceptions teamwright throws. Only invalid input throws: infeasible requests, limits and
/// cancellation are results. Every message names the offending item and the rule it breaks, e.g.
/// "person 'p17': level 7 for 'empathy' exceeds the scale maximum 5".

#include <stdexcept>

namespace teamwright {

/// Base of every exception teamwright throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The input breaks a rule of the data model or the file format. Python: `ValueError`.
class InvalidInputError : public Error {
 public:
  using Error::Error;
};

/// Malformed JSON, a value of the wrong type, a missing or unknown field, an unsupported version.
class FormatError : public InvalidInputError {
 public:
  using InvalidInputError::InvalidInputError;
};

/// Two items of one kind share an id, or a list names one item twice.
class DuplicateIdError : public InvalidInputError {
 public:
  using InvalidInputError::InvalidInputError;
};

/// A number outside its allowed range: a level outside the scale, a negative or non-finite cost,
/// an availability outside [0, 1], an importance outside 1-5, a count below 1.
class OutOfRangeError : public InvalidInputError {
 public:
  using InvalidInputError::InvalidInputError;
};

/// The competency hierarchy has a cycle (a competency is, through its parents, its own ancestor).
class CyclicHierarchyError : public InvalidInputError {
 public:
  using InvalidInputError::InvalidInputError;
};

/// The input names a competency, person, role or request that does not exist. Python: `KeyError`.
class UnknownReferenceError : public Error {
 public:
  using Error::Error;
};

/// A file cannot be read or written. Python: `OSError`.
class FileError : public Error {
 public:
  using Error::Error;
};

}  // namespace teamwright
