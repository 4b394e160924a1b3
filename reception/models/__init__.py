from reception.models.documents import CaseChildQuerySet, Document, DocumentType, JournalNote
from reception.models.households import (
    ArrivalNotice,
    Household,
    HouseholdQuerySet,
    HouseholdStatus,
    Literacy,
    NeedFlag,
    NoticeSource,
    Person,
    PersonQuerySet,
    Relation,
)
from reception.models.letters import Letter, LetterChannel, LetterQuerySet, LetterStatus
from reception.models.milestones import Milestone, MilestoneQuerySet

__all__ = [
    "ArrivalNotice",
    "CaseChildQuerySet",
    "Document",
    "DocumentType",
    "Household",
    "HouseholdQuerySet",
    "HouseholdStatus",
    "JournalNote",
    "Letter",
    "LetterChannel",
    "LetterQuerySet",
    "LetterStatus",
    "Literacy",
    "Milestone",
    "MilestoneQuerySet",
    "NeedFlag",
    "NoticeSource",
    "Person",
    "PersonQuerySet",
    "Relation",
]
