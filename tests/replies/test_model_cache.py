"""The trained intent model is kept between desk starts: same answers, never a crash."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import replies.engine as engine_module
from bot.config import load_config
from replies.classifier import IntentClassifier
from replies.engine import SuggestionEngine
from replies.model_cache import KEEP, STALE_SECONDS, ModelCache, model_key

LANGS = ["en", "es", "fr", "de", "it", "pt", "ja", "zh"]
EXAMPLES = [
    ("where is my parcel", "track_order"),
    ("track my package", "track_order"),
    ("cancel my order", "cancel_order"),
    ("please cancel the purchase", "cancel_order"),
    ("荷物はどこですか", "track_order"),
    ("注文をキャンセル", "cancel_order"),
    ("thank you so much", "thanks"),
]
MESSAGES = ["where's my package?", "cancel it", "注文をキャンセルしたい", "thanks!", "hello"]
# staff decisions with words the model has never seen: new feature rows, in a set's order
LEARNED = [
    ("wheres my stuff mate", "track_order"),
    ("annuler la commande svp", "cancel_order"),
    ("ta very much, cheers", "thanks"),
]
ROOT = Path(__file__).resolve().parents[2]
OPTIONS: dict[str, Any] = {"intents": ["thanks"], "temperature": 2.0, "temperatures": {"ja": 1.5}}


def _trained() -> IntentClassifier:
    return IntentClassifier(EXAMPLES, **OPTIONS)


def _refuse_training(monkeypatch: pytest.MonkeyPatch) -> None:
    def train(*args: object, **kwargs: object) -> IntentClassifier:
        raise AssertionError("the model was trained although a cached one was there")

    monkeypatch.setattr(engine_module, "IntentClassifier", train)


def test_a_cached_model_ranks_exactly_like_a_freshly_trained_one(tmp_path: Path) -> None:
    fresh, cache = _trained(), ModelCache(tmp_path)
    key = model_key(EXAMPLES, OPTIONS)
    cache.save(key, _trained())
    cached = cache.load(key)
    assert cached is not None
    for language in ("en", "ja"):
        for message in MESSAGES:
            assert cached.rank(message, language) == fresh.rank(message, language)
    # staff decisions taught after the load (new features included) act the same way
    for model in (fresh, cached):
        for text, intent in LEARNED:
            model.learn(text, intent)
    for message in [*MESSAGES, "stuff mate?", "annuler"]:
        assert cached.rank(message) == fresh.rank(message)


def test_the_second_desk_start_reads_the_model_instead_of_training(
    small_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    first = SuggestionEngine.load(small_library, languages=LANGS, model_cache=folder)
    _refuse_training(monkeypatch)
    second = SuggestionEngine.load(small_library, languages=LANGS, model_cache=folder)
    for message in ["where is my parcel?", "stop my order", "thank you"]:
        assert second.suggest(message).top == first.suggest(message).top


def test_a_changed_library_or_imported_example_trains_the_model_again(
    small_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    SuggestionEngine.load(small_library, languages=LANGS, model_cache=folder)
    trained: list[int] = []
    real = engine_module.IntentClassifier

    def counting(*args: Any, **kwargs: Any) -> IntentClassifier:
        trained.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine_module, "IntentClassifier", counting)
    track = small_library / next(p.name for p in small_library.iterdir() if "track" in p.name)
    track.write_text(track.read_text().replace("case 0", "case zero"), encoding="utf-8")
    SuggestionEngine.load(small_library, languages=LANGS, model_cache=folder)
    assert trained == [1]
    assert len(list(folder.glob("*.npz"))) == 2  # the old library's model is kept (KEEP)
    # imported history is trained with the library: part of the key
    imported = [("refund me for the broken lamp", "cancel_order")]
    engine = SuggestionEngine.load(
        small_library, languages=LANGS, model_cache=folder, extra_examples=imported
    )
    assert trained == [1, 1]
    assert engine.suggest("broken lamp refund").top[0][0] == "cancel_order"


def test_a_restart_after_staff_decisions_reads_the_cache_and_learns_them_again(
    small_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (issue 16): each staff Send stored an example that was part of the model
    cache's key, so every restart after one trained the whole model again (9-15 s a start
    on the built-in library, six times in the crash test)."""
    folder = tmp_path / "cache"
    running = SuggestionEngine.load(small_library, languages=LANGS, model_cache=folder)
    (model,) = folder.glob("*.npz")
    written = model.stat().st_ino, model.read_bytes()
    message = "broken lamp refund"
    assert running.suggest(message).intent != "cancel_order"
    # staff answer two messages; the handler stores each example and teaches the desk
    learned = [("refund me for the broken lamp", "cancel_order"), ("ta muchly", "thanks")]
    for text, intent in learned:
        running.learn(text, intent)
    assert running.suggest(message).intent == "cancel_order"

    _refuse_training(monkeypatch)
    restarted = SuggestionEngine.load(
        small_library, languages=LANGS, model_cache=folder, learned_examples=learned
    )
    assert restarted.suggest(message).intent == "cancel_order"
    assert (model.stat().st_ino, model.read_bytes()) == written  # read, never rewritten
    assert list(folder.glob("*.npz")) == [model]
    # the very model the running desk had, not one like it
    (meta, matrices), (running_meta, running_matrices) = (
        engine.classifier.arrays() for engine in (restarted, running)
    )
    assert meta == running_meta
    for name, matrix in matrices.items():
        assert np.array_equal(matrix, running_matrices[name]), name
    for text in [message, "ta", "where is my parcel?", "stop my order", *(t for t, _ in learned)]:
        assert restarted.suggest(text) == running.suggest(text)


def test_learning_gives_the_same_model_in_every_process(tmp_path: Path) -> None:
    """A restart is another process, where sets of strings iterate in another order
    (``PYTHONHASHSEED``): learning the stored examples again on the cached model must
    still give the running desk's model bit for bit."""
    cache, key = ModelCache(tmp_path / "cache"), model_key(EXAMPLES, OPTIONS)
    cache.save(key, _trained())
    script = f"""
import hashlib, sys
from pathlib import Path
from replies.model_cache import ModelCache
model = ModelCache(Path({str(tmp_path / "cache")!r})).load({key!r})
for text, intent in {LEARNED!r}:
    model.learn(text, intent)
meta, matrices = model.arrays()
digest = hashlib.sha256(repr(meta).encode())
for matrix in matrices.values():
    digest.update(matrix.tobytes())
print(digest.hexdigest())
"""
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_the_key_follows_every_example_and_option() -> None:
    key = model_key(EXAMPLES, OPTIONS)
    assert model_key(list(EXAMPLES), dict(OPTIONS)) == key
    assert model_key(EXAMPLES[::-1], OPTIONS) != key  # training visits examples in order
    assert model_key([*EXAMPLES[:-1], ("thank you so much", "track_order")], OPTIONS) != key
    assert model_key([*EXAMPLES, ("merci", "thanks")], OPTIONS) != key
    assert model_key(EXAMPLES, {**OPTIONS, "temperatures": {"ja": 1.4}}) != key


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # a truncated write
        lambda data: b"not a model at all",
        lambda data: data.replace(b"track_order", b"track_other"),  # an edited file
    ],
    ids=["truncated", "garbage", "tampered"],
)
def test_a_damaged_cache_file_is_retrained_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: Any
) -> None:
    cache, key = ModelCache(tmp_path), model_key(EXAMPLES, OPTIONS)
    cache.save(key, _trained())
    path = cache.path(key)
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="replies.model_cache"):
        assert cache.load(key) is None
    assert len(caplog.records) == 1
    assert "ignoring the cached" in caplog.records[0].message
    assert str(path) in caplog.records[0].message


def test_a_damaged_cache_file_is_replaced_by_the_desk(
    small_library: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "cache"
    fresh = SuggestionEngine.load(small_library, languages=LANGS, model_cache=folder)
    (model,) = folder.glob("*.npz")
    model.write_bytes(model.read_bytes()[:1000])
    with caplog.at_level(logging.WARNING, logger="replies.model_cache"):
        again = SuggestionEngine.load(small_library, languages=LANGS, model_cache=folder)
    assert again.suggest("where is my parcel").top == fresh.suggest("where is my parcel").top
    assert len([r for r in caplog.records if "ignoring the cached" in r.message]) == 1
    assert ModelCache(folder).load(model_key([], {})) is None  # another key: just absent
    assert model.stat().st_size > 1000  # rewritten whole


def test_only_recent_models_and_no_crashed_writes_are_kept(tmp_path: Path) -> None:
    cache = ModelCache(tmp_path)
    crashed, writing = tmp_path / "intent-model-crashed.tmp", tmp_path / "intent-model-now.tmp"
    crashed.write_bytes(b"half a model")
    writing.write_bytes(b"another desk is writing this")
    os.utime(crashed, (time.time() - 2 * STALE_SECONDS,) * 2)
    keys = [model_key([*EXAMPLES, (f"thanks {i}", "thanks")], OPTIONS) for i in range(KEEP + 1)]
    for age, key in zip(range(len(keys), 0, -1), keys, strict=True):
        cache.save(key, _trained())
        os.utime(cache.path(key), (time.time() - age,) * 2)  # used in this order
    assert sorted(tmp_path.glob("*.npz")) == sorted(cache.path(key) for key in keys[1:])
    assert not crashed.exists() and writing.exists()


def test_a_folder_that_cannot_be_written_still_starts_the_desk(
    small_library: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="replies.model_cache"):
        engine = SuggestionEngine.load(small_library, languages=LANGS, model_cache=blocker / "x")
    assert engine.suggest("where is my parcel?").intent == "track_order"
    messages = [r.message for r in caplog.records]
    assert len(messages) == 1 and "BORDERDESK_MODEL_CACHE" in messages[0]
    assert blocker.read_text(encoding="utf-8") == "in the way"


def test_the_cache_folder_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_config({"BORDERDESK_MODEL_CACHE": "off"}, env_file=None).model_cache is None
    chosen = load_config({"BORDERDESK_MODEL_CACHE": str(tmp_path)}, env_file=None)
    assert chosen.model_cache == tmp_path
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert load_config({}, env_file=None).model_cache == tmp_path / "xdg" / "borderdesk"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".cache" / "borderdesk"
    assert load_config({}, env_file=None).model_cache == expected
    # "on" reads as the switch it looks like, never as a folder named "on" where it runs
    for switch in ("on", "ON", "true", "yes", "1"):
        config = load_config({"BORDERDESK_MODEL_CACHE": switch}, env_file=None)
        assert config.model_cache == expected
