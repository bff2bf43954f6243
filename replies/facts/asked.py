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

The same holds for "which item(s) you'd like to send back and why", asked by the return
answer and by the refund answer about a linked order: a message that says why ("too
small", "the colour is different", "stopped working", "단순 변심") has named the item or
plainly means it, so that sentence goes.

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


# Why an item goes back, as shoppers write it: the wrong size or colour, a change of
# mind, damage or a fault. A message that gives its reason names, or plainly means, the
# item it is about, so "which item and why" is not asked.
_REASON = re.compile(
    r"too (?:small|big|large|tight|loose|short|long)|(?:does|did)(?:n'?t| not) fit|"
    r"wrong (?:size|colou?r)|(?:different|another) colou?r|changed my mind|"
    r"colou?r (?:is|looks) (?:off|wrong|different)|"
    r"(?:do|did)(?:n'?t| not) like|not as (?:described|pictured)|broken|damaged|defective|"
    r"faulty|(?:does|did)(?:n'?t| not) work|stopped working|cracked|ripped|torn|scratched|"
    # es pt
    r"pequeñ|grande|apertad|aprieta|folgad|holgad|talla|color|cambié de opinión|"
    r"no me (?:queda|sirve|gusta|convence)|"
    r"\broto|\brota\b|dañad|defectuos|no funciona|pequen|tamanho|não (?:serviu|me serve|"
    r"gostei|funciona)|mudei de ideia|quebrad|danificad|defeito|estragad|"
    # fr de it
    r"trop (?:petit|grand|court|long|serré)|taille|couleur|ne me (?:va|plaît)|changé d'avis|"
    r"cassé|abîmé|endommagé|défectueu|ne (?:fonctionne|marche)|zu (?:klein|groß|gross|eng|weit)|"
    r"passt (?:nicht|mir nicht)|größe|farbe|gefällt mir nicht|anders überlegt|kaputt|"
    r"beschädigt|defekt|funktioniert nicht|piccol|grand[ei]|taglia|colore|non mi (?:sta|piace)|"
    r"cambiato idea|\brott[oaie]|danneggiat|difettos|non funziona|"
    # nl pl ru tr
    r"te (?:klein|groot|krap|wijd)|\bmaat\b|kleur|past niet|bedacht|kapot|beschadigd|"
    r"werkt niet|za (?:mał|duż|ciasn)|rozmiar|kolor|nie pasuje|nie podoba|zmienił[ae]m zdanie|"
    r"zepsut|uszkodz|wadliw|nie działa|мал[аоы]?\b|велик|размер|цвет|не подош|не нрав|"
    r"передумал|сломан|поврежд|брак|не работает|küçük|büyük|beden|renk|olmadı|uymadı|"
    r"beğenmedim|vazgeçtim|kırık|hasarlı|bozuk|çalışmıyor|arızalı|"
    # ja ko zh ar
    r"小さ|大き|サイズ|色|合わな|気に入ら|壊れ|破損|不良|動かな|傷|작아|커서|커요|사이즈|색상|"
    r"안 맞|맘에 안|마음에 안|변심|파손|고장|불량|작동(?:하지|이 안)|小了|大了|太小|太大|尺码|"
    r"颜色|不合适|不喜欢|坏了|破损|质量问题|不能用|损坏|صغير|كبير|مقاس|اللون|لا يناسب|"
    r"لم يعجبني|مكسور|تالف|معيب|لا يعمل|غيرت رأيي",
    re.IGNORECASE,
)


def gives_return_reason(text: str) -> bool:
    """True when the message says why an item goes back (size, colour, fault, taste)."""
    return bool(_REASON.search(text))


# "which item(s) and why", asked by the return answer (every situation and its second
# question's sentence) and by the refund answer about a linked order: whole sentences,
# with their full stop, so a longer sentence that goes on ("..., and we'll review it")
# is never cut
_RETURN_ASKS: Mapping[str, tuple[str, ...]] = {
    "en": (
        (
            "If your message doesn't say it yet, please tell us which item(s) you'd like to send "
            "back and why."
        ),
        (
            "For the return, if your message doesn't say it yet, tell us which item you'd like "
            "to send back and why."
        ),
        (
            "If your message doesn't say it yet, tell us which item(s) it concerns and the "
            "reason for your request."
        ),
    ),
    "es": (
        (
            "Si aún no lo has mencionado en tu mensaje, dinos qué artículos quieres devolver y "
            "por qué."
        ),
        (
            "Para la devolución, si aún no lo has mencionado en tu mensaje, dinos qué artículo "
            "quieres devolver y por qué."
        ),
        (
            "Si aún no lo has mencionado en tu mensaje, cuéntanos qué artículos quieres que te "
            "reembolsemos y por qué."
        ),
    ),
    "fr": (
        (
            "Si votre message ne le précise pas encore, indiquez-nous le ou les articles à "
            "renvoyer et la raison."
        ),
        (
            "Si votre message ne le précise pas encore, dites-nous quels articles vous souhaitez "
            "renvoyer et pourquoi."
        ),
        (
            "Pour le retour, si votre message ne le précise pas encore, dites-nous quel article "
            "vous souhaitez renvoyer et pourquoi."
        ),
        (
            "Si votre message ne le précise pas encore, indiquez-nous le ou les articles "
            "concernés et le motif de votre demande."
        ),
    ),
    "de": (
        (
            "Falls das noch nicht in Ihrer Nachricht steht, nennen Sie uns bitte die Artikel, "
            "die Sie zurückschicken möchten, und den Grund."
        ),
        (
            "Für die Rücksendung nennen Sie uns bitte den Artikel und den Grund, falls das noch "
            "nicht in Ihrer Nachricht steht."
        ),
        (
            "Falls das noch nicht in Ihrer Nachricht steht, teilen Sie uns bitte mit, welche "
            "Artikel betroffen sind und aus welchem Grund Sie die Erstattung wünschen."
        ),
    ),
    "it": (
        "Se non l'hai già scritto nel messaggio, dicci quali articoli vuoi restituire e il motivo.",
        "Se non l'hai già scritto nel messaggio, dicci quali articoli vuoi restituire e perché.",
        (
            "Per il reso, se non l'hai già scritto nel messaggio, dicci quale articolo vuoi "
            "restituire e perché."
        ),
        (
            "Se non l'hai già scritto nel messaggio, indicaci per quali articoli chiedi il "
            "rimborso e per quale motivo."
        ),
    ),
    "pt": (
        (
            "Se isso ainda não estiver na sua mensagem, diga quais itens você quer devolver e o "
            "motivo."
        ),
        (
            "Se isso ainda não estiver na sua mensagem, diga-nos quais itens você quer devolver "
            "e por quê."
        ),
        (
            "Para a devolução, se isso ainda não estiver na sua mensagem, diga-nos qual item "
            "você quer devolver e por quê."
        ),
        (
            "Se isso ainda não estiver na sua mensagem, conte-nos para quais itens você quer o "
            "reembolso e por quê."
        ),
        (
            "Para a devolução, se ainda não estiver na sua mensagem, diga-nos que artigo quer "
            "devolver e porquê."
        ),
        "Se ainda não estiver na sua mensagem, diga-nos que artigos quer devolver e o motivo.",
        "Se ainda não estiver na sua mensagem, diga-nos que artigos quer devolver e porquê.",
        (
            "Se ainda não estiver na sua mensagem, diga-nos para que artigos quer o reembolso e "
            "porquê."
        ),
    ),
    "nl": (
        (
            "Staat het nog niet in je bericht, laat ons dan weten welke artikelen je wilt "
            "terugsturen en waarom."
        ),
        (
            "Voor de retour: staat het nog niet in je bericht, laat ons dan weten welk artikel "
            "je wilt terugsturen en waarom."
        ),
        (
            "Staat het nog niet in je bericht, laat ons dan weten om welke artikelen het gaat en "
            "wat de reden is."
        ),
    ),
    "pl": (
        (
            "Jeśli nie ma tego jeszcze w Twojej wiadomości, napisz, które produkty chcesz "
            "odesłać i z jakiego powodu."
        ),
        (
            "Jeśli nie ma tego jeszcze w Twojej wiadomości, napisz, które produkty chcesz "
            "odesłać i dlaczego."
        ),
        (
            "W sprawie zwrotu: jeśli nie ma tego jeszcze w Twojej wiadomości, napisz, który "
            "produkt chcesz odesłać i dlaczego."
        ),
        (
            "Jeśli nie ma tego jeszcze w Twojej wiadomości, napisz, których produktów dotyczy "
            "prośba i jaki jest jej powód."
        ),
    ),
    "ru": (
        "Если в вашем сообщении этого ещё нет, напишите, какие товары вы хотите вернуть и почему.",
        (
            "Для возврата: если в вашем сообщении этого ещё нет, напишите, какой товар вы хотите "
            "вернуть и почему."
        ),
        (
            "Если в вашем сообщении этого ещё нет, уточните, каких товаров касается запрос и в "
            "чём причина."
        ),
    ),
    "tr": (
        "Mesajınızda henüz yoksa hangi ürünleri neden geri göndermek istediğinizi yazın.",
        "Mesajınızda henüz yoksa hangi ürün(ler)i neden geri göndermek istediğinizi yazın.",
        "İade için, mesajınızda henüz yoksa hangi ürünü neden geri göndermek istediğinizi yazın.",
        "Mesajınızda henüz yoksa talebin hangi ürün(ler)le ilgili olduğunu ve nedenini yazın.",
    ),
    "ja": (
        "返品をご希望の商品と理由をまだお書きでない場合は、お知らせください。",
        "返品をご希望の商品と理由がまだでしたら、お知らせください。",
        "返品については、ご希望の商品と理由をまだお書きでない場合は、お知らせください。",
        "対象の商品と返金をご希望の理由をまだお書きでない場合は、お知らせください。",
    ),
    "ko": (
        "아직 알려 주시지 않았다면 반품하실 상품과 사유를 알려 주세요.",
        "반품하실 상품과 사유를 아직 알려 주시지 않았다면 알려 주세요.",
        "아직 알려 주시지 않았다면 어떤 상품에 대한 요청인지와 환불 사유를 알려 주세요.",
    ),
    "zh": (
        "如果您还没有说明，请告诉我们想退的商品以及退货原因。",
        "如果您还没有说明，请告诉我们要退回哪件商品以及原因。",
        "关于退货，如果您还没有说明，请告诉我们想退回哪件商品以及原因。",
        "如果您的消息里还没写明，请告诉我们涉及哪些商品以及申请退款的原因。",
    ),
    "ar": (
        "إن لم تذكر ذلك في رسالتك بعد، فأخبرنا بالمنتجات التي تريد إرجاعها وسبب الإرجاع.",
        "إن لم تذكر ذلك في رسالتك بعد، فأخبرنا بالمنتج أو المنتجات التي تريد إرجاعها والسبب.",
        "بخصوص الإرجاع، إن لم تذكر ذلك في رسالتك بعد، فأخبرنا بالمنتج الذي تريد إرجاعه والسبب.",
        "إن لم تذكر ذلك في رسالتك بعد، فأخبرنا بالمنتج أو المنتجات المعنية وسبب طلب الاسترداد.",
    ),
}


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
    (gives_return_reason, _RETURN_ASKS),
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
        for opening in sorted(words, key=len, reverse=True):
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
