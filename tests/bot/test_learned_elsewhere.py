"""Examples staff teach in one process reach the others within seconds (issue 17).

A desk (a Runtime on the local channel and workspace) and a second "process" beside it
on the same database: a Store of its own (its own engine and connections) and a
suggestion engine of its own, loaded as a process starting now would load it. Staff
choose the answer to a message the engines do not read in the first desk; the second
one's ``examples`` job (``bot.jobs.Jobs.learn_elsewhere``, driven directly here: no
waiting for its timer) makes its engine suggest that answer too, once. On SQLite the two
take turns for the database; on PostgreSQL they are what two ``borderdesk run`` are.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from bot.channels.local import LocalChannel, LocalWorkspace
from bot.config import Config
from bot.context import Context
from bot.jobs import Jobs
from bot.jobs_periodic import EXAMPLES, RESUME, learn_elsewhere
from bot.models import ActionKind, InboundMessage, StaffAction
from bot.runtime import Runtime
from bot.storage import Store
from bot.storage.examples import ExampleFeed
from replies.engine import SuggestionEngine
from tests.bot.storage.databases import DATABASES, database_url
from tests.handlers.desk import AGENT, AGENT_NAME, DESK, Clock

# Not read by the built-in library as the delivery options staff will choose (a
# neighbour signing for the parcel was, once the library learned more delivery
# phrasings on 2026-12-07; a flatmate taking it in still reads as thanks and is held
# back), so staff pick the answer, and each process learns it.
FLATMATE = "my flatmate could take it in, is that ok?"
CHOSEN = "delivery_options"


@dataclass
class TwoDesks:
    runtime: Runtime
    workspace: LocalWorkspace
    second: Context
    second_jobs: Jobs
    first_feed: ExampleFeed  # the first desk's own feed, as its examples job reads it


async def second_process(config: Config, first: Context) -> tuple[Context, Jobs]:
    """A process starting now on the same database: its own store and engine, with the
    examples stored so far, and its examples job."""
    store = await Store.open(config.database_url)
    learned, feed = await store.staff_example_feed()
    engine = await asyncio.to_thread(
        SuggestionEngine.load,
        config.library_dir,
        languages=config.languages,
        detector=config.language_detector,
        learned_examples=learned,
        model_cache=config.model_cache,
    )
    ctx = replace(first, store=store, engine=engine)
    return ctx, Jobs(ctx, first.clock, reports=False, examples=feed)


@pytest.fixture(params=DATABASES)
async def desks(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[TwoDesks]:
    async with database_url(request.param, tmp_path) as url:
        config = replace(Config(), database_url=url, translator="none")
        workspace = LocalWorkspace()
        runtime = Runtime(
            config,
            channels=[LocalChannel()],
            workspace=workspace,
            clock=Clock(),
            background=False,
            desk=DESK,
        )
        async with runtime:
            second, jobs = await second_process(config, runtime.ctx)
            try:
                _, own_feed = await runtime.ctx.store.staff_example_feed()
                yield TwoDesks(runtime, workspace, second, jobs, own_feed)
            finally:
                await second.store.close()


async def staff_choose(desks: TwoDesks, intent: str) -> None:
    """A shopper asks the first desk; staff answer with ``intent`` (Other answer)."""
    runtime = desks.runtime
    await runtime.on_message(
        InboundMessage(
            channel="telegram",
            chat_id="4242",
            platform_message_id="4242:1",
            user_id="4242",
            user_name="Ana Lima",
            text=FLATMATE,
            received_at=runtime.ctx.clock(),
            language_hint="en",
        )
    )
    [posted] = desks.workspace.cards.values()
    await runtime.on_action(
        StaffAction(
            kind=ActionKind.OTHER_SUBMIT,
            user_id=AGENT,
            user_name=AGENT_NAME,
            at=runtime.ctx.clock(),
            suggestion_id=posted.card.suggestion_id,
            handle="trigger",
            intent=intent,
        )
    )


async def test_a_decision_in_one_process_changes_the_others_suggestion_after_its_job_runs(
    desks: TwoDesks,
) -> None:
    first, second = desks.runtime.ctx.engine, desks.second.engine
    # neither reads it as staff will decide (unknown, or another reading of the library's)
    assert first.suggest(FLATMATE).intent != CHOSEN
    assert second.suggest(FLATMATE).intent != CHOSEN

    await staff_choose(desks, CHOSEN)
    assert first.suggest(FLATMATE).intent == CHOSEN  # learned as staff decided
    assert second.suggest(FLATMATE).intent != CHOSEN  # not yet: its job has not run

    await desks.second_jobs.learn_elsewhere()
    assert second.suggest(FLATMATE).intent == CHOSEN


async def test_each_example_is_learned_once_in_each_process(desks: TwoDesks) -> None:
    """The deciding process learned it when staff decided: its own job skips it; the
    other's job learns it at its first run and never again."""
    await staff_choose(desks, CHOSEN)

    assert await learn_elsewhere(desks.runtime.ctx, desks.first_feed) == 0
    feed = desks.second_jobs.examples
    assert feed is not None
    assert await learn_elsewhere(desks.second, feed) == 1
    assert await learn_elsewhere(desks.second, feed) == 0
    assert await learn_elsewhere(desks.runtime.ctx, desks.first_feed) == 0


async def test_a_running_desk_runs_the_examples_job_as_often_as_set(tmp_path: Path) -> None:
    """BORDERDESK_EXAMPLES_INTERVAL (5 s unless set) is how often the job runs."""
    async with database_url("sqlite", tmp_path) as url:
        config = replace(Config(), database_url=url, translator="none", examples_interval=2.0)
        runtime = Runtime(config, channels=[], workspace=LocalWorkspace(), desk=DESK)
        async with runtime:
            assert runtime.jobs is not None
            job = runtime.jobs.scheduler.get_job(EXAMPLES)
            assert job is not None and job.trigger.interval.total_seconds() == 2.0
    assert Config().examples_interval == 5.0


async def test_a_running_desk_resumes_as_often_as_set(tmp_path: Path) -> None:
    """BORDERDESK_RESUME_INTERVAL (30 s unless set) is how often a process looks for
    messages left unhandled, a dead process's among them once their claims lapse."""
    async with database_url("sqlite", tmp_path) as url:
        config = replace(Config(), database_url=url, translator="none", resume_interval=3.0)
        runtime = Runtime(config, channels=[], workspace=LocalWorkspace(), desk=DESK)
        async with runtime:
            assert runtime.jobs is not None
            job = runtime.jobs.scheduler.get_job(RESUME)
            assert job is not None and job.trigger.interval.total_seconds() == 3.0
    assert Config().resume_interval == 30.0
