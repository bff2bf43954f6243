"""Timed jobs and the pure time maths behind them: digests, reports, spikes.

The team's business hours, response-time targets and the shopper's zone are rules every
layer needs, so they live below the jobs in ``bot.calendar``.
"""
