"""Serving an aiohttp application on an address: what every server of the desk does (the
Slack events route, the Telegram and WhatsApp webhooks, the order webhooks, /healthz).

    runner = await serve_app(app, ("0.0.0.0", 8443))   # OSError when the port is taken
    ...
    await runner.cleanup()

A port that cannot be had leaves nothing open behind the OSError, so the caller can name
the setting and stop, or try again later.
"""

from __future__ import annotations

from aiohttp import web


async def serve_app(app: web.Application, listen: tuple[str, int]) -> web.AppRunner:
    """``app`` listening on ``listen``; the caller owns the runner and cleans it up."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, listen[0], listen[1]).start()
    except OSError:
        await runner.cleanup()
        raise
    return runner
