"""The demo's sentences in the staff language, for its offline stand-in translator.

Translations of the scripted day's shopper messages into English (so an English-speaking
owner reads every card), and of the department's resolution note into the shopper's
language (so the prepared update reads as one language). Written for the demo; any other
text gets "translation unavailable", as it would from a provider that is down.
"""

from __future__ import annotations

from bot.translation.phrasebook import Phrasebook

TO_ENGLISH: dict[str, dict[str, str]] = {
    "es": {
        "Hola, ¿dónde está mi pedido #A10293? Lo pedí hace dos semanas.": (
            "Hi, where is my order #A10293? I ordered it two weeks ago."
        ),
        "Hola, ¿me podéis enviar la factura del pedido #10398? Mi correo es "
        "carmen.ruiz@example.es": (
            "Hi, could you send me the invoice for order #10398? My e-mail is "
            "carmen.ruiz@example.es"
        ),
        "5 ¡muy rápido, gracias!": "5, very quick, thank you!",
        "Correos dice que mi pedido #10398 está entregado, pero aquí no ha llegado nada. "
        "¿Se ha perdido?": (
            "Correos says my order #10398 was delivered, but nothing has arrived here. "
            "Has it been lost?"
        ),
    },
    "de": {
        "Das Paket kam heute beschädigt an, die Tasse ist zerbrochen. Bestellung #B20411": (
            "The parcel arrived damaged today; the mug is broken. Order #B20411"
        ),
        "Eine der Teetassen aus Bestellung #10421 ist zerbrochen angekommen.": (
            "One of the tea cups from order #10421 arrived broken."
        ),
        "Hallo, wo ist meine Bestellung #10421? Meine E-Mail ist jonas.weber@example.de": (
            "Hello, where is my order #10421? My e-mail is jonas.weber@example.de"
        ),
    },
    "ja": {
        "スニーカーのサイズについて質問です。US 9 は日本のサイズで何センチですか？": (
            "A question about sneaker sizes: how many centimetres is US 9 in Japanese sizing?"
        ),
    },
    "fr": {
        "Bonjour, j'ai reçu un pull bleu au lieu du rouge que j'avais commandé.": (
            "Hello, I received a blue jumper instead of the red one I had ordered."
        ),
        "Bonjour, je voudrais modifier ma commande #10437 : deux tasses au lieu d'une. "
        "Mon e-mail : elodie.bernard@example.fr": (
            "Hello, I would like to change my order #10437: two mugs instead of one. "
            "My e-mail: elodie.bernard@example.fr"
        ),
    },
    "zh": {
        "你好，我的包裹已经三个星期了还没到，物流信息一直没有更新。": (
            "Hello, my parcel still hasn't arrived after three weeks, and the tracking "
            "information has not been updated at all."
        ),
    },
    "it": {
        "Il frullatore non si accende più dopo due giorni, guardate la foto.": (
            "The blender stopped switching on after two days; look at the photo."
        ),
    },
    "ru": {
        "Нужно ли платить таможенную пошлину при доставке в Россию?": (
            "Do I have to pay customs duty on deliveries to Russia?"
        ),
    },
    "pt": {
        "Oi, o boleto venceu, e agora?": "Hi, the boleto expired, what now?",
        "Oi! Meu pedido #D77812 chegou sem o carregador do fone.": (
            "Hi! My order #D77812 arrived without the headphone charger."
        ),
        "Oi! Quero rastrear meu pedido, por favor.": "Hi! I'd like to track my order, please.",
        "Oi, quanto tempo demora a entrega para o Brasil?": (
            "Hi, how long does delivery to Brazil take?"
        ),
    },
    "ar": {
        "مرحبا، هل يعمل هذا المجفف على كهرباء 220 فولت في المغرب؟": (
            "Hello, does this dryer work on 220-volt electricity in Morocco?"
        ),
    },
    "nl": {
        "Mijn pakket is nooit aangekomen, maar de track & trace zegt dat het bezorgd is.": (
            "My parcel never arrived, but the tracking says it was delivered."
        ),
    },
    "pl": {
        "Dziękuję bardzo za szybką pomoc!": "Thank you very much for your quick help!",
    },
    "ko": {
        "환불 신청한 지 일주일이 지났는데 아직 돈이 안 들어왔어요.": (
            "It has been a week since I requested a refund, and the money still hasn't come "
            "through."
        ),
    },
}

# The warehouse's resolution note, for the update prepared for the German shopper.
FROM_ENGLISH: dict[str, dict[str, str]] = {
    "de": {
        "A new mug was sent today with extra padding; glassware is now double-boxed.": (
            "Eine neue Tasse wurde heute mit zusätzlicher Polsterung verschickt; Glaswaren "
            "werden jetzt doppelt verpackt."
        ),
    },
}


def demo_phrasebook() -> Phrasebook:
    """The stand-in translator's sentences, both ways."""
    entries = {(language, "en"): sentences for language, sentences in TO_ENGLISH.items()}
    entries.update({("en", language): sentences for language, sentences in FROM_ENGLISH.items()})
    return Phrasebook(entries)
