"""The programme's pages (pilots, stories) and the editorial workflow's consent check."""

from .pages import (
    PersonRole,
    PilotIndexPage,
    PilotPage,
    PilotPerson,
    StoryIndexPage,
    StoryKind,
    StoryPage,
    StoryPerson,
    StoryTag,
)
from .workflow import ConsentCheckTask, ConsentCheckTaskState, ConsentConfirmation
from .workshops import Registration, WorkshopAnnouncement, WorkshopIndexPage, WorkshopPage

__all__ = [
    "ConsentCheckTask",
    "ConsentCheckTaskState",
    "ConsentConfirmation",
    "PersonRole",
    "PilotIndexPage",
    "PilotPage",
    "PilotPerson",
    "Registration",
    "StoryIndexPage",
    "StoryKind",
    "StoryPage",
    "StoryPerson",
    "StoryTag",
    "WorkshopAnnouncement",
    "WorkshopIndexPage",
    "WorkshopPage",
]
