"""Orders from the shop: one model, three ways in (file import, signed events, Shopify).

    model.py     OrderEvent and parse_order, the one gate every order passes through
    importer.py  CSV and JSON-lines files -> good events plus bad rows by line number
    shopify.py   Shopify webhook signatures and payloads -> OrderEvent
    server.py    the aiohttp endpoints for signed order events and Shopify webhooks

Storage lives in ``bot/storage/orders.py`` (``OrderQueries``) like every other table.
"""
