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

from dataclasses import dataclass, replace

from babel import Locale

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
