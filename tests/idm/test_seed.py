import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from idm.models import Dialogue, Document, MemberState, User

pytestmark = pytest.mark.django_db

THEME_2009 = "Human Rights and Migration: Working Together for Safe, Dignified and Secure Migration"


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_seed_idm_twice_leaves_same_row_counts(settings):
    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    first = row_counts()
    call_command("seed_idm", "--demo")
    assert row_counts() == first
    assert first["idm.Dialogue"] == 2
    assert first["idm.User"] == 4


def test_seed_idm_loads_themes_word_for_word():
    call_command("seed_idm")
    themes = dict(Dialogue.objects.values_list("year", "theme"))
    assert themes == {2008: "Return Migration: Challenges and Opportunities", 2009: THEME_2009}
    assert (
        "informal consultations and a follow-up survey"
        in Dialogue.objects.get(year=2009).theme_selection
    )
    assert (
        "earmark their contribution to a specific workshop"
        in Dialogue.objects.get(year=2009).funding_approach
    )


def test_seed_idm_loads_documents_with_symbols():
    call_command("seed_idm")
    documents = {d.symbol: d for d in Document.objects.select_related("dialogue")}
    assert documents["IC/2008/6"].title == (
        "Discussion Note for the IDM Informal Consultations held on 23 October 2008"
    )
    assert documents["IC/2008/6"].dialogue.year == 2008
    assert documents["MC/2266"].title == "Draft Report of the 96th Council"
    assert documents["MC/2266"].status == Document.Status.FORTHCOMING
    note = documents[""]
    assert note.dialogue.year == 2009
    assert note.file.read().decode().startswith(" INTERNATIONAL DIALOGUE ON MIGRATION 2009")


def test_seed_idm_loads_every_country_with_region():
    call_command("seed_idm")
    assert MemberState.objects.count() == 249
    philippines = MemberState.objects.get(code="PH")
    assert (philippines.iso3, philippines.region, philippines.sub_region) == (
        "PHL",
        "asia",
        "South-eastern Asia",
    )
    assert MemberState.objects.get(code="GH").sub_region == "Western Africa"


def test_seed_idm_keeps_membership_staff_recorded():
    call_command("seed_idm")
    MemberState.objects.filter(code="CH").update(membership="member")
    call_command("seed_idm")
    assert MemberState.objects.get(code="CH").membership == "member"


def test_seed_idm_demo_creates_accounts_and_prints_credentials(settings, capsys):
    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    output = capsys.readouterr().out
    assert "staff@example.org" in output and "idm-demo-2009" in output
    ph_delegates = User.objects.filter(member_state__code="PH").order_by("email")
    assert [(u.email, u.delegation_role) for u in ph_delegates] == [
        ("delegate.ph@example.org", "contributor"),
        ("focal.point.ph@example.org", "focal_point"),
    ]
    assert User.objects.get(email="focal.point.mx@example.org").is_focal_point
    staff = User.objects.get(email="staff@example.org")
    assert staff.is_staff and staff.check_password("idm-demo-2009")


def test_seed_idm_demo_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DJANGO_DEBUG=1"):
        call_command("seed_idm", "--demo")
    assert not User.objects.exists()


def test_seed_idm_demo_refused_in_implicit_development_mode(settings):
    """manage.py's automatic development mode (no DJANGO_DEBUG, no DJANGO_SECRET_KEY) is not
    an explicit DJANGO_DEBUG=1: a production DATABASE_URL alone must not get demo accounts."""
    settings.DEBUG = True
    settings.IDM_IMPLICIT_DEVELOPMENT_MODE = True
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1 set explicitly"):
        call_command("seed_idm", "--demo")
    assert not User.objects.exists()


def test_seed_idm_demo_staff_has_totp_device_and_instructions(settings, capsys):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from idm.demo_totp import DEMO_TOTP_KEY

    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    output = capsys.readouterr().out
    device = TOTPDevice.objects.get(user__email="staff@example.org")
    assert (device.key, device.confirmed) == (DEMO_TOTP_KEY, True)
    assert "MRSW23ZNNFSG2LLUN52HALLEMVWW6LLJ" in output
    assert "otpauth://totp/" in output
    assert "Current code: make demo-totp" in output


def test_demo_totp_prints_a_code_the_device_accepts(settings, capsys):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.DEBUG = True
    call_command("seed_idm", "--demo")
    capsys.readouterr()
    call_command("demo_totp")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()
    assert TOTPDevice.objects.get(user__email="staff@example.org").verify_token(code)


def test_demo_totp_refused_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("demo_totp")
