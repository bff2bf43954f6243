"""What a customs ID asked of the shopper is, and what to do: the Korean personal customs
clearance code and China's real-name verification for personal parcels.

"I think I left out my 개인통관고유부호, will it clear?" and "customs wants real-name
verification, do I upload my ID?" are customs questions a duties answer does not answer.
The customs answer (``replies/library/customs_duties.yaml``) says what the ID is and what
to do, in the shopper's language, when the message names it (``replies.facts.mentions``:
in Korean, Chinese, or in English, "PCCC", "personal customs code", "real-name").

Facts (Korea Customs Service, UNI-PASS; China's customs rules for express parcels):
- Korea: the personal customs clearance code (개인통관고유부호, "P" and 12 digits) is
  issued free by the Korea Customs Service on its UNI-PASS site or app, stands in for the
  resident registration number, and is asked for every personal import; when it is
  missing, the carrier or its customs broker asks the recipient for it by text message
  during clearance, and clearance waits for it.
- China: customs may ask the recipient of a personal parcel to verify their real name
  (name and ID number matching the delivery details), through the carrier's official
  channel; an ID photo never belongs in a shop's chat.
"""

from __future__ import annotations

from collections.abc import Mapping

KOREAN_CODE: Mapping[str, str] = {
    "en": "The personal customs clearance code (PCCC, 개인통관고유부호) identifies you to Korean "
    "customs, and every parcel to Korea needs it. If it was left out of the order, the carrier "
    "or its customs broker will ask you for it by text message during clearance: enter it "
    "then, or send it to us here and we'll pass it on. If you don't have one yet, you can get "
    "it free straight away on the Korea Customs Service's UNI-PASS site (it is a P followed "
    "by 12 digits).",
    "es": "El código personal de aduanas de Corea (PCCC, 개인통관고유부호) te identifica ante la "
    "aduana coreana y todos los paquetes a Corea lo necesitan. Si no se incluyó en el pedido, "
    "el transportista o su agente de aduanas te lo pedirá por SMS durante el despacho: "
    "indícalo entonces o envíanoslo por aquí y lo haremos llegar. Si aún no lo tienes, puedes "
    "obtenerlo gratis al momento en la web UNI-PASS de la aduana coreana (es una P seguida de "
    "12 cifras).",
    "fr": "Le code douanier personnel coréen (PCCC, 개인통관고유부호) vous identifie auprès de la "
    "douane coréenne, et chaque colis pour la Corée en a besoin. S'il manque sur la commande, "
    "le transporteur ou son commissionnaire en douane vous le demandera par SMS pendant le "
    "dédouanement : indiquez-le à ce moment-là, ou envoyez-le-nous ici et nous le "
    "transmettrons. Si vous n'en avez pas encore, vous pouvez l'obtenir gratuitement et tout "
    "de suite sur le site UNI-PASS de la douane coréenne (un P suivi de 12 chiffres).",
    "de": "Der persönliche Zollcode für Korea (PCCC, 개인통관고유부호) weist Sie beim koreanischen "
    "Zoll aus, und jedes Paket nach Korea braucht ihn. Fehlt er in der Bestellung, fragt der "
    "Versanddienstleister oder sein Zollagent während der Verzollung per SMS danach: Geben Sie "
    "ihn dann an oder schicken Sie ihn uns hier, wir leiten ihn weiter. Falls Sie noch keinen "
    "haben, erhalten Sie ihn kostenlos und sofort auf der UNI-PASS-Website des koreanischen "
    "Zolls (ein P und 12 Ziffern).",
    "it": "Il codice doganale personale coreano (PCCC, 개인통관고유부호) ti identifica presso la "
    "dogana coreana ed è necessario per ogni pacco diretto in Corea. Se non è stato inserito "
    "nell'ordine, il corriere o il suo spedizioniere doganale te lo chiederà via SMS durante lo "
    "sdoganamento: indicalo in quel momento, oppure mandalo a noi qui e lo inoltreremo. Se non "
    "ce l'hai ancora, puoi ottenerlo gratis e subito sul sito UNI-PASS della dogana coreana "
    "(una P seguita da 12 cifre).",
    "pt": "O código aduaneiro pessoal da Coreia (PCCC, 개인통관고유부호) identifica você na "
    "alfândega coreana, e todo pacote para a Coreia precisa dele. Se ele ficou de fora do "
    "pedido, a transportadora ou o despachante dela vai pedi-lo por SMS durante o "
    "desembaraço: informe-o nessa hora ou envie-o para nós aqui, que repassamos. Se ainda não "
    "tem um, você pode obtê-lo na hora e de graça no site UNI-PASS da alfândega coreana (é um "
    "P seguido de 12 dígitos).",
    "pt-PT": "O código aduaneiro pessoal da Coreia (PCCC, 개인통관고유부호) identifica-o na "
    "alfândega coreana, e todas as encomendas para a Coreia precisam dele. Se ficou de fora da "
    "encomenda, a transportadora ou o seu despachante vai pedi-lo por SMS durante o "
    "desalfandegamento: indique-o nessa altura ou envie-no-lo aqui, que nós reencaminhamos. Se "
    "ainda não tem um, pode obtê-lo de imediato e gratuitamente no site UNI-PASS da alfândega "
    "coreana (é um P seguido de 12 dígitos).",
    "nl": "De persoonlijke douanecode voor Korea (PCCC, 개인통관고유부호) identificeert je bij de "
    "Koreaanse douane, en elk pakket naar Korea heeft hem nodig. Staat hij niet bij de "
    "bestelling, dan vraagt de vervoerder of zijn douaneagent er tijdens de inklaring per sms "
    "om: geef hem dan op, of stuur hem hier naar ons, dan geven wij hem door. Heb je er nog "
    "geen, dan krijg je hem gratis en meteen op de UNI-PASS-site van de Koreaanse douane (een "
    "P met 12 cijfers).",
    "pl": "Koreański osobisty kod celny (PCCC, 개인통관고유부호) identyfikuje odbiorcę w "
    "koreańskim urzędzie celnym i jest potrzebny do każdej paczki do Korei. Jeśli nie "
    "został podany w zamówieniu, przewoźnik lub jego agencja celna poprosi o niego SMS-em "
    "podczas odprawy: "
    "można go wtedy podać albo przesłać nam tutaj, a my go przekażemy. Kto jeszcze go nie ma, "
    "otrzyma go od razu i bezpłatnie na stronie UNI-PASS koreańskiej służby celnej (to litera "
    "P i 12 cyfr).",
    "ru": "Персональный таможенный код Кореи (PCCC, 개인통관고유부호) идентифицирует вас на "
    "корейской таможне, и он нужен для каждой посылки в Корею. Если его не указали в заказе, "
    "перевозчик или его таможенный брокер запросит его по SMS во время оформления: укажите его "
    "тогда или пришлите нам сюда, и мы передадим. Если кода ещё нет, его можно сразу и "
    "бесплатно получить на сайте UNI-PASS корейской таможни (это буква P и 12 цифр).",
    "tr": "Kore kişisel gümrük kodu (PCCC, 개인통관고유부호) sizi Kore gümrüğünde tanımlar ve "
    "Kore'ye giden her paket için gereklidir. Siparişte eksik kaldıysa kargo firması veya "
    "gümrük müşaviri gümrükleme sırasında SMS ile ister: o zaman girebilir ya da buradan bize "
    "gönderebilirsiniz, biz iletiriz. Henüz kodunuz yoksa Kore Gümrük İdaresi'nin UNI-PASS "
    "sitesinden hemen ve ücretsiz alabilirsiniz (P harfi ve 12 rakamdan oluşur).",
    "ja": "個人通関固有符号（PCCC、개인통관고유부호）は韓国の税関でお客様を識別する番号で、"
    "韓国宛ての荷物にはすべて必要です。ご注文時に入力されていない場合は、通関の際に配送業者"
    "または通関業者からSMSで提出を求められますので、その際にご入力いただくか、こちらのチャット"
    "でお送りいただければ当店からお伝えします。まだお持ちでない場合は、韓国関税庁のUNI-PASS"
    "サイトで無料ですぐに発行できます（Pと12桁の数字です）。",
    "ko": "개인통관고유부호는 관세청이 수입하는 분을 확인하는 번호로, 한국으로 들어오는 모든 "
    "택배에 필요합니다. 주문 시 입력하지 않으셨다면 통관 과정에서 택배사나 관세사가 문자로 "
    "요청드리니 그때 입력하시거나, 지금 이 채팅으로 보내 주시면 저희가 전달해 드리겠습니다. "
    "아직 없으시면 관세청 유니패스(UNI-PASS)에서 무료로 바로 발급받으실 수 있습니다(P로 "
    "시작하는 13자리).",
    "zh": "韩国个人通关代码（PCCC，개인통관고유부호）是韩国海关识别收件人的号码，寄往韩国的每个"
    "包裹都需要。如果下单时没有填写，清关时承运商或报关行会发短信请您补交：届时填写即可，"
    "也可以现在在这里发给我们，由我们转交。如果还没有，可以在韩国关税厅的UNI-PASS网站免费"
    "即时申请（P开头加12位数字）。",
    "ar": "رمز التخليص الجمركي الشخصي الكوري (PCCC، 개인통관고유부호) يعرّف بك لدى الجمارك "
    "الكورية، وكل طرد إلى كوريا يحتاج إليه. إن لم يُذكر في الطلب، فستطلبه منك شركة الشحن أو "
    "مخلّصها الجمركي برسالة نصية أثناء التخليص: أدخله حينها، أو أرسله إلينا هنا وسننقله. وإن "
    "لم يكن لديك رمز بعد، فيمكنك الحصول عليه فورًا ومجانًا من موقع UNI-PASS التابع للجمارك "
    "الكورية (حرف P يليه 12 رقمًا).",
}

REAL_NAME: Mapping[str, str] = {
    "en": "For personal parcels entering China, customs may ask the recipient to verify their "
    "real name (the name and ID number must match the delivery details). Please only do this "
    "through the carrier's official website, app or the link in its official message, and "
    "never send a photo of your ID card in this chat; if you're not sure a link is genuine, "
    "send us the text of the message and we'll check it with you.",
    "es": "En los paquetes personales que entran en China, la aduana puede pedir al "
    "destinatario que verifique su identidad real (el nombre y el número de documento deben "
    "coincidir con los datos de entrega). Hazlo solo en la web oficial del transportista, en "
    "su app o en el enlace de su mensaje oficial, y nunca envíes una foto de tu documento de "
    "identidad por este chat; si no sabes si un enlace es auténtico, envíanos el texto del "
    "mensaje y lo comprobamos contigo.",
    "fr": "Pour les colis personnels qui entrent en Chine, la douane peut demander au "
    "destinataire de vérifier son identité (nom et numéro de pièce d'identité conformes aux "
    "données de livraison). Faites-le uniquement sur le site officiel du transporteur, dans "
    "son application ou via le lien de son message officiel, et n'envoyez jamais de photo de "
    "votre pièce d'identité dans cette conversation ; si vous doutez d'un lien, envoyez-nous "
    "le texte du message et nous le vérifierons avec vous.",
    "de": "Bei privaten Paketen nach China kann der Zoll verlangen, dass der Empfänger sich "
    "mit seinem echten Namen verifiziert (Name und Ausweisnummer müssen zu den Lieferdaten "
    "passen). Bitte tun Sie das nur über die offizielle Website oder App des "
    "Versanddienstleisters oder den Link in seiner offiziellen Nachricht, und schicken Sie "
    "niemals ein Foto Ihres Ausweises in diesen Chat; sind Sie unsicher, ob ein Link echt ist, "
    "schicken Sie uns den Text der Nachricht, dann prüfen wir ihn mit Ihnen.",
    "it": "Per i pacchi personali che entrano in Cina, la dogana può chiedere al destinatario "
    "di verificare la propria identità (nome e numero del documento devono corrispondere ai "
    "dati di consegna). Fallo solo sul sito ufficiale del corriere, nella sua app o dal link "
    "del suo messaggio ufficiale, e non inviare mai la foto del tuo documento in questa chat; "
    "se non sei sicuro che un link sia autentico, mandaci il testo del messaggio e lo "
    "verifichiamo con te.",
    "pt": "Nos pacotes pessoais que entram na China, a alfândega pode pedir ao destinatário "
    "que faça a verificação de identidade (o nome e o número do documento precisam bater com "
    "os dados de entrega). Faça isso só pelo site oficial da transportadora, pelo app dela ou "
    "pelo link da mensagem oficial, e nunca envie foto do seu documento neste chat; se não "
    "tiver certeza de que um link é verdadeiro, mande-nos o texto da mensagem que verificamos "
    "com você.",
    "pt-PT": "Nas encomendas pessoais que entram na China, a alfândega pode pedir ao "
    "destinatário que faça a verificação de identidade (o nome e o número do documento têm de "
    "corresponder aos dados de entrega). Faça-o apenas no site oficial da transportadora, na "
    "aplicação dela ou na ligação da mensagem oficial, e nunca envie uma fotografia do seu "
    "documento nesta conversa; se não tiver a certeza de que uma ligação é verdadeira, "
    "envie-nos o texto da mensagem e verificamos consigo.",
    "nl": "Bij persoonlijke pakketten naar China kan de douane de ontvanger vragen zijn "
    "identiteit te verifiëren (naam en identiteitsnummer moeten overeenkomen met de "
    "bezorggegevens). Doe dat alleen via de officiële website of app van de vervoerder of de "
    "link in zijn officiële bericht, en stuur nooit een foto van je identiteitsbewijs in deze "
    "chat; twijfel je of een link echt is, stuur ons dan de tekst van het bericht, dan kijken "
    "we het samen na.",
    "pl": "W przypadku prywatnych paczek do Chin urząd celny może poprosić odbiorcę o "
    "weryfikację tożsamości (imię, nazwisko i numer dokumentu muszą zgadzać się z danymi "
    "dostawy). Zrób to wyłącznie na oficjalnej stronie przewoźnika, w jego aplikacji lub przez "
    "link z jego oficjalnej wiadomości i nigdy nie wysyłaj zdjęcia dowodu osobistego na tym "
    "czacie; jeśli nie masz pewności, czy link jest prawdziwy, prześlij nam treść wiadomości, "
    "a sprawdzimy ją razem z Tobą.",
    "ru": "Для личных посылок в Китай таможня может попросить получателя пройти проверку "
    "личности по реальному имени (имя и номер документа должны совпадать с данными доставки). "
    "Делайте это только на официальном сайте перевозчика, в его приложении или по ссылке из "
    "его официального сообщения и никогда не присылайте фото удостоверения личности в этот "
    "чат; если сомневаетесь, настоящая ли ссылка, пришлите нам текст сообщения, и мы проверим "
    "его вместе с вами.",
    "tr": "Çin'e giren kişisel paketlerde gümrük, alıcıdan gerçek ad doğrulaması isteyebilir "
    "(ad ve kimlik numarası teslimat bilgileriyle eşleşmelidir). Bunu yalnızca kargo firmasının "
    "resmi sitesi, uygulaması veya resmi mesajındaki bağlantı üzerinden yapın ve kimlik "
    "kartınızın fotoğrafını asla bu sohbete göndermeyin; bir bağlantının gerçek olduğundan emin "
    "değilseniz mesajın metnini bize gönderin, birlikte kontrol edelim.",
    "ja": "中国に入る個人宛ての荷物では、税関が受取人に実名認証（氏名と身分証番号がお届け先"
    "情報と一致していること）を求めることがあります。認証は必ず配送業者の公式サイト・公式"
    "アプリ、または公式メッセージ内のリンクから行い、このチャットには身分証の写真を絶対に"
    "送らないでください。リンクが本物か分からない場合は、メッセージの文面をお送りいただければ"
    "一緒に確認いたします。",
    "ko": "중국으로 들어가는 개인 택배는 세관이 받는 분에게 실명 인증(이름과 신분증 번호가 "
    "배송 정보와 일치)을 요청할 수 있습니다. 인증은 반드시 택배사의 공식 웹사이트나 앱, 공식 "
    "메시지의 링크로만 진행하시고, 이 채팅으로 신분증 사진은 절대 보내지 마세요. 링크가 "
    "진짜인지 확실하지 않으면 메시지 내용을 보내 주시면 함께 확인해 드리겠습니다.",
    "zh": "个人包裹进口清关时，海关可能要求收件人进行实名认证（姓名和身份证号需与收件信息一致）。"
    "请只通过承运商的官方网站、官方App或官方短信中的链接完成认证，请勿在本聊天中发送身份证照片；"
    "如果不确定链接是否为官方链接，可以把短信内容发给我们，我们帮您一起核实。",
    "ar": "في الطرود الشخصية الواردة إلى الصين، قد تطلب الجمارك من المستلم التحقق من هويته "
    "باسمه الحقيقي (يجب أن يطابق الاسم ورقم الهوية بيانات التوصيل). قم بذلك فقط عبر الموقع "
    "الرسمي لشركة الشحن أو تطبيقها أو الرابط الوارد في رسالتها الرسمية، ولا ترسل أبدًا صورة "
    "بطاقة هويتك في هذه المحادثة؛ وإن لم تكن متأكدًا من أن الرابط حقيقي، فأرسل لنا نص الرسالة "
    "وسنتحقق منه معك.",
}
