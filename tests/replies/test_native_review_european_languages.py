"""A native reader's review of the new wordings in es, fr, de, it, pt (pt-BR and pt-PT), nl
and pl (issue 15): what a support agent of each language would fix before sending.

- Formal register: a formal letter's answer is rewritten word by word into "usted", "Lei",
  "u" and "Państwo"; the rewrite must not break words that only look like a "tú" form
  ("el transportista reparte", "su banco convierte", "equipo de compras"), must reach every
  imperative ("indícalo", "hazlo", "devuelve", "zapytaj", "fallo", "oppure mandalo") and
  put pronouns where a native puts them ("uw account", "go Państwu", "Le rimborseremo
  quanto ha pagato", "La disiscriverà").
- An exchange offered by a store that has not set its exchange terms is no exchange
  "instead of a refund" in German or Portuguese either (the English was fixed before).
- A shopper in Portugal reads the return questions, the return window and the payment
  answers in European Portuguese, and the cancellation, payment and return answers say
  what the Brazilian ones say.
"""

from __future__ import annotations

import pytest

from replies.facts.country_forms import in_country, to_country
from replies.facts.payments import payment_answer
from replies.facts.return_questions import return_questions
from replies.facts.return_window import return_window, with_return_window
from replies.facts.returns import exchange_terms
from replies.facts.terms import ShippingTerms, parse_shipping
from replies.library import DEFAULT_LIBRARY_DIR, load_library
from replies.register import dutch_formal, italian_formal, polish_formal, spanish_formal
from replies.variants import load_variants
from tests.replies.test_portuguese_for_portugal import _brazilian


@pytest.mark.parametrize(
    ("informal", "formal"),
    [
        (
            "Tu banco convierte el importe a tu moneda.",
            "Su banco convierte el importe a su moneda.",
        ),
        (
            "Se puede entregar en sábado donde el transportista reparte los sábados en tu zona.",
            "Se puede entregar en sábado donde el transportista reparte los sábados en su zona.",
        ),
        ("Nuestro equipo de compras te contactará.", "Nuestro equipo de compras le contactará."),
        (
            "Te lo pedirá por SMS: indícalo entonces o envíanoslo por aquí.",
            "Se lo pedirá por SMS: indíquelo entonces o envíenoslo por aquí.",
        ),
        ("Hazlo solo en la web oficial.", "Hágalo solo en la web oficial."),
        (
            "No hacemos cambios directos: devuelve el artículo y haz un pedido nuevo.",
            "No hacemos cambios directos: devuelva el artículo y haga un pedido nuevo.",
        ),
        ("Te daremos la dirección que debes usar.", "Le daremos la dirección que debe usar."),
        ("Vamos a ayudarte con la devolución.", "Vamos a ayudarle con la devolución."),
    ],
)
def test_spanish_usted(informal: str, formal: str) -> None:
    assert spanish_formal(informal) == formal


@pytest.mark.parametrize(
    ("informal", "formal"),
    [
        (
            "Nella pagina di accesso tocca «Password dimenticata?» e inserisci la tua email.",
            "Nella pagina di accesso tocchi «Password dimenticata?» e inserisca la Sua email.",
        ),
        (
            "Controlla la cassetta della posta e chiedi in portineria.",
            "Controlli la cassetta della posta e chieda in portineria.",
        ),
        (
            "Indicalo in quel momento, oppure mandalo a noi qui.",
            "Lo indichi in quel momento, oppure lo mandi a noi qui.",
        ),
        (
            "Fallo solo sul sito del corriere e non inviare mai la foto del tuo documento.",
            "Lo faccia solo sul sito del corriere e non invii mai la foto del Suo documento.",
        ),
        (
            "Non facciamo cambi diretti: restituisci l'articolo e ordina quello che preferisci.",
            "Non facciamo cambi diretti: restituisca l'articolo e ordini quello che preferisce.",
        ),
        ("Il nostro team ti disiscriverà.", "Il nostro team La disiscriverà."),
        (
            "Ti rimborseremo quanto hai pagato al corriere.",
            "Le rimborseremo quanto ha pagato al corriere.",
        ),
        (
            "Ti rimborsiamo appena il pacco torna da noi.",
            "La rimborsiamo appena il pacco torna da noi.",
        ),
    ],
)
def test_italian_lei(informal: str, formal: str) -> None:
    assert italian_formal(informal) == formal


@pytest.mark.parametrize(
    ("informal", "formal"),
    [
        (
            "Laat ons weten waarom je je geld terug wilt.",
            "Laat ons weten waarom u uw geld terug wilt.",
        ),
        (
            "Bevestig dat je je account wilt laten verwijderen.",
            "Bevestig dat u uw account wilt laten verwijderen.",
        ),
        ("Wil je je adres bevestigen?", "Wilt u uw adres bevestigen?"),
        ("Wil je je aan- of afmelden?", "Wilt u zich aan- of afmelden?"),
        (
            "Je kunt je aanmelden via het formulier en je op elk moment afmelden via de link.",
            "U kunt zich aanmelden via het formulier en zich op elk moment afmelden via de link.",
        ),
        ("Stuur ook je DHL-klantnummer.", "Stuur ook uw DHL-klantnummer."),
        ("Bedankt voor je contactgegevens.", "Bedankt voor uw contactgegevens."),
        ("We kijken of het morgen bij je kan zijn.", "We kijken of het morgen bij u kan zijn."),
        ("Je kan het pakket weigeren.", "U kunt het pakket weigeren."),
        ("We hebben het jouwe doorgegeven.", "We hebben het uwe doorgegeven."),
    ],
)
def test_dutch_u(informal: str, formal: str) -> None:
    assert dutch_formal(informal) == formal


@pytest.mark.parametrize(
    ("informal", "formal"),
    [
        ("Opisz, proszę, co się stało.", "Prosimy opisać, co się stało."),
        ("Potwierdź, proszę, pełny adres dostawy.", "Prosimy potwierdzić pełny adres dostawy."),
        ("Dziękujemy, że dajesz nam znać.", "Dziękujemy, że dają nam Państwo znać."),
        ("Na razie go nie używaj.", "Na razie prosimy go nie używać."),
        ("Numer prześlemy Ci go tutaj.", "Numer prześlemy go Państwu tutaj."),
        (
            "Kartę wybierasz go przy składaniu zamówienia.",
            "Kartę wybierają go Państwo przy składaniu zamówienia.",
        ),
        ("Koszt odesłania pokrywasz Ty.", "Koszt odesłania pokrywają Państwo."),
        (
            "Sprawdź skrzynkę, zapytaj sąsiadów i potwierdź adres.",
            "Prosimy sprawdzić skrzynkę, zapytać sąsiadów i potwierdzić adres.",
        ),
        (
            "Czytamy każdy komentarz – Twoje przekazaliśmy już zespołowi.",
            "Czytamy każdy komentarz – Państwa opinię przekazaliśmy już zespołowi.",
        ),
    ],
)
def test_polish_panstwo(informal: str, formal: str) -> None:
    assert polish_formal(informal) == formal


@pytest.mark.parametrize(("language", "refund"), [("de", "Erstattung"), ("pt", "reembolso")])
def test_an_exchange_is_not_offered_instead_of_a_refund(language: str, refund: str) -> None:
    sentence = exchange_terms(ShippingTerms(), language)
    assert sentence and refund not in sentence, sentence


def _pt_pt(text: str) -> str:
    return load_variants(DEFAULT_LIBRARY_DIR, load_library())["pt-PT"].rewrite(text)


@pytest.mark.parametrize(
    "message",
    [
        "quantos dias tenho para devolver? ja abri a caixa",
        "deitei fora a caixa e não tenho talão nem etiqueta, posso devolver?",
        "o dinheiro volta para o cartão? tenho de pagar portes outra vez?",
    ],
)
def test_a_shopper_in_portugal_reads_the_return_questions_in_european_portuguese(
    message: str,
) -> None:
    brazilian = return_questions(message, "pt")
    assert brazilian
    european = _pt_pt(brazilian)
    assert european != brazilian and not _brazilian(european), european


def test_a_shopper_in_portugal_reads_the_window_and_the_payment_answers_in_pt_pt() -> None:
    window = return_window(with_return_window(ShippingTerms(), 30), "pt")
    assert "30 dias" in _pt_pt(window) and "artigo" in _pt_pt(window)
    for terms in (ShippingTerms(), parse_shipping({"payment_methods": ["card", "klarna"]})):
        for message in ("posso pagar em prestações?", "cobraram-me em euros e o banco uma taxa"):
            answer = payment_answer(message, "pt", terms)
            assert answer and not _brazilian(_pt_pt(answer)), _pt_pt(answer)


def test_the_european_portuguese_answers_say_what_the_brazilian_ones_say() -> None:
    library = load_library()
    variant = load_variants(DEFAULT_LIBRARY_DIR, library)["pt-PT"]
    cancel = variant.spec(library["cancel_order"])
    assert "recusar" in cancel.replies["pt"] and "reembolso" in cancel.replies["pt"]
    assert "{refund_amount}" in variant.spec(library["return_item"]).replies["pt"]
    assert "{refund_amount}" in variant.spec(library["get_refund"]).replies["pt"]
    payment = variant.spec(library["check_payment_methods"]).replies["pt"]
    assert "país" not in payment  # the answer no longer asks the country it was told
    fee = variant.spec(library["check_cancellation_fee"]).replies["pt"]
    assert "{order_number}" in fee and "Envie-nos o número" not in fee
    # no "write to us in your language" to a shopper already writing Portuguese
    assert "língua" not in variant.spec(library["greeting"]).replies["pt"]
    defect = variant.spec(library["product_defect"]).replies["pt"]
    assert "troca" in defect and "Se a sua mensagem" not in defect
    # a damaged item is answered as damaged, not as a product that does not work
    damaged = variant.spec(library["damaged_item"]).replies["pt"]
    assert "danificado" in damaged and "funcionar" not in damaged


@pytest.mark.parametrize(
    ("code", "language", "to", "inside"),
    [
        ("LA", "pt", "para o Laos", "no Laos"),
        ("IC", "fr", "aux îles Canaries", "aux îles Canaries"),
        ("PH", "nl", "naar de Filipijnen", "op de Filipijnen"),
        ("IC", "nl", "naar de Canarische Eilanden", "op de Canarische Eilanden"),
        ("US", "nl", "naar de Verenigde Staten", "in de Verenigde Staten"),
    ],
)
def test_country_names_as_natives_write_them(
    code: str, language: str, to: str, inside: str
) -> None:
    assert (to_country(code, language), in_country(code, language)) == (to, inside)
