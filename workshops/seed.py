"""The workshops' part of the seed: the events of IDM 2008 and 2009 named in the IDM 2009
discussion note, with the documents that go with them. Idempotent. With --demo, also one
clearly marked demo workshop dated relative to today (workshops/demo.py).

The note gives no venue, capacity or registration window, and no exact dates for the panels
and the discussion held during the 96th Council Session: those stay empty ("date to be
announced" / unknown) rather than invented.

The note plans the two 2009 workshops "subject to available funding": they are seeded as
proposed, and the funding app's seed gives them demo budgets and no contributions, so that
their funding status reads "subject to available funding" from the numbers.
"""

import datetime
from dataclasses import dataclass, field

from idm.models import Dialogue, Document
from idm.seed import set_related, upsert
from workshops.demo import load_demo_workshop
from workshops.models import Event

RETURN_MIGRATION_WORKSHOPS_NOTE = (
    "Workshop presentations, statements and background documentation are available on the IOM "
    "website (www.iom.int/idm). Additional information on these workshops can be found in the "
    "Discussion Note for the IDM Informal Consultations held on 23 October 2008 (IC/2008/6)."
)
COUNCIL_PANEL_NOTE = (
    "High-level panel discussion held in the framework of the IDM during the 96th Council "
    "Session. For details of the IDM sessions, panels and presentations at the 96th Council, "
    "please refer to the Draft Report of the 96th Council (Document MC/2266, forthcoming)."
)

HUMAN_RIGHTS_WORKSHOP_DESCRIPTION = "\n\n".join(
    [
        (
            "It is no longer disputed that migrants are entitled to human rights, regardless of "
            "their status. Nevertheless, the precise applicability and implementation of human "
            "rights in the context of migration merits discussion, as questions relate, inter "
            "alia, to the principle of nondiscrimination in the context of migration and the need "
            "to reconcile the exercise of the sovereign prerogatives of States – including the "
            "right to regulate entry, exit and residence – with effective respect for the human "
            "rights of migrants. For this reason, this workshop will open with a brief overview "
            "of the principal global and regional human rights instruments relevant to migrants "
            "and consider the integration of human rights standards into national legislative "
            "frameworks, policy and programming on migration."
        ),
        (
            "The workshop will then turn to the topic of the rights and responsibilities of "
            "migrants and societies. The relationship between migrants and States tends to be the "
            "focus of attention when discussing human rights, but interactions between migrants "
            "and their families, neighbourhoods, employers and wider communities in countries of "
            "origin, transit and destination are equally significant. Each of these relationships "
            "implies rights and responsibilities on the part of all those involved. The "
            "workplace, for example, is a major locus of a migrant’s engagement with society, "
            "with rights and obligations for States, employers and employees. Other arenas of "
            "interaction include access to health services, education for migrants and their "
            "families and matters of civic and political participation which may, for example, "
            "call for cooperation between countries of origin and destination or between national "
            "and local levels of government."
        ),
        (
            "The workshop will examine the relationships between migrants and society in terms of "
            "the interplay of rights and responsibilities of all stakeholders, including migrants "
            "themselves, to ensure the protection of the human rights of migrants as well as the "
            "more general welfare of migrants and communities of origin, transit and destination. "
            "Some of these dimensions are directly underpinned by human rights provisions, while "
            "others require a range of legal, policy and programmatic responses. Thus, while "
            "providing an overview of the relevant legal framework, the principal focus of the "
            "workshop will be on practical ways to give expression to the shared responsibility "
            "for protecting the human rights of migrants through multistakeholder partnerships."
        ),
    ]
)

TRAFFICKING_WORKSHOP_DESCRIPTION = "\n\n".join(
    [
        (
            "Exploitation and abuse of migrants, and the particular case of trafficking in human "
            "beings, constitute gross violations of human rights. While important legal "
            "instruments already exist to address such violations, in particular with regard to "
            "trafficking, States and other relevant actors need to be alert to potential gaps in "
            "protection. Shortcomings may arise, for example, in the situation and protection of "
            "migrants to whom existing instruments do not apply, but who nevertheless find "
            "themselves in conditions of forced labour or other forms of exploitation and suffer "
            "human rights violations."
        ),
        (
            "With regard to trafficking in human beings, the complex ramifications of the "
            "phenomenon and the legal, social and economic precariousness of the situation in "
            "which trafficked persons find themselves make the effective protection of human "
            "rights compelling, if also more challenging. While trafficking is often viewed in "
            "relation to organized crime and the challenge it poses to the State’s regulation of "
            "its borders, it is important to bear in mind the centrality of human rights in "
            "addressing this issue. Moreover, there are considerable challenges with respect to "
            "the practical implications of anti-trafficking frameworks, relating in particular to "
            "the identification of trafficked persons. While the trafficking of women and girls "
            "for sexual exploitation has received much attention, identified cases of trafficking "
            "for other forms of exploitation such as forced labour as well as the trafficking of "
            "men and boys are significantly increasing. Without diminishing the gravity of "
            "trafficking for sexual exploitation and the importance and integrity of existing "
            "anti-trafficking frameworks, a comprehensive human rights approach would require "
            "legislative and policy responses that are nuanced and responsive to the humanitarian "
            "and protection needs of vulnerable migrants as a whole, rather than filtering people "
            "into administrative categories."
        ),
        (
            "This workshop will consider the practical value of human rights in ensuring the "
            "safety, health and dignity of migrants who, through trafficking or otherwise, have "
            "become subject to danger, exploitation and abuse. While covering the basics of the "
            "current anti-trafficking framework and its operational challenges, the workshop will "
            "also take a fresh approach by situating trafficking within the wider context of "
            "irregular migration and forms of exploitation that do not necessarily meet the "
            "strict definition of trafficking. In searching for concrete ways to address the "
            "protection challenges relating to vulnerability, exploitation and abuse of migrants, "
            "the workshop will recognize the need for a multifaceted yet coherent approach in "
            "terms of legislation, policy and programming, involving a wide range of actors."
        ),
    ]
)


@dataclass
class SeededEvent:
    year: int
    slug: str
    kind: str
    title: str
    status: str
    order: int = 0
    start: datetime.date | None = None
    end: datetime.date | None = None
    description: str = ""
    documents: list = field(default_factory=list)  # (symbol, language)


EVENTS = [
    SeededEvent(
        year=2008,
        slug="2008-managing-return-migration",
        kind=Event.Kind.WORKSHOP,
        title="Managing Return Migration",
        status=Event.Status.HELD,
        start=datetime.date(2008, 4, 21),
        end=datetime.date(2008, 4, 22),
        description=RETURN_MIGRATION_WORKSHOPS_NOTE,
        documents=[("IC/2008/6", "en")],
    ),
    SeededEvent(
        year=2008,
        slug="2008-return-migration-and-development",
        kind=Event.Kind.WORKSHOP,
        title="Enhancing the Role of Return Migration in Fostering Development",
        status=Event.Status.HELD,
        start=datetime.date(2008, 7, 7),
        end=datetime.date(2008, 7, 8),
        description=RETURN_MIGRATION_WORKSHOPS_NOTE,
        documents=[("IC/2008/6", "en")],
    ),
    SeededEvent(
        year=2008,
        slug="2008-informal-consultations",
        kind=Event.Kind.INFORMAL_CONSULTATION,
        title="IDM Informal Consultations",
        status=Event.Status.HELD,
        start=datetime.date(2008, 10, 23),
        end=datetime.date(2008, 10, 23),
        description=(
            "Informal consultations of the membership held on 23 October 2008. Discussion Note "
            "for the IDM Informal Consultations: IC/2008/6."
        ),
        documents=[("IC/2008/6", "en")],
    ),
    SeededEvent(
        year=2008,
        slug="2008-council-panel-return-migration",
        kind=Event.Kind.COUNCIL_PANEL,
        title="Return Migration",
        status=Event.Status.HELD,
        order=1,
        description=COUNCIL_PANEL_NOTE,
        documents=[("MC/2266", "en")],
    ),
    SeededEvent(
        year=2008,
        slug="2008-council-panel-migration-highlights-of-2008",
        kind=Event.Kind.COUNCIL_PANEL,
        title="Migration Highlights of 2008",
        status=Event.Status.HELD,
        order=2,
        description=COUNCIL_PANEL_NOTE,
        documents=[("MC/2266", "en")],
    ),
    SeededEvent(
        year=2008,
        slug="2008-council-panel-mixed-migration-flows",
        kind=Event.Kind.COUNCIL_PANEL,
        title="Mixed Migration Flows",
        status=Event.Status.HELD,
        order=3,
        description=COUNCIL_PANEL_NOTE,
        documents=[("MC/2266", "en")],
    ),
    SeededEvent(
        year=2008,
        slug="2008-discussion-with-the-global-migration-group",
        kind=Event.Kind.COUNCIL_PANEL,
        title="Discussion with the Global Migration Group (GMG)",
        status=Event.Status.HELD,
        order=4,
        description=(
            "A discussion with the Global Migration Group (GMG) on the implications of the "
            "financial crisis for migration and on the role and activities of the GMG more "
            "generally, held in the framework of the IDM during the 96th Council Session."
        ),
        documents=[("MC/2266", "en")],
    ),
    SeededEvent(
        year=2009,
        slug="2009-human-rights-of-migrants",
        kind=Event.Kind.WORKSHOP,
        title="Effective Respect for the Human Rights of Migrants: A Shared Responsibility",
        status=Event.Status.PROPOSED,
        start=datetime.date(2009, 3, 25),
        end=datetime.date(2009, 3, 26),
        description=HUMAN_RIGHTS_WORKSHOP_DESCRIPTION,
    ),
    SeededEvent(
        year=2009,
        slug="2009-trafficking-and-exploitation-of-migrants",
        kind=Event.Kind.WORKSHOP,
        title="Trafficking and Exploitation of Migrants: Ensuring Protection of Human Rights",
        status=Event.Status.PROPOSED,
        start=datetime.date(2009, 7, 9),
        end=datetime.date(2009, 7, 10),
        description=TRAFFICKING_WORKSHOP_DESCRIPTION,
    ),
]


def load(*, demo=False, stdout=None):
    load_events()
    if demo:
        load_demo_workshop(stdout=stdout)


def load_events():
    dialogues = {dialogue.year: dialogue for dialogue in Dialogue.objects.all()}
    documents = {
        (document.symbol, document.language): document
        for document in Document.objects.filter(revision=0, addendum=0).exclude(symbol="")
    }
    events = {}
    for seeded in EVENTS:
        event = upsert(
            Event,
            {"slug": seeded.slug},
            {
                "dialogue": dialogues[seeded.year],
                "kind": seeded.kind,
                "title": seeded.title,
                "status": seeded.status,
                "order": seeded.order,
                "start_date": seeded.start,
                "end_date": seeded.end,
                "description": seeded.description,
            },
        )
        set_related(event.documents, [documents[key] for key in seeded.documents])
        events[event.slug] = event
    return events
