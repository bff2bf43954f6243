"""The voltage answer's sentences in the 14 languages (``replies.facts.voltage``).

Each is a whole sentence; ``{country}`` is the country's name and ``{in_country}`` the
name with its preposition ("in the United Kingdom", "au Japon", "w Niemczech", "Almanya'da":
``replies.facts.country_forms``), ``{volts}``, ``{hertz}``
and ``{plugs}`` its supply, ``{home}`` the voltage (or frequency) the appliance was made
for and ``{band}`` the band of the mains there ("220-240").
"""

from __future__ import annotations

# (the supply in the country, asking for the country, the warning for heating appliances)
TEXT: dict[str, tuple[str, str, str]] = {
    "en": (
        "{in_country} the mains supply is {volts} V, {hertz} Hz, and sockets take plug type "
        "{plugs}.",
        "Tell us which country you will use it in and we will give you its voltage and plug type.",
        "Heating appliances (hair dryers, straighteners, kettles) need a dual-voltage model: "
        "a plug adapter or travel converter is not enough.",
    ),
    "es": (
        "{in_country} la red eléctrica es de {volts} V y {hertz} Hz, con enchufes de tipo {plugs}.",
        "Dinos en qué país lo vas a usar y te indicamos su voltaje y tipo de enchufe.",
        "Los aparatos que calientan (secadores, planchas de pelo, hervidores) necesitan un "
        "modelo bivoltaje: no basta con un adaptador ni un convertidor de viaje.",
    ),
    "fr": (
        "{in_country}, le courant est de {volts} V, {hertz} Hz, avec des prises de type {plugs}.",
        "Dites-nous dans quel pays vous l'utiliserez et nous vous indiquerons sa tension et "
        "son type de prise.",
        "Les appareils chauffants (sèche-cheveux, lisseurs, bouilloires) doivent être bi-tension : "
        "un adaptateur de prise ou un convertisseur de voyage ne suffit pas.",
    ),
    "de": (
        "{in_country} hat das Stromnetz {volts} V und {hertz} Hz, die "
        "Steckdosen sind vom Typ {plugs}.",
        "Nennen Sie uns das Land, in dem Sie es benutzen, dann sagen wir Ihnen Spannung und "
        "Steckertyp.",
        "Geräte mit Heizelement (Föhn, Glätteisen, Wasserkocher) brauchen ein "
        "Dual-Voltage-Modell: ein Reisestecker oder Reise-Spannungswandler reicht nicht.",
    ),
    "it": (
        "{in_country} la rete elettrica è a {volts} V e {hertz} Hz, con prese di tipo {plugs}.",
        "Dicci in quale paese lo userai e ti indichiamo tensione e tipo di spina.",
        "Gli apparecchi che scaldano (asciugacapelli, piastre, bollitori) richiedono un modello "
        "dual voltage: un adattatore o un convertitore da viaggio non basta.",
    ),
    "pt": (
        "{in_country}, a rede elétrica é de {volts} V e {hertz} Hz, com tomadas do tipo {plugs}.",
        "Informe em qual país você vai usá-lo e diremos a voltagem e o tipo de tomada.",
        "Aparelhos que aquecem (secadores, chapinhas, chaleiras) precisam de um modelo bivolt: "
        "um adaptador de tomada ou um conversor de viagem não basta.",
    ),
    "nl": (
        "{in_country} is de netspanning {volts} V bij {hertz} Hz, met "
        "stopcontacten voor stekkertype {plugs}.",
        "Laat ons weten in welk land je het gebruikt, dan geven we je de spanning en het "
        "stekkertype.",
        "Apparaten met een verwarmingselement (föhns, stijltangen, waterkokers) hebben een "
        "dual-voltage-model nodig: een verloopstekker of reisconverter is niet genoeg.",
    ),
    "pl": (
        "{in_country} napięcie w sieci wynosi {volts} V przy {hertz} Hz, a gniazdka są "
        "na wtyczki typu {plugs}.",
        "Napisz nam, w jakim kraju będziesz go używać, a podamy napięcie i typ wtyczki.",
        "Urządzenia grzewcze (suszarki, prostownice, czajniki) wymagają modelu dwunapięciowego: "
        "przejściówka ani konwerter podróżny nie wystarczą.",
    ),
    "ru": (
        "{in_country} напряжение в сети {volts} В, частота {hertz} Гц, розетки под "
        "вилки типа {plugs}.",
        "Напишите, в какой стране вы будете им пользоваться, и мы подскажем напряжение и тип "
        "вилки.",
        "Нагревательным приборам (фенам, утюжкам для волос, чайникам) нужна модель с двойным "
        "напряжением: переходника или дорожного преобразователя недостаточно.",
    ),
    "tr": (
        "{in_country} şebeke gerilimi {volts} V, frekansı {hertz} Hz'dir; prizler "
        "{plugs} tipi fişlere uygundur.",
        "Hangi ülkede kullanacağınızı yazın, size voltajı ve fiş tipini söyleyelim.",
        "Isıtıcı cihazlar (saç kurutma makinesi, saç düzleştirici, su ısıtıcı) çift voltajlı model "
        "gerektirir: priz adaptörü veya seyahat dönüştürücüsü yeterli değildir.",
    ),
    "ja": (
        "{country}の電源は{volts}V・{hertz}Hzで、コンセントは{plugs}タイプです。",
        "ご使用になる国・地域を教えていただければ、電圧とプラグの形状をお知らせします。",
        "ドライヤー、ヘアアイロン、電気ケトルなどの電熱製品には海外対応（電圧切替）モデルが必要です。"
        "変換プラグや旅行用変圧器では対応できません。",
    ),
    "ko": (
        "{country}의 전원은 {volts}V, {hertz}Hz이며 콘센트는 {plugs} 타입입니다.",
        "사용하실 국가나 지역을 알려 주시면 전압과 플러그 타입을 안내해 드리겠습니다.",
        "헤어드라이어, 고데기, 전기포트 같은 발열 제품은 프리볼트(듀얼 전압) 모델이 필요합니다. "
        "변환 플러그나 여행용 변압기로는 부족합니다.",
    ),
    "zh": (
        "{country}的电压为{volts}V，频率{hertz}Hz，插座为{plugs}型。",
        "请告诉我们您将在哪个国家或地区使用，我们会告知当地电压和插头类型。",
        "吹风机、直发器、电热水壶等发热电器需要选购双电压型号，仅用转换插头或旅行变压器是不够的。",
    ),
    "ar": (
        "{in_country} يبلغ جهد الكهرباء {volts} فولت وترددها {hertz} هرتز، والمقابس من النوع "
        "{plugs}.",
        "أخبرنا في أي بلد ستستخدمه وسنخبرك بالجهد الكهربائي ونوع القابس.",
        "الأجهزة الحرارية (مجففات الشعر، أجهزة فرد الشعر، الغلايات) تحتاج إلى طراز ثنائي "
        "الجهد: لا يكفي محول القابس أو محول السفر.",
    ),
}


# (the appliance works as is, only the plug differs) when the store's voltage is of the
# shopper's band: {home} is the store's voltage, {band} the shopper's band ("220-240")
SAME_SUPPLY: dict[str, tuple[str, str]] = {
    "en": (
        "Our appliances are made for {home} V and work as is on the {band} V mains there.",
        "Only the plug differs: use a plug adapter for type {plugs}.",
    ),
    "es": (
        "Nuestros aparatos están hechos para {home} V y funcionan tal cual en la red de "
        "{band} V de allí.",
        "Solo cambia el enchufe: usa un adaptador para el tipo {plugs}.",
    ),
    "fr": (
        "Nos appareils sont conçus pour {home} V et fonctionnent tels quels sur le réseau "
        "local de {band} V.",
        "Seule la prise diffère : utilisez un adaptateur pour les prises de type {plugs}.",
    ),
    "de": (
        "Unsere Geräte sind für {home} V gebaut und funktionieren am dortigen {band}-V-Netz "
        "ohne Weiteres.",
        "Nur der Stecker ist anders: Sie brauchen einen Reisestecker für Typ {plugs}.",
    ),
    "it": (
        "I nostri apparecchi sono fatti per {home} V e lì funzionano così come sono sulla rete "
        "a {band} V.",
        "Cambia solo la spina: basta un adattatore per il tipo {plugs}.",
    ),
    "pt": (
        "Nossos aparelhos são feitos para {home} V e funcionam normalmente na rede local de "
        "{band} V, sem conversor.",
        "Só muda o formato do plugue: use um adaptador para o tipo {plugs}.",
    ),
    "nl": (
        "Onze apparaten zijn gemaakt voor {home} V en werken daar zonder meer op het stroomnet "
        "van {band} V.",
        "Alleen de stekker verschilt: gebruik een verloopstekker voor type {plugs}.",
    ),
    "pl": (
        "Nasze urządzenia są przystosowane do {home} V i działają bez przeróbek w tamtejszej "
        "sieci {band} V.",
        "Różni się tylko wtyczka: wystarczy przejściówka na typ {plugs}.",
    ),
    "ru": (
        "Наши приборы рассчитаны на {home} В и работают без преобразователя в местной сети "
        "{band} В.",
        "Отличается только вилка: нужен переходник под тип {plugs}.",
    ),
    "tr": (
        "Cihazlarımız {home} V için üretilir ve oradaki {band} V şebekede olduğu gibi çalışır.",
        "Yalnızca fiş farklıdır: {plugs} tipi için bir priz adaptörü kullanın.",
    ),
    "ja": (
        "当店の製品は{home}V用で、現地の{band}Vの電源でもそのままお使いいただけます。",
        "プラグの形状のみ異なりますので、{plugs}タイプ用の変換プラグをご用意ください。",
    ),
    "ko": (
        "저희 제품은 {home}V용으로, 현지 {band}V 전원에서도 그대로 사용하실 수 있습니다.",
        "플러그 모양만 다르니 {plugs} 타입용 변환 플러그를 사용해 주세요.",
    ),
    "zh": (
        "我们的电器按{home}V设计，在当地{band}V的电网上可以直接使用。",
        "只是插头不同：请使用适用于{plugs}型插座的转换插头。",
    ),
    "ar": (
        "أجهزتنا مصممة لجهد {home} فولت وتعمل كما هي على شبكة {band} فولت هناك.",
        "يختلف القابس فقط: استخدم محول قابس للنوع {plugs}.",
    ),
}

# The same, of an appliance the message names ("a German toothbrush"), not the store's.
WORKS: dict[str, str] = {
    "en": "An appliance made for {home} V works as is on the {band} V mains there.",
    "es": "Un aparato hecho para {home} V funciona tal cual en la red de {band} V de allí.",
    "fr": "Un appareil prévu pour {home} V fonctionne tel quel sur le réseau local de {band} V.",
    "de": "Ein Gerät für {home} V funktioniert am dortigen {band}-V-Netz ohne Weiteres.",
    "it": "Un apparecchio fatto per {home} V lì funziona così com'è sulla rete a {band} V.",
    "pt": "Um aparelho feito para {home} V funciona normalmente na rede local de {band} V, sem "
    "conversor.",
    "nl": "Een apparaat voor {home} V werkt daar zonder meer op het stroomnet van {band} V.",
    "pl": "Urządzenie na {home} V działa bez przeróbek w tamtejszej sieci {band} V.",
    "ru": "Прибор на {home} В работает без преобразователя в местной сети {band} В.",
    "tr": "{home} V için üretilmiş bir cihaz oradaki {band} V şebekede olduğu gibi çalışır.",
    "ja": "{home}V用の製品は、現地の{band}Vの電源でもそのままお使いいただけます。",
    "ko": "{home}V용 제품은 현지 {band}V 전원에서도 그대로 사용하실 수 있습니다.",
    "zh": "按{home}V设计的电器在当地{band}V的电网上可以直接使用。",
    "ar": "الجهاز المصمم لجهد {home} فولت يعمل كما هو على شبكة {band} فولت هناك.",
}

# The frequency differs (the store's {home} Hz, the shopper's {hertz} Hz): it matters only
# to a motor or a clock made for one frequency, never to heaters or chargers.
FREQUENCY: dict[str, str] = {
    "en": "The mains there run at {hertz} Hz, ours at {home} Hz: heating appliances and "
    "chargers do not mind, but an appliance with a motor or a clock should say 50/60 Hz on "
    "its label.",
    "es": "Allí la red es de {hertz} Hz y la nuestra de {home} Hz: a los aparatos que calientan "
    "y a los cargadores no les afecta, pero un aparato con motor o reloj debe indicar "
    "50/60 Hz en su etiqueta.",
    "fr": "Le réseau y est à {hertz} Hz, le nôtre à {home} Hz : cela ne gêne ni les appareils "
    "chauffants ni les chargeurs, mais un appareil avec moteur ou horloge doit porter la "
    "mention 50/60 Hz sur son étiquette.",
    "de": "Das Netz dort hat {hertz} Hz, unseres {home} Hz: Heizgeräten und Ladegeräten macht "
    "das nichts aus, aber bei einem Gerät mit Motor oder Uhr sollte auf dem Typenschild "
    "50/60 Hz stehen.",
    "it": "Lì la rete è a {hertz} Hz, la nostra a {home} Hz: per gli apparecchi che scaldano e "
    "per i caricabatterie non cambia nulla, ma un apparecchio con motore o orologio deve "
    "riportare 50/60 Hz sull'etichetta.",
    "pt": "Aí a rede é de {hertz} Hz e a nossa de {home} Hz: isso não afeta os aparelhos que "
    "aquecem nem os carregadores, mas um aparelho com motor ou relógio deve indicar 50/60 Hz "
    "na etiqueta.",
    "nl": "Het stroomnet daar werkt op {hertz} Hz, het onze op {home} Hz: voor apparaten die "
    "verwarmen en voor opladers maakt dat niets uit, maar bij een apparaat met een motor of "
    "klok moet 50/60 Hz op het etiket staan.",
    "pl": "Sieć ma tam {hertz} Hz, a u nas {home} Hz: urządzeniom grzewczym i ładowarkom to "
    "nie przeszkadza, ale urządzenie z silnikiem lub zegarem powinno mieć na etykiecie "
    "50/60 Hz.",
    "ru": "Частота сети там {hertz} Гц, у нас {home} Гц: нагревательным приборам и зарядным "
    "устройствам это не мешает, но на приборе с мотором или часами должно быть указано "
    "50/60 Гц.",
    "tr": "Oradaki şebeke {hertz} Hz, bizimki {home} Hz: bu, ısıtıcı cihazları ve şarj "
    "aletlerini etkilemez, ancak motorlu veya saatli bir cihazın etiketinde 50/60 Hz "
    "yazmalıdır.",
    "ja": "現地の電源は{hertz}Hz、当店のある国は{home}Hzです。"
    "電熱製品や充電器には影響ありませんが、"
    "モーターや時計を内蔵した製品はラベルに50/60Hzと表示されているかご確認ください。",
    "ko": "현지 전원은 {hertz}Hz, 저희 쪽은 {home}Hz입니다. 발열 제품과 충전기에는 영향이 "
    "없지만, 모터나 시계가 들어간 제품은 라벨에 50/60Hz 표시가 있는지 확인해 주세요.",
    "zh": "当地电网为{hertz}Hz，我们这边为{home}Hz：这对发热电器和充电器没有影响，"
    "但带电机或时钟的电器请确认标签上标有50/60Hz。",
    "ar": "تردد الشبكة هناك {hertz} هرتز وعندنا {home} هرتز: لا يؤثر ذلك في الأجهزة الحرارية "
    "والشواحن، لكن الجهاز الذي فيه محرك أو ساعة يجب أن يُذكر على ملصقه 50/60 هرتز.",
}

# The store's voltage is not known: which labels work there as is ({band}: "220/230/240"),
# and the heater warning for the others.
RATED: dict[str, str] = {
    "en": "Appliances whose label says {band} V or 100-240 V work there as is; heating "
    "appliances (hair dryers, straighteners, kettles) made for another voltage need a "
    "dual-voltage model: a plug adapter or travel converter is not enough.",
    "es": "Los aparatos cuya etiqueta indica {band} V o 100-240 V funcionan allí tal cual; los "
    "aparatos que calientan (secadores, planchas de pelo, hervidores) hechos para otro voltaje "
    "necesitan un modelo bivoltaje: no basta con un adaptador ni un convertidor de viaje.",
    "fr": "Les appareils dont l'étiquette indique {band} V ou 100-240 V y fonctionnent tels "
    "quels ; les appareils chauffants (sèche-cheveux, lisseurs, bouilloires) prévus pour une "
    "autre tension doivent être bi-tension : un adaptateur de prise ou un convertisseur de "
    "voyage ne suffit pas.",
    "de": "Geräte, auf deren Typenschild {band} V oder 100-240 V steht, funktionieren dort ohne "
    "Weiteres; Geräte mit Heizelement (Föhn, Glätteisen, Wasserkocher), die für eine andere "
    "Spannung gebaut sind, brauchen ein Dual-Voltage-Modell: ein Reisestecker oder "
    "Reise-Spannungswandler reicht nicht.",
    "it": "Gli apparecchi la cui etichetta indica {band} V o 100-240 V lì funzionano così come "
    "sono; gli apparecchi che scaldano (asciugacapelli, piastre, bollitori) fatti per un'altra "
    "tensione richiedono un modello dual voltage: un adattatore o un convertitore da viaggio "
    "non basta.",
    "pt": "Aparelhos cuja etiqueta indica {band} V ou 100-240 V funcionam aí normalmente; "
    "aparelhos que aquecem (secadores, chapinhas, chaleiras) feitos para outra voltagem "
    "precisam de um modelo bivolt: um adaptador de tomada ou um conversor de viagem não basta.",
    "nl": "Apparaten met {band} V of 100-240 V op het etiket werken daar zonder meer; apparaten "
    "met een verwarmingselement (föhns, stijltangen, waterkokers) die voor een andere spanning "
    "zijn gemaakt, "
    "hebben een dual-voltage-model nodig: een verloopstekker of reisconverter is niet genoeg.",
    "pl": "Urządzenia, które mają na etykiecie {band} V lub 100-240 V, działają tam bez "
    "przeróbek; urządzenia grzewcze (suszarki, prostownice, czajniki) na inne napięcie "
    "wymagają modelu dwunapięciowego: ani przejściówka, ani konwerter podróżny nie wystarczą.",
    "ru": "Приборы, на этикетке которых указано {band} В или 100-240 В, работают там без "
    "преобразователя; нагревательным приборам (фенам, утюжкам для волос, чайникам), рассчитанным "
    "на другое напряжение, нужна модель с двойным напряжением: переходника или дорожного "
    "преобразователя недостаточно.",
    "tr": "Etiketinde {band} V veya 100-240 V yazan cihazlar orada olduğu gibi çalışır; başka "
    "bir voltaj için üretilmiş ısıtıcı cihazlar (saç kurutma makinesi, saç düzleştirici, su "
    "ısıtıcı) çift voltajlı model gerektirir: priz adaptörü veya seyahat dönüştürücüsü "
    "yeterli değildir.",
    "ja": "ラベルに{band}Vまたは100-240Vと表示された製品はそのままお使いいただけます。"
    "それ以外の電圧用のドライヤー、ヘアアイロン、電気ケトルなどの電熱製品には海外対応（電圧切替）"
    "モデルが必要です。変換プラグや旅行用変圧器では対応できません。",
    "ko": "라벨에 {band}V 또는 100-240V로 표시된 제품은 그대로 사용하실 수 있습니다. 다른 "
    "전압용 헤어드라이어, 고데기, 전기포트 같은 발열 제품은 프리볼트(듀얼 전압) 모델이 "
    "필요하며, 변환 플러그나 여행용 변압기로는 부족합니다.",
    "zh": "标签上标注{band}V或100-240V的电器可以直接使用；为其他电压设计的吹风机、直发器、"
    "电热水壶等发热电器需要选购双电压型号，仅用转换插头或旅行变压器是不够的。",
    "ar": "الأجهزة التي يُذكر على ملصقها {band} فولت أو 100-240 فولت تعمل هناك كما هي؛ أما "
    "الأجهزة الحرارية (مجففات الشعر، أجهزة فرد الشعر، الغلايات) المصممة لجهد آخر فتحتاج إلى "
    "طراز ثنائي الجهد: لا يكفي محول القابس أو محول السفر.",
}

# The appliance's voltage ({home}) is of another band than the mains there ({volts}):
# (a step-up transformer for a lower supply, a step-down one for a higher); a plug adapter
# changes only the plug's shape. Heating appliances get their own warning after it.
OTHER_BAND: dict[str, tuple[str, str]] = {
    "en": (
        "An appliance made for {home} V does not work as it is on the {volts} V mains there: "
        "it needs a step-up transformer (a plug adapter only changes the shape of the plug).",
        "An appliance made for {home} V must not be plugged into the {volts} V mains there: "
        "it needs a step-down transformer (a plug adapter only changes the shape of the plug).",
    ),
    "es": (
        "Un aparato hecho para {home} V no funciona tal cual con los {volts} V de allí: "
        "necesita un transformador elevador (un adaptador solo cambia la forma del enchufe).",
        "Un aparato hecho para {home} V no debe enchufarse a los {volts} V de allí: necesita "
        "un transformador reductor (un adaptador solo cambia la forma del enchufe).",
    ),
    "fr": (
        "Un appareil prévu pour {home} V ne fonctionne pas tel quel sur le réseau local de "
        "{volts} V : il faut un transformateur élévateur (un adaptateur ne change que la "
        "forme de la prise).",
        "Un appareil prévu pour {home} V ne doit pas être branché sur le réseau local de "
        "{volts} V : il faut un transformateur abaisseur (un adaptateur ne change que la "
        "forme de la prise).",
    ),
    "de": (
        "Ein Gerät für {home} V läuft am dortigen {volts}-V-Netz nicht ohne Weiteres: Sie "
        "brauchen dafür einen Aufwärtstransformator (ein Reisestecker ändert nur die "
        "Steckerform).",
        "Ein Gerät für {home} V darf nicht direkt ans dortige {volts}-V-Netz: Sie brauchen "
        "dafür einen Abwärtstransformator (ein Reisestecker ändert nur die Steckerform).",
    ),
    "it": (
        "Un apparecchio fatto per {home} V non funziona così com'è sulla rete locale a "
        "{volts} V: serve un trasformatore elevatore (un adattatore cambia solo la forma della "
        "spina).",
        "Un apparecchio fatto per {home} V non va collegato alla rete locale a {volts} V: "
        "serve un trasformatore riduttore (un adattatore cambia solo la forma della spina).",
    ),
    "pt": (
        "Um aparelho feito para {home} V não funciona direto na rede local de {volts} V: "
        "precisa de um transformador elevador (um adaptador só muda o formato do plugue).",
        "Um aparelho feito para {home} V não deve ser ligado direto na rede local de {volts} "
        "V: precisa de um transformador abaixador (um adaptador só muda o formato do "
        "plugue).",
    ),
    "nl": (
        "Een apparaat voor {home} V werkt daar niet zomaar op het stroomnet van {volts} V: je "
        "hebt een transformator nodig die de spanning verhoogt (een verloopstekker verandert "
        "alleen de vorm van de stekker).",
        "Een apparaat voor {home} V mag daar niet zomaar op het stroomnet van {volts} V "
        "worden aangesloten: je "
        "hebt een transformator nodig die de spanning verlaagt (een verloopstekker verandert "
        "alleen de vorm van de stekker).",
    ),
    "pl": (
        "Urządzenie na {home} V nie zadziała bez przeróbek w tamtejszej sieci {volts} V: "
        "potrzebny jest transformator podwyższający napięcie (przejściówka zmienia tylko "
        "kształt wtyczki).",
        "Urządzenia na {home} V nie wolno podłączać bezpośrednio do tamtejszej sieci {volts} V: "
        "potrzebny jest transformator obniżający napięcie (przejściówka zmienia tylko kształt "
        "wtyczki).",
    ),
    "ru": (
        "Прибор на {home} В не будет работать напрямую от местной сети {volts} В: нужен "
        "повышающий трансформатор (переходник меняет только форму вилки).",
        "Прибор на {home} В нельзя включать напрямую в местную сеть {volts} В: нужен "
        "понижающий трансформатор (переходник меняет только форму вилки).",
    ),
    "tr": (
        "{home} V için üretilmiş bir cihaz oradaki {volts} V şebekede doğrudan çalışmaz: voltaj "
        "yükseltici bir transformatör gerekir (priz adaptörü yalnızca fişin şeklini "
        "değiştirir).",
        "{home} V için üretilmiş bir cihaz oradaki {volts} V şebekeye doğrudan takılmamalıdır: "
        "voltaj düşürücü bir transformatör gerekir (priz adaptörü yalnızca fişin şeklini "
        "değiştirir).",
    ),
    "ja": (
        "{home}V用の製品は、現地の{volts}Vの電源ではそのままでは使えません。"
        "昇圧トランス（変圧器）が必要です（変換プラグはプラグの形を変えるだけです）。",
        "{home}V用の製品を現地の{volts}Vの電源に直接つなぐことはできません。"
        "降圧トランス（変圧器）が必要です（変換プラグはプラグの形を変えるだけです）。",
    ),
    "ko": (
        "{home}V용 제품은 현지 {volts}V 전원에서 그대로 사용할 수 없으며, 승압 변압기(트랜스)가 "
        "필요합니다. 변환 플러그는 플러그 모양만 바꿔 줍니다.",
        "{home}V용 제품은 현지 {volts}V 전원에 바로 연결하면 안 되며, 강압 변압기(다운 트랜스)가 "
        "필요합니다. 변환 플러그는 플러그 모양만 바꿔 줍니다.",
    ),
    "zh": (
        "{home}V的电器不能直接在当地{volts}V的电网上使用，需要配一台升压变压器（转换插头只改变插头形状）。",
        "{home}V的电器不能直接接入当地{volts}V的电网，需要配一台降压变压器（转换插头只改变插头形状）。",
    ),
    "ar": (
        "الجهاز المصمم لجهد {home} فولت لا يعمل مباشرة على شبكة {volts} فولت هناك: يحتاج إلى "
        "محوّل رافع للجهد (محوّل القابس يغيّر شكل القابس فقط).",
        "الجهاز المصمم لجهد {home} فولت لا يجوز توصيله مباشرة بشبكة {volts} فولت هناك: يحتاج إلى "
        "محوّل خافض للجهد (محوّل القابس يغيّر شكل القابس فقط).",
    ),
}
