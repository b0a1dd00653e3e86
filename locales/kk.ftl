## Common

button-back = ⬅️ Артқа
button-cancel = ✖️ Болдырмау
button-skip = Өткізіп жіберу
button-menu = 🏠 Басты мәзір
button-signup = ✍️ Тіркелу
stale-button = Бұл батырма ескірген. Міне, жаңа мәзір.
stale-button-alert = Батырма ескірген
error-generic = Кешіріңіз, қате шықты. Сәл кейінірек қайталап көріңіз.
cancelled = Әрекет тоқтатылды.
nothing-to-cancel = Қазір тоқтататын ештеңе жоқ.
flow-left = Бастаған әрекетіңізден шықтыңыз.
need-button = Хабарламаның астындағы батырмалардың бірін таңдаңыз.
need-text = Жауабыңызды мәтінмен жазыңыз.
command-mid-flow = Алдымен жоғарыдағы сұраққа жауап беріңіз немесе шығу үшін /cancel жіберіңіз.
text-too-long = Жауап тым ұзын: { $max } таңбадан аспауы керек.
unknown-message = Хабарламаңызды түсінбедім. Дәл қазір көмек керек болса, 🆘 батырмасын басыңыз. Қалғаны — төмендегі мәзірде.
need-signup = Бұл үшін тіркелу керек, оған бірер минут қана кетеді. Тіркелген соң осы жерден жалғастырамыз.
continue-after-signup = Дайын! Тоқтаған жеріңізден жалғастырайық:

## Languages

language-kk = Қазақша
language-ru = Русский

## Districts of Almaty

district-alatau = Алатау ауданы
district-almaly = Алмалы ауданы
district-auezov = Әуезов ауданы
district-bostandyk = Бостандық ауданы
district-zhetysu = Жетісу ауданы
district-medeu = Медеу ауданы
district-nauryzbay = Наурызбай ауданы
district-turksib = Түрксіб ауданы

## Sign-up

signup-choose-language =
    Сәлеметсіз бе! Здравствуйте! 👋
    Бұл — Алматы жастар комьюнити орталықтарының боты.

    Сөйлесу тілін таңдаңыз. Оны профильде кез келген уақытта өзгертуге болады.
signup-overview =
    Алматының жастар орталықтары 14 пен 35 жас аралығындағы барлық жастарға тегін қызмет көрсетеді:

    🧠 психолог кеңесі
    ⚖️ заңгер кеңесі
    💼 жұмысқа орналасуға көмек, кәсіби бағдар және кәсіпкерлік бойынша кеңес
    💻 IT курстары, тіл курстары, көлік жүргізу
    ☕ «Tea talk» — шай үстінде қазақша сөйлесу
    🤝 еріктілік, фестивальдер мен іс-шаралар, дыбыс жазу студиясы, коворкинг
    💳 жеңілдік картасы: көлік, спорт, мәдениет

    Кеңестер мен клубтарға жазылу үшін тіркеліңіз.
button-signup-start = ✍️ Тіркелу
button-browse = 👀 Әзірге жай қарап шығу
signup-consent =
    <b>Дербес деректерді өңдеуге келісім</b>

    ҚР «Дербес деректер және оларды қорғау туралы» № 94-V Заңына сәйкес.

    <b>Оператор:</b> Алматы қаласының Жастар саясаты басқармасы және қаладағы жастар комьюнити орталықтары.
    <b>Мақсаты:</b> орталықтардың кеңестеріне, сабақтары мен іс-шараларына жазу, олар туралы еске салу және қала бойынша иесіздендірілген статистика жүргізу.
    <b>Қандай деректер:</b> Telegram ID нөміріңіз бен Telegram-дағы пайдаланушы атыңыз (егер болса), атыңыз, жасыңыз, ауданыңыз, телефон нөміріңіз (егер берсеңіз), оқитыныңыз не жұмыс істейтініңіз, ата-анаңыздың келісімі туралы белгі (14–17 жастағылар үшін), жазылуларыңыз және таңдаған тіліңіз.
    <b>Сақталуы:</b> Қазақстанда, келісіміңізді кері қайтарып алғанша. Деректер үшінші тұлғаларға және шетелге берілмейді.
    <b>Қалай қайтарып алуға болады:</b> /deleteme пәрмені деректеріңізді бірден өшіреді; статистикада тек жеке басыңызды көрсетпейтін сандар қалады. /mydata пәрмені сіз туралы сақталғанның бәрін жібереді.

    Келісесіз бе?
button-consent-yes = ✅ Келісемін
button-consent-no = Келіспеймін
signup-consent-declined =
    Келісіміңізсіз сізді тіркей алмаймыз. Орталықтарды, іс-шараларды және көмек телефондарын бұрынғыдай көре аласыз. Ойыңыз өзгерсе, /start басыңыз.
signup-ask-name = Атыңыз кім? Есіміңізді жазыңыз.
button-use-name = Иә, мен — { $name }
signup-name-invalid = Есіміңізді әріптермен жазыңыз: 2 таңбадан { $max } таңбаға дейін.
signup-ask-age = Жасыңыз нешеде? Санмен жазыңыз.
signup-age-invalid = Жасыңызды санмен жазыңыз, мысалы: 19
signup-age-typo = Қате жазылып кеткен сияқты. Жасыңызды қайта жазыңызшы, мысалы: 19
signup-too-young =
    Орталықтар 14 жасқа толған жастармен жұмыс істейді, сондықтан әзірге тіркеле алмайсыз.
    Көмек керек болса немесе жай ғана біреумен сөйлескіңіз келсе, балалар мен жастарға арналған <b>150</b> тегін сенім телефонына немесе <b>111</b> байланыс орталығына қоңырау шалыңыз. 14 жасқа толғанда сізді күтеміз!
signup-too-old =
    Орталықтар 35 жасқа дейінгі жастармен жұмыс істейді, сондықтан мұнда тіркеле алмайсыз.
    Жұмыс пен қолдау туралы сұрақтармен <b>111</b> байланыс орталығына (тегін, тәулік бойы) немесе ауданыңыздағы ХҚКО-ға жүгінуге болады. Орталықтар туралы 14 пен 35 жас аралығындағы таныстарыңызға айтыңыз — оларға мұнда көмектеседі!
signup-ask-guardian = Сіз 18 жасқа толмағансыз. Ата-анаңыз немесе қамқоршыңыз орталықтардың қызметін пайдалануыңызға келісе ме?
button-guardian-yes = ✅ Иә, келіседі
button-guardian-no = Жоқ / білмеймін
signup-guardian-declined =
    18 жасқа дейін тіркелу үшін ата-ананың немесе қамқоршының келісімі керек. Олармен сөйлесіп, қайта оралыңыз: /start басыңыз.
    Ал көмек дәл қазір керек болса, <b>150</b> сенім телефоны тегін әрі жасырын.
signup-ask-district = Алматының қай ауданына бару сізге ыңғайлы?
signup-ask-phone =
    Телефон нөміріңізбен бөлісіңіз: жазылуыңыз өзгерсе, орталық сізбен хабарласа алады. «📱 Нөмірімді жіберу» батырмасын басыңыз немесе нөміріңізді жазыңыз, мысалы: +7 701 123 45 67. Бұл міндетті емес.
button-share-phone = 📱 Нөмірімді жіберу
signup-phone-not-own = Өз нөміріңіз керек: оны жазыңыз немесе «Нөмірімді жіберу» не «{ $none }» батырмасын басыңыз.
signup-phone-invalid = Бұл қазақстандық нөмірге ұқсамайды. Нөміріңізді былай жазыңыз: +7 701 123 45 67. Немесе «Нөмірімді жіберу» не «{ $none }» батырмасын басыңыз.
signup-phone-saved = Нөмір сақталды.
signup-phone-skipped = Жақсы, нөмірсіз-ақ жалғастырамыз.
signup-ask-occupation = Қазір жұмыс істейсіз бе, әлде оқисыз ба? Бұл орталықтарға сізге керегін ұсынуға көмектеседі.
occupation-work = 💼 Жұмыс істеймін
occupation-study = 🎓 Оқимын
occupation-both = Жұмыс істеймін әрі оқимын
occupation-neither = Әзірге екеуі де жоқ
signup-done = Дайын, { $name }! Сіз тіркелдіңіз. 🎉
signup-already = Сіз тіркеліп қойғансыз, { $name }.

## Services

service-psychologist = Психолог
service-lawyer = Заңгер
service-business = Кәсіпкерлік жөніндегі тәлімгер
service-career = Мансап жөніндегі кеңесші

## Main menu

menu-title = Басты мәзір. Сізді не қызықтырады?
menu-consult = 🗓 Кеңестер
menu-teatalk = ☕ Tea talk және қазақ тілі
menu-centers = 📍 Орталықтар
menu-teams = 🤝 Командалар
menu-events = 🎉 Іс-шаралар
menu-card = 💳 Менің картам
menu-bookings = 📋 Менің жазылуларым
menu-profile = 👤 Профиль
menu-help = 🆘 Маған көмек керек

## Profile

profile-title =
    <b>Сіздің профиліңіз</b>

    Аты: { $name }
    Жасы: { $age }
    Ауданы: { $district }
    Телефоны: { $phone }
    Жұмыс/оқу: { $occupation }
    Тілі: { $language }
    Хабарландырулар: { $notifications }
profile-not-set = көрсетілмеген
profile-notifications-on = қосулы
profile-notifications-off = өшірулі
button-edit-name = ✏️ Аты
button-edit-age = ✏️ Жасы
button-edit-district = ✏️ Ауданы
button-edit-phone = ✏️ Телефоны
button-edit-occupation = ✏️ Жұмыс/оқу
button-edit-language = 🌐 Тілі
button-notifications-on = 🔔 Хабарландыруларды қосу
button-notifications-off = 🔕 Хабарландыруларды өшіру
button-remove-phone = Нөмірді өшіру
button-mydata = 📦 Менің деректерім
button-deleteme = 🗑 Деректерімді өшіру
profile-saved = Сақталды.
profile-phone-removed = Нөмір өшірілді.
profile-age-minor-needs-guardian = 18 жасқа дейін ата-ананың немесе қамқоршының келісімі керек. Жасыңыз өзгертілмеді.
profile-age-out-of-range = Орталықтар 14 пен 35 жас аралығындағы жастармен жұмыс істейді, сондықтан мұндай жасты көрсету мүмкін емес. Жасыңыз өзгертілмеді.

## Privacy

mydata-caption = 📄 Бот сіз туралы сақтайтынның бәрі — оқуға ыңғайлы файлда.
mydata-json-caption = Дәл сол деректер машина оқитын пішімде (JSON) — мысалы, оларды басқа қызметке көшіру үшін.
mydata-nothing = Бот сіз туралы ештеңе сақтамайды.
mydata-file-title = Алматы жастар орталықтары ботындағы деректеріңіз
mydata-file-made = Файл жасалған уақыт: { $when }. Барлық уақыт Алматы уақытымен көрсетілген.
mydata-profile =
    ПРОФИЛЬ
    Telegram ID: { $id }
    Аты: { $name }
    Жасы: { $age }
    Ата-ананың немесе қамқоршының келісімі: { $guardian }
    Ауданы: { $district }
    Телефоны: { $phone }
    Жұмыс/оқу: { $occupation }
    Тілі: { $language }
    Хабарландырулар: { $notifications }
    Қазақ тілінде жаттығу туралы еске салу: { $nudge }
    Деректерді өңдеуге келісім: { $consent }
    Тіркелген уақыты: { $registered }
    Ботқа алғаш жазған уақыты: { $created }
mydata-guardian-given = алынған
mydata-guardian-not-needed = қажет емес
mydata-consent = { $when } (мәтін нұсқасы: { $version })
mydata-bookings-title = КЕҢЕСТЕР
mydata-booking = • { $when } — { $service }, { $center }, { $mode }: { $status }
mydata-booking-topic = Тақырыбы: { $topic }
mydata-booking-score = Сіздің бағаңыз: { $score }/5
mydata-booking-comment = Сіздің пікіріңіз: { $comment }
mydata-signups-title = TEA TALK ЖӘНЕ ІС-ШАРАЛАР
mydata-signup = • { $when } — { $center }, { $kind }, «{ $topic }»: { $status }
mydata-signup-status-confirmed = жазылғансыз
mydata-signup-status-waitlisted = күту тізіміндесіз
mydata-signup-status-offered = сізге орын ұсынылды
mydata-signup-status-cancelled = жазылудан бас тартылды
mydata-signup-status-attended = келдіңіз
mydata-signup-status-no_show = келмедіңіз
mydata-teams-title = КОМАНДАЛАР
mydata-team = • { $team }, өтінім күні { $when }: { $status }
mydata-team-message = Үйлестірушіге жазған хабарламаңыз: { $message }
mydata-team-status-requested = үйлестірушінің жауабын күтіп тұр
mydata-team-status-member = сіз командадасыз
mydata-team-status-declined = өтінім қабылданбады
mydata-team-status-left = командадан шықтыңыз (немесе өтінімді қайтарып алдыңыз)
mydata-practice-title = ҚАЗАҚ ТІЛІНДЕ ЖАТТЫҒУ
mydata-practice-settings = Деңгейі: { $level }; күніне жаңа сөз: { $pace }; деңгейді анықтау тесті: { $placement }
mydata-placement-done = тапсырылды
mydata-placement-skipped = өткізіп жіберілді
mydata-practice-answers = Жаттығулардағы жауаптар саны: { $count }; соңғысы: { $last }
mydata-practice-words = Үйреніп жүрген сөздеріңіз:
mydata-practice-word = • { $kk } — { $ru }: келесі қайталау — { $next }
mydata-practice-word-learned = • { $kk } — { $ru } (меңгерілді): келесі қайталау — { $next }
mydata-card-title = ЖАСТАР КАРТАСЫ
mydata-card = Нөмірі: { $number }; шығарылым нөмірі: { $issue } ({ $issued }); { $until } дейін жарамды
mydata-card-revoked = Картаның күшін әкімші { $date } жойған
mydata-card-check = • { $when } — { $partner }: { $result }
mydata-card-check-valid = карта жарамды болды
mydata-card-check-invalid = карта жарамсыз болды
mydata-none = жоқ
deleteme-confirm =
    Барлық деректеріңізді өшірейік пе? Атыңыз, жасыңыз, ауданыңыз, телефоныңыз және жазылуларыңыз біржола өшіріледі, оларды қалпына келтіру мүмкін болмайды; статистикада тек жеке басыңызды көрсетпейтін сандар қалады.
deleteme-cancels =
    Деректеріңізбен бірге алдағы жазылуларыңыздан да бас тартылады: мамандарға бұл туралы хабарланады, ал клубтардағы орындар кезекте күтіп тұрғандарға беріледі.
    { $items }
deleteme-booking-item = • { $day }, { $time } — { $service }, { $center }
deleteme-teatalk-item = • { $day }, { $time } — tea talk, { $center }
deleteme-event-item = • { $day }, { $time } — { $title }, { $center }
button-deleteme-yes = 🗑 Иә, өшіру
button-deleteme-no = Жоқ, қалдыру
deleteme-done = Деректеріңіз өшірілді. Бізбен болғаныңызға рақмет! Қайта оралу үшін /start басыңыз.
deleteme-kept = Жақсы, ештеңе өшірілген жоқ.

## Help

help-crisis =
    <b>Дәл қазір сізге ауыр болса — сіз жалғыз емессіз.</b>

    📞 <b>150</b> — балалар мен жастарға арналған сенім телефоны (тегін, жасырын)
    📞 <b>111</b> — отбасы, әйелдер мен балалар құқықтарын қорғау жөніндегі байланыс орталығы: психологиялық көмек пен заң көмегі, тегін, тәулік бойы, жазып жіберуге де болады
    🚑 <b>112</b> — өмірге қауіп төнсе, шұғыл қызмет

    Орталықтарда психологқа тегін жазылуға болады: «Кеңестер» бөлімі.
crisis-detected =
    Қазір сізге соншалық ауыр болып тұрғанына қатты қынжыламын. Өтінемін, дәл қазір ботпен емес, адаммен — маманмен сөйлесіңіз, бұл тегін:

## Commands

command-start = Бастау
command-menu = Басты мәзір
command-profile = Менің профилім
command-help = Көмек және сенім телефондары
command-mydata = Менің деректерім
command-deleteme = Деректерімді өшіру
command-cancel = Әрекетті тоқтату
command-staff = Маман кабинеті
command-host = Бүгінгі tea talk кездесулерім
command-team = Командама түскен өтінімдер
command-invite = Маманды шақыру
command-admin = Әкімшілік

## Sandbox: the web page for trying the bot without Telegram (the page's own words)

sandbox-title = Jastar ботын Telegram-сыз байқап көру
sandbox-clock = Алматы уақыты:
sandbox-plus-hour = +1 сағат
sandbox-plus-day = +1 күн
sandbox-next-reminder = Келесі еске салуға дейін
sandbox-nothing-planned = Алда жоспарланған хабар жоқ.
sandbox-add-person = Адам қосу
sandbox-person-name = Аты
sandbox-message-placeholder = Хабарлама жазыңыз
sandbox-send = Жіберу
sandbox-role-youth = Жас қатысушы
sandbox-role-specialist = Маман
sandbox-role-admin = Әкімші
sandbox-role-partner = Карта серіктесі
sandbox-role-coordinator = Команда үйлестірушісі
sandbox-role-guest = Жаңа адам
sandbox-guest-name = Қонақ { $n }
sandbox-choose-place = Қазір қай жердесіз?
sandbox-open-link-as = Сілтемені кім ашады?
sandbox-cancel = Болдырмау
sandbox-edited = өзгертілді
sandbox-download = Файлды жүктеп алу
sandbox-scan-qr = 📷 QR-кодты сканерлеу
sandbox-no-qr = Бұл суретте QR-код табылмады.
sandbox-place-republic-square = Республика алаңы
sandbox-place-green-bazaar = Көк базар
sandbox-place-sairan = Сайран көлі
sandbox-place-almaty-1 = Алматы-1 вокзалы

## Centers

centers-choose-district =
    📍 Алматының әр ауданында екі жастар орталығы бар — 14 пен 35 жас аралығындағы барлық жастарға тегін.
    Ауданды таңдаңыз:
centers-district-title = { $district }: орталықты таңдаңыз.
centers-district-empty = { $district }: орталықтар әлі қосылмаған. Басқа ауданды таңдаңыз.
centers-card =
    <b>{ $name }</b>
    { $district }

    📍 Мекенжайы: { $address }
    🕒 Жұмыс уақыты: { $hours }
    📞 Телефоны: { $phone }
centers-phone-unknown = нақтыланады
centers-address-unknown = нақтыланады
centers-open-24-7 = 🌙 Тәулік бойы жұмыс істейді.
centers-services =
    Мамандардың кеңестері (тегін):
    { $services }
centers-no-services = Бұл орталықтың мамандарына бот арқылы жазылу әлі ашылған жоқ.
centers-placeholder = ⚠️ Деректер нақтыланып жатыр: нақты мекенжайын, телефонын, жұмыс кестесін және картадағы орнын әкімші кейінірек қосады.
centers-not-found = Мұндай орталық тізімде жоқ — тізім өзгерген болуы мүмкін. Ауданды қайта таңдаңыз.
centers-not-found-alert = Орталық табылмады
centers-button-nearest = 📍 Жақын орталықтар
centers-button-book-here = 🗓 Осы орталықта кеңеске жазылу
centers-button-book-short = 🗓 Жазылу
centers-offers =
    Орталықта не бар:
    { $offers }
center-offer-it_courses = IT курстары
center-offer-language_courses = Тіл курстары
center-offer-driving = Көлік жүргізу сабақтары
center-offer-recording_studio = Дыбыс жазу студиясы
center-offer-brainstorm_room = Брейншторм бөлмесі
center-offer-coworking = Коворкинг
center-offer-volunteering = Еріктілік
centers-near-ask = Төмендегі батырмамен орналасқан жеріңізді жіберіңіз — ең жақын үш орталықты көрсетемін. Орналасқан жеріңіз ешқайда сақталмайды.
centers-near-button-share = 📍 Орналасқан жерімді жіберу
centers-near-button-cancel = ✖️ Болдырмау
centers-near-got-it = Рақмет, жақын орталықтарды іздеп жатырмын.
centers-near-title = <b>Сізге ең жақын орталықтар:</b>
centers-near-line = { $n }. { $name } — { $km } км
centers-near-line-approximate = { $n }. { $name } — ≈ { $km } км
centers-near-approximate-note = ≈ — шамамен: орталықтың нақты мекенжайы әлі нақтыланып жатыр, қашықтық аудан ортасына дейін есептелді.
link-button-share = 🔗 Сілтеме және QR-код
link-qr-caption-center = Афишаға арналған QR-код: ботта «{ $name }» парағын ашады.
    { $link }
link-qr-caption-team = Афишаға арналған QR-код: ботта «{ $name }» командасының парағын ашады.
    { $link }
link-qr-caption-event = Афишаға арналған QR-код: ботта «{ $name }» іс-шарасын ашады.
    { $link }
link-not-found = Бұл сілтеме ескірген немесе қате: ол апаратын бет енді жоқ. Керегіңізді басты мәзірден табыңыз.
link-event-cancelled = «{ $title }» іс-шарасы ({ $day }) тоқтатылды. Басқа іс-шараларды мәзірден таба аласыз.
link-event-over = «{ $title }» іс-шарасы ({ $day }) өтіп кетті. Алдағы іс-шараларды мәзірден қараңыз.

## Centers: administration

catalog-centers =
    <b>Орталықтар</b>
    Орталықты таңдаңыз. ⚠️ белгісі — орталықтың кейбір деректері әлі уақытша толтырылған.
catalog-center-gone = Бұл орталық тізімде жоқ.
catalog-center =
    <b>{ $nameKk }</b>
    { $district }

    Атауы (қаз.): { $nameKk }
    Атауы (орыс.): { $nameRu }
    📍 Мекенжайы (қаз.): { $addressKk }
    📍 Мекенжайы (орыс.): { $addressRu }
    🕒 Жұмыс уақыты (қаз.): { $hoursKk }
    🕒 Жұмыс уақыты (орыс.): { $hoursRu }
    🌙 Тәулік бойы: { $open }
    📞 Телефоны: { $phone }
    🗺 Картадағы орны: { $point }
catalog-center-stand-ins = ⚠️ — уақытша деректер. Оларды нақты деректермен ауыстырыңыз: бәрі ауыстырылғанда, орталықтағы белгі алынады.
catalog-button-name = ✏️ Атауы
catalog-button-address = 📍 Мекенжайы
catalog-button-hours = 🕒 Жұмыс уақыты
catalog-button-phone = 📞 Телефоны
catalog-button-point = 🗺 Картадағы орны
catalog-button-24-7-on = 🌙 «Тәулік бойы» деп белгілеу
catalog-button-24-7-off = 🌙 «Тәулік бойы» белгісін алу
catalog-button-offers = 🧩 Орталықта не бар
catalog-button-specialists = 👥 Мамандар
catalog-offers = <b>{ $center }</b>: орталықта не бар? Қосу немесе алып тастау үшін басыңыз.
catalog-ask-name-kk = Орталықтың атауын қазақша жазыңыз ({ $max } таңбаға дейін).
catalog-ask-name-ru = Енді атауын орысша жазыңыз ({ $max } таңбаға дейін).
catalog-name-invalid = Атауы 3 пен { $max } таңба аралығында болуы керек.
catalog-ask-address-kk = Орталықтың мекенжайын қазақша жазыңыз: көшесі мен үйдің нөмірі ({ $max } таңбаға дейін).
catalog-ask-address-ru = Енді мекенжайын орысша жазыңыз ({ $max } таңбаға дейін).
catalog-address-invalid = Мекенжайда көшенің атауы мен үйдің нөмірі болуы керек, барлығы 5 пен { $max } таңба аралығында.
catalog-ask-hours-kk = Жұмыс уақытын қазақша жазыңыз, мысалы: «Дүйсенбі–сенбі, 10:00–19:00» ({ $max } таңбаға дейін).
catalog-ask-hours-ru = Енді жұмыс уақытын орысша жазыңыз, мысалы: «Понедельник–суббота, 10:00–19:00» ({ $max } таңбаға дейін).
catalog-hours-invalid = Жұмыс уақыты 3 пен { $max } таңба аралығында болуы керек.
catalog-ask-phone = Орталықтың телефон нөмірін жазыңыз, мысалы: +7 727 123 45 67.
catalog-phone-invalid = Нөмір танылмады. Қазақстандық 11 цифрлы нөмірді +7-ден немесе 8-ден бастап жазыңыз, мысалы: +7 727 123 45 67.
catalog-ask-point = Орталықтың картадағы орнын жіберіңіз: қазір орталықта болсаңыз — төмендегі батырмамен, әйтпесе 📎 → «Геопозиция» арқылы картадан нүктені таңдаңыз. Координаттарын жазуға да болады, мысалы: 43.2389, 76.8897.
catalog-button-share-point = 📍 Мен орталықтамын — орнымды жіберу
catalog-point-outside = Бұл нүкте Алматыдан тыс жерде. Орталықтың орнын қайта жіберіңіз.
catalog-point-unreadable = Координаттар танылмады. Ендік пен бойлықты үтір арқылы жазыңыз, мысалы: 43.2389, 76.8897.
catalog-saved = ✅ Сақталды.
catalog-yes = иә
catalog-no = жоқ
catalog-specialists = <b>{ $center }</b>: мамандар. Жұмыс уақытын өзгерту үшін маманды таңдаңыз.
catalog-specialists-none = <b>{ $center }</b>: әзірге мамандар жоқ.
catalog-specialist-gone = Бұл маман енді тізімде жоқ.
catalog-button-new-specialist = ➕ Жаңа маман
catalog-ask-specialist-name = Маманның аты кім? Жастар көретіндей етіп жазыңыз, мысалы: «Айгерім С.» ({ $max } таңбаға дейін).
catalog-specialist-name-invalid = Аты 2 мен { $max } таңба аралығында болып, ішінде әріп болуы керек.
catalog-ask-specialist-service = Ол қандай кеңес береді?
catalog-ask-specialist-online = Ол онлайн да кеңес бере ме?
catalog-specialist-added = { $name } маман ретінде қосылды. Енді оның жұмыс уақытын белгілеңіз: ол белгіленбейінше, оған жазылу мүмкін емес.
catalog-specialist =
    <b>{ $name }</b>
    { $service } · { $center }
    Онлайн: { $online }
    Telegram аккаунты байланған: { $linked }

    <b>Апта күндері бойынша жұмыс уақыты:</b>
    { $week }
catalog-weekday-1 = Дүйсенбі
catalog-weekday-2 = Сейсенбі
catalog-weekday-3 = Сәрсенбі
catalog-weekday-4 = Бейсенбі
catalog-weekday-5 = Жұма
catalog-weekday-6 = Сенбі
catalog-weekday-7 = Жексенбі
catalog-day-off = демалыс
catalog-button-dates = 📅 Ерекше күндер
catalog-button-deactivate = 🚫 Тізімнен шығару
catalog-ask-weekday = { $day }: қабылдау уақытын жазыңыз, мысалы: «10:00-13:00, 14:00-18:00», немесе демалыс деп белгілеңіз.
catalog-button-day-off = Демалыс
catalog-ranges-invalid = Уақыт танылмады. Былай жазыңыз: «10:00-13:00, 14:00-18:00» — әр аралық басталғаннан кейін аяқталуы және басқасымен қиылыспауы керек.
catalog-bookings-outside = Жазылған { $count } кеңес жаңа жұмыс уақытынан тыс қалады. Олар күшінде қалады: қажет болса, маман олардан өзі бас тарта алады, ал адамдарға басқа уақыт ұсынылады.
catalog-button-save-anyway = Бәрібір сақтау
catalog-dates = <b>{ $name }</b>: ерекше күндер (әдеттегі уақыттың орнына):
    { $dates }
    Күнді алып тастау үшін оны басыңыз.
catalog-dates-none = <b>{ $name }</b>: ерекше күндер жоқ — маман әдеттегі уақытпен жұмыс істейді. Белгілі бір күнге демалыс, мереке немесе басқа уақыт қосыңыз.
catalog-button-new-date = ➕ Күн қосу
catalog-ask-date = Қай күн? Былай жазыңыз: 31.12 немесе 31.12.2026.
catalog-date-invalid = Күн танылмады. Күн мен айды жазыңыз, мысалы: 31.12. Күн бүгіннен бастап бір жыл ішінде болуы керек.
catalog-ask-date-hours = { $day }: демалыс па, әлде басқа уақыт па? Уақытты жазыңыз, мысалы: «10:00-14:00», немесе демалыс деп белгілеңіз.
catalog-remove-date-confirm = { $day } ерекше күнін алып тастаймыз ба? Бұл күні қайтадан әдеттегі уақыт қолданылады.
catalog-button-remove-date = Иә, алып тастау
catalog-deactivate-confirm =
    { $name } мамандар тізімінен шығарылсын ба? Оған енді жазылу мүмкін болмайды.
    { $count ->
        [0] Алдағы күндерге жазылу жоқ.
       *[other] { $count } кеңес өтпейді — адамдарға бұл туралы хабар мен басқа уақыт ұсынысы жіберіледі.
    }
catalog-button-deactivate-yes = Иә, шығару
catalog-specialist-deactivated =
    { $name } енді тізімде жоқ. { $count ->
        [0] Жазылулар болған жоқ.
       *[other] { $count } кеңес өтпейтін болды, адамдарға хабарланды.
    }

## Teams

team-category-ecology = 🌱 Экология
team-category-patriotic = 🇰🇿 Патриоттық
team-category-volunteer = 🤲 Еріктілік
team-category-other = ✨ Басқалары
teams-title = 🤝 <b>Орталықтармен бірге жұмыс істейтін жастар ұйымдарының жобалық командалары.</b> Командамен танысып, өтінім беру үшін оны таңдаңыз.
teams-none = Әзірге командалар жоқ. Кейінірек қараңыз.
teams-where-city = бүкіл қала
teams-card =
    <b>{ $name }</b>
    { $category } · { $where }

    { $description }
teams-you-are-member = ✅ Сіз осы командадасыз.
teams-you-requested = ⏳ Өтініміңіз үйлестірушінің жауабын күтіп тұр.
teams-button-join = 🙋 Командаға қосылу
teams-button-leave = 🚪 Командадан шығу
teams-button-withdraw = ↩️ Өтінімді қайтарып алу
teams-button-card = 🤝 Команда парағына
teams-left = Дайын: сіз енді бұл командада емессіз.
teams-not-found = Мұндай команда жоқ — ол енді жаңа қатысушы қабылдамайтын болуы мүмкін.
teams-ask-message =
    «{ $name }» командасына өтінім. Үйлестірушіге бір-екі сөз жазыңыз: неге қосылғыңыз келеді, немен көмектесе аласыз ({ $max } таңбаға дейін).
    Немесе «Өткізіп жіберу» батырмасын басыңыз.
teams-message-invalid = Хабарламаны мәтінмен жазыңыз немесе «Өткізіп жіберу» батырмасын басыңыз.
teams-request-sent = «{ $name }» командасына өтінім жіберілді. Үйлестіруші осы жерде, ботта жауап береді.
teams-notice-request = 🙋 «{ $team }» командасына жаңа өтінім: { $name }.
teams-button-accept-notice = ✅ Қабылдау
teams-button-decline-notice = ✖️ Қабылдамау
teams-notice-accepted = 🎉 Үйлестіруші сізді «{ $team }» командасына қабылдады. Қош келдіңіз!
teams-notice-declined = «{ $team }» командасының үйлестірушісі өтініміңізді қабылдамады. Басқа командаларды қараңыз — солардың бірі сізге сай келуі мүмкін.
teams-notice-closed = «{ $team }» командасы жабылды, енді мүше қабылдамайды. Командамен бірге болғаныңызға рақмет! Басқа командаларды қарап шығыңыз.
teams-button-other-teams = 🤝 Басқа командалар
teams-manage-title = <b>«{ $name }» командасы</b>
teams-manage-requests = Жаңа өтінімдер:
teams-manage-no-requests = Жаңа өтінім жоқ.
teams-manage-members = Қатысушылар ({ $count }):
teams-manage-no-members = Әзірге қатысушы жоқ.
teams-manage-more = …тағы { $count }
teams-manage-choose = Қай команданы ашамыз?
teams-button-accept = { $n } · ✅ қабылдау
teams-button-decline = { $n } · ✖️ қабылдамау
teams-accepted = ✅ { $name } енді командада — бұл туралы хабарладық.
teams-declined = Өтінім қабылданбады: { $name }. Бұл туралы хабарладық.
teams-request-already-answered = { $name } жіберген өтінімге жауап беріліп қойған.
teams-not-coordinator = Бұл бөлім команда үйлестірушілеріне арналған. Үйлестіруші болсаңыз, әкімшіден шақыру сілтемесін сұраңыз.

## Discount card

card-caption =
    <b>💳 Жастар картасы</b>
    Нөмірі: <code>{ $number }</code>
    { $holder }
    { $until } дейін жарамды

    Жеңілдік алу үшін QR-кодты серіктеске көрсетіңіз: ол кодты телефонының камерасымен сканерлейді.
card-age-band = { $from }–{ $to } жас
card-button-partners = 🤝 Серіктестер мен жеңілдіктер
card-button-reissue = 🔄 Қайта шығару
card-reissue-confirm = Картаны қайта шығарайық па? Сізге жаңа QR-код беріледі, ал ескі код бұдан былай жұмыс істемейді. Кодыңызды басқа біреу көріп қалса немесе суретке түсіріп алса, осылай жасаңыз.
card-button-reissue-yes = ✅ Иә, қайта шығару
card-button-reissue-no = Жоқ, керек емес
card-reissued = Дайын: карта қайта шығарылды, ескі QR-код енді жарамсыз. Жаңа картаңыз төменде.
card-reissue-kept = Жақсы, картаңыз өзгеріссіз қалды.
card-revoked = № { $number } картаңыздың күшін әкімші { $date } жойды, сондықтан оның QR-коды жарамсыз. Қате кетті деп ойласаңыз, кез келген жастар орталығына хабарласыңыз.
card-partners-title =
    <b>Карта бойынша серіктестер мен жеңілдіктер</b>
    Бөлімді таңдаңыз:
card-category-transport = 🚌 Көлік
card-category-sport = 🏅 Спорт
card-category-culture = 🎭 Мәдениет
card-partners-in-category = <b>{ $category }</b>: серіктестер және олардың жеңілдіктері
card-partner-line = • <b>{ $name }</b> — { $benefit }
card-partner-line-plain = • <b>{ $name }</b>
card-partners-none = Бұл бөлімде әзірге серіктес жоқ.
card-check-valid =
    ✅ <b>Карта жарамды</b>
    { $holder }
card-check-invalid =
    ❌ <b>Карта жарамсыз</b>
    Бұл карта бойынша жеңілдік берілмейді.
card-check-own = Бұл — өзіңіздің картаңыз. Серіктес оның QR-кодын өз телефонымен сканерлеп тексереді. Картаның қазіргі коды әрдайым «Менің картам» бөлімінде тұрады.
card-foreign =
    Бұл — Алматы комьюнити орталықтарының жастар картасы. 14 пен 35 жас аралығындағы жастар осы карта арқылы серіктестерден көлік, спорт және мәдениет салаларында жеңілдік алады. Картаны тек серіктестер тексере алады.

    Өз картаңыз керек пе? Ботқа тіркеліңіз — бірер минут қана кетеді.
card-button-get = 💳 Өз картамды алу
card-partner-removed = «{ $partner }» ұйымымен серіктестік аяқталды, сондықтан сіз енді карта тексере алмайсыз. Қате болса, әкімшіге хабарласыңыз.
card-partner-linked =
    Дайын! Енді сіз «{ $partner }» серіктесі үшін жастар карталарын тексересіз.

    Қалай тексеру керек: телефон камерасын картаның QR-кодына бағыттап, шыққан сілтемені ашыңыз. Бот картаның жарамды-жарамсызын, иесінің атын және жас тобын көрсетеді.
card-partner-linked-already = Сіз «{ $partner }» серіктесі үшін карта тексеріп жүрсіз — бәрі өз орнында.
card-admin-usage = Пәрменнен кейін карта нөмірін жазыңыз, мысалы: /card 0001 2345
card-admin-mistyped = Нөмірде қате бар: соңғы цифр (бақылау цифры) сәйкес келмейді. Нөмірді қайта тексеріңіз.
card-admin-unknown = { $number } нөмірлі карта жоқ.
card-admin-card =
    <b>Карта { $number }</b>
    Иесі: { $holder }
    Шығарылым нөмірі: { $issue } ({ $issued }), { $until } дейін жарамды
    Серіктестер неше рет тексерді: { $checks }
    Күйі: { $status }
card-admin-status-active = жарамды
card-admin-status-revoked = күші { $date } жойылған
card-admin-button-revoke = ⛔ Картаның күшін жою
card-admin-revoke-confirm = { $number } картасының күшін жоямыз ба? Ол барлық серіктесте жарамсыз болады, ал иесі оны өзі қайта шығара алмайды.
card-admin-button-revoke-yes = Иә, күшін жою
card-admin-revoked = { $number } картасының күші жойылды.
card-admin-button-restore = 🔄 Картаны қайта беру
card-admin-restored = { $number } картасы қайта жарамды. Ескі QR-кодтар бұрынғыдай жарамсыз: иесі жаңа кодты «Менің картам» бөлімінен көреді.
card-admin-partners =
    <b>Жастар картасының серіктестері</b>
    Қызметкерлеріне шақыру сілтемесін жасау немесе серіктестікті тоқтату үшін серіктесті таңдаңыз. Жаңа серіктес те осы жерден қосылады.
card-admin-partners-none = Әзірге серіктес жоқ. Алғашқысын қосыңыз:
card-admin-button-new-partner = ➕ Жаңа серіктес
card-admin-partner =
    <b>{ $name }</b> · { $category }
    Жеңілдік (қазақша): { $benefitKk }
    Жеңілдік (орысша): { $benefitRu }
    Карта тексеретін аккаунттар саны: { $accounts }
card-admin-benefit-none = көрсетілмеген
card-admin-button-link = 🔗 Қызметкерге сілтеме
card-admin-button-remove = 🗑 Серіктестікті тоқтату
card-admin-remove-confirm = «{ $name }» ұйымымен серіктестікті тоқтатамыз ба? Оның қызметкерлері енді карта тексере алмайды, ал серіктестің өзі жеңілдіктер тізімінен алынады.
card-admin-button-remove-yes = Иә, тоқтату
card-admin-partner-removed = «{ $name }» ұйымымен серіктестік тоқтатылды.
card-admin-partner-gone = Бұл серіктес тізімде енді жоқ.
card-admin-button-ended = ⏸ Тоқтатылған серіктестіктер ({ $count })
card-admin-ended = <b>Тоқтатылған серіктестіктер</b>. Серіктестікті қайта бастау үшін серіктесті таңдаңыз.
card-admin-ended-none = Тоқтатылған серіктестік жоқ.
card-admin-partner-ended = ⏸ Серіктестік тоқтатылған: серіктес жеңілдіктер тізімінде жоқ, қызметкерлері карта тексермейді.
card-admin-button-reactivate = ▶️ Серіктестікті қайта бастау
card-admin-partner-reactivated = «{ $name }» ұйымымен серіктестік қайта басталды: ол жеңілдіктер тізімінде қайтадан бар.
card-admin-button-category = 🏷 Бөлімі
card-admin-button-benefits = ✏️ Жеңілдіктер
card-admin-unchanged = Ештеңе өзгерген жоқ.
card-admin-ask-name = Серіктестің атауын жазыңыз ({ $max } таңбаға дейін). Жеңілдіктер тізімінде ол осылай көрінеді.
card-admin-name-invalid = Атауы 2 мен { $max } таңба аралығында болуы керек.
card-admin-ask-category = Серіктес қай бөлімге жатады?
card-admin-ask-benefit-kk = Серіктес карта иелеріне қандай жеңілдік береді? Қазақша жазыңыз ({ $max } таңбаға дейін) немесе өткізіп жіберіңіз.
card-admin-ask-benefit-ru = Енді соны орысша жазыңыз ({ $max } таңбаға дейін) немесе өткізіп жіберіңіз.
card-admin-partner-added = «{ $name }» серіктесі қосылды.

## Administration
admin-home-city = <b>Әкімшілік</b>
    Сіз қала әкімшісісіз: барлық орталық сіздің қарауыңызда.
admin-home-centers = <b>Әкімшілік</b>
    Сіздің орталықтарыңыз: { $centers }.
admin-button-invite = ✉️ Шақыру
admin-button-csv = 📄 Каталог CSV форматында
csv-home = <b>Каталог CSV форматында</b>
    Файлды жүктеп алып, кестеде түзетіңіз де, қайта жіберіңіз. Бот алдымен әр жолды тексеріп, не өзгеретінін көрсетеді. Өзгерістер сіз растағаннан кейін ғана және бәрі бірге енгізіледі: файлда бір ғана қате болса да, ештеңе өзгермейді.
csv-kind-centers = орталықтар
csv-kind-specialists = мамандар
csv-kind-events = іс-шаралар
csv-button-export = ⬇️ Жүктеп алу: { $kind }
csv-button-import = ⬆️ Жүктеп салу: { $kind }
csv-export-caption = Каталог, { $kind }: { $count } жол. Файлдағы уақыт — Алматы уақыты, «2026-12-12 18:30» түрінде.
csv-ask-file = CSV файлын ({ $kind }) құжат ретінде жіберіңіз. Бағандар жүктеп алынған файлдағыдай болсын. Шығу үшін /cancel жіберіңіз.
csv-not-a-file = Құжат ретінде жіберілген CSV файлы керек (қыстырғыш → «Файл»).
csv-file-too-big = Файл тым үлкен: { $max } КБ-тан аспауы керек.
csv-file-unreadable = Файлды оқу мүмкін болмады: { $line }-жолдың маңында қате бар. Кестені «CSV UTF-8» ретінде сақтап, қайта жіберіңіз.
csv-file-empty = Файлда деректері бар жол жоқ: тақырып жолы және оның астында кемінде бір жол болуы керек.
csv-report-rejected = Ештеңе енгізілмеді: файлда { $count } қате бар. Оларды түзетіп, файлды қайта жіберіңіз (немесе /cancel).
csv-report-plan = Файл тексерілді ({ $kind }): қосылатыны — { $created }, өзгеретіні — { $updated }, өзгеріссіз — { $unchanged }.
csv-report-nothing = Файл каталогпен бірдей: өзгертетін ештеңе жоқ.
csv-line-create = { $line }-жол: { $label } — қосылады
csv-line-update = { $line }-жол: { $label } — өзгереді: { $columns }
csv-line-problem = { $column ->
    [none] { $line }-жол: { $problem }
   *[other] { $line }-жол, { $column } бағаны: { $problem }
}
csv-more = …тағы { $count }
csv-button-apply = ✅ Енгізу
csv-applied = Дайын: қосылғаны — { $created }, өзгергені — { $updated }.
csv-changed-meanwhile = Сіз есепті қарап отырғанда каталог өзгерді, енді файл оған сәйкес келмейді: ештеңе енгізілмеді.
csv-cancelled = Жүктеу тоқтатылды, каталог өзгерген жоқ.
csv-problem-required = толтыру міндетті
csv-problem-too-long = { $max } таңбадан аспауы керек
csv-problem-one-of = мыналардың бірі: { $values }
csv-problem-yes-no = yes немесе no деп жазыңыз
csv-problem-number = сан керек
csv-problem-range = сан керек: ең азы { $min }, ең көбі { $max }
csv-problem-date-time = 2026-12-12 18:30 түріндегі күн мен уақыт керек
csv-problem-hours = 10:00-13:00 14:00-18:00 түріндегі аралықтар керек, аяғы басынан кейін болсын
csv-problem-overrides = «2026-12-16 off; 2026-12-31 10:00-14:00» түріндегі күндер керек, әр күн бір рет
csv-problem-hours-overlap = бір күннің аралықтары қабаттасып тұр
csv-problem-center-id = орталық коды: латын әріптері, сандар және сызықша, мысалы almaly-3
csv-problem-phone = +7 727 123 45 67 түріндегі нөмір
csv-problem-level-only-teatalk = деңгей tea talk үшін ғана көрсетіледі
csv-problem-place = center_id немесе ауданды (district) көрсетіңіз
csv-problem-end-before-start = аяқталу уақыты басталу уақытынан кейін болуы керек
csv-problem-missing-columns = мына бағандар жоқ: { $columns }
csv-problem-unknown-columns = артық бағандар: { $columns }
csv-problem-too-many-rows = жол тым көп: { $max } жолдан аспауы керек
csv-problem-not-yours = бұл сіздің орталығыңыз емес
csv-problem-new-center-city-only = жаңа орталықты тек қала әкімшісі қоса алады
csv-problem-unknown-id = мұндай id жоқ: жаңа жазбаның id бағанын бос қалдырыңыз
csv-problem-unknown-center = мұндай орталық жоқ
csv-problem-has-bookings = маманның алдағы жазылулары бар ({ $count }): алдымен олардан бас тартыңыз
csv-problem-event-cancelled = іс-шарадан бас тартылған, оны өзгертуге болмайды
csv-problem-past = басталу уақыты өтіп кетті
csv-problem-capacity-below-taken = орын саны жазылып қойғандардан ({ $taken }) аз
csv-problem-duplicate-id = бұл id жоғарыда бұрын кездесті
admin-button-partners = 🎫 Карта серіктестері
admin-button-teams = 🤝 ҮЕҰ командалары
admin-saved = ✅ Сақталды.
admin-text-invalid = 2 мен { $max } таңба аралығында болуы керек.
tmadm-list = <b>🤝 ҮЕҰ командалары</b>. Өзгерту не жабу үшін команданы таңдаңыз немесе жаңасын қосыңыз.
tmadm-list-none = Әзірге команда жоқ. Алғашқысын қосыңыз:
tmadm-button-new = ➕ Жаңа команда
tmadm-button-open = Команданы ашу
tmadm-button-list = 🤝 Барлық команда
tmadm-team =
    <b>{ $nameKk }</b>
    <b>{ $nameRu }</b>
    { $category } · 📍 { $where }
    Үйлестіруші: { $coordinator }
    Мүшелері: { $members }
tmadm-coordinator-none = әлі қосылмаған
tmadm-coordinator-linked = қосылған
tmadm-button-names = ✏️ Атаулары
tmadm-button-descriptions = ✏️ Сипаттамалары
tmadm-button-category = 🏷 Бағыты
tmadm-button-place = 📍 Орны
tmadm-button-close = ⏹ Команданы жабу
tmadm-close-confirm = «{ $name }» командасын жабамыз ба? Ол тізімнен алынады, ал мүшелеріне ({ $count }) және өтінішіне жауап күтіп жүргендерге хабар барады.
tmadm-button-close-yes = Иә, жабу
tmadm-closed = «{ $name }» командасы жабылды. Хабар алатындар: { $count }.
tmadm-ask-name-kk = Команданың атауын қазақша жазыңыз ({ $max } таңбаға дейін).
tmadm-ask-name-ru = Енді атауын орысша жазыңыз ({ $max } таңбаға дейін).
tmadm-ask-description-kk = Команда немен айналысады? Қазақша жазыңыз ({ $max } таңбаға дейін).
tmadm-ask-description-ru = Енді соны орысша жазыңыз ({ $max } таңбаға дейін).
tmadm-ask-category = Команданың бағыты қандай?
tmadm-ask-place = Команда қай орталықта жұмыс істейді?
tmadm-ask-place-city = Команда қайда жұмыс істейді: орталықта ма, ауданда ма, әлде бүкіл қалада ма?
tmadm-created = ✅ «{ $name }» командасы қосылды. Үйлестірушіні қосу үшін оған шақыру жіберіңіз.
admin-button-events = 📅 Іс-шаралар мен tea talk
evadm-list = Алдағы <b>📅 іс-шаралар мен tea talk</b>. Өзгерту не бас тарту үшін біреуін таңдаңыз немесе жаңасын қосыңыз.
evadm-list-none = Алда әзірге іс-шара жоқ. Алғашқысын қосыңыз:
evadm-button-new = ➕ Жаңа іс-шара
evadm-button-list = 📅 Барлық іс-шара
evadm-button-open = Іс-шараны ашу
evadm-button-manage = ⚙️ Өзгерту
evadm-button-mine = 📋 Алдағы іс-шараларым
evadm-mine = <b>📋 Сіз жүргізетін іс-шаралар мен кездесулер</b>. Өзгерту не бас тарту үшін біреуін таңдаңыз.
evadm-mine-none = Алда сіз жүргізетін іс-шара не кездесу жоқ.
evadm-event =
    { $details }

    Атауы (қаз.): { $titleKk }
    Атауы (орыс.): { $titleRu }
    👤 Ұйымдастырушы: { $host }
    🪑 { $seats }
evadm-seats-limited = Алынған орын: { $taken }/{ $capacity }, кезекте: { $waiting }
evadm-seats-open = Жазылғандар: { $taken }, орын саны шектелмеген
evadm-host-none = көрсетілмеген
evadm-no-limit = шектелмеген
evadm-button-title = ✏️ Атауы
evadm-button-description = ✏️ Сипаттамасы
evadm-button-time = 🕒 Уақыты
evadm-button-capacity = 🪑 Орын саны
evadm-button-place = 📍 Өтетін орны
evadm-button-host = 👤 Ұйымдастырушы
evadm-button-cancel-event = ❌ Іс-шарадан бас тарту
evadm-cancel-confirm =
    Іс-шарадан бас тартамыз ба?

    { $details }

    Жазылғандарға ({ $count }) іс-шараның болмайтыны туралы хабар барады.
evadm-button-cancel-yes = Иә, бас тарту
evadm-cancelled = «{ $title }» іс-шарасынан бас тартылды. Бұл туралы хабар алатындар: { $count }.
evadm-gone = Бұл іс-шарадан бас тартылған немесе ол өтіп кеткен.
evadm-ask-center = Іс-шара қай орталықта өтеді?
evadm-ask-place-city = Іс-шара қайда өтеді? Орталықты немесе қаладағы басқа орынды таңдаңыз.
evadm-button-venue = 🌳 Қаладағы басқа орын
evadm-ask-venue-kk = Орынның атауын қазақша жазыңыз ({ $max } таңбаға дейін), мысалы: 28 гвардияшы-панфиловшылар атындағы саябақ.
evadm-ask-venue-ru = Енді орынның атауын орысша жазыңыз ({ $max } таңбаға дейін).
evadm-ask-district = Бұл орын қай ауданда?
evadm-ask-category = Бұл қандай іс-шара?
evadm-ask-level = Кездесу қазақ тілінің қай деңгейіне арналған?
evadm-ask-title-kk = Атауын қазақша жазыңыз ({ $max } таңбаға дейін).
evadm-ask-title-ru = Енді атауын орысша жазыңыз ({ $max } таңбаға дейін).
evadm-ask-description-kk = Іс-шараны қазақша сипаттаңыз ({ $max } таңбаға дейін) немесе өткізіп жіберіңіз.
evadm-ask-description-ru = Енді сипаттамасын орысша жазыңыз ({ $max } таңбаға дейін) немесе өткізіп жіберіңіз.
evadm-ask-start = Қашан басталады? Алматы уақытымен күні мен сағатын жазыңыз, мысалы: 12.12 18:30
evadm-start-unreadable = Күні мен уақытын түсіне алмадым. Былай жазыңыз: 12.12 18:30
evadm-start-past = Бұл уақыт өтіп кетті. Алдағы күн мен уақытты көрсетіңіз.
evadm-ask-end = Басталуы: { $day }, { $time }. Қашан аяқталады? Уақытын жазыңыз, мысалы 20:00, ал басқа күні аяқталса, күні мен уақытын жазыңыз.
evadm-end-unreadable = Уақытты түсіне алмадым. Былай жазыңыз: 20:00 немесе 13.12 11:00
evadm-end-before-start = Аяқталу уақыты басталу уақытынан кейін болуы керек.
evadm-ask-capacity = Неше орын бар? 1 мен { $max } аралығындағы санды жазыңыз.
evadm-button-no-limit = Шектеусіз
evadm-capacity-invalid = 1 мен { $max } аралығындағы санды жазыңыз.
evadm-ask-host = Ұйымдастырушы кім? Қатысушылар көретін атын не атауын жазыңыз ({ $max } таңбаға дейін) немесе өткізіп жіберіңіз.
evadm-ask-host-teatalk = Кездесуді кім жүргізеді? Қатысушылар көретін атын жазыңыз ({ $max } таңбаға дейін).
evadm-confirm-new =
    Тексеріңіз:

    <b>{ $titleKk }</b>
    <b>{ $titleRu }</b>
    🏷 { $category }
    📍 { $place }
    📅 { $day }, { $time }
    🪑 Орын саны: { $seats }
    👤 Ұйымдастырушы: { $host }
evadm-button-create = ✅ Құру
evadm-button-save = ✅ Сақтау
evadm-created = ✅ Іс-шара құрылды.
evadm-confirm-time =
    Жаңа уақыты: { $day }, { $time }.
    Жазылғандарға ({ $count }) өзгеріс туралы хабар барады.
evadm-saved-told = ✅ Сақталды. Өзгеріс туралы хабар алатындар: { $count }.
evadm-capacity-below = Болмайды: { $taken } адам орын алып қойған. Орын саны одан кем болмауы керек.
evadm-button-cannot-come = Келе алмаймын
evadm-notice-cancelled =
    ❌ Сіз жазылған іс-шара болмайды. Кешірім сұраймыз.

    { $details }
evadm-notice-changed =
    ✏️ Сіз жазылған іс-шарада өзгеріс бар. Енді былай:

    { $details }
admin-button-people = 👥 Адамдар мен рөлдер
admin-button-audit = 📜 Әрекеттер журналы
admin-role-center-admin = Орталық әкімшісі
admin-role-specialist = Маман
admin-role-host = Кездесу жүргізушісі
admin-role-coordinator = Команда үйлестірушісі
admin-role-partner = Карта серіктесінің қызметкері
admin-people =
    <b>Адамдар мен рөлдер</b>
    Ботта рөлі барлар: { $count }. Рөлін көру немесе алып тастау үшін адамды таңдаңыз:
admin-people-none =
    <b>Адамдар мен рөлдер</b>
    Әзірге ботта ешкімнің рөлі жоқ. Адамдарды «Шақыру» бөлімінен шақыра аласыз.
admin-person =
    <b>{ $role }</b>
    { $what }
    Адам: { $name }
    Telegram ID: { $id }
admin-person-unnamed = аты көрсетілмеген (ID { $id })
admin-button-revoke = ⛔ Рөлді алып тастау
admin-revoke-confirm = «{ $name }» деген адамның «{ $role }» рөлін ({ $what }) алып тастаймыз ба? Бұл рөлдің мүмкіндіктері оған бірден жабылады, ал өзіне бұл туралы хабарлама барады.
admin-button-revoke-yes = Иә, алып тастау
admin-revoked = «{ $name }» деген адамның «{ $role }» рөлі алып тасталды.
admin-role-gone = Бұл адамда енді бұл рөл жоқ.
admin-notice-role-revoked = Әкімші боттағы рөліңізді алып тастады: «{ $role }» ({ $what }). Қате деп ойласаңыз, әкімшіге хабарласыңыз.
admin-audit =
    <b>Әрекеттер журналы</b>
    Жазбалар саны: { $count }, { $pages } беттің { $page }-беті. Алдымен жаңалары көрсетіледі, уақыт Алматы бойынша.
admin-audit-none =
    <b>Әрекеттер журналы</b>
    Әзірге жазба жоқ.
admin-audit-button-export = 📄 CSV файлы ретінде жүктеп алу
admin-audit-exported = Әрекеттер журналы, жазбалар саны: { $count }.
admin-button-centers = 🏢 Орталықтар
admin-button-broadcasts = 📣 Хабарлама тарату

## Broadcasts
broadcasts-city = <b>Хабарлама тарату</b>
    Қала жастарына хабарлама: барлығына немесе бір бөлігіне — аудан, тіл, жас, NEET, орталық адамдары, Tea talk қатысушылары не команда бойынша.
broadcasts-centers = <b>Хабарлама тарату</b>
    Орталықтарыңыздың адамдарына хабарлама: сол жерде кеңеске, іс-шараға не Tea talk-қа жазылғандарға.
broadcast-line = №{ $id }, { $date }: { $state }, жіберілді: { $sent } / { $total }
broadcast-button-new = ✍️ Жаңа таратылым
broadcast-button-show = 📊 №{ $id } таратылымның барысы
broadcast-state-sending = жіберілуде
broadcast-state-paused = кідіртілді
broadcast-state-cancelled = бас тартылды
broadcast-state-done = аяқталды
broadcast-progress = 📣 <b>№{ $id } таратылым</b>: { $state }
    Жіберілді: { $sent }
    Жеткізілмеді: { $failed }
    Ботты бұғаттағандар: { $blocked }
    Қалды: { $remaining } / { $total }
broadcast-progress-eta = Шамамен { $minutes } минут қалды.
broadcast-button-pause = ⏸ Кідірту
broadcast-button-resume = ▶️ Жалғастыру
broadcast-button-cancel = ✖️ Тоқтату
broadcast-button-cancel-yes = Иә, таратылымды тоқтату
broadcast-cancel-confirm = №{ $id } таратылымды біржола тоқтатасыз ба? Оны әлі алмағандар енді алмайды.
broadcast-cancel-result = №{ $id } таратылым: { $state }.
broadcast-unchanged = Таратылым қазір: { $state }
broadcast-done-pause = Таратылым кідіртілді
broadcast-done-resume = Таратылым жалғасуда
broadcast-done-cancel = Таратылымнан бас тартылды
broadcast-open-event = 🎉 Іс-шара туралы
broadcast-open-center = 🏢 Орталық туралы
broadcast-ask-photo = <b>Жаңа таратылым.</b> Хабарламаға фото жіберіңіз немесе бұл қадамды өткізіп жіберіңіз. Шығу: /cancel.
broadcast-photo-invalid = Мұнда фото керек. Фото жіберіңіз немесе «Өткізіп жіберу» батырмасын басыңыз.
broadcast-ask-text-kk = Таратылым мәтінін қазақша жазыңыз ({ $max } таңбаға дейін) немесе өткізіп жіберіңіз: онда бәрі орысша мәтінді алады.
broadcast-ask-text-ru = Енді мәтінді орысша жазыңыз ({ $max } таңбаға дейін). Екі мәтін де болса, әркім өз тілінде алады.
broadcast-text-empty = Мәтін бос. Хабарламаны жазыңыз.
broadcast-ask-button = Хабарламаның астына батырма қосасыз ба?
broadcast-button-to-event = 🎉 Іс-шараға
broadcast-button-to-center = 🏢 Орталыққа
broadcast-button-none = Батырмасыз
broadcast-ask-link-event = Іс-шараны таңдаңыз:
broadcast-ask-link-center = Орталықты таңдаңыз:
broadcast-no-events = Жақын арада іс-шара жоқ. Батырмасыз жіберуге болады.
broadcast-no-centers = Орталық жоқ. Батырмасыз жіберуге болады.
broadcast-ask-segment = Кімге жібереміз? Келісім берген, ботты бұғаттамаған және хабарландыруларды өшірмеген адамдар алады.
broadcast-segment-everyone = Барлығына
broadcast-segment-district = Аудан бойынша
broadcast-segment-language = Тіл бойынша
broadcast-segment-age = Жасы бойынша
broadcast-segment-neet = NEET
broadcast-segment-center = Орталық адамдарына
broadcast-segment-teatalk = Tea talk қатысушыларына
broadcast-segment-team = Командаға
broadcast-ask-district = Ауданды таңдаңыз:
broadcast-ask-language = Алушылардың бот тілін таңдаңыз:
broadcast-ask-age = Жасын таңдаңыз:
broadcast-age-band = { $band } жас
broadcast-ask-segment-center = Орталықты таңдаңыз. Оның адамдары — сол жерде кеңеске, іс-шараға не Tea talk-қа жазылғандар.
broadcast-ask-team = Команданы таңдаңыз: хабарламаны оның мүшелері алады.
broadcast-no-teams = Әзірге команда жоқ. Шығу: /cancel.
broadcast-segment-everyone-about = барлығы
broadcast-segment-neet-about = жұмыс істемейтін және оқымайтындар (NEET)
broadcast-segment-teatalk-about = Tea talk-қа жазылғандар
broadcast-segment-district-of = { $district }
broadcast-segment-language-of = бот тілі: { $language }
broadcast-segment-age-of = { $band } жастағылар
broadcast-segment-center-of = «{ $center }» орталығының адамдары (сол жерде кеңеске, іс-шараға не Tea talk-қа жазылғандар)
broadcast-segment-team-of = «{ $team }» командасының мүшелері
broadcast-nobody = Алушы жоқ: { $segment }. Таратылым құрылмады.
broadcast-summary = <b>Кімге:</b> { $segment }
    <b>Алушылар:</b> { $count }
    <b>Уақыты:</b> шамамен { $minutes } минут (Telegram секундына { $rate } хабарлама жіберуге мүмкіндік береді; түнде, 22:00-ден 09:00-ге дейін, таратылым таңды күтеді)
    Төменде — хабарлама алушыларға қалай жетсе, дәл солай.
broadcast-ask-confirm = Таратылымды { $count } алушыға жібереміз бе?
broadcast-button-send = 📣 Жіберу
broadcast-dropped = Таратылым жіберілмеді.
admin-button-figures = 📊 Көрсеткіштер

## Figures
figures-title = <b>📊 Көрсеткіштер</b>
figures-choose = Есепті таңдаңыз: оны осы жерден оқуға, CSV файлы ретінде жүктеп алуға немесе диаграммамен көруге болады. 10 адамнан аз топтар «&lt; 10» деп көрсетіледі.
figures-centers-headline = Сіздің орталықтарыңыз: { $centers }.
    Жыл басынан бері:
    • кеңестер (психолог пен заңгерден басқа): { $consultations }, оның ішінде өткені: { $attended }
    • іс-шаралар: { $events }
    • қамтылған жастар: { $people }
figures-targets-title = <b>{ $year } жылғы мақсаттар</b> (31 желтоқсанға дейін { $days } күн қалды)
figures-target-consultations = • Кеңестер (өткендері): { $target } ішінен { $done } ({ $percent }%)
figures-target-events = • Іс-шаралар (өткендері): { $target } ішінен { $done } ({ $percent }%)
figures-target-reached = • Қамтылған жастар (ботта тіркелгендер): { $target } ішінен { $done } ({ $percent }%)
figures-target-ngos = • Жобалық командалардағы жастар ҮЕҰ-лары: { $target } ішінен { $done } ({ $percent }%)
figures-target-met = мақсат орындалды ✅
figures-pace = қажетті қарқын: күніне { $perDay }, аптасына { $perWeek }
figures-button-csv = 📄 CSV
figures-button-chart = 📈 Диаграмма
figures-button-weekly-off = 🔕 Дүйсенбілік шолуды жібермеу
figures-button-weekly-on = 🔔 Дүйсенбі сайын шолу жіберу
figures-weekly-off-done = Дүйсенбілік шолу өшірілді.
figures-weekly-on-done = Шолу дүйсенбі сайын сағат 09:00-де келеді.
figures-weekly-title = <b>📊 Апталық шолу</b>
figures-weekly-signups = Өткен аптада жаңадан тіркелгендер: { $people }.
figures-guard-note = * — 10 адамнан аз топты жалпы саннан есептеп шығаруға болмауы үшін жасырылған.
figures-more-in-csv = Толық кесте CSV файлында.
figures-report-consultations = Кеңестер
figures-report-feedback = Кеңестерге берілген бағалар
figures-report-reach = Жастарды қамту
figures-report-signups = Тіркелу
figures-report-events = Іс-шаралар
figures-report-teatalk = Tea talk
figures-report-practice = Қазақ тілі жаттығуы
figures-report-cards = Карталарды тексеру
figures-about-consultations = { $year } жыл. Психолог пен заңгер кеңестері тек қала бойынша жалпы санмен беріледі.
figures-about-feedback = { $year } жыл: бағалар саны және 5 балдық орташа баға. Жауап 10-нан аз болса, орташа баға көрсетілмейді.
figures-about-reach = Әр адам бір рет қана есептеледі: ботта тіркелгендердің бәрі, ал орталық үшін { $year } жылы сол орталықта кеңеске келген немесе оның іс-шарасына жазылғандар.
figures-about-signups = Соңғы 12 аптада ботта жаңадан тіркелгендер, апта дүйсенбіден басталады.
figures-about-events = { $year } жыл, бас тартылғандарынсыз.
figures-about-teatalk = { $year } жылғы tea talk кездесулері, бас тартылғандарынсыз.
figures-about-practice = Боттағы қазақ тілі жаттығуы.
figures-about-cards = { $year } жыл: серіктестердің карта тексеруі.
figures-section-service = Қызметтер бойынша
figures-section-center = Орталықтар бойынша
figures-section-district = Аудандар бойынша
figures-section-month = Айлар бойынша
figures-section-band = Жасы бойынша
figures-section-occupation = Жұмыс пен оқу
figures-section-week = Апталар бойынша
figures-section-category = Түрлері бойынша
figures-section-level = Деңгейлері бойынша
figures-section-practice = Жаттығу
figures-section-partner = Серіктес санаттары бойынша
figures-column-section = Бөлім
figures-column-row = Жол
figures-column-total = барлығы
figures-column-attended = келді
figures-column-no_show = келмеді
figures-column-cancelled = бас тартылды
figures-column-upcoming = алда
figures-column-answers = баға саны
figures-column-average = орташа баға
figures-column-people = адам
figures-column-events = іс-шара
figures-column-signed_up = жазылды
figures-column-checks = тексеру
figures-column-valid = жарамды
figures-column-invalid = жарамсыз
figures-column-count = саны
figures-row-total = Барлығы
figures-row-total-open = Барлығы (психолог пен заңгерден басқа)
figures-row-unknown = Көрсетілмеген
figures-row-week = { $monday } күні басталған апта
figures-row-neet = Жұмыс істемейді және оқымайды (NEET)
figures-row-not-neet = Жұмыс істейді немесе оқиды
figures-row-active-week = Соңғы 7 күнде жаттыққандар
figures-row-active-month = Соңғы 30 күнде жаттыққандар
figures-row-streak-week = Соңғы 7 күннің әрқайсысында жаттыққандар
figures-row-words = Үйренілген сөздер

## Staff

staff-only = Бұл бөлім орталық мамандарына арналған. Маман болсаңыз, әкімшіден шақыру сілтемесін сұраңыз.
staff-menu =
    <b>Маман кабинеті</b>
    { $name } — { $service }, { $center }

    Мұнда бүгінгі және апталық жазылуларыңызды көріп, адамның келген-келмегенін белгілеп, уақытты жазылуға жаба аласыз.
staff-button-today = 📅 Бүгін
staff-button-week = 🗓 Апта
staff-button-block = ⛔ Уақытты жабу
staff-button-blocks = 🔓 Жабылған уақыт
staff-button-cancel = ✖️ Кеңесті болдырмау
staff-button-visitor = 👤 Өзім үшін: жазылу және клубтар
staff-choose-language = Тілді таңдаңыз.
staff-agenda-today-title = <b>Бүгін, { $day }</b>
staff-agenda-week-title = <b>Апталық жазылулар: { $from } — { $to }</b>
staff-agenda-empty-day = Жазылу жоқ.
staff-agenda-week-empty = Алдағы 7 күнде жазылу жоқ.
staff-agenda-line = { $time } · { $mode } · { $name } · { $status }
staff-agenda-topic = Тақырыбы: { $topic }
staff-mode-in_person = бетпе-бет
staff-mode-online = онлайн
staff-status-confirmed = күтілуде
staff-status-attended = келді
staff-status-no_show = келмеді
staff-status-cancelled = бас тартылды
staff-status-rescheduled = ауыстырылды
staff-person-unknown = (деректері өшірілген)
staff-marks-title = Өткен кеңестерді белгілеңіз — адам келді ме:
staff-button-attended = { $n } · ✅ келді
staff-button-no-show = { $n } · ❌ келмеді
staff-button-unmark-n = { $n } · ↩️ белгіні алып тастау
staff-button-mark-attended = ✅ Келді
staff-button-mark-no-show = ❌ Келмеді
staff-button-unmark = ↩️ Белгіні алып тастау
staff-corrections-title = Соңғы 24 сағаттағы белгілер — оларды әлі түзетуге немесе алып тастауға болады:
staff-marked-attended = Белгіленді: { $when } — { $name } келді.
staff-marked-no-show = Белгіленді: { $when } — { $name } келмеді.
staff-mark-correctable-until = Белгіні мына уақытқа дейін түзетуге немесе алып тастауға болады: { $until }. Одан кейін ол түпкілікті болады.
staff-unmarked = Белгі алып тасталды: { $when } — { $name }. Енді бұл кеңесті қайта белгілеуге болады.
staff-mark-not-found = Сізде мұндай жазылу жоқ.
staff-mark-already = Бұл кеңес белгіленіп қойған: { $status }.
staff-mark-not-confirmed = Бұл жазылудан бас тартылған немесе ол басқа уақытқа ауыстырылған — белгілейтін ештеңе жоқ.
staff-mark-not-started = Кеңес әлі басталған жоқ: оны басталғаннан кейін белгілеуге болады.
staff-mark-final = Белгі түпкілікті: қойылғанына 24 сағаттан асты, оны енді өзгертуге болмайды.
staff-mark-not-marked = Бұл кеңес белгіленбеген — алып тастайтын белгі жоқ.
staff-not-allowed = Бұл тек боттың әкімшілеріне қолжетімді.
staff-invite-choose-kind = Кімге шақыру сілтемесін жасаймыз?
staff-invite-kind-center-admin = 🏢 Орталық әкімшісіне
staff-invite-kind-specialist = 🧑‍💼 Маманға
staff-invite-kind-host = ☕ Tea talk жүргізушісіне
staff-invite-kind-coordinator = 🤝 Команда үйлестірушісіне
staff-invite-kind-partner = 💳 Карта серіктесіне
staff-invite-choose = Кімге шақыру сілтемесін жасаймыз? Ботқа әлі қосылмаған мамандар:
staff-invite-choose-center = Ботқа қосылмаған мамандар саны: { $count }. Орталықты таңдаңыз:
staff-invite-choose-specialist = { $center }: кімге шақыру сілтемесін жасаймыз?
staff-invite-none = Барлық маман ботқа қосылып қойған.
staff-invite-unknown-specialist = { $id } нөмірлі маман жоқ.
staff-invite-already-linked = { $name } ботқа қосылып қойған — жаңа сілтеме керек емес.
staff-invite-usage = Маманды немесе tea talk жүргізушісін тізімнен таңдау үшін /invite деп жазыңыз. Маманның нөмірі белгілі болса, оны пәрменнен кейін жазыңыз, мысалы: /invite 12
staff-invite-created =
    <b>{ $name }</b> үшін шақыру сілтемесі ({ $service }, { $center }):
    { $link }

    Сілтеме бір рет қана жұмыс істейді және мына уақытқа дейін жарамды: { $until }. Оны маманның өзіне жеке жіберіңіз.
staff-invite-choose-host = Tea talk жүргізушілерінің қайсысына шақыру сілтемесін жасаймыз? Ботқа әлі қосылмаған жүргізушілер және олардың келесі кездесуі:
staff-invite-host-none = Алдағы барлық tea talk кездесулерінің жүргізушілері ботқа қосылып қойған.
staff-invite-host-gone = Бұл кездесу енді кестеде жоқ. Міне, жүргізушілердің жаңартылған тізімі.
staff-invite-host-created =
    Tea talk жүргізушісі <b>{ $name }</b> үшін шақыру сілтемесі ({ $center }):
    { $link }

    Сілтеме бір рет қана жұмыс істейді және мына уақытқа дейін жарамды: { $until }. Оны жүргізушінің өзіне жеке жіберіңіз: сілтеме арқылы оның Telegram аккаунты осы орталықтағы алдағы барлық кездесулеріне қосылады (келесі кездесуі — { $next }).
staff-invite-choose-center-admin = Қай орталықтың әкімшісіне шақыру сілтемесін жасаймыз?
staff-invite-center-admin-created =
    <b>{ $center }</b> орталығының әкімшісіне арналған шақыру сілтемесі:
    { $link }

    Сілтеме бір рет қана жұмыс істейді және мына уақытқа дейін жарамды: { $until }. Оны болашақ әкімшінің өзіне жеке жіберіңіз: осы сілтеме арқылы ол ботта орталықтың істерін жүргізеді (/admin пәрмені).
staff-invite-choose-team = Қай команданың үйлестірушісіне шақыру сілтемесін жасаймыз? Үйлестірушісі жоқ командалар:
staff-invite-team-none = Барлық командада үйлестіруші бар.
staff-invite-coordinator-created =
    <b>{ $name }</b> командасының үйлестірушісіне арналған шақыру сілтемесі:
    { $link }

    Сілтеме бір рет қана жұмыс істейді және мына уақытқа дейін жарамды: { $until }. Оны үйлестірушінің өзіне жеке жіберіңіз: осы сілтеме арқылы ол командаға түскен өтінімдерді алады.
staff-invite-partner-created =
    <b>{ $name }</b> серіктесінің ({ $category }) қызметкеріне арналған шақыру сілтемесі:
    { $link }

    Сілтеме бір рет қана жұмыс істейді және мына уақытқа дейін жарамды: { $until }. Оны карта тексеретін адамның өзіне жеке жіберіңіз: сілтемені ашқан соң ол карталардың QR-кодын сканерлеп тексере алады.
staff-page-prev = ◀️ Алдыңғы
staff-page-next = Келесі ▶️
staff-invite-unknown = Мұндай шақыру сілтемесі жоқ. Сілтемені тексеріңіз немесе әкімшіден жаңасын сұраңыз.
staff-invite-used = Бұл сілтеме бұрын пайдаланылған. Егер оны сіз пайдаланбаған болсаңыз, әкімшіге хабарлаңыз.
staff-invite-expired = Сілтеменің мерзімі өтіп кеткен. Әкімшіден жаңасын сұраңыз.
staff-invite-specialist-linked = Бұл маманға басқа Telegram аккаунты қосылып қойған. Әкімшіге жүгініңіз.
staff-invite-account-linked = Сіздің Telegram аккаунтыңыз басқа маманға қосылған. Әкімшіге жүгініңіз.
staff-invite-host-linked = Бұл жүргізушінің кездесулеріне басқа Telegram аккаунты қосылып қойған. Әкімшіге жүгініңіз.
staff-invite-team-linked = Бұл командаға басқа Telegram аккаунты үйлестіруші ретінде қосылып қойған. Әкімшіге жүгініңіз.
staff-invite-no-sessions = Кестеде бұл жүргізушінің алдағы кездесулері қалмаған, сондықтан қосатын ештеңе жоқ. Әкімшіге жүгініңіз.
staff-linked =
    Сәлеметсіз бе, { $name }! Аккаунтыңыз қосылды: { $service }, { $center }.
    Мұнда жазылуларыңызды көріп, адамның келген-келмегенін белгілеп, уақытты жазылуға жаба аласыз. Кабинет /staff пәрменімен ашылады. Келуші ретінде тіркелудің қажеті жоқ.
staff-linked-already = Сіз қосылып қойғансыз, { $name }.
staff-host-linked =
    Сәлеметсіз бе, { $name }! Аккаунтыңыз tea talk жүргізушісі ретінде қосылды: { $center }.
    Мұнда кездесулеріңізге кімдер жазылғанын көріп, кімнің келгенін белгілей аласыз. Бүгінгі кездесулеріңіздің тізімі /host пәрменімен ашылады. Келуші ретінде тіркелудің қажеті жоқ.
staff-host-linked-already = { $name }, сіз tea talk жүргізушісі ретінде қосылып қойғансыз: { $center }.
staff-center-admin-linked = Дайын: сіз «{ $center }» орталығының әкімшісісіз. Барлық бөлімді /admin пәрмені ашады.
staff-center-admin-linked-already = Сіз «{ $center }» орталығының әкімшісі болып қосылып қойғансыз.
staff-coordinator-linked = Дайын: сіз «{ $name }» командасының үйлестірушісісіз. Өтінімдер осында келеді; тізімді /team пәрменімен көресіз.
staff-coordinator-linked-already = Сіз «{ $name }» командасының үйлестірушісі ретінде қосылып қойғансыз.
staff-block-no-days = Алдағы екі аптада жұмыс уақытыңыз жоқ — жабатын ештеңе жоқ.
staff-block-ask-date = Қай күні уақытты жазылуға жабамыз? Алдағы екі аптадағы жұмыс күндеріңіз:
staff-block-ask-start = { $day }. Қай уақыттан бастап жабамыз? Батырманы басыңыз немесе уақытты жазыңыз, мысалы: 14:30.
staff-block-start-invalid = Басталу уақытын СС:ММ түрінде жазыңыз, мысалы: 14:30.
staff-block-ask-end = { $day }, басталуы — { $start }. Қай уақытқа дейін жабамыз? Батырманы басыңыз немесе уақытты жазыңыз.
staff-block-end-invalid = Аяқталу уақытын СС:ММ түрінде жазыңыз. Ол мына уақыттан кеш болуы керек: { $after }.
staff-block-confirm = { $day }, { $start }–{ $end } уақытын жазылуға жабамыз ба?
staff-block-bookings-inside =
    { $count ->
        [one] Бұл уақытта расталған { $count } жазылу бар. Ол күшінде қалады
       *[other] Бұл уақытта расталған { $count } жазылу бар. Олар күшінде қалады
    }: кеңесті болдырмау керек болса, кабинеттегі «Кеңесті болдырмау» батырмасын басыңыз.
staff-button-confirm-block = ✅ Жабу
staff-block-dropped = Жақсы, уақыт жабылған жоқ.
staff-block-done = Дайын: { $day }, { $start }–{ $end } жазылуға жабылды.
staff-blocks-empty = Жабылған уақытыңыз жоқ.
staff-blocks-title = Жабылған уақыт. Жазылуға қайта ашқыңыз келгенін басыңыз:
staff-button-unblock = 🔓 { $when }
staff-unblocked = Жазылуға қайта ашылды: { $when }.
staff-unblock-not-found = Бұл уақыт ашылып қойған.
staff-cancel-none = Алдағы жазылулар жоқ — болдырмайтын кеңес жоқ.
staff-cancel-choose = Қай кеңесті болдырмаймыз? Адамға кеңестің өтпейтіні туралы бірден хабар барады және басқа уақыт таңдау ұсынылады.
staff-cancel-confirm = Кеңесті болдырмаймыз ба: { $consultation }?
staff-button-cancel-yes = Иә, болдырмау
staff-cancelled-alert = Кеңес өтпейді
staff-cancelled = Кеңес өтпейді: { $consultation }. Адамға хабарланды. Ол уақытта бос болмасаңыз, уақытты жазылуға жабыңыз.
staff-cancel-unavailable = Бұл кеңесті енді болдырмау мүмкін емес: ол алдағы жазылуларыңыздың арасында жоқ.
staff-notice-new =
    🆕 <b>Жаңа жазылу</b>
    { $day }, { $time }
    { $service }, { $mode }
    { $center }
    Аты: { $name }
staff-contact-username = 💬 Telegram: @{ $username }
staff-contact-no-username = 💬 Telegram-да пайдаланушы аты жоқ: чатты «Жазу» батырмасы ашады.
staff-contact-phone = 📞 { $phone }
staff-button-write = 💬 Жазу: { $name }
staff-contact-refused = Telegram чат батырмасын қосуға рұқсат бермеді: бұл адам құпиялық баптауларында өз профиліне сілтеме қосуға тыйым салған. Телефоны болса, сол арқылы, болмаса орталық әкімшісі арқылы хабарласыңыз.
staff-contact-refused-some = Telegram чат батырмаларын қосуға рұқсат бермеді: жазылғандардың біреуі құпиялық баптауларында өз профиліне сілтеме қосуға тыйым салған. Телефоны болса, сол арқылы, болмаса орталық әкімшісі арқылы хабарласыңыз.
staff-notice-cancelled =
    ❌ <b>Жазылудан бас тартылды</b>
    { $day }, { $time }
    { $service }, { $mode }
    { $center }
    Аты: { $name }

## Consultations

consult-ask-service = Кіммен сөйлескіңіз келеді? Маманды таңдаңыз — кеңестер тегін.
consult-limit-service = «{ $service }» маманына алдағы жазылуларыңыздың саны шекке жетті (ең көбі { $max }). Жазылудан бас тартуға немесе оны ауыстыруға басты мәзірдегі «Менің жазылуларым» бөлімінде болады. Әзірге басқа маманды таңдай аласыз.
consult-limit-no-shows =
    Өкінішке қарай, қазір жазылу мүмкін емес: соңғы { $days } күн ішінде алдын ала ескертпей келмей қалған кеңестеріңіз тым көп (кемінде { $limit }). Осылайша мамандардың уақыты келетін адамдарға беріледі. Қате деп ойласаңыз, орталығыңызға хабарласыңыз.
    Ал дәл қазір қиын болса, 150 сенім телефонына немесе 111 байланыс орталығына қоңырау шалыңыз — бұл тегін.
consult-safety-prompt = Психологқа белгілі бір уақытқа жазыласыз. Егер дәл қазір қиын болса, сол уақытты күтпеңіз: жоғарыдағы нөмірлерге қоңырау шалыңыз. Дайын болғанда жазылуды жалғастырамыз.
consult-button-continue = ➡️ Жазылуды жалғастыру
consult-ask-district = { $service }: қай аудан сізге ыңғайлы? Немесе «Кез келген орталық» батырмасын басыңыз — бос уақыттың бәрін көрсетеміз.
consult-any-center = 🗺 Кез келген орталық
consult-no-slots-district = { $district }: алдағы { $days } күнде бос уақыт жоқ. Басқа ауданды немесе «Кез келген орталық» батырмасын таңдаңыз.
consult-no-slots-any = Өкінішке қарай, алдағы { $days } күнде бұл мамандардың ешбір орталықта бос уақыты жоқ. Басқа маманды таңдау үшін «Артқа» батырмасын басыңыз немесе кейінірек қайта кіріңіз — кесте жаңарып тұрады.
consult-ask-day =
    { $place }
    Күнді таңдаңыз (бос уақыты бар күндер ғана көрсетілген):
consult-place-any = 🗺 Қаланың барлық орталықтары
consult-place-district = 📍 { $district }: кез келген орталық
consult-place-center = 📍 { $center }
consult-button-both-centers = Ауданның кез келген орталығы
consult-button-other-district = 📍 Басқа аудан
consult-no-slots-center = { $center }: алдағы { $days } күнде бос уақыт жоқ. Ауданның барлық орталықтарын көрсетеміз.
consult-center-no-service = { $center }: бұл орталықта «{ $service }» маманына әзірге жазылу мүмкін емес. Ауданды таңдаңыз.
consult-day-full = Сіз таңдап жатқанда бұл күнгі бос уақыттың бәрін басқалар алып қойды. Басқа күнді таңдаңыз.
consult-ask-time = { $day }. Уақытты таңдаңыз (қасында орталық көрсетілген):
consult-ask-time-at = { $day }, { $center }. Уақытты таңдаңыз:
consult-ask-time-some = Мұнда бос уақыттың бәрі көрсетілмеген. Бір орталықтың барлық бос уақытын көру үшін «Артқа» батырмасын басып, ауданды немесе орталықты таңдаңыз.
consult-ask-mode = Кеңесті қалай өткізген сізге ыңғайлы?
consult-mode-in_person = 🏢 Орталықта, бетпе-бет
consult-mode-online = 💻 Онлайн
consult-ask-topic = Не туралы сөйлескіңіз келеді? Бірер сөзбен жазыңыз ({ $max } таңбаға дейін) — маман алдын ала дайындала алады. Бұл міндетті емес: «Өткізіп жіберу» батырмасын басуға болады.
consult-ask-topic-private =
    Не туралы сөйлесетініңізді алдын ала жазғыңыз келе ме? <b>Бұл міндетті емес.</b>
    Тақырыпты тек сіздің маманыңыз көреді, басқа ешкім көрмейді. { $max } таңбаға дейін. «Өткізіп жіберу» батырмасын басып, бәрін кездесуде айтып беруге де болады.
consult-topic-invalid = Тақырыпты бірер сөзбен жазыңыз немесе «Өткізіп жіберу» батырмасын басыңыз.
consult-summary =
    <b>Жазылуды тексеріңіз:</b>

    { $details }

    Бәрі дұрыс па?
consult-button-confirm = ✅ Растау
consult-booked =
    ✅ <b>Сіз жазылдыңыз!</b>

    { $details }

    Кеңес туралы алдын ала еске саламыз. Жазылудан бас тартуға немесе оны ауыстыруға «Менің жазылуларым» бөлімінде болады.
consult-online-how = 💻 Белгіленген уақытта маман сізге осы жерде, Telegram-да жазады.
consult-online-no-username = Telegram-да пайдаланушы атыңыз жоқ: маман сізге жаза алуы үшін жеке хабарламаларды жаппаңыз.
consult-slot-taken = Кешіріңіз, бұл уақытты жаңа ғана басқа біреу алып қойды. Міне, ең жақын бос уақыттар — ыңғайлысын таңдаңыз:
consult-slot-taken-none = Кешіріңіз, бұл уақытты жаңа ғана басқа біреу алып қойды, ал басқа бос уақыт әзірге жоқ. Басқа ауданды немесе «Кез келген орталық» батырмасын таңдап көріңіз.
appointment-overlap =
    ⚠️ Бұл уақытта сізде басқа жазылу бар:
    { $what } — { $day }, { $start }–{ $end }

    Бір уақытта екі жерде бола алмайсыз. { $then ->
        [session] Басқа кездесуді таңдаңыз.
       *[time] Басқа уақытты таңдаңыз.
    }
appointment-overlap-alert = Бұл уақытта басқа жазылуыңыз бар
appointment-consultation = Кеңес: { $service }
appointment-teatalk = Tea talk клубының кездесуі
consult-details =
    📅 { $day }, { $time }
    🧑‍💼 { $service }
    📍 { $place }
    { $mode }
consult-details-topic = 📝 Тақырып: { $topic }
consult-place = { $center }, { $address }
consult-place-address-unknown = { $center } (орталықтың мекенжайы нақтыланып жатыр)
consult-ics-summary = Кеңес: { $service }
consult-ics-caption = 📎 Күнтізбеге арналған файл: кеңесті күнтізбеңізге қосу үшін оны ашыңыз.
consult-ics-online = Онлайн

## My bookings

bookings-none-upcoming = Алдағы кеңестеріңіз жоқ. Дәл қазір жазылуға болады:
bookings-upcoming-title = <b>Алдағы кеңестеріңіз ({ $count })</b>
bookings-status-line = Күйі: { $status }
bookings-status-confirmed = расталды
bookings-status-cancelled = бас тартылды
bookings-status-attended = өтті
bookings-status-no_show = келмедіңіз
bookings-status-rescheduled = ауыстырылды
bookings-past-title = <b>Өткен және бас тартылған жазылулар</b>
bookings-past-line = • { $day }, { $time } — { $service }, { $center }, { $mode }: { $status }
bookings-button-calendar = 📅 Күнтізбеге
bookings-button-reschedule = 🔁 Ауыстыру
bookings-button-cancel = ✖️ Жазылудан бас тарту
bookings-cancel-confirm =
    Бұл жазылудан бас тартасыз ба?

    { $details }

    Уақыт босайды, оны басқа біреу ала алады.
bookings-button-cancel-yes = Иә, бас тартамын
bookings-button-keep = Жоқ, қалдырамын
bookings-cancelled = Жазылудан бас тарттыңыз, бұл уақыт енді басқалар үшін бос. Қажет болса, «Кеңестер» бөлімінде қайта жазыла аласыз.
bookings-cancelled-alert = Жазылудан бас тартылды
bookings-kept = Жақсы, жазылу сақталды.
bookings-not-found = Сізде мұндай жазылу жоқ. Күшіндегі жазылуларыңыз — «Менің жазылуларым» бөлімінде.
bookings-not-found-alert = Жазылу табылмады
bookings-not-active = Бұл жазылудан бас тартылған, ол ауыстырылған немесе уақыты өтіп кеткен, сондықтан оны өзгерту мүмкін емес. Күшіндегі жазылуларыңыз — «Менің жазылуларым» бөлімінде.
bookings-not-active-alert = Жазылу енді күшінде емес
bookings-reschedule-ask-day =
    <b>Жазылуды ауыстыру</b>

    Қазіргі жазылу:
    { $details }

    Жаңа күнді таңдаңыз. Жаңасын растағанша ескі жазылу күшінде қалады.
bookings-reschedule-no-slots = Өкінішке қарай, алдағы { $days } күнде ауыстыруға бос уақыт жоқ.
bookings-reschedule-summary =
    <b>Жазылуды ауыстырайық па?</b>

    Бұрын:
    { $old }

    Енді:
    { $new }
bookings-button-reschedule-confirm = ✅ Ауыстыру
bookings-rescheduled =
    ✅ <b>Жазылу ауыстырылды.</b>

    { $details }

    Жаңа уақыт туралы алдын ала еске саламыз.
bookings-reschedule-kept = Жақсы, жазылу бұрынғыдай қалды.
bookings-ics-moved-caption = 📎 Күнтізбеге арналған файл: оны ашсаңыз, күнтізбеңіздегі кеңес жаңа уақытқа ауысады.
bookings-ics-cancelled-caption = 📎 Күнтізбеге арналған файл: бас тартылған кеңесті күнтізбеңізден алып тастау үшін оны ашыңыз.

## Reminders, feedback and the practice nudge

reminders-booking = ⏰ Еске салу: { $when } — { $service }, { $place }.
reminders-when-tomorrow = ертең сағат { $time }
reminders-when-today = бүгін сағат { $time }
reminders-when-in-hours = { $hours } сағаттан кейін, сағат { $time }
reminders-when-in-minutes = { $minutes } минуттан кейін, сағат { $time }
reminders-when-date = { $day }, сағат { $time }
reminders-online = онлайн
reminders-button-coming = ✅ Келемін
reminders-button-cancel = ✖️ Жазылудан бас тарту
reminders-button-reschedule = 🔁 Уақытын ауыстыру
reminders-coming-alert = Рақмет!
reminders-coming-thanks = Растағаныңызға рақмет! Сізді күтеміз: { $when }.
reminders-not-active = Бұл жазылу енді күшінде емес: одан бас тартылған, ол басқа уақытқа ауыстырылған немесе өтіп кеткен. Барлық жазылуларыңыз — «Менің жазылуларым» бөлімінде.
reminders-cancelled-by-staff = ❌ Кеңесіңіз өтпейді: { $service }, { $when }. Маман сізді қабылдай алмайды, кешірім сұраймыз. Өзіңізге ыңғайлы басқа уақытты таңдаңыз.
reminders-cancelled-free-times = Ең жақын бос уақыт — бірден жазылу үшін басыңыз:
reminders-rebook-taken = Кешіріңіз, бұл уақыт бос емес. Басқа уақытты таңдаңыз.
reminders-button-book-again = 🗓 Басқа уақыт таңдау
feedback-ask =
    Кеңес қалай өтті? { $service }, { $day }.
    Оны 1-ден 5-ке дейін бағалаңыз (5 — өте жақсы): осылайша орталықтар не жақсы екенін және нені жақсарту керек екенін біледі.
feedback-thanks-alert = Бағаңызға рақмет!
feedback-ask-comment = Бірер сөз қосқыңыз келе ме: не ұнады, нені жақсартуға болады? { $max } таңбаға дейін жазыңыз немесе «Өткізіп жіберу» батырмасын басыңыз.
feedback-comment-invalid = Пікіріңізді { $max } таңбадан аспайтын мәтінмен жазыңыз немесе «Өткізіп жіберу» батырмасын басыңыз.
feedback-comment-saved = Рақмет! Пікіріңіз сақталды.
feedback-comment-skipped = Жақсы, пікірсіз. Бағаңызға рақмет!
feedback-not-yours = Бұл батырма сіздің жазылуларыңызға қатысты емес.
feedback-not-held = Бұл кеңес өткізілмеді, сондықтан оны бағалау мүмкін емес.
feedback-too-early = Кеңесті ол аяқталғаннан кейін бағалауға болады.
feedback-already-given = Сіз бұл кеңесті бағалап қойдыңыз. Рақмет!
nudge-text = ☕ Қазақ тілінде бес минут жаттығайық па? Күн сайын аздап жаттықсаңыз, сөздер өздігінен есте қалады.
nudge-button-practice = 🗣 Жаттығуға өту
nudge-choose =
    ☕ Қазақ тілінде жаттығу туралы күнделікті еске салу.
    Уақытты таңдаңыз (Алматы уақытымен): бот күніне бір рет еске салады. Оны кез келген уақытта өшіруге болады.
nudge-button-off = 🔕 Еске салмау
nudge-profile-button-on = ☕ Қазақша жаттығу: { $time }
nudge-profile-button-off = ☕ Қазақша жаттығу туралы еске салу
nudge-saved = Еске салу уақыты: күн сайын сағат { $time }.
nudge-turned-off = Жаттығу туралы еске салу өшірілді.
nudge-notifications-off = Қазір хабарландырулар өшірулі, сондықтан еске салу келмейді. Оларды профильде қосыңыз.

## Kazakh practice

practice-welcome =
    🗣 Қазақ тілінде жаттығу: күніне бірнеше минут — карточкалар, тесттер және жазу. Сөзді ұмыта бастағаныңызда, бот оны қайталауды өзі ұсынады.

    Алдымен — деңгейіңізді анықтайтын қысқа тест. Оны өткізіп жіберіп, ең оңай сөздерден бастауға да болады.
practice-placement-intro = 🎯 Деңгейді анықтау: { $total } қысқа сұрақ — сөздің аудармасын таңдаңыз. Нәтижесіне қарай бот жаңа сөздерді өзіңізге лайықтап іріктеп береді.
practice-button-placement-go = ▶️ Тестті бастау
practice-placement-step = Сұрақ { $n }/{ $total }
practice-placement-result = Дайын! Дұрыс жауаптар: { $correct }/{ $total }. Сіздің деңгейіңіз: { $level }. Тестті кез келген уақытта қайта тапсыруға болады.
practice-placement-skipped = Жақсы, ең оңай сөздерден бастайық. Деңгейді анықтайтын тестті кейін тапсыруға болады.
practice-placement-kept = Жақсы, деңгейіңіз өзгермейді: { $level }.
practice-level-1 = бастапқы
practice-level-2 = орта
practice-level-3 = жоғары
practice-home =
    🗣 <b>Қазақ тілінде жаттығу</b>
    Деңгей: { $level }
    Үйреніп жүрген сөздеріңіз: { $seen }, оның ішінде меңгергеніңіз: { $learned }
    Үзіліссіз жаттығу: қатарынан { $streak } күн
    Қайталау уақыты келген сөздер: { $due }, бүгінгі жаңа сөздер: { $fresh }
practice-button-start = ▶️ Жаттығуды бастау
practice-button-placement = 🎯 Деңгейді анықтау
practice-button-pace = ⚙️ Күніне жаңа сөз: { $n }
practice-pace-choose = Күніне қанша жаңа сөз үйренгіңіз келеді? Бұл қайталауға әсер етпейді: бот қайталау уақыты келген сөздердің бәрін көрсетеді.
practice-pace-saved = Сақталды: күніне { $n } жаңа сөз.
practice-session-start = Бастадық! Тапсырмалар саны: { $total } (қайталау: { $due }, жаңа: { $fresh }). Аяқтау үшін «⏹ Аяқтау» батырмасын басыңыз немесе /cancel жіберіңіз.
practice-step = <b>{ $n }/{ $total }</b>
practice-flashcard-front =
    🃏 <b>{ $kk }</b>
    Мағынасын есіңізге түсіріп, «Көрсету» батырмасын басыңыз.
practice-flashcard-new =
    🆕 Жаңа сөз: <b>{ $kk }</b>
    Мағынасын болжап көріңіз де, «Көрсету» батырмасын басыңыз.
practice-button-show = 👀 Көрсету
practice-flashcard-back =
    { $item }

    Қаншалықты оңай есіңізге түсті?
practice-rate-again = 🔁 Қайтадан
practice-rate-hard = 😓 Қиын
practice-rate-good = 🙂 Жақсы
practice-rate-easy = 😎 Оңай
practice-button-stop = ⏹ Аяқтау
practice-item =
    <b>{ $kk }</b> — { $ru }
    <i>{ $exampleKk }</i>
    { $exampleRu }
practice-choice-kk-ru = <b>{ $kk }</b> — орысша қалай болады?
practice-choice-ru-kk = «{ $ru }» қазақша қалай болады?
practice-right =
    ✅ Дұрыс!
    { $item }
practice-wrong =
    ❌ Дәл емес. Дұрыс жауап:
    { $item }
practice-typed =
    ✍️ Қазақша жазыңыз: «{ $ru }»
    Қазақша пернетақта жоқ па? Орыс әріптерімен жаза беріңіз: ә орнына а, қ орнына к және т.б.
practice-button-dont-know = 🤷 Білмеймін
practice-answer-shown =
    Дұрысы былай:
    { $item }
practice-typed-lookalike = ✅ Дұрыс! Жазылуы: <b>{ $kk }</b> — { $slips }.
practice-slip = { $typed } емес, { $right }
practice-session-done = 🎉 Жаттығу аяқталды! Есте қалғаны: { $remembered }/{ $total }.
practice-session-stopped = Жақсы, осымен тоқтайық. Барлық жауабыңыз сақталды.
practice-nothing-due = Қазір қайталайтын сөз жоқ, бүгінгі жаңа сөздер де өтілді. Кейінірек кіріп көріңіз!
practice-phrase-of-the-day =
    💬 Бүгінгі сөз тіркесі:
    { $item }

## Events

event-category-festival = Фестиваль
event-category-concert = Концерт
event-category-sport = Спорт
event-category-education = Оқу
event-category-volunteering = Еріктілік
event-category-teatalk = Tea talk
events-period-all = алдағы ай
events-period-today = бүгін
events-period-tomorrow = ертең
events-period-weekend = демалыс күндері
events-all-categories = Барлық санаттар
events-all-districts = Барлық аудандар
events-list-title =
    <b>🎉 Іс-шаралар мен фестивальдер</b>
    📂 { $category } · 📍 { $district } · 📅 { $period }
events-list-line =
    <b>{ $n }. { $title }</b>
    { $category } · { $day }, { $time }
    📍 { $place }, { $district } · 🪑 { $seats }
events-list-empty = Бұл таңдау бойынша әзірге іс-шара жоқ. Басқа санатты, ауданды немесе күндерді таңдап көріңіз.
events-list-hint = Толығырақ білу және жазылу үшін іс-шараның нөмірін басыңыз.
events-list-page = { $page }-бет, барлығы { $pages } бет
events-seats-free = бос орын: { $free }
events-seats-open = орын саны шектелмеген
events-seats-waitlist = орын жоқ, күту тізімі бар
events-button-prev = ◀️ Алдыңғы
events-button-next = Келесі ▶️
events-button-category = 📂 { $category }
events-button-district = 📍 { $district }
events-button-period = 📅 { $period }
events-button-my = 📋 Іс-шараларым
events-button-to-list = 🎉 Іс-шаралар тізіміне
events-choose-category = Қандай іс-шараларды көрсетейік?
events-choose-district = Қай ауданның іс-шараларын көрсетейік?
events-choose-period = Қай күндердің іс-шараларын көрсетейік?
events-details =
    <b>{ $title }</b>
    🏷 { $category }
    📅 { $day }, { $time }
    📍 { $place } ({ $district })
events-card-address = 🗺 Мекенжайы: { $address }
events-card-organiser = 👤 Ұйымдастырушы: { $host }
events-card-seats-of = 🪑 Бос орын: { $free } (барлығы { $capacity })
events-card-seats-open = 🪑 Орын саны шектелмеген
events-card-seats-full = 🪑 Орын жоқ — күту тізіміне жазылуға болады (күтіп тұрғандар: { $waiting })
events-card-closed = Жазылу жабық: іс-шара басталарға бір сағат қалғанда ол жабылады.
events-card-cancelled = ❌ Бұл іс-шара өткізілмейді.
events-status-confirmed = ✅ Сіз жазылдыңыз.
events-status-waitlisted = ⏳ Сіз күту тізіміндесіз, кезектегі нөміріңіз: { $position }.
events-status-offered = 🎉 Сізге орын босады! Оны мына уақытқа дейін растаңыз: { $deadline }.
events-button-join = ✍️ Жазылу
events-button-join-waitlist = ⏳ Күту тізіміне жазылу
events-button-cancel = ✖️ Жазылудан бас тарту
events-button-accept = ✅ Келемін, орын менікі
events-button-decline = Келе алмаймын
events-button-cannot-come = ✖️ Келе алмаймын
events-button-calendar = 📅 Күнтізбеге қосу
events-button-map = 🗺 Картада
events-joined = ✅ Сіз «{ $title }» іс-шарасына жазылдыңыз! Сізді күтеміз: { $when }, { $place }. Іс-шара туралы алдын ала еске саламыз.
events-joined-alert = Сіз жазылдыңыз
events-waitlisted =
    Әзірге бос орын жоқ, сондықтан сіз күту тізіміне қосылдыңыз — кезектегі нөміріңіз: { $position }.
    Орын босаса, батырмасы бар хабарлама жібереміз: орынды көрсетілген мерзімге дейін растаңыз, әйтпесе ол кезектегі келесі адамға өтеді.
events-waitlisted-alert = Сіз күту тізіміндесіз
events-already-confirmed = Сіз бұл іс-шараға жазылып қойғансыз.
events-already-waitlisted = Сіз бұл іс-шараның күту тізіміне жазылып қойғансыз, кезектегі нөміріңіз: { $position }.
events-already-offered = Бұл іс-шарада сізге орын сақталып тұр — оны ұсыныс хабарламасындағы батырмамен немесе «Іс-шараларым» бөлімінде растаңыз.
events-closed = Бұл іс-шараға жазылу жабық: ол өтіп кеткен, өткізілмейтін болған немесе басталуына бір сағаттан аз уақыт қалған.
events-closed-alert = Жазылу жабық
events-not-found = Мұндай іс-шара жоқ — кестеден алынып тасталған болуы мүмкін.
events-not-found-alert = Іс-шара табылмады
events-my-title = <b>Іс-шараларға жазылуларыңыз: { $count }</b>
events-my-none = Алдағы іс-шараларға жазылуыңыз жоқ.
events-cancel-confirm =
    Жазылудан бас тартасыз ба?

    { $details }
events-button-cancel-yes = Иә, бас тартамын
events-button-keep = Жоқ, қалдырамын
events-cancelled = Жазылудан бас тарттыңыз. Алдын ала хабарлағаныңызға рақмет!
events-cancelled-alert = Жазылудан бас тартылды
events-kept = Жақсы, жазылуыңыз сақталды.
events-signup-not-found = Сізде мұндай жазылу жоқ. Жазылуларыңыз — «Іс-шараларым» бөлімінде.
events-signup-not-active = Бұл жазылу енді күшінде емес: одан бас тартылған, іс-шара өткізілмейтін болған немесе басталып кеткен.
events-offer =
    🎉 Іс-шарада орын босады!

    { $details }

    Орын сіз үшін мына уақытқа дейін сақталады: { $deadline }. Келесіз бе?
events-offer-accepted = ✅ Орын сіздікі! Сізді күтеміз: { $when }, { $place }.
events-offer-accepted-alert = Орын сіздікі
events-offer-declined = Жақсы, орын кезектегі келесі адамға берілді. Жауап бергеніңізге рақмет!
events-offer-expired = Ұсыныстың мерзімі өтіп кетті, орын кезектегі келесі адамға берілді. Басқа іс-шараны таңдауға болады.
events-offer-expired-alert = Ұсыныстың мерзімі өтті
events-offer-not-active = Бұл ұсыныс енді жарамсыз.
events-reminder =
    ⏰ Еске салу: іс-шара { $when }.

    { $details }

    Келе алмасаңыз, жазылудан бас тартыңыз — орын кезекте күтіп тұрған адамға беріледі.
events-ics-caption = Күнтізбе файлы: іс-шараны күнтізбеге қосу үшін оны ашыңыз.
events-ics-cancelled-caption = Күнтізбе файлы: бас тартылған жазылуды күнтізбеден алып тастау үшін оны ашыңыз.

## Tea talk

teatalk-menu =
    ☕ <b>Tea talk</b> — жастар орталықтарында шай үстінде қазақша сөйлесу клубтары. Өз деңгейіңізге сай кездесуге келіңіз: алғашқы сөз тіркестерінен еркін әңгімеге дейін. Қатысу тегін.

    Ал кездесулердің арасында осы жерде, чатта жаттыға аласыз.
teatalk-button-clubs = ☕ Tea talk клубтары
teatalk-button-practice = 🗣 Қазақ тілінде жаттығу
teatalk-button-my = 📋 Клубқа жазылуларым
teatalk-level-beginner = Бастапқы деңгей
teatalk-level-intermediate = Орта деңгей
teatalk-level-advanced = Жоғары деңгей
teatalk-filter-all = барлығы
teatalk-all-districts = Барлық аудандар
teatalk-all-levels = Барлық деңгейлер
teatalk-choose-district = Қай ауданның кездесулерін көрсетейін?
teatalk-choose-level = Сізге қай деңгей сай келеді?
teatalk-button-district = 📍 Аудан: { $district }
teatalk-button-level = 📶 Деңгей: { $level }
teatalk-button-prev = ◀️ Алдыңғы
teatalk-button-next = Келесі ▶️
teatalk-list-title =
    <b>☕ Алдағы { $days } күндегі tea talk клубтары</b>
    Аудан: { $district } · деңгей: { $level }
teatalk-list-line =
    <b>{ $n }. { $day }, { $time }</b>
    { $center } · { $level }
    «{ $topic }» · { $seats }
teatalk-list-empty = Бұл таңдау бойынша әзірге кездесу жоқ. Басқа ауданды немесе деңгейді таңдап көріңіз.
teatalk-list-hint = Толығырақ білу және жазылу үшін кездесудің нөмірін басыңыз.
teatalk-list-page = { $page }-бет, барлығы { $pages } бет
teatalk-seats-free = бос орын: { $free }
teatalk-seats-waitlist = орын жоқ, күту тізімі бар
teatalk-card-title = <b>☕ Tea talk</b>
teatalk-details =
    🗓 { $day }, { $time }
    📍 { $center }, { $district }
    📶 { $level }
    💬 «{ $topic }»
teatalk-host-line = 👤 Жүргізуші: { $host }
teatalk-seats-of = Бос орын: { $free } (барлығы { $capacity })
teatalk-seats-full = Орын жоқ — күту тізіміне жазылуға болады (күтіп тұрғандар: { $waiting })
teatalk-card-closed = Жазылу жабық: кездесу басталарға бір сағат қалғанда ол жабылады.
teatalk-status-confirmed = ✅ Сіз жазылдыңыз.
teatalk-status-waitlisted = ⏳ Сіз күту тізіміндесіз, кезектегі нөміріңіз: { $position }.
teatalk-status-offered = 🎉 Сізге орын босады! Оны мына уақытқа дейін растаңыз: { $deadline }.
teatalk-button-join = ✍️ Жазылу
teatalk-button-join-waitlist = ⏳ Күту тізіміне жазылу
teatalk-button-cancel = ✖️ Жазылудан бас тарту
teatalk-button-accept = ✅ Келемін, орын менікі
teatalk-button-decline = Келе алмаймын
teatalk-button-to-list = ☕ Клубтар тізіміне
teatalk-button-cannot-come = ✖️ Келе алмаймын
teatalk-joined = ✅ Сіз жазылдыңыз! Сізді күтеміз: { $when }, { $center }. Кездесу туралы алдын ала еске саламыз.
teatalk-joined-alert = Сіз жазылдыңыз
teatalk-waitlisted =
    Әзірге бос орын жоқ, сондықтан сіз күту тізіміне қосылдыңыз — кезектегі нөміріңіз: { $position }.
    Орын босаса, батырмасы бар хабарлама жібереміз: орынды көрсетілген мерзімге дейін растаңыз, әйтпесе ол кезектегі келесі адамға өтеді.
teatalk-waitlisted-alert = Сіз күту тізіміндесіз
teatalk-already-confirmed = Сіз бұл кездесуге жазылып қойғансыз.
teatalk-already-waitlisted = Сіз бұл кездесудің күту тізіміне жазылып қойғансыз, кезектегі нөміріңіз: { $position }.
teatalk-already-offered = Бұл кездесуде сізге орын сақталып тұр — оны ұсыныс хабарламасындағы батырмамен немесе «Клубқа жазылуларым» бөлімінде растаңыз.
teatalk-closed = Бұл кездесуге жазылу жабық: ол өтіп кеткен, өткізілмейтін болған немесе басталуына бір сағаттан аз уақыт қалған.
teatalk-closed-alert = Жазылу жабық
teatalk-not-found = Мұндай кездесу жоқ — кестеден алынып тасталған болуы мүмкін. Міне, жаңартылған тізім.
teatalk-not-found-alert = Кездесу табылмады
teatalk-my-title = <b>Tea talk клубтарына жазылуларыңыз: { $count }</b>
teatalk-my-none = Алдағы tea talk кездесулеріне жазылуыңыз жоқ.
teatalk-cancel-confirm =
    Жазылудан бас тартасыз ба?

    { $details }
teatalk-button-cancel-yes = Иә, бас тартамын
teatalk-button-keep = Жоқ, қалдырамын
teatalk-cancelled = Жазылудан бас тарттыңыз. Алдын ала хабарлағаныңызға рақмет!
teatalk-cancelled-alert = Жазылудан бас тартылды
teatalk-kept = Жақсы, жазылуыңыз сақталды.
teatalk-signup-not-found = Сізде мұндай жазылу жоқ. Жазылуларыңыз — «Клубқа жазылуларым» бөлімінде.
teatalk-signup-not-active = Бұл жазылу енді күшінде емес: одан бас тартылған немесе кездесу басталып кеткен.
teatalk-offer =
    🎉 Tea talk клубында орын босады!

    { $details }

    Орын сіз үшін мына уақытқа дейін сақталады: { $deadline }. Келесіз бе?
teatalk-offer-accepted = ✅ Орын сіздікі! Сізді күтеміз: { $when }, { $center }.
teatalk-offer-accepted-alert = Орын сіздікі
teatalk-offer-declined = Жақсы, орын кезектегі келесі адамға берілді. Жауап бергеніңізге рақмет!
teatalk-offer-expired = Ұсыныстың мерзімі өтіп кетті, орын кезектегі келесі адамға берілді. Басқа кездесуді таңдауға болады.
teatalk-offer-expired-alert = Ұсыныстың мерзімі өтті
teatalk-offer-not-active = Бұл ұсыныс енді жарамсыз.
teatalk-reminder =
    ⏰ Еске салу: tea talk { $when }.

    { $details }

    Келе алмасаңыз, жазылудан бас тартыңыз — орын кезекте күтіп тұрған адамға беріледі.
teatalk-host-none = Бүгін сіз жүргізетін tea talk кездесулері мен іс-шаралар жоқ.
teatalk-host-start = ☕ Сіз tea talk кездесулерін немесе іс-шараларды жүргізесіз. Мұнда бүгінгі кездесулеріңіз бен іс-шараларыңызға кімдер жазылғанын көріп, кімнің келгенін белгілей аласыз. Бұл бөлімді кез келген уақытта /host пәрменімен ашуға болады.
teatalk-host-button-today = ☕ Бүгінгі кездесулерім
teatalk-host-title = <b>☕ Бүгінгі кездесулеріңіз бен іс-шараларыңыз, { $day }</b>
teatalk-host-count = Қатысушылар: { $count } (барлық орын: { $capacity })
teatalk-host-count-open = Қатысушылар: { $count }
teatalk-host-many = Келгендер: { $attended }, келмегендер: { $noShow }, белгіленбегендер: { $waiting }. Төменде белгіленбегендердің алғашқы { $shown } адамы берілген; «Жаңарту» батырмасы келесілерін көрсетеді.
teatalk-host-no-participants = Әзірге ешкім жазылған жоқ.
teatalk-host-participant = { $n }. { $name } — { $status }
teatalk-host-status-confirmed = әлі белгіленбеген
teatalk-host-status-attended = ✅ келді
teatalk-host-status-no_show = ❌ келмеді
teatalk-host-before-start = Кім келгенін кездесу басталған соң белгілеуге болады.
teatalk-host-button-attended = ✅ { $n }
teatalk-host-button-no-show = ❌ { $n }
teatalk-host-button-refresh = 🔄 Жаңарту
teatalk-marked-attended = Белгіленді: { $name } келді.
teatalk-marked-no-show = Белгіленді: { $name } келмеді.
teatalk-mark-already = Белгіленіп қойған: { $status }.
teatalk-mark-not-found = Бұл жазылу сіздің кездесулеріңізге не іс-шараларыңызға қатысты емес.
teatalk-mark-not-started = Кездесу әлі басталған жоқ: белгіні ол басталған соң қоюға болады.
teatalk-mark-not-confirmed = Бұл қатысушы жазылудан бас тартқан.
