"""What an answer without a linked order asks for, so the order can be linked.

An answer about an order that is not linked to the chat ends by asking how to find it:
the order number and the e-mail or phone used at checkout (``handlers/order_links.py``
links the order when the shopper sends both). A shopper who already wrote the number
must not be asked for it again ("where is #A20481?" answered with "send us the order
number" reads as if nobody read the message): then the sentence names their number and
asks only for the e-mail or phone. The number is echoed, never looked up: nothing about
an order that is not linked is shown.

    link_request("es", None)       # "Para localizar tu pedido, envíanos el número ..."
    link_request("es", "A20481")   # "Para localizar el pedido A20481, envíanos el correo ..."

The same holds for the e-mail or phone: a shopper who gave one (in this message or the
one before, ``replies.facts.given``) is asked only for the number, and one who gave both
while no order could be linked with them is told that the team looks the order up, and
asked for nothing:

    link_request("es", None, contact=True)      # "... envíanos el número de pedido."
    link_request("es", "A20481", contact=True)  # "Con el pedido A20481 y los datos ..."
"""

from __future__ import annotations

# language -> (ask for the number and the checkout contact, ask for the contact of
# order {number}); written in each language's register of the answer library (tú in
# Spanish, Sie in German, vous in French, você in Brazilian Portuguese, je in Dutch).
_REQUESTS: dict[str, tuple[str, str]] = {
    "en": (
        "To find your order, please send us the order number and the e-mail address or "
        "phone number you used at checkout.",
        "To find order {number}, please send us the e-mail address or phone number you "
        "used at checkout.",
    ),
    "es": (
        "Para localizar tu pedido, envíanos el número de pedido y el correo electrónico o "
        "el teléfono que usaste al comprar.",
        "Para localizar el pedido {number}, envíanos el correo electrónico o el teléfono "
        "que usaste al comprar.",
    ),
    "fr": (
        "Pour retrouver votre commande, envoyez-nous son numéro ainsi que l'adresse e-mail "
        "ou le numéro de téléphone utilisés lors de l'achat.",
        "Pour retrouver la commande {number}, envoyez-nous l'adresse e-mail ou le numéro "
        "de téléphone utilisés lors de l'achat.",
    ),
    "de": (
        "Damit wir Ihre Bestellung finden, senden Sie uns bitte die Bestellnummer und die "
        "E-Mail-Adresse oder Telefonnummer, die Sie beim Kauf angegeben haben.",
        "Damit wir die Bestellung {number} finden, senden Sie uns bitte die E-Mail-Adresse "
        "oder Telefonnummer, die Sie beim Kauf angegeben haben.",
    ),
    "it": (
        "Per trovare il tuo ordine, inviaci il numero d'ordine e l'e-mail o il numero di "
        "telefono usati per l'acquisto.",
        "Per trovare l'ordine {number}, inviaci l'e-mail o il numero di telefono usati per "
        "l'acquisto.",
    ),
    "pt": (
        "Para localizarmos seu pedido, envie-nos o número do pedido e o e-mail ou telefone "
        "usado na compra.",
        "Para localizarmos o pedido {number}, envie-nos o e-mail ou telefone usado na compra.",
    ),
    "nl": (
        "Om je bestelling te vinden, stuur ons het bestelnummer en het e-mailadres of "
        "telefoonnummer dat je bij het bestellen hebt gebruikt.",
        "Om bestelling {number} te vinden, stuur ons het e-mailadres of telefoonnummer dat "
        "je bij het bestellen hebt gebruikt.",
    ),
    "pl": (
        "Abyśmy mogli odnaleźć zamówienie, prześlij nam jego numer oraz adres e-mail lub "
        "numer telefonu podany przy zakupie.",
        "Abyśmy mogli odnaleźć zamówienie {number}, prześlij nam adres e-mail lub numer "
        "telefonu podany przy zakupie.",
    ),
    "ru": (
        "Чтобы мы нашли ваш заказ, пришлите, пожалуйста, номер заказа и адрес электронной "
        "почты или телефон, указанные при оформлении.",
        "Чтобы мы нашли заказ {number}, пришлите, пожалуйста, адрес электронной почты или "
        "телефон, указанные при оформлении.",
    ),
    "tr": (
        "Siparişinizi bulabilmemiz için lütfen sipariş numarasını ve alışverişte "
        "kullandığınız e-posta adresini ya da telefon numarasını gönderin.",
        "{number} numaralı siparişi bulabilmemiz için lütfen alışverişte kullandığınız "
        "e-posta adresini ya da telefon numarasını gönderin.",
    ),
    "ja": (
        "ご注文を確認するため、注文番号とご購入時のメールアドレスまたは電話番号をお送りください。",
        "ご注文{number}を確認するため、ご購入時のメールアドレスまたは電話番号をお送りください。",
    ),
    "ko": (
        "주문을 확인할 수 있도록 주문번호와 주문 시 입력하신 이메일 주소 또는 전화번호를 "
        "보내 주세요.",
        "주문번호 {number}의 주문을 확인할 수 있도록 주문 시 입력하신 이메일 주소 또는 전화번호를 "
        "보내 주세요.",
    ),
    "zh": (
        "为了查找您的订单，请发送订单号以及下单时使用的邮箱或手机号。",
        "为了查找订单{number}，请发送下单时使用的邮箱或手机号。",
    ),
    "ar": (
        "حتى نتمكن من العثور على طلبك، يرجى إرسال رقم الطلب والبريد الإلكتروني أو رقم "
        "الهاتف المستخدم عند الشراء.",
        "حتى نتمكن من العثور على الطلب {number}، يرجى إرسال البريد الإلكتروني أو رقم "
        "الهاتف المستخدم عند الشراء.",
    ),
}
# language -> (ask for the number only: the shopper gave their e-mail or phone; nothing to
# ask: they gave order {number} and an e-mail or phone, but no order was linked with them,
# so a person looks it up rather than asking again for what the shopper just sent)
_GIVEN_CONTACT: dict[str, tuple[str, str]] = {
    "en": (
        "To find your order, please also send us the order number.",
        "Thank you for the order number {number} and your contact details: our team will "
        "look the order up and get back to you here.",
    ),
    "es": (
        "Para localizar tu pedido, envíanos también el número de pedido.",
        "Gracias por el número de pedido {number} y tus datos de contacto: nuestro equipo "
        "buscará el pedido y te responderá por aquí.",
    ),
    "fr": (
        "Pour retrouver votre commande, envoyez-nous aussi son numéro.",
        "Merci pour le numéro de commande {number} et vos coordonnées : notre équipe "
        "recherche la commande et vous répond ici.",
    ),
    "de": (
        "Damit wir Ihre Bestellung finden, senden Sie uns bitte auch die Bestellnummer.",
        "Danke für die Bestellnummer {number} und Ihre Kontaktdaten: Unser Team sucht die "
        "Bestellung heraus und meldet sich hier bei Ihnen.",
    ),
    "it": (
        "Per trovare il tuo ordine, inviaci anche il numero d'ordine.",
        "Grazie per il numero d'ordine {number} e i tuoi recapiti: il nostro team cercherà "
        "l'ordine e ti risponderà qui.",
    ),
    "pt": (
        "Para localizarmos seu pedido, envie-nos também o número do pedido.",
        "Obrigado pelo número do pedido {number} e pelos seus dados de contato: nossa "
        "equipe vai localizar o pedido e responder por aqui.",
    ),
    "nl": (
        "Om je bestelling te vinden, stuur ons ook het bestelnummer.",
        "Bedankt voor bestelnummer {number} en je contactgegevens: ons team zoekt de "
        "bestelling op en reageert hier.",
    ),
    "pl": (
        "Abyśmy mogli odnaleźć zamówienie, prześlij nam też jego numer.",
        "Dziękujemy za numer zamówienia {number} i dane kontaktowe: nasz zespół odszuka "
        "zamówienie i odpowie tutaj.",
    ),
    "ru": (
        "Чтобы мы нашли ваш заказ, пришлите, пожалуйста, ещё и номер заказа.",
        "Спасибо за номер заказа {number} и контактные данные: наша команда найдёт заказ "
        "и ответит вам здесь.",
    ),
    "tr": (
        "Siparişinizi bulabilmemiz için lütfen sipariş numarasını da gönderin.",
        "{number} numaralı sipariş ve iletişim bilgileriniz için teşekkürler: ekibimiz "
        "siparişi bulup size buradan dönüş yapacak.",
    ),
    "ja": (
        "ご注文を確認するため、注文番号もお送りください。",
        "注文番号{number}とご連絡先をお送りいただきありがとうございます。担当者がご注文を確認し、こちらでご連絡いたします。",
    ),
    "ko": (
        "주문을 확인할 수 있도록 주문번호도 보내 주세요.",
        "주문번호({number})와 연락처를 보내 주셔서 감사합니다. 담당팀이 주문을 찾아 이곳에서 "
        "답변드리겠습니다.",
    ),
    "zh": (
        "为了查找您的订单，请再发送一下订单号。",
        "感谢您提供订单号{number}和联系方式，我们的团队会查找该订单并在这里回复您。",
    ),
    "ar": (
        "حتى نتمكن من العثور على طلبك، يرجى إرسال رقم الطلب أيضًا.",
        "شكرًا على رقم الطلب {number} وبيانات التواصل: سيبحث فريقنا عن الطلب ويرد عليك هنا.",
    ),
}
LINK_LANGUAGES = frozenset(_REQUESTS)


def link_request(language: str, number: str | None, *, contact: bool = False) -> str:
    """The sentence asking for what links the order, in ``language`` (English when it has
    none): for the number and the checkout contact, or only for what the shopper has not
    given yet (``number`` they wrote, ``contact`` when they sent an e-mail or phone), or,
    when they gave both, the promise that the team looks the order up."""
    both, contact_only = _REQUESTS.get(language, _REQUESTS["en"])
    number_only, nothing = _GIVEN_CONTACT.get(language, _GIVEN_CONTACT["en"])
    number = (number or "").strip().lstrip("#")
    if contact:
        return nothing.format(number=number) if number else number_only
    return contact_only.format(number=number) if number else both
