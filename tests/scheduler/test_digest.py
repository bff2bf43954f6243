"""Digests over a real SQLite file holding known problems: counts, trends, recurrences,
escalations, quotes, the management overview, the chart and the Slack rendering.

``Shop`` writes rows the way the flow would and is shared with the other scheduler tests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.channels.slack_blocks import SECTION_LIMIT
from bot.channels.slack_reports import BLOCK_LIMIT, report_message
from bot.storage.records import new_id
from bot.storage.schema import (
    conversations,
    customers,
    escalations,
    messages,
    problem_reports,
    problems,
    suggestions,
)
from bot.storage.store import Store, sqlite_url
from scheduler.chart import problem_chart, problem_series
from scheduler.digest import Digest, IntentTrend, Overdue, Quote, build_digest
from scheduler.digest_render import render_digest, render_management
from scheduler.management_report import ManagementDigest, Outcomes, build_management_digest

TOKYO = ZoneInfo("Asia/Tokyo")
BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 3, 2)  # a Monday
H = timedelta(hours=1)


def tokyo(day: int, hour: int = 12, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TOKYO)


class Shop:
    """Writes conversations, suggestions, problems and escalations straight into the tables."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.chats: dict[str, int] = {}
        self.count = 0
        self._batch: AsyncConnection | None = None

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        """Write everything inside in one transaction: hundreds of rows in a blink."""
        async with self.engine.begin() as conn:
            self._batch = conn
            try:
                yield
            finally:
                self._batch = None

    @asynccontextmanager
    async def _writing(self) -> AsyncIterator[AsyncConnection]:
        if self._batch is not None:
            yield self._batch
        else:
            async with self.engine.begin() as conn:
                yield conn

    async def message(
        self,
        at: datetime,
        *,
        chat: str | None = None,
        direction: str = "in",
        text: str = "hello",
        language: str | None = "de",
        channel: str = "telegram",
        country: str | None = "DE",
    ) -> int:
        self.count += 1
        chat = chat or f"chat{self.count}"
        async with self._writing() as conn:
            if chat not in self.chats:
                customer = await conn.execute(
                    insert(customers).values(
                        channel=channel, platform_user_id=chat, name=chat, language=language,
                        country=country, created_at=at,
                    )
                )  # fmt: skip
                conversation = await conn.execute(
                    insert(conversations).values(
                        customer_id=new_id(customer), channel=channel, chat_id=chat,
                        language=language, created_at=at, updated_at=at,
                    )
                )  # fmt: skip
                self.chats[chat] = new_id(conversation)
            result = await conn.execute(
                insert(messages).values(
                    conversation_id=self.chats[chat], direction=direction, channel=channel,
                    platform_message_id=f"{chat}:{self.count}", kind="text", text=text,
                    language=language, created_at=at, processed_at=at,
                )
            )  # fmt: skip
        return new_id(result)

    async def suggest(
        self, message_id: int, intent: str, at: datetime, status: str = "sent"
    ) -> int:
        async with self._writing() as conn:
            conversation_id = (
                await conn.execute(
                    messages.select().with_only_columns(messages.c.conversation_id)
                    .where(messages.c.id == message_id)
                )
            ).scalar_one()  # fmt: skip
            result = await conn.execute(
                insert(suggestions).values(
                    message_id=message_id, conversation_id=conversation_id, language="de",
                    intent=intent, confidence=0.9, top=[[intent, 0.9]], status=status,
                    display={}, created_at=at,
                )
            )  # fmt: skip
        return new_id(result)

    async def problem(
        self,
        at: datetime,
        intent: str,
        *,
        department: str = "logistics",
        text: str | None = None,
        language: str = "de",
        order: str | None = None,
        product: str | None = None,
        carrier: str | None = None,
        country: str | None = None,
    ) -> int:
        message_id = await self.message(at, text=text or f"{intent} report", language=language)
        suggestion_id = await self.suggest(message_id, intent, at)
        conversation_id = self.chats[f"chat{self.count}"]
        async with self._writing() as conn:
            result = await conn.execute(
                insert(problems).values(
                    conversation_id=conversation_id,
                    department=department, intent=intent, channel="telegram", language=language,
                    country=country, order_number=order, product=product, carrier=carrier,
                    created_at=at,
                )
            )  # fmt: skip
            await conn.execute(
                insert(problem_reports).values(
                    problem_id=new_id(result), suggestion_id=suggestion_id,
                    conversation_id=conversation_id, source="shopper", created_at=at,
                )
            )  # fmt: skip
        return new_id(result)

    async def escalation(
        self,
        at: datetime,
        intent: str = "lost_package",
        *,
        department: str = "logistics",
        acknowledged_at: datetime | None = None,
        resolved_at: datetime | None = None,
        root_cause: str | None = None,
    ) -> int:
        suggestion_id = await self.suggest(await self.message(at), intent, at, "escalated")
        status = "resolved" if resolved_at else "acknowledged" if acknowledged_at else "open"
        async with self._writing() as conn:
            result = await conn.execute(
                insert(escalations).values(
                    suggestion_id=suggestion_id, conversation_id=self.chats[f"chat{self.count}"],
                    department=department, intent=intent, status=status, opened_by="Mia",
                    created_at=at, acknowledged_at=acknowledged_at, resolved_at=resolved_at,
                    root_cause=root_cause,
                )
            )  # fmt: skip
        return new_id(result)

    @classmethod
    @asynccontextmanager
    async def opened(cls, path: Path) -> AsyncIterator[Shop]:
        """A shop on a migrated SQLite file at ``path``, closed on exit."""
        store = await Store.open(sqlite_url(path))
        try:
            yield cls(store.engine)
        finally:
            await store.close()


@pytest.fixture
async def shop(tmp_path: Path) -> AsyncIterator[Shop]:
    async with Shop.opened(tmp_path / "x.sqlite3") as opened:
        yield opened


async def fill_logistics_week(shop: Shop) -> dict[str, int]:
    """Monday 2 March 2026 in Tokyo and the week before, for logistics; returns escalation ids."""
    for day in range(24, 30):  # one a day 24 Feb - 1 Mar, and Sunday 23:59: average 1.0
        await shop.problem(tokyo(day, month=2) if day < 29 else tokyo(1), "delivery_delay")
    for n in range(14):  # two lost parcels a day: average 2.0
        await shop.problem(tokyo(23 + n // 2, month=2) if n < 12 else tokyo(1), "lost_package")
    await shop.problem(tokyo(22, month=2), "delivery_delay")  # 8 days back: outside the average
    await shop.problem(tokyo(1, 23, 59), "delivery_delay", order="A1")  # Sunday 23:59: before
    await shop.problem(tokyo(3, 0, 0), "delivery_delay", order="A1")  # Tuesday 00:00: after
    await shop.problem(tokyo(2, 10), "damaged_item", department="warehouse", order="A1")
    day_reports = [  # (hour, order, product, carrier, country)
        (0, "A1", "Lamp", "DHL", "DE"),
        (6, "A2", "Lamp", "DHL", "DE"),
        (9, "A1", None, "DHL", "DE"),
        (12, "A3", "Desk", "DHL", "FR"),
        (15, None, None, "UPS", "FR"),
        (23, "A4", None, None, None),
    ]
    for hour, order, product, carrier, country in day_reports:
        await shop.problem(
            tokyo(2, hour, 30), "delivery_delay", order=order, product=product,
            carrier=carrier, country=country, text=f"Wo bleibt mein Paket {order}? ({hour}h)",
        )  # fmt: skip
    await shop.problem(tokyo(2, 8), "customs_duties", text="Warum muss ich Zoll zahlen?")
    await shop.problem(tokyo(2, 20), "customs_duties", text="Zoll <!channel> & Gebühren")
    await shop.problem(tokyo(2, 11), "lost_package", text="Paket verloren", order="A2")
    return {
        "resolved_old": await shop.escalation(
            tokyo(27, 9, month=2), resolved_at=tokyo(2, 10), root_cause="carrier"
        ),
        "same_day": await shop.escalation(
            tokyo(2, 10), resolved_at=tokyo(2, 12), root_cause="customs"
        ),
        "unacknowledged": await shop.escalation(tokyo(2, 9)),
        "unresolved": await shop.escalation(
            tokyo(26, 9, month=2), acknowledged_at=tokyo(26, 10, month=2)
        ),
        "late_evening": await shop.escalation(tokyo(2, 23)),
        "long_done": await shop.escalation(
            tokyo(20, month=2), resolved_at=tokyo(21, month=2), root_cause="packing"
        ),
        "resolved_next_day": await shop.escalation(tokyo(2, 1), resolved_at=tokyo(3, 9)),
        "warehouse": await shop.escalation(tokyo(2, 9), department="warehouse"),
    }


async def test_counts_and_trends_against_the_seven_days_before(shop: Shop) -> None:
    await fill_logistics_week(shop)
    digest = await build_digest(shop.engine, "logistics", DAY, TOKYO)
    assert digest.problems == (
        IntentTrend("delivery_delay", 6, 1.0, reports=6),
        IntentTrend("customs_duties", 2, 0.0, reports=2),
        IntentTrend("lost_package", 1, 2.0, reports=1),
    )
    assert [t.change for t in digest.problems] == [5.0, None, -0.5]
    assert digest.total == 9 and not digest.quiet


async def test_recurring_orders_products_carriers_and_countries(shop: Shop) -> None:
    await fill_logistics_week(shop)
    digest = await build_digest(shop.engine, "logistics", DAY, TOKYO)
    assert dict(digest.recurring) == {
        "order_number": (("A1", 2), ("A2", 2)),  # the warehouse's A1 and Tuesday's do not count
        "product": (("Lamp", 2),),
        "carrier": (("DHL", 4),),
        "country": (("DE", 3), ("FR", 2)),
    }


async def test_escalations_opened_resolved_and_past_target(shop: Shop) -> None:
    ids = await fill_logistics_week(shop)
    digest = await build_digest(shop.engine, "logistics", DAY, TOKYO)
    assert digest.opened == 4  # same_day, unacknowledged, late_evening, resolved_next_day
    assert (digest.resolved, digest.root_causes) == (2, (("carrier", 1), ("customs", 1)))
    end = tokyo(3, 0)
    assert digest.overdue == (
        Overdue(ids["unresolved"], "lost_package", "resolve", tokyo(26, 9, month=2),
                end - tokyo(28, 9, month=2)),
        Overdue(ids["resolved_next_day"], "lost_package", "acknowledge", tokyo(2, 1),
                end - tokyo(2, 5)),
        Overdue(ids["unacknowledged"], "lost_package", "acknowledge", tokyo(2, 9),
                end - tokyo(2, 13)),
    )  # fmt: skip


async def test_targets_are_the_departments_own(shop: Shop) -> None:
    await fill_logistics_week(shop)
    digest = await build_digest(
        shop.engine, "logistics", DAY, TOKYO, targets={"resolve": timedelta(days=30)}
    )
    assert digest.overdue == ()


async def test_quotes_are_the_latest_of_each_top_problem_translated(shop: Shop) -> None:
    await fill_logistics_week(shop)

    async def translate(text: str, source: str) -> str | None:
        if "Zoll zahlen" in text:
            raise TimeoutError("translator down")
        return f"[{source}>en] {text}"

    digest = await build_digest(shop.engine, "logistics", DAY, TOKYO, translate=translate)
    assert digest.quotes == (
        Quote("delivery_delay", "de", "Wo bleibt mein Paket A4? (23h)",
              "[de>en] Wo bleibt mein Paket A4? (23h)"),
        Quote("customs_duties", "de", "Zoll <!channel> & Gebühren",
              "[de>en] Zoll <!channel> & Gebühren"),
        Quote("lost_package", "de", "Paket verloren", "[de>en] Paket verloren"),
    )  # fmt: skip
    untranslated = await build_digest(shop.engine, "logistics", DAY, TOKYO)
    assert [q.translated for q in untranslated.quotes] == [None, None, None]


async def test_a_failed_translation_keeps_the_shoppers_words(shop: Shop) -> None:
    await shop.problem(tokyo(2, 8), "customs_duties", text="Warum muss ich Zoll zahlen?")

    async def broken(text: str, source: str) -> str | None:
        raise TimeoutError("translator down")

    digest = await build_digest(shop.engine, "logistics", DAY, TOKYO, translate=broken)
    assert digest.quotes == (Quote("customs_duties", "de", "Warum muss ich Zoll zahlen?"),)


async def test_a_quiet_day_is_one_line(shop: Shop) -> None:
    await fill_logistics_week(shop)
    digest = await build_digest(shop.engine, "purchasing", DAY, TOKYO)
    assert digest.quiet
    report = render_digest(digest)
    text, blocks = report.text, report_message(report)[1]
    assert text == "Purchasing digest, Mon 2 Mar 2026 (Asia/Tokyo): a quiet day. No problems " \
        "reported, nothing overdue."  # fmt: skip
    assert blocks is not None and len(blocks) == 1


async def test_rendering_shows_counts_trends_and_escapes_shopper_text(shop: Shop) -> None:
    await fill_logistics_week(shop)
    report = render_digest(await build_digest(shop.engine, "logistics", DAY, TOKYO))
    text, blocks = report.text, report_message(report)[1] or []
    assert "delivery delay: 6 (7-day average 1.0, +500%)" in text
    assert "customs duties: 2 (7-day average 0.0, new)" in text
    assert "lost package: 1 (7-day average 2.0, -50%)" in text
    assert "Carriers: DHL ×4" in text and "Orders: A1 ×2, A2 ×2" in text
    assert "Escalations: 4 opened, 2 resolved (carrier 1, customs 1), 3 past target" in text
    mrkdwn = "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    assert "&lt;!channel&gt; &amp; Gebühren" in mrkdwn and "<!channel>" not in mrkdwn
    assert blocks[0]["type"] == "header"


def test_rendering_stays_within_slack_limits() -> None:
    huge = Digest(
        department="logistics", day=DAY, timezone="Asia/Tokyo",
        problems=tuple(IntentTrend(f"intent_{n}", n + 1, 1.0) for n in range(400)),
        recurring={"order_number": tuple((f"A{n}" * 20, 2) for n in range(300))},
        opened=1, resolved=0, root_causes=(),
        overdue=tuple(Overdue(n, "lost_package", "resolve", tokyo(1), H) for n in range(500)),
        quotes=tuple(Quote("x", "de", "Paket " * 2000) for _ in range(3)),
    )  # fmt: skip
    _, blocks = report_message(render_digest(huge))
    assert blocks is not None
    assert len(blocks) <= BLOCK_LIMIT
    assert all(len(b["text"]["text"]) <= SECTION_LIMIT for b in blocks if b["type"] == "section")


async def test_chart_series_and_png(shop: Shop) -> None:
    await fill_logistics_week(shop)
    days, series = await problem_series(shop.engine, "logistics", DAY, TOKYO)
    assert days[0] == date(2026, 2, 17) and days[-1] == DAY and len(days) == 14
    assert series["delivery_delay"][-9:] == [1, 0, 1, 1, 1, 1, 1, 2, 6]
    assert series["customs_duties"] == [0] * 13 + [2]
    assert "damaged_item" not in series
    everyone = (await problem_series(shop.engine, None, DAY, TOKYO))[1]
    assert everyone["damaged_item"][-1] == 1
    png = problem_chart(series, days, "Logistics: problems by type")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(BytesIO(png)) as image:
        image.verify()
        assert image.size == (800, 360)
    assert problem_chart({}, days, "nothing").startswith(b"\x89PNG")


async def test_management_volume_first_response_and_outcomes(shop: Shop) -> None:
    def berlin(hour: int, minute: int = 0, day: int = 2) -> datetime:
        return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)

    async def said(at: datetime, chat: str, intent: str | None = None, status: str = "sent",
                   **kw: str | None) -> None:  # fmt: skip
        message_id = await shop.message(at, chat=chat, **kw)  # type: ignore[arg-type]
        if intent:
            await shop.suggest(message_id, intent, at, status)

    await said(berlin(9), "a", "track_order", "sent")  # waits from 09:00...
    await said(berlin(9, 2), "a", "track_order", "edited")
    await said(berlin(9, 10), "a", direction="out")  # ... 10 min
    await said(berlin(10), "b", "track_order", "replaced", country="FR", language="fr")
    await said(berlin(10, 30), "b", direction="out")  # 30 min
    await said(berlin(11), "b", "delivery_delay", "ignored")
    await said(berlin(13), "b", direction="out")  # 2 h
    await said(berlin(23, 30), "c", "delivery_delay", "auto_sent", channel="whatsapp", country=None)
    await said(berlin(0, 30, day=3), "c", direction="out", channel="whatsapp")  # 1 h, next day
    await said(berlin(12), "d", "delivery_delay", "pending", channel="whatsapp")  # no reply
    await said(berlin(23, day=1), "e")  # the day before: not this day's wait
    await said(berlin(0, 10), "e", direction="out")
    digest = await build_management_digest(shop.engine, DAY, BERLIN)
    assert digest.by_channel == (("telegram", 4), ("whatsapp", 2))
    assert digest.by_language == (("de", 5), ("fr", 1))  # language is per message
    assert digest.by_country == (("DE", 3), ("FR", 2), ("unknown", 1))  # country per shopper
    assert (digest.first_response_median, digest.first_response_p90) == (45 * H / 60, 2 * H)
    assert (digest.answered, digest.unanswered) == (4, 1)
    assert digest.outcomes == (
        Outcomes("track_order", as_is=1, edited=1, replaced=1),
        Outcomes("delivery_delay", as_is=1, ignored=1),
    )
    assert digest.outcomes[0].rewritten == pytest.approx(2 / 3)
    text = render_management(digest).text
    assert "median 45 min, 90th percentile 2 h (4 answered, 1 without a reply)" in text
    assert "track order: 3 decided, as is 33%, edited 33%, replaced 33%, ignored 0%" in text


async def test_management_top_problems_and_open_escalations_by_age(shop: Shop) -> None:
    end = datetime(2026, 3, 3, tzinfo=BERLIN)
    reports = [("warehouse", "damaged_item", 2), ("logistics", "lost_package", 3),
               ("purchasing", "product_defect", 1)]  # fmt: skip
    for department, intent, n in reports:
        for _ in range(n):
            await shop.problem(end - 3 * H, intent, department=department)
    await shop.problem(end, "lost_package")  # the next day
    for age in (2 * H, 30 * H, 72 * H, 240 * H):
        await shop.escalation(end - age)
    await shop.escalation(end - 5 * H, resolved_at=end + H)  # still open at the end of the day
    await shop.escalation(end - 50 * H, resolved_at=end - H)
    await shop.escalation(end + H)
    digest = await build_management_digest(shop.engine, DAY, BERLIN)
    assert digest.top_problems == (
        ("logistics", "lost_package", 3), ("warehouse", "damaged_item", 2),
        ("purchasing", "product_defect", 1),
    )  # fmt: skip
    assert digest.open_by_age == (
        ("under 1 day", 2), ("1-2 days", 1), ("2-7 days", 1), ("over 7 days", 1),
    )  # fmt: skip


async def test_management_quiet_day_is_one_line(shop: Shop) -> None:
    digest = await build_management_digest(shop.engine, DAY, BERLIN)
    assert digest.quiet
    assert "\n" not in render_management(digest).text


def test_a_naive_day_window_is_impossible() -> None:
    start = datetime.combine(DAY, datetime.min.time(), tzinfo=TOKYO)
    assert start.astimezone(UTC) == datetime(2026, 3, 1, 15, tzinfo=UTC)


def test_a_cut_list_says_how_much_was_left_out() -> None:
    """Regression: the management digest listed 10 of 14 languages as if that were all."""
    languages = tuple(
        (code, 20 - n) for n, code in enumerate("en es de fr it pt nl pl ru tr ja ko zh ar".split())
    )
    digest = ManagementDigest(
        day=DAY, timezone="Europe/Berlin", by_channel=(("telegram", 200),),
        by_language=languages, by_country=(), first_response_median=None,
        first_response_p90=None, answered=0, unanswered=0, outcomes=(), top_problems=(),
        open_by_age=(),
    )  # fmt: skip
    text = render_management(digest).text
    assert "tr 11" in text and "ja 10" not in text
    assert "and 4 more (34 in all)" in text  # ja 10 + ko 9 + zh 8 + ar 7
