"""Timed jobs and the pure time maths behind them: targets, reminders, digests, spikes.

The team's business hours and the shopper's zone are rules every layer needs, so they live
below the jobs in ``bot.calendar``.
"""
