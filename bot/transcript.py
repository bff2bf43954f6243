"""What each party sees, printed as one transcript: the demo's and ``borderdesk chat``'s.

Lines are wrapped by the columns a terminal gives each character, not by their number:
a Japanese or Chinese character takes two columns, so ``textwrap`` (which counts
characters, and breaks only at spaces these scripts do not use) let them overflow::

    transcript = Transcript(print, clock)
    transcript.line("SHOPPER", "注文番号10421の荷物がまだ届きません")
    listener = transcript   # LocalChannel and LocalWorkspace report their events to it
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.models import Card, EscalationCard

Printer = Callable[[str], None]
WIDTH = 100  # columns of a transcript line


class HasNow(Protocol):
    """A clock whose ``now`` is the time shown at the start of each line."""

    @property
    def now(self) -> datetime: ...


def columns(char: str) -> int:
    """Terminal columns of one character: wide and full-width ones take two, combining
    marks none."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken at a space where there is one
    and between any two wide characters otherwise (Japanese and Chinese need no space)."""
    lines: list[str] = []
    current, used = "", 0
    for char in " ".join(text.split()):
        size = columns(char)
        if used + size > width and current:
            cut = current.rfind(" ")
            if char != " " and cut > 0 and not _wide(current[cut + 1 :]):
                lines.append(current[:cut])
                current = current[cut + 1 :]
            else:
                lines.append(current.rstrip())
                current = ""
            used = sum(columns(c) for c in current)
            if char == " ":
                continue
        current += char
        used += size
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _wide(text: str) -> bool:
    return any(columns(c) == 2 for c in text)


@dataclass
class Transcript:
    """Prints what each party sees; remembers the last card posted for the script."""

    out: Printer
    clock: HasNow
    names: dict[str, str] = field(default_factory=dict)
    last_card: Card | None = None

    width: int = WIDTH

    def line(self, who: str, text: str) -> None:
        prefix = f"{self.clock.now:%H:%M}  {who:<11}"
        wrapped = [
            line for part in text.split("\n") for line in wrap(part, self.width - len(prefix))
        ] or [""]
        self.out(prefix + wrapped[0])
        for rest in wrapped[1:]:
            self.out(" " * len(prefix) + rest)

    def __call__(self, event: str, data: dict[str, object]) -> None:
        if event == "card":
            card = data["card"]
            assert isinstance(card, Card)
            self.last_card = card
            s = card.suggestion
            where = "INBOX" if data.get("thread") is None else "INBOX/thr"
            top = ", ".join(f"{i} {p:.0%}" for i, p in s.top[:3]) or "none"
            self.line(
                where,
                f"card #{card.suggestion_id} · {card.customer_name} · language "
                f"{card.language} · intent {s.intent} ({s.confidence:.0%}) · top: {top}",
            )
            if card.translated_text:
                self.line("", f"reads, translated: {card.translated_text}")
            if card.warning:
                self.line("", f"WARNING: {card.warning}")
            if card.profile:
                self.line("", f"shopper: {card.profile}")
            if s.reply:
                self.line("", f"suggested ({s.reply_language}): {s.reply}")
            else:
                self.line("", "no confident suggestion")
            for note in card.notes:
                self.line("", f"note: {note}")
            if card.dispute is not None:  # the economics, and a button per settlement
                self.line("", f"dispute: {card.dispute.summary}")
                choices = " · ".join(
                    f"[{c.label}]{' (recommended)' if c.recommended else ''}"
                    for c in card.dispute.choices
                )
                self.line("", f"settle: {choices}")
            if card.assignable:  # the desk has agents: whose card it is
                self.line("", f"owner: {owner_words(card)}")
            if card.decision or card.waiting:
                self.line("", f"[{card.decision or card.waiting}]")
        elif event == "card_updated":
            card = data["card"]
            assert isinstance(card, Card)
            if card.decision:
                self.line("INBOX", f"card #{card.suggestion_id} now shows: {card.decision}")
            elif card.waiting:
                self.line("INBOX", f"card #{card.suggestion_id} now shows: {card.waiting}")
            elif card.warning:
                self.line("INBOX", f"card #{card.suggestion_id} redrawn with: {card.warning}")
            elif card.assignable:  # only its owner changed
                self.line("INBOX", f"card #{card.suggestion_id} now owned by {owner_words(card)}")
        elif event == "direct":
            self.line("DM", f"to {data['user']}: {data['text']}")
        elif event == "delivered":
            name = self.names.get(str(data["chat_id"]), str(data["chat_id"]))
            channel = str(data.get("channel") or "telegram")
            self.line(channel.upper(), f"-> {name}: {data['text']}")
        elif event == "department":
            self.line(str(data["department"]).upper(), str(data["text"]).replace("\n", " "))
        elif event == "thread_note":
            self.line("INBOX/thr", str(data["text"]))
        elif event in ("escalation", "escalation_updated"):
            esc = data["card"]
            assert isinstance(esc, EscalationCard)
            where = esc.department.upper()
            if event == "escalation":
                facts = ", ".join(f"{label} {value}" for label, value in esc.facts)
                self.line(
                    where,
                    f"escalation #{esc.escalation_id}: "
                    f"{esc.intent.replace('_', ' ')} from {esc.customer_name} "
                    f"({esc.language}) — {esc.original_text}" + (f" [{facts}]" if facts else ""),
                )
                if esc.shopper_reply:
                    self.line("", esc.shopper_reply)
            elif esc.status_line:
                self.line(where, f"escalation #{esc.escalation_id}: {esc.status_line.text}")
        elif event == "confirm":
            self._confirmation(data)

    def _confirmation(self, data: dict[str, object]) -> None:
        """A reply held for staff to choose how it goes out: nothing has been sent yet."""
        translated, original = data.get("translated"), data.get("original")
        if translated:
            self.line(
                "INBOX/thr",
                f"waiting for a choice, nothing sent yet — the shopper would get: {translated}\n"
                f"(you wrote: {original})\n"
                "choices: Send translation / Send untranslated / Cancel",
            )
        else:
            self.line(
                "INBOX/thr",
                f"translation unavailable, nothing sent yet: {original}\n"
                "choices: Send untranslated / Retry translation / Cancel",
            )


def owner_words(card: Card) -> str:
    """ "Priya (on shift)", or nobody yet: how the transcript shows a card's owner."""
    if card.owner is None:
        return "nobody yet (no agent who reads the language is on shift)"
    return f"{card.owner.name} ({'on shift' if card.owner.on_shift else 'off shift now'})"
