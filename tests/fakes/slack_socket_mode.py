"""Socket Mode for the fake Slack: apps.connections.open and the WebSocket it hands out.

Why: ``borderdesk run`` connects in Socket Mode by default (the manifest turns it on), and
whether it starts, fails in one line or stops on a signal depends on what this exchange
does. Per Slack's documentation, apps.connections.open takes the app-level token
(``xapp-``; any other token is ``not_allowed_token_type``) and answers a ``wss://`` URL
with a one-time ticket; the socket, once open, sends ``{"type": "hello", ...}``.

    fake.socket_url = f"ws://127.0.0.1:{free_port()}/link/"   # a socket that never opens
    fake.fail_next("apps.connections.open", "invalid_auth", status=200, retry_after=None)
    await fake.wait_for("socket opened")                      # a client connected
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

Params = dict[str, Any]
APP_TOKEN = "xapp-1-A0APP00001-1000000000001-testapptoken"
LINK_PATH = "/link/"


class SocketMode:
    """Mixin for ``FakeSlackAPI``: the app token, the URL handed out, the WebSocket."""

    port: int
    token: str  # the bot token
    _record: Callable[[str, Params], None]

    def _init_socket_mode(self, app_id: str) -> None:
        self.app_token = APP_TOKEN
        self.socket_url: str | None = None  # None: this fake's own socket, which says hello
        self._app_id = app_id
        self._tickets = itertools.count(1)
        self._sockets: set[web.WebSocketResponse] = set()

    def _route_socket_mode(self, app: web.Application) -> None:
        app.router.add_get(LINK_PATH, self._socket)

    def _token_for(self, method: str) -> str:
        """The token a method takes: the app-level one for apps.connections.*."""
        return self.app_token if method.startswith("apps.connections.") else self.token

    def _connections_open(self, params: Params) -> Params:
        base = self.socket_url or f"ws://127.0.0.1:{self.port}{LINK_PATH}"
        return {"ok": True, "url": f"{base}?ticket=fake-ticket-{next(self._tickets)}"}

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        """Accept the client, say hello as Slack does, then answer pings until it leaves."""
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self._sockets.add(socket)
        self._record("socket opened", {"ticket": request.query.get("ticket", "")})
        await socket.send_json(
            {
                "type": "hello",
                "num_connections": 1,
                "debug_info": {"host": "applink-fake", "approximate_connection_time": 18060},
                "connection_info": {"app_id": self._app_id},
            }
        )
        try:
            async for message in socket:
                if message.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                    break
        finally:
            self._sockets.discard(socket)
        return socket

    async def _close_sockets(self) -> None:
        """The server is stopping: close open sockets, or its clean-up would wait for them."""
        for socket in list(self._sockets):
            await socket.close()
