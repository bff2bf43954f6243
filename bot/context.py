"""The one context built at start-up and handed to every handler.

Handlers receive what they need from here instead of reaching for globals::

    await handle_inbound(ctx, message)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from bot.channels.base import CustomerChannel, StaffWorkspace
from bot.config import Config
from bot.metrics import DeskMetrics
from bot.models import Limit
from bot.staff import StaffPolicy
from bot.storage import Store
from bot.storage.claims import CLAIM_LEASE, worker_name

if TYPE_CHECKING:
    from bot.desk import Desk
    from bot.translation import Translator
    from replies.engine import SuggestionEngine
    from replies.notices import Notices


def utc_now() -> datetime:
    return datetime.now(UTC)


def staff_policy(config: Config) -> StaffPolicy:
    """Who is staff and who may approve what, from the settings: the one policy the
    wiring hands the staff workspace, and the flows read as ``Context.staff``."""
    return StaffPolicy(config.staff_users, config.staff_group, config.managers)


@dataclass
class Context:
    """Long-lived services, owned by the runtime that built them."""

    store: Store
    engine: SuggestionEngine
    workspace: StaffWorkspace
    channels: Mapping[str, CustomerChannel]
    translator: Translator
    desk: Desk
    notices: Notices
    staff_language: str = "en"
    products: tuple[str, ...] = ()
    clock: Callable[[], datetime] = utc_now
    wake_outbox: Callable[[], None] = lambda: None
    # the messages this process is handling now (their ids), from their turn until their
    # conversation is let go (``handlers.claims``)
    in_flight: set[int] = field(default_factory=set)
    flood_limit: Limit = Limit(10, 60.0)
    # every setting, for handlers that need one not listed above (managers, VIP rules…)
    config: Config = field(default_factory=Config)
    # One process handles a conversation's messages at a time, in the order they came,
    # so its card is posted once: it claims the conversation in the database
    # (``bot.storage.claims``) as ``worker``, for ``claim_lease`` at a time. Here, by
    # conversation id, those this process is handling now, and the messages announced
    # meanwhile (``handlers.claims.handle_conversation`` looks for them before it ends).
    worker: str = field(default_factory=worker_name)
    claim_lease: timedelta = CLAIM_LEASE
    handling: dict[int, set[int]] = field(default_factory=dict)
    # what this process counts for /metrics (bot.health); the runtime hands its own
    metrics: DeskMetrics = field(default_factory=DeskMetrics)

    @property
    def staff(self) -> StaffPolicy:
        """Who is staff and who may approve what (``bot/staff.py``), as configured."""
        return staff_policy(self.config)
