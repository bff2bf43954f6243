"""Who is writing: the shopper's profile, their orders, and the flags on them.

- ``handlers.customers.profile``: what a profile holds and how it is read from the store,
  with the segments (new, repeat, VIP) and the at-risk flag;
- ``handlers.customers.text``: how staff read it (the card line, the flag warning, the
  full profile).

The names callers use are importable from here::

    profile = await load_profile(ctx, customer_id, ctx.clock())
    summary_line(profile, ctx.clock())
"""

from handlers.customers.profile import Profile, Segment, load_profile, profile_of
from handlers.customers.text import (
    flag_warning,
    items_text,
    order_line,
    problem_line,
    profile_text,
    summary_line,
)

__all__ = [
    "Profile",
    "Segment",
    "flag_warning",
    "items_text",
    "load_profile",
    "profile_of",
    "order_line",
    "problem_line",
    "profile_text",
    "summary_line",
]
