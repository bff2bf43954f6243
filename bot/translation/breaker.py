"""A circuit breaker, so a provider that is down costs one timeout, not one per message.

Without it every inbound message would wait the full timeout while the provider is down.
After ``threshold`` consecutive failures the circuit opens: calls are refused at once for
``open_seconds``. Then it half-opens and lets exactly one trial call through; its success
closes the circuit, its failure opens it again for another ``open_seconds``.

Time comes from the injected ``clock`` (seconds, monotonic), so tests move it by hand.

    breaker = CircuitBreaker(threshold=3, open_seconds=60.0, clock=time.monotonic)
    if breaker.allow():
        ...  # call the provider, then breaker.success(), .failure() or .release()
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class CircuitState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    """Counts consecutive provider failures; every allowed call must end in one verdict."""

    def __init__(self, threshold: int, open_seconds: float, clock: Callable[[], float]) -> None:
        if threshold < 1:
            raise ValueError(f"failure_threshold must be at least 1, not {threshold}")
        self._threshold = threshold
        self._open_seconds = open_seconds
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    @property
    def state(self) -> CircuitState:
        if self._opened_at is None:
            return CircuitState.CLOSED
        if self._trial_running or self._clock() - self._opened_at >= self._open_seconds:
            return CircuitState.HALF_OPEN
        return CircuitState.OPEN

    def allow(self) -> bool:
        """May a call go out now? In half-open state only the first caller gets the trial."""
        state = self.state
        if state is CircuitState.CLOSED:
            return True
        if state is CircuitState.HALF_OPEN and not self._trial_running:
            self._trial_running = True
            return True
        return False

    def success(self) -> None:
        self._failures = 0
        self._opened_at = None
        self._trial_running = False

    def failure(self) -> None:
        self._failures += 1
        if self._trial_running or self._failures >= self._threshold:
            self._opened_at = self._clock()
        self._trial_running = False

    def release(self) -> None:
        """The call ended without saying anything about the provider (bad input, cancelled)."""
        self._trial_running = False
