"""The site's stylesheet (static/idm/css/site.css) over Bootstrap: form-control borders reach
3:1 contrast (WCAG 1.4.11 Non-text Contrast), computed from the CSS the pages load."""

from pathlib import Path

import pytest
import tinycss2
from django.contrib.staticfiles import finders
from tinycss2 import color3

BOOTSTRAP = "bootstrap/css/bootstrap.min.css"
SITE = "idm/css/site.css"
# Every form control the portal's forms render (crispy forms and our templates): text inputs
# and textareas are .form-control, selects .form-select, checkboxes and radios
# .form-check-input; each at rest and focused.
CONTROLS = [".form-control", ".form-select", ".form-check-input"]
STATES = ["", ":focus"]


def rules(*stylesheets):
    """(selectors, {property: value}) of the top-level rules, in cascade order (@media
    blocks such as prefers-reduced-motion and print do not apply to a page on a screen)."""
    found = []
    for name in stylesheets:
        text = Path(finders.find(name)).read_text(encoding="utf-8")
        for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue
            selectors = {s.strip() for s in tinycss2.serialize(rule.prelude).split(",")}
            declarations = {
                d.lower_name: tinycss2.serialize(d.value).strip()
                for d in tinycss2.parse_declaration_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                if d.type == "declaration"
            }
            found.append((selectors, declarations))
    return found


class Cascade:
    def __init__(self, *stylesheets):
        self.rules = rules(*stylesheets)
        self.variables = {}
        for selectors, declarations in self.rules:
            if ":root" in selectors:
                self.variables.update({k: v for k, v in declarations.items() if k.startswith("--")})

    def value(self, selector, *properties):
        """The last value of the first property set by a rule naming exactly `selector`."""
        value = None
        for selectors, declarations in self.rules:
            if selector in selectors:
                for name in properties:
                    if name in declarations:
                        value = declarations[name]
                        break
        assert value is not None, f"no rule sets {properties} on {selector}"
        return value

    def variables_of(self, selector):
        """Custom properties seen by `selector`: the root's, then its own rules'."""
        variables = dict(self.variables)
        for selectors, declarations in self.rules:
            if selector in selectors:
                variables.update({k: v for k, v in declarations.items() if k.startswith("--")})
        return variables

    def resolve(self, value, selector):
        """A var(--name, fallback) chain to its colour."""
        variables = self.variables_of(selector)
        value = value.strip()
        while value.startswith("var("):
            name, _comma, fallback = value[4:-1].partition(",")
            value = variables.get(name.strip(), fallback).strip()
        return value

    def border_color(self, selector):
        value = self.value(selector, "border-color", "border")
        # border: var(--bs-border-width) solid <colour>: the colour is the last component
        parts = [
            token
            for token in tinycss2.parse_component_value_list(value, skip_comments=True)
            if token.type != "whitespace"
        ]
        return parse(self.resolve(tinycss2.serialize([parts[-1]]), selector))

    def background(self, selector):
        value = self.value(selector, "background-color", "background")
        return parse(self.resolve(value, selector))


def parse(text):
    colour = color3.parse_color(text)
    assert colour is not None and colour != "currentColor", f"not a colour: {text!r}"
    return colour


def hex_of(colour):
    return "#" + "".join(f"{round(c * 255):02x}" for c in colour[:3])


def composite(colour, background):
    """A translucent colour as seen over an opaque background."""
    alpha = colour.alpha
    return tuple(
        alpha * c + (1 - alpha) * b for c, b in zip(colour[:3], background[:3], strict=True)
    )


def luminance(rgb):
    def channel(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour, background):
    """WCAG 2 contrast ratio of a (possibly translucent) colour over an opaque background."""
    lighter, darker = sorted(
        [luminance(composite(colour, background)), luminance(background[:3])], reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def test_site_css_contrast_ratio_matches_wcag_examples():
    white, black = parse("#fff"), parse("#000")
    assert contrast(black, white) == pytest.approx(21)
    assert contrast(parse("#767676"), white) == pytest.approx(4.54, abs=0.01)
    assert contrast(parse("rgba(0, 0, 0, 0)"), white) == pytest.approx(1)


def test_site_css_bootstrap_alone_input_border_below_3_to_1():
    """Without our stylesheet, the border is Bootstrap's #dee2e6: about 1.3:1 on white (the
    reason for the fix, and proof that the computation below can fail)."""
    bootstrap = Cascade(BOOTSTRAP)
    page = bootstrap.background("body")
    assert contrast(bootstrap.border_color(".form-control"), page) == pytest.approx(1.3, abs=0.05)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("control", CONTROLS)
def test_site_css_input_border_contrast_at_least_3_to_1(control, state):
    """Acceptance 13.5: input, textarea, select, checkbox and radio borders reach 3:1 against
    the page background and against the control's own background."""
    cascade = Cascade(BOOTSTRAP, SITE)
    border = cascade.border_color(control + state)
    for background in [cascade.background("body"), cascade.background(control)]:
        ratio = contrast(border, background)
        assert ratio >= 3, (
            f"{control}{state}: border {hex_of(border)} on {hex_of(background)} is {ratio:.2f}:1"
        )


def test_site_css_border_colours_set_by_our_stylesheet():
    """The colours come from static/idm/css/site.css, not from a Bootstrap default that
    happens to pass."""
    site = Cascade(SITE)
    for control in CONTROLS:
        for state in STATES:
            assert site.value(control + state, "border-color", "border")
