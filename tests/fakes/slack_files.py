"""Files shared in the fake Slack workspace, served the way Slack serves them.

Why: a staff member's reply with a file only reaches the shopper if the bot fetches the
file's bytes from ``url_private_download`` with its token. Real Slack answers a fetch
without a valid token (or by an app lacking ``files:read``) with 200 and its HTML
sign-in page, so a client that checks only the status "succeeds" and forwards a web
page. This fake does the same, so that mistake fails a test.

``FakeSlackAPI`` mixes this in::

    shared = fake.add_file("invoice.pdf", b"%PDF-1.7 ...", "application/pdf", user="U0STAFF0001",
                           channel="C0INBOX0001")
    event = slack_client.file_share_event("C0INBOX0001", "U0STAFF0001", "Here it is",
                                          [shared], thread_ts=card_ts)
    # the bot GETs shared["url_private_download"] with "Authorization: Bearer xoxb-…"
    assert fake.downloads == [(shared["id"], True)]
"""

from __future__ import annotations

import copy
import time
from itertools import count
from typing import Any

from aiohttp import web

from .faults import FaultPlan

SIGN_IN_PAGE = (
    '<!DOCTYPE html><html lang="en-US"><head><title>Slack</title></head>'
    '<body><h1>Sign in to BorderDesk Test</h1><form action="/signin" method="post">'
    '<input type="email" name="email"><button>Sign In With Email</button></form>'
    "</body></html>"
)
_FILE_TYPES = {
    "application/pdf": ("pdf", "PDF"),
    "image/png": ("png", "PNG"),
    "image/jpeg": ("jpg", "JPEG"),
    "image/gif": ("gif", "GIF"),
    "text/plain": ("text", "Plain Text"),
    "application/zip": ("zip", "Zip"),
}
_file_numbers = count(1)


class SharedFiles:
    """Keeps shared files and serves their downloads (mixed into ``FakeSlackAPI``)."""

    token: str
    origin: str
    faults: FaultPlan

    def _init_files(self, team_id: str) -> None:
        self._team = team_id
        self.files: dict[str, dict[str, Any]] = {}  # file id -> Slack's file object
        self.file_contents: dict[str, bytes] = {}
        # (file id, whether the request carried the bot token): every download attempt
        self.downloads: list[tuple[str, bool]] = []
        # False: the app lacks files:read, and Slack shows it the sign-in page like anyone
        self.files_readable = True

    def _route_files(self, app: web.Application) -> None:
        app.router.add_get("/files-pri/{team_file}/download/{name}", self._handle_download)
        app.router.add_get("/files-pri/{team_file}/{name}", self._handle_download)

    def add_file(
        self,
        name: str,
        content: bytes,
        mimetype: str,
        *,
        user: str,
        channel: str,
        size: int | None = None,
    ) -> dict[str, Any]:
        """Share a file in ``channel`` as ``user``; return the file object Slack puts in
        ``file_share`` events (``size`` may be given to announce a size Slack would)."""
        file_id = f"F{next(_file_numbers):010d}"
        filetype, pretty = _FILE_TYPES.get(mimetype, ("binary", "Binary"))
        now = int(time.time())
        base = f"{self.origin}/files-pri/{self._team}-{file_id}"
        record: dict[str, Any] = {
            "id": file_id,
            "created": now,
            "timestamp": now,
            "name": name,
            "title": name,
            "mimetype": mimetype,
            "filetype": filetype,
            "pretty_type": pretty,
            "user": user,
            "user_team": self._team,
            "editable": False,
            "size": len(content) if size is None else size,
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": channel.startswith("C"),
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": f"{base}/{name}",
            "url_private_download": f"{base}/download/{name}",
            "permalink": f"https://borderdesk-test.slack.com/files/{user}/{file_id}/{name}",
            "permalink_public": f"https://slack-files.com/{self._team}-{file_id}-0a1b2c3d4e",
            "preview": "",
            "updated": now,
            "editor": user,
            "last_editor": user,
            "state": "",
            "channels": [channel] if channel.startswith("C") else [],
            "groups": [channel] if channel.startswith("G") else [],
            "ims": [],
            "comments_count": 0,
            "is_starred": False,
            "has_rich_preview": False,
        }
        self.files[file_id] = record
        self.file_contents[file_id] = content
        return copy.deepcopy(record)

    async def _handle_download(self, request: web.Request) -> web.Response:
        """The file to a request with the bot token; Slack's sign-in page to anyone else."""
        file_id = request.match_info["team_file"].rpartition("-")[2]
        header = request.headers.get("Authorization", "")
        authorised = header == f"Bearer {self.token}" and self.files_readable
        self.downloads.append((file_id, authorised))
        if (answer := await self.faults.act("files.download", request)) is not None:
            return answer  # fail_next("files.download", ...) for outages
        if not authorised:
            return web.Response(text=SIGN_IN_PAGE, content_type="text/html")
        record = self.files.get(file_id)
        if record is None or request.match_info["name"] != record["name"]:
            return web.Response(status=404, text="file not found")
        return web.Response(
            body=self.file_contents[file_id],
            content_type=record["mimetype"],
            headers={"Content-Disposition": f'attachment; filename="{record["name"]}"'},
        )
