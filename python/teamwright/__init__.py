"""teamwright: assemble teams whose members complement each other.

Model competencies, people and roles; cover every skill a team needs at the level it needs, at
the least cost; and say why each member is in and what is still missing.
"""

from teamwright._core import __version__ as __version__
from teamwright.assign import (
    MentoringGoal,
    MentoringPair,
    MentoringResult,
    Placement,
    PlacementResult,
    Slot,
    SplitResult,
    SplitTeam,
    linear_sum_assignment,
    mentoring_pairs,
    place,
    split,
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
from teamwright.model import (
    EVERYONE,
    FORMAT_VERSION,
    Assessment,
    AssessmentSource,
    Competency,
    CompetencyKind,
    Model,
    Objective,
    Person,
    Relation,
    Role,
    RoleRequirement,
    RoleSlot,
    TeamRequest,
    TeamRequirement,
    dumps,
    load,
    loads,
    save,
)
from teamwright.team import (
    Coverage,
    Gap,
    GapReport,
    Member,
    Status,
    TeamResult,
    TrainingOption,
    Unmet,
    check,
    gap_report,
    solve,
)

__all__ = [
    "EVERYONE",
    "FORMAT_VERSION",
    "Assessment",
    "AssessmentSource",
    "Competency",
    "CompetencyKind",
    "Coverage",
    "CyclicHierarchyError",
    "DuplicateIdError",
    "Error",
    "FileError",
    "FormatError",
    "Gap",
    "GapReport",
    "InvalidInputError",
    "Member",
    "MentoringGoal",
    "MentoringPair",
    "MentoringResult",
    "Model",
    "Objective",
    "OutOfRangeError",
    "Person",
    "Placement",
    "PlacementResult",
    "Relation",
    "Role",
    "RoleRequirement",
    "RoleSlot",
    "Slot",
    "SplitResult",
    "SplitTeam",
    "Status",
    "TeamRequest",
    "TeamRequirement",
    "TeamResult",
    "TrainingOption",
    "UnknownReferenceError",
    "Unmet",
    "check",
    "dumps",
    "example_path",
    "gap_report",
    "linear_sum_assignment",
    "load",
    "loads",
    "mentoring_pairs",
    "place",
    "save",
    "solve",
    "split",
]


def example_path() -> str:
    """The path of the bundled customer-service example."""
    from importlib.resources import files

    return str(files("teamwright") / "data" / "customer_service.json")
