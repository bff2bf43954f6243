"""Shopper ratings: one question once a conversation is resolved, the answer recorded.

    reading.py  a shopper's answer read as a score 1-5 and a comment: pure, any script
    answer.py   the answer recognised where messages arrive: recorded, shown to staff,
                a low one becoming a follow-up card

The question itself is a proactive message, asked by the proactive job under the same
rules (stop, quiet hours) as the order notices: ``handlers/proactive/rating.py``. The
ratings are stored by ``bot/storage/ratings.py``; the customer profile
(``handlers.customers``) and the management digest (``scheduler.management_report``)
show them. The inbound flow reads answers::

    from handlers.ratings import take_rating_answer
"""

from handlers.ratings.answer import take_rating_answer

__all__ = ["take_rating_answer"]
