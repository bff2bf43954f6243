"""Shared fixtures: fake Telegram and Slack servers (spec-validating) and a running desk."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import replies.engine as engine_module
from replies.classifier import IntentClassifier
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.spec_paths import require_specs
from tests.fakes.telegram_api import FakeTelegramAPI

# A busy machine (CI shares two cores between two test processes) makes input generation
# and examples slow without anything being wrong: no deadline, no "too slow" check.
settings.register_profile("borderdesk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("borderdesk")


@pytest.fixture(autouse=True, scope="session")
def _train_each_library_once() -> Iterator[None]:
    """Training the intent classifier takes about 2 s of CPU and is deterministic (seeded),
    and the suite starts hundreds of desks on the same answer library. So the engine's
    classifier is trained once per set of examples and every desk gets its own deep copy:
    the real model, and learning in one test never reaches another. (Only this process:
    the command-line tests run their own processes, which share one model cache folder.)"""
    trained: dict[tuple[tuple[tuple[str, str], ...], str], IntentClassifier] = {}

    def classifier(examples: Iterable[tuple[str, str]], **options: Any) -> IntentClassifier:
        pairs = tuple((str(text), str(intent)) for text, intent in examples)
        key = (pairs, repr(sorted(options.items())))
        if key not in trained:
            trained[key] = IntentClassifier(pairs, **options)
        return copy.deepcopy(trained[key])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine_module, "IntentClassifier", classifier)
        yield


@pytest.fixture(autouse=True, scope="session")
def _one_model_cache_per_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The command-line tests start desks in processes of their own, each of which would
    train the intent model for 10 s or more; they share one model cache folder for the
    session instead, so only the first trains. A temporary folder: the user's own cache
    (``~/.cache/borderdesk``) is never read or written by tests."""
    folder = tmp_path_factory.mktemp("model-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BORDERDESK_MODEL_CACHE", str(folder / "borderdesk"))
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield


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
