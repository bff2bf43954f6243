"""Timed jobs and the pure time maths behind them: digests, reports, spikes.

The team's business hours, response-time targets and the shopper's zone are rules every
layer needs, so they live below the jobs in ``bot.calendar``. What the jobs read and
record goes through the Store (``bot.storage.digest_queries``, ``management_queries``,
``spike_queries``): they hold the rules and build the reports, and never speak SQL.
"""
