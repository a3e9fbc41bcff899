#pragma once

/// \file
/// The teamwright JSON format, version 1 (docs/format.md, schema docs/teamwright-v1.schema.json):
/// one document holding the framework, people, roles and named requests. The JSON form of results
/// is in teamwright/io/json_results.hpp.

#include <filesystem>
#include <string>
#include <string_view>

#include "teamwright/model/model.hpp"

namespace teamwright::io {

/// The format version this build reads and writes.
inline constexpr int kFormatVersion = 1;

/// Parses a document. Throws `FormatError` for malformed JSON, a value of the wrong type, a
/// missing or unknown field or another version; otherwise what the `Model` constructor throws.
/// Messages name the item and the rule: "person 'p04': field 'cost' must be a number, got
/// string". Nothing is half-built: either a whole model is returned or an exception thrown.
[[nodiscard]] Model parse_model(std::string_view text);

/// The canonical document of a model: a fixed field order, fields at their default left out,
/// two-space indentation. `parse_model(dump_model(m)) == m` for every model.
[[nodiscard]] std::string dump_model(const Model& model);

/// Reads and parses a file. Throws `FileError` if it cannot be read, else as `parse_model`.
[[nodiscard]] Model load_model(const std::filesystem::path& path);

/// Writes `dump_model(model)` atomically: to a temporary file beside `path`, then renamed over
/// it, so `path` holds either its old content or the whole new one. Throws `FileError`.
void save_model(const Model& model, const std::filesystem::path& path);

/// Parses one request object, as found in a document's "requests" list. Throws `FormatError`;
/// the request's references are checked when it is solved (or by `Model::validate`).
[[nodiscard]] TeamRequest parse_request(std::string_view text);

}  // namespace teamwright::io
