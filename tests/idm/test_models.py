import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from idm.models import Dialogue, Document, MemberState, User
from tests.factories import DialogueFactory, DocumentFactory, MemberStateFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_user_email_login_is_case_insensitive():
    UserFactory(email="Delegate@Example.org")
    assert User.objects.get_by_natural_key("DELEGATE@example.ORG").email == "delegate@example.org"


def test_user_email_unique_regardless_of_case():
    UserFactory(email="one@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="ONE@example.org")


def test_user_delegate_without_role_refused_by_database():
    state = MemberStateFactory(code="PH")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="x@example.org", member_state=state, delegation_role="")


def test_user_role_without_state_refused_with_message():
    user = User(email="x@example.org", delegation_role=User.DelegationRole.FOCAL_POINT)
    user.set_unusable_password()
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "A delegate needs both a member state and a role" in str(error.value)


def test_user_focal_point_flag_follows_role():
    state = MemberStateFactory(code="PH")
    focal = UserFactory(member_state=state, delegation_role=User.DelegationRole.FOCAL_POINT)
    colleague = UserFactory(member_state=state, delegation_role=User.DelegationRole.CONTRIBUTOR)
    staff = UserFactory(is_staff=True)
    assert (focal.is_focal_point, colleague.is_focal_point, staff.is_focal_point) == (
        True,
        False,
        False,
    )


def test_dialogue_current_is_latest_year():
    DialogueFactory(year=2008)
    DialogueFactory(year=2009)
    assert Dialogue.objects.current().year == 2009


def test_dialogue_year_outside_range_refused_by_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Dialogue.objects.create(year=1999, theme="Too early")


def test_document_published_without_file_or_link_refused_by_database():
    dialogue = DialogueFactory(year=2009)
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(title="Nothing", kind="report", dialogue=dialogue, url="")


def test_document_forthcoming_without_link_allowed():
    document = DocumentFactory(status=Document.Status.FORTHCOMING, url="", symbol="MC/2266")
    assert document.href == ""


def test_document_symbol_language_unique_with_clear_message():
    DocumentFactory(symbol="IC/2008/6", language="en")
    duplicate = DocumentFactory.build(
        symbol="IC/2008/6", language="en", dialogue=DialogueFactory(year=2008)
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "A document with this symbol and language exists." in str(error.value)


def test_document_same_symbol_other_language_allowed():
    DocumentFactory(symbol="IC/2008/6", language="en")
    french = DocumentFactory(symbol="IC/2008/6", language="fr")
    assert french.pk is not None


def test_member_state_display_name_translated(settings):
    state = MemberStateFactory(code="DE", iso3="DEU", name="Germany")
    from django.utils import translation

    with translation.override("fr"):
        assert state.display_name == "Allemagne"
    with translation.override("es"):
        assert state.display_name == "Alemania"
    assert state.display_name == "Germany"


def test_member_state_membership_default_is_none():
    state = MemberState.objects.create(code="ZZ", iso3="ZZZ", name="Test", region="europe")
    assert state.membership == MemberState.Membership.NONE
