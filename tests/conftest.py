"""Shared fixtures: fake Telegram and Slack servers (spec-validating) and a running desk."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.spec_paths import require_specs
from tests.fakes.telegram_api import FakeTelegramAPI


@pytest.fixture(autouse=True)
def _local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx and aiohttp honour proxy variables; loopback traffic must never go through one."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
async def telegram_api() -> AsyncIterator[FakeTelegramAPI]:
    """A fake Bot API; the test fails if any request broke the published spec."""
    require_specs()
    async with FakeTelegramAPI() as fake:
        yield fake
    assert fake.violations == [], "requests the real Telegram API would refuse"


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackAPI]:
    """A fake Slack Web API; the test fails if any request broke the published spec."""
    require_specs()
    async with FakeSlackAPI() as fake:
        yield fake
    assert fake.violations == [], "requests the real Slack API would refuse"
