// Job-posting profiles (include/teamwright/analysis/posting.hpp).

#include "teamwright/analysis/posting.hpp"

#include <algorithm>

namespace teamwright::analysis {

JobPosting job_posting(const Model& model, RoleId role) {
  const Role& r = model.role(role);
  JobPosting posting{
      role, r.name.empty() ? r.id : r.name, r.description, {}, {}, r.responsibilities};
  for (const RoleRequirement& q : r.requirements) {
    const CompetencyId c = model.competency_id(q.competency);
    (q.hard ? posting.required : posting.desirable)
        .push_back({c, q.min_level, q.importance, model.competency(c).is_trainable()});
  }
  for (auto* lines : {&posting.required, &posting.desirable}) {
    std::stable_sort(lines->begin(), lines->end(), [](const PostingLine& a, const PostingLine& b) {
      return a.importance > b.importance;
    });
  }
  return posting;
}

}  // namespace teamwright::analysis
