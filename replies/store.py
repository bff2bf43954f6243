"""What an answer says about the store itself: its name and its support hours.

Both reach the shopper in the reply's language. The name is the store's own (a name is
not translated); when none is set, the renderer's neutral phrase in the reply's language
stands in. The hours come from the desk file's support calendar and are written with
locale data (``bot.calendar.hours_text``) in the shopper's zone when it is known
(``hours_zone``), else in the store's, named either way: never one English sentence
pasted into every language. The shopper's country, when known (``hours_country``), also
picks how their language writes times: 12-hour for American English, 24-hour elsewhere.

    details = StoreDetails(name="Tienda Sol", calendar=desk.calendar, clock=clock)
    details.variables("es", shopper_zone=hours_zone({"order_country": "ES"}), country="ES")
    # {"store_name": "Tienda Sol", "support_hours": "lunes – viernes 9:00–18:00 y sábado
    #  10:00–14:00, hora de Europa central"}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from bot.calendar.countries import single_zone
from bot.calendar.hours import BusinessCalendar
from bot.calendar.hours_text import describe_hours
from replies.facts.country import shopper_country
from replies.facts.terms import ShippingTerms


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class StoreDetails:
    """The store's name (empty when not set) and its support team's calendar.

    ``clock`` picks the week whose clock changes apply when the hours are converted to the
    shopper's zone; the runtime passes its own clock, ``borderdesk suggest`` its ``--now``.
    """

    name: str = ""
    calendar: BusinessCalendar | None = None
    clock: Callable[[], datetime] = _utc_now
    # delivery times and customs terms from the desk file's ``shipping:`` section
    shipping: ShippingTerms = field(default_factory=ShippingTerms)

    def today(self) -> date:
        """Today in the store's zone (UTC without a calendar): when an order is late."""
        now = self.clock()
        return (now.astimezone(self.calendar.zone) if self.calendar else now).date()

    def variables(
        self, language: str, shopper_zone: str | None = None, country: str | None = None
    ) -> dict[str, str]:
        """``store_name`` and ``support_hours`` in ``language``; what is unknown is left out.

        ``shopper_zone`` is ``hours_zone``'s answer, ``country`` ``hours_country``'s.
        """
        values: dict[str, str] = {}
        if self.name.strip():
            values["store_name"] = self.name.strip()
        if self.calendar is not None:
            values["support_hours"] = describe_hours(
                self.calendar,
                language,
                week_of=self.clock().astimezone(self.calendar.zone).date(),
                shopper_zone=shopper_zone,
                country=country,
            )
        return values


def hours_zone(values: Mapping[str, str], country: str | None = None) -> str | None:
    """The zone to show the store's hours in for this shopper, or None for the store's own.

    Only a country that says where the shopper *is* counts: the caller's ``country``, the
    linked order's shipping country (``order_country``) or the shopper's phone
    (``shopper_phone``), as the desk puts them among a reply's values. A place the message
    names does not ("will it work in Toronto?" says nothing about where they are), nor a
    language ("es" is spoken from Madrid to Lima). And only a country that keeps one time
    (``bot.calendar.countries.single_zone``): a US order says nothing about which of six zones
    the shopper lives in, so they get the store's zone, named.

        hours_zone({"order_country": "ES"})  # 'Europe/Madrid'
        hours_zone({"shopper_phone": "+81 90-1234-5678"})  # 'Asia/Tokyo'
        hours_zone({"order_country": "US"})  # None
    """
    return single_zone(hours_country(values, country))


def hours_country(values: Mapping[str, str], country: str | None = None) -> str | None:
    """Where the shopper is, as far as the store's hours may trust it (see ``hours_zone``):
    the caller's ``country``, the linked order's or the phone's; None when none says it.

    Any country counts here, also one of several zones: it picks how the shopper's language
    writes times (``bot.calendar.hours_text.shopper_locale``), not their zone.

        hours_country({"order_country": "US"})  # 'US'
    """
    where = shopper_country(
        order_country=country or values.get("order_country"), phone=values.get("shopper_phone")
    )
    return where.code if where else None
