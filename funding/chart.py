"""The funding report's chart, drawn on the server as SVG: budget, funded and spent per event.

No chart library and no script: Python computes the geometry, the template
`funding/report/_chart.svg.html` writes the shapes, and the page embeds the SVG inline (it
loads nothing). The table under the chart is its text alternative; the SVG itself is one image
with a title and a description for screen readers.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

WIDTH = 760
LEFT = 8
VALUE_LABEL_ROOM = 118  # right of the bars: "1,234,567 USD"
PLOT_WIDTH = WIDTH - LEFT - VALUE_LABEL_ROOM
LEGEND_HEIGHT = 34
TITLE_HEIGHT = 20
BAR_HEIGHT = 13
BAR_GAP = 3
GROUP_GAP = 16
AXIS_HEIGHT = 30
TITLE_CHARACTERS = 95

# The three series, in the order of their bars; colours pass WCAG contrast on white.
SERIES = [
    ("budget", _("Budget"), "#6c757d"),
    ("funded", _("Funded"), "#0033a0"),
    ("spent", _("Spent on sponsored participants"), "#b35900"),
]


def money_label(amount):
    """Whole US dollars with the language's grouping: "12,500 USD"."""
    return f"{number_format(amount, 0, force_grouping=True)} USD"


def nice_step(maximum, ticks=4):
    """A round step (1, 2, 2.5 or 5 times a power of ten) dividing `maximum` in about
    `ticks` parts."""
    if maximum <= 0:
        return Decimal(1)
    rough = Decimal(maximum) / ticks
    power = Decimal(10) ** (len(str(int(rough))) - 1) if rough >= 1 else Decimal(1)
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if rough <= power * factor:
            return power * factor
    return power * 10


@dataclass
class Bar:
    key: str
    label: str
    colour: str
    y: float
    width: float
    value_label: str

    @property
    def label_x(self):
        return LEFT + self.width + 4

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 2


@dataclass
class Group:
    title: str
    y: float
    bars: list = field(default_factory=list)


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    title: str
    description: str
    groups: list
    ticks: list
    legend: list
    plot_top: float
    plot_bottom: float
    height: float

    @property
    def tick_label_y(self):
        return self.plot_bottom + 16

    width: int = WIDTH
    left: int = LEFT


def funding_chart(year_funding, *, title, description):
    """The chart of a YearFunding (funding.allocation): one group of three bars per event."""
    values = [
        {"budget": item.budget, "funded": item.funded, "spent": item.spent_on_sponsorships}
        for item in year_funding.events
    ]
    largest = max((v for row in values for v in row.values()), default=Decimal(0))
    step = nice_step(largest)
    scale_top = step * max(int((largest + step - 1) // step), 1)

    def x_of(amount):
        return round(float(Decimal(amount) / scale_top) * PLOT_WIDTH, 1)

    groups = []
    y = LEGEND_HEIGHT
    for item, row in zip(year_funding.events, values, strict=True):
        group = Group(title=Truncator(item.event.title).chars(TITLE_CHARACTERS), y=y + 14)
        y += TITLE_HEIGHT
        for key, label, colour in SERIES:
            group.bars.append(
                Bar(
                    key=key,
                    label=str(label),
                    colour=colour,
                    y=y,
                    width=x_of(row[key]),
                    value_label=money_label(row[key]),
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        groups.append(group)
        y += GROUP_GAP
    plot_bottom = y - GROUP_GAP + 4
    count = int(scale_top / step)
    ticks = [
        Tick(x=LEFT + x_of(step * index), label=number_format(step * index, 0, force_grouping=True))
        for index in range(count + 1)
    ]
    legend = [
        {
            "label": str(label),
            "colour": colour,
            "x": LEFT + index * 170,
            "text_x": LEFT + index * 170 + 17,
        }
        for index, (_key, label, colour) in enumerate(SERIES)
    ]
    return Chart(
        title=title,
        description=description,
        groups=groups,
        ticks=ticks,
        legend=legend,
        plot_top=LEGEND_HEIGHT,
        plot_bottom=plot_bottom,
        height=plot_bottom + AXIS_HEIGHT,
    )
