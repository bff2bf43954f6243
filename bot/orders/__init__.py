"""Orders from the shop: one model, three ways in (file import, signed events, Shopify).

    model.py     OrderEvent and parse_order, the one gate every order passes through
    importer.py  CSV and JSON-lines files -> good events plus bad rows by line number
    shipments.py          parcels of an order, carrier events, the order's state from them
    shopify.py            Shopify webhook signatures and payloads -> ShopifyUpdate
    shopify_shipments.py  Shopify fulfillments, fulfillment events and refunds
    server.py             the aiohttp endpoints for signed order events and Shopify webhooks

Storage lives in ``bot/storage/orders.py`` (``OrderQueries``), ``bot/storage/parcels.py``
and ``bot/storage/shipments.py`` (``ShipmentQueries``) like every other table.
"""
