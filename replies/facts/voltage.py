"""Mains voltage, frequency and plug types per country, as the voltage answer states them.

``{plug_advice}`` names the shopper's country in their language with its supply
("Japan: 100 V, 50/60 Hz, plug type A/B"). What follows depends on the store's own
country (the desk file's ``shipping.ships_from``), whose supply its appliances are made
for:

- a voltage of the same band as the shopper's (an appliance for 230 V works on 220-240 V
  mains: a German store, a French, British, Portuguese or Korean shopper): the appliance
  works there as is, and a plug adapter is named only when none of the store's plug types
  fits the shopper's sockets (Germany to the United Kingdom: type G). A different
  frequency (Korea's 60 Hz, Germany's 50 Hz) changes nothing for heating appliances and
  chargers; the answer says so, and that an appliance with a motor or a clock should say
  50/60 Hz on its label;
- another band (230 V to 120 V), or a country with two voltages (Brazil): a heating
  appliance (hair dryer, straightener, kettle) needs a dual-voltage model, since a plug
  adapter changes the shape of the plug, not the voltage, and a travel converter is not
  made for heating loads;
- a store whose country is not known: the voltages an appliance's label must give to
  work there as is ("220/230/240 V or 100-240 V"), with the same warning for heaters made for
  another voltage.

When the shopper's country is unknown the sentence asks for it, with the same warning.

    plug_advice("JP", "en")
    # "Japan: 100 V, 50/60 Hz, plug type A/B. Appliances whose label says 100 V or ..."
    plug_advice("GB", "en", store_country="DE")
    # "United Kingdom: 230 V, 50 Hz, plug type G. Our appliances are made for 230 V and
    #  work as is on the 220-240 V mains there. Only the plug differs: use a plug adapter
    #  for type G."
"""

from __future__ import annotations

from replies.facts.country_forms import base_language, capitalized, country_forms, has_forms
from replies.facts.names import sentences
from replies.facts.voltage_sentences import (
    FREQUENCY,
    OTHER_BAND,
    RATED,
    SAME_SUPPLY,
    TEXT,
    WORKS,
)

# ISO 3166-1 alpha-2 -> (volts, hertz, plug types), from the IEC "World Plugs" tables.
# Brazil's and Japan's figures differ by region; both values are given.
MAINS: dict[str, tuple[str, str, str]] = {
    "US": ("120", "60", "A/B"),
    "CA": ("120", "60", "A/B"),
    "MX": ("127", "60", "A/B"),
    "BR": ("127/220", "60", "C/N"),
    "AR": ("220", "50", "C/I"),
    "CL": ("220", "50", "C/L"),
    "CO": ("110", "60", "A/B"),
    "PE": ("220", "60", "A/B/C"),
    "VE": ("120", "60", "A/B"),
    "GB": ("230", "50", "G"),
    "IE": ("230", "50", "G"),
    "FR": ("230", "50", "C/E"),
    "DE": ("230", "50", "C/F"),
    "ES": ("230", "50", "C/F"),
    "IC": ("230", "50", "C/F"),  # the Canary Islands (CLDR's code)
    "EA": ("230", "50", "C/F"),  # Ceuta and Melilla
    "IT": ("230", "50", "C/F/L"),
    "PT": ("230", "50", "C/F"),
    "NL": ("230", "50", "C/F"),
    "BE": ("230", "50", "C/E"),
    "LU": ("230", "50", "C/F"),
    "CH": ("230", "50", "C/J"),
    "AT": ("230", "50", "C/F"),
    "DK": ("230", "50", "C/E/F/K"),
    "SE": ("230", "50", "C/F"),
    "NO": ("230", "50", "C/F"),
    "FI": ("230", "50", "C/F"),
    "IS": ("230", "50", "C/F"),
    "PL": ("230", "50", "C/E"),
    "CZ": ("230", "50", "C/E"),
    "SK": ("230", "50", "C/E"),
    "HU": ("230", "50", "C/F"),
    "RO": ("230", "50", "C/F"),
    "BG": ("230", "50", "C/F"),
    "GR": ("230", "50", "C/F"),
    "HR": ("230", "50", "C/F"),
    "SI": ("230", "50", "C/F"),
    "RS": ("230", "50", "C/F"),
    "EE": ("230", "50", "C/F"),
    "LV": ("230", "50", "C/F"),
    "LT": ("230", "50", "C/F"),
    "CY": ("230", "50", "G"),
    "MT": ("230", "50", "G"),
    "UA": ("230", "50", "C/F"),
    "RU": ("230", "50", "C/F"),
    "TR": ("230", "50", "C/F"),
    "IL": ("230", "50", "C/H/M"),
    "AE": ("230", "50", "C/D/G"),
    "SA": ("230", "60", "G"),
    "QA": ("240", "50", "D/G"),
    "KW": ("240", "50", "C/G"),
    "EG": ("220", "50", "C/F"),
    "MA": ("220", "50", "C/E"),
    "ZA": ("230", "50", "C/D/M/N"),
    "NG": ("230", "50", "D/G"),
    "KE": ("240", "50", "G"),
    "IN": ("230", "50", "C/D/M"),
    "PK": ("230", "50", "C/D"),
    "BD": ("220", "50", "C/D/G/K"),
    "CN": ("220", "50", "A/C/I"),
    "HK": ("220", "50", "G"),
    "MO": ("220", "50", "D/G/M"),
    "TW": ("110", "60", "A/B"),
    "JP": ("100", "50/60", "A/B"),
    "KR": ("220", "60", "C/F"),
    "SG": ("230", "50", "G"),
    "MY": ("240", "50", "G"),
    "TH": ("230", "50", "A/B/C/O"),
    "VN": ("220", "50", "A/C/D"),
    "ID": ("230", "50", "C/F"),
    "PH": ("220", "60", "A/B/C"),
    "LK": ("230", "50", "D/G/M"),
    "NP": ("230", "50", "C/D/M"),
    "KZ": ("220", "50", "C/F"),
    "BY": ("220", "50", "C/F"),
    "JO": ("230", "50", "C/D/F/G/J"),
    "LB": ("230", "50", "C/D/G"),
    "BH": ("230", "50", "G"),
    "OM": ("240", "50", "C/G"),
    "DZ": ("230", "50", "C/F"),
    "TN": ("230", "50", "C/E"),
    "GH": ("230", "50", "D/G"),
    "UY": ("220", "50", "C/F/L"),
    "PY": ("220", "50", "C"),
    "BO": ("230", "50", "A/C"),
    "EC": ("120", "60", "A/B"),
    "CR": ("120", "60", "A/B"),
    "PA": ("120", "60", "A/B"),
    "DO": ("120", "60", "A/B"),
    "GT": ("120", "60", "A/B"),
    "PR": ("120", "60", "A/B"),
    "AU": ("230", "50", "I"),
    "NZ": ("230", "50", "I"),
}


# Nominal voltages an appliance rated for one of them is made for, and how the band is
# written: 100 V (Japan), the 110-127 V of the Americas and Taiwan, and the 220-240 V of
# most of the world (an appliance for 230 V works on 220 V and on 240 V mains).
_VOLTAGE_BANDS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"100"}), "100"),
    (frozenset({"110", "120", "127"}), "110-127"),
    (frozenset({"220", "230", "240"}), "220-240"),
)


# A country without its case forms (``replies.facts.country_forms``) where the appliance is
# used is the one the shopper has just named: "in this country", not "in your country".
_THERE = {"pl": "w tym kraju", "ru": "в этой стране"}


def plug_advice(
    country: str | None,
    language: str,
    *,
    store_country: str | None = None,
    made_for: str | None = None,
) -> str:
    """Voltage, frequency and plugs of ``country`` (ISO code) in ``language``; then "it works
    there as is" when the appliance's country (``made_for``, what the message says, else
    ``store_country``, where the store ships from) has a voltage of the same band (and a
    word on motors and clocks when the frequency differs), else the transformer it needs
    and the heating-appliance warning; which labels work there when neither is known; a
    request for the country when it is unknown or not listed."""
    code = _code(country)
    locale, language = language, base_language(language)  # "pt-PT": Portugal's names
    supply, ask, heating = TEXT.get(language, TEXT["en"])
    if code not in MAINS:
        return sentences(language, ask, heating)
    volts, hertz, plugs = MAINS[code]
    where = country_forms(code, locale)
    if not has_forms(code, language):  # Polish, Russian: the country just named
        where["in_country"] = _THERE.get(language, where["in_country"])
    stated = capitalized(supply.format(**where, volts=volts, hertz=hertz, plugs=plugs))
    made_for = _code(made_for)
    home = MAINS.get(made_for) or MAINS.get(_code(store_country))
    band = _band(volts)
    if home is None:
        if band is None:  # two voltages (Brazil): it depends on the socket
            return sentences(language, stated, heating)
        # the label names one voltage ("230 V~"): each of the band's is written out
        labels = "/".join(sorted(next(b for b, w in _VOLTAGE_BANDS if w == band), key=int))
        return sentences(language, stated, RATED.get(language, RATED["en"]).format(band=labels))
    if band is None or not same_supply(home, MAINS[code]):
        if band is None or "/" in home[0]:
            return sentences(language, stated, heating)
        # 230 V into 100 V mains: a step-up transformer; 120 V into 230 V: a step-down one
        step_up, step_down = OTHER_BAND.get(language, OTHER_BAND["en"])
        other = step_up if int(home[0]) > int(volts) else step_down
        return sentences(language, stated, other.format(home=home[0], volts=volts), heating)
    works, adapter = SAME_SUPPLY.get(language, SAME_SUPPLY["en"])
    if made_for in MAINS and made_for != _code(store_country):  # not the store's appliance
        works = WORKS.get(language, WORKS["en"])
    said = [stated, works.format(home=home[0], band=band)]
    if not plug_fits(home[2], plugs):
        # the adapter is for the sockets' own type, not the Europlug they also take
        sockets = "/".join(t for t in plugs.split("/") if t != "C") or plugs
        said.append(adapter.format(plugs=sockets))
    if not same_frequency(home[1], hertz):
        frequency = FREQUENCY.get(language, FREQUENCY["en"])
        said.append(frequency.format(hertz=hertz, home=home[1]))
    return sentences(language, *said)


def same_supply(home: tuple[str, str, str], away: tuple[str, str, str]) -> bool:
    """Whether an appliance made for the ``home`` supply works on the ``away`` one: one
    voltage each, in the same band (230 V on 220-240 V mains). The frequency does not
    decide it (``same_frequency``): heaters and chargers work on 50 and 60 Hz alike. A
    country with two voltages (Brazil's 127/220 V) is never the same: it depends on the
    socket."""
    (home_volts, _, _), (volts, _, _) = home, away
    if "/" in home_volts or "/" in volts:
        return False
    return any({home_volts, volts} <= band for band, _ in _VOLTAGE_BANDS)


def same_frequency(home: str, away: str) -> bool:
    """Whether the mains frequencies agree: "50" and "50", or Japan's "50/60" with either."""
    return bool(set(home.split("/")) & set(away.split("/")))


def plug_fits(home: str, away: str) -> bool:
    """Whether a plug of the ``home`` types ("C/F") goes into a socket of the ``away`` types.

    Type C (the flat Europlug) fits nearly every European socket but is fitted only to small
    appliances, so a shared C alone does not count: a German hair dryer has an F plug, which
    a Swiss (J) socket does not take. E and F plugs are made as one hybrid (CEE 7/7) and fit
    both sockets."""
    home_types = set(home.split("/")) - {"C"} or {"C"}
    away_types = set(away.split("/"))
    if home_types & {"E", "F"}:
        home_types |= {"E", "F"}
    return bool(home_types & away_types)


def _band(volts: str) -> str | None:
    """How the voltage band of ``volts`` is written ("230" -> "220-240"); None for two."""
    return next((written for band, written in _VOLTAGE_BANDS if volts in band), None)


def _code(country: str | None) -> str:
    code = (country or "").strip().upper()
    return "GB" if code == "UK" else code
