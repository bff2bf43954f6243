"""Slack over HTTP: one route for events, interactivity and slash commands, in front of bolt.

HTTP mode is what a workspace without an app-level token uses (Socket Mode is
``slack_connect``). Anyone can post to a public endpoint, so the route checks a request
before bolt and our listeners see it: bodies over 1 MB are refused with 413, a bad or old
signature (checked over the exact bytes received) with 401, and a body bolt could not
handle (not a Slack shape, unparseable) with 400 rather than bolt's 500. Slack's retries
of an event are logged, so a slow answer that made Slack retry is visible::

    server = await serve(app, signing_secret=b"…", listen=("0.0.0.0", 3000))
    ...
    await server.cleanup()
"""

from __future__ import annotations

import functools
import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

from bot.channels.slack_shapes import shape_problem, signed
from bot.serving import serve_app

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1024 * 1024


async def serve(
    app: AsyncApp, signing_secret: bytes | None, listen: tuple[str, int]
) -> web.AppRunner:
    """Our aiohttp server on ``listen``, with ``EVENTS_PATH`` handed to ``app``; the caller
    owns the runner and cleans it up on stop."""
    server = web.Application(client_max_size=MAX_BODY_BYTES)
    server.router.add_post(EVENTS_PATH, functools.partial(handle, app, signing_secret))
    runner = await serve_app(server, listen)
    logger.info("slack workspace listening on http://%s:%s%s", *listen, EVENTS_PATH)
    return runner


async def handle(
    app: AsyncApp, signing_secret: bytes | None, request: web.Request
) -> web.StreamResponse:
    """Bolt behind our own aiohttp route: bounded bodies, clear 4xx for bad input."""
    try:
        await request.read()
    except web.HTTPRequestEntityTooLarge:
        logger.warning("slack request over %d bytes refused", MAX_BODY_BYTES)
        return web.Response(status=413, text="request body too large")
    if request.headers.get("X-Slack-Retry-Num"):
        logger.info(
            "slack retry %s (%s) of an event",
            request.headers["X-Slack-Retry-Num"],
            request.headers.get("X-Slack-Retry-Reason", "?"),
        )
    if signing_secret is not None and not signed(signing_secret, request, await request.read()):
        logger.warning("slack request with a bad or old signature refused")
        return web.Response(status=401, text="invalid signature")
    try:
        bolt_request = await to_bolt_request(request)
        problem = shape_problem(bolt_request.body)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        problem = f"unparseable ({type(exc).__name__})"
    if problem is not None:
        logger.warning("slack request refused: %s", problem)
        return web.Response(status=400, text=f"request not understood: {problem}")
    try:
        response = await app.async_dispatch(bolt_request)
    except Exception:
        logger.warning("slack request could not be dispatched; refused", exc_info=True)
        return web.Response(status=400, text="request not understood")
    return await to_aiohttp_response(response)
