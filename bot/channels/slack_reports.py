"""Reports in Slack: a digest as Block Kit, an alert as one mrkdwn message.

The desk's ``Report`` says what to tell a department; this says how it looks in Slack. A
digest becomes a header (its title) and a section per part, the heading in bold and a
bullet per line; a quiet day is one section. Slack refuses a section over 3000 characters
and a message over 50 blocks, so long parts are split across sections and the rest is cut
with a note, never sent to be refused. Whatever came from a shopper (quotes, order numbers,
product names) is escaped for mrkdwn (``slack_blocks.escape``), so a ``<!channel>`` in a
complaint pings nobody. An alert is its emoji, its title in bold and its evidence::

    text, blocks = report_message(report)
    await client.chat_postMessage(channel=channel, text=text, blocks=blocks)
"""

from __future__ import annotations

from typing import Any

from bot.channels.slack_blocks import SECTION_LIMIT, _context, _section, escape
from bot.reports import Report, ReportKind

HEADER_LIMIT = 150
BLOCK_LIMIT = 50
CUT_NOTE = "(cut to fit Slack)"
EMOJI = {ReportKind.SPIKE: ":chart_with_upwards_trend:"}

type Block = dict[str, Any]


def report_message(report: Report) -> tuple[str, list[Block] | None]:
    """``chat.postMessage``'s ``text`` and ``blocks`` for ``report``.

    ``text`` is what a notification shows beside the blocks: a digest's title line,
    escaped. An alert is text only (None for blocks), which Slack reads as mrkdwn.
    """
    if report.kind is not ReportKind.DIGEST:
        return alert_text(report), None
    if report.quiet:
        line = escape(report.text)
        return line, [_section(line)]
    return escape(report.title), digest_blocks(report)


def digest_blocks(report: Report) -> list[Block]:
    """A header with the title, then each part packed into as few sections as fit."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(report.title, HEADER_LIMIT)}}
    ]
    for part in report.parts:
        blocks += _sections(f"*{escape(part.heading)}*", [f"• {escape(x)}" for x in part.lines])
    if len(blocks) > BLOCK_LIMIT:
        blocks = blocks[: BLOCK_LIMIT - 1] + [_context(CUT_NOTE)]
    return blocks


def alert_text(report: Report) -> str:
    """ ":chart_with_upwards_trend: *Spike: delivery delay (carrier DHL)* — 8 problems…",
    then a line per piece of evidence."""
    lead = f"{EMOJI[report.kind]} *{escape(report.title)}* — {escape(report.summary)}"
    return "\n".join([lead, *(escape(line) for line in report.lines)])


def _sections(head: str, lines: list[str]) -> list[Block]:
    """``head`` and ``lines`` packed into as few sections as Slack's size limit allows."""
    chunks: list[str] = []
    current = head
    for line in lines:
        line = _cut(line, SECTION_LIMIT - len(head) - 1)
        if len(current) + 1 + len(line) > SECTION_LIMIT:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}"
    chunks.append(current)
    return [_section(chunk) for chunk in chunks]


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, an ellipsis marking the cut (a digest line or title)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
