"""The list of participants in protocol order, the one place that knows that order.

Protocol order, as in the lists of participants of UN meetings: delegations of member states
alphabetically in the reader's language, then observer states, then international
organizations, non-governmental organizations and the other categories; within a state or an
organization, participants in the order they were registered (delegations nominate their head
first). The public page, the staff page, the PDF and the exports all call `protocol_list`.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from idm.collation import collation_key
from idm.models import Region
from workshops.models import Registration

Category = Registration.Category
Status = Registration.Status

# The groups of the list, in their order; each group is one or more categories.
PROTOCOL_GROUPS = [
    ("member_states", _("Member states"), [Category.MEMBER_STATE]),
    ("observer_states", _("Observer states"), [Category.OBSERVER_STATE]),
    (
        "international_organisations",
        _("International organizations"),
        [Category.INTERNATIONAL_ORGANISATION],
    ),
    ("ngos", _("Non-governmental organizations"), [Category.NGO]),
    (
        "others",
        _("Other participants"),
        [
            Category.MIGRANT_ORGANISATION,
            Category.ACADEMIA,
            Category.PRIVATE_SECTOR,
            Category.OTHER,
        ],
    ),
]
GROUP_OF_CATEGORY = {
    category: (rank, key)
    for rank, (key, _label, categories) in enumerate(PROTOCOL_GROUPS)
    for category in categories
}
CATEGORY_RANK = {
    category: rank
    for rank, category in enumerate(c for _key, _label, cs in PROTOCOL_GROUPS for c in cs)
}
PUBLIC_STATUSES = (Status.CONFIRMED, Status.ATTENDED)


@dataclass
class Delegation:
    """One heading of the list: a state or an organization, with its participants."""

    heading: str
    participants: list = field(default_factory=list)


@dataclass
class Group:
    key: str
    label: str
    delegations: list = field(default_factory=list)

    @property
    def participants(self):
        return [person for delegation in self.delegations for person in delegation.participants]


def public_participants(event):
    """Confirmed participants (and those who came) who agreed to appear on the public list."""
    return event.registrations.filter(status__in=PUBLIC_STATUSES, listed_publicly=True)


def all_participants(event):
    """Every registration of the event, whatever its status: the staff's list (with the
    funding app's sponsorship of each, read through the reverse relation, in the same query)."""
    return event.registrations.select_related("nominated_by", "checked_in_by", "sponsorship")


def is_sponsored(registration):
    """IOM pays this participation: the funding app approved its sponsorship. Read through the
    reverse one-to-one `sponsorship` (select it with the registration to keep lists to one
    query); workshops never imports funding."""
    sponsorship = getattr(registration, "sponsorship", None)
    return bool(sponsorship is not None and sponsorship.is_approved)


def heading_of(registration):
    """Under which heading a participant is listed: their state, else their organization."""
    if registration.category in Registration.STATE_CATEGORIES and registration.member_state:
        return registration.member_state.display_name
    return registration.organisation


def protocol_order_key(registration):
    group_rank, _key = GROUP_OF_CATEGORY[registration.category]
    return (
        group_rank,
        collation_key(heading_of(registration)),
        registration.created_at,
        registration.pk,
    )


def in_protocol_order(registrations):
    """The registrations (a queryset) sorted in protocol order, in the active language."""
    rows = registrations.select_related("member_state").order_by()
    return sorted(rows, key=protocol_order_key)


def protocol_list(registrations):
    """The registrations grouped for the list: [Group(delegations=[Delegation(...)])]."""
    groups = []
    for registration in in_protocol_order(registrations):
        _rank, key = GROUP_OF_CATEGORY[registration.category]
        if not groups or groups[-1].key != key:
            label = next(label for k, label, _c in PROTOCOL_GROUPS if k == key)
            groups.append(Group(key=key, label=str(label)))
        heading = heading_of(registration)
        delegations = groups[-1].delegations
        if not delegations or delegations[-1].heading != heading:
            delegations.append(Delegation(heading=heading))
        delegations[-1].participants.append(registration)
    return groups


def registration_counts(event):
    """The event's registrations counted per category, region of the represented state (None
    for organizations) and status: one aggregate query, from which the attendance and the
    status counts are summed."""
    return list(
        event.registrations.values("category", "member_state__region", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )


def attendance_counts(event, counts=None):
    """How many of the expected participants (confirmed or attended) came, per category and
    per region of the state they represent. `counts`: the rows of registration_counts(event)
    when the caller has them already (else one aggregate query)."""
    by_category, by_region = {}, {}
    for row in registration_counts(event) if counts is None else counts:
        if row["status"] not in PUBLIC_STATUSES:
            continue
        attended = row["count"] if row["status"] == Status.ATTENDED else 0
        keys = [(by_category, row["category"])]
        if row["member_state__region"] is not None:
            keys.append((by_region, row["member_state__region"]))
        for table, key in keys:
            cell = table.setdefault(key, {"expected": 0, "attended": 0})
            cell["expected"] += row["count"]
            cell["attended"] += attended
    categories = [
        {"label": label, **counts_of(by_category.get(value))}
        for value, label in sorted(Category.choices, key=lambda c: CATEGORY_RANK[c[0]])
        if value in by_category
    ]
    regions = [
        {"label": label, **counts_of(by_region.get(value))}
        for value, label in Region.choices
        if value in by_region
    ]
    total = {
        "expected": sum(row["expected"] for row in by_category.values()),
        "attended": sum(row["attended"] for row in by_category.values()),
    }
    return {"categories": categories, "regions": regions, "total": total}


def counts_of(row):
    return {"expected": row["expected"], "attended": row["attended"]}
