"""Programme core models, one module per topic."""

from idm.models.delegations import Invitation, InvitationQuerySet
from idm.models.idempotency import IdempotencyKey
from idm.models.programme import Dialogue, DialogueQuerySet, Document, DocumentQuerySet
from idm.models.states import Language, MemberState, Region
from idm.models.tasks import OutgoingEmail, SentReminder, WorkerHeartbeat
from idm.models.users import User, UserManager

__all__ = [
    "Dialogue",
    "DialogueQuerySet",
    "Document",
    "DocumentQuerySet",
    "IdempotencyKey",
    "Invitation",
    "InvitationQuerySet",
    "Language",
    "MemberState",
    "OutgoingEmail",
    "Region",
    "SentReminder",
    "User",
    "UserManager",
    "WorkerHeartbeat",
]
