"""Business flows: what happens when a shopper writes and when staff act."""
