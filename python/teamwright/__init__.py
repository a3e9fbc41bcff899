"""teamwright: assemble teams whose members complement each other.

Model competencies, people and roles; cover every skill a team needs at the level it needs, at
the least cost; and say why each member is in and what is still missing.
"""

from teamwright._core import __version__ as __version__
from teamwright.assessments import (
    AssessmentReview,
    BlindSpot,
    DatedAssessment,
    blind_spots,
    review_assessments,
)
from teamwright.assign import (
    GeneralizedSolution,
    MentoringGoal,
    MentoringPair,
    MentoringResult,
    Placement,
    PlacementResult,
    Seat,
    SeatAssignment,
    Slot,
    SplitResult,
    SplitTeam,
    StaffingResult,
    assign_generalized,
    assign_mentors,
    assign_roles,
    assign_staff,
    linear_sum_assignment,
    read_cost_matrix,
    read_generalized,
    split,
)
from teamwright.assign import (
    mentoring_pairs as mentoring_pairs,
)
from teamwright.assign import (
    place as place,
)
from teamwright.assign import (
    read_gap as read_gap,
)
from teamwright.assign import (
    solve_gap as solve_gap,
)
from teamwright.assign import (
    staff as staff,
)
from teamwright.batch import solve_many
from teamwright.closure import (
    ClosureAction,
    ClosureResult,
    DevelopmentGoal,
    DevelopmentPlan,
    Plan,
    close_gaps,
    plan,
)
from teamwright.errors import (
    CyclicHierarchyError,
    DuplicateIdError,
    Error,
    FileError,
    FormatError,
    InvalidInputError,
    OutOfRangeError,
    UnknownReferenceError,
)
from teamwright.fit import Mismatch, RequirementEvidence, fit_matrix, mismatches
from teamwright.frames import read_people_csv
from teamwright.importers import read_esco, read_onet
from teamwright.model import (
    EVERYONE,
    FORMAT_VERSION,
    Aggregation,
    Assessment,
    AssessmentPolicy,
    AssessmentSource,
    Competency,
    CompetencyKind,
    DevelopmentPolicy,
    Model,
    Objective,
    Person,
    Relation,
    Role,
    RoleRequirement,
    RoleSlot,
    TeamRequest,
    TeamRequirement,
    TrainingOverride,
    TrainingTerms,
    dumps,
    load,
    loads,
    save,
)
from teamwright.posting import JobPosting, PostingLine, job_posting
from teamwright.report import Report, build_report
from teamwright.solving import CancellationToken, Progress, Status, Termination
from teamwright.team import (
    Constraint,
    CoverageRow,
    Diagnosis,
    Gap,
    GapReport,
    Member,
    Relaxation,
    Replacement,
    TeamResult,
    TrainingOption,
    Unmet,
    check,
    compile_request,
    gap_report,
    solve,
)

__all__ = [
    "EVERYONE",
    "FORMAT_VERSION",
    "Aggregation",
    "Assessment",
    "AssessmentPolicy",
    "AssessmentReview",
    "AssessmentSource",
    "BlindSpot",
    "CancellationToken",
    "ClosureAction",
    "ClosureResult",
    "Competency",
    "CompetencyKind",
    "Constraint",
    "CoverageRow",
    "CyclicHierarchyError",
    "DatedAssessment",
    "DevelopmentGoal",
    "DevelopmentPlan",
    "DevelopmentPolicy",
    "Diagnosis",
    "DuplicateIdError",
    "Error",
    "FileError",
    "FormatError",
    "Gap",
    "GapReport",
    "GeneralizedSolution",
    "InvalidInputError",
    "JobPosting",
    "Member",
    "MentoringGoal",
    "MentoringPair",
    "MentoringResult",
    "Mismatch",
    "Model",
    "Objective",
    "OutOfRangeError",
    "Person",
    "Placement",
    "PlacementResult",
    "Plan",
    "PostingLine",
    "Progress",
    "Relation",
    "Relaxation",
    "Replacement",
    "Report",
    "RequirementEvidence",
    "Role",
    "RoleRequirement",
    "RoleSlot",
    "Seat",
    "SeatAssignment",
    "Slot",
    "SplitResult",
    "SplitTeam",
    "StaffingResult",
    "Status",
    "TeamRequest",
    "TeamRequirement",
    "TeamResult",
    "Termination",
    "TrainingOption",
    "TrainingOverride",
    "TrainingTerms",
    "UnknownReferenceError",
    "Unmet",
    "assign_generalized",
    "assign_mentors",
    "assign_roles",
    "assign_staff",
    "blind_spots",
    "build_report",
    "check",
    "close_gaps",
    "compile_request",
    "dumps",
    "example_path",
    "fit_matrix",
    "gap_report",
    "job_posting",
    "linear_sum_assignment",
    "load",
    "loads",
    "mismatches",
    "plan",
    "read_cost_matrix",
    "read_esco",
    "read_generalized",
    "read_onet",
    "read_people_csv",
    "review_assessments",
    "save",
    "solve",
    "solve_many",
    "split",
]


def example_path() -> str:
    """The path of the bundled customer-service example."""
    from importlib.resources import files

    return str(files("teamwright") / "data" / "customer_service.json")


_DEPRECATED_CLASSES = {"Coverage": "teamwright.team", "GapSolution": "teamwright.assign"}


def __getattr__(name: str) -> object:
    """The deprecated class names of earlier releases: they still resolve, and warn."""
    if name in _DEPRECATED_CLASSES:
        import importlib

        return getattr(importlib.import_module(_DEPRECATED_CLASSES[name]), name)
    raise AttributeError(f"module 'teamwright' has no attribute {name!r}")
