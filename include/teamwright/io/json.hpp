#pragma once

/// \file
/// The teamwright JSON format, version 1 (docs/format.md, schema docs/teamwright-v1.schema.json):
/// one document holding the framework, people, roles and named requests; and the JSON form of
/// results and gap reports.

#include <filesystem>
#include <string>
#include <string_view>

#include "teamwright/analysis/gaps.hpp"
#include "teamwright/model/model.hpp"
#include "teamwright/team/solve.hpp"

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

/// The JSON form of a result (docs/format.md#results): status, members with why they are in,
/// cost, coverage table, unmet requirements and reasons.
[[nodiscard]] std::string dump_result(const Model& model, const TeamRequest& request,
                                      const team::TeamResult& result);

/// The JSON form of a gap report (docs/format.md#gap-reports).
[[nodiscard]] std::string dump_gap_report(const Model& model, const TeamRequest& request,
                                          const analysis::GapReport& report);

}  // namespace teamwright::io
