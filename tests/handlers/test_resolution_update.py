"""The update prepared for the shopper when a department resolves an escalation: the
department's note reaches them in their language or not at all, and staff confirm it.

Issue 15: a German shopper was prepared "Hallo Jonas, ein Update zu dem gemeldeten Problem:
The replacement ships tomorrow. Vielen Dank ..." when the translator failed or was off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from bot.channels.local import LocalConfirmation
from bot.models import ActionKind
from bot.translation import MemoryTranslationCache, Translator
from bot.translation.providers import Outcome
from tests.handlers.desk import LocalDesk, local_desk

BROKEN_DE = "Das Paket ist heute angekommen und die Tasse darin ist zerbrochen!"
NOTE_EN = "The replacement cup ships tomorrow with extra padding."
NOTE_DE = "Die Ersatztasse wird morgen mit zusätzlicher Polsterung verschickt."
UNREACHABLE = "the translator could not be reached (timed out after 4 s)"


@dataclass
class Dictionary:
    """A translator backend that knows a few sentences; any other fails as a provider that
    cannot be reached does."""

    known: dict[tuple[str, str, str], str]
    asked: list[tuple[str, str, str]] = field(default_factory=list)

    async def translate(self, text: str, *, source: str, target: str, timeout: float) -> Outcome:
        self.asked.append((source, target, text))
        found = self.known.get((source, target, text))
        if found is None:
            return Outcome(error=UNREACHABLE, provider_fault=True)
        return Outcome(text=found)


def translating(desk: LocalDesk, known: dict[tuple[str, str, str], str]) -> Dictionary:
    """Give the running desk a working translator over ``known`` sentences."""
    backend = Dictionary(known)
    desk.runtime.ctx.translator = Translator(
        "google", cache=MemoryTranslationCache(), backend=backend
    )
    return backend


async def resolve(desk: LocalDesk, note: str) -> tuple[str, LocalConfirmation]:
    """A German shopper reports a broken cup, staff escalate it, the warehouse resolves it
    with ``note``: (the text held for the shopper, the confirmation staff are asked)."""
    await desk.say(BROKEN_DE, name="Jonas Weber", hint="de")
    await desk.act(ActionKind.ESCALATE_QUIETLY, desk.cards()[-1])
    [escalation] = await desk.store.open_escalations()
    await desk.act(
        ActionKind.RESOLVE_SUBMIT,
        extra={"escalation": str(escalation.id)},
        intent="packing",
        text=note,
    )
    [confirmation] = desk.workspace.confirmations
    held = await desk.store.held(confirmation.outbox_id)
    assert held is not None, "a prepared update is never sent without a click"
    assert desk.sent() == [], "nothing reached the shopper before staff confirmed"
    return held.text, confirmation


async def left_out_notes(desk: LocalDesk) -> list[str]:
    """Notes under the card saying why the update has no note, once the outbox has sent
    them (the second note in a thread waits for Slack's posting pace: let a minute pass)."""
    desk.clock.now += timedelta(minutes=1)
    await desk.runtime.outbox.drain()
    return [note for note in desk.notes() if "left out of the update" in note]


async def test_a_translated_note_reaches_the_german_shopper_confirmed(tmp_path: Path) -> None:
    async with local_desk(tmp_path) as desk:
        backend = translating(desk, {("en", "de", NOTE_EN): NOTE_DE})
        text, confirmation = await resolve(desk, NOTE_EN)
        assert text == (
            f"Hallo Jonas, ein Update zu dem gemeldeten Problem: {NOTE_DE} "
            "Vielen Dank für Ihre Geduld!"
        )
        assert ("en", "de", NOTE_EN) in backend.asked
        # staff see both: what the shopper gets, and the same update in their language
        assert confirmation.translated == text
        assert NOTE_EN in confirmation.original and NOTE_DE not in confirmation.original
        assert await left_out_notes(desk) == []


async def test_translator_failing_prepares_the_plain_update_without_english_and_says_why(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        translating(desk, {})  # knows nothing: every call fails
        text, confirmation = await resolve(desk, NOTE_EN)
        assert text == (
            "Hallo Jonas, das von Ihnen gemeldete Problem wurde behoben. Wir halten Sie auf "
            "dem Laufenden. Vielen Dank für Ihre Geduld!"
        )
        for word in ("replacement", "cup", "ships", "tomorrow", "padding"):
            assert word not in text
        assert confirmation.translated == text
        assert "dealt with" in confirmation.original and NOTE_EN not in confirmation.original
        [why] = await left_out_notes(desk)
        assert "could not be translated into 'de'" in why and UNREACHABLE in why
        assert "write your own in this thread" in why


async def test_translation_off_prepares_the_plain_update_and_names_the_setting(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:  # BORDERDESK_TRANSLATOR=none
        text, _ = await resolve(desk, NOTE_EN)
        assert "behoben" in text and NOTE_EN not in text and ":" not in text
        [why] = await left_out_notes(desk)
        assert "BORDERDESK_TRANSLATOR=none" in why


async def test_a_note_written_in_the_shoppers_language_is_used_as_written(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        backend = translating(desk, {})
        text, confirmation = await resolve(desk, NOTE_DE)
        assert text == (
            f"Hallo Jonas, ein Update zu dem gemeldeten Problem: {NOTE_DE} "
            "Vielen Dank für Ihre Geduld!"
        )
        assert not [call for call in backend.asked if call[2] == NOTE_DE]
        assert confirmation.translated == text
        assert await left_out_notes(desk) == []


async def test_an_empty_note_gets_the_plain_update_without_a_dangling_colon(
    tmp_path: Path,
) -> None:
    async with local_desk(tmp_path) as desk:
        translating(desk, {})
        text, _ = await resolve(desk, "   ")
        assert text.startswith("Hallo Jonas, das von Ihnen gemeldete Problem wurde behoben.")
        assert ":" not in text
        assert await left_out_notes(desk) == [], "nothing was left out"
