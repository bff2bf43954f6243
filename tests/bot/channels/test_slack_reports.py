"""Reports in Slack: a spike alert reads as it always has, a digest's title is its
notification, and what came from a shop or a shopper is never a mention."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.channels.slack_reports import report_message
from bot.reports import Report, ReportPart
from scheduler.spike_report import spike_report
from scheduler.spikes import Spike

START = datetime(2026, 3, 2, 11, 0, tzinfo=UTC)


def spike(**changes: object) -> Spike:
    fields: dict[str, object] = {
        "department": "logistics", "intent": "delivery_delay", "scope": "carrier",
        "value": "DHL", "count": 8, "expected": 1.2, "p_value": 3.4e-6,
        "window_start": START, "window_end": START + timedelta(hours=1),
        "orders": ("A1", "A2"), "breakdown": (("carrier", "DHL", 7), ("country", "DE", 5)),
    }  # fmt: skip
    return Spike(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_spike_alert_is_one_mrkdwn_message_with_its_evidence() -> None:
    text, blocks = report_message(spike_report(spike()))
    assert blocks is None
    assert text == (
        ":chart_with_upwards_trend: *Spike: delivery delay (carrier DHL)* — 8 problems between "
        "11:00 and 12:00 UTC, where 1.2 were expected (Poisson p = 3.4e-06).\n"
        "Mostly: carrier DHL (7), country DE (5)\n"
        "Orders: A1, A2"
    )


def test_a_spike_without_evidence_is_one_line_and_plain_text_has_no_markup() -> None:
    report = spike_report(spike(scope="all", value=None, orders=(), breakdown=()))
    text, _ = report_message(report)
    assert "\n" not in text and text.startswith(":chart_with_upwards_trend: *Spike: delivery")
    assert report.text.startswith("Spike: delivery delay — 8 problems")
    assert "*" not in report.text and ":chart" not in report.text


def test_order_numbers_in_an_alert_ping_nobody() -> None:
    text, _ = report_message(spike_report(spike(orders=("<!channel>", "A&B"))))
    assert "Orders: &lt;!channel&gt;, A&amp;B" in text and "<!channel>" not in text


def test_a_digest_is_notified_by_its_title_and_laid_out_in_blocks() -> None:
    report = Report(
        "logistics",
        "Logistics digest, Mon 2 Mar 2026 (Asia/Tokyo)",
        (ReportPart("What shoppers said", ("lost package (de): “<@U123> Paket & Karton”",)),),
        day=date(2026, 3, 2),
    )
    text, blocks = report_message(report)
    assert text == "Logistics digest, Mon 2 Mar 2026 (Asia/Tokyo)"
    assert blocks is not None and blocks[0]["text"]["text"] == report.title
    assert blocks[1]["text"]["text"] == (
        "*What shoppers said*\n• lost package (de): “&lt;@U123&gt; Paket &amp; Karton”"
    )
    assert report.text.endswith("What shoppers said\n• lost package (de): “<@U123> Paket & Karton”")


def test_a_quiet_digest_is_one_section() -> None:
    report = Report("purchasing", "Purchasing digest", summary="a quiet day. Nothing <here>.")
    text, blocks = report_message(report)
    assert report.quiet and report.text == "Purchasing digest: a quiet day. Nothing <here>."
    assert text == "Purchasing digest: a quiet day. Nothing &lt;here&gt;."
    assert blocks == [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]
