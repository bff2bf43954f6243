"""When two order numbers, e-mail addresses or phone numbers are the same.

Shoppers and shops write them differently ("#A-1001", "a1001", "Ana@Example.com",
"+49 151 1234 5678", "0151 12345678"). These rules decide whether the one a shopper gives
is the one on an order (the proof that the order is theirs), whether two events are about
the same order, and whom staff mean when they search. This module is their only home:
the order import, the webhooks, the linking of a chat to its order, the customer lookup
and the profiles all compare through it, and nothing else compares order numbers, phones
or e-mails.

Order numbers are compared by ``order_key``: without spaces, "#" and "-", and in any case,
so "#A-1001", "A1001", "a-1001" and " #a1001 " are one order (and "1001" is not "10010").
The import merges an event into the order with its key; an order number a shopper types
finds that same order; the stored display form is the one the shop wrote ("#A-1001").
Rows an older import stored twice under one key stay as they are: the oldest one is the
order (the import merges into it, a message links it), the later one is reachable only
by its id. ``order_key`` is also what ``problems.order_key`` holds (migration 0006)::

    order_key("#A-1001") == order_key("a1001") == "A1001"
    shown_number("1001") == "#1001"

E-mail addresses compare without surrounding spaces and case-insensitively, by Unicode
case folding (``str.casefold``: "Straße@…" is "strasse@…"); the order import stores them
folded, and a shopper's is folded before it is compared.

Phones compare as whole numbers in E.164 (``phonenumbers``, Google's libphonenumber):
"0151 1234 5678" read in Germany is "+4915112345678", the same number as
"+49 151 12345678". A national format is read in the shopper's country (the order's), else
in the country of the other number when that one is written internationally. A number
that cannot be read as a full number (too short, no country to read it in) matches
nothing, and a suffix never does: "12345678" is not "+49 151 12345678". An order keeps the
phone as the shop wrote it, without punctuation, because its country may arrive in a
later event; a shopper's proven phone is kept in E.164::

    phones_match("0151 1234 5678", "+49 151 12345678")       # True
    phones_match("612 34 56 78", "+34612345678", "ES")         # True
    phones_match("12345678", "+4915112345678")                 # False

No stored row needs rewriting for these rules: order numbers are compared by their key
in the query itself, e-mails and phones are normalised on both sides whenever they are
compared (orders imported before e-mails were folded, only lower-cased, compare the same),
and a shopper's proven e-mail and phone were always kept normalised.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

# what an order number may be written with (the import refuses anything else)
ORDER_NUMBER = re.compile(r"[A-Za-z0-9#._/-]{1,64}")
# what an e-mail address on an order looks like (checked on import)
EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
# an e-mail address inside a shopper's message; it ends where kana, ideographs or Hangul
# start, since Japanese, Chinese and Korean glue it to the sentence without spaces:
# "メールはyuki@example.jpです" gives "yuki@example.jp", not the whole sentence
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
_EMAIL_PART = rf"[^\W{_CJK}]"
_EMAIL_IN_TEXT = re.compile(
    rf"(?:{_EMAIL_PART}|[.+'-])+@(?:{_EMAIL_PART}|-)+(?:\.(?:{_EMAIL_PART}|-)+)+"
)
# a phone number inside a shopper's message: digits with spaces, + - ( ) . / between
_PHONE_IN_TEXT = re.compile(r"\+?\d[\d\s().\-/]{6,}\d")
# what a typed phone number looks like as a whole search: digits, spaces, + - ( ) .
_PHONE_LIKE = re.compile(r"\+?[\d\s().-]{8,}")
_PHONE_PUNCTUATION = re.compile(r"[\s().-]")
_NOT_IN_KEY = re.compile(r"[\s#-]")


# an order number inside a shopper's message, after "#" or a word for "order", maybe with a
# word for "number" and an "is" between ("my order number is 55120", "mi pedido es el
# 40022", "Meu pedido é o 66301", "Sipariş numaram: 12345"); in Chinese, Japanese and
# Korean right after the word, or after the words for "order number" and a particle
# ("注文番号は12345", "订单号是 12345", "주문번호는 12345"); in Arabic after "order" ("الطلب",
# "طلبي", "الطلبية") with "number" ("رقم") before or after it ("رقم الطلب 12345"); words
# typed without their accents or in the plural ("zamowienie", "ordernummers 41002"), and
# Chinese and Japanese written in Latin letters ("dingdan hao 20998", "chuumon bangou")
_ORDER = re.compile(
    r"(?:#|\b(?:order|pedido|commande|bestellung|bestellnummer|bestellnr|ordine|encomenda|"
    r"bestelling|bestelnummer\w*|ordernummer\w*|zam[oó]wieni\w*|заказ\w*|sipari[sş]\w*|"
    r"dingdan(?:\s*hao)?|ch[uū]{1,2}mon(?:\s*bang[oō]u?)?)\b[^\w#]{0,6}"
    r"(?:(?:number|numéro|numero|número|nummer|numara\w*)\b[^\w#]{0,4})?"
    r"(?:(?:is|es(?: el)?|é(?: o)?|est|ist|lautet|è(?: il)?|is het|to)\b[^\w#]{0,3})?"
    r"(?:n[º°o.]?\s*|nr\.?\s*|no\.?\s*|#)?"
    r"|(?:注文番号|订单号|訂單號|订单编号|주문\s*번호)\s*(?:は|が|是|为|為|은|는|이|가)?[\s:：#]*"
    r"|(?:注文|订单|訂單|주문)[\s:：#]*"
    r"|\b(?:رقم\s+)?(?:ال)?طلب(?:ي|ية|يتي|ك)?\b(?:\s+رقم\b)?[^\w#]{0,3})"
    r"\s*([A-Z]{0,3}-?\d{4,12})(?![0-9A-Za-z])",
    re.IGNORECASE,
)


# Turkish names the number first: "66098 nolu sipariş", "66098 numaralı siparişim"
_ORDER_NUMBER_FIRST = re.compile(
    r"(?<![0-9A-Za-z])([A-Z]{0,3}-?\d{4,12})\s*(?:no'?lu|numaral[ıi])\s+sipari[sş]",
    re.IGNORECASE,
)


def _order_found(text: str) -> re.Match[str] | None:
    return _ORDER.search(text) or _ORDER_NUMBER_FIRST.search(text)


def order_number(text: str) -> str | None:
    """The order number a message gives, where shoppers put it: "#A10293", "order 55120",
    "pedido nº A-10293", "注文番号 10293", "注文A20481の", "订单A20481什么时候", "주문 A20481
    취소" (CJK writes the number right after the word), "66098 nolu sipariş". The handlers
    read it to link an order; the answers read it to name the number instead of asking for
    it again."""
    found = _order_found(text)
    return found.group(1) if found else None


def order_number_words(text: str) -> str | None:
    """The order number a message gives with the words that name it, as written ("my
    order number is 55120" -> "order number is 55120", "注文番号は12345です" -> "注文番号は
    12345"); None when it gives none."""
    found = _order_found(text)
    return found.group(0) if found else None


def order_key(number: str) -> str:
    """The form order numbers are compared in: "#A-1001", "a1001" and "A1001" are one order."""
    return _NOT_IN_KEY.sub("", number).upper()


def bare_number(number: str) -> str:
    """The number without its "#" ("#1001" -> "1001"), as texts that write "#{n}" want it."""
    return number.strip().lstrip("#")


def shown_number(number: str) -> str:
    """The number as staff and shoppers read it, always with one "#" ("1001" -> "#1001")."""
    return "#" + bare_number(number)


def normalize_email(email: str | None) -> str | None:
    """The address as it is stored and compared (stripped, case-folded); None if empty."""
    cleaned = (email or "").strip().casefold()
    return cleaned or None


def same_email(a: str | None, b: str | None) -> bool:
    """Whether two addresses are one (never two absent ones)."""
    first = normalize_email(a)
    return first is not None and first == normalize_email(b)


def emails_in(text: str) -> list[str]:
    """The e-mail addresses a message gives, as written."""
    return _EMAIL_IN_TEXT.findall(text)


def without_emails(text: str) -> str:
    """The message with its e-mail addresses blanked (their digits are not a phone)."""
    return _EMAIL_IN_TEXT.sub(" ", text)


def clean_phone(raw: str) -> str | None:
    """A phone as an order keeps it: without spaces and ( ) . - ("+34612345678"); None
    unless it is 6 to 15 digits, optionally after a +."""
    value = _PHONE_PUNCTUATION.sub("", raw.strip())
    digits = value.removeprefix("+")
    return value if digits.isdigit() and 6 <= len(digits) <= 15 else None


def phones_in(text: str) -> list[str]:
    """The phone numbers a message seems to give, as written (compare them with
    ``same_phone``: whether one is a full number depends on the country it is read in)."""
    return _PHONE_IN_TEXT.findall(without_emails(text))


def looks_like_phone(text: str) -> bool:
    """Whether a search is a phone number rather than a name ("+34 612 345 678")."""
    return _PHONE_LIKE.fullmatch(text.strip()) is not None


def e164(phone: str | None, region: str | None = None) -> str | None:
    """The full number in E.164 ("+4915112345678"), a national format read in ``region``
    (ISO 3166 alpha-2); None when it is not a possible full number."""
    if not phone or not phone.strip():
        return None
    try:
        parsed = phonenumbers.parse(phone, (region or "").upper() or None)
    except NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)


def phone_region(phone: str | None) -> str | None:
    """The country of a number written internationally ("+34 612…" -> "ES"), else None."""
    number = e164(phone)
    if number is None:
        return None
    region = phonenumbers.region_code_for_number(phonenumbers.parse(number))
    return region if region and region != "ZZ" else None


def same_phone(a: str | None, b: str | None, region: str | None = None) -> str | None:
    """The number both write, in E.164, or None when they are not one full number."""
    where = region or phone_region(a) or phone_region(b)
    first = e164(a, where)
    return first if first is not None and first == e164(b, where) else None


def phones_match(a: str | None, b: str | None, region: str | None = None) -> bool:
    """The same full number written two ways (see the module docstring)."""
    return same_phone(a, b, region) is not None
