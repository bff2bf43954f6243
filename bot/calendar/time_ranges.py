"""One opening's times as a shop writes them on its door, in the shopper's language.

The range pattern is CLDR's, through Babel (``format_interval``): "9:00–18:00" in Spanish,
"09:00–18:00 Uhr" in German, "9:00 AM – 6:00 PM" in American English. Two things are added:

- **The next day.** An opening moved into the shopper's zone may end after their midnight
  (Berlin's 09:00–18:00 is 17:00–02:00 in Tokyo). "17:00–02:00" alone reads as a range
  running backwards, or as a morning closing; the end says it is the next day, in the words
  each language uses for it on opening hours (there is no CLDR pattern for this, so the
  fourteen phrasings are written here): "17:00～翌2:00", "16:00–次日01:00",
  "17:00 ~ 익일 02:00", "17:00–02:00 del día siguiente", "5:00 PM – 1:00 AM the next day".
- **Japanese figures.** CLDR's Japanese time range spells the hours out ("17時00分～2時00分"),
  which reads like a formal notice; a shop writes "17:00～2:00": the locale's own clock
  pattern (CLDR's ``Hm`` skeleton, "H:mm") joined by its range pattern ("{0}～{1}").

Only English is read in 12-hour time, by the countries whose English writes it (en_US,
en_AU, en_IN, ...): in the other languages schedules are written with the 24-hour clock even
where speech uses the 12-hour one (Korean, Arabic), and the shopper's own clock face is what
they compare the hours with.

    opening_text(Opening(time(17), time(2), next_day=True), Locale.parse("ja"))
    # '17:00～翌2:00'
"""

from __future__ import annotations

from datetime import time
from typing import NamedTuple

from babel import Locale
from babel.dates import format_interval, format_time

# How the end of an opening says it is on the next day; "{0}" is the closing time as the
# locale writes it. Languages without a line here use English (``describe_hours`` writes
# an unknown language in English).
NEXT_DAY: dict[str, str] = {
    "en": "{0} the next day",
    "es": "{0} del día siguiente",
    "fr": "{0} le lendemain",
    "de": "{0} am Folgetag",  # after "Uhr": "17:00–02:00 Uhr am Folgetag"
    "it": "{0} del giorno dopo",
    "pt": "{0} do dia seguinte",
    "nl": "{0} de volgende dag",
    "pl": "{0} następnego dnia",
    "ru": "{0} следующего дня",
    "tr": "ertesi gün {0}",
    "ja": "翌{0}",
    "ko": "익일 {0}",
    "zh": "次日{0}",
    "ar": "{0} من اليوم التالي",
}
# Languages whose CLDR time range spells the hours out in words (see above).
_CLOCK_FACE_RANGES = frozenset({"ja"})
_DASHES = "–—-"


class Opening(NamedTuple):
    """One opening on one day as wall-clock times; ``next_day`` when it closes after the
    following midnight."""

    opens: time
    closes: time
    next_day: bool = False


def opening_text(opening: Opening, locale: Locale) -> str:
    """``opening`` in ``locale``: "09:00–18:00", "17:00–02:00 del día siguiente"."""
    skeleton = "hm" if twelve_hour(locale) else "Hm"
    if not opening.next_day and locale.language not in _CLOCK_FACE_RANGES:
        # CLDR picks the pattern by what differs: "9:00 – 11:00 AM" shares its "AM"
        return format_interval(opening.opens, opening.closes, skeleton, locale=locale)
    start, separator, end = _range_patterns(locale, skeleton)
    first = format_time(opening.opens, start, locale=locale) + separator
    last = format_time(opening.closes, end, locale=locale)
    if opening.next_day:
        marker = NEXT_DAY.get(locale.language, NEXT_DAY["en"])
        last = marker.format(last)
        if marker.split("{0}")[0].endswith(" ") and first[-1] in _DASHES:
            # words before the time read into a tight dash ("17:00–ertesi gün 02:00")
            first = f"{first[:-1]} {first[-1]} "
    return first + last


def twelve_hour(locale: Locale) -> bool:
    """Whether hours are written with the 12-hour clock: English where its own short time
    pattern does (en_US "h:mm a"; en_GB "HH:mm"), see the module's docstring."""
    return locale.language == "en" and "h" in locale.time_formats["short"].pattern


def _range_patterns(locale: Locale, skeleton: str) -> tuple[str, str, str]:
    """(pattern of the start with the separator, extra separator, pattern of the end) for a
    range whose two ends differ in everything (as across midnight: "5:00 PM – 1:00 AM")."""
    if locale.language in _CLOCK_FACE_RANGES:
        clock = str(locale.datetime_skeletons[skeleton])
        between = (locale.interval_formats.get(None) or "{0} – {1}").format("", "")
        return clock, between, clock
    by_difference = locale.interval_formats[skeleton]
    start, end = by_difference["a" if "a" in by_difference else skeleton[0]]
    return start, "", end
