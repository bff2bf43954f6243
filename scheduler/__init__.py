"""Timed jobs and the pure time maths behind them: business hours, targets, reminders."""
