"""How long a shopper has to send an item back: the store's return window, from the desk file.

"Quanti giorni ho per fare il reso?" is a question about the store's own term, so the
answer states it only when the desk file sets it (``shipping.returns.window_days``, read by
``bot.desk``), counted from delivery, in the shopper's language with the number's plural
form (Babel's CLDR rules: "30 дней", "21 день", "14 dni", "30 يومًا"). Without it the answer
says that the team confirms the last day (``replies.facts.return_questions``).

    terms = with_return_window(parse_shipping({}), 30)
    return_window(terms, "it")   # "Hai 30 giorni dalla consegna per restituire un articolo."
    return_window(ShippingTerms(), "it")   # "" (not set)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from babel import Locale

from replies.facts.names import day_text
from replies.facts.terms import ReturnTerms, ShippingTerms

# the longest window a desk file may set: a year
LONGEST_WINDOW = 365


@dataclass(frozen=True)
class ReturnTermsWithWindow(ReturnTerms):
    """The return terms with the number of days from delivery to send an item back."""

    window_days: int | None = None


def with_return_window(terms: ShippingTerms, days: int | None) -> ShippingTerms:
    """``terms`` whose return terms carry ``days`` (None: the window is not set)."""
    if days is None:
        return terms
    returns = terms.returns
    window = ReturnTermsWithWindow(
        postage=returns.postage, exchanges=returns.exchanges, window_days=days
    )
    return replace(terms, returns=window)


def window_days(terms: ShippingTerms) -> int | None:
    """The store's return window in days, or None when the desk file does not set it."""
    return getattr(terms.returns, "window_days", None)


# language -> (the sentence, the word for "day" by CLDR plural category; "other" is the
# fallback). Languages that do not inflect it after a number write it in the sentence.
_WINDOW: dict[str, tuple[str, dict[str, str]]] = {
    "en": (
        "You can send items back within {n} {unit} of delivery.",
        {"one": "day", "other": "days"},
    ),
    "es": (
        "Tienes {n} {unit} desde la entrega para devolver un artículo.",
        {"one": "día", "other": "días"},
    ),
    "fr": (
        "Vous disposez de {n} {unit} à compter de la livraison pour nous retourner un article.",
        {"one": "jour", "other": "jours"},
    ),
    "de": (
        "Sie können Artikel innerhalb von {n} {unit} nach der Zustellung zurückschicken.",
        {"one": "Tag", "other": "Tagen"},
    ),
    "it": (
        "Hai {n} {unit} dalla consegna per restituire un articolo.",
        {"one": "giorno", "other": "giorni"},
    ),
    "pt": (
        "O prazo para devolver um item é de {n} {unit} a partir da entrega.",
        {"one": "dia", "other": "dias"},
    ),
    "nl": (
        "Je kunt artikelen binnen {n} {unit} na de bezorging terugsturen.",
        {"one": "dag", "other": "dagen"},
    ),
    "pl": (
        "Na zwrot produktu masz {n} {unit} od doręczenia.",
        {"one": "dzień", "few": "dni", "many": "dni", "other": "dnia"},
    ),
    "ru": (
        "На возврат товара у вас есть {n} {unit} со дня доставки.",
        {"one": "день", "few": "дня", "many": "дней", "other": "дня"},
    ),
    "tr": ("Ürünleri teslimattan itibaren {n} {unit} içinde iade edebilirsiniz.", {"other": "gün"}),
    "ja": ("商品はお届けから{n}日以内であれば返品いただけます。", {}),
    "ko": ("상품은 받으신 날로부터 {n}일 이내에 반품하실 수 있습니다.", {}),
    "zh": ("商品可在签收后{n}天内退货。", {}),
    "ar": (
        "يمكنك إرجاع المنتجات خلال {n} {unit} من تاريخ التسليم.",
        {"few": "أيام", "many": "يومًا", "other": "يوم"},
    ),
}


def return_window(terms: ShippingTerms, language: str) -> str:
    """The store's return window as one sentence in ``language``; empty when not set."""
    days = window_days(terms)
    if days is None:
        return ""
    sentence, units = _WINDOW.get(language, _WINDOW["en"])
    unit = ""
    if units:
        form = Locale.parse(language if language in _WINDOW else "en").plural_form(days)
        unit = units.get(form, units["other"])
    return sentence.format(n=days, unit=unit)


# language -> (the last day still ahead, the last day passed): counted from the day the
# linked order was delivered
_UNTIL: dict[str, tuple[str, str]] = {
    "en": (
        "Counted from delivery on {delivered}, you can send it back until {end}.",
        "Counted from delivery on {delivered}, the return period ended on {end}; our team "
        "will check whether it can still come back.",
    ),
    "es": (
        "Contando desde la entrega el {delivered}, puedes devolverlo hasta el {end}.",
        "Contando desde la entrega el {delivered}, el plazo de devolución terminó el {end}; "
        "nuestro equipo comprobará si todavía se puede devolver.",
    ),
    "fr": (
        "À compter de la livraison le {delivered}, vous pouvez nous le renvoyer jusqu'au {end}.",
        "À compter de la livraison le {delivered}, le délai de retour a pris fin le {end} ; "
        "notre équipe vérifiera s'il peut encore être retourné.",
    ),
    "de": (
        "Gerechnet ab der Zustellung am {delivered} können Sie den Artikel bis zum {end} "
        "zurückschicken.",
        "Gerechnet ab der Zustellung am {delivered} ist die Rückgabefrist am {end} "
        "abgelaufen; unser Team prüft, ob eine Rückgabe noch möglich ist.",
    ),
    "it": (
        "Contando dalla consegna del {delivered}, puoi restituirlo fino al {end}.",
        "Contando dalla consegna del {delivered}, il termine per il reso è scaduto il {end}; "
        "il nostro team verificherà se è ancora possibile restituirlo.",
    ),
    "pt": (
        "Contando a partir da entrega em {delivered}, a devolução pode ser feita até {end}.",
        "Contando a partir da entrega em {delivered}, o prazo de devolução terminou em {end}; "
        "vamos verificar se ainda é possível devolver.",
    ),
    "nl": (
        "Gerekend vanaf de bezorging op {delivered} kun je het tot en met {end} terugsturen.",
        "Gerekend vanaf de bezorging op {delivered} is de retourtermijn op {end} verlopen; "
        "ons team kijkt of terugsturen nog kan.",
    ),
    "pl": (
        "Licząc od doręczenia {delivered}, możesz odesłać produkt do {end}.",
        "Licząc od doręczenia {delivered}, termin na zwrot minął {end}; nasz zespół "
        "sprawdzi, czy zwrot jest jeszcze możliwy.",
    ),
    "ru": (
        "Считая от доставки {delivered}, товар можно вернуть до {end} включительно.",
        "Считая от доставки {delivered}, срок возврата истёк {end}; наша команда проверит, "
        "можно ли ещё вернуть товар.",
    ),
    "tr": (
        "Teslimat {delivered} tarihinde yapıldığı için ürünü {end} tarihine kadar iade "
        "edebilirsiniz.",
        "Teslimat {delivered} tarihinde yapıldığı için iade süresi {end} tarihinde doldu; "
        "ekibimiz iadenin hâlâ mümkün olup olmadığını kontrol edecek.",
    ),
    "ja": (
        "お届け日（{delivered}）から数えて、{end}までご返品いただけます。",
        "お届け日（{delivered}）から数えると、返品期限（{end}）を過ぎております。"
        "返品が可能かどうか担当者が確認いたします。",
    ),
    "ko": (
        "배송일({delivered})부터 계산하면 {end}까지 반품하실 수 있습니다.",
        "배송일({delivered})부터 계산하면 반품 기한({end})이 지났습니다. 반품이 가능한지 "
        "담당팀이 확인해 드리겠습니다.",
    ),
    "zh": (
        "从{delivered}送达起计算，您最晚可在{end}寄回商品。",
        "从{delivered}送达起计算，退货期限已于{end}结束；我们的团队会确认是否仍可退货。",
    ),
    "ar": (
        "بحساب المدة من التسليم في {delivered}، يمكنك إعادة المنتج حتى {end}.",
        "بحساب المدة من التسليم في {delivered}، انتهت مهلة الإرجاع في {end}، وسيتحقق فريقنا "
        "مما إذا كان الإرجاع لا يزال ممكنًا.",
    ),
}
# Italian elides the article before a day read with a vowel ("fino all'8 dicembre").
_ITALIAN_ELISION = re.compile(r"\b(al|del|il) (?=(?:8|11|1)\b)")


def window_end(terms: ShippingTerms, language: str, delivered_on: date | None, today: date) -> str:
    """The last day a linked order delivered on ``delivered_on`` can be sent back, as one
    sentence in ``language`` (or that it has passed, and the team checks); empty without
    the store's window or the delivery date."""
    days = window_days(terms)
    if days is None or delivered_on is None:
        return ""
    end = delivered_on + timedelta(days=days)
    ahead, passed = _UNTIL.get(language, _UNTIL["en"])
    sentence = (ahead if end >= today else passed).format(
        delivered=day_text(delivered_on, language, today=today),
        end=day_text(end, language, today=today),
    )
    if language == "it":
        sentence = _ITALIAN_ELISION.sub(_elided, sentence)
    return sentence


def _elided(found: re.Match[str]) -> str:
    """ "al 8" -> "all'8", "del 11" -> "dell'11", "il 1" -> "l'1"."""
    article = found.group(1)
    return "l'" if article == "il" else article + "l'"
