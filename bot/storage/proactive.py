"""What proactive messages need: orders due a notice, and problems BorderDesk noticed."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine


class ProactiveQueries:
    engine: AsyncEngine
