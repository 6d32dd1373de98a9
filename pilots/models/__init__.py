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
from .signups import (
    Gangmaker,
    MailPurpose,
    PilotRound,
    RoundSubscriber,
    SignupMailTemplate,
    SignupPage,
    StreetSignup,
)
from .submissions import StorySubmission, StorySubmissionPage
from .workflow import ConsentCheckTask, ConsentCheckTaskState, ConsentConfirmation
from .workshops import Registration, WorkshopAnnouncement, WorkshopIndexPage, WorkshopPage

__all__ = [
    "ConsentCheckTask",
    "ConsentCheckTaskState",
    "ConsentConfirmation",
    "Gangmaker",
    "MailPurpose",
    "PilotRound",
    "RoundSubscriber",
    "SignupMailTemplate",
    "SignupPage",
    "StorySubmission",
    "StorySubmissionPage",
    "StreetSignup",
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
