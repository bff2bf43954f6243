"""Customers: profiles, contact details, the blocklist, opt-outs, export and erasure."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine


class CustomerQueries:
    engine: AsyncEngine
