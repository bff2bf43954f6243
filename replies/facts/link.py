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
LINK_LANGUAGES = frozenset(_REQUESTS)


def link_request(language: str, number: str | None) -> str:
    """The sentence asking for what links the order, in ``language`` (English when it has
    none): for the number and the checkout contact, or, when the shopper gave the number,
    for the contact of that order."""
    both, contact_only = _REQUESTS.get(language, _REQUESTS["en"])
    number = (number or "").strip().lstrip("#")
    return contact_only.format(number=number) if number else both
