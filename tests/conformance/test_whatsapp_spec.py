"""Meta's WhatsApp spec, as the fakes read it: its own examples pass, broken bodies do not.

Why: taken literally the published description rejects every example it gives (see
``tests/fakes/whatsapp_spec.py`` for the three readings that fix that). These tests pin
that the readings make the spec accept what Meta documents, and that it still refuses
what Meta would refuse, so the fake Graph API and the test webhooks judge real traffic
and not just anything.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.fakes.spec_paths import require_specs
from tests.fakes.whatsapp_spec import WhatsAppSpec, shared_spec
from tests.fakes.whatsapp_webhooks import WebhookFactory

# Examples in which the spec disagrees with itself, whatever the reading: left out, with why.
SPEC_SELF_CONTRADICTIONS = {
    # its phone "type" is MOBILE; the schema (PhoneObject) allows only HOME and WORK
    "Contact Sharing Message",
    # group webhooks: "group_participants_update" is not among Change.field's values, and
    # group payloads fit none of Change.value's schemas; the desk subscribes to messages only
    "Group Create Message",
    "Group Settings Update",
    "Group Remove Participants",
}
# The send examples of the kinds the desk sends or will send (text, replies, media, a read
# receipt); the others (templates, catalogues, flows, contacts, locations) contradict
# their schemas in the spec itself (a template's language "policy" required, coordinates
# as strings, a text example without "type").
SENT_BY_THE_DESK = (
    "Send Text Message",
    "Send Reply to Text Message",
    "Send Image Message by ID",
    "Send Image Message by URL",
    "Send Document Message by ID",
    "Send Audio Message by ID",
    "Send Video Message by ID",
    "Send Sticker Message by ID",
    "Send Reply with Reaction Message",
    "Send Reply Button",
    "Send typing indicator and read receipt",
)


@pytest.fixture(scope="module")
def spec() -> WhatsAppSpec:
    require_specs()
    return shared_spec()


def message_of(payload: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    return message


def test_every_message_webhook_example_of_the_spec_is_valid(spec: WhatsAppSpec) -> None:
    examples = spec.webhook_examples()
    judged = {title: spec.webhook_problems(e) for title, e in examples.items()}
    assert len(judged) >= 16
    assert {title: p for title, p in judged.items() if title not in SPEC_SELF_CONTRADICTIONS} == {
        title: [] for title in judged if title not in SPEC_SELF_CONTRADICTIONS
    }


def test_the_send_examples_of_what_the_desk_sends_are_valid(spec: WhatsAppSpec) -> None:
    examples = spec.send_examples()
    assert {t: spec.send_problems(examples[t]) for t in SENT_BY_THE_DESK} == {
        t: [] for t in SENT_BY_THE_DESK
    }


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        (lambda m: m.pop("from"), "'from' is a required property"),
        (lambda m: m.pop("timestamp"), "'timestamp' is a required property"),
        (lambda m: m["text"].pop("body"), "'body' is a required property"),
        (lambda m: m.update(type="telepathy"), "'telepathy' is not one of"),
        (lambda m: m.update(type="image"), "'image' is a required property"),
    ],
    ids=["no sender", "no time", "no text body", "unknown type", "type without its object"],
)
def test_a_webhook_meta_would_not_send_is_refused(
    spec: WhatsAppSpec, broken: Any, where: str
) -> None:
    payload = copy.deepcopy(spec.webhook_examples()["Text Message"])
    broken(message_of(payload))
    problems = spec.webhook_problems(payload)
    assert any(where in p for p in problems), problems


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        (lambda b: b.pop("to"), "'to' is a required property"),
        (lambda b: b.update(txt={"body": "hi"}), "Unevaluated properties are not allowed"),
        (lambda b: b["text"].update(bold=True), "Additional properties are not allowed"),
        (lambda b: b.update(type="fax"), "'fax' is not one of"),
        (lambda b: b.update(recipient_type="everyone"), "'everyone' is not one of"),
    ],
    ids=["no recipient", "misspelt object", "unknown text field", "unknown type", "bad recipient"],
)
def test_a_send_meta_would_refuse_is_refused(spec: WhatsAppSpec, broken: Any, where: str) -> None:
    body = copy.deepcopy(spec.send_examples()["Send Text Message"])
    broken(body)
    problems = spec.send_problems(body)
    assert any(where in p for p in problems), problems


def test_a_read_receipt_needs_the_message_id(spec: WhatsAppSpec) -> None:
    receipt = {"messaging_product": "whatsapp", "status": "read"}
    assert any("'message_id' is a required property" in p for p in spec.send_problems(receipt))


def test_the_test_webhooks_of_every_kind_fit_the_spec(spec: WhatsAppSpec) -> None:
    """The builders check each payload as they make it; here each kind is made once (a
    payload Meta would not send raises)."""
    hooks = WebhookFactory(spec=spec)
    kinds = ["image", "audio", "video", "document", "sticker", "location", "reaction"]
    kinds += ["button", "interactive", "order"]
    made = [hooks.message(kind, "5511987654321") for kind in kinds]
    made += [hooks.text("5511987654321", "Oi"), hooks.inquiry("5511987654321", "Tem azul?")]
    made += [hooks.status("wamid.X", state, "5511987654321") for state in ("sent", "read")]
    assert [spec.webhook_problems(p) for p in made] == [[]] * len(made)
    with pytest.raises(AssertionError, match="Meta would not send"):
        hooks.message("sticker", "5511987654321", animated="yes")
