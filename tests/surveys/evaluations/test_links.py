"""Personal evaluation links: unguessable, not stored, and only the exact link works."""

import pytest
from django.db import connection

from surveys.evaluations import links
from tests.surveys.evaluations.factories import evaluation, invite, participant

pytestmark = pytest.mark.django_db


def test_token_for_invitation_leads_back_to_it():
    e = evaluation()
    invitation, token = invite(e.survey, participant(e.event))
    assert links.invitation_for_token(token) == invitation
    key, signature = token.split("-")
    assert key == invitation.key and len(key) == 32 and len(signature) == 32
    assert links.link_for(invitation).endswith(f"/evaluations/{token}/")


def test_token_keys_are_random_and_signature_not_stored():
    e = evaluation()
    first, first_token = invite(e.survey, participant(e.event))
    second, _token = invite(e.survey, participant(e.event))
    assert first.key != second.key
    signature = first_token.split("-")[1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM surveys_evaluationinvitation")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert signature not in stored and first_token not in stored


@pytest.mark.parametrize(
    "alter",
    [
        lambda token: token[:-1] + ("0" if token[-1] != "0" else "1"),  # signature changed
        lambda token: ("f" if token[0] != "f" else "e") + token[1:],  # key changed
        lambda token: token.split("-")[0],  # key alone
        lambda token: token.split("-")[0] + "-",
        lambda token: "",
        lambda token: "not-a-token",
        lambda token: token + "0",
    ],
)
def test_invitation_for_altered_or_made_up_token_is_none(alter):
    e = evaluation()
    _invitation, token = invite(e.survey, participant(e.event))
    assert links.invitation_for_token(alter(token)) is None


def test_token_signed_with_previous_secret_key_still_works(settings):
    e = evaluation()
    invitation, token = invite(e.survey, participant(e.event))
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-after-rotation-" + "x" * 20
    assert links.invitation_for_token(token) == invitation
    assert links.token_for(invitation) != token
    settings.SECRET_KEY_FALLBACKS = []
    assert links.invitation_for_token(token) is None
