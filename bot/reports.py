"""Reports for a department's channel: the daily digests and the alerts, as our own objects.

The desk decides what a report says (its title, its parts, each line in words); a staff
workspace decides only how that looks on its platform. Slack turns a digest into Block Kit
with a header and an emoji code in front of an alert (``bot/channels/slack_reports.py``);
the terminal and the CLI print ``Report.text``. Nothing here knows Slack's markup, so a
report reads the same on any workspace, and what came from a shopper is escaped by the
adapter that knows which characters are special there::

    report = Report(
        department="logistics",
        title="Logistics digest, Mon 2 Mar 2026 (Asia/Tokyo)",
        parts=(ReportPart("Problems reported: 8", ("delivery delay: 6 (…)",)),),
    )
    await workspace.post(report)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ReportKind(StrEnum):
    """What a report is, so a workspace can give each its own look."""

    DIGEST = "digest"  # the day's summary: a title and titled parts, or one quiet line
    SPIKE = "spike"  # an alert: one problem is reported far more often than expected


@dataclass(frozen=True)
class ReportPart:
    """One titled part of a digest ("Recurring"), a line per fact."""

    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """What the desk posts to ``department``'s channel on its own.

    A digest has ``parts``; a digest without parts is a quiet day, whose ``summary`` says
    why one line is enough. An alert is its ``title`` (what happened), its ``summary``
    (the evidence, in one sentence) and the lines of its one untitled part. ``chart`` is a
    PNG to attach under the report, named ``chart_name``.

    A report with ``to_person`` (a workspace user id) is for that one person, an agent's
    work log: it goes to them directly (Slack: a direct message from the app), not to
    ``department``'s channel.
    """

    department: str
    title: str
    parts: tuple[ReportPart, ...] = ()
    summary: str = ""
    kind: ReportKind = ReportKind.DIGEST
    day: date | None = None  # the day a digest is about
    chart: bytes | None = None
    chart_name: str = ""
    to_person: str | None = None

    @property
    def quiet(self) -> bool:
        """A digest of a day with nothing to report: one line, no chart."""
        return self.kind is ReportKind.DIGEST and not self.parts

    @property
    def lines(self) -> tuple[str, ...]:
        """Every line of every part, in order (an alert's details)."""
        return tuple(line for part in self.parts for line in part.lines)

    @property
    def text(self) -> str:
        """The report as plain text, for the terminal, the CLI and notifications::

        Logistics digest, Mon 2 Mar 2026 (Asia/Tokyo)

        Problems reported: 8
        • delivery delay: 6 (7-day average 1.0, +500%)
        """
        if self.kind is ReportKind.SPIKE:
            return "\n".join([f"{self.title} — {self.summary}", *self.lines])
        if self.quiet:
            return f"{self.title}: {self.summary}"
        parts = [f"{p.heading}\n" + "\n".join(f"• {line}" for line in p.lines) for p in self.parts]
        return "\n\n".join([self.title, *parts])
