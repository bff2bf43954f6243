"""BorderDesk runtime: configuration, models, storage, channel adapters and wiring."""
