"""A cache of the trained intent model, so a desk starts in about a second.

Why: training the classifier on the ~24,700 library phrasings takes about 10 s of CPU
(30 s on a busy machine) and every ``borderdesk`` command that answers messages would pay
it at each start. Training is deterministic for a given set of examples and options, so
the trained matrices are written to a folder once and read back at the next start.

The key is a hash of everything training depends on: the ordered ``(text, intent)``
pairs of the library, the intents, the options (temperatures from the calibration data
included), the source of ``replies.classifier`` and ``replies.features`` (their
hyper-parameters and feature extraction), the word pattern the features use, and the
numpy, Python and Unicode versions. Any change: a new key, so the model is trained again
and written again.

Staff-learned examples are not part of the key: the cached model is the library's alone,
and ``SuggestionEngine.load`` teaches it the stored examples with ``learn``, oldest first,
after reading it. That is exactly what the running desk did with each of them when staff
sent it, so a restart gives the desk the model it had before, to the last bit
(``IntentClassifier.learn`` takes features in a fixed order, so it does not depend on the
process), in well under a millisecond an example. The learned examples used to be part
of the key and trained with the library, and each restart after a staff decision paid a
whole training (9-15 s; six of them in the crash test). That model was not the running
one either: training recomputes every IDF and averages the passive-aggressive epochs over
all examples, while ``learn`` gives new features the highest IDF and nudges the weights
until the example leads, so confidences moved at a restart (top intents mostly stayed).
Only a library model trained again (a new key, or a damaged file) differs from the one
it replaces, by float rounding: training visits each example's features in set order,
which follows Python's per-process string hashing.

A cached model is a single ``.npz`` file (numpy arrays, read with
``allow_pickle=False``: never pickle) whose ``meta`` array holds the JSON metadata and
vocabulary. It is written to a temporary file and renamed, so a crash or two desks
starting at once never leave half a file. A damaged, truncated or foreign file is
ignored with one logged line and the model retrained; a folder that cannot be written
is logged once and the desk goes on without a cache.

    cache = ModelCache(Path("~/.cache/borderdesk").expanduser())
    key = model_key(library_examples, {"intents": intents, "temperature": 2.0})
    classifier = cache.load(key)               # None: not cached (or unreadable)
    if classifier is None:
        classifier = IntentClassifier(library_examples, intents=intents, temperature=2.0)
        cache.save(key, classifier)
    for text, intent in learned_examples:      # never saved: the database keeps them
        classifier.learn(text, intent)
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

import replies.classifier
import replies.features
from replies.classifier import IntentClassifier
from replies.language import WORD

logger = logging.getLogger(__name__)

# Raise when the file layout changes (what ``arrays``/``from_arrays`` write and read).
FORMAT_VERSION = 1
PREFIX = "intent-model-"
# Models kept in one folder (the least recently used beyond are removed): a desk on the
# built-in library and a test desk on a library folder of its own, say, on one machine,
# or a desk on an edited library and a ``borderdesk classify`` still on the old one.
KEEP = 3
STALE_SECONDS = 3600  # a temporary file this old is what a crashed write left behind


def model_key(examples: Iterable[tuple[str, str]], options: Mapping[str, object]) -> str:
    """Hex SHA-256 of everything the trained model depends on (see the module docstring)."""
    digest = hashlib.sha256()
    parts: dict[str, object] = {
        "format": FORMAT_VERSION,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "unicode": unicodedata.unidata_version,
        "word_pattern": WORD.pattern,
        "options": options,
    }
    digest.update(json.dumps(parts, sort_keys=True, default=repr).encode())
    for module in (replies.classifier, replies.features):
        digest.update(Path(module.__file__ or "").read_bytes())
    for text, intent in examples:
        digest.update(json.dumps([text, intent]).encode())
    return digest.hexdigest()


class ModelCache:
    """Trained classifiers in ``folder``, one ``.npz`` file per key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._writable = True

    def path(self, key: str) -> Path:
        return self.folder / f"{PREFIX}{key[:32]}.npz"

    def load(self, key: str) -> IntentClassifier | None:
        """The classifier cached under ``key``, or None (not cached, or unreadable: then
        one line is logged and the caller trains)."""
        path = self.path(key)
        try:
            with np.load(path, allow_pickle=False) as stored:
                meta = json.loads(stored["meta"].tobytes().decode())
                if meta.get("key") != key:
                    raise ValueError("the file belongs to another model")
                model = IntentClassifier.from_arrays(
                    meta, {name: stored[name] for name in stored.files if name != "meta"}
                )
        except (FileNotFoundError, NotADirectoryError):  # not cached yet (save says why)
            return None
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
            logger.warning("ignoring the cached intent model %s (%s); training it again", path, exc)
            return None
        try:
            os.utime(path)  # recently used: kept when old models are removed
        except OSError:
            pass
        return model

    def save(self, key: str, model: IntentClassifier) -> None:
        """Write ``model`` under ``key`` atomically; a folder that cannot be written is
        logged once and the desk goes on without a cache."""
        if not self._writable:
            return
        meta, matrices = model.arrays()
        meta = {**meta, "key": key, "format": FORMAT_VERSION}
        encoded = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8)
        temporary: Path | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=PREFIX, suffix=".tmp", dir=self.folder)
            temporary = Path(name)
            with os.fdopen(handle, "wb") as file:
                arrays: dict[str, Any] = {"meta": encoded, **matrices}
                np.savez(file, allow_pickle=False, **arrays)
            os.replace(temporary, self.path(key))
            temporary = None
        except OSError as exc:
            self._writable = False
            logger.warning(
                "cannot write the intent model cache in %s (%s); set BORDERDESK_MODEL_CACHE "
                "to a writable folder, or to 'off'. Going on without a cache",
                self.folder,
                exc,
            )
        finally:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
        self._remove_old()

    def _remove_old(self) -> None:
        """Keep the ``KEEP`` most recently used models (each is tens of megabytes), and
        remove temporary files a crashed write left (not the one another desk starting at
        the same time is writing: only those untouched for ``STALE_SECONDS``)."""
        try:
            models = sorted(
                self.folder.glob(f"{PREFIX}*.npz"), key=lambda p: p.stat().st_mtime, reverse=True
            )
            for old in models[KEEP:]:
                old.unlink(missing_ok=True)
            for partial in self.folder.glob(f"{PREFIX}*.tmp"):
                if time.time() - partial.stat().st_mtime > STALE_SECONDS:
                    partial.unlink(missing_ok=True)
        except OSError as exc:
            logger.warning("cannot remove old intent models from %s: %s", self.folder, exc)
