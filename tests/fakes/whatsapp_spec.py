"""Meta's OpenAPI description of the WhatsApp Business Cloud API, read so it can judge traffic.

``../shared/specs/whatsapp/business-messaging-api_v23.0.yaml`` (v23.0, MIT) is generated
from several of Meta's documents merged into one, and taken literally it rejects every
example it gives, sends and webhooks alike (checked with jsonschema 4.26, Draft 2020-12,
the dialect of OpenAPI 3.1). Three things are read the way the authors plainly meant,
and only those; ``test_whatsapp_spec.py`` shows that with them every example of a send
and of a message webhook is valid, and that a body missing a required field still is not:

1. ``additionalProperties: false`` inside one branch of an ``allOf`` sees only that
   branch's properties, so ``TextMessage`` (the base properties + ``{type, text}`` with
   additionalProperties false) would refuse its own ``messaging_product``. Read as
   ``unevaluatedProperties: false`` on the whole ``allOf``: nothing beyond what any branch
   names.
2. A ``oneOf`` with a ``discriminator`` (``Message``, ``IncomingMessage``) is chosen by the
   discriminating property, as OpenAPI says, not by trying every branch (a bare ``oneOf``
   fails whenever two branches fit, and says nothing useful when none does).
3. The webhook side's names collided with the send side's when the documents were merged:
   ``IncomingMessage`` maps ``text`` to ``TextMessage`` (the *send* schema, which
   requires ``to``), while the incoming schemas, left unreferenced, carry a suffix
   (``TextMessage_2``, ``ImageMessage_1``...) and point at the send side's
   ``BaseMessageProperties`` instead of the incoming ``BaseMessageProperties_1`` (``from``,
   ``id``, ``timestamp``); ``UnsupportedMessage``'s errors point at the Graph API's
   ``ErrorObject`` (message, type, code) instead of the webhook's ``Error`` (code, title,
   message, error_data). They are wired to their incoming counterparts.

A mark-as-read (``{"status": "read", "message_id": ...}``) is posted to the same
``/messages`` endpoint; the spec describes its body as ``MarkMessageRequestPayload`` without
linking it to the operation, so a body with ``status`` is judged against that.

    spec = WhatsAppSpec.load()
    assert spec.send_problems({"messaging_product": "whatsapp", ...}) == []
    assert spec.webhook_problems(payload) == []
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any, Self

import jsonschema
import yaml
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .spec_paths import SPECS_DIR

JSON = dict[str, Any]
SPEC_FILE = Path("whatsapp") / "business-messaging-api_v23.0.yaml"
BASE = "urn:whatsapp-business-messaging-api"
SEND_PATH = "/{Version}/{Phone-Number-ID}/messages"
MEDIA_PATH = "/{Version}/{Phone-Number-ID}/media"
WEBHOOK_PATH = "/whatsapp/webhooks"

# 3. the incoming message schemas, by the ``type`` Meta gives them in a webhook
INCOMING = {
    "text": "TextMessage_2",
    "reaction": "ReactionMessage_1",
    "audio": "AudioMessage_1",
    "document": "DocumentMessage_1",
    "image": "ImageMessage_1",
    "sticker": "StickerMessage_1",
    "video": "VideoMessage_1",
    "location": "LocationMessage_1",
    "contacts": "ContactSharingMessage",
    "unsupported": "UnsupportedMessage",
    "unknown": "UnsupportedMessage",
    "button": "ButtonMessage",
    "interactive": "InteractiveMessageReply",
    "order": "OrderMessage",
}
# the webhook's own schemas that were pointed at the send side's
WEBHOOK_SIDE = (*set(INCOMING.values()), "SystemMessage")


def _ref(name: str) -> JSON:
    return {"$ref": f"#/components/schemas/{name}"}


def _closed_allof(node: Any) -> None:
    """Repair 1, everywhere in the document."""
    if isinstance(node, list):
        for item in node:
            _closed_allof(item)
        return
    if not isinstance(node, dict):
        return
    branches = node.get("allOf")
    if isinstance(branches, list):
        closed = False
        for branch in branches:
            if isinstance(branch, dict) and branch.get("additionalProperties") is False:
                del branch["additionalProperties"]
                closed = True
        if closed:
            node["unevaluatedProperties"] = False
    for value in node.values():
        _closed_allof(value)


def _by_discriminator(node: Any) -> None:
    """Repair 2, everywhere in the document: the mapped schema for each value, and any
    other value refused by name."""
    if isinstance(node, list):
        for item in node:
            _by_discriminator(item)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _by_discriminator(value)
    found = node.get("discriminator")
    if not isinstance(found, dict) or "mapping" not in found or "oneOf" not in node:
        return
    field, mapping = found["propertyName"], found["mapping"]
    del node["oneOf"]
    node["required"] = sorted({*node.get("required", []), field})
    node.setdefault("properties", {})[field] = {"enum": sorted(mapping)}
    node["allOf"] = [
        {
            "if": {"properties": {field: {"const": value}}, "required": [field]},
            "then": {"$ref": target},
        }
        for value, target in mapping.items()
    ]


def _incoming_names(schemas: JSON) -> None:
    """Repair 3."""
    incoming = schemas["IncomingMessage"]
    incoming["discriminator"]["mapping"] = {
        kind: f"#/components/schemas/{name}" for kind, name in INCOMING.items()
    }
    incoming["oneOf"] = [_ref(name) for name in sorted(set(INCOMING.values()))]
    for name in WEBHOOK_SIDE:
        for branch in schemas[name].get("allOf", []):
            if branch == _ref("BaseMessageProperties"):
                branch["$ref"] = "#/components/schemas/BaseMessageProperties_1"
    errors = schemas["UnsupportedMessage"]["allOf"][1]["properties"]["errors"]
    errors["items"] = _ref("Error")


class WhatsAppSpec:
    """Validators for what the desk sends to the Graph API and what Meta posts to it."""

    def __init__(self, document: JSON) -> None:
        repaired = copy.deepcopy(document)
        schemas = repaired["components"]["schemas"]
        _incoming_names(schemas)
        _closed_allof(repaired)
        _by_discriminator(repaired)
        self.document = document  # as published: its examples
        registry: Registry[Any] = Registry().with_resource(
            BASE, DRAFT202012.create_resource(repaired)
        )
        self._validators = {
            name: jsonschema.Draft202012Validator(
                {"$ref": f"{BASE}#/components/schemas/{name}"}, registry=registry
            )
            for name in (
                "Message",
                "MarkMessageRequestPayload",
                "MessageResponsePayload",
                "MarkMessageResponsePayload",
                "WebhookPayload",
                "GraphAPIError",
            )
        }

    @classmethod
    def load(cls, path: Path | None = None) -> Self:
        return cls(_read(path or SPECS_DIR / SPEC_FILE))

    def problems(self, schema: str, body: Any) -> list[str]:
        """Where ``body`` breaks the component ``schema``; [] when it fits. A body that
        fits none of a ``oneOf``'s branches (a webhook's ``value``: messages, statuses,
        system messages or groups) is described by why each branch refused it, not by
        the whole value."""
        found = []
        for error in self._validators[schema].iter_errors(body):
            for leaf in _leaves(error):
                where = "/".join(map(str, leaf.absolute_path)) or "(body)"
                found.append(f"{where}: {leaf.message[:300]}")
        return found

    def send_problems(self, body: Any) -> list[str]:
        """A POST to /{Version}/{Phone-Number-ID}/messages: a message, or a mark-as-read."""
        if isinstance(body, dict) and "status" in body:
            return self.problems("MarkMessageRequestPayload", body)
        return self.problems("Message", body)

    def media_problems(self, fields: JSON) -> list[str]:
        """A multipart POST to /{Version}/{Phone-Number-ID}/media (an upload), its form
        fields as ``{name: value}`` (a file part as its bytes), against the spec's
        ``multipart/form-data`` schema: each part it names, of the type it says. Meta's
        upload also needs ``messaging_product`` and the ``file``, which the schema lists
        without requiring."""
        content = self.document["paths"][MEDIA_PATH]["post"]["requestBody"]["content"]
        schema = content["multipart/form-data"]["schema"]
        found = [f"{name}: required by Meta" for name in ("file", "messaging_product")
                 if name not in fields]  # fmt: skip
        for name, part in schema["properties"].items():
            if name not in fields:
                continue
            binary = part.get("format") == "binary"
            if binary and not isinstance(fields[name], bytes):
                found.append(f"{name}: not a file part")
            elif not binary and not isinstance(fields[name], str):
                found.append(f"{name}: not a text field")
        return found

    def webhook_problems(self, payload: Any) -> list[str]:
        """A POST Meta makes to the webhook."""
        return self.problems("WebhookPayload", payload)

    def send_examples(self) -> dict[str, JSON]:
        """The spec's own example bodies of a send, by title."""
        return _examples(self.document["paths"][SEND_PATH]["post"])

    def webhook_examples(self) -> dict[str, JSON]:
        """The spec's own example webhook payloads, by title."""
        return _examples(self.document["paths"][WEBHOOK_PATH]["post"])


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """The errors at the bottom of a oneOf's (or anyOf's) branches, or the error itself."""
    if not error.context:
        return [error]
    return [leaf for branch in error.context for leaf in _leaves(branch)]


def _examples(operation: JSON) -> dict[str, JSON]:
    content = operation["requestBody"]["content"]["application/json"]
    return {title: example["value"] for title, example in content["examples"].items()}


@cache
def _read(path: Path) -> JSON:
    """The YAML (1 MB: half a second with libyaml), read once per process."""
    with path.open(encoding="utf-8") as file:
        loaded: JSON = yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return loaded


@cache
def shared_spec() -> WhatsAppSpec:
    """One WhatsAppSpec per process (building the validators takes a moment)."""
    return WhatsAppSpec.load()
