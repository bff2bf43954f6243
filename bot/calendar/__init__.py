"""Countries, time zones, business hours and response-time targets: pure rules about
when, and in whose clock.

    countries.py    a shopper's country -> zone, and a moment written in their language
    hours.py        the team's opening hours (BusinessCalendar) and business-time maths
    hours_text.py   those hours as a shopper reads them, in their zone, with the zone named
    roster.py       the desk file's ``agents:``: each agent's languages and shifts
    shifts.py       who is on shift for a language, who comes on next, the day's gaps
    sla.py          response-time targets counted in business hours, and their reminders
    time_ranges.py  one opening's times as a shop writes them on its door
    zone_names.py   a zone's name as a shopper reads it in the middle of a sentence

Nothing here stores, schedules or reads a clock: every function takes the moments it
needs. That is why the package sits with the domain rules at the bottom of the layers
(``.importlinter``): the flows (``handlers``), the answers (``replies``), the desk file
(``bot/desk.py``) and the timed jobs (``scheduler``) all use it, and it uses none of them.
"""
