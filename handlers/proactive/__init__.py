"""Telling shoppers about their orders before they ask: payment reminders, shipped and
delay notices, review requests; and asking them to rate the help they got.

    rules.py   which notice is due when, and for whom: pure decisions on fixed moments
    send.py    the due notices rendered in the shopper's language and queued in the
               outbox; a late order told to staff and counted for logistics
    rating.py  the rating question once a conversation is resolved, under the same rules
               (its answer is read where messages arrive: ``handlers.ratings``)

The rest of "proactive" lives with its concern: the orders and the notices already queued
are read by ``bot/storage/proactive.py``, the texts are the store's in ``replies/notices/``,
and the store's choices are settings (``BORDERDESK_PROACTIVE`` and friends in
``bot/config.py``). The runtime imports the flow's one entry from here::

    from handlers.proactive import send_proactive
"""

from handlers.proactive.send import send_proactive

__all__ = ["send_proactive"]
