"""The shoppers of ``bench/load.py``: who they are and what they write, in several languages.

Every message carries an order number unique to the whole run (``#K48213``), so a card, a
stored row or a reply can be traced back to the one message it belongs to. Texts are
combined from short phrases (greeting, request, sign-off) and stay free of ``<``, ``>``
and ``&``, which Slack escaping would change.

    shoppers = make_shoppers(random.Random(7), 1000)
    plan = make_plan(random.Random(7), shoppers, 5000)   # [(shopper, text, token), ...]
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

# language: (first names, last names, greetings, requests with {order}, sign-offs with {first})
PHRASES: dict[str, tuple[list[str], list[str], list[str], list[str], list[str]]] = {
    "en": (
        ["Emma", "Liam", "Olivia", "Noah", "Grace", "Jack", "Chloe", "Ethan", "Mia", "Owen"],
        ["Smith", "Brown", "Taylor", "Walker", "Hughes", "Clarke", "Reid", "Patel"],
        ["Hi", "Hello", "Hey there", "Good morning", "Hi team", ""],
        [
            "where is my order {order}?",
            "can you tell me the status of order {order}",
            "my parcel {order} has still not arrived, any news?",
            "has order {order} shipped yet?",
            "I want to return the jacket from order {order}, it does not fit",
            "how do I send back order {order}?",
            "which size should I pick for the boots, I am a 42 in Europe (order {order})",
            "how long does shipping to Canada take for order {order}?",
            "I returned order {order} last week, when do I get my refund?",
            "the mug in order {order} arrived broken",
            "can I still change the delivery address for order {order}?",
            "my card was charged twice for order {order}",
            "thanks a lot, package {order} arrived today!",
            "I got the wrong colour in order {order}",
        ],
        ["", "Thanks!", "Thank you in advance.", "Best, {first}", "Cheers"],
    ),
    "es": (
        ["Lucía", "Mateo", "Sofía", "Hugo", "Martina", "Pablo", "Valeria", "Diego", "Carmen"],
        ["García", "Martínez", "López", "Sánchez", "Romero", "Navarro", "Torres"],
        ["Hola", "Buenas tardes", "Buenos días", "Hola equipo", ""],
        [
            "¿dónde está mi pedido {order}?",
            "¿me podéis decir el estado del pedido {order}?",
            "el paquete {order} todavía no ha llegado, ¿alguna novedad?",
            "quiero devolver la chaqueta del pedido {order}, me queda grande",
            "¿cómo devuelvo el pedido {order}?",
            "¿qué talla me recomendáis? uso una 38 (pedido {order})",
            "¿cuánto tarda el envío a México del pedido {order}?",
            "devolví el pedido {order} hace una semana, ¿cuándo me llega el reembolso?",
            "la taza del pedido {order} llegó rota",
            "¿puedo cambiar la dirección de entrega del pedido {order}?",
            "me habéis cobrado dos veces el pedido {order}",
            "¡muchas gracias, el pedido {order} ya llegó!",
        ],
        ["", "Gracias.", "Un saludo, {first}", "¡Gracias de antemano!"],
    ),
    "de": (
        ["Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Hannah", "Leon", "Sophie"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann"],
        ["Hallo", "Guten Tag", "Moin", "Servus", "Liebes Team", ""],
        [
            "wo ist meine Bestellung {order}?",
            "können Sie mir den Status der Bestellung {order} sagen?",
            "das Paket {order} ist immer noch nicht angekommen, gibt es Neuigkeiten?",
            "ich möchte die Jacke aus Bestellung {order} zurückschicken, sie passt nicht",
            "wie sende ich die Bestellung {order} zurück?",
            "welche Größe soll ich nehmen, ich trage sonst 40 (Bestellung {order})",
            "wie lange dauert der Versand in die Schweiz für Bestellung {order}?",
            "ich habe Bestellung {order} letzte Woche zurückgeschickt, wann kommt mein Geld?",
            "die Tasse aus Bestellung {order} kam zerbrochen an",
            "kann ich die Lieferadresse für Bestellung {order} noch ändern?",
            "meine Karte wurde für Bestellung {order} doppelt belastet",
            "vielen Dank, das Paket {order} ist heute angekommen!",
        ],
        ["", "Danke!", "Viele Grüße, {first}", "Danke im Voraus."],
    ),
    "fr": (
        ["Léa", "Lucas", "Chloé", "Hugo", "Camille", "Louis", "Manon", "Jules", "Inès"],
        ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefèvre", "Girard"],
        ["Bonjour", "Bonsoir", "Salut", "Bonjour à toute l'équipe", ""],
        [
            "où en est ma commande {order} ?",
            "pouvez-vous me donner le suivi de la commande {order} ?",
            "le colis {order} n'est toujours pas arrivé, des nouvelles ?",
            "je voudrais retourner la veste de la commande {order}, elle est trop petite",
            "comment renvoyer la commande {order} ?",
            "quelle taille choisir, je fais du 38 d'habitude (commande {order})",
            "combien de temps prend la livraison au Québec pour la commande {order} ?",
            "j'ai renvoyé la commande {order} la semaine dernière, quand serai-je remboursé ?",
            "la tasse de la commande {order} est arrivée cassée",
            "puis-je modifier l'adresse de livraison de la commande {order} ?",
            "j'ai été débité deux fois pour la commande {order}",
            "merci beaucoup, le colis {order} est bien arrivé !",
        ],
        ["", "Merci !", "Cordialement, {first}", "Merci d'avance."],
    ),
    "it": (
        ["Giulia", "Marco", "Chiara", "Luca", "Francesca", "Matteo", "Sara", "Andrea"],
        ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo"],
        ["Ciao", "Buongiorno", "Salve", "Buonasera", ""],
        [
            "dov'è il mio ordine {order}?",
            "mi dite lo stato dell'ordine {order}?",
            "il pacco {order} non è ancora arrivato, novità?",
            "vorrei restituire la giacca dell'ordine {order}, è troppo stretta",
            "come faccio a rendere l'ordine {order}?",
            "che taglia mi consigliate? di solito porto la 42 (ordine {order})",
            "quanto ci mette la spedizione in Svizzera per l'ordine {order}?",
            "ho reso l'ordine {order} la settimana scorsa, quando arriva il rimborso?",
            "la tazza dell'ordine {order} è arrivata rotta",
            "posso cambiare l'indirizzo di consegna dell'ordine {order}?",
            "mi avete addebitato due volte l'ordine {order}",
            "grazie mille, il pacco {order} è arrivato oggi!",
        ],
        ["", "Grazie!", "Saluti, {first}", "Grazie in anticipo."],
    ),
    "pt": (
        ["João", "Beatriz", "Miguel", "Ana", "Rafael", "Mariana", "Tiago", "Inês"],
        ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues"],
        ["Olá", "Bom dia", "Boa tarde", "Oi", ""],
        [
            "onde está a minha encomenda {order}?",
            "podem dizer-me o estado da encomenda {order}?",
            "o pacote {order} ainda não chegou, há novidades?",
            "quero devolver o casaco da encomenda {order}, ficou grande",
            "como devolvo a encomenda {order}?",
            "que tamanho devo escolher? normalmente uso 40 (encomenda {order})",
            "quanto tempo demora o envio para o Brasil da encomenda {order}?",
            "devolvi a encomenda {order} na semana passada, quando recebo o reembolso?",
            "a caneca da encomenda {order} chegou partida",
            "posso mudar a morada de entrega da encomenda {order}?",
            "fui cobrado duas vezes pela encomenda {order}",
            "muito obrigado, a encomenda {order} chegou hoje!",
        ],
        ["", "Obrigado!", "Cumprimentos, {first}", "Obrigada desde já."],
    ),
    "nl": (
        ["Daan", "Emma", "Sem", "Julia", "Lars", "Sanne", "Bram", "Fleur"],
        ["de Jong", "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Mulder"],
        ["Hallo", "Goedemorgen", "Hoi", "Beste", ""],
        [
            "waar is mijn bestelling {order}?",
            "kunnen jullie de status van bestelling {order} doorgeven?",
            "het pakket {order} is nog steeds niet aangekomen, is er nieuws?",
            "ik wil de jas uit bestelling {order} terugsturen, hij past niet",
            "hoe stuur ik bestelling {order} terug?",
            "welke maat moet ik nemen, normaal heb ik 40 (bestelling {order})",
            "hoe lang duurt de verzending naar België voor bestelling {order}?",
            "ik heb bestelling {order} vorige week teruggestuurd, wanneer krijg ik mijn geld?",
            "de mok uit bestelling {order} kwam kapot aan",
            "kan ik het bezorgadres van bestelling {order} nog wijzigen?",
            "mijn kaart is twee keer belast voor bestelling {order}",
            "bedankt, pakket {order} is vandaag aangekomen!",
        ],
        ["", "Bedankt!", "Groetjes, {first}", "Alvast bedankt."],
    ),
    "pl": (
        ["Zuzanna", "Jakub", "Julia", "Antoni", "Maja", "Szymon", "Zofia", "Filip"],
        ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski"],
        ["Dzień dobry", "Cześć", "Witam", ""],
        [
            "gdzie jest moje zamówienie {order}?",
            "jaki jest status zamówienia {order}?",
            "paczka {order} wciąż nie dotarła, czy są jakieś wieści?",
            "chcę zwrócić kurtkę z zamówienia {order}, jest za mała",
            "jak odesłać zamówienie {order}?",
            "jaki rozmiar wybrać, zwykle noszę 38 (zamówienie {order})",
            "ile trwa wysyłka do Niemiec zamówienia {order}?",
            "odesłałem zamówienie {order} tydzień temu, kiedy dostanę zwrot pieniędzy?",
            "kubek z zamówienia {order} przyszedł rozbity",
            "czy mogę zmienić adres dostawy zamówienia {order}?",
            "karta została obciążona dwa razy za zamówienie {order}",
            "dziękuję bardzo, paczka {order} dotarła dzisiaj!",
        ],
        ["", "Dziękuję!", "Pozdrawiam, {first}", "Z góry dziękuję."],
    ),
}
LANGUAGE_WEIGHTS = {"en": 25, "de": 20, "es": 14, "fr": 12, "it": 9, "pt": 7, "nl": 7, "pl": 6}
FIRST_CHAT_ID = 700_000_001


@dataclass(frozen=True)
class Shopper:
    """A Telegram user in a private chat with the store's bot (user id = chat id)."""

    chat_id: int
    first_name: str
    last_name: str | None
    language: str  # the language they write in
    language_code: str | None  # what their Telegram app reports


def make_shoppers(rng: random.Random, count: int) -> list[Shopper]:
    """``count`` shoppers; about one in ten has an app set to another language or none."""
    languages = rng.choices(list(LANGUAGE_WEIGHTS), list(LANGUAGE_WEIGHTS.values()), k=count)
    shoppers = []
    for number, language in enumerate(languages):
        firsts, lasts = PHRASES[language][0], PHRASES[language][1]
        code: str | None = language
        if rng.random() < 0.1:
            code = rng.choice(["en", None, "en-GB", "pt-br"])
        shoppers.append(
            Shopper(
                chat_id=FIRST_CHAT_ID + number * 13,
                first_name=rng.choice(firsts),
                last_name=rng.choice(lasts) if rng.random() < 0.7 else None,
                language=language,
                language_code=code,
            )
        )
    return shoppers


def order_tokens(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct order numbers such as ``K48213``."""
    chosen = rng.sample(range(26 * 90_000), count)
    return [f"{string.ascii_uppercase[n // 90_000]}{10_000 + n % 90_000}" for n in chosen]


def compose(rng: random.Random, shopper: Shopper, token: str) -> str:
    """One message: an optional greeting, a request about order ``token``, a sign-off."""
    _, _, greetings, requests, closings = PHRASES[shopper.language]
    order = rng.choice([f"#{token}", token])
    request = rng.choice(requests).format(order=order)
    greeting = rng.choice(greetings)
    closing = rng.choice(closings).format(first=shopper.first_name)
    text = f"{greeting}, {request}" if greeting else request[0].upper() + request[1:]
    return f"{text} {closing}".strip()


def make_plan(
    rng: random.Random, shoppers: list[Shopper], messages: int
) -> list[tuple[Shopper, str, str]]:
    """``messages`` (shopper, text, order token) in push order: spread evenly over the
    shoppers (so none goes over the flood limit), interleaved at random, each shopper's
    own messages in the order they write them."""
    turns = [shoppers[i % len(shoppers)] for i in range(messages)]
    rng.shuffle(turns)
    tokens = order_tokens(rng, messages)
    pairs = zip(turns, tokens, strict=True)
    return [(shopper, compose(rng, shopper, token), token) for shopper, token in pairs]
