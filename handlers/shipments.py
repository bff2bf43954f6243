"""How an order's parcels read: to the shopper in reply variables, to staff in a profile.

A split shipment must never read as one parcel, so every shopper-facing value lists all
parcels on their way (cancelled ones and ones still being prepared carry no tracking for
the shopper)::

    parcel_variables(order.parcels)
    # {"carrier": "DHL", "tracking_number": "JD0146, JD0147", "tracking_link": "https://..."}
    parcels_text(order.parcels)
    # "2 parcels: DHL JD0146 · delivered 2026-12-02; UPS 1Z99 · out for delivery · ..."

Values for the shopper hold only names and numbers (no English status words), because
they are put into replies in the shopper's language. Staff read the carrier's status of
each parcel in English.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.orders.shipments import Parcel


def travelling(parcels: Sequence[Parcel]) -> list[Parcel]:
    """The parcels handed to a carrier, in the order they were first heard of."""
    return [p for p in parcels if p.travelling]


def parcel_variables(parcels: Sequence[Parcel]) -> dict[str, str]:
    """``carrier``, ``tracking_number`` and ``tracking_link`` for every parcel on its way.

    One carrier reads "DHL"; several read "DHL, UPS", and each number then names its
    carrier ("JD0146 (DHL), 1Z99 (UPS)"). Parcels without a number add nothing.
    """
    shown = travelling(parcels)
    carriers = list(dict.fromkeys(p.carrier for p in shown if p.carrier))
    numbered = [p for p in shown if p.tracking_number]
    if len(carriers) > 1:
        numbers = [
            f"{p.tracking_number} ({p.carrier})" if p.carrier else p.tracking_number or ""
            for p in numbered
        ]
    else:
        numbers = [p.tracking_number or "" for p in numbered]
    links = list(dict.fromkeys(p.tracking_url for p in shown if p.tracking_url))
    values = {
        "carrier": ", ".join(carriers),
        "tracking_number": ", ".join(numbers),
        "tracking_link": " ".join(links),
    }
    return {k: v for k, v in values.items() if v}


def undelivered_names(parcels: Sequence[Parcel]) -> str:
    """The parcels still on their way, short: "DHL JJD0099, UPS 1Z99"."""
    names = [
        " ".join(filter(None, (p.carrier, p.tracking_number)))
        for p in travelling(parcels)
        if not p.delivered
    ]
    return ", ".join(n for n in names if n)


def parcel_line(parcel: Parcel) -> str:
    """One parcel as staff read it: "DHL JD0146 · out for delivery · estimated 2026-12-04"."""
    name = " ".join(p for p in (parcel.carrier, parcel.tracking_number) if p) or "no tracking yet"
    parts = [name, parcel.state()]
    if parcel.estimated_delivery and parcel.travelling and not parcel.delivered:
        parts.append(f"estimated {parcel.estimated_delivery:%Y-%m-%d}")
    if parcel.delivered and parcel.delivered_at:
        parts[-1] = f"delivered {parcel.delivered_at:%Y-%m-%d}"
    return " · ".join(parts)


def parcels_text(parcels: Sequence[Parcel]) -> str:
    """Every parcel for staff, cancelled and not yet shipped ones included."""
    if not parcels:
        return ""
    if len(parcels) == 1:
        return parcel_line(parcels[0])
    return f"{len(parcels)} parcels: " + "; ".join(parcel_line(p) for p in parcels)
