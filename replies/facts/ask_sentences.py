"""The sentences of the asks (``replies.facts.asks``), in the library's 14 languages and
European Portuguese: data only, kept apart so the asks' logic reads in one screen.

Each table maps a language, or a language with the shopper's country ("pt-PT"), to the
sentence(s) of one ask; the asks module picks the regional wording where there is one.
"""

from __future__ import annotations

from collections.abc import Mapping

from replies.facts.mentions import COMPANY_ADDRESS, COMPANY_NAME, TAX_ID

# language (or regional variant) -> sentence; each asks all of one detail, on the
# condition the engine cannot check ("if your message doesn't say it yet"): a shopper
# may name an item in words no test knows
RETURN: Mapping[str, str] = {
    "en": "If your message doesn't say it yet, please tell us which item(s) you'd like to send "
    "back and why.",
    "es": "Si aún no lo has mencionado en tu mensaje, dinos qué artículos quieres devolver y por "
    "qué.",
    "fr": "Si votre message ne le précise pas encore, dites-nous quels articles vous souhaitez "
    "renvoyer et pourquoi.",
    "de": "Falls das noch nicht in Ihrer Nachricht steht, nennen Sie uns bitte die Artikel, die "
    "Sie zurückschicken möchten, und den Grund.",
    "it": "Se non l'hai già scritto nel messaggio, dicci quali articoli vuoi restituire e perché.",
    "pt": "Se isso ainda não estiver na sua mensagem, diga-nos quais itens você quer devolver e "
    "por quê.",
    "pt-PT": "Se ainda não estiver na sua mensagem, diga-nos que artigos quer devolver e porquê.",
    "nl": "Staat het nog niet in je bericht, laat ons dan weten welke artikelen je wilt "
    "terugsturen en waarom.",
    "pl": "Jeśli nie ma tego jeszcze w Twojej wiadomości, napisz, które produkty chcesz odesłać "
    "i dlaczego.",
    "ru": "Если в вашем сообщении этого ещё нет, напишите, какие товары вы хотите вернуть и "
    "почему.",
    "tr": "Mesajınızda henüz yoksa hangi ürün(ler)i neden geri göndermek istediğinizi yazın.",
    "ja": "返品をご希望の商品と理由をまだお書きでない場合は、お知らせください。",
    "ko": "아직 알려 주시지 않았다면 반품하실 상품과 사유를 알려 주세요.",
    "zh": "如果您还没有说明，请告诉我们想退的商品以及退货原因。",
    "ar": "إن لم تذكر ذلك في رسالتك بعد، فأخبرنا بالمنتج أو المنتجات التي تريد إرجاعها والسبب.",
}
REFUND: Mapping[str, str] = {
    "en": "If your message doesn't say it yet, tell us which item(s) it concerns and the reason "
    "for your request.",
    "es": "Si aún no lo has mencionado en tu mensaje, cuéntanos qué artículos quieres que te "
    "reembolsemos y por qué.",
    "fr": "Si votre message ne le précise pas encore, indiquez-nous le ou les articles concernés "
    "et le motif de votre demande.",
    "de": "Falls das noch nicht in Ihrer Nachricht steht, teilen Sie uns bitte mit, welche "
    "Artikel betroffen sind und aus welchem Grund Sie die Erstattung wünschen.",
    "it": "Se non l'hai già scritto nel messaggio, indicaci per quali articoli chiedi il rimborso "
    "e per quale motivo.",
    "pt": "Se isso ainda não estiver na sua mensagem, conte-nos para quais itens você quer o "
    "reembolso e por quê.",
    "pt-PT": "Se ainda não estiver na sua mensagem, diga-nos para que artigos quer o reembolso e "
    "porquê.",
    "nl": "Staat het nog niet in je bericht, laat ons dan weten om welke artikelen het gaat en "
    "wat de reden is.",
    "pl": "Jeśli nie ma tego jeszcze w Twojej wiadomości, napisz, których produktów dotyczy "
    "prośba i jaki jest jej powód.",
    "ru": "Если в вашем сообщении этого ещё нет, уточните, каких товаров касается запрос и в "
    "чём причина.",
    "tr": "Mesajınızda henüz yoksa talebin hangi ürün(ler)le ilgili olduğunu ve nedenini yazın.",
    "ja": "対象の商品と返金をご希望の理由をまだお書きでない場合は、お知らせください。",
    "ko": "아직 알려 주시지 않았다면 어떤 상품에 대한 요청인지와 환불 사유를 알려 주세요.",
    "zh": "如果您的消息里还没写明，请告诉我们涉及哪些商品以及申请退款的原因。",
    "ar": "إن لم تذكر ذلك في رسالتك بعد، فأخبرنا بالمنتج أو المنتجات المعنية وسبب طلب الاسترداد.",
}
MISSING: Mapping[str, str] = {
    "en": "If your message doesn't say it yet, tell us which item is missing.",
    "es": "Si aún no lo has mencionado en tu mensaje, indícanos qué artículo falta.",
    "fr": "Si votre message ne le précise pas encore, indiquez-nous l'article manquant.",
    "de": "Falls das noch nicht in Ihrer Nachricht steht, nennen Sie uns bitte den fehlenden "
    "Artikel.",
    "it": "Se non l'hai già scritto nel messaggio, dicci quale articolo manca.",
    "pt": "Se isso ainda não estiver na sua mensagem, diga qual item está faltando.",
    "pt-PT": "Se ainda não estiver na sua mensagem, diga-nos que artigo falta.",
    "nl": "Staat het nog niet in je bericht, laat ons dan weten welk artikel er mist.",
    "pl": "Jeśli nie ma tego jeszcze w Twojej wiadomości, napisz, którego produktu brakuje.",
    "ru": "Если в вашем сообщении этого ещё нет, напишите, какого товара не хватает.",
    "tr": "Mesajınızda henüz yoksa hangi ürünün eksik olduğunu yazın.",
    "ja": "不足している商品をまだお書きでない場合は、お知らせください。",
    "ko": "아직 알려 주시지 않았다면 어떤 상품이 빠졌는지 알려 주세요.",
    "zh": "如果您还没有说明，请告诉我们缺少的是哪件商品。",
    "ar": "إن لم تذكر المنتج الناقص في رسالتك بعد، فأخبرنا به.",
}
EXPECTED: Mapping[str, str] = {
    "en": "If your message doesn't say it yet, tell us what you expected.",
    "es": "Si aún no lo has mencionado en tu mensaje, cuéntanos qué esperabas.",
    "fr": "Si votre message ne le précise pas encore, dites-nous ce que vous attendiez.",
    "de": "Falls das noch nicht in Ihrer Nachricht steht, schreiben Sie uns bitte, was Sie "
    "erwartet hatten.",
    "it": "Se non l'hai già scritto nel messaggio, dicci cosa ti aspettavi.",
    "pt": "Se isso ainda não estiver na sua mensagem, conte o que você esperava receber.",
    "pt-PT": "Se ainda não estiver na sua mensagem, diga-nos o que esperava receber.",
    "nl": "Staat het nog niet in je bericht, laat ons dan weten wat je had verwacht.",
    "pl": "Jeśli nie ma tego jeszcze w Twojej wiadomości, napisz, jaki produkt miał przyjść.",
    "ru": "Если в вашем сообщении этого ещё нет, напишите, что вы ожидали получить.",
    "tr": "Mesajınızda henüz yoksa hangi ürünü beklediğinizi de yazın.",
    "ja": "本来ご注文の商品をまだお書きでない場合は、あわせてお知らせください。",
    "ko": "원래 주문하신 상품을 아직 알려 주시지 않았다면 함께 알려 주세요.",
    "zh": "如果您还没有说明，也请告诉我们您原本订购的是什么。",
    "ar": "إن لم تذكر في رسالتك بعد المنتج الذي كنت تتوقعه، فأخبرنا به.",
}
ACCOUNT: Mapping[str, str] = {
    "en": "If your message doesn't say it yet, reply with the details you'd like changed.",
    "es": "Si aún no lo has mencionado en tu mensaje, respóndenos con lo que quieres cambiar.",
    "fr": "Si votre message ne le précise pas encore, indiquez-nous ce que vous souhaitez changer.",
    "de": "Steht es noch nicht in Ihrer Nachricht, schreiben Sie uns einfach, was geändert "
    "werden soll.",
    "it": "Se non l'hai già scritto nel messaggio, rispondici indicando cosa vuoi cambiare.",
    "pt": "Se isso ainda não estiver na sua mensagem, responda com o que deseja alterar.",
    "pt-PT": "Se ainda não estiver na sua mensagem, responda com o que pretende alterar.",
    "nl": "Staat het nog niet in je bericht, laat ons dan weten wat je wilt wijzigen.",
    "pl": "Jeśli nie ma tego jeszcze w Twojej wiadomości, napisz nam, co chcesz zmienić.",
    "ru": "Если в вашем сообщении этого ещё нет, напишите, что нужно поменять.",
    "tr": "Mesajınızda henüz yoksa neyi değiştirmek istediğinizi bize yazın.",
    "ja": "変更したい内容をまだお書きでない場合は、お送りください。",
    "ko": "바꾸고 싶은 내용을 아직 알려 주시지 않았다면 알려 주세요.",
    "zh": "如果您的消息里还没写明，请告诉我们需要修改的内容。",
    "ar": "إن لم تذكر في رسالتك بعد ما تريد تغييره، فأرسله لنا.",
}

# The invoice's company: the whole ask, on its condition, when the message names no
# company; else the parts it lacks, each written to fit the sentence's slot.
COMPANY_ALL: Mapping[str, str] = {
    "en": "If you need it issued to a company, please send us the company name, address and VAT "
    "or tax ID.",
    "es": "Si la necesitas a nombre de una empresa, envíanos la razón social, la dirección y el "
    "número fiscal.",
    "fr": "Si vous la souhaitez au nom d'une entreprise, indiquez-nous sa raison sociale, son "
    "adresse et son numéro de TVA.",
    "de": "Soll sie auf eine Firma ausgestellt werden, schicken Sie uns bitte Firmenname, "
    "Anschrift und Umsatzsteuer-Identifikationsnummer.",
    "it": "Se ti serve intestata a un'azienda, inviaci ragione sociale, indirizzo e partita IVA.",
    "pt": "Se precisar dela em nome de uma empresa, envie a razão social, o endereço e o número "
    "fiscal.",
    "pt-PT": "Se precisar dela em nome de uma empresa, envie-nos o nome da empresa, a morada e o "
    "NIF.",
    "nl": "Heb je hem op bedrijfsnaam nodig, stuur ons dan de bedrijfsnaam, het adres en het "
    "btw-nummer.",
    "pl": "Jeśli potrzebujesz faktury na firmę, prześlij nazwę firmy, adres i numer NIP.",
    "ru": "Если документ нужен на компанию, пришлите, пожалуйста, её название, адрес и ИНН.",
    "tr": "Şirket adına düzenlenmesini istiyorsanız lütfen şirketin unvanını, adresini ve vergi "
    "numarasını yazın.",
    "ja": "会社名義での発行をご希望の場合は、会社名・住所・税番号をお送りください。",
    "ko": "회사 명의로 발행이 필요하시면 회사명, 주소, 사업자(세금) 번호를 알려 주세요.",
    "zh": "如需开具公司抬头，请提供公司名称、地址和税号。",
    "ar": "إذا كنت تحتاجها باسم شركة، فأرسل لنا اسم الشركة وعنوانها والرقم الضريبي.",
}
COMPANY_PART: Mapping[str, tuple[str, Mapping[str, str]]] = {
    "en": (
        "To issue it to your company, please also send us the company's {parts}.",
        {COMPANY_NAME: "name", COMPANY_ADDRESS: "address", TAX_ID: "VAT or tax ID"},
    ),
    "es": (
        "Para emitirla a nombre de tu empresa, envíanos también {parts}.",
        {
            COMPANY_NAME: "la razón social",
            COMPANY_ADDRESS: "la dirección de la empresa",
            TAX_ID: "el número fiscal",
        },
    ),
    "fr": (
        "Pour l'établir au nom de votre société, indiquez-nous aussi {parts}.",
        {
            COMPANY_NAME: "sa raison sociale",
            COMPANY_ADDRESS: "son adresse",
            TAX_ID: "son numéro de TVA",
        },
    ),
    "de": (
        "Damit wir sie auf Ihre Firma ausstellen können, schicken Sie uns bitte noch {parts}.",
        {
            COMPANY_NAME: "den Firmennamen",
            COMPANY_ADDRESS: "die Firmenanschrift",
            TAX_ID: "die Umsatzsteuer-Identifikationsnummer",
        },
    ),
    "it": (
        "Per intestarla alla tua azienda, inviaci anche {parts}.",
        {
            COMPANY_NAME: "la ragione sociale",
            COMPANY_ADDRESS: "l'indirizzo della sede",
            TAX_ID: "la partita IVA",
        },
    ),
    "pt": (
        "Para emiti-la em nome da sua empresa, envie também {parts}.",
        {
            COMPANY_NAME: "a razão social",
            COMPANY_ADDRESS: "o endereço da empresa",
            TAX_ID: "o número fiscal",
        },
    ),
    "pt-PT": (
        "Para a emitirmos em nome da sua empresa, envie-nos também {parts}.",
        {
            COMPANY_NAME: "o nome da empresa",
            COMPANY_ADDRESS: "a morada da empresa",
            TAX_ID: "o NIF",
        },
    ),
    "nl": (
        "Om hem op naam van je bedrijf te zetten, hebben we ook {parts} nodig.",
        {
            COMPANY_NAME: "de bedrijfsnaam",
            COMPANY_ADDRESS: "het bedrijfsadres",
            TAX_ID: "het btw-nummer",
        },
    ),
    "pl": (
        "Aby wystawić fakturę na firmę, prześlij jeszcze {parts}.",
        {COMPANY_NAME: "nazwę firmy", COMPANY_ADDRESS: "adres firmy", TAX_ID: "numer NIP"},
    ),
    "ru": (
        "Чтобы оформить документ на компанию, пришлите, пожалуйста, ещё {parts}.",
        {COMPANY_NAME: "её название", COMPANY_ADDRESS: "адрес компании", TAX_ID: "ИНН"},
    ),
    "tr": (
        "Faturayı şirketiniz adına düzenleyebilmemiz için lütfen {parts} bilgilerini de iletin.",
        {COMPANY_NAME: "şirket unvanı", COMPANY_ADDRESS: "şirket adresi", TAX_ID: "vergi numarası"},
    ),
    "ja": (
        "会社名義で発行いたしますので、{parts}もお知らせください。",
        {COMPANY_NAME: "会社名", COMPANY_ADDRESS: "会社の住所", TAX_ID: "税番号"},
    ),
    "ko": (
        "회사 명의로 발행할 수 있도록 {parts}도 알려 주세요.",
        {COMPANY_NAME: "회사명", COMPANY_ADDRESS: "회사 주소", TAX_ID: "사업자(세금) 번호"},
    ),
    "zh": (
        "为了开具公司抬头，请再提供{parts}。",
        {COMPANY_NAME: "公司名称", COMPANY_ADDRESS: "公司地址", TAX_ID: "税号"},
    ),
    "ar": (
        "لإصدارها باسم شركتك، أرسل لنا أيضًا {parts}.",
        {COMPANY_NAME: "اسم الشركة", COMPANY_ADDRESS: "عنوان الشركة", TAX_ID: "الرقم الضريبي"},
    ),
}
COMPANY_PARTS = (COMPANY_NAME, COMPANY_ADDRESS, TAX_ID)

# A payment's details: the method, the date and amount, and a screenshot of any error;
# the method is left out when the message names it.
PAYMENT: Mapping[str, tuple[str, str]] = {
    "en": (
        "If your message doesn't say them yet, tell us the payment method you used and the date "
        "and amount of the payment, and send a screenshot of any error message (never share your "
        "full card number).",
        "Please tell us the date and amount of the payment, and send a screenshot of any error "
        "message or of the payment confirmation (never share your full card number).",
    ),
    "es": (
        "Si tu mensaje aún no lo indica, dinos el método de pago que usaste y la fecha y el "
        "importe del pago, y envíanos una captura del mensaje de error, si lo hubo (nunca "
        "compartas el número completo de la tarjeta).",
        "Dinos la fecha y el importe del pago, y envíanos una captura del mensaje de error o del "
        "comprobante de pago (nunca compartas el número completo de la tarjeta).",
    ),
    "fr": (
        "Si votre message ne les précise pas encore, indiquez-nous le moyen de paiement utilisé "
        "ainsi que la date et le montant du paiement, et envoyez une capture d'écran du message "
        "d'erreur s'il y en a un (ne partagez jamais votre numéro de carte complet).",
        "Indiquez-nous la date et le montant du paiement, et envoyez une capture d'écran du "
        "message d'erreur ou de la confirmation de paiement (ne partagez jamais votre numéro de "
        "carte complet).",
    ),
    "de": (
        "Falls das noch nicht in Ihrer Nachricht steht, nennen Sie uns bitte die Zahlungsart "
        "sowie Datum und Betrag der Zahlung, und schicken Sie einen Screenshot der Fehlermeldung, "
        "falls es eine gab (senden Sie uns bitte nie Ihre vollständige Kartennummer).",
        "Nennen Sie uns bitte Datum und Betrag der Zahlung und schicken Sie einen Screenshot der "
        "Fehlermeldung oder der Zahlungsbestätigung (senden Sie uns bitte nie Ihre vollständige "
        "Kartennummer).",
    ),
    "it": (
        "Se non l'hai già scritto nel messaggio, indicaci il metodo di pagamento usato, data e "
        "importo del pagamento, e inviaci uno screenshot dell'eventuale messaggio di errore (non "
        "condividere mai il numero completo della carta).",
        "Indicaci data e importo del pagamento e inviaci uno screenshot del messaggio di errore o "
        "della conferma di pagamento (non condividere mai il numero completo della carta).",
    ),
    "pt": (
        "Se isso ainda não estiver na sua mensagem, informe o meio de pagamento usado e a data e "
        "o valor do pagamento, e envie uma captura de tela da mensagem de erro, se houver (nunca "
        "compartilhe o número completo do cartão).",
        "Informe a data e o valor do pagamento e envie uma captura de tela da mensagem de erro ou "
        "do comprovante de pagamento (nunca compartilhe o número completo do cartão).",
    ),
    "pt-PT": (
        "Se ainda não estiver na sua mensagem, indique o método de pagamento utilizado, a data e "
        "o valor do pagamento, e envie-nos uma captura de ecrã da mensagem de erro, se houver "
        "(nunca partilhe o número completo do cartão).",
        "Indique a data e o valor do pagamento e envie-nos uma captura de ecrã da mensagem de "
        "erro ou do comprovativo de pagamento (nunca partilhe o número completo do cartão).",
    ),
    "nl": (
        "Staat het nog niet in je bericht, laat ons dan weten met welke betaalmethode je hebt "
        "betaald en op welke datum en voor welk bedrag, en stuur een screenshot van een "
        "eventuele foutmelding (deel nooit je volledige kaartnummer).",
        "Laat ons de datum en het bedrag van de betaling weten en stuur een screenshot van de "
        "foutmelding of van de betaalbevestiging (deel nooit je volledige kaartnummer).",
    ),
    "pl": (
        "Jeśli nie ma tego jeszcze w Twojej wiadomości, podaj metodę płatności oraz datę i kwotę "
        "płatności, a także prześlij zrzut ekranu komunikatu o błędzie, jeśli się pojawił "
        "(nigdy nie podawaj pełnego numeru karty).",
        "Podaj datę i kwotę płatności oraz prześlij zrzut ekranu komunikatu o błędzie lub "
        "potwierdzenia płatności (nigdy nie podawaj pełnego numeru karty).",
    ),
    "ru": (
        "Если в вашем сообщении этого ещё нет, напишите способ оплаты, дату и сумму "
        "платежа, и пришлите скриншот сообщения об ошибке, если оно было (никогда не присылайте "
        "полный номер карты).",
        "Напишите дату и сумму платежа и пришлите скриншот сообщения об ошибке или "
        "подтверждения оплаты (никогда не присылайте полный номер карты).",
    ),
    "tr": (
        "Mesajınızda henüz yoksa kullandığınız ödeme yöntemini, ödemenin tarihini ve tutarını "
        "yazın; varsa hata mesajının ekran görüntüsünü de gönderin (kart numaranızın tamamını "
        "asla paylaşmayın).",
        "Ödemenin tarihini ve tutarını yazın; hata mesajının ya da ödeme onayının ekran "
        "görüntüsünü de gönderin (kart numaranızın tamamını asla paylaşmayın).",
    ),
    "ja": (
        "ご利用の支払い方法、お支払いの日時と金額をまだお書きでない場合はお知らせください。"
        "エラーメッセージがあればそのスクリーンショットもお送りください（カード番号の全桁は絶対に"
        "送らないでください）。",
        "お支払いの日時と金額をお知らせのうえ、エラーメッセージまたはお支払い完了画面の"
        "スクリーンショットをお送りください（カード番号の全桁は絶対に送らないでください）。",
    ),
    "ko": (
        "아직 알려 주시지 않았다면 사용하신 결제 수단과 결제 날짜, 금액을 알려 주시고, 오류 "
        "메시지가 있었다면 스크린샷도 보내 주세요(카드 번호 전체는 절대 보내지 마세요).",
        "결제 날짜와 금액을 알려 주시고, 오류 메시지나 결제 완료 화면의 스크린샷을 보내 주세요"
        "(카드 번호 전체는 절대 보내지 마세요).",
    ),
    "zh": (
        "如果您的消息里还没写明，请告诉我们您使用的支付方式、付款日期和金额；如有错误提示请附上"
        "截图（请勿发送完整卡号）。",
        "请告诉我们付款日期和金额，并附上错误提示或付款凭证的截图（请勿发送完整卡号）。",
    ),
    "ar": (
        "إن لم تذكر ذلك في رسالتك بعد، فأخبرنا بوسيلة الدفع التي استخدمتها وتاريخ الدفع ومبلغه، "
        "وأرسل لقطة شاشة لرسالة الخطأ إن وُجدت (لا تشارك رقم بطاقتك كاملًا أبدًا).",
        "أخبرنا بتاريخ الدفع ومبلغه، وأرسل لقطة شاشة لرسالة الخطأ أو لإيصال الدفع (لا تشارك رقم "
        "بطاقتك كاملًا أبدًا).",
    ),
}

# A parcel marked delivered: where to look, and without the neighbours once the message
# says they were asked (or thought of).
DELIVERED_CHECK: Mapping[str, tuple[str, str]] = {
    "en": (
        (
            "If the tracking shows it as delivered, please check your mailbox, any safe "
            "place, your neighbours or the building reception, and confirm your delivery "
            "address."
        ),
        (
            "If the tracking shows it as delivered, please check your mailbox, any safe "
            "place or the building reception, and confirm your delivery address."
        ),
    ),
    "es": (
        (
            "Si el seguimiento lo da por entregado, revisa el buzón y cualquier lugar "
            "seguro donde puedan haberlo dejado, pregunta a los vecinos o en la portería y "
            "confírmanos tu dirección de entrega."
        ),
        (
            "Si el seguimiento lo da por entregado, revisa el buzón y cualquier lugar "
            "seguro donde puedan haberlo dejado, pregunta en la portería y confírmanos tu "
            "dirección de entrega."
        ),
    ),
    "fr": (
        (
            "Si le suivi indique que le colis a été livré, vérifiez votre boîte aux lettres "
            "et un éventuel lieu de dépôt, demandez à vos voisins ou au gardien, puis "
            "confirmez-nous votre adresse de livraison."
        ),
        (
            "Si le suivi indique que le colis a été livré, vérifiez votre boîte aux lettres "
            "et un éventuel lieu de dépôt, demandez au gardien, puis confirmez-nous votre "
            "adresse de livraison."
        ),
    ),
    "de": (
        (
            "Wenn das Paket laut Sendungsverfolgung zugestellt wurde, schauen Sie bitte im "
            "Briefkasten, an einem möglichen Ablageort, bei Ihren Nachbarn oder am Empfang "
            "nach und bestätigen Sie uns Ihre Lieferadresse."
        ),
        (
            "Wenn das Paket laut Sendungsverfolgung zugestellt wurde, schauen Sie bitte im "
            "Briefkasten, an einem möglichen Ablageort oder am Empfang nach und bestätigen "
            "Sie uns Ihre Lieferadresse."
        ),
    ),
    "it": (
        (
            "Se dal tracciamento risulta consegnato, controlla la cassetta della posta ed "
            "eventuali luoghi sicuri in cui potrebbe essere stato lasciato, chiedi ai vicini"
            " o in portineria e confermaci l'indirizzo di consegna."
        ),
        (
            "Se dal tracciamento risulta consegnato, controlla la cassetta della posta ed "
            "eventuali luoghi sicuri in cui potrebbe essere stato lasciato, chiedi in "
            "portineria e confermaci l'indirizzo di consegna."
        ),
    ),
    "pt": (
        (
            "Se o rastreio mostrar o pacote como entregue, verifique a caixa de correio e "
            "algum local seguro onde ele possa ter sido deixado, pergunte aos vizinhos ou "
            "na portaria e confirme o seu endereço de entrega."
        ),
        (
            "Se o rastreio mostrar o pacote como entregue, verifique a caixa de correio e "
            "algum local seguro onde ele possa ter sido deixado, pergunte na portaria e "
            "confirme o seu endereço de entrega."
        ),
    ),
    "nl": (
        (
            "Staat het in de track & trace als bezorgd, kijk dan nog even in de brievenbus,"
            " op een eventuele afleverplek, bij de buren of bij de receptie, en bevestig je"
            " bezorgadres."
        ),
        (
            "Staat het in de track & trace als bezorgd, kijk dan nog even in de brievenbus,"
            " op een eventuele afleverplek of bij de receptie, en bevestig je bezorgadres."
        ),
    ),
    "pl": (
        (
            "Jeśli w śledzeniu widnieje jako doręczona, sprawdź skrzynkę pocztową i "
            "ewentualne miejsce, w którym kurier mógł ją zostawić, zapytaj sąsiadów lub w "
            "recepcji budynku i potwierdź adres dostawy."
        ),
        (
            "Jeśli w śledzeniu widnieje jako doręczona, sprawdź skrzynkę pocztową i "
            "ewentualne miejsce, w którym kurier mógł ją zostawić, zapytaj w recepcji "
            "budynku i potwierdź adres dostawy."
        ),
    ),
    "ru": (
        (
            "Если в отслеживании она значится врученной, проверьте, пожалуйста, почтовый "
            "ящик и место, где курьер мог её оставить, спросите соседей или консьержа и "
            "подтвердите адрес доставки."
        ),
        (
            "Если в отслеживании она значится врученной, проверьте, пожалуйста, почтовый "
            "ящик и место, где курьер мог её оставить, спросите консьержа и подтвердите "
            "адрес доставки."
        ),
    ),
    "tr": (
        (
            "Takipte teslim edildi görünüyorsa lütfen posta kutunuzu ve paketin bırakılmış "
            "olabileceği yerleri kontrol edin, komşularınıza veya bina görevlisine sorun ve "
            "teslimat adresinizi bize teyit edin."
        ),
        (
            "Takipte teslim edildi görünüyorsa lütfen posta kutunuzu ve paketin bırakılmış "
            "olabileceği yerleri kontrol edin, bina görevlisine sorun ve teslimat "
            "adresinizi bize teyit edin."
        ),
    ),
    "ja": (
        (
            "追跡情報で配達済みとなっている場合は、お手数ですが、郵便受け・宅配ボックス・置き配場所・ご近所や管理人室をご確認のうえ、お届け先住所をお知らせください。"
        ),
        (
            "追跡情報で配達済みとなっている場合は、お手数ですが、郵便受け・宅配ボックス・置き配場所・管理人室をご確認のうえ、お届け先住所をお知らせください。"
        ),
    ),
    "ko": (
        (
            "배송 완료로 조회된다면 우편함, 택배 보관함, 이웃이나 경비실을 한 번 확인해 주시고 "
            "배송 주소가 맞는지 알려 주세요."
        ),
        (
            "배송 완료로 조회된다면 우편함, 택배 보관함, 경비실을 한 번 확인해 주시고 "
            "배송 주소가 맞는지 알려 주세요."
        ),
    ),
    "zh": (
        ("如果物流显示已签收，请先查看信箱、快递柜或物业前台，问问邻居，并确认一下您的收货地址。"),
        ("如果物流显示已签收，请先查看信箱、快递柜或物业前台，并确认一下您的收货地址。"),
    ),
    "ar": (
        (
            "إذا كان التتبع يُظهر أنه تم تسليمه، فيرجى التحقق من صندوق البريد أو أي مكان "
            "آمن قد يكون تُرك فيه أو عند الجيران أو حارس المبنى، وتأكيد عنوان التوصيل."
        ),
        (
            "إذا كان التتبع يُظهر أنه تم تسليمه، فيرجى التحقق من صندوق البريد أو أي مكان "
            "آمن قد يكون تُرك فيه أو لدى حارس المبنى، وتأكيد عنوان التوصيل."
        ),
    ),
    "pt-PT": (
        (
            "Se o seguimento mostrar a encomenda como entregue, verifique a caixa de "
            "correio e algum local seguro onde possa ter sido deixada, pergunte aos "
            "vizinhos ou na portaria e confirme a sua morada de entrega."
        ),
        (
            "Se o seguimento mostrar a encomenda como entregue, verifique a caixa de "
            "correio e algum local seguro onde possa ter sido deixada, pergunte na portaria"
            " e confirme a sua morada de entrega."
        ),
    ),
}

# A payment taken with no order created: the checkout contact finds it; there is no order
# number to ask for (``replies.facts.link`` asks for one otherwise).
PAYMENT_LINK: Mapping[str, str] = {
    "en": "To find your payment, please send us the e-mail address or phone number you used "
    "at checkout.",
    "es": "Para localizar tu pago, envíanos el correo electrónico o el teléfono que usaste al "
    "comprar.",
    "fr": "Pour retrouver votre paiement, envoyez-nous l'adresse e-mail ou le numéro de "
    "téléphone utilisés lors de l'achat.",
    "de": "Damit wir Ihre Zahlung finden, senden Sie uns bitte die E-Mail-Adresse oder "
    "Telefonnummer, die Sie beim Kauf angegeben haben.",
    "it": "Per trovare il tuo pagamento, inviaci l'e-mail o il numero di telefono usati per "
    "l'acquisto.",
    "pt": "Para localizarmos seu pagamento, envie-nos o e-mail ou telefone usado na compra.",
    "pt-PT": "Para localizarmos o seu pagamento, envie-nos o e-mail ou telefone usado na compra.",
    "nl": "Om je betaling te vinden, stuur ons het e-mailadres of telefoonnummer dat je bij het "
    "bestellen hebt gebruikt.",
    "pl": "Abyśmy mogli odnaleźć Twoją płatność, podaj adres e-mail lub numer telefonu użyty "
    "przy zakupie.",
    "ru": "Чтобы мы нашли ваш платёж, пришлите email или номер телефона, указанные при "
    "оформлении заказа.",
    "tr": "Ödemenizi bulabilmemiz için alışverişte kullandığınız e-posta adresini veya telefon "
    "numarasını gönderin.",
    "ja": "お支払いを確認するため、ご購入時のメールアドレスまたは電話番号をお知らせください。",
    "ko": "결제 내역을 찾을 수 있도록 구매 시 사용하신 이메일 주소나 전화번호를 알려 주세요.",
    "zh": "为了查找您的付款，请告诉我们下单时使用的邮箱或手机号。",
    "ar": "لكي نعثر على عملية الدفع، أرسل لنا البريد الإلكتروني أو رقم الهاتف الذي استخدمته عند "
    "الشراء.",
}

# An exchange the message already names ("can I swap it for the 39?"): the store's
# exchange term without asking which item is wanted; (exchanges offered, not said).
EXCHANGE_NAMED: Mapping[str, tuple[str, str]] = {
    "en": (
        "Exchanges are possible: we'll check that the one you'd like is in stock.",
        "Our team will check whether the exchange you'd like is possible.",
    ),
    "es": (
        "Hacemos cambios: comprobaremos que haya existencias del que quieres.",
        "Nuestro equipo comprobará si es posible el cambio que quieres.",
    ),
    "fr": (
        "Les échanges sont possibles : nous vérifierons que celui que vous souhaitez est en stock.",
        "Notre équipe vérifiera si l'échange que vous souhaitez est possible.",
    ),
    "de": (
        "Ein Umtausch ist möglich: Wir prüfen, ob der gewünschte Artikel vorrätig ist.",
        "Unser Team prüft, ob der gewünschte Umtausch möglich ist.",
    ),
    "it": (
        "Facciamo cambi: verificheremo che quello che desideri sia disponibile.",
        "Il nostro team verificherà se il cambio che desideri è possibile.",
    ),
    "pt": (
        "Fazemos trocas: vamos verificar se o que você quer está em estoque.",
        "Nossa equipe vai verificar se a troca que você quer é possível.",
    ),
    "pt-PT": (
        "Fazemos trocas: vamos verificar se o que pretende está em stock.",
        "A nossa equipa vai verificar se a troca que pretende é possível.",
    ),
    "nl": (
        "Ruilen kan: we kijken of het artikel dat je wilt op voorraad is.",
        "Ons team kijkt of de ruil die je wilt mogelijk is.",
    ),
    "pl": (
        "Wymiana jest możliwa: sprawdzimy, czy produkt, który chcesz, jest dostępny.",
        "Nasz zespół sprawdzi, czy wymiana, o którą prosisz, jest możliwa.",
    ),
    "ru": (
        "Обмен возможен: мы проверим, есть ли нужный вам товар в наличии.",
        "Наша команда проверит, возможен ли нужный вам обмен.",
    ),
    "tr": (
        "Değişim yapıyoruz: istediğiniz ürünün stokta olup olmadığını kontrol edeceğiz.",
        "Ekibimiz istediğiniz değişimin mümkün olup olmadığını kontrol edecek.",
    ),
    "ja": (
        "交換を承っております。ご希望の商品の在庫を確認いたします。",
        "ご希望の交換が可能かどうか、担当チームが確認いたします。",
    ),
    "ko": (
        "교환이 가능합니다. 원하시는 상품의 재고를 확인해 드리겠습니다.",
        "원하시는 교환이 가능한지 담당팀이 확인해 드리겠습니다.",
    ),
    "zh": (
        "本店支持换货，我们会确认您想要的商品是否有货。",
        "我们的团队会确认能否按您的要求换货。",
    ),
    "ar": (
        "نقبل الاستبدال، وسنتحقق من توفر المنتج الذي تريده.",
        "سيتحقق فريقنا من إمكانية الاستبدال الذي تطلبه.",
    ),
}
