"""Employment and Danish education: employers and their openings, measures per person with
the rules they were checked against, IGU follow-up, Danish education and the job centre's
queue of internships volunteers found."""

from employment.models.danish import (
    DanishEducation,
    DanishEducationStatus,
    DanishTest,
    DanishTestResult,
    DanishTrack,
)
from employment.models.employers import Employer, Opening, OpeningKind, OpeningStatus, Sector
from employment.models.kinds import MeasureCategory, MeasureType, OutcomeKind
from employment.models.measures import (
    IguSchoolWeek,
    InterruptionReason,
    JobcentreReferral,
    Measure,
    MeasureInterruption,
    MeasureOutcome,
    MeasureStatus,
    ReferralStatus,
    RuleAcknowledgement,
    SchoolWeekStatus,
)
from employment.models.rules import EmploymentRuleSet

__all__ = [
    "DanishEducation", "DanishEducationStatus", "DanishTest", "DanishTestResult", "DanishTrack",
    "Employer", "EmploymentRuleSet", "IguSchoolWeek", "InterruptionReason", "JobcentreReferral",
    "Measure", "MeasureCategory", "MeasureInterruption", "MeasureOutcome", "MeasureStatus",
    "MeasureType", "Opening", "OpeningKind", "OpeningStatus", "OutcomeKind", "ReferralStatus",
    "RuleAcknowledgement", "SchoolWeekStatus", "Sector",
]
