"""How long delivery takes to the shopper, and how late their order is.

``{delivery_time}`` states the store's delivery window for the shopper's country (from
the desk file's ``shipping.delivery_days``); ``{delivery_lateness}`` compares the order
date plus the longest promised time with today. Business days skip Saturdays and Sundays.
Country names come from CLDR and are written with the preposition, article and case the
sentence needs ("nach Österreich", "in die Schweiz", "do Wielkiej Brytanii", "Türkiye'ye",
"au Canada": ``replies.facts.country_forms``), never as a form's label ("Czas dostawy
(Wielka Brytania): ...") nor a gloss ("Dostawa do Twojego kraju (Wielka Brytania)").

    delivery_time("JP", terms, "en")
    # "Delivery to Japan takes 5–8 business days."
    delivery_lateness(date(2026, 11, 20), "JP", terms, date(2026, 12, 7), "en")
    # "It was ordered on November 20 and delivery to Japan takes 5–8 business days, so it
    #  should have arrived by December 2: it is 5 days late."

The late sentence states facts only (the reply around it has apologised already); dates
leave out this year and follow the shopper's country ("20 November" in the United
Kingdom), see ``replies.facts.names.day_text``.

An order has one deadline in a reply, never two that disagree. The carrier's estimate is
the order's own latest word and the reply shows it, so once it has passed the order is
late by it ("It was expected by 3 December, so it is now 4 days late"), whatever the
store's delivery table would say; the table's promise counts while the estimate is still
to come (an order late by the promise is late, even if the carrier now expects it next
week). Without either, the sentence states only what is known (the order date and how
long ago it was), and nothing at all when not even that is known: the reply around it
already says what happens next, and "our team will check how late it is" next to dates
that show it reads as if nobody looked.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from babel import Locale

from replies.facts.country_forms import base_language, capitalized, country_forms
from replies.facts.names import day_text
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
# Ranges as each language writes them: "od 2 do 4 dni roboczych", "de 2 a 5 días
# hábiles", "2 à 5 jours ouvrés", "da 2 a 5 giorni lavorativi", "2 tot 5 werkdagen",
# "7〜14営業日", "영업일 기준 7~14일", "7至14个工作日"; the others join the numbers with an
# en dash ("2–5 Werktage"). The noun agrees with
# the larger number.
_RANGES = {
    "pl": "od {low} do {high} dni roboczych",
    "ru": "от {low} до {high} рабочих дней",
    "es": "de {low} a {high}",
    "fr": "{low} à {high}",
    "it": "da {low} a {high}",
    "pt": "de {low} a {high}",
    "nl": "{low} tot {high}",
    "ja": "{low}〜{high}",
    "ko": "{low}~{high}",
    "zh": "{low}至{high}",
}

# (the time for a known country, the usual time when the country is unknown, asking when
# the store has given no time at all)
_TIME: dict[str, tuple[str, str, str]] = {
    "en": (
        "Delivery {to_country} takes {days}.",
        "Delivery usually takes {days}; tell us your country and we will give you its exact time.",
        "Tell us which country the order goes to and we will tell you how long delivery takes.",
    ),
    "es": (
        "Los envíos {to_country} tardan {days}.",
        "La entrega suele tardar {days}; dinos tu país y te damos el plazo exacto.",
        "Dinos a qué país va el pedido y te decimos cuánto tarda la entrega.",
    ),
    "fr": (
        "La livraison {to_country} prend {days}.",
        "La livraison prend en général {days} ; indiquez-nous votre pays pour le délai exact.",
        "Indiquez-nous le pays de livraison et nous vous donnerons le délai.",
    ),
    "de": (
        "Die Lieferung {to_country} dauert {days}.",
        "Die Lieferung dauert meist {days}; nennen Sie uns Ihr Land, dann sagen wir Ihnen die "
        "genaue Lieferzeit.",
        "Nennen Sie uns das Lieferland, dann sagen wir Ihnen, wie lange die Lieferung dauert.",
    ),
    "it": (
        "La consegna {in_country} richiede {days}.",
        "La consegna richiede di solito {days}; dicci il tuo paese e ti diamo i tempi esatti.",
        "Dicci in quale paese va spedito l'ordine e ti diciamo quanto ci vuole.",
    ),
    "pt": (
        "A entrega {to_country} leva {days}.",
        "A entrega costuma levar {days}; informe seu país e passaremos o prazo exato.",
        "Informe para qual país vai o pedido e diremos quanto tempo leva a entrega.",
    ),
    "nl": (
        "De levering {to_country} duurt {days}.",
        "De levering duurt meestal {days}; laat ons je land weten voor de precieze levertijd.",
        "Laat ons weten naar welk land de bestelling "
        "gaat, dan zeggen we hoe lang de levering duurt.",
    ),
    "pl": (
        "Dostawa {to_country} trwa {days}.",
        "Dostawa trwa zwykle {days}; napisz, do jakiego kraju ma trafić zamówienie, a podamy "
        "dokładny czas.",
        "Napisz, do jakiego kraju ma trafić zamówienie, a podamy czas dostawy.",
    ),
    "ru": (
        "Доставка {to_country} занимает {days}.",
        "Доставка обычно занимает {days}; укажите вашу страну, и мы назовём точный срок.",
        "Напишите, в какую страну отправить заказ, и мы назовём срок доставки.",
    ),
    "tr": (
        "{to_country} teslimat {days} sürer.",
        "Teslimat genellikle {days} sürer; ülkenizi yazın, size kesin süreyi söyleyelim.",
        "Siparişin hangi ülkeye gideceğini yazın, teslimatın ne kadar süreceğini söyleyelim.",
    ),
    "ja": (
        "{country}へのお届けには{days}かかります。",
        "通常のお届けは{days}です。お住まいの国・地域を教えていただければ、正確な日数をお知らせします。",
        "お届け先の国・地域を教えていただければ、お届けにかかる日数をお知らせします。",
    ),
    "ko": (
        "{country}까지 배송에는 {days}이 걸립니다.",
        "배송은 보통 {days}이 걸립니다. 국가나 지역을 알려 주시면 정확한 기간을 안내해 드리겠습니다.",  # noqa: E501 (CJK text is wide, not long)
        "주문을 받으실 국가나 지역을 알려 주시면 배송 기간을 안내해 드리겠습니다.",
    ),
    "zh": (
        "寄往{country}的配送时间为{days}。",
        "配送通常需要{days}；告诉我们您所在的国家，我们会告知准确时间。",
        "请告诉我们订单寄往哪个国家或地区，我们会告知配送所需时间。",
    ),
    "ar": (
        "يستغرق التوصيل {to_country} {days}.",
        "يستغرق التوصيل عادةً {days}؛ أخبرنا ببلدك لنخبرك بالمدة الدقيقة.",
        "أخبرنا إلى أي بلد سيُرسل الطلب وسنخبرك بمدة التوصيل.",
    ),
}

# (late, still on time) by the store's delivery time. The reply around a late order has
# apologised already, so the late sentence states the facts: the dates and how late it is.
_LATENESS: dict[str, tuple[str, str]] = {
    "en": (
        "It was ordered on {ordered} and {time}, so it should have arrived "
        "by {due}: it is {late} late.",
        "It was ordered on {ordered} and {time}, so it is still on time: "
        "it should arrive by {due}.",
    ),
    "es": (
        "El pedido se hizo el {ordered} y {time}, así que debería haber "
        "llegado como muy tarde el {due}: lleva {late} de retraso.",
        "El pedido se hizo el {ordered} y {time}, así que aún está en plazo: "
        "debería llegar como muy tarde el {due}.",
    ),
    "fr": (
        "La commande date du {ordered} et {time} : elle aurait dû "
        "arriver au plus tard le {due}, elle a donc {late} de retard.",
        "La commande date du {ordered} et {time} : elle est encore "
        "dans les temps et devrait arriver au plus tard le {due}.",
    ),
    "de": (
        "Bestellt wurde am {ordered}, {time}: Die Sendung hätte bis zum "
        "{due} ankommen sollen und hat damit {late} Verspätung.",
        "Bestellt wurde am {ordered}, {time}: Die Sendung liegt noch im "
        "Zeitplan und sollte bis zum {due} ankommen.",
    ),
    "it": (
        "L'ordine è del {ordered} e {time}: sarebbe dovuto arrivare entro "
        "il {due}, quindi è in ritardo di {late}.",
        "L'ordine è del {ordered} e {time}: è ancora nei tempi e dovrebbe arrivare entro il {due}.",
    ),
    "pt": (
        "O pedido foi feito em {ordered} e {time}, então deveria ter chegado até "
        "{due}: está {late} atrasado.",
        "O pedido foi feito em {ordered} e {time}, então ainda está dentro do "
        "prazo: deve chegar até {due}.",
    ),
    "nl": (
        "Besteld op {ordered}, {time}: de bestelling had uiterlijk {due} binnen "
        "moeten zijn en is nu {late} te laat.",
        "Besteld op {ordered}, {time}: de bestelling ligt nog op schema en zou "
        "uiterlijk {due} moeten aankomen.",
    ),
    "pl": (
        "Zamówienie złożono {ordered}, a {time}, więc powinno było dotrzeć do "
        "{due}: jest już opóźnione o {late}.",
        "Zamówienie złożono {ordered}, a {time}, więc wciąż mieści się w terminie "
        "i powinno dotrzeć do {due}.",
    ),
    "ru": (
        "Заказ оформлен {ordered}, {time}, поэтому он должен был прийти до "
        "{due}: задержка составляет {late}.",
        "Заказ оформлен {ordered}, {time}, поэтому он ещё укладывается в срок "
        "и должен прийти до {due}.",
    ),
    "tr": (
        "Sipariş {ordered} tarihinde verildi ve {time}; en geç {due} tarihinde "
        "ulaşmış olması gerekiyordu, yani {late} gecikti.",
        "Sipariş {ordered} tarihinde verildi ve {time}; hâlâ süre içinde, en geç "
        "{due} tarihinde ulaşması bekleniyor.",
    ),
    "ja": (
        "ご注文日は{ordered}、{time}のため、{due}までに届く予定でした。現在{late}遅れています。",
        "ご注文日は{ordered}、{time}のため、まだ予定の範囲内です。{due}までに届く見込みです。",
    ),
    "ko": (
        "주문일은 {ordered}이고 {time}이므로 {due}까지 도착했어야 합니다. "
        "현재 {late} 늦어지고 있습니다.",
        "주문일은 {ordered}이고 {time}이므로 아직 예정 기간 안에 있습니다. "
        "{due}까지 도착할 예정입니다.",
    ),
    "zh": (
        "您于{ordered}下单，{time}，本应在{due}前送达，目前已延误{late}。",
        "您于{ordered}下单，{time}，目前仍在正常时间内：预计{due}前送达。",
    ),
    "ar": (
        "تم الطلب في {ordered} و{time}، لذا كان يجب أن يصل بحلول {due}، "
        "وهو الآن متأخر بمقدار {late}.",
        "تم الطلب في {ordered} و{time}، لذا ما زال ضمن المدة، ويُتوقع وصوله بحلول {due}.",
    ),
}

# A carrier's estimate that has passed: the one deadline the late order is measured by.
_ESTIMATE_LATE: dict[str, str] = {
    "en": "It was expected by {due}, so it is now {late} late.",
    "es": "La entrega estaba prevista para el {due}, así que lleva {late} de retraso.",
    "fr": "La livraison était prévue le {due} : la commande a donc {late} de retard.",
    "de": "Die Zustellung war für den {due} vorgesehen; die Sendung hat damit {late} Verspätung.",
    "it": "La consegna era prevista per il {due}, quindi è in ritardo di {late}.",
    "pt": "A entrega estava prevista para o dia {due}, então o pedido está {late} atrasado.",
    "nl": "De levering was verwacht op {due}, dus de bestelling is nu {late} te laat.",
    "pl": "Dostawa była przewidziana na {due}, więc zamówienie jest opóźnione o {late}.",
    "ru": "Доставка ожидалась {due}, так что задержка составляет {late}.",
    "tr": "Siparişinizin {due} tarihinde ulaşması bekleniyordu, yani {late} gecikti.",
    "ja": "{due}にお届け予定でしたので、{late}の遅れとなっております。",
    "ko": "{due}에 도착 예정이었으므로 현재 {late} 늦어지고 있습니다.",
    "zh": "原预计{due}送达，目前已延误{late}。",
    "ar": "كان من المتوقع أن يصل بحلول {due}، لذا فهو متأخر بمقدار {late}.",
}

# The same, when the reply shows the passed estimate itself ("estimated delivery: 1 December
# (that date has passed)"): the date is said there, so the lateness says only how late.
_LATE_BY_SHOWN_ESTIMATE: dict[str, str] = {
    "en": "It is now {late} late.",
    "es": "Lleva {late} de retraso.",
    "fr": "La commande a {late} de retard.",
    "de": "Die Sendung hat {late} Verspätung.",
    "it": "È in ritardo di {late}.",
    "pt": "O pedido está {late} atrasado.",
    "nl": "De bestelling is nu {late} te laat.",
    "pl": "Zamówienie jest opóźnione o {late}.",
    "ru": "Сейчас задержка составляет {late}.",
    "tr": "Siparişiniz {late} gecikti.",
    "ja": "現在{late}の遅れとなっております。",
    "ko": "현재 {late} 늦어지고 있습니다.",
    "zh": "目前已延误{late}。",
    "ar": "الطلب متأخر بمقدار {late}.",
}

# Only the order date is known (no delivery time for the destination, no estimate): the
# fact, and how long ago it was, by the CLDR plural category of the number of days.
_ORDERED_AGO: dict[str, str] = {
    "en": "It was ordered on {ordered}, {ago} ago.",
    "es": "El pedido se hizo el {ordered}, hace {ago}.",
    "fr": "La commande a été passée le {ordered}, il y a {ago}.",
    "de": "Bestellt wurde am {ordered}, das ist {ago} her.",
    "it": "L'ordine è stato effettuato il {ordered}, cioè {ago} fa.",
    "pt": "O pedido foi feito em {ordered}, há {ago}.",
    "nl": "De bestelling is geplaatst op {ordered}, {ago} geleden.",
    "pl": "Zamówienie złożono {ordered}, czyli {ago} temu.",
    "ru": "Заказ оформлен {ordered}, {ago} назад.",
    "tr": "Siparişiniz {ordered} tarihinde, yani {ago} önce verildi.",
    "ja": "{ordered}にご注文いただいてから、{ago}が経過しております。",
    "ko": "주문일은 {ordered}로, 주문 후 {ago}이 지났습니다.",
    "zh": "您于{ordered}下单，距今已有{ago}。",
    "ar": "تم الطلب في {ordered}، أي قبل {ago}.",
}

# How late, in calendar days, by the CLDR plural category of the number.
_LATE_DAYS: dict[str, dict[str, str]] = {
    "en": {"one": "{n} day", "other": "{n} days"},
    "es": {"one": "{n} día", "other": "{n} días"},
    "fr": {"one": "{n} jour", "other": "{n} jours"},
    "de": {"one": "{n} Tag", "other": "{n} Tage"},
    "it": {"one": "{n} giorno", "other": "{n} giorni"},
    "pt": {"one": "{n} dia", "other": "{n} dias"},
    "nl": {"one": "{n} dag", "other": "{n} dagen"},
    "pl": {"one": "{n} dzień", "few": "{n} dni", "many": "{n} dni", "other": "{n} dni"},
    "ru": {"one": "{n} день", "few": "{n} дня", "many": "{n} дней", "other": "{n} дней"},
    "tr": {"other": "{n} gün"},
    "ja": {"other": "{n}日"},
    "ko": {"other": "{n}일"},
    "zh": {"other": "{n}天"},
    "ar": {
        "one": "يوم واحد",
        "two": "يومين",
        "few": "{n} أيام",
        "many": "{n} يومًا",
        "other": "{n} يوم",
    },
}

# A destination the store has given no time for: staff confirm it (the shopper has named
# the country already, so it is not asked for again).
_CONFIRM: dict[str, str] = {
    "en": "Our team will confirm how long delivery {to_country} takes and get back to you.",
    "es": "Nuestro equipo comprobará cuánto tardan los envíos {to_country} y te lo confirmará.",
    "fr": "Notre équipe vérifiera le délai de livraison {to_country} et vous le confirmera.",
    "de": "Wie lange die Lieferung {to_country} dauert, prüft unser Team und meldet sich "
    "dann bei Ihnen.",
    "it": "Il nostro team verificherà i tempi di consegna {in_country} e te li confermerà.",
    "pt": "Nossa equipe vai confirmar o prazo de entrega {to_country} e retornar para você.",
    "nl": "Ons team zoekt uit hoe lang de levering {to_country} duurt en laat het je weten.",
    "pl": "Nasz zespół potwierdzi czas dostawy {to_country} i odezwie się do Ciebie.",
    "ru": "Наша команда уточнит срок доставки {to_country} и свяжется с вами.",
    "tr": "{to_country} teslimat süresini ekibimiz teyit edip size dönüş yapacak.",
    "ja": "{country}へのお届け日数は、担当者が確認のうえ改めてご連絡いたします。",
    "ko": "{country}까지의 배송 기간은 담당자가 확인한 후 안내해 드리겠습니다.",
    "zh": "寄往{country}的配送时间，我们的团队会确认后回复您。",
    "ar": "سيتحقق فريقنا من مدة التوصيل {to_country} ثم يرد عليك.",
}

# The promised time inside the late and on-time sentences: for the destination when it is
# known ("delivery to Japan takes 5–8 business days", "die Lieferzeit in die Schweiz
# beträgt ..."), else the store's time alone.
_TIME_FOR: dict[str, tuple[str, str]] = {
    "en": ("delivery {to_country} takes {days}", "the delivery time is {days}"),
    "es": ("los envíos {to_country} tardan {days}", "la entrega tarda {days}"),
    "fr": (
        "le délai de livraison {to_country} est de {days}",
        "le délai de livraison est de {days}",
    ),
    "de": ("die Lieferzeit {to_country} beträgt {days}", "die Lieferzeit beträgt {days}"),
    "it": ("la consegna {in_country} richiede {days}", "la consegna richiede {days}"),
    "pt": ("a entrega {to_country} leva {days}", "a entrega leva {days}"),
    "nl": ("de levertijd {to_country} is {days}", "de levertijd is {days}"),
    "pl": ("czas dostawy {to_country} to {days}", "czas dostawy to {days}"),
    "ru": ("срок доставки {to_country} — {days}", "срок доставки — {days}"),
    "tr": ("{to_country} teslimat süresi {days}", "teslimat süresi {days}"),
    "ja": ("{country}へのお届け日数は{days}", "お届け日数は{days}"),
    "ko": ("{country}까지 배송 기간은 {days}", "배송 기간은 {days}"),
    "zh": ("寄往{country}的配送时间为{days}", "配送时间为{days}"),
    "ar": ("مدة التوصيل {to_country} {days}", "مدة التوصيل {days}"),
}

# A delivery estimate whose day has passed, as the reply's estimate reads it: "Estimated
# delivery: Thursday 3 December (that date has passed)".
_PASSED: dict[str, str] = {
    "en": "{day} (that date has passed)",
    "es": "{day} (esa fecha ya pasó)",
    "fr": "{day} (cette date est passée)",
    "de": "{day} (dieser Termin ist bereits verstrichen)",
    "it": "{day} (questa data è già passata)",
    "pt": "{day} (essa data já passou)",
    "nl": "{day} (die datum is al voorbij)",
    "pl": "{day} (ten termin już minął)",
    "ru": "{day} (эта дата уже прошла)",
    "tr": "{day} (bu tarih geçti)",
    "ja": "{day}（予定日を過ぎています）",
    "ko": "{day}(이미 지난 날짜)",
    "zh": "{day}（该日期已过）",
    "ar": "{day} (وقد مضى هذا الموعد)",
}


def days_text(window: DeliveryWindow, language: str) -> str:
    """ "5–8 business days", "od 2 do 4 dni roboczych", "de 2 a 5 días hábiles", "5–8営業日"
    in ``language``."""
    language = language if language in _DAYS else "en"
    low, high = window.min_days, window.max_days
    forms = _DAYS[language]
    category = Locale.parse(language).plural_form(high)
    if low != high and category in {"one", "two"}:
        category = "other"  # a range is plural even when it ends at 1 or 2
    if low == high:
        days = str(high)
    elif language in {"pl", "ru"}:  # the range carries its own noun, in the genitive
        return _RANGES[language].format(low=low, high=high)
    else:
        days = _RANGES.get(language, "{low}–{high}").format(low=low, high=high)
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
    """The store's delivery window for ``country``, in ``language``; never empty.

    A known country without a time in the desk file (no line for it, no ``default``) is
    told that the team will confirm it: the shopper named the country, so it is not
    asked for again. ``language`` may be a regional variant ("pt-PT"): the country is then
    named as the variant writes it ("para a Polónia")."""
    locale, language = language, base_language(language)  # "pt-PT": Portugal's names
    known, usual, ask = _TIME.get(language, _TIME["en"])
    window = terms.delivery.window_for(country) if country else None
    if country and window:
        return in_sentence(known, country, locale, days=days_text(window, language))
    if country:
        return in_sentence(_CONFIRM.get(language, _CONFIRM["en"]), country, locale)
    if terms.delivery.default:
        return usual.format(days=days_text(terms.delivery.default, language))
    return ask


def in_sentence(template: str, country: str, language: str, **values: str) -> str:
    """``template`` with the country as the sentence needs it (``{country}``,
    ``{to_country}``, ``{in_country}``: ``replies.facts.country_forms``) and ``values``;
    a sentence that opens with the phrase starts with a capital ("In der Schweiz ...")."""
    text = template.format(**country_forms(country, language), **values)
    return capitalized(text) if template.startswith("{") else text


def delivery_lateness(
    ordered_on: date | None,
    country: str | None,
    terms: ShippingTerms,
    today: date,
    language: str,
    *,
    estimated_on: date | None = None,
    estimate_shown: bool = False,
    estimate_in_reply: bool = False,
) -> str:
    """Whether an order placed on ``ordered_on`` is late, and by how many days, measured
    by one deadline: the carrier's estimate ``estimated_on`` once it has passed, else the
    store's delivery time for ``country``. Without a deadline, only the order date and how
    long ago it was; empty when nothing is known (the reply says what happens next).

    ``estimate_shown``: the reply shows a carrier's estimate whose date was not given
    here. Whether it has passed is then unknown, so "still on time by the store's time"
    is not said beside it (it could contradict it); late by the store's time still is.
    ``estimate_in_reply``: the reply's template itself says the estimate; a passed one is
    then late without its date named again ("It is now 4 days late.": the reply's
    estimate line says the date and that it has passed).

        delivery_lateness(None, "GB", terms, date(2026, 12, 7), "en",
                          estimated_on=date(2026, 12, 3))
        # "It was expected by 3 December, so it is now 4 days late."
    """
    locale, language = language, base_language(language)  # "pt-PT": Portugal's names

    def shown(day: date) -> str:
        return day_text(day, language, today=today, country=country)

    if estimated_on is not None and estimated_on < today:
        # the reply that shows the passed estimate says its date already: said twice, it
        # reads as if nobody had read the reply through
        dated = estimate_shown and estimate_in_reply
        sentences = _LATE_BY_SHOWN_ESTIMATE if dated else _ESTIMATE_LATE
        text = sentences.get(language, sentences["en"]).format(
            due=shown(estimated_on), late=late_days(today, estimated_on, language)
        )
        return _tidy(text, language)
    if ordered_on is None:
        return ""
    window = terms.delivery.window_for(country)
    if window is None:
        if estimated_on is not None or ordered_on >= today:
            return ""  # the reply states the estimate still to come; "0 days ago" says nothing
        text = _ORDERED_AGO.get(language, _ORDERED_AGO["en"]).format(
            ordered=shown(ordered_on), ago=late_days(today, ordered_on, language)
        )
        return _tidy(text, language)
    late, on_time = _LATENESS.get(language, _LATENESS["en"])
    due = add_business_days(ordered_on, window.max_days)
    if today <= due and (
        (estimated_on is not None and estimated_on > due)
        or (estimated_on is None and estimate_shown)
    ):
        # on time by the promise, but the carrier expects it later (or at a date not
        # known here): the estimate the reply shows is the date to go by, not a second
        # "should arrive by"
        return ""
    days = days_text(window, language)
    with_country, alone = _TIME_FOR.get(language, _TIME_FOR["en"])
    # name the destination the promised time is for ("delivery to Japan takes ...")
    time = in_sentence(with_country, country, locale, days=days) if country else None
    sentence = late if today > due else on_time
    text = sentence.format(
        ordered=shown(ordered_on),
        time=time or alone.format(days=days),
        due=shown(due),
        late=late_days(today, due, language),
    )
    return _tidy(text, language)


def is_overdue(
    ordered_on: date | None,
    country: str | None,
    terms: ShippingTerms,
    today: date,
    *,
    estimated_on: date | None = None,
) -> bool:
    """Whether the order has missed a deadline ``delivery_lateness`` would call late: the
    carrier's estimate, or the store's delivery time for ``country``. A "where is my
    order?" about such an order deserves the apology a late order gets."""
    if estimated_on is not None and estimated_on < today:
        return True
    if ordered_on is None:
        return False
    window = terms.delivery.window_for(country)
    return window is not None and today > add_business_days(ordered_on, window.max_days)


def late_days(today: date, due: date, language: str) -> str:
    """How many calendar days ``today`` is after ``due``: "3 days", "5 дней", "3日" (also
    how long ago an order was placed)."""
    n = (today - due).days
    forms = _LATE_DAYS.get(language, _LATE_DAYS["en"])
    category = Locale.parse(language if language in _LATE_DAYS else "en").plural_form(n)
    return forms.get(category, forms["other"]).format(n=n)


def estimate_text(day_shown: str, day: date, today: date, language: str) -> str:
    """The order's delivery estimate as the reply states it: the day as shown
    (``day_shown``), marked as passed when ``day`` is before ``today`` so a passed date
    never reads as the estimate still to come."""
    if day >= today:
        return day_shown
    return _PASSED.get(language, _PASSED["en"]).format(day=day_shown)


_DOUBLED_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
# Italian elides the article before a day read with a vowel: "entro l'11 dicembre",
# "dell'8 novembre", "per l'1 dicembre" ("otto", "undici", "uno").
_ITALIAN_ELISION = re.compile(r"\b(il|del|al|dal|nel) (?=(?:8|11|1)\b)")
_ELIDED = {"il": "l'", "del": "dell'", "al": "all'", "dal": "dall'", "nel": "nell'"}


def _tidy(text: str, language: str) -> str:
    """A stop doubled by a date that ends in one ("2 декабря 2025 г."), and Italian
    articles before "8", "11" and "1" elided."""
    text = _DOUBLED_STOP.sub(".", text)
    if language == "it":
        text = _ITALIAN_ELISION.sub(lambda m: _ELIDED[m.group(1)], text)
    return text
