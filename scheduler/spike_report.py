"""A spike alert in words: what is going on, where, and the evidence behind it.

A spike (``scheduler/spikes.py``) is one problem reported far more often than its usual
rate; the department gets it as soon as it is noticed, not the next morning. The alert says
what ("Spike: delivery delay (carrier DHL)"), how sure the desk is (the count against the
expected count, and the Poisson tail probability) and where to look first: the fields that
dominate and a few of the orders concerned. A workspace gives it its own look (Slack: an
emoji and a bold title, ``bot/channels/slack_reports.py``)::

    await workspace.post(spike_report(spike))
"""

from __future__ import annotations

from bot.reports import Report, ReportKind, ReportPart
from scheduler.digest_render import label
from scheduler.spikes import Spike


def spike_report(spike: Spike) -> Report:
    """The alert a department gets for a spike, with the evidence behind it."""
    scope = f" ({spike.scope} {spike.value})" if spike.value else ""
    start, end = spike.window_start, spike.window_end
    summary = (
        f"{spike.count} problems between {start:%H:%M} and {end:%H:%M} UTC, where "
        f"{spike.expected:.1f} were expected (Poisson p = {spike.p_value:.1e})."
    )
    evidence: list[str] = []
    if spike.breakdown:
        evidence.append(
            "Mostly: " + ", ".join(f"{field} {value} ({n})" for field, value, n in spike.breakdown)
        )
    if spike.orders:
        evidence.append("Orders: " + ", ".join(spike.orders))
    return Report(
        spike.department,
        f"Spike: {label(spike.intent)}{scope}",
        (ReportPart("Evidence", tuple(evidence)),) if evidence else (),
        summary=summary,
        kind=ReportKind.SPIKE,
    )
