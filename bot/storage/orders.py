"""Orders from the shop and the webhook events already applied."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine


class OrderQueries:
    engine: AsyncEngine
