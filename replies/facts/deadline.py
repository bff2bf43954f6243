"""A day the shopper needs the parcel by: Christmas, New Year, "before the 20th".

"Can I get it before Christmas?", "mi serve per Natale, che faccio?": the answer gave the
delivery time or the late order's news and never said whether that meets the day the
shopper named, which is what they asked. ``deadline_sentence`` says it plainly, from what
is known and without promising:

- before buying, with the store's time for the country (``shipping.delivery_days``,
  business days from the order): ordered today it arrives by the day, may or may not,
  or will most likely not;
- a linked order still on time, by its carrier's estimate: it should, or most likely
  will not;
- a late order (its estimate passed, or the store's time), or one with no date at all:
  it cannot be promised, and if it does not come in time the team looks at a
  replacement or a refund with the shopper;
- nothing known (no time for the country, an order not linked yet): the team checks.

Christmas counts as the 24th (presents are opened on the eve in much of Europe), New Year
as the 31st, a day of the month as that day (the next one to come). Left out (empty) when
the message names no such day, or the day has passed.

    deadline_sentence("can I get it before christmas?", "en", date(2026, 12, 7),
                      window=DeliveryWindow(7, 14))
    # "If you order today, it would arrive between December 16 and December 25: it may
    #  reach you before Christmas, but we cannot promise it."
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from replies.facts.delivery import add_business_days
from replies.facts.names import day_text
from replies.facts.terms import DeliveryWindow

CHRISTMAS, NEW_YEAR, DAY = "christmas", "new_year", "day"

_CHRISTMAS = re.compile(
    r"\b(?:christmas|xmas|x-mas|navidad|nochebuena|noel|weihnacht\w*|natale|natal|kerst\w*|"
    r"swieta|swiet\w*|"
    r"swiat\w*|wigili\w*|boze narodzenie)\b|рождеств|クリスマス|크리스마스|성탄|圣诞|聖誕|"
    r"الكريسماس|الكريسمس|كريسماس|عيد الميلاد",
    re.IGNORECASE,
)
_NEW_YEAR = re.compile(
    r"\b(?:new year'?s?(?: eve)?|nochevieja|ano nuevo|nouvel an|reveillon|silvester|neujahr|"
    r"capodanno|ano novo|oud en nieuw|oudejaars\w*|nieuwjaar|sylwester\w*|nowy rok|yilbasi\w*)\b|"
    r"новый год|нового года|новому году|正月|年内|年末|새해|연말|新年|元旦|رأس السنة|راس السنة",
    re.IGNORECASE,
)
# A day of the month the parcel is needed by: "before the 20th", "antes del 20", "bis zum
# 20.", "entro il 20", "do 20 grudnia", "до 20-го", "20'sine kadar", "20日まで", "20일까지",
# "20号前", "قبل يوم 20". Matched on the message without accents.
_DAY = re.compile(
    "|".join(
        (
            r"\b(?:before|by|until|till) (?:the )?(\d{1,2})(?:st|nd|rd|th)\b",
            r"\b(?:antes del?|para el|hasta el) (?:dia )?(\d{1,2})\b(?! ?(?:%|eur|euros|usd|€|\$))",
            r"\b(?:avant le|d'ici le|pour le|au plus tard le|jusqu'au) (\d{1,2})\b(?! ?(?:%|€))",
            r"\b(?:vor dem|bis zum|bis spatestens zum|bis spatestens|bis) (\d{1,2})\.",
            r"\b(?:prima del|entro il|per il|entro l') ?(\d{1,2})\b(?! ?(?:%|€|euro))",
            r"\b(?:antes do dia|ate o dia|ate dia|pro dia|para o dia) (\d{1,2})\b",
            r"\b(?:voor de|uiterlijk de|uiterlijk) (\d{1,2})(?:e|ste|de)\b",
            r"\b(?:przed|do) (\d{1,2})(?:\.|-go\b| (?:grudnia|stycznia|listopada)\b)",
            r"(?:^|\s)до (\d{1,2})(?:-го\b| числа| (?:декабря|января|ноября))",
            r"\b(\d{1,2})[' ]?(?:sine|sina|ine|ina|una|une|ne|na) kadar\b",
            r"\b(\d{1,2}) (?:aralik|ocak|kasim)[' ]?(?:a|e|ya|ye)? kadar\b",
            r"(\d{1,2})日(?:まで|迄)",
            r"(\d{1,2})일\s*(?:까지|전에|전)",
            r"(\d{1,2})\s*(?:号|日)\s*(?:前|之前|以前)",
            r"قبل (?:يوم )?(\d{1,2})\b",
        )
    ),
    re.IGNORECASE,
)

# How each language says "before" the shopper's day, as the sentences below take it.
_BEFORE: dict[str, dict[str, str]] = {
    "en": {CHRISTMAS: "before Christmas", NEW_YEAR: "before New Year", DAY: "by {day}"},
    "es": {CHRISTMAS: "antes de Navidad", NEW_YEAR: "antes de Año Nuevo", DAY: "antes del {day}"},
    "fr": {CHRISTMAS: "avant Noël", NEW_YEAR: "avant le Nouvel An", DAY: "avant le {day}"},
    "de": {CHRISTMAS: "vor Weihnachten", NEW_YEAR: "bis Silvester", DAY: "bis zum {day}"},
    "it": {CHRISTMAS: "prima di Natale", NEW_YEAR: "prima di Capodanno", DAY: "entro il {day}"},
    "pt": {CHRISTMAS: "antes do Natal", NEW_YEAR: "antes do Ano-Novo", DAY: "até {day}"},
    "nl": {CHRISTMAS: "vóór Kerstmis", NEW_YEAR: "vóór oud en nieuw", DAY: "vóór {day}"},
    "pl": {CHRISTMAS: "przed świętami", NEW_YEAR: "przed Sylwestrem", DAY: "do {day}"},
    "ru": {CHRISTMAS: "до Рождества", NEW_YEAR: "до Нового года", DAY: "до {day}"},
    "tr": {CHRISTMAS: "Noel'den önce", NEW_YEAR: "yılbaşından önce", DAY: "{day} tarihinden önce"},
    "ja": {CHRISTMAS: "クリスマスまでに", NEW_YEAR: "年内に", DAY: "{day}までに"},
    "ko": {CHRISTMAS: "크리스마스 전에", NEW_YEAR: "연말까지", DAY: "{day}까지"},
    "zh": {CHRISTMAS: "圣诞节前", NEW_YEAR: "新年前", DAY: "{day}前"},
    "ar": {CHRISTMAS: "قبل عيد الميلاد", NEW_YEAR: "قبل رأس السنة", DAY: "قبل {day}"},
}

# Before buying, ordered today: (arrives by the day, may or may not, most likely not)
_ORDER_TODAY: dict[str, tuple[str, str, str]] = {
    "en": (
        "If you order today, it should reach you {before}: by {latest} at the latest.",
        "If you order today, it would arrive between {earliest} and {latest}: it may reach "
        "you {before}, but we cannot promise it.",
        "If you order today, it would arrive on {earliest} at the earliest, so it will most "
        "likely not reach you {before}.",
    ),
    "es": (
        "Si haces el pedido hoy, debería llegarte {before}: como muy tarde el {latest}.",
        "Si haces el pedido hoy, la entrega será entre el {earliest} y el {latest}: puede que "
        "te llegue {before}, pero no podemos garantizarlo.",
        "Si haces el pedido hoy, la entrega será como pronto el {earliest}, así que lo más "
        "probable es que no te llegue {before}.",
    ),
    "fr": (
        "Si vous commandez aujourd'hui, votre colis devrait arriver {before} : au plus tard "
        "le {latest}.",
        "Si vous commandez aujourd'hui, votre colis arrivera entre le {earliest} et le "
        "{latest} : il pourrait arriver {before}, mais nous ne pouvons pas le garantir.",
        "Si vous commandez aujourd'hui, votre colis arrivera au plus tôt le {earliest} : il "
        "n'arrivera donc très probablement pas {before}.",
    ),
    "de": (
        "Wenn Sie heute bestellen, sollte die Sendung {before} bei Ihnen sein: spätestens am "
        "{latest}.",
        "Wenn Sie heute bestellen, kommt die Sendung voraussichtlich zwischen dem {earliest} "
        "und dem {latest} an; {before} kann sie bei Ihnen sein, versprechen können wir das "
        "aber nicht.",
        "Wenn Sie heute bestellen, kommt die Sendung frühestens am {earliest} an; {before} "
        "wird sie daher sehr wahrscheinlich nicht bei Ihnen sein.",
    ),
    "it": (
        "Se ordini oggi, dovrebbe arrivarti {before}: al più tardi il {latest}.",
        "Se ordini oggi, arriverà tra il {earliest} e il {latest}: potrebbe arrivarti "
        "{before}, ma non possiamo garantirlo.",
        "Se ordini oggi, la consegna non avverrà prima del {earliest}, quindi molto "
        "probabilmente non arriverà {before}.",
    ),
    "pt": (
        "Se você fizer o pedido hoje, ele deve chegar {before}: no máximo até {latest}.",
        "Se você fizer o pedido hoje, ele deve chegar entre {earliest} e {latest}: pode chegar "
        "{before}, mas não podemos garantir.",
        "Se você fizer o pedido hoje, ele só deve chegar a partir de {earliest}, então muito "
        "provavelmente não chegará {before}.",
    ),
    "nl": (
        "Als je vandaag bestelt, zou het {before} bij je moeten zijn: uiterlijk op {latest}.",
        "Als je vandaag bestelt, komt het tussen {earliest} en {latest} aan: het kan {before} "
        "bij je zijn, maar dat kunnen we niet beloven.",
        "Als je vandaag bestelt, komt het op zijn vroegst op {earliest} aan, dus waarschijnlijk "
        "niet meer {before}.",
    ),
    "pl": (
        "Jeśli zamówisz dzisiaj, paczka powinna dotrzeć {before}, najpóźniej {latest}.",
        "Jeśli zamówisz dzisiaj, paczka dotrze między {earliest} a {latest}, więc może zdążyć "
        "{before}, ale nie możemy tego zagwarantować.",
        "Jeśli zamówisz dzisiaj, paczka dotrze najwcześniej {earliest}, więc najpewniej nie "
        "zdąży {before}.",
    ),
    "ru": (
        "Если оформить заказ сегодня, посылка должна прийти {before} — не позднее {latest}.",
        "Если оформить заказ сегодня, посылка придёт между {earliest} и {latest}, так что она "
        "может "
        "успеть {before}, но гарантировать это мы не можем.",
        "Если оформить заказ сегодня, посылка придёт не раньше {earliest}, так что {before} "
        "она, скорее всего, не успеет.",
    ),
    "tr": (
        "Bugün sipariş verirseniz paketinizin {before} ulaşması beklenir: en geç {latest} "
        "tarihinde.",
        "Bugün sipariş verirseniz paketiniz {earliest} ile {latest} arasında ulaşır: {before} "
        "ulaşabilir, ancak bunu garanti edemeyiz.",
        "Bugün sipariş verirseniz paketiniz en erken {earliest} tarihinde ulaşır; bu yüzden "
        "büyük olasılıkla {before} yetişmez.",
    ),
    "ja": (
        "本日ご注文いただければ、{before}お届けできる見込みです（遅くとも{latest}）。",
        "本日ご注文いただいた場合、お届けは{earliest}から{latest}の間となります。"
        "{before}届く可能性はございますが、お約束はできかねます。",
        "本日ご注文いただいても、お届けは早くて{earliest}となるため、{before}届く可能性は"
        "低いと思われます。",
    ),
    "ko": (
        "오늘 주문하시면 {before} 받으실 수 있을 것으로 예상됩니다(늦어도 {latest}).",
        "오늘 주문하시면 {earliest}에서 {latest} 사이에 도착합니다. {before} 받으실 가능성은 "
        "있지만 장담해 드리기는 어렵습니다.",
        "오늘 주문하시더라도 빨라야 {earliest}에 도착하므로 {before} 받으시기는 어려울 것 "
        "같습니다.",
    ),
    "zh": (
        "如果今天下单，预计可在{before}送达（最晚{latest}）。",
        "如果今天下单，预计在{earliest}至{latest}之间送达，有可能在{before}送到，但我们无法保证。",
        "如果今天下单，最早也要{earliest}才能送达，因此很可能无法在{before}送到。",
    ),
    "ar": (
        "إذا طلبت اليوم فمن المتوقع أن يصلك {before}، أي بحلول {latest} على أقصى تقدير.",
        "إذا طلبت اليوم فسيصلك بين {earliest} و{latest}، وقد يصلك {before}، لكن لا يمكننا ضمان "
        "ذلك.",
        "إذا طلبت اليوم فلن يصلك قبل {earliest}، لذا على الأرجح لن يصلك {before}.",
    ),
}

# A linked order still on time, by its carrier's estimate: (in time, most likely not)
_BY_ESTIMATE: dict[str, tuple[str, str]] = {
    "en": (
        "With the estimated delivery on {estimate}, it should reach you {before}.",
        "With the estimated delivery on {estimate}, it will most likely not reach you {before}.",
    ),
    "es": (
        "Como la entrega está prevista para el {estimate}, debería llegarte {before}.",
        "Como la entrega está prevista para el {estimate}, lo más probable es que no te llegue "
        "{before}.",
    ),
    "fr": (
        "La livraison étant prévue le {estimate}, votre colis devrait arriver {before}.",
        "La livraison étant prévue le {estimate}, votre colis n'arrivera très probablement "
        "pas {before}.",
    ),
    "de": (
        "Da die Zustellung für den {estimate} erwartet wird, sollte die Sendung {before} bei "
        "Ihnen sein.",
        "Da die Zustellung für den {estimate} erwartet wird, ist die Sendung {before} sehr "
        "wahrscheinlich nicht bei Ihnen.",
    ),
    "it": (
        "Con la consegna prevista per il {estimate}, dovrebbe arrivarti {before}.",
        "Con la consegna prevista per il {estimate}, molto probabilmente non arriverà {before}.",
    ),
    "pt": (
        "Com a entrega prevista para {estimate}, ele deve chegar {before}.",
        "Com a entrega prevista para {estimate}, muito provavelmente ele não chegará {before}.",
    ),
    "nl": (
        "De levering wordt verwacht op {estimate}, dus het zou {before} bij je moeten zijn.",
        "De levering wordt verwacht op {estimate}, dus het is waarschijnlijk niet {before} bij je.",
    ),
    "pl": (
        "Przewidywany termin dostawy to {estimate}, więc paczka powinna dotrzeć {before}.",
        "Przewidywany termin dostawy to {estimate}, więc paczka najpewniej nie dotrze {before}.",
    ),
    "ru": (
        "Доставка ожидается {estimate}, так что посылка должна прийти {before}.",
        "Доставка ожидается {estimate}, так что посылка, скорее всего, не успеет прийти {before}.",
    ),
    "tr": (
        "Tahmini teslim tarihi {estimate} olduğundan paketinizin {before} ulaşması bekleniyor.",
        "Tahmini teslim tarihi {estimate} olduğundan paketinizin {before} ulaşması pek olası "
        "görünmüyor.",
    ),
    "ja": (
        "お届け予定は{estimate}ですので、{before}お届けできる見込みです。",
        "お届け予定が{estimate}のため、{before}届く可能性は低いと思われます。",
    ),
    "ko": (
        "예상 도착일이 {estimate}이므로 {before} 받으실 수 있을 것으로 예상됩니다.",
        "예상 도착일이 {estimate}이므로 {before} 받으시기는 어려울 것 같습니다.",
    ),
    "zh": (
        "预计送达日期为{estimate}，应该能在{before}送到。",
        "预计送达日期为{estimate}，因此很可能无法在{before}送到。",
    ),
    "ar": (
        "بما أن موعد التسليم المتوقع هو {estimate}، فمن المتوقع أن يصلك {before}.",
        "بما أن موعد التسليم المتوقع هو {estimate}، فعلى الأرجح لن يصلك {before}.",
    ),
}

# A late order, or one with no date: nothing promised, and what happens if it is too late.
_LATE: dict[str, str] = {
    "en": "We cannot promise it will reach you {before}; if it does not arrive in time, our "
    "team will look at a replacement or a refund with you.",
    "es": "No podemos garantizar que te llegue {before}; si no llega a tiempo, nuestro equipo "
    "verá contigo un reenvío o un reembolso.",
    "fr": "Nous ne pouvons pas garantir que votre colis arrivera {before} ; s'il n'arrive pas à "
    "temps, notre équipe examinera avec vous un renvoi ou un remboursement.",
    "de": "Wir können nicht versprechen, dass die Sendung {before} bei Ihnen ist; kommt sie "
    "nicht rechtzeitig an, klärt unser Team mit Ihnen eine Ersatzlieferung oder eine "
    "Erstattung.",
    "it": "Non possiamo garantire che arrivi {before}; se non arriva in tempo, il nostro team "
    "valuterà con te una nuova spedizione o un rimborso.",
    "pt": "Não podemos garantir que ele chegue {before}; se não chegar a tempo, nossa equipe "
    "vai ver com você um reenvio ou um reembolso.",
    "nl": "We kunnen niet beloven dat het {before} bij je is; komt het niet op tijd, dan "
    "bekijkt ons team met je een vervangende zending of een terugbetaling.",
    "pl": "Nie możemy obiecać, że paczka dotrze {before}; jeśli nie zdąży, nasz zespół ustali "
    "z Tobą ponowną wysyłkę lub zwrot pieniędzy.",
    "ru": "Мы не можем обещать, что посылка придёт {before}; если она не успеет, наша команда "
    "обсудит с вами повторную отправку или возврат денег.",
    "tr": "Paketin {before} ulaşacağına söz veremiyoruz; zamanında ulaşmazsa ekibimiz sizinle "
    "yeniden gönderim ya da iade seçeneğini değerlendirecek.",
    "ja": "{before}お届けできるとはお約束できかねます。間に合わなかった場合は、再発送または"
    "返金について担当者がご相談いたします。",
    "ko": "{before} 도착한다고 약속드리기는 어렵습니다. 제때 도착하지 않으면 재발송이나 환불을 "
    "담당자가 함께 검토해 드리겠습니다.",
    "zh": "我们无法保证包裹能在{before}送到；"
    "如果未能及时送达，我们的团队会与您商量重新发货或退款。",
    "ar": "لا يمكننا أن نعد بأن يصلك {before}؛ وإذا لم يصل في الوقت المناسب فسيبحث فريقنا معك "
    "إعادة الإرسال أو استرداد المبلغ.",
}

# Nothing to measure by: it is checked, beside what the reply says is checked already.
_CHECK: dict[str, str] = {
    "en": "We'll also check whether it can reach you {before}.",
    "es": "También comprobaremos si puede llegarte {before}.",
    "fr": "Nous vérifierons aussi si votre colis peut arriver {before}.",
    "de": "Wir prüfen auch, ob die Sendung {before} bei Ihnen sein kann.",
    "it": "Verificheremo anche se può arrivarti {before}.",
    "pt": "Também vamos verificar se ele pode chegar {before}.",
    "nl": "We zoeken ook uit of het {before} bij je kan zijn.",
    "pl": "Sprawdzimy też, czy paczka może dotrzeć {before}.",
    "ru": "Мы также проверим, может ли посылка прийти {before}.",
    "tr": "Paketin {before} ulaşıp ulaşamayacağını da kontrol edeceğiz.",
    "ja": "{before}お届けできるかどうかも、あわせて確認いたします。",
    "ko": "{before} 받으실 수 있는지도 함께 확인해 드리겠습니다.",
    "zh": "我们也会确认能否在{before}送到。",
    "ar": "وسنتحقق أيضًا مما إذا كان يمكن أن يصلك {before}.",
}
# Italian elides the article before a day read with a vowel ("entro l'8 dicembre").
_ITALIAN_ELISION = re.compile(r"\b(il|del) (?=(?:8|11|1)\b)")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    kept = "".join(c for c in decomposed if not (unicodedata.combining(c) and c < "\u0370"))
    return unicodedata.normalize("NFC", kept.replace("ł", "l").replace("ı", "i"))


def named_deadline(text: str, today: date) -> tuple[str, date] | None:
    """The day ``text`` needs the parcel by, as (kind, date); None when it names none or
    the day has passed. Christmas is the 24th, New Year the 31st, a day of the month the
    next such day from ``today``."""
    plain = _plain(text)
    if _CHRISTMAS.search(plain):
        day = date(today.year, 12, 24)
        return (CHRISTMAS, day) if today <= day else None
    if _NEW_YEAR.search(plain):
        return NEW_YEAR, date(today.year, 12, 31)
    found = _DAY.search(plain)
    if not found:
        return None
    number = int(next(group for group in found.groups() if group))
    if not 1 <= number <= 31:
        return None
    day = today
    for _ in range(62):  # the next day with that number, this month or the next
        if day.day == number:
            return DAY, day
        day += timedelta(days=1)
    return None


def deadline_sentence(
    text: str,
    language: str,
    today: date,
    *,
    window: DeliveryWindow | None = None,
    linked: bool = False,
    late: bool = False,
    estimated_on: date | None = None,
    before_buying: bool = False,
    country: str | None = None,
) -> str:
    """Whether the parcel can arrive by the day ``text`` names, in ``language``; empty when
    it names none (the module docstring). ``window``: the store's time for the country;
    ``linked``: an order is linked, ``late`` when it has missed its date; ``estimated_on``:
    its carrier's estimate; ``before_buying``: the shopper has not ordered yet."""
    named = named_deadline(text, today)
    if named is None:
        return ""
    kind, due = named
    shown = {"today": today, "country": country}
    language = language if language in _BEFORE else "en"
    before = _BEFORE[language][kind].format(day=day_text(due, language, **shown))
    if linked and not late and estimated_on is not None and estimated_on >= today:
        in_time, not_in_time = _BY_ESTIMATE[language]
        sentence = in_time if estimated_on <= due else not_in_time
        text_out = sentence.format(
            before=before, estimate=day_text(estimated_on, language, **shown)
        )
    elif linked:
        text_out = _LATE[language].format(before=before)
    elif before_buying and window is not None:
        earliest = add_business_days(today, window.min_days)
        latest = add_business_days(today, window.max_days)
        fits, maybe, too_late = _ORDER_TODAY[language]
        sentence = fits if latest <= due else maybe if earliest <= due else too_late
        text_out = sentence.format(
            before=before,
            earliest=day_text(earliest, language, **shown),
            latest=day_text(latest, language, **shown),
        )
    else:
        text_out = _CHECK[language].format(before=before)
    if language == "it":
        text_out = _ITALIAN_ELISION.sub(lambda m: "l'" if m.group(1) == "il" else "dell'", text_out)
    return text_out
