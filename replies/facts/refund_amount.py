""" "Do I get all my money back, or do you deduct the shipping?": answered, not skipped.

A refund-policy answer said how refunds are paid and left out the question the shopper
asked, whether the whole amount comes back. The desk file sets who pays a return's postage
(``shipping.returns.postage``, said by ``replies.facts.returns``) but nothing about the
original delivery charge, so that part is left to the team, said in one sentence, never
promised. Left out (empty) when the message does not ask about the amount. The other questions a
return, refund or cancellation asks about its terms ("I opened it, can I still return
it?", "money back or a voucher?") are answered beside it (``replies.facts.return_questions``),
so ``{refund_amount}`` is where those answers write what they are asked.

    refund_amount("full refund or minus shipping?", "en")
    # "Whether the original delivery charge is refunded too, or anything is deducted from
    #  the refund, our team will confirm for your order."
"""

from __future__ import annotations

import re
from datetime import date

from replies.facts.return_questions import asks_shipping_again, return_questions
from replies.facts.return_window import window_days, window_end
from replies.facts.terms import ShippingTerms
from replies.features import fold

# The whole amount, a deduction, or the shipping cost asked about, in the 14 languages
# (matched on the accent-folded message).
_ASKS = re.compile(
    "|".join(
        (
            r"full refund|whole (?:amount|money|thing)|all (?:my|the|of my) money|deduct|"
            r"minus (?:the )?(?:shipping|postage)|shipping (?:cost|fee)s? (?:refunded|back|too)|"
            r"keep the shipping|refund the shipping",
            r"dinero entero|todo el dinero|reembolso (?:completo|total|integro)|descont|"
            r"restais|restan|el envio tambien|gastos de envio",
            r"totalite|integralement|integral|tout l'argent|dedui|deduct|retenu|frais de port|"
            r"frais de livraison|frais d'envoi",
            r"ganzen betrag|vollen betrag|volle betrag|komplett (?:zuruck|erstatt)|abgezogen|"
            r"abziehen|versandkosten",
            r"rimborso (?:e )?(?:totale|completo|intero)|tutti i soldi|tratten|detra|"
            r"scalat|scalare|"
            r"spese di spedizione",
            r"reembolso (?:total|integral)|dinheiro todo|todo o dinheiro|desconta|frete",
            r"volledige bedrag|hele bedrag|alles terug|afgetrokken|aftrekken|verzendkosten",
            r"ca[lł]a kwot|ca[lł]ej kwoty|pe[lł]ny zwrot|pe[lł]en zwrot|odlicz|potrac|"
            r"koszt(?:y|ow)? wysy[lł]ki",
            r"всю сумму|полностью вернет|полн\w* возврат|вычт|удерж|стоимость доставки",
            r"tamami|tamamini|tam iade|kesinti|kesecek|dusecek|kargo ucreti",
            r"全額|差し引|送料",
            r"전액|차감|배송비|빼고",
            r"全额|全部退|扣除|扣掉|运费",
            r"المبلغ كامل|كامل المبلغ|خصم|تخصم|رسوم الشحن|مصاريف الشحن",
        )
    ),
    re.IGNORECASE,
)

_TEAM_CONFIRMS: dict[str, str] = {
    "en": "Whether the original delivery charge is refunded too, or anything is deducted from "
    "the refund, our team will confirm for your order.",
    "es": "Nuestro equipo te confirmará si también se reembolsan los gastos de envío originales "
    "o si se descuenta algo del reembolso.",
    "fr": "Notre équipe vous confirmera si les frais de livraison initiaux sont aussi "
    "remboursés ou si quelque chose est déduit du remboursement.",
    "de": "Ob auch die ursprünglichen Versandkosten erstattet werden oder etwas von der "
    "Erstattung abgezogen wird, bestätigt Ihnen unser Team für Ihre Bestellung.",
    "it": "Il nostro team ti confermerà se vengono rimborsate anche le spese di spedizione "
    "iniziali o se viene trattenuto qualcosa dal rimborso.",
    "pt": "Nossa equipe vai confirmar se o frete original também é reembolsado ou se algo é "
    "descontado do reembolso.",
    "nl": "Ons team laat je weten of de oorspronkelijke verzendkosten ook worden terugbetaald "
    "of dat er iets van de terugbetaling wordt afgetrokken.",
    "pl": "Nasz zespół potwierdzi, czy zwracamy też pierwotny koszt wysyłki i czy coś zostanie "
    "potrącone z kwoty zwrotu.",
    "ru": "Наша команда подтвердит, возвращается ли также стоимость первоначальной доставки и "
    "удерживается ли что-то из суммы возврата.",
    "tr": "İlk gönderimin kargo ücretinin de iade edilip edilmeyeceğini ve iadeden bir kesinti "
    "yapılıp yapılmayacağını ekibimiz teyit edecek.",
    "ja": "最初の送料も返金の対象となるか、また返金額から差し引かれるものがあるかは、"
    "担当者が確認のうえご連絡いたします。",
    "ko": "처음 결제하신 배송비도 환불되는지, 환불 금액에서 차감되는 부분이 있는지는 담당자가 "
    "확인해 안내해 드리겠습니다.",
    "zh": "最初支付的运费是否一并退还、退款中是否会扣除费用，我们的团队会确认后告知您。",
    "ar": "سيؤكد لك فريقنا ما إذا كانت رسوم الشحن الأصلية تُسترد أيضًا وما إذا كان سيُخصم شيء "
    "من المبلغ المسترد.",
}


def asks_refund_amount(text: str) -> bool:
    """Whether ``text`` asks if the whole amount is refunded or something is deducted."""
    return bool(_ASKS.search(fold(text)))


def refund_amount(
    text: str,
    language: str,
    *,
    terms: ShippingTerms | None = None,
    delivered_on: date | None = None,
    today: date | None = None,
    window_told: bool = False,
) -> str:
    """The answers to what ``text`` asks about a return's or a refund's terms, in
    ``language``: how much is refunded, and the questions of ``replies.facts.return_questions``
    (the return period, an opened item, a lost box or receipt, no label, where the money
    goes, shipping paid again); empty when it asks none. With the store's ``terms`` and
    the day the linked order was delivered, "how many days do I have?" is answered with the
    last day (``replies.facts.return_window``). ``window_told``: the answer states the
    store's window already (its return postage sentence opens with it), so without a
    delivery date "how many days?" adds nothing, rather than "the team confirms the last
    day" beside "you have 30 days"."""
    last_day = ""
    if terms is not None and today is not None:
        last_day = window_end(terms, language, delivered_on, today)
    told = window_told and terms is not None and window_days(terms) is not None
    others = return_questions(text, language, last_day=last_day, days_told=told)
    # "pagar envío otra vez?" asks about paying shipping again, not about a refund of it
    amount = asks_refund_amount(text) and not asks_shipping_again(text)
    sentences = [_TEAM_CONFIRMS.get(language, _TEAM_CONFIRMS["en"])] if amount else []
    if others:
        sentences.append(others)
    return ("" if language in ("ja", "zh") else " ").join(sentences)
