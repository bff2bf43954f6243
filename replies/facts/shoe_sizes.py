"""Shoe sizes by foot length, in every system, from the men's and women's charts; a men's
EU 42, for example:

    shoe_line("EU", 42, "en", women=False)
    # "EU 42 (men) ≈ US 8.5 · UK 7.5 · JP 26.5 cm · KR 265 mm · CN 42."
"""

from __future__ import annotations

from babel.numbers import format_decimal

from replies.facts.names import sentences

# Shoes by foot length, one table each for men's and women's shoes, as Nike's published
# size charts give them (cm, US, UK, EU): the US, UK and EU numbers of a men's and a
# women's shoe of the same length differ (a 25 cm foot is men's US 7 / UK 6 / EU 40, but
# women's US 8 / UK 5.5 / EU 39), so the answer uses the table the shopper's words name,
# and both, labelled, when they name neither. JP is the length in cm, KR in mm, CN uses
# the EU numbers; BR (Nike's and Adidas's Brazilian charts) is two below the EU size,
# whole sizes only. Brands vary by half a size, which the answer's template says.
_MEN_SHOES: tuple[tuple[float, float, float, float], ...] = (
    (22.5, 3.5, 3, 35.5),
    (23.0, 4, 3.5, 36),
    (23.5, 4.5, 4, 36.5),
    (24.0, 5.5, 5, 38),
    (24.5, 6.5, 6, 39),
    (25.0, 7, 6, 40),
    (25.5, 7.5, 6.5, 40.5),
    (26.0, 8, 7, 41),
    (26.5, 8.5, 7.5, 42),
    (27.0, 9, 8, 42.5),
    (27.5, 9.5, 8.5, 43),
    (28.0, 10, 9, 44),
    (28.5, 10.5, 9.5, 44.5),
    (29.0, 11, 10, 45),
    (29.5, 11.5, 10.5, 45.5),
    (30.0, 12, 11, 46),
    (31.0, 13, 12, 47.5),
)
_WOMEN_SHOES: tuple[tuple[float, float, float, float], ...] = (
    (21.0, 4, 1.5, 34.5),
    (21.5, 4.5, 2, 35),
    (22.0, 5, 2.5, 35.5),
    (22.5, 5.5, 3, 36),
    (23.0, 6, 3.5, 36.5),
    (23.5, 6.5, 4, 37.5),
    (24.0, 7, 4.5, 38),
    (24.5, 7.5, 5, 38.5),
    (25.0, 8, 5.5, 39),
    (25.5, 8.5, 6, 40),
    (26.0, 9, 6.5, 40.5),
    (26.5, 9.5, 7, 41),
    (27.0, 10, 7.5, 42),
    (27.5, 10.5, 8, 42.5),
    (28.0, 11, 8.5, 43),
    (28.5, 11.5, 9, 44),
    (29.0, 12, 9.5, 44.5),
)


def _brazilian(eu: float) -> float:
    """The BR size of an EU size: two below, whole sizes only (EU 42 -> BR 40)."""
    return float(int(eu - 2))


LABELS = {  # men, women
    "en": ("men", "women"),
    "es": ("hombre", "mujer"),
    "fr": ("homme", "femme"),
    "de": ("Herren", "Damen"),
    "it": ("uomo", "donna"),
    "pt": ("masculino", "feminino"),
    "nl": ("heren", "dames"),
    "pl": ("męskie", "damskie"),
    "ru": ("муж.", "жен."),
    "tr": ("erkek", "kadın"),
    "ja": ("メンズ", "レディース"),
    "ko": ("남성", "여성"),
    "zh": ("男款", "女款"),
    "ar": ("رجالي", "نسائي"),
}


def stop(language: str) -> str:
    """The full stop ending the line: Japanese and Chinese text goes on after "。"."""
    return "。" if language in {"ja", "zh"} else "."


def decimal_text(value: float, language: str) -> str:
    """8.5 as ``language`` writes it: "8.5", "8,5"; whole sizes without a decimal."""
    return format_decimal(value, format="#,##0.#", locale=language if language in LABELS else "en")


def nearest_shoe(system: str, value: float, women: bool) -> tuple[float, ...] | None:
    """The row (cm, US, UK, EU) of the men's or women's table nearest the size, or None
    when none is within one size of it."""
    if system == "KR":
        system, value = "JP", value / 10
    if system == "BR":
        system, value = "EU", value + 2
    column = {"JP": 0, "US": 1, "UK": 2, "EU": 3, "CN": 3}[system]
    table = _WOMEN_SHOES if women else _MEN_SHOES
    # between two rows (a women's EU 37 lies between 36.5 and 37.5), the larger: a shoe a
    # little long fits, one a little short does not
    row = min(table, key=lambda r: (abs(r[column] - value), -r[column]))
    return row if abs(row[column] - value) <= 1 else None


def shoe_line(
    system: str,
    value: float,
    language: str,
    women: bool | None,
    *,
    brazil: bool = False,
    first: tuple[str, ...] = (),
) -> str | None:
    """The size in every system, from the table the shopper named; from both, each
    labelled, when they named neither (a men's and a women's EU 40 are not the same US
    size, nor the same length)."""
    if women is None:
        lines = [
            shoe_line(system, value, language, w, brazil=brazil, first=first) for w in (False, True)
        ]
        found = [line for line in lines if line]
        return sentences(language, *found) if found else None
    row = nearest_shoe(system, value, women)
    if row is None:
        return None
    cm, us, uk, eu = row

    def fmt(number: float) -> str:
        return decimal_text(number, language)

    parts = {
        "US": f"US {fmt(us)}",
        "UK": f"UK {fmt(uk)}",
        "EU": f"EU {fmt(eu)}",
        "JP": f"JP {fmt(cm)} cm",
        "KR": f"KR {fmt(cm * 10)} mm",
        "CN": f"CN {fmt(eu)}",
    }
    if system in {"EU", "CN"}:  # both number the same: the size given, not the row's
        parts["EU"], parts["CN"] = f"EU {fmt(value)}", f"CN {fmt(value)}"
    if brazil or system == "BR":  # the Brazilian size only for a shopper who uses it
        parts["BR"] = f"BR {fmt(_brazilian(eu))}"
    source = {"JP": f"JP {fmt(value)} cm", "KR": f"KR {fmt(value)} mm"}.get(
        system, f"{system} {fmt(value)}"
    )
    label = LABELS.get(language, LABELS["en"])[1 if women else 0]
    # the systems asked for ("welche US-Größe?") first
    order = [k for k in first if k in parts] + [k for k in parts if k not in first]
    return (
        f"{source} ({label}) ≈ "
        + " · ".join(parts[k] for k in order if k != system)
        + stop(language)
    )
