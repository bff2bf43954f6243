"""A shopper who asks for a receipt gets a receipt, not an invoice made out to a company.

"領収書を発行していただけますか" was promised a "請求書" (a bill asking for payment) and asked
for the company's address and tax number (sendability set 4 #53, issue 15). A receipt
proves a payment already made: nothing about a company is needed for it, and in Japanese
only the name it is made out to (宛名): asked when the message does not give one,
confirmed when it does.

- ``receipt_values``: for the invoice answers, the ``{company_ask}`` of a receipt: empty,
  or in Japanese the 宛名 when the message gives no name;
- ``receipt_wording``: the reply names the receipt where the language has a word of its
  own that the invoice word would contradict (Japanese 領収書 not 請求書, Korean 영수증
  not 청구서/인보이스, English "receipt", German "Quittung"; both German words are
  feminine, so the sentence around them stays right). Elsewhere the invoice is what a
  shop sends as a receipt (facture, factura, fattura, fatura, factuur, faktura, 发票), and
  its word is kept.

A message that names an invoice too ("領収書と請求書", "receipt or invoice") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from replies.facts.mentions import COMPANY_NAME, message_gives

INVOICE_INTENTS = frozenset({"get_invoice", "check_invoice"})

_RECEIPT = re.compile(
    r"receipt|quittung|\bre[çc]u\b|recibo|comprovante|ricevuta|scontrino|kassabon|bonnetje"
    r"|betaalbewijs|ontvangstbewijs|paragon|квитанц|\bчек\b|makbuz|領収書|領収証|レシート"
    r"|영수증|收据|收據|إيصال"
)
_INVOICE = re.compile(
    r"invoice|rechnung|facture|factura|fattura|fatura|nota\s*fiscal|factuur|faktur|счёт|счет"
    r"|fatura|請求書|インボイス|適格|세금계산서|인보이스|청구서|发票|發票|فاتورة"
)
# The Japanese receipt's addressee, when the message names none.
_ADDRESSEE = re.compile(r"宛名|様|御中|株式会社|有限会社|\(株\)|（株）")
_ADDRESSEE_ASK = "領収書の宛名（会社名など）にご指定がございましたら、お知らせください。"
# The addressee the message names ("宛名は「株式会社ミナト商会」で"), confirmed back.
_NAMED_ADDRESSEE = re.compile(
    r"宛名[はを]?\s*[「『]?(?P<name>[^」』。、\s]{2,40}?)[」』]?\s*(?:で|にて|宛|と)"
)
_ADDRESSEE_TAKEN = "宛名は「{name}」にて承りました。"

# The invoice word and the receipt word of the reply, where they differ in kind.
_WORDS: Mapping[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "ja": ((re.compile(r"請求書"), "領収書"),),
    "ko": (
        (re.compile(r"(?:인보이스|청구서)는"), "영수증은"),
        (re.compile(r"(?:인보이스|청구서)가"), "영수증이"),
        (re.compile(r"(?:인보이스|청구서)를"), "영수증을"),
        (re.compile(r"(?:인보이스|청구서)와"), "영수증과"),
        (re.compile(r"(?:인보이스|청구서)로"), "영수증으로"),
        (re.compile(r"인보이스|청구서"), "영수증"),
    ),
    "en": (
        (re.compile(r"\binvoices\b"), "receipts"),
        (re.compile(r"\binvoice\b"), "receipt"),
    ),
    "de": (
        (re.compile(r"\bRechnungen\b"), "Quittungen"),
        (re.compile(r"\bRechnung\b"), "Quittung"),
    ),
}


def asks_for_receipt(text: str) -> bool:
    """Whether the message asks for a receipt, and not for an invoice."""
    lowered = text.lower()
    return bool(_RECEIPT.search(lowered)) and not _INVOICE.search(lowered)


def receipt_values(intents: Iterable[str], text: str, language: str) -> dict[str, str]:
    """The ``{company_ask}`` of an invoice answer (``intents``: the message's reading, first
    and further questions) to a receipt request; nothing otherwise."""
    if not INVOICE_INTENTS & set(intents) or not asks_for_receipt(text):
        return {}
    if language == "ja":
        if named := _NAMED_ADDRESSEE.search(text):
            return {"company_ask": _ADDRESSEE_TAKEN.format(name=named.group("name"))}
        if not (_ADDRESSEE.search(text) or COMPANY_NAME in message_gives(text)):
            return {"company_ask": _ADDRESSEE_ASK}
    return {"company_ask": ""}


def receipt_wording(reply: str, language: str, text: str) -> str:
    """``reply`` naming a receipt instead of an invoice when the message asks for one."""
    words = _WORDS.get(language)
    if not words or not asks_for_receipt(text):
        return reply
    for pattern, receipt in words:
        reply = pattern.sub(receipt, reply)
    return reply
