"""Channel adapters: the only code that talks to chat platforms."""
