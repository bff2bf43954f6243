"""Disputes that cost less than a return (issue 19).

On a return, refund, wrong-item, damaged or defect case with a linked order, the card
shows the item value against what shipping it back would cost, and the cheapest fair way
to settle (``economics``); one click sends that settlement's reply in the shopper's
language and records the decision and its cost (``settle``), which the management digest
adds up as money kept by not shipping items back.
"""
