"""State changes of the programme core. Pages, admin actions, the API and commands call these."""

from idm.services.accounts import deactivate_account, reactivate_account
from idm.services.documents import delete_document, save_document
from idm.services.emails import resend_email
from idm.services.invitations import (
    InvitationProblem,
    accept_invitation,
    find_invitation,
    invite_delegate,
    revoke_invitation,
)
from idm.services.states import set_membership

__all__ = [
    "InvitationProblem",
    "accept_invitation",
    "deactivate_account",
    "delete_document",
    "find_invitation",
    "invite_delegate",
    "reactivate_account",
    "resend_email",
    "revoke_invitation",
    "save_document",
    "set_membership",
]
