"""Features that survive how shoppers type: no accents, umlauts spelled out, emoji, typos."""

from __future__ import annotations

from replies.classifier import IntentClassifier
from replies.features import features, fold


def shared(a: str, b: str) -> float:
    """Share of ``a``'s distinct features that ``b`` has too."""
    fa, fb = set(features(a)), set(features(b))
    return len(fa & fb) / len(fa)


def test_accents_are_folded_and_the_written_word_is_kept_as_well() -> None:
    assert "wreembolso" in features("reembolsó") and "areembolsó" in features("reembolsó")
    assert "wreembolso" in features("reembolso") and "areembolso" not in features("reembolso")


def test_a_spelled_out_umlaut_meets_the_umlaut() -> None:
    assert "wrueckgabe" in features("Rückgabe") and "wrueckgabe" in features("Rueckgabe")
    assert "wruckgabe" in features("Rückgabe") and "wgroesse" in features("Größe")


def test_emoji_are_features_of_their_own() -> None:
    assert "e😡" in features("where is my order 😡") and "e🙏" in features("thanks 🙏")


def test_a_typo_keeps_most_character_ngrams() -> None:
    assert shared("where is my package", "wher is my pakage") > 0.5


def test_fold_unifies_case_accents_and_arabic_letter_forms() -> None:
    assert fold("ÉTÉ Größe") == "ete grosse"
    assert fold("إرجاع") == fold("ارجاع")


def test_an_unaccented_message_is_read_like_the_accented_examples() -> None:
    clf = IntentClassifier(
        [
            ("¿dónde está mi pedido?", "track_order"),
            ("¿cuándo llegará mi envío?", "track_order"),
            ("quiero cancelar la compra", "cancel_order"),
            ("cancelen mi pedido por favor", "cancel_order"),
        ]
    )
    assert clf.rank("donde esta mi pedido", language="es")[0][0] == "track_order"
