"""What a process counts for Prometheus: the desk's own numbers, on a registry it owns.

Every ``DeskMetrics`` has its own ``CollectorRegistry`` instead of prometheus-client's
global default one, so two runtimes in one process (tests, the demo) never clash over a
metric name, and each counts only its own work. The flows call one short method where the
event happens; ``bot.health`` serves the registry as ``/metrics``::

    metrics = DeskMetrics()
    metrics.message_in("telegram")
    metrics.card_posted()
    metrics.decided("answered")
    with metrics.classifying():
        suggestion = engine.suggest(text)
    metrics.translation_failed("provider")
    metrics.outbox_seen(depth=3, oldest_age=12.5, dead=0)   # read from storage at a scrape
    metrics.polling("telegram", True)                        # this process is the poller
    text = metrics.exposition()                              # the Prometheus text format

Names follow Prometheus' conventions: ``borderdesk_`` first, ``_total`` on counters,
``_seconds`` on durations. The outbox gauges are what storage said at the last scrape,
not kept up to date between scrapes: another process may have sent a row meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

CONTENT_TYPE = CONTENT_TYPE_LATEST  # what ``/metrics`` answers with

# Classifying a message is CPU work of milliseconds; a slow host or a huge message takes
# a second or more. These bounds show both without a bucket per millisecond.
CLASSIFY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class DeskMetrics:
    """The counters, histogram and gauges of one desk process, on its own registry."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry(auto_describe=True)
        on = self.registry
        self._messages_in = Counter(
            "borderdesk_messages_in",
            "Shopper messages stored (new ones, not redeliveries), by channel",
            ["channel"],
            registry=on,
        )
        self._cards_posted = Counter(
            "borderdesk_cards_posted", "Suggestion cards posted to staff", registry=on
        )
        self._decisions = Counter(
            "borderdesk_decisions",
            "Cards decided, by outcome (answered, edited, ignored, escalated, auto_sent...)",
            ["outcome"],
            registry=on,
        )
        self._classify = Histogram(
            "borderdesk_classify_seconds",
            "Time taken to read a message and suggest an answer",
            buckets=CLASSIFY_BUCKETS,
            registry=on,
        )
        self._translation_failures = Counter(
            "borderdesk_translation_failures",
            "Translations that fell back to the original text, by reason "
            "(provider: the provider failed; paused: after repeated failures; "
            "mangled: a protected term was lost)",
            ["reason"],
            registry=on,
        )
        self._outbox_depth = Gauge(
            "borderdesk_outbox_depth",
            "Replies queued to send (pending or being sent), at the last scrape",
            registry=on,
        )
        self._outbox_oldest = Gauge(
            "borderdesk_outbox_oldest_age_seconds",
            "Age of the oldest queued reply at the last scrape (0: none queued)",
            registry=on,
        )
        self._polling = Gauge(
            "borderdesk_polling_leader",
            "1 while this process is the one of the desk that polls the channel "
            "(Telegram: one getUpdates poller per bot), 0 while another one does",
            ["channel"],
            registry=on,
        )
        self._dead_letters = Gauge(
            "borderdesk_dead_letters",
            "Replies given up on and kept for staff to retry, at the last scrape",
            registry=on,
        )

    def message_in(self, channel: str) -> None:
        self._messages_in.labels(channel=channel).inc()

    def card_posted(self) -> None:
        self._cards_posted.inc()

    def decided(self, outcome: str) -> None:
        self._decisions.labels(outcome=outcome).inc()

    @contextmanager
    def classifying(self) -> Iterator[None]:
        """Times the block (reading a message, suggesting an answer) into the histogram."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self._classify.observe(time.perf_counter() - started)

    def translation_failed(self, reason: str) -> None:
        self._translation_failures.labels(reason=reason).inc()

    def outbox_seen(self, *, depth: int, oldest_age: float, dead: int) -> None:
        """What storage says of the outbox now (``bot.storage.backlog``)."""
        self._outbox_depth.set(depth)
        self._outbox_oldest.set(oldest_age)
        self._dead_letters.set(dead)

    def polling(self, channel: str, leading: bool) -> None:
        """Whether this process polls ``channel`` now (``bot.storage.leader``)."""
        self._polling.labels(channel=channel).set(1 if leading else 0)

    def exposition(self) -> bytes:
        """Every metric in the Prometheus text format."""
        return generate_latest(self.registry)
