from __future__ import annotations

from replies.classifier import IntentClassifier, features

EXAMPLES = [
    ("where is my parcel", "track_order"),
    ("track my package", "track_order"),
    ("cancel my order", "cancel_order"),
    ("please cancel the purchase", "cancel_order"),
    ("荷物はどこですか", "track_order"),
    ("注文をキャンセル", "cancel_order"),
]


def test_features_cover_cjk_without_spaces_and_fold_accents_and_numbers() -> None:
    assert "荷物" in features("荷物はどこ")
    assert "wrembourse" in features("remboursé") and "w0" in features("order 12345")


def test_ranks_with_confidences_that_sum_to_one() -> None:
    clf = IntentClassifier(EXAMPLES)
    ranked = clf.rank("where is my package?")
    assert ranked[0][0] == "track_order"
    assert abs(sum(score for _, score in ranked) - 1) < 1e-9
    assert clf.rank("注文をキャンセルしたい")[0][0] == "cancel_order"


def test_learning_matches_training_from_scratch_for_known_features() -> None:
    learned = IntentClassifier(EXAMPLES)
    learned.learn("cancel the parcel", "cancel_order")
    assert learned.rank("cancel the parcel")[0][0] == "cancel_order"


def test_intents_without_examples_are_ranked_too() -> None:
    clf = IntentClassifier(EXAMPLES, intents=["greeting"])
    assert "greeting" in dict(clf.rank("hello"))


def test_a_copy_scores_alike_and_learning_in_it_never_reaches_the_original() -> None:
    original = IntentClassifier(EXAMPLES)
    twin = original.copy()
    assert twin.rank("where is my package?") == original.rank("where is my package?")
    before = original.rank("zorbly the parcel")
    for _ in range(3):
        twin.learn("zorbly the parcel", "cancel_order")  # a word new to both
    assert twin.rank("zorbly the parcel")[0][0] == "cancel_order"
    assert original.rank("zorbly the parcel") == before
    assert "zorbly" not in original._vocab  # noqa: SLF001 (the copy's vocabulary is its own)
