"""What a further answer says about the shopper's order itself (``replies.also``).

Three kinds of sentence, each in all 14 languages:

- a late or lost parcel asked about for an order with no tracking number, or before any
  order is linked (``NOT_SHIPPED``, ``NOT_FOUND_YET``): sorry for the wait, without a
  carrier nobody has looked up;
- a refund asked for on the order's arrival ("if it doesn't arrive by Friday I want my
  money back", ``refund_if_not_arrived``): what happens if it has not come by then;
- where a linked order is ("is it still on the way?", "how many more days?",
  ``where_the_order_is``): its own tracking and estimate.

    where_the_order_is("en", OrderSituation.WITH_TRACKING, estimated=True)
    # "Your order {order_number} is on its way with {carrier}, tracking number
    #  {tracking_number}. Estimated delivery: {delivery_estimate}."
"""

from __future__ import annotations

import re

from replies.situations import OrderSituation

# Languages written without spaces between sentences.
_NO_SPACE = frozenset({"ja", "zh"})

# Stand-ins for a late or lost parcel's ``also`` sentence where no shipment is known
# (``replies.also.SHIPMENT_PROBLEMS``): an order with no tracking number, no order linked.
NOT_SHIPPED: dict[str, str] = {
    "en": "We're sorry for the wait; our team is checking why your order has not shipped yet.",
    "es": "Sentimos la espera; nuestro equipo está comprobando por qué tu pedido aún no se ha "
    "enviado.",
    "fr": "Nous sommes désolés de cette attente ; notre équipe vérifie pourquoi votre commande "
    "n'est pas encore partie.",
    "de": "Es tut uns leid, dass Sie warten müssen; unser Team prüft, warum Ihre Bestellung "
    "noch nicht verschickt wurde.",
    "it": "Ci dispiace per l'attesa; il nostro team sta verificando perché il tuo ordine non è "
    "ancora stato spedito.",
    "pt": "Lamentamos a espera; nossa equipe está verificando por que seu pedido ainda não foi "
    "enviado.",
    "nl": "Sorry voor het wachten; ons team zoekt uit waarom je bestelling nog niet is verstuurd.",
    "pl": "Przepraszamy za oczekiwanie; nasz zespół sprawdza, dlaczego Twoje zamówienie nie "
    "zostało jeszcze wysłane.",
    "ru": "Приносим извинения за ожидание; наша команда выясняет, почему ваш заказ ещё не "
    "отправлен.",
    "tr": "Beklettiğimiz için özür dileriz; ekibimiz siparişinizin neden henüz gönderilmediğini "
    "kontrol ediyor.",
    "ja": "お待たせしており申し訳ございません。"
    "ご注文がまだ発送されていない理由を担当者が確認しております。",
    "ko": "기다리시게 해 드려 죄송합니다. "
    "주문이 아직 발송되지 않은 이유를 담당자가 확인하고 있습니다.",
    "zh": "很抱歉让您久等了，我们的团队正在核实您的订单为什么尚未发货。",
    "ar": "نعتذر عن الانتظار؛ يتحقق فريقنا من سبب عدم شحن طلبك حتى الآن.",
}
NOT_FOUND_YET: dict[str, str] = {
    "en": "We're sorry your order is running late; we'll look into it as soon as we have found it.",
    "es": "Sentimos el retraso de tu pedido; lo revisaremos en cuanto lo localicemos.",
    "fr": "Nous sommes désolés du retard de votre commande ; nous l'examinerons dès que nous "
    "l'aurons localisée.",
    "de": "Es tut uns leid, dass sich Ihre Bestellung verspätet; sobald wir sie gefunden "
    "haben, sehen wir nach, woran es liegt.",
    "it": "Ci dispiace per il ritardo del tuo ordine; lo verificheremo appena lo avremo "
    "rintracciato.",
    "pt": "Lamentamos o atraso do seu pedido; vamos verificá-lo assim que o localizarmos.",
    "nl": "Sorry voor de vertraging van je bestelling; zodra we haar hebben gevonden, zoeken "
    "we uit waardoor het komt.",
    "pl": "Przepraszamy za opóźnienie zamówienia; sprawdzimy je, gdy tylko je odnajdziemy.",
    "ru": "Приносим извинения за задержку заказа; мы разберёмся, как только найдём его.",
    "tr": "Siparişiniz geciktiği için özür dileriz; siparişi bulur bulmaz inceleyeceğiz.",
    "ja": "ご注文のお届けが遅れており、申し訳ございません。"
    "ご注文を確認でき次第、お調べいたします。",
    "ko": "주문 배송이 지연되어 죄송합니다. 주문을 확인하는 대로 살펴보겠습니다.",
    "zh": "很抱歉您的订单延误了；我们找到订单后会立即核实。",
    "ar": "نعتذر عن تأخر طلبك؛ وسنتحقق منه فور العثور عليه.",
}


# "If it doesn't arrive by Friday I want my money back": a refund asked for on a
# condition, the order's arrival. It is answered (what happens if it has not come by
# then), never left to "a colleague checks the rest", nor taken for a refund demanded now.
_CONDITION = re.compile(
    r"\b(?:if|unless|si|s'il|wenn|falls|sollte|se|caso|als|indien|jeśli|jeżeli|gdyby|если|"
    r"eğer)\b|mezse|mazsa|なければ|ない場合|なかったら|않으면|안 오면|如果|要是|إذا|إن لم|لو",
    re.IGNORECASE,
)
_REFUND = re.compile(
    r"refund|money back|reembols|devolu|dinero|rembours|geld zurück|erstatt|rimbors|soldi|"
    r"dinheiro de volta|estorno|geld terug|terugbetal|zwrot|pieniądz|pieniędz|деньги|возврат|"
    r"iade|param|返金|환불|退款|退钱|استرد|استرج|أموال|فلوس",
    re.IGNORECASE,
)
_ARRIVAL = re.compile(
    r"arriv|come|here|get it|llega|ankomm|ankommt|da ist|kommt|geliefert|arriva|chega|"
    r"komt|binnen|dotrze|doj|dojdzie|прид|дойд|доставят|gel|ulaş|届|도착|오|到|يصل|وصل",
    re.IGNORECASE,
)
IF_NOT_ARRIVED: dict[str, str] = {
    "en": "If it has not arrived by then, we will refund it or send it again, as our terms "
    "provide; a colleague will confirm which for your order.",
    "es": "Si no ha llegado para entonces, te lo reembolsaremos o te lo enviaremos de nuevo, "
    "según nuestras condiciones; un compañero te confirmará qué opción se aplica a tu pedido.",
    "fr": "Si votre commande n'est pas arrivée d'ici là, nous vous rembourserons ou vous la "
    "renverrons, selon nos conditions ; un collègue vous confirmera la solution retenue.",
    "de": "Ist die Bestellung bis dahin nicht angekommen, erstatten wir Ihnen den Betrag oder "
    "schicken sie erneut, wie es unsere Bedingungen vorsehen; jemand aus unserem Team "
    "bestätigt Ihnen, was für Ihre Bestellung gilt.",
    "it": "Se entro quella data non sarà arrivato, ti rimborseremo o te lo rispediremo, secondo "
    "le nostre condizioni; un collega ti confermerà quale soluzione vale per il tuo ordine.",
    "pt": "Se não tiver chegado até lá, faremos o reembolso ou enviaremos de novo, conforme "
    "nossas condições; um colega vai confirmar qual opção vale para o seu pedido.",
    "nl": "Is de bestelling dan nog niet binnen, dan betalen we je terug of versturen we "
    "haar opnieuw, volgens onze voorwaarden; een collega laat je weten wat er voor jouw bestelling "
    "geldt.",
    "pl": "Jeśli do tego czasu zamówienie nie dotrze, zwrócimy pieniądze lub wyślemy je "
    "ponownie, zgodnie z naszymi zasadami; ktoś z naszego zespołu potwierdzi, która "
    "opcja dotyczy Twojego zamówienia.",
    "ru": "Если к этому сроку заказ не придёт, мы вернём деньги или отправим его повторно, как "
    "предусмотрено нашими условиями; коллега подтвердит, какой вариант подходит для вашего "
    "заказа.",
    "tr": "Siparişiniz o tarihe kadar ulaşmazsa, koşullarımıza göre ücretini iade eder ya da "
    "yeniden göndeririz; bir çalışma arkadaşımız siparişiniz için hangisinin geçerli olduğunu "
    "teyit edecek.",
    "ja": "それまでに届かない場合は、当店の規定に沿って返金または再発送いたします。"
    "どちらになるかは担当者よりご連絡いたします。",
    "ko": "그때까지 도착하지 않으면 저희 규정에 따라 환불하거나 다시 발송해 드립니다. "
    "어느 쪽으로 처리될지는 담당자가 확인해 드리겠습니다.",
    "zh": "如果届时仍未送达，我们会按照本店条款为您退款或重新发货；具体方式由同事确认后告知您。",
    "ar": "إذا لم يصل بحلول ذلك الموعد، فسنرد لك المبلغ أو نعيد إرساله وفق شروطنا؛ وسيؤكد لك "
    "أحد الزملاء ما ينطبق على طلبك.",
}
REFUND = "get_refund"
# Answers about an order still awaited, where "if it doesn't arrive by Friday, refund me"
# can be asked (a refund still to come, "if my refund isn't here by Friday", is another).
AWAITED = frozenset({REFUND, "track_order", "delivery_delay", "delivery_period", "lost_package"})


def refund_if_not_arrived(text: str) -> bool:
    """Whether ``text`` asks for a refund on the condition that the order does not arrive
    ("if it doesn't arrive by Friday I want my money back", "wenn es bis Freitag nicht
    ankommt, will ich mein Geld zurück", "金曜までに届かなければ返金してください")."""
    return bool(_CONDITION.search(text) and _REFUND.search(text) and _ARRIVAL.search(text))


# "Is it still on the way?", "how many more days?" asked beside another question about an
# order that is linked: the order's own tracking and estimate answer it, not the store's
# general delivery time ("7-14 business days" for an order due in three days) nor "a
# colleague checks the rest". Answers that say where the order is already add nothing.
WHEREABOUTS_TOLD = frozenset({"track_order", "delivery_period", "delivery_delay", "lost_package"})
ON_ITS_WAY: dict[str, str] = {
    "en": "Your order {order_number} is on its way with {carrier}, tracking number "
    "{tracking_number}.",
    "es": "Tu pedido {order_number} está en camino con {carrier}, número de seguimiento "
    "{tracking_number}.",
    "fr": "Votre commande {order_number} est en route avec {carrier}, numéro de suivi "
    "{tracking_number}.",
    "de": "Ihre Bestellung {order_number} ist mit {carrier} unterwegs, Sendungsnummer "
    "{tracking_number}.",
    "it": "Il tuo ordine {order_number} è in viaggio con {carrier}, numero di tracciamento "
    "{tracking_number}.",
    "pt": "Seu pedido {order_number} está a caminho com {carrier}, código de rastreio "
    "{tracking_number}.",
    "nl": "Je bestelling {order_number} is onderweg met {carrier}, trackingnummer "
    "{tracking_number}.",
    "pl": "Twoje zamówienie {order_number} jest w drodze – przewoźnik: {carrier}, numer "
    "przesyłki: {tracking_number}.",
    "ru": "Ваш заказ {order_number} в пути: его везёт {carrier}, трек-номер {tracking_number}.",
    "tr": "{order_number} numaralı siparişiniz yolda; {carrier} ile gönderildi, takip numarası "
    "{tracking_number}.",
    "ja": "ご注文{order_number}は{carrier}にて配送中です（追跡番号{tracking_number}）。",
    "ko": "주문 {order_number} 배송 현황: 배송사 {carrier}, 운송장 번호 {tracking_number}.",
    "zh": "您的订单{order_number}正由{carrier}配送中，物流单号{tracking_number}。",
    "ar": "طلبك {order_number} في الطريق مع {carrier}، رقم التتبع {tracking_number}.",
}
NO_TRACKING_YET: dict[str, str] = {
    "en": "Your order {order_number} has no tracking number yet; we'll send it to you here as "
    "soon as it ships.",
    "es": "Tu pedido {order_number} aún no tiene número de seguimiento; te lo enviaremos por "
    "aquí en cuanto salga.",
    "fr": "Votre commande {order_number} n'a pas encore de numéro de suivi ; nous vous "
    "l'enverrons ici dès son expédition.",
    "de": "Ihre Bestellung {order_number} hat noch keine Sendungsnummer; wir senden Ihnen die "
    "Nummer hier, sobald die Bestellung verschickt ist.",
    "it": "Il tuo ordine {order_number} non ha ancora un numero di tracciamento; te lo "
    "invieremo qui appena sarà spedito.",
    "pt": "Seu pedido {order_number} ainda não tem código de rastreio; vamos enviá-lo aqui "
    "assim que for despachado.",
    "nl": "Je bestelling {order_number} heeft nog geen trackingnummer; we sturen het je hier "
    "zodra ze verzonden is.",
    "pl": "Twoje zamówienie {order_number} nie ma jeszcze numeru przesyłki; wyślemy go tutaj, "
    "gdy tylko zamówienie zostanie nadane.",
    "ru": "У заказа {order_number} пока нет трек-номера; мы пришлём его сюда, как только заказ "
    "будет отправлен.",
    "tr": "{order_number} numaralı siparişinizin henüz takip numarası yok; sipariş kargoya "
    "verilir verilmez numarayı buradan ileteceğiz.",
    "ja": "ご注文{order_number}にはまだ追跡番号がございません。"
    "発送され次第、こちらでお知らせいたします。",
    "ko": "주문 {order_number}에는 아직 운송장 번호가 없습니다. 발송되는 대로 이곳에서 알려 "
    "드리겠습니다.",
    "zh": "您的订单{order_number}还没有物流单号；发货后我们会在这里告诉您。",
    "ar": "لا يوجد لطلبك {order_number} رقم تتبع بعد؛ سنرسله إليك هنا فور شحنه.",
}
ESTIMATED: dict[str, str] = {
    "en": "Estimated delivery: {delivery_estimate}.",
    "es": "Entrega estimada: {delivery_estimate}.",
    "fr": "Livraison estimée : {delivery_estimate}.",
    "de": "Voraussichtliche Zustellung: {delivery_estimate}.",
    "it": "Consegna prevista: {delivery_estimate}.",
    "pt": "Entrega prevista: {delivery_estimate}.",
    "nl": "Verwachte levering: {delivery_estimate}.",
    "pl": "Przewidywana dostawa: {delivery_estimate}.",
    "ru": "Ориентировочная дата доставки: {delivery_estimate}.",
    "tr": "Tahmini teslimat: {delivery_estimate}.",
    "ja": "お届け予定：{delivery_estimate}。",
    "ko": "예상 도착일: {delivery_estimate}.",
    "zh": "预计送达：{delivery_estimate}。",
    "ar": "موعد التسليم المتوقع: {delivery_estimate}.",
}


# "Is it still on the way?" inside another question (an address change): the reading may
# hear only the main question, but a linked order's whereabouts cost one sentence to give.
_WHEREABOUTS_WORDS = re.compile(
    r"still on (?:its|the) way|on its way\?|where is (?:it|my)|how many more days|how much "
    r"longer|when will it (?:arrive|come|get here)|sigue en camino|todav[ií]a en camino|"
    r"d[oó]nde est[aá]|cu[aá]ntos d[ií]as|cu[aá]ndo llega|toujours en route|o[uù] en est|"
    r"o[uù] est|combien de jours|quand (?:va-t-elle|va-t-il|arrive)|noch unterwegs|wo ist|"
    r"wie lange noch|wann kommt|ancora in viaggio|dov'[eè]|quanti giorni|quando arriva|"
    r"ainda a caminho|onde est[aá]|quantos dias|quando chega|nog onderweg|waar is|"
    r"hoeveel dagen|wanneer komt|w drodze\?|gdzie jest|ile jeszcze|kiedy dotrze|"
    r"(?:ещё|еще) в пути|где (?:мой|моя|он|она|сейчас)|сколько (?:ещё|еще)|когда (?:придёт|"
    r"придет|доставят)|h[aâ]l[aâ] yolda|yolda m[ıi]|nerede|ka[cç] g[uü]n|ne zaman gel|"
    r"まだ配送中|どこ|あと何日|いつ届|아직 배송|어디|며칠|언제 도착|"
    r"还在路上|在哪|还要几天|几天能到|什么时候到|في الطريق|أين|كم يوم|متى يصل",
    re.IGNORECASE,
)


def asks_whereabouts(text: str) -> bool:
    """Whether ``text`` asks where the order is or when it comes ("hâlâ yolda mı?")."""
    return bool(_WHEREABOUTS_WORDS.search(text))


def where_the_order_is(language: str, situation: OrderSituation | None, estimated: bool) -> str:
    """The linked order's tracking (or that it has none yet) and its estimate, as one
    further answer in ``language`` (a template with the order's variables)."""
    tracked = situation is OrderSituation.WITH_TRACKING
    sentences = [(ON_ITS_WAY if tracked else NO_TRACKING_YET).get(language)]
    if estimated:
        sentences.append(ESTIMATED.get(language))
    if None in sentences:
        language = "en"
        sentences = [ON_ITS_WAY["en"] if tracked else NO_TRACKING_YET["en"]]
        sentences += [ESTIMATED["en"]] if estimated else []
    return ("" if language in _NO_SPACE else " ").join(s for s in sentences if s)
