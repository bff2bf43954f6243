"""How long delivery takes to the shopper, and how late their order is.

``{delivery_time}`` states the store's delivery window for the shopper's country (from
the desk file's ``shipping.delivery_days``); ``{delivery_lateness}`` compares the order
date plus the longest promised time with today. Business days skip Saturdays and Sundays.
Country names and dates come from CLDR; the sentences put the country in brackets
("Delivery time (Japan): 5–8 business days") so no language needs a case or an article.

    delivery_time("JP", terms, "en")
    # "Delivery time (Japan): 5–8 business days."
    delivery_lateness(date(2026, 11, 20), "JP", terms, today, "en")
    # "It was ordered on November 20, 2026 and the delivery time is 5–8 business days
    #  (Japan), so it should have arrived by December 2, 2026: it is late, and we are sorry."
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from babel import Locale

from replies.facts.names import country_name, day_text
from replies.facts.terms import DeliveryWindow, ShippingTerms

# "{low}–{high} business days", by the CLDR plural category of the larger number.
_DAYS: dict[str, dict[str, str]] = {
    "en": {"one": "{days} business day", "other": "{days} business days"},
    "es": {"one": "{days} día hábil", "other": "{days} días hábiles"},
    "fr": {"one": "{days} jour ouvré", "other": "{days} jours ouvrés"},
    "de": {"one": "{days} Werktag", "other": "{days} Werktage"},
    "it": {"one": "{days} giorno lavorativo", "other": "{days} giorni lavorativi"},
    "pt": {"one": "{days} dia útil", "other": "{days} dias úteis"},
    "nl": {"one": "{days} werkdag", "other": "{days} werkdagen"},
    "pl": {
        "one": "{days} dzień roboczy",
        "few": "{days} dni robocze",
        "other": "{days} dni roboczych",
    },
    "ru": {
        "one": "{days} рабочий день",
        "few": "{days} рабочих дня",
        "other": "{days} рабочих дней",
    },
    "tr": {"other": "{days} iş günü"},
    "ja": {"other": "{days}営業日"},
    "ko": {"other": "영업일 기준 {days}일"},
    "zh": {"other": "{days}个工作日"},
    "ar": {
        "one": "يوم عمل واحد",
        "two": "يوما عمل",
        "few": "{days} أيام عمل",
        "other": "{days} يوم عمل",
    },
}
# Polish and Russian ranges read "od 2 do 4 dni roboczych" / "от 2 до 4 рабочих дней".
_RANGES = {"pl": "od {low} do {high} dni roboczych", "ru": "от {low} до {high} рабочих дней"}

# (the time for a known country, the usual time when the country is unknown, asking when
# the store has given no time at all)
_TIME: dict[str, tuple[str, str, str]] = {
    "en": (
        "Delivery time ({country}): {days}.",
        "Delivery usually takes {days}; tell us your country and we will give you its exact time.",
        "Tell us which country the order goes to and we will tell you how long delivery takes.",
    ),
    "es": (
        "Plazo de entrega ({country}): {days}.",
        "La entrega suele tardar {days}; dinos tu país y te damos el plazo exacto.",
        "Dinos a qué país va el pedido y te decimos cuánto tarda la entrega.",
    ),
    "fr": (
        "Délai de livraison ({country}) : {days}.",
        "La livraison prend en général {days} ; indiquez-nous votre pays pour le délai exact.",
        "Indiquez-nous le pays de livraison et nous vous donnerons le délai.",
    ),
    "de": (
        "Lieferzeit ({country}): {days}.",
        "Die Lieferung dauert meist {days}; nennen Sie uns Ihr Land, dann sagen wir Ihnen die "
        "genaue Lieferzeit.",
        "Nennen Sie uns das Lieferland, dann sagen wir Ihnen, wie lange die Lieferung dauert.",
    ),
    "it": (
        "Tempi di consegna ({country}): {days}.",
        "La consegna richiede di solito {days}; dicci il tuo paese e ti diamo i tempi esatti.",
        "Dicci in quale paese va spedito l'ordine e ti diciamo quanto ci vuole.",
    ),
    "pt": (
        "Prazo de entrega ({country}): {days}.",
        "A entrega costuma levar {days}; diga-nos o seu país e informamos o prazo exato.",
        "Diga-nos para que país vai a encomenda e informamos quanto tempo leva a entrega.",
    ),
    "nl": (
        "Levertijd ({country}): {days}.",
        "De levering duurt meestal {days}; laat ons je land weten voor de precieze levertijd.",
        "Laat ons weten naar welk land de bestelling "
        "gaat, dan zeggen we hoe lang de levering duurt.",
    ),
    "pl": (
        "Czas dostawy ({country}): {days}.",
        "Dostawa trwa zwykle {days}; podaj nam swój kraj, a podamy dokładny czas.",
        "Napisz, do jakiego kraju ma trafić zamówienie, a podamy czas dostawy.",
    ),
    "ru": (
        "Срок доставки ({country}): {days}.",
        "Доставка обычно занимает {days}; напишите вашу страну, и мы назовём точный срок.",
        "Напишите, в какую страну отправить заказ, и мы назовём срок доставки.",
    ),
    "tr": (
        "Teslimat süresi ({country}): {days}.",
        "Teslimat genellikle {days} sürer; ülkenizi yazın, size kesin süreyi söyleyelim.",
        "Siparişin hangi ülkeye gideceğini yazın, teslimatın ne kadar süreceğini söyleyelim.",
    ),
    "ja": (
        "お届け日数（{country}）：{days}です。",
        "通常のお届けは{days}です。お住まいの国を教えていただければ、正確な日数をお知らせします。",
        "お届け先の国を教えていただければ、お届けにかかる日数をお知らせします。",
    ),
    "ko": (
        "배송 기간({country}): {days}입니다.",
        "배송은 보통 {days}이 걸립니다. 국가를 알려 주시면 정확한 기간을 안내해 드리겠습니다.",
        "주문을 받으실 국가를 알려 주시면 배송 기간을 안내해 드리겠습니다.",
    ),
    "zh": (
        "配送时间（{country}）：{days}。",
        "配送通常需要{days}；告诉我们您所在的国家，我们会告知准确时间。",
        "请告诉我们订单寄往哪个国家，我们会告知配送所需时间。",
    ),
    "ar": (
        "مدة التوصيل ({country}): {days}.",
        "يستغرق التوصيل عادةً {days}؛ أخبرنا ببلدك لنخبرك بالمدة الدقيقة.",
        "أخبرنا إلى أي بلد سيُرسل الطلب وسنخبرك بمدة التوصيل.",
    ),
}

# (late, still on time, not enough known to tell)
_LATENESS: dict[str, tuple[str, str, str]] = {
    "en": (
        "It was ordered on {ordered} and the delivery time is {days}, so it should have arrived "
        "by {due}: it is late, and we are sorry.",
        "It was ordered on {ordered} and the delivery time is {days}, so it is still on time: "
        "it should arrive by {due}.",
        "We will compare the order date with the delivery time to your country and tell you "
        "how late it is.",
    ),
    "es": (
        "Se pidió el {ordered} y el plazo de entrega es de {days}, así que debería haber llegado "
        "antes del {due}: va con retraso y lo sentimos.",
        "Se pidió el {ordered} y el plazo de entrega es de {days}, así que aún está en plazo: "
        "debería llegar antes del {due}.",
        "Compararemos la fecha del pedido con el plazo de entrega a tu país y te diremos cuánto "
        "retraso lleva.",
    ),
    "fr": (
        "La commande date du {ordered} et le délai de livraison est de {days} : elle aurait dû "
        "arriver au plus tard le {due}. Elle est en retard, nous en sommes désolés.",
        "La commande date du {ordered} et le délai de livraison est de {days} : elle est encore "
        "dans les temps et devrait arriver au plus tard le {due}.",
        "Nous allons comparer la date de commande au délai de livraison vers votre pays et vous "
        "dire quel est le retard.",
    ),
    "de": (
        "Bestellt wurde am {ordered}, die Lieferzeit beträgt {days}: Die Sendung hätte bis zum "
        "{due} ankommen sollen. Sie ist verspätet, das tut uns leid.",
        "Bestellt wurde am {ordered}, die Lieferzeit beträgt {days}: Die Sendung liegt noch im "
        "Zeitplan und sollte bis zum {due} ankommen.",
        "Wir vergleichen das Bestelldatum mit der Lieferzeit in Ihr Land und sagen Ihnen, wie "
        "groß die Verspätung ist.",
    ),
    "it": (
        "L'ordine è del {ordered} e i tempi di consegna sono di {days}: sarebbe dovuto arrivare "
        "entro il {due}. È in ritardo e ci dispiace.",
        "L'ordine è del {ordered} e i tempi di consegna sono di {days}: è ancora nei tempi e "
        "dovrebbe arrivare entro il {due}.",
        "Confronteremo la data dell'ordine con i tempi di consegna nel tuo paese e ti diremo "
        "quanto è in ritardo.",
    ),
    "pt": (
        "A encomenda foi feita em {ordered} e o prazo de entrega é de {days}, por isso devia ter "
        "chegado até {due}: está atrasada, e pedimos desculpa.",
        "A encomenda foi feita em {ordered} e o prazo de entrega é de {days}, por isso ainda está "
        "dentro do prazo: deve chegar até {due}.",
        "Vamos comparar a data da encomenda com o prazo de entrega para o seu país e dizer-lhe "
        "quanto está atrasada.",
    ),
    "nl": (
        "Besteld op {ordered}, de levertijd is {days}: de bestelling had uiterlijk {due} binnen "
        "moeten zijn. Ze is te laat, sorry daarvoor.",
        "Besteld op {ordered}, de levertijd is {days}: de bestelling ligt nog op schema en komt "
        "uiterlijk {due}.",
        "We vergelijken de besteldatum met de levertijd naar jouw land en laten je weten hoeveel "
        "vertraging er is.",
    ),
    "pl": (
        "Zamówienie złożono {ordered}, a czas dostawy to {days}, więc powinno dotrzeć do {due}: "
        "jest opóźnione, przepraszamy.",
        "Zamówienie złożono {ordered}, a czas dostawy to {days}, więc wciąż mieści się w terminie: "
        "powinno dotrzeć do {due}.",
        "Porównamy datę zamówienia z czasem dostawy do Twojego kraju i napiszemy, jakie jest "
        "opóźnienie.",
    ),
    "ru": (
        "Заказ оформлен {ordered}, срок доставки — {days}, поэтому он должен был прийти до "
        "{due}: он задерживается, просим прощения.",
        "Заказ оформлен {ordered}, срок доставки — {days}, поэтому он ещё укладывается в срок: "
        "он должен прийти до {due}.",
        "Мы сравним дату заказа со сроком доставки в вашу страну и сообщим, насколько он "
        "задерживается.",
    ),
    "tr": (
        "Sipariş {ordered} tarihinde verildi ve teslimat süresi {days}; en geç {due} tarihinde "
        "ulaşmış olması gerekiyordu. Gecikme için özür dileriz.",
        "Sipariş {ordered} tarihinde verildi ve teslimat süresi {days}; hâlâ süre içinde, en geç "
        "{due} tarihinde ulaşması bekleniyor.",
        "Sipariş tarihini ülkenize teslimat süresiyle karşılaştırıp ne kadar geciktiğini size "
        "bildireceğiz.",
    ),
    "ja": (
        "ご注文日は{ordered}、お届け日数は{days}のため、{due}までに届く予定でした。"
        "遅れが出ており、申し訳ございません。",
        "ご注文日は{ordered}、お届け日数は{days}のため、まだ予定の範囲内です。{due}までに届く見込みです。",
        "ご注文日とお届け先の国へのお届け日数を照らし合わせ、どのくらい遅れているかお知らせします。",
    ),
    "ko": (
        "주문일은 {ordered}이고 배송 기간은 {days}이므로 {due}까지 도착했어야 합니다. "
        "배송이 늦어져 죄송합니다.",
        "주문일은 {ordered}이고 배송 기간은 {days}이므로 아직 예정 기간 안에 있습니다. "
        "{due}까지 도착할 예정입니다.",
        "주문일과 고객님 국가의 배송 기간을 비교해 얼마나 늦어졌는지 알려 드리겠습니다.",
    ),
    "zh": (
        "订单于{ordered}下单，配送时间为{days}，本应在{due}前送达：已经延误，非常抱歉。",
        "订单于{ordered}下单，配送时间为{days}，目前仍在正常时间内：预计{due}前送达。",
        "我们会将下单日期与寄往您国家的配送时间进行比对，并告知您延误了多久。",
    ),
    "ar": (
        "تم الطلب في {ordered} ومدة التوصيل {days}، لذا كان يجب أن يصل بحلول {due}: "
        "الطلب متأخر ونعتذر عن ذلك.",
        "تم الطلب في {ordered} ومدة التوصيل {days}، لذا ما زال ضمن المدة: يُتوقع وصوله بحلول {due}.",
        "سنقارن تاريخ الطلب بمدة التوصيل إلى بلدك ونخبرك بمقدار التأخير.",
    ),
}


def days_text(window: DeliveryWindow, language: str) -> str:
    """ "5–8 business days", "od 2 do 4 dni roboczych", "5–8営業日" in ``language``."""
    language = language if language in _DAYS else "en"
    low, high = window.min_days, window.max_days
    if low != high and language in _RANGES:
        return _RANGES[language].format(low=low, high=high)
    forms = _DAYS[language]
    category = Locale.parse(language).plural_form(high)
    if low != high and category in {"one", "two"}:
        category = "other"  # a range is plural even when it ends at 1 or 2
    days = str(high) if low == high else f"{low}–{high}"
    return forms.get(category, forms["other"]).format(days=days)


def add_business_days(start: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``start``."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def delivery_time(country: str | None, terms: ShippingTerms, language: str) -> str:
    """The store's delivery window for ``country``, in ``language``; never empty."""
    known, usual, ask = _TIME.get(language, _TIME["en"])
    window = terms.delivery.window_for(country) if country else None
    if country and window:
        return known.format(
            country=country_name(country, language), days=days_text(window, language)
        )
    if terms.delivery.default:
        return usual.format(days=days_text(terms.delivery.default, language))
    return ask


def delivery_lateness(
    ordered_on: date | None,
    country: str | None,
    terms: ShippingTerms,
    today: date,
    language: str,
) -> str:
    """Whether an order placed on ``ordered_on`` is late by the store's window; never empty."""
    late, on_time, unknown = _LATENESS.get(language, _LATENESS["en"])
    window = terms.delivery.window_for(country)
    if ordered_on is None or window is None:
        return unknown
    due = add_business_days(ordered_on, window.max_days)
    days = days_text(window, language)
    if country:  # name the destination the promised time is for
        name = country_name(country, language)
        days += f"（{name}）" if language in {"ja", "zh"} else f" ({name})"
    sentence = late if today > due else on_time
    text = sentence.format(
        ordered=day_text(ordered_on, language), days=days, due=day_text(due, language)
    )
    return _DOUBLED_STOP.sub(".", text)  # "2 декабря 2026 г." at a sentence's end


_DOUBLED_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
