"""The sentences of the asks (``replies.facts.asks``), in the library's 14 languages and
European Portuguese: data only, kept apart so the asks' logic reads in one screen.

Each table maps a language, or a language with the shopper's country ("pt-PT"), to the
sentence(s) of one ask; the asks module picks the regional wording where there is one.
"""

from __future__ import annotations

from collections.abc import Mapping

from replies.facts.mentions import COMPANY_ADDRESS, COMPANY_NAME, TAX_ID

# language (or regional variant) -> sentence; each asks all of one detail, plainly: it is
# written only when the message does not give that detail (``replies.facts.mentions``)
RETURN: Mapping[str, str] = {
    "en": "Please tell us which items you'd like to send back, and why.",
    "es": "Dinos qué artículos quieres devolver y por qué.",
    "fr": "Dites-nous quels articles vous souhaitez renvoyer et pourquoi.",
    "de": "Nennen Sie uns bitte die Artikel, die Sie zurückschicken möchten, und den Grund.",
    "it": "Dicci quali articoli vuoi restituire e perché.",
    "pt": "Diga-nos quais itens você quer devolver e por quê.",
    "pt-PT": "Diga-nos que artigos quer devolver e porquê.",
    "nl": "Laat ons weten welke artikelen je wilt terugsturen en waarom.",
    "pl": "Napisz, które produkty chcesz odesłać i dlaczego.",
    "ru": "Напишите, пожалуйста, какие товары вы хотите вернуть и почему.",
    "tr": "Lütfen hangi ürünü veya ürünleri neden iade etmek istediğinizi yazın.",
    "ja": "返品をご希望の商品と理由をお知らせください。",
    "ko": "반품하실 상품과 사유를 알려 주세요.",
    "zh": "请告诉我们想退的商品以及退货原因。",
    "ar": "أخبرنا بالمنتج أو المنتجات التي تريد إرجاعها والسبب.",
}
REFUND: Mapping[str, str] = {
    "en": "Please tell us which items your request is about, and the reason for it.",
    "es": "Cuéntanos qué artículos quieres que te reembolsemos y por qué.",
    "fr": "Indiquez-nous le ou les articles concernés et le motif de votre demande.",
    "de": "Teilen Sie uns bitte mit, welche Artikel betroffen sind und aus welchem Grund Sie "
    "die Erstattung wünschen.",
    "it": "Indicaci per quali articoli chiedi il rimborso e per quale motivo.",
    "pt": "Conte-nos para quais itens você quer o reembolso e por quê.",
    "pt-PT": "Diga-nos para que artigos quer o reembolso e porquê.",
    "nl": "Laat ons weten om welke artikelen het gaat en wat de reden is.",
    "pl": "Napisz, których produktów dotyczy prośba i jaki jest jej powód.",
    "ru": "Уточните, пожалуйста, каких товаров касается запрос и в чём причина.",
    "tr": "Lütfen talebinizin hangi ürünle veya ürünlerle ilgili olduğunu ve nedenini yazın.",
    "ja": "対象の商品と返金をご希望の理由をお知らせください。",
    "ko": "어떤 상품에 대한 요청인지, 그리고 환불 사유를 알려 주세요.",
    "zh": "请告诉我们涉及哪些商品以及申请退款的原因。",
    "ar": "أخبرنا بالمنتج أو المنتجات المعنية وسبب طلب الاسترداد.",
}
# a refund for a product the message names, without saying why
REFUND_REASON: Mapping[str, str] = {
    "en": "Please tell us briefly why you'd like a refund.",
    "es": "Cuéntanos brevemente por qué quieres el reembolso.",
    "fr": "Indiquez-nous brièvement le motif de votre demande de remboursement.",
    "de": "Teilen Sie uns bitte kurz mit, warum Sie die Erstattung wünschen.",
    "it": "Dicci in breve il motivo della richiesta di rimborso.",
    "pt": "Conte-nos brevemente por que você quer o reembolso.",
    "pt-PT": "Diga-nos brevemente porque pretende o reembolso.",
    "nl": "Laat ons kort weten waarom je je geld terug wilt.",
    "pl": "Napisz krótko, dlaczego prosisz o zwrot pieniędzy.",
    "ru": "Коротко напишите, пожалуйста, почему вы хотите вернуть деньги.",
    "tr": "Lütfen iade talebinizin nedenini kısaca yazın.",
    "ja": "返金をご希望の理由を簡単にお知らせください。",
    "ko": "환불을 원하시는 사유를 간단히 알려 주세요.",
    "zh": "请简单说明申请退款的原因。",
    "ar": "أخبرنا باختصار بسبب طلب الاسترداد.",
}
MISSING: Mapping[str, str] = {
    "en": "Please tell us which item is missing.",
    "es": "Indícanos qué artículo falta.",
    "fr": "Indiquez-nous l'article manquant.",
    "de": "Nennen Sie uns bitte den fehlenden Artikel.",
    "it": "Dicci quale articolo manca.",
    "pt": "Diga qual item está faltando.",
    "pt-PT": "Diga-nos que artigo falta.",
    "nl": "Laat ons weten welk artikel er mist.",
    "pl": "Napisz, którego produktu brakuje.",
    "ru": "Напишите, пожалуйста, какого товара не хватает.",
    "tr": "Lütfen hangi ürünün eksik olduğunu yazın.",
    "ja": "不足している商品をお知らせください。",
    "ko": "어떤 상품이 빠졌는지 알려 주세요.",
    "zh": "请告诉我们缺少的是哪件商品。",
    "ar": "أخبرنا بالمنتج الناقص.",
}
EXPECTED: Mapping[str, str] = {
    "en": "Please tell us which item you expected to receive.",
    "es": "Cuéntanos qué artículo esperabas recibir.",
    "fr": "Dites-nous quel article vous attendiez.",
    "de": "Schreiben Sie uns bitte, welchen Artikel Sie erwartet hatten.",
    "it": "Dicci quale articolo ti aspettavi.",
    "pt": "Conte qual item você esperava receber.",
    "pt-PT": "Diga-nos que artigo esperava receber.",
    "nl": "Laat ons weten welk artikel je had verwacht.",
    "pl": "Napisz, jaki produkt miał przyjść.",
    "ru": "Напишите, пожалуйста, какой товар вы ожидали получить.",
    "tr": "Lütfen hangi ürünü beklediğinizi de yazın.",
    "ja": "本来ご注文いただいた商品もあわせてお知らせください。",
    "ko": "원래 주문하신 상품도 함께 알려 주세요.",
    "zh": "也请告诉我们您原本订购的是什么。",
    "ar": "أخبرنا بالمنتج الذي كنت تتوقعه.",
}
ACCOUNT: Mapping[str, str] = {
    "en": "Please reply with the details you'd like changed.",
    "es": "Respóndenos con lo que quieres cambiar.",
    "fr": "Indiquez-nous ce que vous souhaitez changer.",
    "de": "Schreiben Sie uns bitte, was geändert werden soll.",
    "it": "Rispondici indicando cosa vuoi cambiare.",
    "pt": "Responda com o que deseja alterar.",
    "pt-PT": "Responda com o que pretende alterar.",
    "nl": "Laat ons weten wat je wilt wijzigen.",
    "pl": "Napisz nam, co chcesz zmienić.",
    "ru": "Напишите, пожалуйста, что нужно поменять.",
    "tr": "Lütfen neyi değiştirmek istediğinizi bize yazın.",
    "ja": "変更したい内容をお知らせください。",
    "ko": "바꾸고 싶은 내용을 알려 주세요.",
    "zh": "请告诉我们需要修改的内容。",
    "ar": "أخبرنا بما تريد تغييره.",
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
        "Please tell us the payment method you used and the date "
        "and amount of the payment, and send a screenshot of any error message (never share your "
        "full card number).",
        "Please tell us the date and amount of the payment, and send a screenshot of any error "
        "message or of the payment confirmation (never share your full card number).",
    ),
    "es": (
        "Dinos el método de pago que usaste y la fecha y el "
        "importe del pago, y envíanos una captura del mensaje de error, si lo hubo (nunca "
        "compartas el número completo de la tarjeta).",
        "Dinos la fecha y el importe del pago, y envíanos una captura del mensaje de error o del "
        "comprobante de pago (nunca compartas el número completo de la tarjeta).",
    ),
    "fr": (
        "Indiquez-nous le moyen de paiement utilisé "
        "ainsi que la date et le montant du paiement, et envoyez une capture d'écran du message "
        "d'erreur s'il y en a un (ne partagez jamais votre numéro de carte complet).",
        "Indiquez-nous la date et le montant du paiement, et envoyez une capture d'écran du "
        "message d'erreur ou de la confirmation de paiement (ne partagez jamais votre numéro de "
        "carte complet).",
    ),
    "de": (
        "Nennen Sie uns bitte die Zahlungsart "
        "sowie Datum und Betrag der Zahlung, und schicken Sie einen Screenshot der Fehlermeldung, "
        "falls es eine gab (senden Sie uns bitte nie Ihre vollständige Kartennummer).",
        "Nennen Sie uns bitte Datum und Betrag der Zahlung und schicken Sie einen Screenshot der "
        "Fehlermeldung oder der Zahlungsbestätigung (senden Sie uns bitte nie Ihre vollständige "
        "Kartennummer).",
    ),
    "it": (
        "Indicaci il metodo di pagamento usato, data e "
        "importo del pagamento, e inviaci uno screenshot dell'eventuale messaggio di errore (non "
        "condividere mai il numero completo della carta).",
        "Indicaci data e importo del pagamento e inviaci uno screenshot del messaggio di errore o "
        "della conferma di pagamento (non condividere mai il numero completo della carta).",
    ),
    "pt": (
        "Informe o meio de pagamento usado e a data e "
        "o valor do pagamento, e envie uma captura de tela da mensagem de erro, se houver (nunca "
        "compartilhe o número completo do cartão).",
        "Informe a data e o valor do pagamento e envie uma captura de tela da mensagem de erro ou "
        "do comprovante de pagamento (nunca compartilhe o número completo do cartão).",
    ),
    "pt-PT": (
        "Indique o método de pagamento utilizado, a data e "
        "o valor do pagamento, e envie-nos uma captura de ecrã da mensagem de erro, se houver "
        "(nunca partilhe o número completo do cartão).",
        "Indique a data e o valor do pagamento e envie-nos uma captura de ecrã da mensagem de "
        "erro ou do comprovativo de pagamento (nunca partilhe o número completo do cartão).",
    ),
    "nl": (
        "Laat ons weten met welke betaalmethode je hebt "
        "betaald en op welke datum en voor welk bedrag, en stuur een screenshot van een "
        "eventuele foutmelding (deel nooit je volledige kaartnummer).",
        "Laat ons de datum en het bedrag van de betaling weten en stuur een screenshot van de "
        "foutmelding of van de betaalbevestiging (deel nooit je volledige kaartnummer).",
    ),
    "pl": (
        "Podaj metodę płatności oraz datę i kwotę "
        "płatności, a także prześlij zrzut ekranu komunikatu o błędzie, jeśli się pojawił "
        "(nigdy nie podawaj pełnego numeru karty).",
        "Podaj datę i kwotę płatności oraz prześlij zrzut ekranu komunikatu o błędzie lub "
        "potwierdzenia płatności (nigdy nie podawaj pełnego numeru karty).",
    ),
    "ru": (
        "Напишите способ оплаты, дату и сумму "
        "платежа, и пришлите скриншот сообщения об ошибке, если оно было (никогда не присылайте "
        "полный номер карты).",
        "Напишите дату и сумму платежа и пришлите скриншот сообщения об ошибке или "
        "подтверждения оплаты (никогда не присылайте полный номер карты).",
    ),
    "tr": (
        "Kullandığınız ödeme yöntemini, ödemenin tarihini ve tutarını "
        "yazın; varsa hata mesajının ekran görüntüsünü de gönderin (kart numaranızın tamamını "
        "asla paylaşmayın).",
        "Ödemenin tarihini ve tutarını yazın; hata mesajının ya da ödeme onayının ekran "
        "görüntüsünü de gönderin (kart numaranızın tamamını asla paylaşmayın).",
    ),
    "ja": (
        "ご利用の支払い方法、お支払いの日時と金額をお知らせください。"
        "エラーメッセージがあればそのスクリーンショットもお送りください（カード番号の全桁は絶対に"
        "送らないでください）。",
        "お支払いの日時と金額をお知らせのうえ、エラーメッセージまたはお支払い完了画面の"
        "スクリーンショットをお送りください（カード番号の全桁は絶対に送らないでください）。",
    ),
    "ko": (
        "사용하신 결제 수단과 결제 날짜, 금액을 알려 주시고, 오류 "
        "메시지가 있었다면 스크린샷도 보내 주세요(카드 번호 전체는 절대 보내지 마세요).",
        "결제 날짜와 금액을 알려 주시고, 오류 메시지나 결제 완료 화면의 스크린샷을 보내 주세요"
        "(카드 번호 전체는 절대 보내지 마세요).",
    ),
    "zh": (
        "请告诉我们您使用的支付方式、付款日期和金额；如有错误提示请附上截图（请勿发送完整卡号）。",
        "请告诉我们付款日期和金额，并附上错误提示或付款凭证的截图（请勿发送完整卡号）。",
    ),
    "ar": (
        "أخبرنا بوسيلة الدفع التي استخدمتها وتاريخ الدفع ومبلغه، "
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

# A product that does not work as it should: (the problem described: a photo or video
# only, nothing described: what happens too).
PROBLEM: Mapping[str, tuple[str, str]] = {
    "en": (
        "Please send a photo or short video that shows it, plus the product's model or batch "
        "number if there is one.",
        "Please tell us what happens, and send a photo or short video that shows it, plus the "
        "product's model or batch number if there is one.",
    ),
    "es": (
        "Envíanos una foto o un vídeo corto en el que se vea, junto con el modelo o el número "
        "de lote del producto si lo tiene.",
        "Cuéntanos qué le pasa y envíanos una foto o un vídeo corto en el que se vea, junto con "
        "el modelo o el número de lote del producto si lo tiene.",
    ),
    "fr": (
        "Envoyez-nous une photo ou une courte vidéo qui le montre, avec le modèle ou le numéro "
        "de lot du produit s'il y en a un.",
        "Décrivez-nous ce qui se passe et envoyez-nous une photo ou une courte vidéo qui le "
        "montre, avec le modèle ou le numéro de lot du produit s'il y en a un.",
    ),
    "de": (
        "Bitte schicken Sie uns ein Foto oder ein kurzes Video, auf dem man es sieht, und, falls "
        "vorhanden, das Modell oder die Chargennummer des Produkts.",
        "Bitte beschreiben Sie uns, was passiert, und schicken Sie uns ein Foto oder ein kurzes "
        "Video davon sowie, falls vorhanden, das Modell oder die Chargennummer des Produkts.",
    ),
    "it": (
        "Inviaci una foto o un breve video che lo mostri, insieme al modello o al numero di "
        "lotto se presente.",
        "Raccontaci cosa succede e inviaci una foto o un breve video che lo mostri, insieme al "
        "modello o al numero di lotto se presente.",
    ),
    "pt": (
        "Envie uma foto ou um vídeo curto que mostre o problema, junto com o modelo ou o número "
        "de lote do produto, se houver.",
        "Conte o que acontece e envie uma foto ou um vídeo curto que mostre o problema, junto "
        "com o modelo ou o número de lote do produto, se houver.",
    ),
    "pt-PT": (
        "Envie-nos uma fotografia ou um vídeo curto que mostre o problema, com o modelo ou o "
        "número de lote do produto, se houver.",
        "Diga-nos o que acontece e envie-nos uma fotografia ou um vídeo curto que mostre o "
        "problema, com o modelo ou o número de lote do produto, se houver.",
    ),
    "nl": (
        "Stuur ons een foto of korte video waarop het te zien is, met het model of het "
        "batchnummer van het product als dat er is.",
        "Vertel ons wat er gebeurt en stuur een foto of korte video waarop het te zien is, met "
        "het model of het batchnummer van het product als dat er is.",
    ),
    "pl": (
        "Prześlij zdjęcie lub krótkie nagranie, na którym widać usterkę, a także nazwę modelu "
        "lub numer partii produktu, jeśli jest.",
        "Opisz, co się dzieje, i prześlij zdjęcie lub krótkie nagranie, na którym widać "
        "usterkę, a także nazwę modelu lub numer partii produktu, jeśli jest.",
    ),
    "ru": (
        "Пришлите, пожалуйста, фото или короткое видео, где это видно, и модель или номер "
        "партии товара, если он есть.",
        "Опишите, пожалуйста, что происходит, и пришлите фото или короткое видео, где это "
        "видно, и модель или номер партии товара, если он есть.",
    ),
    "tr": (
        "Sorunu gösteren bir fotoğraf veya kısa bir video ile varsa ürünün model ya da parti "
        "numarasını gönderin.",
        "Ne olduğunu anlatın; sorunu gösteren bir fotoğraf veya kısa bir video ile varsa "
        "ürünün model ya da parti numarasını gönderin.",
    ),
    "ja": (
        "不具合の様子が分かる写真または短い動画と、あれば製品の型番・ロット番号をお送りください。",
        "どのような状態かをお知らせのうえ、不具合の様子が分かる写真または短い動画と、あれば製品の"
        "型番・ロット番号をお送りください。",
    ),
    "ko": (
        "증상이 보이는 사진이나 짧은 동영상과, 있다면 제품의 모델명이나 로트 번호를 보내 주세요.",
        "어떤 증상인지 알려 주시고, 증상이 보이는 사진이나 짧은 동영상과, 있다면 제품의 모델명이나 "
        "로트 번호를 보내 주세요.",
    ),
    "zh": (
        "请发一张照片或一段短视频展示故障情况，如有型号或批次号，也请一并提供。",
        "请告诉我们具体情况，并发一张照片或一段短视频展示故障情况，如有型号或批次号，也请一并提供。",
    ),
    "ar": (
        "أرسل لنا صورة أو مقطع فيديو قصيرًا يُظهر المشكلة، مع طراز المنتج أو رقم التشغيلة إن وُجد.",
        "صف لنا ما يحدث، وأرسل صورة أو مقطع فيديو قصيرًا يُظهر المشكلة، مع طراز المنتج أو رقم "
        "التشغيلة إن وُجد.",
    ),
}

# Which product a question is about (a plug or voltage question), when it names none.
PRODUCT: Mapping[str, str] = {
    "en": "If you tell us which product you mean, we'll gladly double-check it for you.",
    "es": "Si nos dices de qué producto se trata, lo comprobamos por ti.",
    "fr": "Dites-nous de quel produit il s'agit et nous vérifierons volontiers pour vous.",
    "de": "Nennen Sie uns das Produkt, dann prüfen wir es gern für Sie.",
    "it": "Dicci di quale prodotto si tratta e lo verifichiamo volentieri.",
    "pt": "Se você disser qual é o produto, a gente confere para você.",
    "pt-PT": "Se nos disser qual é o produto, verificamos por si.",
    "nl": "Laat ons weten om welk product het gaat, dan controleren we het graag voor je.",
    "pl": "Napisz, o który produkt chodzi, a chętnie to sprawdzimy.",
    "ru": "Напишите, о каком товаре речь, и мы с радостью уточним.",
    "tr": "Hangi üründen bahsettiğinizi yazarsanız sizin için memnuniyetle kontrol ederiz.",
    "ja": "商品名をお知らせいただければ、こちらでも確認いたします。",
    "ko": "어떤 상품인지 알려 주시면 저희가 다시 확인해 드릴게요.",
    "zh": "告诉我们是哪件商品，我们可以帮您再确认一下。",
    "ar": "أخبرنا عن المنتج المقصود وسنتحقق منه لك بكل سرور.",
}

# A product's availability: (nothing named: the product and its version, the product
# named: only its version, when there are several).
AVAILABILITY: Mapping[str, tuple[str, str]] = {
    "en": (
        "Please send us the product's link or name and, if it comes in several versions, the "
        "size or colour you'd like.",
        "If it comes in several sizes or colours, tell us which one you'd like.",
    ),
    "es": (
        "Envíanos el enlace o el nombre del producto y, si tiene varias versiones, la talla o el "
        "color que quieres.",
        "Si lo hay en varias tallas o colores, dinos cuál quieres.",
    ),
    "fr": (
        "Envoyez-nous le lien ou le nom du produit et, s'il existe en plusieurs versions, la "
        "taille ou la couleur souhaitée.",
        "S'il existe en plusieurs tailles ou couleurs, dites-nous laquelle vous souhaitez.",
    ),
    "de": (
        "Schicken Sie uns bitte den Link oder den Namen des Produkts und, falls es mehrere "
        "Ausführungen gibt, die gewünschte Größe oder Farbe.",
        "Falls es den Artikel in mehreren Größen oder Farben gibt, nennen Sie uns bitte die "
        "gewünschte.",
    ),
    "it": (
        "Inviaci il link o il nome del prodotto e, se ce ne sono più versioni, la taglia o il "
        "colore che desideri.",
        "Se esiste in più taglie o colori, dicci quale desideri.",
    ),
    "pt": (
        "Envie o link ou o nome do produto e, se houver mais de uma versão, o tamanho ou a cor "
        "que você quer.",
        "Se houver mais de um tamanho ou cor, diga qual você quer.",
    ),
    "pt-PT": (
        "Envie-nos o link ou o nome do produto e, se houver várias versões, o tamanho ou a cor "
        "que pretende.",
        "Se houver vários tamanhos ou cores, diga-nos qual pretende.",
    ),
    "nl": (
        "Stuur ons de link of de naam van het product en, als er meerdere uitvoeringen zijn, de "
        "maat of kleur die je wilt.",
        "Zijn er meerdere maten of kleuren, laat ons dan weten welke je wilt.",
    ),
    "pl": (
        "Prześlij link lub nazwę produktu oraz, jeśli jest w kilku wersjach, rozmiar lub kolor, "
        "który Cię interesuje.",
        "Jeśli produkt jest w kilku rozmiarach lub kolorach, napisz, który Cię interesuje.",
    ),
    "ru": (
        "Пришлите ссылку или название товара и, если у него есть варианты, нужный размер или цвет.",
        "Если у товара несколько размеров или цветов, напишите, какой вам нужен.",
    ),
    "tr": (
        "Ürünün bağlantısını veya adını ve birden fazla seçeneği varsa istediğiniz beden ya da "
        "rengi yazın.",
        "Ürünün birden fazla beden veya rengi varsa hangisini istediğinizi yazın.",
    ),
    "ja": (
        "商品のリンクまたは商品名と、複数ある場合はご希望のサイズ・色をお知らせください。",
        "サイズや色が複数ある場合は、ご希望のものをお知らせください。",
    ),
    "ko": (
        "상품 링크나 상품명과, 옵션이 여러 개라면 원하시는 사이즈나 색상을 알려 주세요.",
        "사이즈나 색상이 여러 개라면 원하시는 옵션을 알려 주세요.",
    ),
    "zh": (
        "请发给我们商品链接或名称；如有多个款式，也请告诉我们想要的尺码或颜色。",
        "如果有多个尺码或颜色，请告诉我们您想要哪一款。",
    ),
    "ar": (
        "أرسل لنا رابط المنتج أو اسمه، وإن كان متوفرًا بأكثر من خيار فأخبرنا بالمقاس أو اللون "
        "الذي تريده.",
        "إن كان المنتج متوفرًا بأكثر من مقاس أو لون، فأخبرنا بما تريده.",
    ),
}

# A change to an order that does not say what changes.
CHANGE: Mapping[str, str] = {
    "en": "Tell us exactly what you'd like to change: the item, size, colour or quantity.",
    "es": "Dinos qué quieres cambiar exactamente: artículo, talla, color o cantidad.",
    "fr": "Dites-nous précisément ce que vous souhaitez changer : article, taille, couleur ou "
    "quantité.",
    "de": "Teilen Sie uns bitte genau mit, was Sie ändern möchten: Artikel, Größe, Farbe oder "
    "Menge.",
    "it": "Dicci esattamente cosa vuoi cambiare: articolo, taglia, colore o quantità.",
    "pt": "Diga exatamente o que você quer mudar: item, tamanho, cor ou quantidade.",
    "pt-PT": "Diga-nos exatamente o que pretende alterar: artigo, tamanho, cor ou quantidade.",
    "nl": "Laat ons precies weten wat je wilt wijzigen: artikel, maat, kleur of aantal.",
    "pl": "Napisz dokładnie, co chcesz zmienić: produkt, rozmiar, kolor czy ilość.",
    "ru": "Напишите, пожалуйста, что именно нужно изменить: товар, размер, цвет или количество.",
    "tr": "Lütfen tam olarak neyi değiştirmek istediğinizi yazın: ürün, beden, renk veya adet.",
    "ja": "変更したい内容（商品・サイズ・色・数量）をお知らせください。",
    "ko": "변경하실 내용(상품, 사이즈, 색상, 수량)을 정확히 알려 주세요.",
    "zh": "请告诉我们具体要修改什么：商品、尺码、颜色还是数量。",
    "ar": "أخبرنا بالضبط بما تريد تغييره: المنتج أو المقاس أو اللون أو الكمية.",
}

# A new delivery address: (nothing given: the whole address, a locker or pickup point
# wanted: its number and place, a DHL Packstation wanted: the same and the DHL customer
# number, the change given: noted).
ADDRESS: Mapping[str, tuple[str, str, str, str]] = {
    "en": (
        "Please send us the complete new address: recipient's name, street and number, "
        "postcode, town, country and a phone number.",
        "Please send us the locker's or pickup point's number or name, with its postcode and town.",
        "Please send us the Packstation's number, its postcode and town, and your DHL customer "
        "number (Postnummer), which DHL needs to deliver to a Packstation.",
        "We've noted the new delivery details.",
    ),
    "es": (
        "Envíanos la nueva dirección completa: nombre del destinatario, calle y número, código "
        "postal, ciudad, país y un teléfono.",
        "Envíanos el número o el nombre del casillero o punto de recogida, con su código postal "
        "y su ciudad.",
        "Envíanos el número de la Packstation, su código postal y su ciudad, y tu número de "
        "cliente de DHL (Postnummer), que DHL necesita para entregar en una Packstation.",
        "Hemos tomado nota de la corrección.",
    ),
    "fr": (
        "Envoyez-nous la nouvelle adresse complète : nom du destinataire, rue et numéro, code "
        "postal, ville, pays et un numéro de téléphone.",
        "Envoyez-nous le numéro ou le nom de la consigne ou du point relais, avec son code "
        "postal et sa ville.",
        "Envoyez-nous le numéro de la Packstation, son code postal et sa ville, ainsi que votre "
        "numéro client DHL (Postnummer), dont DHL a besoin pour livrer en Packstation.",
        "Nous avons bien noté la correction.",
    ),
    "de": (
        "Bitte schicken Sie uns die vollständige neue Adresse: Name des Empfängers, Straße und "
        "Hausnummer, PLZ, Ort, Land und eine Telefonnummer.",
        "Bitte schicken Sie uns die Nummer oder den Namen des Paketautomaten bzw. der "
        "Abholstelle mit PLZ und Ort.",
        "Bitte schicken Sie uns die Nummer der Packstation, ihre PLZ und den Ort sowie Ihre "
        "DHL-Postnummer, ohne die DHL nicht an eine Packstation liefert.",
        "Wir haben die Korrektur notiert.",
    ),
    "it": (
        "Inviaci il nuovo indirizzo completo: nome del destinatario, via e numero civico, CAP, "
        "città, paese e un numero di telefono.",
        "Inviaci il numero o il nome del locker o del punto di ritiro, con CAP e città.",
        "Inviaci il numero della Packstation, il suo CAP e la città, e il tuo numero cliente DHL "
        "(Postnummer), che DHL richiede per consegnare in una Packstation.",
        "Abbiamo preso nota della correzione.",
    ),
    "pt": (
        "Envie-nos o novo endereço completo: nome do destinatário, rua e número, CEP, cidade, "
        "país e um telefone.",
        "Envie-nos o número ou o nome do armário ou ponto de retirada, com o CEP e a cidade.",
        "Envie-nos o número da Packstation, o código postal e a cidade dela, e o seu número de "
        "cliente DHL (Postnummer), que a DHL exige para entregar numa Packstation.",
        "Anotamos a correção.",
    ),
    "pt-PT": (
        "Envie-nos a nova morada completa: nome do destinatário, rua e número, código postal, "
        "localidade, país e um telefone.",
        "Envie-nos o número ou o nome do cacifo ou ponto de recolha, com o código postal e a "
        "localidade.",
        "Envie-nos o número da Packstation, o código postal e a localidade, e o seu número de "
        "cliente DHL (Postnummer), que a DHL exige para entregar numa Packstation.",
        "Registámos a correção.",
    ),
    "nl": (
        "Stuur ons het volledige nieuwe adres: naam van de ontvanger, straat en huisnummer, "
        "postcode, plaats, land en een telefoonnummer.",
        "Stuur ons het nummer of de naam van het pakketkluisje of afhaalpunt, met de postcode en "
        "plaats.",
        "Stuur ons het nummer van het Packstation, de postcode en plaats, en je DHL-klantnummer "
        "(Postnummer), dat DHL nodig heeft om bij een Packstation te bezorgen.",
        "We hebben de wijziging genoteerd.",
    ),
    "pl": (
        "Prześlij pełny nowy adres: imię i nazwisko odbiorcy, ulicę i numer, kod pocztowy, "
        "miasto, kraj i numer telefonu.",
        "Prześlij numer lub nazwę paczkomatu albo punktu odbioru, z kodem pocztowym i miastem.",
        "Prześlij numer Packstation, jej kod pocztowy i miasto oraz swój numer klienta DHL "
        "(Postnummer), którego DHL wymaga przy dostawie do Packstation.",
        "Zanotowaliśmy poprawkę.",
    ),
    "ru": (
        "Пришлите, пожалуйста, полный новый адрес: имя получателя, улицу и номер дома, индекс, "
        "город, страну и телефон.",
        "Пришлите, пожалуйста, номер или название постамата или пункта выдачи, его индекс и город.",
        "Пришлите, пожалуйста, номер Packstation, её индекс и город, а также ваш клиентский "
        "номер DHL (Postnummer): без него DHL не доставляет в Packstation.",
        "Мы записали новые данные для доставки.",
    ),
    "tr": (
        "Lütfen yeni adresin tamamını gönderin: alıcı adı, sokak ve numara, posta kodu, şehir, "
        "ülke ve bir telefon numarası.",
        "Lütfen kargo dolabının veya teslimat noktasının numarasını ya da adını, posta kodu ve "
        "şehriyle birlikte gönderin.",
        "Lütfen Packstation numarasını, posta kodunu ve şehrini, ayrıca DHL'in Packstation "
        "teslimatı için istediği DHL müşteri numaranızı (Postnummer) gönderin.",
        "Yeni teslimat bilgilerinizi not aldık.",
    ),
    "ja": (
        "新しいお届け先として、お受取人のお名前、郵便番号、ご住所（市区町村・番地まで）、国、"
        "電話番号をお送りください。",
        "ご希望の宅配ロッカーまたは受取拠点の番号か名称と、その郵便番号・市区町村をお知らせください。",
        "Packstationの番号、その郵便番号と所在地、およびPackstationへの配達にDHLが必要とする"
        "DHLお客様番号（Postnummer）をお知らせください。",
        "新しいお届け先の情報を承りました。",
    ),
    "ko": (
        "새 주소를 받는 분 성함, 도로명과 건물 번호, 우편번호, 도시, 국가, 전화번호까지 모두 보내 "
        "주세요.",
        "원하시는 보관함이나 픽업 지점의 번호 또는 이름과 우편번호, 도시를 알려 주세요.",
        "Packstation 번호와 우편번호, 도시, 그리고 DHL이 Packstation 배송에 요구하는 DHL 고객 "
        "번호(Postnummer)를 알려 주세요.",
        "변경하신 배송 정보를 확인했습니다.",
    ),
    "zh": (
        "请发给我们完整的新地址：收件人姓名、街道和门牌号、邮编、城市、国家和电话。",
        "请告诉我们快递柜或自提点的编号或名称，以及它的邮编和城市。",
        "请告诉我们Packstation的编号、邮编和城市，以及DHL向Packstation派送所需的DHL客户号"
        "（Postnummer）。",
        "我们已记下您的新收货信息。",
    ),
    "ar": (
        "أرسل لنا العنوان الجديد كاملًا: اسم المستلم والشارع ورقم المبنى والرمز البريدي والمدينة "
        "والدولة ورقم هاتف.",
        "أرسل لنا رقم خزانة الطرود أو نقطة الاستلام أو اسمها، مع الرمز البريدي والمدينة.",
        "أرسل لنا رقم الـPackstation ورمزها البريدي ومدينتها، ورقم عميلك لدى DHL (Postnummer) "
        "الذي تشترطه DHL للتوصيل إلى Packstation.",
        "سجّلنا بيانات التوصيل الجديدة.",
    ),
}

# A customs notice: (one in hand: asked for plainly, an order placed: if one comes).
# Before buying there is no notice to ask for.
CUSTOMS_NOTICE: Mapping[str, tuple[str, str]] = {
    "en": (
        "Please send us a photo or screenshot of the customs notice, with the amount and any "
        "documents requested.",
        "If you receive a customs notice, please send us a photo or screenshot of it.",
    ),
    "es": (
        "Envíanos una foto o captura del aviso de aduana, con el importe y los documentos que te "
        "pidan.",
        "Si te llega un aviso de aduana, envíanos una foto o captura.",
    ),
    "fr": (
        "Envoyez-nous une photo ou une capture de l'avis de douane, avec le montant et les "
        "documents demandés.",
        "Si vous recevez un avis de douane, envoyez-nous-en une photo ou une capture d'écran.",
    ),
    "de": (
        "Bitte schicken Sie uns ein Foto oder einen Screenshot der Zollmitteilung mit dem Betrag "
        "und den angeforderten Unterlagen.",
        "Erhalten Sie eine Zollmitteilung, schicken Sie uns bitte ein Foto oder einen Screenshot "
        "davon.",
    ),
    "it": (
        "Inviaci una foto o uno screenshot dell'avviso doganale, con l'importo e gli eventuali "
        "documenti richiesti.",
        "Se ricevi un avviso doganale, inviaci una foto o uno screenshot.",
    ),
    "pt": (
        "Envie uma foto ou print do aviso da alfândega, mostrando o valor e os documentos "
        "solicitados.",
        "Se você receber um aviso da alfândega, envie-nos uma foto ou captura de tela.",
    ),
    "pt-PT": (
        "Envie-nos uma fotografia ou captura de ecrã do aviso da alfândega, com o valor e os "
        "documentos pedidos.",
        "Se receber um aviso da alfândega, envie-nos uma fotografia ou captura de ecrã.",
    ),
    "nl": (
        "Stuur ons een foto of screenshot van het douanebericht, met het bedrag en de gevraagde "
        "documenten.",
        "Krijg je een douanebericht, stuur ons dan een foto of screenshot ervan.",
    ),
    "pl": (
        "Prześlij nam zdjęcie lub zrzut ekranu zawiadomienia celnego z kwotą i listą wymaganych "
        "dokumentów.",
        "Jeśli dostaniesz zawiadomienie celne, prześlij nam jego zdjęcie lub zrzut ekranu.",
    ),
    "ru": (
        "Пришлите, пожалуйста, фото или скриншот таможенного уведомления с суммой и списком "
        "запрошенных документов.",
        "Если придёт уведомление от таможни, пришлите, пожалуйста, его фото или скриншот.",
    ),
    "tr": (
        "Lütfen gümrük bildiriminin tutarı ve istenen belgeleri gösteren bir fotoğrafını veya "
        "ekran görüntüsünü gönderin.",
        "Bir gümrük bildirimi alırsanız lütfen fotoğrafını veya ekran görüntüsünü gönderin.",
    ),
    "ja": (
        "お手数ですが、金額や求められている書類が分かるよう、税関からの通知の写真またはスクリーン"
        "ショットをお送りください。",
        "税関から通知が届いた場合は、その写真またはスクリーンショットをお送りください。",
    ),
    "ko": (
        "금액과 요청 서류가 보이도록 세관 안내문의 사진이나 캡처를 보내 주세요.",
        "세관 통지를 받으시면 사진이나 스크린샷을 보내 주세요.",
    ),
    "zh": (
        "请把海关通知的照片或截图发给我们，包括金额和要求提供的文件。",
        "如果收到海关通知，请发给我们照片或截图。",
    ),
    "ar": (
        "يرجى إرسال صورة أو لقطة شاشة لإشعار الجمارك تُظهر المبلغ والمستندات المطلوبة.",
        "إذا وصلك إشعار جمركي، فيُرجى إرسال صورة أو لقطة شاشة له.",
    ),
}

# A newsletter: (which way unknown: the e-mail and which way, an unsubscribe asked: the
# e-mail only, a sign-up asked: the e-mail only).
NEWSLETTER: Mapping[str, tuple[str, str, str]] = {
    "en": (
        "If you'd like us to do it for you, just confirm your email address and whether you "
        "want to subscribe or unsubscribe, and our team will update it.",
        "If you'd like us to do it for you, just send us your email address and our team "
        "will unsubscribe you.",
        "If you'd like us to do it for you, just send us your email address and our team "
        "will sign you up.",
    ),
    "es": (
        "Si prefieres que lo hagamos nosotros, confírmanos tu dirección de correo y si "
        "quieres darte de alta o de baja, y nuestro equipo lo gestionará.",
        "Si prefieres que lo hagamos nosotros, envíanos tu dirección de correo y nuestro "
        "equipo te dará de baja.",
        "Si prefieres que lo hagamos nosotros, envíanos tu dirección de correo y nuestro "
        "equipo te dará de alta.",
    ),
    "fr": (
        "Si vous préférez que nous le fassions pour vous, confirmez-nous votre adresse "
        "e-mail et si vous souhaitez vous inscrire ou vous désinscrire, et notre équipe s'en "
        "occupera.",
        "Si vous préférez que nous le fassions pour vous, envoyez-nous votre adresse e-mail "
        "et notre équipe vous désinscrira.",
        "Si vous préférez que nous le fassions pour vous, envoyez-nous votre adresse e-mail "
        "et notre équipe vous inscrira.",
    ),
    "de": (
        "Wenn wir das für Sie erledigen sollen, "
        "bestätigen Sie uns einfach Ihre "
        "E-Mail-Adresse und ob Sie an- oder "
        "abgemeldet werden möchten – unser Team "
        "kümmert sich darum.",
        "Wenn wir das für Sie erledigen sollen, "
        "schicken Sie uns einfach Ihre "
        "E-Mail-Adresse – unser Team meldet Sie ab.",
        "Wenn wir das für Sie erledigen sollen, "
        "schicken Sie uns einfach Ihre "
        "E-Mail-Adresse – unser Team meldet Sie an.",
    ),
    "it": (
        "Se preferisci che lo facciamo noi, confermaci il tuo indirizzo email e se vuoi "
        "iscriverti o disiscriverti: ci pensa il nostro team.",
        "Se preferisci che lo facciamo noi, inviaci il tuo indirizzo email e il nostro team "
        "ti disiscriverà.",
        "Se preferisci che lo facciamo noi, inviaci il tuo indirizzo email e il nostro team "
        "ti iscriverà.",
    ),
    "pt": (
        "Se preferir que a gente faça isso, confirme seu e-mail e se deseja se inscrever ou "
        "cancelar, e nossa equipe cuidará disso.",
        "Se preferir que a gente faça isso, envie seu e-mail e nossa equipe cancela a sua "
        "inscrição.",
        "Se preferir que a gente faça isso, envie seu e-mail e nossa equipe faz a sua inscrição.",
    ),
    "pt-PT": (
        "Se preferir que sejamos nós a tratar disso, confirme o seu e-mail e se pretende "
        "subscrever ou cancelar, e a nossa equipa trata do assunto.",
        "Se preferir que sejamos nós a tratar disso, envie-nos o seu e-mail e a nossa equipa "
        "cancela a subscrição.",
        "Se preferir que sejamos nós a tratar disso, envie-nos o seu e-mail e a nossa equipa "
        "faz a subscrição.",
    ),
    "nl": (
        "Zullen wij het voor je regelen? Bevestig dan je e-mailadres en of je je wilt aan- "
        "of afmelden, dan past ons team het aan.",
        "Zullen wij het voor je regelen? Stuur ons dan je e-mailadres, dan meldt ons team je af.",
        "Zullen wij het voor je regelen? Stuur ons dan je e-mailadres, dan meldt ons team je aan.",
    ),
    "pl": (
        "Jeśli wolisz, żebyśmy zrobili to za "
        "Ciebie, potwierdź adres e-mail i napisz, "
        "czy chcesz się zapisać, czy wypisać – "
        "nasz zespół się tym zajmie.",
        "Jeśli wolisz, żebyśmy zrobili to za Ciebie, podaj adres e-mail – nasz zespół Cię wypisze.",
        "Jeśli wolisz, żebyśmy zrobili to za Ciebie, podaj adres e-mail – nasz zespół Cię zapisze.",
    ),
    "ru": (
        "Если хотите, чтобы это сделали мы, "
        "подтвердите ваш email и укажите, "
        "подписать вас или отписать, — наша "
        "команда всё настроит.",
        "Если хотите, чтобы это сделали мы, "
        "пришлите ваш email — наша команда отпишет "
        "вас от рассылки.",
        "Если хотите, чтобы это сделали мы, "
        "пришлите ваш email — наша команда "
        "подпишет вас на рассылку.",
    ),
    "tr": (
        "Bu işlemi bizim yapmamızı isterseniz e-posta adresinizi ve abone olmak mı yoksa "
        "çıkmak mı istediğinizi yazın, ekibimiz halletsin.",
        "Bu işlemi bizim yapmamızı isterseniz e-posta adresinizi yazın, ekibimiz "
        "aboneliğinizi sonlandırsın.",
        "Bu işlemi bizim yapmamızı isterseniz e-posta adresinizi yazın, ekibimiz "
        "aboneliğinizi başlatsın.",
    ),
    "ja": (
        "こちらでの手続きをご希望の場合は、メールアドレスと登録・停止のどちらをご希望かをお知"
        "らせください。担当チームが対応いたします。",
        "こちらでの配信停止をご希望の場合は、メールアドレスをお知らせください。担当チームが停"
        "止の手続きをいたします。",
        "こちらでのご登録をご希望の場合は、メールアドレスをお知らせください。担当チームが登録"
        "の手続きをいたします。",
    ),
    "ko": (
        "저희가 대신 처리해 드리길 원하시면 이메일 주소와 구독 또는 취소 중 "
        "원하시는 것을 알려 주세요. 담당 팀이 바로 반영해 드리겠습니다.",
        "저희가 대신 처리해 드리길 원하시면 이메일 주소를 알려 주세요. 담당 팀이 "
        "바로 구독을 취소해 드리겠습니다.",
        "저희가 대신 처리해 드리길 원하시면 이메일 주소를 알려 주세요. 담당 팀이 "
        "바로 구독 신청해 드리겠습니다.",
    ),
    "zh": (
        "如需我们代为操作，请确认您的邮箱地址以及要订阅还是退订，我们的团队会为您处理。",
        "如需我们代为退订，请告诉我们您的邮箱地址，我们的团队会为您处理。",
        "如需我们代为订阅，请告诉我们您的邮箱地址，我们的团队会为您处理。",
    ),
    "ar": (
        "وإذا أردت أن نقوم بذلك عنك، فأكّد لنا بريدك الإلكتروني وهل تريد الاشتراك أم "
        "الإلغاء، وسيتولى فريقنا الأمر.",
        "وإذا أردت أن نقوم بذلك عنك، فأرسل لنا بريدك الإلكتروني وسيلغي فريقنا اشتراكك.",
        "وإذا أردت أن نقوم بذلك عنك، فأرسل لنا بريدك الإلكتروني وسيسجّلك فريقنا.",
    ),
}
