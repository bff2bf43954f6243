"""The scripted day of ``borderdesk demo``: who writes, what they write, what staff do.

Each step names the answer staff expect, so the demo stays meaningful whatever the
engine suggests: a "send" on a card with no suggestion becomes "other answer".
Shoppers with an order at the shop (``bot.demo_orders``) write its number and their
e-mail, which links it to them; one writes on WhatsApp, whose number (verified by Meta)
is the one on his order, which links it without a word about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from bot.desk import DisputePolicy, ReturnRegion
from bot.models import MessageKind


@dataclass(frozen=True)
class Step:
    time: str  # HH:MM, UTC, on the demo day
    shopper: str
    chat_id: str
    language_code: str  # what Telegram reports for the user's app
    text: str
    expected: str  # the answer staff want to give (intent id)
    action: str  # send | edit | other | escalate | ignore | thread | manager | take | none
    staff: str = "Lee"
    kind: MessageKind = MessageKind.TEXT
    attachment: str | None = None
    staff_text: str | None = None  # edit addition, or thread reply text
    message_id: int = 0  # 0: next id in this chat
    command: str | None = None  # a /borderdesk command staff type after reading the card
    # the channel the shopper writes on; on WhatsApp ``chat_id`` is their number (its
    # country and a language hint come from it, and the order placed with it is theirs)
    channel: str = "telegram"
    # how long before ``time`` the shopper wrote: a WhatsApp message Meta delivers again
    # after the desk was down, whose 24-hour reply window has closed meanwhile
    written_before: timedelta = timedelta(0)


# fmt: off
DAY: tuple[Step, ...] = (
    Step(
        "08:55", "Ana García", "5101", "es", "/start", "greeting", "none", kind=MessageKind.COMMAND
    ),
    Step(
        "09:02",
        "Ana García",
        "5101",
        "es",
        "Hola, ¿dónde está mi pedido #A10293? Lo pedí hace dos semanas.",
        "track_order",
        "send",
    ),
    Step(
        "09:10",
        "Lukas Müller",
        "5102",
        "de",
        "Das Paket kam heute beschädigt an, die Tasse ist zerbrochen. Bestellung #B20411",
        "damaged_item",
        "escalate",
    ),
    Step(
        "09:25",
        "Yuki Tanaka",
        "5103",
        "ja",
        "スニーカーのサイズについて質問です。US 9 は日本のサイズで何センチですか？",
        "size_conversion",
        "send",
        staff="Priya",
        command="shifts",  # who is on shift now, and the day's gaps per language
    ),
    Step(
        "09:40",
        "Chloé Martin",
        "5104",
        "fr",
        "Bonjour, j'ai reçu un pull bleu au lieu du rouge que j'avais commandé.",
        "wrong_item",
        "escalate",
        staff="Priya",
    ),
    Step(
        "09:50",
        "Jonas Weber",
        "5116",
        "de",
        "Hallo, wo ist meine Bestellung #10421? Meine E-Mail ist jonas.weber@example.de",
        "track_order",
        "send",
    ),
    Step(
        "10:05",
        "Wei Zhang",
        "5105",
        "zh",
        "你好，我的包裹已经三个星期了还没到，物流信息一直没有更新。",
        "delivery_delay",
        "edit",
        staff_text="我们已经联系了承运商，明天会给您最新消息。",
    ),
    Step(
        "10:30",
        "Giulia Rossi",
        "5106",
        "it",
        "Il frullatore non si accende più dopo due giorni, guardate la foto.",
        "product_defect",
        "escalate",
        kind=MessageKind.PHOTO,
    ),
    Step(
        "10:45",
        "Élodie Bernard",
        "5117",
        "fr",
        "Bonjour, je voudrais modifier ma commande #10437 : deux tasses au lieu d'une. "
        "Mon e-mail : elodie.bernard@example.fr",
        "change_order",
        "edit",
        staff="Priya",
        staff_text="C'est noté : deux tasses. Votre colis part cet après-midi.",
    ),
    Step(
        "11:00",
        "Ivan Petrov",
        "5107",
        "ru",
        "Нужно ли платить таможенную пошлину при доставке в Россию?",
        "customs_duties",
        "send",
    ),
    Step(
        "11:20",
        "João Silva",
        "5108",
        "pt-br",
        "Oi, o boleto venceu, e agora?",
        # the suggestion (a payment problem: send us the details) is right, but Priya
        # would rather tell João how else he can pay: another answer, in one click
        "check_payment_methods",
        "other",
        staff="Priya",
    ),
    Step(  # the rating question came at 11:21 (her card was answered two hours before)
        "11:30", "Ana García", "5101", "es", "5 ¡muy rápido, gracias!", "greeting", "none"
    ),
    Step(
        "11:40",
        "Carmen Ruiz",
        "5118",
        "es",
        "Hola, ¿me podéis enviar la factura del pedido #10398? Mi correo es carmen.ruiz@example.es",
        "get_invoice",
        "send",
    ),
    Step(
        "11:55",
        "Carmen Ruiz",
        "5118",
        "es",
        # plainly a lost parcel ("delivered", yet nothing came): "still not here, tracking
        # stuck for two weeks" reads as lost or late, a close call left to staff
        "Correos dice que mi pedido #10398 está entregado, pero aquí no ha llegado nada. "
        "¿Se ha perdido?",
        "lost_package",
        "escalate",
    ),
    Step(
        "12:05",
        "Fatima Haddad",
        "5109",
        "ar",
        "مرحبا، هل يعمل هذا المجفف على كهرباء 220 فولت في المغرب؟",
        "voltage_plug",
        "send",
    ),
    Step(
        "12:30",
        "Victor Hale",
        "5119",
        "en",
        "I want a full refund for order #10412 today, or I will leave one-star reviews on every "
        "site. Email: v.hale@example.com",
        "get_refund",
        "none",
        command='block #10412 extortion "threatened a bad review unless refunded"',
    ),
    Step(
        "12:50",
        "Victor Hale",
        "5119",
        "en",
        "I want my money back for order #10412. Refund me now.",
        "get_refund",
        "manager",
    ),
    Step(
        "13:15",
        "Emma Wilson",
        "5110",
        "en",
        "Hi, I'd like to cancel order #C55120 please, I picked the wrong colour.",
        "cancel_order",
        "send",
    ),
    Step(
        "13:17",
        "Emma Wilson",
        "5110",
        "en",
        "Actually, could you switch it to the green one instead of cancelling?",
        "change_order",
        "thread",
        staff_text="No problem Emma, I've switched order #C55120 to green before it shipped.",
    ),
    Step(
        "13:30",
        "Rafael Oliveira",
        "5511987654321",  # his WhatsApp id: the number he ordered #10445 with
        "",  # WhatsApp gives no language: the +55 number hints Portuguese
        "Oi! Quero rastrear meu pedido, por favor.",
        "track_order",
        "send",
        channel="whatsapp",
    ),
    Step(
        "13:40",
        "Luiza Costa",
        "5521998877665",
        "",
        "Oi, quanto tempo demora a entrega para o Brasil?",
        "delivery_period",
        "send",
        channel="whatsapp",
        # written yesterday at 12:10, while the desk was down: the reply is too late for
        # free text and goes as the store's update template
        written_before=timedelta(hours=25, minutes=30),
    ),
    Step(
        "14:40",
        "Sven de Vries",
        "5111",
        "nl",
        "Mijn pakket is nooit aangekomen, maar de track & trace zegt dat het bezorgd is.",
        "lost_package",
        "escalate",
        staff="Priya",
    ),
    Step(
        "15:05", "Kasia Nowak", "5112", "pl", "Dziękuję bardzo za szybką pomoc!", "thanks", "none"
    ),
    Step(
        "15:30",
        "Min-jun Kim",
        "5113",
        "ko",
        "환불 신청한 지 일주일이 지났는데 아직 돈이 안 들어왔어요.",
        "track_refund",
        "send",
    ),
    Step(  # one of his four cups: sending it back would cost more than it is worth
        "16:00",
        "Jonas Weber",
        "5116",
        "de",
        "Eine der Teetassen aus Bestellung #10421 ist zerbrochen angekommen.",
        "damaged_item",
        "settle",
    ),
    Step(
        "16:30",
        "Mehmet Yılmaz",
        "5114",
        "tr",
        "",
        "thanks",
        "ignore",
        kind=MessageKind.STICKER,
        attachment="👍",
    ),
    Step(
        "21:40",
        "Beatriz Souza",
        "5115",
        "pt-br",
        "Oi! Meu pedido #D77812 chegou sem o carregador do fone.",
        "missing_item",
        "take",  # nobody reading Portuguese is on shift: Lee, still online, takes it
    ),
)

# At 16:45 the warehouse works through Lukas's broken mug: acknowledge, then resolve with a
# root cause; the inbox confirms the prepared update for the shopper.
RESOLUTION = (
    "16:45",
    "Mei",
    "packing",
    "A new mug was sent today with extra padding; glassware is now double-boxed.",
)

# Ana's app sends her 09:02 message twice (a flaky connection): it must be stored once.
DUPLICATE_OF = 1
# A second staff member clicks Send on Ana's card after it was sent: nothing is sent twice.
DOUBLE_CLICK_OF = 1

# The demo's support team, as the desk file's ``agents:`` would name them (used when the
# desk file names none): Lee in Berlin, Priya in Bangalore. Each new card goes to the one
# on shift who reads the shopper's language; a shopper writing when neither is on is told
# when the next one comes on.
AGENTS = {
    "ULEE000000": {
        "name": "Lee",
        "languages": ["en", "es", "de", "fr", "it", "pt", "nl", "pl", "tr"],
        "timezone": "Europe/Berlin",
        "hours": {"mon-fri": "09:00-18:00"},
    },
    "UPRIYA0000": {
        "name": "Priya",
        "languages": ["en", "ja", "ko", "zh"],
        "timezone": "Asia/Kolkata",
        "hours": {"mon-sat": "12:30-21:30"},
    },
}

# The demo's return costs and settlements, as the desk file's ``disputes:`` would give them
# (used when the desk file has none): a damaged cup worth 17.90 EUR is refunded and kept
# rather than shipped back from Germany for 6.50 EUR.
DISPUTES = DisputePolicy(
    currency="EUR",
    regions=(
        ReturnRegion("DE", frozenset({"DE"}), Decimal("6.50")),
        ReturnRegion("the rest of the EU", frozenset(), Decimal("12.00"), eu=True),
    ),
    default_cost=Decimal("25.00"),
    keep_it_under=Decimal("30.00"),
    partial_refunds=(20, 50),
    reship=True,
)
