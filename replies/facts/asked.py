"""Asks the reply drops because the shopper's message already answers them.

Some answers ask for details on a condition: "if you need it issued to a company and
your message doesn't give them yet, please reply with the company name, address and VAT
or tax ID". Read by a shopper who wrote "please make it out to SARL Atelier Vauban, VAT
FR27512345678", the clause says nobody read the message. This module looks in the
message for what such a clause asks for and, when all of it is there, takes the clause
out of the rendered reply: the whole sentence when the clause is a sentence of its own,
or from the comma or semicolon before it to the sentence's end when it closes a longer
sentence ("Our team will send it to the e-mail address on your order; if you need it
issued to a company ..." becomes "Our team will send it to the e-mail address on your
order."). When the message gives only part of it, the clause stays as written: its
conditional wording is the natural one when the engine cannot tell.

Each ask is a pair: a test on the message (what it gives) and the clause's opening
words in each of the 14 languages of the library (matched without regard to case), so
one table holds what every template and second-question sentence of an intent asks.

    drop_known_asks(reply, "fr", "facture au nom de SARL Atelier Vauban, TVA FR27512345678")
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

# A company's legal form, as written in the markets the library serves: a name carrying
# one of these is a company name, not a person's.
_LEGAL_FORM = re.compile(
    r"(?<![\w.])(?:s\.?a\.?r\.?l|sas|eurl|gmbh|ag|ug|kg|e\.k|ltd|limited|llc|inc|plc|"
    r"s\.l\.u?|s\.a|s\.r\.l|srl|s\.p\.a|spa|lda|ltda|eireli|b\.v|bv|n\.v|nv|vof|"
    r"sp\. ?z ?o\.? ?o|ооо|оао|зао|пао|ао|ип|a\.ş|ltd\. ?şti|şti)(?![\w])\.?"
    r"|株式会社|合同会社|有限会社|주식회사|\(주\)|有限公司|股份公司|公司|شركة|مؤسسة",
    re.IGNORECASE,
)

# A tax number: an EU VAT number (country prefix and 8-12 digits or letters, at least
# eight digits), or eight or more digits a tax word stands before.
_VAT_NUMBER = re.compile(r"\b[A-Z]{2}[ -]?(?=(?:[A-Z]?\d){8})[0-9A-Z]{8,12}\b")
_TAX_WORD_NUMBER = re.compile(
    r"(?:vat|tva|ust|uid|iva|nif|cif|nipc|cnpj|cpf|nip|btw|kvk|tax|инн|vkn|vergi|"
    r"税号|税務|纳税|法人番号|登録番号|사업자|세금|ضريب)"
    r"[^\d\n]{0,30}\d[\d ./-]{6,20}\d",
    re.IGNORECASE,
)


def gives_company(text: str) -> bool:
    """True when the message names a company by its legal form and gives a tax number."""
    if not _LEGAL_FORM.search(text):
        return False
    return bool(_VAT_NUMBER.search(text) or _TAX_WORD_NUMBER.search(text))


# what the message gives -> the opening words, per language, of the clauses that ask it
_ASKS: tuple[tuple[Callable[[str], bool], Mapping[str, tuple[str, ...]]], ...] = (
    (
        gives_company,  # the invoice's company details (replies/library/get_invoice.yaml)
        {
            "en": ("if you need it issued to a company", "if it should be made out to a company"),
            "es": ("si la necesitas a nombre de una empresa",),
            "fr": (
                "si vous la souhaitez au nom d'une entreprise",
                "si elle doit être établie au nom d'une société",
            ),
            "de": (
                "falls sie auf eine Firma ausgestellt werden soll",
                "soll sie auf eine Firma ausgestellt werden",
            ),
            "it": ("se ti serve intestata a un'azienda",),
            "pt": ("se precisar dela em nome de uma empresa",),
            "nl": ("heb je hem op bedrijfsnaam nodig", "moet die op naam van een bedrijf"),
            "pl": ("jeśli potrzebujesz faktury na firmę", "jeśli ma być wystawiona na firmę"),
            "ru": ("если документ нужен на компанию", "если он нужен на компанию"),
            "tr": (
                "şirket adına düzenlenmesini istiyorsanız",
                "fatura bir şirket adına kesilecekse",
            ),
            "ja": ("会社名義での発行をご希望で", "法人名義で発行をご希望で"),
            "ko": ("회사 명의로 발행이 필요하신데", "회사 명의로 발급이 필요하신데"),
            "zh": ("如需开具公司抬头", "如需开给公司"),
            "ar": ("وإذا كنت تحتاجها باسم شركة", "إذا كنت تحتاجها باسم شركة"),
        },
    ),
)

# what ends a sentence: a full stop, question or exclamation mark before a space or the
# end, or a CJK full stop anywhere
_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)|[。！？]")
# what joins a closing clause to the sentence it ends
_JOINERS = ";,،、，；"


def drop_known_asks(reply: str, language: str, text: str) -> str:
    """``reply`` without the conditional asks whose details ``text`` already gives."""
    for gives, openings in _ASKS:
        words = openings.get(language, ())
        if not words or not gives(text):
            continue
        for opening in words:
            reply = _without_clause(reply, opening)
    return reply


def _without_clause(reply: str, opening: str) -> str:
    """``reply`` with each clause that starts with ``opening`` taken out."""
    while True:
        start = reply.casefold().find(opening.casefold())
        if start < 0:
            return reply
        end = _SENTENCE_END.search(reply, start)
        stop = end.start() if end else len(reply)
        before = reply[:start].rstrip()
        if before and before[-1] in _JOINERS:
            # a closing clause: the sentence keeps its first part and its full stop
            reply = before[:-1].rstrip() + reply[stop:]
        else:
            # a sentence of its own: it goes with the space after it
            rest = reply[end.end() :] if end else ""
            reply = (reply[:start] + rest.lstrip()).strip()
