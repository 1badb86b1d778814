"""The principles' part of the seed: the key policy principles on return migration that
emanated from the IDM 2008, (a) to (k), word for word from the IDM 2009 discussion note.

Each principle's headline is its bold lead sentence and its body the rest of the paragraph;
headline, a space and body give the paragraph of the note exactly (PDF line breaks joined,
the note's own spelling kept). Topics are the secretariat's index, not part of the note.
"""

from dataclasses import dataclass

from idm.models import Dialogue
from idm.seed import set_related, upsert
from principles.models import Principle, PrincipleSet, Topic
from workshops.models import Event

SET_TITLE = "Key policy principles on return migration"
SET_INTRODUCTION = (
    "With reference to the overarching theme of the IDM 2008, the following represents a summary "
    "of key policy principles on return migration emanating from the discussions that have taken "
    "place during the course of the IDM 2008."
)
EMANATED_FROM = ["2008-managing-return-migration", "2008-return-migration-and-development"]

TOPICS = {
    "migration-management": "Migration management",
    "human-rights": "Human rights",
    "voluntary-return": "Voluntary return",
    "reintegration": "Reintegration",
    "policy-coherence": "Policy coherence",
    "development": "Development",
    "capacity-building": "Capacity building",
    "partnerships": "Partnerships",
}


@dataclass
class Seeded:
    label: str
    headline: str
    body: str
    topics: list


PRINCIPLES = [
    Seeded(
        label="a",
        headline=(
            "Return migration is neither a secondary nor ancillary phenomenon, but rather an "
            "integral and crucial component of much international migration and concerns nearly "
            "every State, albeit to differing degrees."
        ),
        body=(
            "Migration does not always and necessarily culminate in return, and where it occurs "
            "return may not be permanent. When and if return takes place is not always "
            "predictable, for governments or for migrants themselves. As a phenomenon, however, "
            "that can potentially have both positive and negative consequences for countries of "
            "origin, transit and destination, as well as for migrants and their families, return "
            "migration merits closer attention from various angles of policy making."
        ),
        topics=["migration-management"],
    ),
    Seeded(
        label="b",
        headline=(
            "Most returns are “spontaneous”, whereby the migrant returns voluntarily and without "
            "the involvement of States or other national and international actors."
        ),
        body=(
            "However, there are many opportunities for governments and other partners to manage "
            "and facilitate that process in order to allow migrants and societies to better plan "
            "for return and its impact. To do so, migration management can factor in the "
            "possibility of return at all stages of the migration process."
        ),
        topics=["migration-management"],
    ),
    Seeded(
        label="c",
        headline=(
            "Including return migration in an overall comprehensive policy approach to migration "
            "is crucial for both countries of origin and destination."
        ),
        body=(
            "Return needs to be balanced against other components of migration policy, including "
            "for example the availability of legal channels for labour migration to meet labour "
            "market demands. An effective, fair and transparent return policy also ensures the "
            "integrity of national immigration and asylum systems."
        ),
        topics=["migration-management", "policy-coherence"],
    ),
    Seeded(
        label="d",
        headline=(
            "Human rights of migrants are an essential component to be safeguarded in the design "
            "and implementation of return migration programmes and policies."
        ),
        body=(
            "While each State has the sovereign prerogative to regulate the entry, stay and exit "
            "of nonnationals, this prerogative must be exercised consistent with human rights "
            "standards. Effective respect and protection of human rights also involves taking "
            "into account the needs, vulnerabilities and gender-specific and family-related "
            "concerns of returnees. A return migration policy that is transparent, fair and "
            "predictable also needs to make migrants aware of their rights and responsibilities "
            "and ensure access to relevant recourse mechanisms."
        ),
        topics=["human-rights"],
    ),
    Seeded(
        label="e",
        headline=(
            "Voluntary return is preferable over forced return as it provides the greatest "
            "convergence of interests between the stakeholders involved."
        ),
        body=(
            "Successful assisted voluntary return and reintegration policies take into account "
            "the migrant’s decision, can help avoid the legal and social stigma associated with "
            "forced return, consider the home country’s reintegration capacity, help get migrants "
            "off to a good start back home and encourage returnees to make effective "
            "contributions in their country of origin."
        ),
        topics=["voluntary-return", "reintegration"],
    ),
    Seeded(
        label="f",
        headline=(
            "Assisted Voluntary Return and Reintegration (AVRR) has proven an effective strategy "
            "to organize return by supporting migrants from their departure from the country of "
            "destination through to their reintegration in the country of origin, whereby "
            "individuals receive counselling on their rights, responsibilities and options to "
            "enable them to make an informed decision and benefit from financial and/or "
            "logistical support from a State or other national or international actor."
        ),
        body=(
            "AVRR can be useful in cases where migrants may wish to return, even if not obliged "
            "to, but do not have the resources to do so. When stay is not or is no longer "
            "authorized, the access of migrants to AVRR can represent a more humane alternative "
            "to forced return."
        ),
        topics=["voluntary-return", "reintegration"],
    ),
    Seeded(
        label="g",
        headline=(
            "Policy coherence between different spheres of policy-making is an important "
            "consideration."
        ),
        body=(
            "Return migration is multifaceted, touching on areas such as international relations "
            "(e.g. through the formal and informal links that are established between countries "
            "through return flows and related bilateral agreements), economic and social "
            "development (e.g. through investments or start-ups and transfer of acquired "
            "resources), and culture (e.g. via a migrant’s sense of belonging to the country of "
            "origin). Return migration’s inextricable links with various policy areas imply the "
            "need for coherence between the different ministries of a government whose work may "
            "impact or be impacted by return migration."
        ),
        topics=["policy-coherence"],
    ),
    Seeded(
        label="h",
        headline=(
            "Similarly, policy coherence is also relevant at various levels of policy making "
            "(local, national, regional and international)."
        ),
        body=(
            "For example, national policies and regional mechanisms relating to migration and "
            "return need to be made compatible. National and regional policies also need to be "
            "consistent with international human rights standards. Furthermore, return policies "
            "in both countries of destination and origin would benefit from a complementary and "
            "mutually supportive approach."
        ),
        topics=["policy-coherence", "human-rights"],
    ),
    Seeded(
        label="i",
        headline=(
            "One aspect of return migration is its potential to enhance home country development."
        ),
        body=(
            "This necessitates creating a conducive environment for return and reintegration and "
            "opportunities for returnees to contribute to development. The transfer of skills, "
            "know-how and technology, investment and entrepreneurship, and social, professional "
            "and scientific networks and joint human resource development are some of the ways in "
            "which returning migrants have furthered the development of their country of origin. "
            "It is important to note that while returnees can make valuable non-financial and "
            "financial contributions to development, these cannot and should not be considered as "
            "a substitute for development policies or foreign aid and the private nature of any "
            "returnee’s assets should be respected at all times. Furthermore, whether the migrant "
            "has returned following a personal decision or was required to return is an important "
            "factor in the impact of return on development. As there is often a discrepancy "
            "between migrants’ socio-economic profiles and the conditions they return to in the "
            "home countries, return and reintegration policies are most effective when they allow "
            "for nuanced responses to specific circumstances."
        ),
        topics=["development", "reintegration"],
    ),
    Seeded(
        label="j",
        headline=(
            "Capacity is a prerequisite to developing and implementing effective and humane "
            "return policies, to maximizing its positive potential, including its development "
            "potential, and to minimizing its potentially negative impact."
        ),
        body=(
            "Countries of origin, transit or destination may lack the financial, institutional or "
            "operational capacities as well as the human resources to deal with the multifold "
            "aspects of return migration. Furthermore, as accurate and comparable data supports "
            "effective policy making, States’ capacities to collect, analyze and apply data may "
            "need to be built. Capacity and planning is particularly important to offset the "
            "strain that return, especially when taking place on a large scale, can place on a "
            "country’s ability to reintegrate returnees economically and socially. Capacity "
            "building can be realized through active partnerships involving and drawing on the "
            "experiences and resources of all actors, States as well as international "
            "organizations, the private sector and NGOs."
        ),
        topics=["capacity-building", "reintegration", "partnerships"],
    ),
    Seeded(
        label="k",
        headline=(
            "Equal partnership between countries of origin and countries of destination is the "
            "fundamental principle underlying effective, fair and transparent return migration "
            "policy."
        ),
        body=(
            "Engaging in bilateral, regional and international dialogue can help countries of "
            "origin, destination and transit to build partnerships and cooperatively design and "
            "implement effective and coherent return migration policies. Countries can further "
            "benefit from multi-stakeholder partnerships that could also include migrants, "
            "international and civil society organizations, and the private sector."
        ),
        topics=["partnerships"],
    ),
]


def load(*, demo=False, stdout=None):
    topics = load_topics()
    principle_set = upsert(
        PrincipleSet,
        {"dialogue": Dialogue.objects.get(year=2008), "title": SET_TITLE},
        {"introduction": SET_INTRODUCTION, "order": 0},
    )
    events = list(Event.objects.filter(slug__in=EMANATED_FROM))
    for order, seeded in enumerate(PRINCIPLES, start=1):
        principle = upsert(
            Principle,
            {"principle_set": principle_set, "label": seeded.label},
            {"order": order, "headline": seeded.headline, "body": seeded.body},
        )
        set_related(principle.topics, [topics[slug] for slug in seeded.topics])
        set_related(principle.events, events)


def load_topics():
    return {slug: upsert(Topic, {"slug": slug}, {"name": name}) for slug, name in TOPICS.items()}
