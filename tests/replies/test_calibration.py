"""Per-language confidence calibration: the fit, the figures, and the file the engine reads."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from bot.config import DEFAULT_LANGUAGES
from replies.calibration import (
    CALIBRATION_FILE,
    fit_temperature,
    load_temperatures,
    reliability,
    save_temperatures,
    softmax,
)
from replies.classifier import IntentClassifier

EXAMPLES = [
    ("where is my parcel", "track_order"),
    ("track my package", "track_order"),
    ("cancel my order", "cancel_order"),
    ("please cancel the purchase", "cancel_order"),
    ("荷物はどこですか", "track_order"),
    ("注文をキャンセル", "cancel_order"),
]


def test_the_fitted_temperature_is_the_one_that_generated_the_labels() -> None:
    rng = np.random.default_rng(0)
    scores = rng.normal(0, 3, size=(4000, 5))
    probs = softmax(scores, 2.5)
    labels = np.array([rng.choice(5, p=row) for row in probs])
    assert fit_temperature(scores, labels) == pytest.approx(2.5, rel=0.1)


def test_reliability_counts_abstentions_confident_errors_and_calibration_error() -> None:
    probs = np.array([[0.9, 0.1], [0.9, 0.1], [0.4, 0.6], [0.45, 0.55]])
    labels = np.array([0, 1, 1, 0])
    r = reliability(probs, labels, threshold=0.5)
    assert r.n == 4 and r.top1 == 0.5
    assert r.abstained == 0 and r.wrong_confident == 0.5
    # bins: 0.9 (two, half right: gap 0.4), 0.6 (right: 0.4), 0.55 (wrong: 0.55)
    assert r.ece == pytest.approx((0.4 * 2 + 0.4 + 0.55) / 4)


def test_each_language_gets_its_own_temperature_and_others_the_default() -> None:
    clf = IntentClassifier(EXAMPLES, temperature=2.0, temperatures={"ja": 0.5})
    sharp = clf.rank("注文をキャンセルしたい", language="ja")[0][1]
    default = clf.rank("注文をキャンセルしたい", language="ko")[0][1]
    assert clf.rank("注文をキャンセルしたい")[0][1] == default
    assert sharp > default and clf.rank("注文をキャンセルしたい", "ja")[0][0] == "cancel_order"


def test_saved_temperatures_load_back(tmp_path: Path) -> None:
    path = tmp_path / "calibration.json"
    save_temperatures(1.5, {"en": 1.7, "zh": 1.05}, path)
    assert load_temperatures(path) == (1.5, {"en": 1.7, "zh": 1.05})


def test_a_missing_or_broken_file_is_logged_and_leaves_the_default(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    assert load_temperatures(tmp_path / "nope.json") == (None, {})
    broken = tmp_path / "broken.json"
    broken.write_text('{"default": -1, "languages": {}}', encoding="utf-8")
    assert load_temperatures(broken) == (None, {})
    assert "nope.json" in caplog.text and "positive" in caplog.text


def test_the_shipped_calibration_covers_every_default_language() -> None:
    default, temperatures = load_temperatures(CALIBRATION_FILE)
    assert default is not None
    assert set(DEFAULT_LANGUAGES) <= set(temperatures)
