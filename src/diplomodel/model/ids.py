"""Typed ids: one NewType per kind of entity, so a person id is never a meeting id."""

from __future__ import annotations

from typing import NewType

__all__ = [
    "BodyId",
    "CommitteeId",
    "DocumentId",
    "MeetingId",
    "OfficeId",
    "PersonId",
    "RelationId",
    "SeriesId",
    "StatementId",
    "ThematicYearId",
]

PersonId = NewType("PersonId", str)
OfficeId = NewType("OfficeId", str)
MeetingId = NewType("MeetingId", str)
SeriesId = NewType("SeriesId", str)
DocumentId = NewType("DocumentId", str)
CommitteeId = NewType("CommitteeId", str)
RelationId = NewType("RelationId", str)
ThematicYearId = NewType("ThematicYearId", str)
StatementId = NewType("StatementId", str)
BodyId = NewType("BodyId", str)
