"""The funding chart's geometry, computed on the server (funding/chart.py)."""

from decimal import Decimal

import pytest

from funding.allocation import EventFunding, YearFunding
from funding.chart import PLOT_WIDTH, funding_chart, nice_step
from workshops.models import Event


@pytest.mark.parametrize(
    ("maximum", "step"),
    [
        (Decimal("0"), Decimal("1")),
        (Decimal("3"), Decimal("1")),
        (Decimal("80000"), Decimal("20000")),
        (Decimal("130000"), Decimal("50000")),
        (Decimal("95000"), Decimal("25000")),
    ],
)
def test_chart_step_is_round(maximum, step):
    assert nice_step(maximum) == step


def year_of(*rows):
    events = [
        EventFunding(
            event=Event(title=f"Event {index}", slug=f"event-{index}"),
            budget=Decimal(budget),
            earmarked=Decimal(funded),
            spent_on_sponsorships=Decimal(spent),
        )
        for index, (budget, funded, spent) in enumerate(rows)
    ]
    return YearFunding(dialogue=None, events=events, contributions=[])


def test_chart_bars_are_proportional_to_the_figures():
    chart = funding_chart(year_of(("80000", "40000", "10000")), title="t", description="d")
    budget, funded, spent = chart.groups[0].bars
    assert [bar.key for bar in (budget, funded, spent)] == ["budget", "funded", "spent"]
    assert budget.width == PLOT_WIDTH  # the scale ends at 80,000 (4 steps of 20,000)
    assert funded.width == PLOT_WIDTH / 2
    assert spent.width == pytest.approx(PLOT_WIDTH / 8, abs=0.05)  # rounded to 0.1
    assert funded.value_label == "40,000 USD"
    assert [tick.label for tick in chart.ticks] == ["0", "20,000", "40,000", "60,000", "80,000"]


def test_chart_of_events_without_money_draws_empty_bars():
    chart = funding_chart(year_of(("0", "0", "0"), ("0", "0", "0")), title="t", description="d")
    assert [bar.width for group in chart.groups for bar in group.bars] == [0.0] * 6
    assert chart.groups[1].y > chart.groups[0].y
    assert chart.height > chart.plot_bottom
