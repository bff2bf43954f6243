"""A shopper who writes formally is answered formally (issue 15, sendability set 4 #30,
#39): "Szanowni Państwo" gets "Państwo" forms, never "Twoje" or "napisz"; a formal
Portuguese letter gets no "Olá!". The messages were written fresh for this file.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from replies.engine import SuggestionEngine
from replies.register import in_register, polish_formal, portuguese_greeting, writes_formally
from tests.replies.shopper_figures import runtime_engine

# "you" forms of the informal Polish register: pronouns, present-tense and past verbs.
INFORMAL_PL = re.compile(
    r"(?<![\wąćęłńóśźż])(Ty|Ci|Cię|Ciebie|Tobie|Tobą|[Tt]w[oó]j\w*|\w+(?:asz|esz|isz|ysz)"
    r"|\w+(?:łeś|łaś))(?![\wąćęłńóśźż])"
)
NOT_YOU = {"nasz", "Nasz", "wasz", "kosz"}
IMPERATIVES_PL = set(
    "napisz prześlij podaj sprawdź potwierdź dodaj opisz daj kliknij wpisz wybierz zachowaj "
    "zajrzyj otwórz przejdź porównaj zapisz wyślij odpisz pamiętaj używaj wysyłaj podawaj "
    "podłączaj anuluj odeślij zmień zrób odbierz zgłoś dołącz zamów wypełnij załóż".split()
)
LINKED = {
    "order_number": "PL2207",
    "order_status": "shipped",
    "carrier": "InPost",
    "tracking_number": "6200998877",
    "estimated_delivery": "2026-12-01",
}


@pytest.fixture(scope="module")
def engine() -> SuggestionEngine:
    return runtime_engine()


def _informal_left(reply: str) -> list[str]:
    """The informal "you" forms left in a Polish reply, outside quoted site labels."""
    unquoted = re.sub(r"„[^”]*”", "", reply)
    words = [m.group(1) for m in INFORMAL_PL.finditer(unquoted) if m.group(1) not in NOT_YOU]
    lowered = re.findall(r"[a-ząćęłńóśźż]+", unquoted.lower())
    return words + [w for w in lowered if w in IMPERATIVES_PL]


@pytest.mark.parametrize(
    "text",
    [
        "Szanowni Państwo, czy realizują Państwo wysyłkę do Norwegii?",
        "Dzień dobry, czy mogłaby Pani sprawdzić, gdzie jest moja paczka?",
        "Uprzejmie proszę o fakturę. Z poważaniem, Jan Kowalski",
    ],
)
def test_a_formal_polish_letter_is_told(text: str) -> None:
    assert writes_formally(text, "pl")


@pytest.mark.parametrize("text", ["hej, gdzie paczka??", "Dzień dobry, kiedy wysyłacie?"])
def test_an_everyday_polish_message_is_not_formal(text: str) -> None:
    assert not writes_formally(text, "pl")


def test_every_polish_answer_reads_in_the_panstwo_form(engine: SuggestionEngine) -> None:
    """Every intent's Polish answer, with and without a linked order, and its second-question
    sentence, has no informal "you" left once put in the formal register."""
    left: dict[str, list[str]] = {}
    for intent, spec in engine.library.items():
        for variables in ({}, {"order_number": "A1", "order_status": "paid"}, LINKED):
            reply, used = engine.render(intent, "pl", variables)
            assert used == "pl"
            for text in (reply, spec.also.get("pl", "")):
                if words := _informal_left(polish_formal(text)):
                    left[intent] = words
    assert not left, left


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("Szanowni Państwo, uprzejmie proszę o informację, gdzie jest moja przesyłka.", LINKED),
        ("Szanowni Państwo, chciałbym zwrócić kurtkę, jest za duża. Z poważaniem", None),
        ("Szanowni Państwo, paczka dotarła uszkodzona, karton był zgnieciony.", LINKED),
        ("Szanowni Państwo, czy ta lampa będzie działać na 230 V?", None),
        ("Szanowni Państwo, nie mogę się zalogować, nie pamiętam hasła.", None),
        ("Dziękuję bardzo Pani za pomoc. Wesołych Świąt!", None),
    ],
)
def test_a_formal_polish_message_gets_a_formal_answer(
    engine: SuggestionEngine, text: str, order: dict[str, str] | None
) -> None:
    suggestion = engine.suggest(text, lang_hint="pl", variables=order)
    assert suggestion.reply, suggestion.top
    assert not _informal_left(suggestion.reply), suggestion.reply
    assert "Państw" in suggestion.reply or "prosimy" in suggestion.reply.lower()


def test_the_same_question_written_casually_keeps_the_library_register(
    engine: SuggestionEngine,
) -> None:
    reply = engine.suggest("hej, gdzie jest moja paczka?", lang_hint="pl", variables=LINKED).reply
    assert reply and "Twoje" in reply


def test_polish_rewrites_read_naturally() -> None:
    assert polish_formal("Twoje zamówienie jest w drodze, damy Ci znać.") == (
        "Państwa zamówienie jest w drodze, damy Państwu znać."
    )
    # "prosimy" said once in a chain of instructions
    assert polish_formal("Dodaj produkty do koszyka, wybierz rozmiar i przejdź do kasy.") == (
        "Prosimy dodać produkty do koszyka, wybrać rozmiar i przejść do kasy."
    )
    assert polish_formal("Jeśli wahasz się między rozmiarami, nie zamawiaj dwóch.").startswith(
        "Jeśli wahają się Państwo między rozmiarami"
    )
    # a label on the shop's site stays as the site writes it
    assert "„Nie pamiętasz hasła?”" in polish_formal("Kliknij „Nie pamiętasz hasła?”.")


def test_a_formal_portuguese_letter_gets_the_time_of_days_greeting() -> None:
    text = "Exmos. Senhores, gostaria de saber o prazo de entrega. Com os melhores cumprimentos"
    assert writes_formally(text, "pt")
    morning = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # 10:00 in Lisbon
    evening = datetime(2026, 12, 7, 21, 0, tzinfo=UTC)
    reply = "Olá, Rui! A entrega leva de 2 a 5 dias úteis."
    assert in_register(reply, "pt", text, now=morning) == (
        "Bom dia, Rui! A entrega leva de 2 a 5 dias úteis."
    )
    assert in_register(reply, "pt", text, now=evening).startswith("Boa noite, Rui!")
    # in the shopper's own zone when it is known: 21:00 UTC is the afternoon in São Paulo
    assert portuguese_greeting(evening, None) == "Boa noite"
    assert in_register(reply, "pt", text, now=evening, zone="America/Sao_Paulo").startswith(
        "Boa tarde"
    )
    # an everyday message keeps its "Olá"
    assert in_register(reply, "pt", "oi, quanto tempo demora?", now=morning) == reply


def test_a_formal_brazilian_message_is_greeted_by_brazils_clock() -> None:
    from replies.addressing import addressed

    noon_utc = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)  # 9:00 in São Paulo, 12:00 in Lisbon
    text = "Prezados, gostaria de saber o prazo de entrega para Curitiba. Atenciosamente"
    reply = addressed("Olá! O prazo é de 7 dias.", "pt", text, {}, country="BR", now=noon_utc)
    assert reply.startswith("Bom dia!"), reply
    reply = addressed("Olá! O prazo é de 7 dias.", "pt", text, {}, country="PT", now=noon_utc)
    assert reply.startswith("Boa tarde!"), reply


def test_a_formal_portuguese_message_is_answered_without_ola(engine: SuggestionEngine) -> None:
    text = (
        "Exmos. Senhores, venho por este meio solicitar a fatura da encomenda 4411. "
        "Com os melhores cumprimentos, Rui Sousa"
    )
    suggestion = engine.suggest(text, lang_hint="pt-PT", country="PT")
    assert suggestion.reply, suggestion.top
    assert not suggestion.reply.startswith("Olá"), suggestion.reply
    assert suggestion.reply.startswith(("Bom dia", "Boa tarde", "Boa noite"))


# --- Dutch -------------------------------------------------------------------------------

INFORMAL_NL = re.compile(r"\b(je|Je|jij|Jij|jou|Jou|jouw|Jouw|Hoi|u kan|u wil|u zal)\b")


@pytest.mark.parametrize(
    "text",
    [
        "Geachte heer/mevrouw, wanneer wordt mijn bestelling geleverd?",
        "Kunt u mij laten weten of de deken op voorraad is?",
        "Goedemiddag, ik heb een vraag over uw retourbeleid. Met vriendelijke groet, Els",
    ],
)
def test_a_formal_dutch_message_is_told(text: str) -> None:
    assert writes_formally(text, "nl")
    assert not writes_formally("hoi! waar blijft mijn pakketje?", "nl")


def test_every_dutch_answer_reads_in_the_u_form(engine: SuggestionEngine) -> None:
    left: dict[str, str] = {}
    for intent, spec in engine.library.items():
        for variables in ({}, {"order_number": "A1", "order_status": "paid"}, LINKED):
            reply, _ = engine.render(intent, "nl", variables)
            for text in (reply, spec.also.get("nl", "")):
                formal = in_register(text, "nl", "Geachte heer/mevrouw,")
                if found := INFORMAL_NL.findall(formal):
                    left[intent] = ", ".join(found)
    assert not left, left


def test_dutch_rewrites_read_naturally() -> None:
    text = "Geachte heer, kunt u het adres wijzigen?"
    assert in_register(
        "Hoi Els, je kunt je aanmelden via het formulier. Heb je al besteld?", "nl", text
    ) == ("Goedendag Els, u kunt zich aanmelden via het formulier. Heeft u al besteld?")
    assert (
        in_register(
            "Twijfel je tussen twee maten, vergelijk je afmetingen dan met de tabel.", "nl", text
        )
        == "Twijfelt u tussen twee maten, vergelijk uw afmetingen dan met de tabel."
    )
    assert in_register("Als je wil, kun je het ophalen.", "nl", text) == (
        "Als u wilt, kunt u het ophalen."
    )


def test_a_formal_dutch_message_gets_a_formal_answer(engine: SuggestionEngine) -> None:
    text = "Geachte heer/mevrouw, kunt u mij vertellen waar mijn bestelling is?"
    reply = engine.suggest(text, lang_hint="nl", variables=LINKED).reply
    assert reply, text
    assert not INFORMAL_NL.search(reply), reply
    assert re.search(r"\b[Uu]w?\b", reply), reply


# --- Spanish -----------------------------------------------------------------------------

# "tú" forms that are nothing else (not a third person, not a noun).
INFORMAL_ES = re.compile(
    r"(?<![\wáéíóúñ])(te|Te|ti|tu|Tu|tus|Tus|contigo|puedes|tienes|quieres|necesitas|prefieres"
    r"|estás|eres|sabes|recibirás|encontrarás|verás|escríbenos|envíanos|dinos|Dinos|dínoslo"
    r"|cuéntanos|avísanos|confírmanos|indícanos|respóndenos|explícanos|\w+aste|\w+iste"
    r"|ayudarte|registrarte)(?![\wáéíóúñ])"
)


@pytest.mark.parametrize(
    "text",
    [
        "Estimados señores: quisiera saber si es posible cambiar la dirección de entrega.",
        "Buenos días, ¿podría usted indicarme cuándo llega mi pedido? Atentamente, Luis",
        "Le agradecería que me enviaran la factura. Un cordial saludo",
    ],
)
def test_a_formal_spanish_message_is_told(text: str) -> None:
    assert writes_formally(text, "es")


def test_ustedes_alone_is_no_formal_letter() -> None:
    # Latin America says "ustedes" to any group, the shop included
    assert not writes_formally("hola, ustedes envían a Monterrey?", "es")


def test_every_spanish_answer_reads_in_the_usted_form(engine: SuggestionEngine) -> None:
    left: dict[str, str] = {}
    for intent, spec in engine.library.items():
        for variables in ({}, {"order_number": "A1", "order_status": "paid"}, LINKED):
            reply, _ = engine.render(intent, "es", variables)
            for text in (reply, spec.also.get("es", "")):
                formal = in_register(text, "es", "Estimados señores:")
                formal = re.sub(r"«[^»]*»", "", formal)  # a label on the shop's site
                if found := INFORMAL_ES.findall(formal):
                    left[intent] = ", ".join(found)
    assert not left, left


def test_spanish_rewrites_read_naturally() -> None:
    formal = "Estimada Sra. Ruiz, le escribo por mi pedido. Atentamente"
    assert in_register(
        "Si te registraste con Google, dínoslo y te lo cambiamos.", "es", formal
    ) == ("Si se registró con Google, díganoslo y se lo cambiamos.")
    assert in_register("Sentimos que te vayas; puedes volver cuando quieras.", "es", formal) == (
        "Sentimos que se vaya; puede volver cuando quiera."
    )
    # a third person is no "tú": "nuestro equipo revisa" stays
    assert in_register("Revisa el buzón; nuestro equipo revisa el resto.", "es", formal) == (
        "Revise el buzón; nuestro equipo revisa el resto."
    )


def test_a_formal_spanish_message_gets_a_formal_answer(engine: SuggestionEngine) -> None:
    text = "Estimados señores: ¿podría usted indicarme dónde está mi pedido? Atentamente"
    reply = engine.suggest(text, lang_hint="es", variables=LINKED).reply
    assert reply, text
    assert not INFORMAL_ES.search(reply), reply
    assert re.search(r"\b(su|puede|le|usted)\b", reply), reply


# --- Italian -----------------------------------------------------------------------------

INFORMAL_IT = re.compile(
    r"(?<![\wàèéìòù])(ti|Ti|te|tu|tuo|tua|tuoi|tue|puoi|hai|sei|vuoi|riceverai|preferisci"
    r"|scrivici|dicci|inviaci|indicaci|mandaci|raccontaci|confermaci|avvisaci|rispondici"
    r"|faccelo|inviacelo|salvalo|impostalo|figurati|Figurati|Ciao|\w+(?:arti|erti|irti|ndoti))"
    r"(?![\wàèéìòù])"
)


@pytest.mark.parametrize(
    "text",
    [
        "Gentile servizio clienti, vorrei sapere quando arriverà il mio ordine. Cordiali saluti",
        "Buongiorno, potrebbe indicarmi i tempi di consegna per la Svizzera? La ringrazio",
        "Egregi signori, Le scrivo per un reso.",
    ],
)
def test_a_formal_italian_message_is_told(text: str) -> None:
    assert writes_formally(text, "it")
    assert not writes_formally("ciao! mi dite dove sta il pacco?", "it")
    # an article opening a sentence is no "Lei"
    assert not writes_formally("Le scarpe sono arrivate rotte, La borsa invece ok", "it")


def test_every_italian_answer_reads_in_the_lei_form(engine: SuggestionEngine) -> None:
    left: dict[str, str] = {}
    for intent, spec in engine.library.items():
        for variables in ({}, {"order_number": "A1", "order_status": "paid"}, LINKED):
            reply, _ = engine.render(intent, "it", variables)
            for text in (reply, spec.also.get("it", "")):
                formal = in_register(text, "it", "Gentile servizio clienti,")
                formal = re.sub(r"«[^»]*»", "", formal)
                if found := INFORMAL_IT.findall(formal):
                    left[intent] = ", ".join(found)
    assert not left, left


def test_italian_rewrites_read_naturally() -> None:
    formal = "Gentile servizio clienti, Le scrivo per il mio ordine."
    assert (
        in_register(
            "Ciao Marco, se qualcosa non ti torna, dicci quale dato e ti risponderemo.",
            "it",
            formal,
            now=datetime(2026, 12, 7, 9, 0, tzinfo=UTC),
        )
        == "Buongiorno Marco, se qualcosa non Le torna, ci dica quale dato e Le risponderemo."
    )
    assert in_register("Ti aiutiamo volentieri; te lo invieremo presto.", "it", formal) == (
        "La aiutiamo volentieri; glielo invieremo presto."
    )
    assert in_register("Per ora non usarlo. Il team verifica tutto.", "it", formal) == (
        "Per ora non lo usi. Il team verifica tutto."
    )


def test_a_formal_italian_evening_message_gets_buonasera() -> None:
    formal = "Gentile servizio clienti, Le scrivo per il mio ordine."
    evening = datetime(2026, 12, 7, 19, 0, tzinfo=UTC)  # 20:00 in Rome
    morning = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    assert (
        in_register("Ciao Marco, eccoci.", "it", formal, now=evening) == "Buonasera Marco, eccoci."
    )
    assert (
        in_register("Ciao Marco, eccoci.", "it", formal, now=morning) == "Buongiorno Marco, eccoci."
    )


def test_a_formal_italian_message_gets_a_formal_answer(engine: SuggestionEngine) -> None:
    text = "Buongiorno, potrebbe dirmi quando arriva il mio pacco? La ringrazio"
    reply = engine.suggest(text, lang_hint="it", variables=LINKED).reply
    assert reply, text
    assert not INFORMAL_IT.search(reply), reply
    assert re.search(r"\b(Suo|Le|La|Lei|può)\b", reply), reply
