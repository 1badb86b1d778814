"""The programme core's part of the seed: countries, the IDM 2008 and 2009 dialogues and
their documents, word for word from the IDM 2009 discussion note. Idempotent.

`seed_idm` calls `load()` of every installed app that has a `seed` module, in
INSTALLED_APPS order, so each app adds its own part of the seed.
"""

from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from idm.countries import all_countries
from idm.demo_totp import DEMO_STAFF_EMAIL, demo_totp_instructions, ensure_demo_totp_device
from idm.models import Dialogue, Document, MemberState, User

SEED_DIR = Path(__file__).resolve().parent / "seed_data"
DISCUSSION_NOTE_FILE = SEED_DIR / "idm-2009-discussion-note.txt"
DISCUSSION_NOTE_STORAGE_NAME = "documents/2009/idm-2009-discussion-note.txt"

DIALOGUES = [
    {
        "year": 2008,
        "theme": "Return Migration: Challenges and Opportunities",
        "theme_selection": (
            "In 2008, the International Dialogue on Migration was guided by the overarching "
            "theme selected by the membership: “Return Migration: Challenges and "
            "Opportunities”. Two intersessional workshops were convened in 2008 based on the "
            "memberships’ preferences."
        ),
        "summary": (
            "Two intersessional workshops were convened in 2008 based on the memberships’ "
            "preferences: “Managing Return Migration” (21-22 April) and “Enhancing the Role of "
            "Return Migration in Fostering Development” (7-8 July). High-level panel "
            "discussions were held in the framework of the IDM during the 96th Council Session "
            "on Return Migration, Migration Highlights of 2008, and on Mixed Migration Flows. "
            "Special focus was also given to World Migration 2008 and to a discussion with the "
            "Global Migration Group (GMG) on the implications of the financial crisis for "
            "migration and on the role and activities of the GMG more generally.\n\n"
            "Workshop presentations, statements and background documentation are available on "
            "the IOM website (www.iom.int/idm). Additional information on these workshops can "
            "be found in the Discussion Note for the IDM Informal Consultations held on "
            "23 October 2008 (IC/2008/6)."
        ),
        "funding_approach": "",
    },
    {
        "year": 2009,
        "theme": (
            "Human Rights and Migration: Working Together for Safe, Dignified and Secure Migration"
        ),
        "theme_selection": (
            "Through the process of informal consultations and a follow-up survey, the "
            "membership has selected the overarching theme of “Human Rights and Migration: "
            "Working Together for Safe, Dignified and Secure Migration” to guide the IDM in "
            "2009. Also through the process of informal consultations and a follow-up survey, "
            "two intersessional workshops have been selected by the Membership and are planned "
            "for 2009, subject to available funding."
        ),
        "summary": (
            "Under this theme, the IDM will explore the “human dimension” of migration and ways "
            "to incorporate considerations of human rights, well-being, safety, dignity and "
            "security of individuals and communities into migration policies, legislation and "
            "programming. The discussions will draw on IOM’s research and programmes, of which "
            "human rights dimensions are an integral part, and will further pursue some of the "
            "issues that were raised during the IDM 2008. It will also build on IOM’s "
            "partnerships with other agencies active in this area, as well as on the "
            "discussions and outcomes of the 2008 Manila Global Forum on Migration and "
            "Development (GFMD), the theme of which was “Protecting and Empowering Migrants for "
            "Development”.\n\n"
            "In view of the mandate in the IOM Constitution (Article 1(1)(e)) and activity 7 of "
            "the IOM Strategy, IOM is also seeking the views of the membership on how best to "
            "serve it through the IDM and strengthen the IDM’s effectiveness for the "
            "membership. A survey to this end will be provided at the consultation."
        ),
        "funding_approach": (
            "The Administration seeks funding on a yearly basis for the entire IDM workshop "
            "programme in order to use its human resources more rationally and cost-effectively "
            "and reduce operational costs. However, the Administration wishes to remain flexible "
            "in its fund-raising approach to take into consideration particular interests and "
            "priorities donors may have. For this reason, while the Administration encourages "
            "donors to support the IDM annual programme as a whole, it also understands that "
            "some donors may wish to earmark their contribution to a specific workshop. A "
            "project document and two separate budgets have been developed and will be made "
            "available to the Membership at the informal consultations. The majority of the "
            "funding supports the participation of developing country officials from capitals "
            "that are their government’s expert in the relevant subject matter, to permit them "
            "the opportunity to share their experiences with the full membership and benefit "
            "from the views and experiences of their counterparts in other governments as well "
            "as those of nongovernmental partners."
        ),
    },
]

SYMBOLLED_DOCUMENTS = [
    {
        "symbol": "IC/2008/6",
        "language": "en",
        "year": 2008,
        "title": "Discussion Note for the IDM Informal Consultations held on 23 October 2008",
        "kind": Document.Kind.DISCUSSION_NOTE,
        "status": Document.Status.PUBLISHED,
        "url": "https://www.iom.int/idm",
        "description": (
            "Additional information on the IDM 2008 intersessional workshops “Managing Return "
            "Migration” and “Enhancing the Role of Return Migration in Fostering Development”."
        ),
    },
    {
        "symbol": "MC/2266",
        "language": "en",
        "year": 2008,
        "title": "Draft Report of the 96th Council",
        "kind": Document.Kind.REPORT,
        "status": Document.Status.FORTHCOMING,
        "url": "",
        "description": (
            "Details of the IDM sessions, panels and presentations at the 96th Council Session."
        ),
    },
]

DISCUSSION_NOTE_TITLE = (
    "International Dialogue on Migration 2009 – Human Rights and Migration: Working Together "
    "for Safe, Dignified and Secure Migration (discussion note)"
)

DEMO_PASSWORD = "idm-demo-2009"
DEMO_ACCOUNTS = [
    {
        "email": DEMO_STAFF_EMAIL,
        "staff": True,
        "state": None,
        "role": "",
        "name": ("Iris", "Staff"),
    },
    {
        "email": "focal.point.ph@example.org",
        "staff": False,
        "state": "PH",
        "role": User.DelegationRole.FOCAL_POINT,
        "name": ("Maria", "Santos"),
    },
    {
        "email": "delegate.ph@example.org",
        "staff": False,
        "state": "PH",
        "role": User.DelegationRole.CONTRIBUTOR,
        "name": ("Jose", "Reyes"),
    },
    {
        "email": "focal.point.mx@example.org",
        "staff": False,
        "state": "MX",
        "role": User.DelegationRole.FOCAL_POINT,
        "name": ("Ana", "Hernández"),
    },
]


def load(*, demo=False, stdout=None):
    load_member_states()
    dialogues = load_dialogues()
    load_documents(dialogues)
    if demo:
        load_demo_accounts(stdout=stdout)


def load_member_states():
    """Every ISO 3166 country with its UN region; IOM membership stays as staff set it."""
    existing = {state.code: state for state in MemberState.objects.all()}
    to_create, to_update = [], []
    for country in all_countries():
        values = {
            "iso3": country.iso3,
            "name": country.name,
            "region": country.region,
            "sub_region": country.sub_region,
        }
        state = existing.get(country.code)
        if state is None:
            to_create.append(MemberState(code=country.code, **values))
        elif any(getattr(state, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(state, field, value)
            to_update.append(state)
    bulk_create_with_history(to_create, MemberState)
    bulk_update_with_history(to_update, MemberState, ["iso3", "name", "region", "sub_region"])


def load_dialogues():
    dialogues = {}
    for data in DIALOGUES:
        values = {key: value for key, value in data.items() if key != "year"}
        dialogue, _created = Dialogue.objects.update_or_create(year=data["year"], defaults=values)
        dialogues[dialogue.year] = dialogue
    return dialogues


def load_documents(dialogues):
    for data in SYMBOLLED_DOCUMENTS:
        values = {
            key: value for key, value in data.items() if key not in {"symbol", "language", "year"}
        }
        Document.objects.update_or_create(
            symbol=data["symbol"],
            language=data["language"],
            defaults={**values, "dialogue": dialogues[data["year"]]},
        )
    if not default_storage.exists(DISCUSSION_NOTE_STORAGE_NAME):
        default_storage.save(
            DISCUSSION_NOTE_STORAGE_NAME, ContentFile(DISCUSSION_NOTE_FILE.read_bytes())
        )
    Document.objects.update_or_create(
        dialogue=dialogues[2009],
        symbol="",
        title=DISCUSSION_NOTE_TITLE,
        defaults={
            "kind": Document.Kind.DISCUSSION_NOTE,
            "language": "en",
            "status": Document.Status.PUBLISHED,
            "file": DISCUSSION_NOTE_STORAGE_NAME,
            "description": (
                "Summary of the substantive outcomes of the IDM in 2008, including the key "
                "policy principles on return migration, and information about the IDM for 2009: "
                "its theme, its two intersessional workshops and the funding approach."
            ),
        },
    )


def load_demo_accounts(*, stdout=None):
    states = {state.code: state for state in MemberState.objects.filter(code__in=["PH", "MX"])}
    for state in states.values():
        if state.membership != MemberState.Membership.MEMBER or not state.sponsorship_eligible:
            state.membership = MemberState.Membership.MEMBER
            state.sponsorship_eligible = True
            state.save(update_fields=["membership", "sponsorship_eligible"])
    for account in DEMO_ACCOUNTS:
        wanted = {
            "is_staff": account["staff"],
            "is_superuser": account["staff"],
            "member_state": states.get(account["state"]),
            "delegation_role": account["role"],
            "first_name": account["name"][0],
            "last_name": account["name"][1],
        }
        user = User.objects.filter(email__iexact=account["email"]).first()
        if user is None:
            User.objects.create_user(account["email"], DEMO_PASSWORD, **wanted)
        elif any(getattr(user, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(user, field, value)
            user.save()
    ensure_demo_totp_device()
    if stdout is not None:
        stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for account in DEMO_ACCOUNTS:
            who = (
                "IOM staff (back office)"
                if account["staff"]
                else (f"{account['state']} delegate, {account['role'].replace('_', ' ')}")
            )
            stdout.write(f"  {account['email']:<32} {who}")
        stdout.write(demo_totp_instructions())


def upsert(model, lookup, values):
    """Get the row matching `lookup` and set `values` on it, saving only when something
    changed (so that running the seed again writes no history). Returns the row."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(row, field) != value]
    if changed:
        for field in changed:
            setattr(row, field, values[field])
        row.save(update_fields=changed)
    return row


def set_related(manager, rows):
    """Make a many-to-many relation hold exactly `rows`, touching it only if it differs."""
    wanted = {row.pk for row in rows}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(rows)
