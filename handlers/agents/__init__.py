"""An agent's work log (issue 19): their day in words, what they handled and what is
still open with them, as a ``Report`` to them.

    work_log.py  the log, from the figures (``bot/storage/agent_figures.py``)
    daily.py     each agent's log of the day before, posted to them once each morning
    me.py        ``/borderdesk me``: the asking agent's day so far

The commands (``handlers.commands``) answer ``/borderdesk me``; the job (``bot.jobs``)
posts the daily logs::

    from handlers.agents import compose_work_log, post_work_logs
"""

from handlers.agents.daily import compose_work_log, post_work_logs

__all__ = ["compose_work_log", "post_work_logs"]
