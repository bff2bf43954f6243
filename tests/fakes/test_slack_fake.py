"""The Slack fakes behave like Slack for the real slack_sdk client and a real bolt app.

Why: every Slack-facing test in the project leans on these fakes, so they are tested with
the unmodified libraries; a fake that accepted what Slack refuses (or refused what Slack
accepts) would make those tests lie.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import jsonschema
import pytest
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from . import slack_message_events as events
from .slack_api import BOT_USER_ID, TEAM_ID, TS_RE, FakeSlackAPI
from .slack_client import (
    block_action,
    event_envelope,
    message_event,
    post_event,
    post_form,
    post_interaction,
    select_option,
    sign,
    slash_command,
    view_submission,
)
from .spec_paths import require_specs

CHANNEL = "C0APPROVAL1"
AGENT = "U0AGENT0001"
SECRET = "test-signing-secret"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64))
Bolt = tuple[str, dict[str, list[Any]]]


def plain(text: str) -> dict[str, str]:
    return {"type": "plain_text", "text": text}


def approve_blocks(label: str = "Approve", action_id: str = "approve") -> list[dict[str, Any]]:
    return [
        {
            "type": "section",
            "block_id": "draft",
            "text": {"type": "mrkdwn", "text": "*Reply draft*"},
        },
        {
            "type": "actions",
            "block_id": "decide",
            "elements": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "value": "ticket-7",
                    "style": "primary",
                    "text": plain(label),
                },
                {
                    "type": "button",
                    "action_id": "reject",
                    "value": "ticket-7",
                    "text": plain("Reject"),
                },
            ],
        },
    ]


MODAL = {
    "type": "modal",
    "callback_id": "edit_reply",
    "private_metadata": "ticket-7",
    "title": plain("Edit reply"),
    "submit": plain("Send"),
    "blocks": [
        {
            "type": "input",
            "block_id": "reply",
            "label": plain("Reply"),
            "element": {"type": "plain_text_input", "action_id": "text"},
        }
    ],
}


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackAPI]:
    require_specs()
    async with FakeSlackAPI() as api:
        yield api


@pytest.fixture
def client(fake: FakeSlackAPI) -> AsyncWebClient:
    return AsyncWebClient(token=fake.token, base_url=fake.base_url)


async def test_post_message_with_blocks(fake: FakeSlackAPI, client: AsyncWebClient) -> None:
    resp = await client.chat_postMessage(
        channel=CHANNEL, text="Reply draft", blocks=approve_blocks()
    )
    assert resp["ok"] and resp["channel"] == CHANNEL and TS_RE.match(resp["ts"])
    assert resp["message"]["blocks"][1]["elements"][0]["action_id"] == "approve"
    second = await client.chat_postMessage(channel=CHANNEL, text="next")
    assert second["ts"] > resp["ts"]
    assert [m["text"] for m in fake.messages(CHANNEL)] == ["Reply draft", "next"]
    calls = await fake.wait_for("chat.postMessage", count=2)
    assert calls[0]["blocks"][0]["block_id"] == "draft"
    legacy = await client.chat_postMessage(
        channel=CHANNEL, text="legacy", attachments=[{"text": "old style", "fallback": "old"}]
    )
    assert legacy["message"]["attachments"][0]["id"] == 1
    assert fake.violations == []


async def test_own_responses_are_judged_by_the_spec(fake: FakeSlackAPI) -> None:
    fake._check_response(
        "chat.postMessage",
        {"ok": True, "channel": "general", "ts": "1700000000.000100", "message": {}},
    )
    assert any("breaks the spec at channel" in v for v in fake.violations), fake.violations


async def test_thread_reply_update_and_reaction(fake: FakeSlackAPI, client: AsyncWebClient) -> None:
    parent = await client.chat_postMessage(channel=CHANNEL, text="Ticket 7")
    await client.chat_postMessage(channel=CHANNEL, thread_ts=parent["ts"], text="Approved")
    thread = fake.messages(CHANNEL, thread_ts=parent["ts"])
    assert [m["text"] for m in thread] == ["Ticket 7", "Approved"]
    assert thread[0]["reply_count"] == 1 and thread[1]["parent_user_id"] == BOT_USER_ID
    updated = await client.chat_update(channel=CHANNEL, ts=parent["ts"], text="Ticket 7 (sent)")
    assert updated["text"] == fake.messages(CHANNEL)[0]["text"] == "Ticket 7 (sent)"
    with pytest.raises(SlackApiError) as err:
        await client.chat_update(channel=CHANNEL, ts="1600000000.000001", text="x")
    assert err.value.response["error"] == "message_not_found"
    human = fake.seed_message(CHANNEL, AGENT, "please check")
    await client.reactions_add(channel=CHANNEL, timestamp=human["ts"], name="eyes")
    assert fake.messages(CHANNEL)[-1]["reactions"][0]["name"] == "eyes"
    assert fake.violations == []


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"text": "x", "blocks": approve_blocks(label="L" * 100)}, "allows 75"),
        ({"channel": "general", "text": "x"}, "not a conversation id"),
        ({"text": "x", "thread_ts": "1700000099.000001"}, "thread_ts"),
        ({}, "no_text"),
        ({"text": "x", "blocks": approve_blocks(action_id="reject")}, "not unique"),
        ({"text": "x", "blocks": [{"type": "table"}]}, "'table'"),
        ({"text": "x", "colour": "red"}, "unknown parameter 'colour'"),
    ],
)
async def test_invalid_post_message_is_a_violation(
    fake: FakeSlackAPI, client: AsyncWebClient, kwargs: dict[str, Any], needle: str
) -> None:
    with pytest.raises(SlackApiError) as err:
        await client.chat_postMessage(**{"channel": CHANNEL, **kwargs})
    assert err.value.response["error"] == "invalid_arguments"
    assert any(needle in v for v in fake.violations), fake.violations
    assert fake.messages() == []


async def test_views_open_and_update(fake: FakeSlackAPI, client: AsyncWebClient) -> None:
    view = (await client.views_open(trigger_id="123.456.abc", view=MODAL))["view"]
    assert view["id"].startswith("V") and view["callback_id"] == "edit_reply"
    new = {**MODAL, "private_metadata": "ticket-8"}
    updated = await client.views_update(view_id=view["id"], hash=view["hash"], view=new)
    assert updated["view"]["id"] == view["id"]
    assert fake.views[view["id"]]["private_metadata"] == "ticket-8"
    assert fake.violations == []
    with pytest.raises(SlackApiError):
        await client.views_open(
            trigger_id="123.456.abc",
            view={**MODAL, "title": plain("A modal title that is too long")},
        )
    assert "allows 24" in fake.violations[0]


async def test_files_upload_v2(fake: FakeSlackAPI, client: AsyncWebClient) -> None:
    parent = await client.chat_postMessage(channel=CHANNEL, text="Ticket 7")
    resp = await client.files_upload_v2(
        channel=CHANNEL,
        content=PNG,
        filename="receipt.png",
        title="Receipt",
        initial_comment="customer photo",
        thread_ts=parent["ts"],
    )
    assert resp["file"]["title"] == "Receipt"
    [upload] = fake.uploads
    assert upload["content"] == PNG and upload["filename"] == "receipt.png"
    assert upload["channel_id"] == CHANNEL and upload["initial_comment"] == "customer photo"
    assert fake.violations == []


async def test_auth_lookups_and_failures(fake: FakeSlackAPI, client: AsyncWebClient) -> None:
    auth = await client.auth_test()
    assert auth["user_id"] == BOT_USER_ID and auth["team_id"] == TEAM_ID
    for token, error in (("xoxb-wrong", "invalid_auth"), (None, "not_authed")):
        with pytest.raises(SlackApiError) as err:
            await AsyncWebClient(token=token, base_url=fake.base_url).auth_test()
        assert err.value.response["error"] == error
    fake.add_user(AGENT, "ana", "Ana Silva", tz="America/Sao_Paulo")
    user = (await client.users_info(user=AGENT))["user"]
    assert user["real_name"] == "Ana Silva" and user["tz_offset"] == -3 * 3600
    assert (await client.conversations_info(channel=CHANNEL))["channel"]["id"] == CHANNEL
    fake.fail_next("chat.postMessage")
    with pytest.raises(SlackApiError) as err:
        await client.chat_postMessage(channel=CHANNEL, text="x")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "1"
    assert (await client.chat_postMessage(channel=CHANNEL, text="x"))["ok"]
    with pytest.raises(SlackApiError) as err:
        await client.api_call("chat.teleport")
    assert err.value.response["error"] == "unknown_method"
    with pytest.raises(AssertionError, match=r"Calls seen:(.|\n)*chat\.postMessage"):
        await fake.wait_for("views.open", timeout=0.05)
    assert fake.violations == []


def test_sign_and_envelope_match_published_schemas() -> None:
    specs = require_specs() / "slack"
    expected = hmac.new(b"s", b"v0:1:{}", hashlib.sha256).hexdigest()
    assert sign("s", b"{}", 1) == "v0=" + expected
    envelope = event_envelope(message_event(CHANNEL, AGENT, "hello"))
    wrapper = json.loads((specs / "event-wrapper.schema.json").read_text())
    jsonschema.Draft7Validator(wrapper).validate(envelope)
    asyncapi = json.loads((specs / "events-api.asyncapi.json").read_text())
    jsonschema.Draft7Validator(asyncapi["components"]["schemas"]["GenericEventWrapper"]).validate(
        envelope
    )


@pytest.fixture
async def bolt(fake: FakeSlackAPI) -> AsyncIterator[Bolt]:
    """A real bolt AsyncApp on 127.0.0.1 whose Web API client talks to the fake."""
    app = AsyncApp(
        signing_secret=SECRET, client=AsyncWebClient(token=fake.token, base_url=fake.base_url)
    )
    seen: dict[str, list[Any]] = {"actions": [], "messages": [], "views": [], "commands": []}

    @app.action("approve")
    async def on_approve(ack: Any, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        seen["actions"].append(body)
        await client.chat_postMessage(
            channel=body["channel"]["id"],
            thread_ts=body["message"]["ts"],
            text=f"Approved by {body['user']['name']}",
        )

    @app.event("message")
    async def on_message(event: dict[str, Any]) -> None:
        seen["messages"].append(event)

    @app.view("edit_reply")
    async def on_submit(ack: Any, view: dict[str, Any]) -> None:
        await ack()
        seen["views"].append(view)

    @app.command("/ticket")
    async def on_command(ack: Any, command: dict[str, Any]) -> None:
        await ack(f"Looking up {command['text']}")
        seen["commands"].append(command)

    runner = web.AppRunner(app.web_app(path="/slack/events"), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events", seen
    finally:
        await runner.cleanup()


async def test_bolt_receives_signed_block_action(
    fake: FakeSlackAPI, client: AsyncWebClient, bolt: Bolt
) -> None:
    url, seen = bolt
    await client.chat_postMessage(channel=CHANNEL, text="Reply draft", blocks=approve_blocks())
    [message] = fake.messages(CHANNEL)
    payload = block_action(
        "approve",
        "ticket-7",
        user_id=AGENT,
        user_name="ana",
        channel=CHANNEL,
        message_ts=message["ts"],
        message=message,
        response_url=fake.response_url,
    )
    assert payload["actions"][0]["block_id"] == "decide"
    assert (await post_interaction(url, SECRET, payload))[0] == 200
    [reply] = await fake.wait_for("chat.postMessage", predicate=lambda p: "thread_ts" in p)
    assert reply["text"] == "Approved by ana" and reply["team_id"] == TEAM_ID
    assert seen["actions"][0]["actions"][0]["value"] == "ticket-7"
    assert fake.violations == []


async def test_bolt_receives_event_view_and_command(fake: FakeSlackAPI, bolt: Bolt) -> None:
    url, seen = bolt
    event = message_event(CHANNEL, AGENT, "hello")
    assert (await post_event(url, SECRET, event, retry_num=1))[0] == 200
    values = {"reply": {"text": "Olá!"}, "lang": {"pick": select_option("pt", "Portuguese")}}
    submission = view_submission("edit_reply", values, "ticket-7", AGENT, "ana")
    assert (await post_interaction(url, SECRET, submission))[0] == 200
    status, body = await post_form(url, SECRET, slash_command("/ticket", "7", AGENT, CHANNEL))
    assert status == 200 and "Looking up 7" in body
    for _ in range(1500):  # up to 30 s: bolt runs listeners after the ack, on a busy machine late
        if seen["messages"]:
            break
        await asyncio.sleep(0.02)
    assert seen["messages"][0]["text"] == "hello"
    state = seen["views"][0]["state"]["values"]
    assert state["reply"]["text"]["value"] == "Olá!"
    assert state["lang"]["pick"]["selected_option"]["value"] == "pt"
    assert seen["commands"][0]["text"] == "7"


async def test_bolt_rejects_bad_and_stale_signatures(fake: FakeSlackAPI, bolt: Bolt) -> None:
    url, seen = bolt
    event = message_event(CHANNEL, AGENT, "hello")
    assert (await post_event(url, SECRET, event, bad_signature=True))[0] == 401
    assert (await post_event(url, SECRET, event, timestamp=1_600_000_000))[0] == 401
    # bolt answers 401 before it dispatches: no listener was started to wait for
    assert seen["messages"] == []


async def test_shared_files_are_served_only_with_the_bot_token(fake: FakeSlackAPI) -> None:
    shared = fake.add_file("label.png", PNG, "image/png", user=AGENT, channel=CHANNEL)
    assert shared["size"] == len(PNG) and shared["channels"] == [CHANNEL]
    url = shared["url_private_download"]
    async with aiohttp.ClientSession() as session:
        async with session.get(url, headers={"Authorization": f"Bearer {fake.token}"}) as got:
            assert (got.status, got.content_type, await got.read()) == (200, "image/png", PNG)
        for headers in ({}, {"Authorization": "Bearer xoxb-someone-else"}):
            async with session.get(url, headers=headers) as got:
                # like Slack: 200 and its sign-in page, not the file and not an error
                assert (got.status, got.content_type) == (200, "text/html")
                assert "Sign in" in await got.text()
    assert fake.downloads == [(shared["id"], True), (shared["id"], False), (shared["id"], False)]


async def test_message_event_builders_match_published_schemas(fake: FakeSlackAPI) -> None:
    shared = fake.add_file(
        "invoice.pdf", b"%PDF-1.7\n", "application/pdf", user=AGENT, channel=CHANNEL
    )
    parent = "1700000000.000100"
    reply = message_event(CHANNEL, AGENT, "hello", thread_ts=parent)
    built = [
        events.thread_broadcast_event(CHANNEL, AGENT, "hello", thread_ts=parent),
        events.file_share_event(CHANNEL, AGENT, "", [shared], thread_ts=parent),
        events.me_message_event(CHANNEL, AGENT, "waves", thread_ts=parent),
        events.message_changed_event(CHANNEL, events.edited(reply, "hello again"), reply),
        events.message_changed_event(CHANNEL, events.unfurled(reply), reply),
        events.message_deleted_event(CHANNEL, reply),
        events.bot_message_event(CHANNEL, "order 1001 paid", thread_ts=parent),
        events.channel_join_event(CHANNEL, AGENT),
    ]
    assert {event.get("subtype"): events.validate_event(event) for event in built} == {
        event.get("subtype"): [] for event in built
    }
    broken = events.file_share_event(CHANNEL, AGENT, "x", [{**shared, "size": "12 kB"}])
    assert events.validate_event(broken) == [
        "event: files/0/size: '12 kB' is not of type 'integer'"
    ]


async def test_bolt_passes_every_message_subtype_to_a_message_listener(
    fake: FakeSlackAPI, bolt: Bolt
) -> None:
    url, seen = bolt
    reply = message_event(CHANNEL, AGENT, "hello", thread_ts="1700000000.000100")
    sent = [
        events.thread_broadcast_event(CHANNEL, AGENT, "hello", thread_ts="1700000000.000100"),
        events.message_changed_event(CHANNEL, events.edited(reply, "hi"), reply),
        events.message_deleted_event(CHANNEL, reply),
    ]
    for event in sent:
        assert (await post_event(url, SECRET, event))[0] == 200
    for _ in range(1500):  # up to 30 s, as above
        if len(seen["messages"]) == len(sent):
            break
        await asyncio.sleep(0.02)
    assert [m["subtype"] for m in seen["messages"]] == [
        "thread_broadcast",
        "message_changed",
        "message_deleted",
    ]
