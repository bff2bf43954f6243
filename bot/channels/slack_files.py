"""Fetching a file staff attached in Slack, with the bot token, and making sure it is the file.

Slack serves a file's bytes at its ``url_private_download`` to requests carrying a token
with ``files:read``. Without one (or when the app is not allowed to see the file) it
answers 200 with its HTML sign-in page, or redirects there — so a 200 alone proves
nothing: an HTML answer for a file that is not HTML, a redirect, or a size other than
the one Slack announced are refusals, not files.

The token goes only to Slack: ``files.slack.com`` and the configured API's own host (a
local fake in tests). A URL anywhere else in an event is refused, never fetched with
the token. Fetches are bounded (``max_bytes``) and retried with backoff on outages.

    files = SlackFiles("xoxb-…", api_url="https://slack.com/api/", pacer=Pacer())
    data = await files.fetch(staff_file)   # ChannelError when it cannot be had
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import aiohttp

from bot.errors import ChannelError, ChannelRejected, ChannelUnavailable
from bot.models import StaffFile
from bot.pacing import Pacer, backoff_seconds

logger = logging.getLogger(__name__)

SLACK_FILES = "https://files.slack.com"
MAX_FETCH_BYTES = 50 * 1024 * 1024  # the most any customer channel takes (Telegram)
FETCH_ATTEMPTS = 3
CHUNK = 64 * 1024


class SlackFiles:
    """Downloads files shared in the workspace, for replies that carry them."""

    def __init__(
        self,
        token: str,
        *,
        api_url: str,
        pacer: Pacer,
        max_bytes: int = MAX_FETCH_BYTES,
        timeout: float = 60.0,
    ) -> None:
        self._token = token
        self.pacer = pacer
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.origins = frozenset({SLACK_FILES, _origin(api_url)})

    async def fetch(self, file: StaffFile) -> bytes:
        """The file's bytes; ChannelRejected when Slack will not give them (retrying would
        not help), ChannelUnavailable after ``FETCH_ATTEMPTS`` outages."""
        if not file.url:
            raise ChannelRejected("Slack gave no download address for the file")
        if _origin(file.url) not in self.origins:
            raise ChannelRejected("the file is not stored in Slack (an external link)")
        if file.size > self.max_bytes:
            raise ChannelRejected(f"the file is over {self.max_bytes // (1024 * 1024)} MB")
        for attempt in range(1, FETCH_ATTEMPTS + 1):
            try:
                return await self._get(file)
            except ChannelUnavailable as exc:
                if attempt == FETCH_ATTEMPTS:
                    raise
                wait = backoff_seconds(attempt, base=1.0, cap=10.0)
                logger.warning("file %s: %s; again in %.1fs", file.file_id, exc, wait)
                await self.pacer.sleep(wait)
        raise AssertionError("unreachable")

    async def _get(self, file: StaffFile) -> bytes:
        headers = {"Authorization": f"Bearer {self._token}"}
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as session:
                # no redirects: the token must not follow one, and Slack redirects only to
                # its sign-in page
                async with session.get(file.url, headers=headers, allow_redirects=False) as got:
                    _check_answer(got, file)
                    return _check_size(await _read(got, self.max_bytes), file)
        except ChannelError:
            raise
        except (OSError, TimeoutError, aiohttp.ClientError) as exc:
            raise ChannelUnavailable(f"Slack unreachable for the file ({exc!r})") from exc


def _check_answer(got: aiohttp.ClientResponse, file: StaffFile) -> None:
    if got.status >= 500 or got.status == 429:
        raise ChannelUnavailable(f"Slack answered {got.status} for the file")
    if 300 <= got.status < 400:
        raise ChannelRejected(
            "Slack sent the fetch to its sign-in page: the app needs the files:read scope "
            "(reinstall it from slack-app-manifest.yaml)"
        )
    if got.status != 200:
        raise ChannelRejected(f"Slack refused the file ({got.status})")
    if got.content_type == "text/html" and file.mimetype != "text/html":
        raise ChannelRejected(
            "Slack answered with its sign-in page instead of the file: the app needs the "
            "files:read scope (reinstall it from slack-app-manifest.yaml)"
        )


async def _read(got: aiohttp.ClientResponse, limit: int) -> bytes:
    data = bytearray()
    async for chunk in got.content.iter_chunked(CHUNK):
        data += chunk
        if len(data) > limit:
            raise ChannelRejected(f"the file is over {limit // (1024 * 1024)} MB")
    return bytes(data)


def _check_size(data: bytes, file: StaffFile) -> bytes:
    if file.size and len(data) != file.size:
        raise ChannelRejected(
            f"Slack sent {len(data)} bytes for a file of {file.size}: not the file"
        )
    return data


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
