"""A message's second question gets an answer too, in the same reply.

"My parcel is late. And can I still pay with PayPal?" is read as a late delivery that
also asks about payment methods (``replies.reading``: ``also``). Answering only the first
question sends the shopper back to ask again, so staff would have to edit the reply
before sending it. Each further question adds one short sentence to the reply:

- the intent's own ``also`` sentence from the library (``replies/FORMAT.md``), written
  without a greeting or sign-off, so it joins the first answer as one reply;
- where the library has none in the reply's language, one sentence saying, in that
  language, that the other question was seen and a person checks it (``ACKNOWLEDGE``),
  never a guess at its answer. It is said once, however many questions it stands for.

A question the first answer already covers adds nothing (the intent's ``covers``: a
return's answer says who pays the return postage and whether an exchange is possible).

    sentences = also_templates(library["delivery_delay"], [library["check_payment_methods"]], "es")
    join(reply, [fill(t) for t in sentences], "es")
"""

from __future__ import annotations

from collections.abc import Sequence

from replies.library import IntentSpec

# At most this many further questions are answered in one reply; more than that and the
# message is better answered by a person in full (staff see every one on the card).
MAX_ALSO = 2
# Languages written without spaces between sentences.
_NO_SPACE = frozenset({"ja", "zh"})
_END = (".", "!", "?", "。", "！", "？", "؟")

ACKNOWLEDGE: dict[str, str] = {
    "en": "We've also noted your other question: a colleague will check it and answer you here.",
    "es": "También hemos visto tu otra pregunta: un compañero la revisará y te responderá "
    "por aquí.",
    "fr": "Nous avons aussi bien noté votre autre question : un collègue la vérifie et vous "
    "répond ici.",
    "de": "Ihre zweite Frage haben wir ebenfalls gesehen: Eine Kollegin oder ein Kollege "
    "prüft sie und antwortet Ihnen hier.",
    "it": "Abbiamo visto anche l'altra tua domanda: un collega la verificherà e ti risponderà qui.",
    "pt": "Também vimos a sua outra pergunta: um colega vai verificar e responder por aqui.",
    "nl": "We hebben ook je andere vraag gezien: een collega zoekt het uit en antwoordt je hier.",
    "pl": "Widzimy też Twoje drugie pytanie: ktoś z naszego zespołu je sprawdzi i odpowie tutaj.",
    "ru": "Ваш второй вопрос мы тоже видим: коллега всё проверит и ответит вам здесь.",
    "tr": "Diğer sorunuzu da not aldık: bir çalışma arkadaşımız kontrol edip size buradan "
    "yanıt verecek.",
    "ja": "もう一点のご質問も承りました。担当者が確認のうえ、こちらでご回答いたします。",
    "ko": "다른 질문도 확인했습니다. 담당자가 확인한 뒤 이곳에서 답변드리겠습니다.",
    "zh": "您的另一个问题我们也已收到，同事核实后会在这里回复您。",
    "ar": "لاحظنا سؤالك الآخر أيضًا، وسيتحقق منه أحد الزملاء ويرد عليك هنا.",
}


def also_templates(first: IntentSpec, others: Sequence[IntentSpec], language: str) -> list[str]:
    """The sentences (templates, unfilled) that answer ``others``, the further questions
    of a message answered with ``first``, in ``language``; empty when there are none."""
    templates: list[str] = []
    acknowledged = False
    for other in others[:MAX_ALSO]:
        if other.intent == first.intent or other.intent in first.covers:
            continue
        own = other.also.get(language)
        if own:
            templates.append(own)
        elif not acknowledged:
            acknowledged = True
            templates.append(ACKNOWLEDGE.get(language, ACKNOWLEDGE["en"]))
    if acknowledged:  # the promise comes last, after what could be answered
        acknowledgement = ACKNOWLEDGE.get(language, ACKNOWLEDGE["en"])
        templates.remove(acknowledgement)
        templates.append(acknowledgement)
    return templates


def join(reply: str, sentences: Sequence[str], language: str) -> str:
    """``reply`` followed by ``sentences``, as one text in ``language``."""
    parts = [part.strip() for part in (reply, *sentences) if part and part.strip()]
    if not parts:
        return ""
    separator = "" if language in _NO_SPACE else " "
    text = parts[0]
    for part in parts[1:]:
        if not text.endswith(_END):
            text += "。" if language in _NO_SPACE else "."
        text += separator + part
    return text
