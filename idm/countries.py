"""Country data from maintained packages: ISO 3166 (pycountry) and UN M49 regions (countryinfo)."""

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry
from countryinfo import CountryInfo
from django.utils.translation import get_language

REGION_KEYS = {
    "Africa": "africa",
    "Americas": "americas",
    "Asia": "asia",
    "Europe": "europe",
    "Oceania": "oceania",
}


@dataclass(frozen=True)
class Country:
    code: str
    iso3: str
    name: str
    region: str
    sub_region: str


def all_countries():
    """Every ISO 3166-1 country with its UN M49 region and sub-region."""
    countries = []
    for entry in pycountry.countries:
        info = CountryInfo(entry.alpha_2).info()
        region = REGION_KEYS.get(info.get("region") or "", "other")
        sub_region = info.get("intermediateregion") or info.get("subregion") or ""
        countries.append(
            Country(
                code=entry.alpha_2,
                iso3=entry.alpha_3,
                name=getattr(entry, "common_name", None) or entry.name,
                region=region,
                sub_region=sub_region,
            )
        )
    return countries


@cache
def _iso3166_catalogue(language):
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def localized_country_name(name, language=None):
    """The ISO 3166 name translated into `language` (default: the active language)."""
    language = (language or get_language() or "en").split("-")[0]
    if language == "en":
        return name
    return _iso3166_catalogue(language).gettext(name)


# ISO 3166-1 lists 249 entries; 195 of them are states: the 193 members of the United Nations
# and its two observer states (Holy See, State of Palestine). The other 54 are territories,
# dependencies and areas that no state list of the IDM offers (Antarctica, Greenland, Hong
# Kong, Puerto Rico, Western Sahara...). A country that staff record as an IOM member or
# observer is offered whatever this list says (MemberStateQuerySet.states).
NOT_STATES = frozenset(
    [
        "AI",
        "AQ",
        "AS",
        "AW",
        "AX",
        "BL",
        "BM",
        "BQ",
        "BV",
        "CC",
        "CK",
        "CW",
        "CX",
        "EH",
        "FK",
        "FO",
        "GF",
        "GG",
        "GI",
        "GL",
        "GP",
        "GS",
        "GU",
        "HK",
        "HM",
        "IM",
        "IO",
        "JE",
        "KY",
        "MF",
        "MO",
        "MP",
        "MQ",
        "MS",
        "NC",
        "NF",
        "NU",
        "PF",
        "PM",
        "PN",
        "PR",
        "RE",
        "SH",
        "SJ",
        "SX",
        "TC",
        "TF",
        "TK",
        "TW",
        "UM",
        "VG",
        "VI",
        "WF",
        "YT",
    ]
)
