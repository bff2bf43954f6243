"""The demo's offline stand-in translator: its own sentences translated (order numbers and
e-mails kept whole), anything else "unavailable", and never a paused translator."""

from __future__ import annotations

from bot.demo_phrasebook import TO_ENGLISH, demo_phrasebook
from bot.translation import MemoryTranslationCache, Translator
from bot.translation.phrasebook import UNKNOWN_SENTENCE


def translator() -> Translator:
    return Translator("demo", cache=MemoryTranslationCache(), backend=demo_phrasebook())


async def test_a_demo_sentence_is_translated_with_its_order_number_and_email_whole() -> None:
    text = (
        "Hola, ¿me podéis enviar la factura del pedido #10398? Mi correo es carmen.ruiz@example.es"
    )
    result = await translator().translate(text, source="es", target="en")
    assert result.ok and result.provider == "demo"
    assert result.text == (
        "Hi, could you send me the invoice for order #10398? My e-mail is carmen.ruiz@example.es"
    )


async def test_every_demo_sentence_has_its_translation() -> None:
    tr = translator()
    for language, sentences in TO_ENGLISH.items():
        for original, english in sentences.items():
            result = await tr.translate(original, source=language, target="en")
            assert (result.ok, result.text) == (True, english), original


async def test_anything_else_is_unavailable_and_never_pauses_the_translator() -> None:
    tr = translator()
    for _ in range(10):
        result = await tr.translate("Wo bleibt mein Paket?", source="de", target="en")
        assert not result.ok and result.error == UNKNOWN_SENTENCE
        assert result.text == "Wo bleibt mein Paket?"
    assert tr.circuit.value == "closed"
