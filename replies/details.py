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

What this cannot see without a dictionary is a short command that ends in its detail
("cancel order 12345", "where is order 12345" without its question mark): it reads as a
label. ``replies.reading`` leaves detail sentences out only when another sentence asks
something and the message is read at least as surely without them, so such a request
still leads when the rest says little ("Ich habe ein Problem. Bitte stornieren Sie meine
Bestellung #A10293"); beside a question read more surely on its own ("Can I pay with
PayPal? Please cancel order 55120"), it is lost, neither the reading nor an ``also``.
An order number is a detail where ``bot.orders.matching.order_number`` finds one: a
label it does not know ("Sipariş numaram: 12345", "주문번호는 12345", "رقم الطلب 12345")
leaves only a long number (``phones_in``) to find.

    gives_only_a_detail("Mon e-mail : elodie.bernard@example.fr")   # True
    gives_only_a_detail("Meu pedido é o 66301.")                    # True
    gives_only_a_detail("#55120 still not here")                    # False
    gives_only_a_detail("where is #55120?")                         # False
"""

from __future__ import annotations

import re

from bot.orders.matching import emails_in, order_number, phones_in
from replies.follow_ups import word_count
from replies.language import CJK, WORD, has_words, strip_noise

# The longest label a detail is handed over with: "el número de pedido es" (5 words),
# "Mi número de teléfono es", "私のメールアドレスは" (10 characters, 5 words).
LABEL_WORDS = 5
# The longest sentence ending glued after a detail in Chinese, Japanese and Korean:
# "です", "입니다", "이에요" (a polite "is"); a longer one says something ("届きません").
ENDING_CHARACTERS = 3
QUESTION_MARKS = ("?", "？", "؟", "¿")
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
