"""The funding back office (registered on the portal's admin site): donors, contributions with
their allocations by hand, budgets of events and years, sponsorship eligibility and
sponsorships. Every save goes through funding.services / funding.services_sponsorship, and
every model's history page shows who changed which field, when, from what to what."""

from funding.admin import money, sponsorship  # noqa: F401 (registers the model admins)
