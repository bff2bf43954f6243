"""Sentences that only hand over a detail: "Mon e-mail : x", "Meu pedido é o 66301."

A shopper often adds who they are to a question: "Where is my parcel? My order number is
55120.", "Bonjour, je voudrais modifier ma commande #10437 : deux tasses au lieu d'une.
Mon e-mail : elodie.bernard@example.fr". Such a sentence asks nothing, but its label's
words are those of other questions ("e-mail" of editing the account, "order number" of
tracking an order): read with the rest, it pulls the whole message toward them, and read
alone it looks like a second question. ``replies.reading`` leaves these sentences out of a message's
reading when other sentences ask something.

A sentence only gives a detail when all of this holds, in any of the 14 languages,
without a list of any language's words:

- **It holds a detail**, found where BorderDesk finds them everywhere
  (``bot.orders.matching``): an order number after "#" or a word for "order", an e-mail
  address, or a long number (a phone; a tracking number or a date reads as one too, and
  a sentence giving only that asks nothing either).
- **No question mark** ("?", "？", "؟", "¿"): "where is #55120?" is a question.
- **The detail closes the sentence.** A label comes first and the detail ends it ("Tel:
  +49 …", "订单号 12345", "my order number is 55120"); what follows a detail is the
  shopper saying something of their own about it ("#55120 still not here", "注文12345の
  荷物がまだ届きません"). Only punctuation may follow, or, in Chinese, Japanese and Korean,
  a sentence ending glued to the detail of at most ``ENDING_CHARACTERS`` characters
  ("メールはana@example.comです", "제 이메일은 minji@example.kr입니다").
- **The label is short**: at most ``LABEL_WORDS`` words besides the details
  (``replies.follow_ups.word_count``: CJK about two characters a word), enough for "el
  número de pedido es", "il mio ordine è il" or "私のメールアドレスは", too few for a
  sentence that explains something.

That shape is also the shape of a short request ending in its detail ("cancel order
12345", "Quiero cancelar el pedido 40981", "请取消订单 12345"), which a list of words
could tell from a label in one language at a time. The classifier tells it in all 14
(``is_a_label``): the sentence's own words, without the detail and the words that name
an order number (``bot.orders.matching.order_number_words``: "order number is",
"Bestellnummer", "주문번호는"), are read alone. A label leaves nothing ("Order number:
55120"), one word ("my"), or words that name a detail ("Mon e-mail :", "Numéro de"),
which the classifier reads doubtfully or as the intents such words live in
(``NAMING_INTENTS``: editing the account, tracking an order); a request leaves its verb
("Quiero cancelar el", "请取消", "Bitte stornieren Sie die"), read confidently
(``REQUEST_CONFIDENCE``) as what it asks. Measured on 45 sentences written for it before
any run (14 languages, each beside another question): the shape alone took 16 of 23
requests for labels; with the reading, 2 (tracking requests without their question mark,
"Wo bleibt meine Bestellung 88120"), and all 22 labels stay labels; read beside their
question, 34 of those 46 messages keep both intents (18 before; the rest are lost to the
other question's own reading), and all 44 with a label keep it out. Its other limits: a
one-word command ("Cancel order 55120") and a request to edit the account ending in the
new address ("please change my e-mail to ana@new.example") read as labels, as before.
An order number is a detail where ``bot.orders.matching.order_number`` finds one.

    gives_only_a_detail("Mon e-mail : elodie.bernard@example.fr")   # True
    gives_only_a_detail("Meu pedido é o 66301.")                    # True
    gives_only_a_detail("#55120 still not here")                    # False
    gives_only_a_detail("where is #55120?")                         # False
    is_a_label(classifier, "Please cancel order 55120", "en")       # False: a request
    is_a_label(classifier, "Mon e-mail : elodie@example.fr", "fr")  # True
"""

from __future__ import annotations

import re

from bot.orders.matching import emails_in, order_number, order_number_words, phones_in
from replies.classifier import IntentClassifier
from replies.follow_ups import word_count
from replies.language import CJK, WORD, has_words, strip_noise

# The longest label a detail is handed over with: "el número de pedido es" (5 words),
# "Mi número de teléfono es", "私のメールアドレスは" (10 characters, 5 words).
LABEL_WORDS = 5
# The longest sentence ending glued after a detail in Chinese, Japanese and Korean:
# "です", "입니다", "이에요" (a polite "is"); a longer one says something ("届きません").
ENDING_CHARACTERS = 3
QUESTION_MARKS = ("?", "？", "؟", "¿")
# A label's own words, read alone, are a request when read at least this surely as one
# intent (the confidence at which another sentence is "also" asked, ``replies.reading``):
# the requests measured read at 0.89 to 1.00, labels' leftovers at most 0.40 as anything
# but ``NAMING_INTENTS`` ("です" of "注文番号は12345です", "E-postam:" at 0.20).
REQUEST_CONFIDENCE = 0.7
# ... and when they are at least this many words (``word_count``): one word read alone
# says little ("My" of "my order number is 55120" reads as tracking a refund at 0.94,
# "Mój" at 0.89), so a one-word command ("Cancel order 55120", "取消订单 12345") is
# still taken for a label.
REQUEST_WORDS = 2
# Where the classifier puts the words that name a detail: editing the account for "my
# e-mail", "phone", "Номер" (0.44 to 1.00 for the labels measured), tracking for "my
# order", "Il mio", "order number is" (0.89 to 1.00). A tracking request that ends in its
# number without a question mark ("Wo bleibt meine Bestellung 88120") is therefore still
# taken for a label. A "hi" or "thanks" before a detail ("Hi, order 55120") asks nothing.
NAMING_INTENTS = ("edit_account", "track_order")
NOT_A_REQUEST = (*NAMING_INTENTS, "greeting", "thanks")
# What stays glued to the end of a found detail: the letters after the digits a long
# number was found in ("LX123456789CN"), the dot closing an e-mail at the sentence's end.
_GLUED = re.compile(rf"[^\s{CJK}]*")
_CJK_WORD = re.compile(rf"[{CJK}]")


def gives_only_a_detail(sentence: str) -> bool:
    """Whether ``sentence`` only hands over an order number, e-mail or phone with a short
    label, asking nothing (the module docstring gives the rule)."""
    details = _details(sentence)
    if not details or any(mark in sentence for mark in QUESTION_MARKS):
        return False
    end = max(sentence.rfind(detail) + len(detail) for detail in details)
    glued = _GLUED.match(sentence, end)
    end = glued.end() if glued else end
    # the details themselves are no words (``word_count`` leaves out numbers and e-mails)
    return word_count(sentence[:end]) <= LABEL_WORDS and _only_an_ending(sentence[end:])


def is_a_label(classifier: IntentClassifier, sentence: str, language: str | None) -> bool:
    """Whether ``sentence`` only hands over a detail: it has a label's shape
    (``gives_only_a_detail``) and its words besides the detail ask nothing of their own
    (the module docstring): "Order number: 55120" is a label, "Please cancel order 55120"
    a request."""
    return gives_only_a_detail(sentence) and not _asks_on_its_own(classifier, sentence, language)


def _asks_on_its_own(classifier: IntentClassifier, sentence: str, language: str | None) -> bool:
    """Whether the sentence's words, without its details and the words naming its order
    number, read confidently as a request: at least ``REQUEST_WORDS`` of them, read as
    neither naming a detail nor a "hi" (``NOT_A_REQUEST``)."""
    words = sentence.replace(order_number_words(sentence) or "", " ")
    for detail in sorted(_details(words), key=len, reverse=True):
        words = words.replace(detail, " ")
    if word_count(words) < REQUEST_WORDS:
        return False
    probs = classifier.probabilities(words, language)
    best = int(probs.argmax())
    return probs[best] >= REQUEST_CONFIDENCE and classifier.intents[best] not in NOT_A_REQUEST


def _details(sentence: str) -> list[str]:
    """The order number, e-mails and long numbers ``sentence`` gives, as written."""
    number = order_number(sentence)
    return [*([number] if number else []), *emails_in(sentence), *phones_in(sentence)]


def _only_an_ending(tail: str) -> bool:
    """Nothing but punctuation, or one short CJK sentence ending ("です", "입니다")."""
    if not has_words(tail):
        return True
    words = WORD.findall(strip_noise(tail))
    return (
        len(words) == 1 and len(words[0]) <= ENDING_CHARACTERS and bool(_CJK_WORD.match(words[0]))
    )
