## Common

button-back = ⬅️ Назад
button-cancel = ✖️ Отмена
button-skip = Пропустить
button-menu = 🏠 Главное меню
button-signup = ✍️ Зарегистрироваться
stale-button = Эта кнопка устарела. Вот актуальное меню.
stale-button-alert = Кнопка устарела
error-generic = Извините, что-то пошло не так. Попробуйте ещё раз чуть позже.
cancelled = Действие отменено.
nothing-to-cancel = Сейчас нечего отменять.
flow-left = Вы вышли из начатого действия.
need-button = Пожалуйста, выберите вариант кнопкой под сообщением.
need-text = Пожалуйста, ответьте текстом.
command-mid-flow = Сначала ответьте на вопрос выше или отправьте /cancel, чтобы выйти.
text-too-long = Слишком длинный ответ: не больше { $max } символов.
unknown-message = Я не понял сообщение. Если вам нужна помощь прямо сейчас, нажмите 🆘. Остальное — в меню ниже.
need-signup = Для этого нужна регистрация: она займёт пару минут. После неё продолжим с того же места.
continue-after-signup = Готово! Продолжим с того места, где вы остановились:

## Languages

language-kk = Қазақша
language-ru = Русский

## Districts of Almaty

district-alatau = Алатауский район
district-almaly = Алмалинский район
district-auezov = Ауэзовский район
district-bostandyk = Бостандыкский район
district-zhetysu = Жетысуский район
district-medeu = Медеуский район
district-nauryzbay = Наурызбайский район
district-turksib = Турксибский район

## Sign-up

signup-choose-language =
    Сәлеметсіз бе! Здравствуйте! 👋
    Это бот молодёжных комьюнити-центров Алматы.

    Выберите язык общения. Его можно поменять в профиле в любой момент.
signup-overview =
    Молодёжные центры Алматы — бесплатно для всех от 14 до 35 лет:

    🧠 консультации психолога
    ⚖️ юридические консультации
    💼 помощь с работой, профориентация и консультации по предпринимательству
    💻 IT-курсы, языковые курсы, вождение
    ☕ «Tea talk» — практика казахского за чашкой чая
    🤝 волонтёрство, фестивали и мероприятия, студия звукозаписи, коворкинг
    💳 дисконтная карта: транспорт, спорт, культура

    Зарегистрируйтесь, чтобы записываться на консультации и в клубы.
button-signup-start = ✍️ Зарегистрироваться
button-browse = 👀 Пока просто посмотреть
signup-consent =
    <b>Согласие на обработку персональных данных</b>

    В соответствии с Законом РК № 94-V «О персональных данных и их защите».

    <b>Оператор:</b> Управление молодежной политики г. Алматы и молодёжные комьюнити-центры города.
    <b>Цель:</b> запись на консультации, занятия и мероприятия центров, напоминания о них и обезличенная статистика города.
    <b>Какие данные:</b> ваш Telegram ID и имя пользователя в Telegram (если оно есть), имя, возраст, район, номер телефона (если вы его дадите), учитесь ли вы или работаете, отметка о согласии родителей (для 14–17 лет), ваши записи и выбранный язык.
    <b>Хранение:</b> в Казахстане, пока вы не отзовёте согласие. Третьим лицам и за рубеж данные не передаются.
    <b>Как отозвать:</b> команда /deleteme удалит ваши данные сразу; в статистике останутся только обезличенные числа. Команда /mydata пришлёт всё, что о вас хранится.

    Вы согласны?
button-consent-yes = ✅ Даю согласие
button-consent-no = Не даю согласия
signup-consent-declined =
    Без согласия мы не можем вас зарегистрировать. Вы по-прежнему можете смотреть центры, мероприятия и контакты помощи. Передумаете — нажмите /start.
signup-ask-name = Как вас зовут? Напишите имя.
button-use-name = Да, я { $name }
signup-name-invalid = Напишите, пожалуйста, имя буквами: от 2 до { $max } символов.
signup-ask-age = Сколько вам лет? Напишите число.
signup-age-invalid = Напишите возраст числом, например: 19
signup-age-typo = Похоже на опечатку. Напишите, пожалуйста, свой возраст ещё раз, например: 19
signup-too-young =
    Центры работают с молодёжью от 14 лет, поэтому зарегистрироваться пока нельзя.
    Если вам нужна помощь или просто хочется поговорить — звоните на бесплатный телефон доверия для детей и молодёжи <b>150</b> или в контакт-центр <b>111</b>. Мы будем рады видеть вас, когда вам исполнится 14!
signup-too-old =
    Центры работают с молодёжью до 35 лет, поэтому зарегистрироваться здесь нельзя.
    С вопросами о работе и поддержке можно обратиться в контакт-центр <b>111</b> (бесплатно, круглосуточно) или в ЦОН своего района. Расскажите о центрах знакомым от 14 до 35 — им здесь помогут!
signup-ask-guardian = Вам меньше 18 лет. Согласны ли ваши родители или опекун, чтобы вы пользовались услугами центров?
button-guardian-yes = ✅ Да, согласны
button-guardian-no = Нет / не знаю
signup-guardian-declined =
    Для регистрации до 18 лет нужно согласие родителей или опекуна. Поговорите с ними и возвращайтесь: нажмите /start.
    А если нужна помощь прямо сейчас — телефон доверия <b>150</b> бесплатный и анонимный.
signup-ask-district = В каком районе Алматы вам удобнее бывать?
signup-ask-phone =
    Поделитесь номером телефона — по нему центр сможет связаться с вами, если запись изменится. Нажмите «📱 Отправить мой номер» или напишите номер, например: +7 701 123 45 67. Это необязательно.
button-share-phone = 📱 Отправить мой номер
signup-phone-not-own = Нужен именно ваш номер: напишите его или нажмите «Отправить мой номер» либо «{ $none }».
signup-phone-invalid = Не похоже на казахстанский номер. Напишите его так: +7 701 123 45 67 — или нажмите «Отправить мой номер» либо «{ $none }».
signup-phone-saved = Номер сохранён.
signup-phone-skipped = Хорошо, без номера.
signup-ask-occupation = Вы сейчас работаете или учитесь? Это поможет центрам предложить то, что вам нужно.
occupation-work = 💼 Работаю
occupation-study = 🎓 Учусь
occupation-both = Работаю и учусь
occupation-neither = Пока ни то, ни другое
signup-done = Готово, { $name }! Вы зарегистрированы. 🎉
signup-already = Вы уже зарегистрированы, { $name }.

## Services

service-psychologist = Психолог
service-lawyer = Юрист
service-business = Наставник по предпринимательству
service-career = Карьерный консультант

## Main menu

menu-title = Главное меню. Что вас интересует?
menu-consult = 🗓 Консультации
menu-teatalk = ☕ Tea talk и казахский
menu-centers = 📍 Центры
menu-teams = 🤝 Команды
menu-events = 🎉 Мероприятия
menu-card = 💳 Моя карта
menu-bookings = 📋 Мои записи
menu-profile = 👤 Профиль
menu-help = 🆘 Мне нужна помощь

## Profile

profile-title =
    <b>Ваш профиль</b>

    Имя: { $name }
    Возраст: { $age }
    Район: { $district }
    Телефон: { $phone }
    Работа/учёба: { $occupation }
    Язык: { $language }
    Уведомления: { $notifications }
profile-not-set = не указано
profile-notifications-on = включены
profile-notifications-off = выключены
button-edit-name = ✏️ Имя
button-edit-age = ✏️ Возраст
button-edit-district = ✏️ Район
button-edit-phone = ✏️ Телефон
button-edit-occupation = ✏️ Работа/учёба
button-edit-language = 🌐 Язык
button-notifications-on = 🔔 Включить уведомления
button-notifications-off = 🔕 Выключить уведомления
button-remove-phone = Удалить номер
button-mydata = 📦 Мои данные
button-deleteme = 🗑 Удалить мои данные
profile-saved = Сохранено.
profile-phone-removed = Номер удалён.
profile-age-minor-needs-guardian = Для возраста до 18 лет нужно согласие родителей или опекуна. Возраст не изменён.
profile-age-out-of-range = Центры работают с молодёжью от 14 до 35 лет, поэтому такой возраст указать нельзя. Возраст не изменён.

## Privacy

mydata-caption = 📄 Всё, что бот хранит о вас, — в файле, который можно прочитать.
mydata-json-caption = То же самое в машиночитаемом формате (JSON) — например, чтобы перенести данные в другой сервис.
mydata-nothing = Бот ничего о вас не хранит.
mydata-file-title = Ваши данные в боте молодёжных центров Алматы
mydata-file-made = Файл создан: { $when }. Время везде указано по Алматы.
mydata-profile =
    ПРОФИЛЬ
    Telegram ID: { $id }
    Имя: { $name }
    Возраст: { $age }
    Согласие родителей или опекуна: { $guardian }
    Район: { $district }
    Телефон: { $phone }
    Работа/учёба: { $occupation }
    Язык: { $language }
    Уведомления: { $notifications }
    Напоминание о практике казахского: { $nudge }
    Согласие на обработку данных: { $consent }
    Регистрация: { $registered }
    Первое сообщение боту: { $created }
mydata-guardian-given = получено
mydata-guardian-not-needed = не требуется
mydata-consent = { $when } (версия текста { $version })
mydata-bookings-title = КОНСУЛЬТАЦИИ
mydata-booking = • { $when } — { $service }, { $center }, { $mode }: { $status }
mydata-booking-topic = Тема: { $topic }
mydata-booking-score = Ваша оценка: { $score } из 5
mydata-booking-comment = Ваш отзыв: { $comment }
mydata-signups-title = TEA TALK И МЕРОПРИЯТИЯ
mydata-signup = • { $when } — { $center }, { $kind }, «{ $topic }»: { $status }
mydata-signup-status-confirmed = вы записаны
mydata-signup-status-waitlisted = в листе ожидания
mydata-signup-status-offered = вам предложено место
mydata-signup-status-cancelled = запись отменена
mydata-signup-status-attended = вы пришли
mydata-signup-status-no_show = вы не пришли
mydata-teams-title = КОМАНДЫ
mydata-team = • { $team }, заявка от { $when }: { $status }
mydata-team-message = Ваше сообщение координатору: { $message }
mydata-team-status-requested = ждёт ответа координатора
mydata-team-status-member = вы в команде
mydata-team-status-declined = заявка отклонена
mydata-team-status-left = вы вышли из команды (или отозвали заявку)
mydata-practice-title = ПРАКТИКА КАЗАХСКОГО
mydata-practice-settings = Уровень: { $level }; новых слов в день: { $pace }; тест на уровень: { $placement }
mydata-placement-done = пройден
mydata-placement-skipped = пропущен
mydata-practice-answers = Ответов в упражнениях: { $count }; последний: { $last }
mydata-practice-words = Слова в изучении:
mydata-practice-word = • { $kk } — { $ru }: следующее повторение { $next }
mydata-practice-word-learned = • { $kk } — { $ru } (выучено): следующее повторение { $next }
mydata-card-title = МОЛОДЁЖНАЯ КАРТА
mydata-card = Номер: { $number }; выпуск № { $issue } от { $issued }; действует до { $until }
mydata-card-revoked = Карта отозвана администратором { $date }
mydata-card-check = • { $when } — { $partner }: { $result }
mydata-card-check-valid = карта действительна
mydata-card-check-invalid = карта недействительна
mydata-none = нет
deleteme-confirm =
    Удалить все ваши данные? Имя, возраст, район, телефон и записи будут стёрты без возможности восстановления; в статистике останутся только обезличенные числа.
deleteme-cancels =
    Вместе с данными будут отменены ваши предстоящие записи: специалисты узнают об отмене, а места в клубах перейдут тем, кто ждёт в очереди.
    { $items }
deleteme-booking-item = • { $day }, { $time } — { $service }, { $center }
deleteme-teatalk-item = • { $day }, { $time } — tea talk, { $center }
deleteme-event-item = • { $day }, { $time } — { $title }, { $center }
button-deleteme-yes = 🗑 Да, удалить
button-deleteme-no = Нет, оставить
deleteme-done = Ваши данные удалены. Спасибо, что были с нами! Чтобы вернуться, нажмите /start.
deleteme-kept = Хорошо, ничего не удалено.

## Help

help-crisis =
    <b>Если вам плохо прямо сейчас — вы не одни.</b>

    📞 <b>150</b> — телефон доверия для детей и молодёжи (бесплатно, анонимно)
    📞 <b>111</b> — контакт-центр по защите прав семьи, женщин и детей: психологическая и юридическая помощь, бесплатно, круглосуточно, можно написать
    🚑 <b>112</b> — экстренная служба, если есть угроза жизни

    В центрах можно бесплатно записаться к психологу: раздел «Консультации».
crisis-detected =
    Мне очень жаль, что вам сейчас так тяжело. Пожалуйста, поговорите с живым человеком прямо сейчас — это бесплатно:

## Commands

command-start = Начать
command-menu = Главное меню
command-profile = Мой профиль
command-help = Помощь и телефоны доверия
command-mydata = Мои данные
command-deleteme = Удалить мои данные
command-cancel = Отменить действие
command-staff = Кабинет специалиста
command-host = Мои встречи tea talk сегодня
command-team = Заявки в мою команду
command-invite = Пригласить специалиста
command-admin = Администрирование

## Sandbox: the web page for trying the bot without Telegram (the page's own words)

sandbox-title = Попробовать бота Jastar без Telegram
sandbox-clock = Время в Алматы:
sandbox-plus-hour = +1 час
sandbox-plus-day = +1 день
sandbox-next-reminder = До следующего напоминания
sandbox-nothing-planned = Запланированных сообщений пока нет.
sandbox-add-person = Добавить человека
sandbox-person-name = Имя
sandbox-message-placeholder = Напишите сообщение
sandbox-send = Отправить
sandbox-role-youth = Молодой участник
sandbox-role-specialist = Специалист
sandbox-role-admin = Администратор
sandbox-role-partner = Партнёр карты
sandbox-role-coordinator = Координатор команды
sandbox-role-guest = Новый человек
sandbox-guest-name = Гость { $n }
sandbox-choose-place = Где вы сейчас?
sandbox-open-link-as = Кто открывает ссылку?
sandbox-cancel = Отмена
sandbox-edited = изменено
sandbox-download = Скачать файл
sandbox-scan-qr = 📷 Сканировать QR-код
sandbox-no-qr = На этом фото QR-код не найден.
sandbox-place-republic-square = Площадь Республики
sandbox-place-green-bazaar = Зелёный базар
sandbox-place-sairan = Озеро Сайран
sandbox-place-almaty-1 = Вокзал Алматы-1

## Centers

centers-choose-district =
    📍 В каждом районе Алматы работают два молодёжных центра — бесплатно для всех от 14 до 35 лет.
    Выберите район:
centers-district-title = { $district }: выберите центр.
centers-district-empty = { $district }: центры пока не добавлены. Выберите другой район.
centers-card =
    <b>{ $name }</b>
    { $district }

    📍 Адрес: { $address }
    🕒 Часы работы: { $hours }
    📞 Телефон: { $phone }
centers-phone-unknown = уточняется
centers-address-unknown = уточняется
centers-open-24-7 = 🌙 Работает круглосуточно.
centers-services =
    Консультации специалистов (бесплатно):
    { $services }
centers-no-services = Запись к специалистам этого центра через бот пока не открыта.
centers-placeholder = ⚠️ Данные уточняются: точный адрес, телефон, график работы и место на карте администратор добавит позже.
centers-not-found = Такого центра нет в списке — возможно, список изменился. Выберите район заново.
centers-not-found-alert = Центр не найден
centers-button-nearest = 📍 Ближайшие центры
centers-button-book-here = 🗓 Записаться на консультацию здесь
centers-button-book-short = 🗓 Записаться
centers-offers =
    Что есть в центре:
    { $offers }
center-offer-it_courses = IT-курсы
center-offer-language_courses = Языковые курсы
center-offer-driving = Уроки вождения
center-offer-recording_studio = Студия звукозаписи
center-offer-brainstorm_room = Комната для мозговых штурмов
center-offer-coworking = Коворкинг
center-offer-volunteering = Волонтёрство
centers-near-ask = Отправьте свою геопозицию кнопкой ниже — покажу три ближайших центра. Геопозиция нигде не сохраняется.
centers-near-button-share = 📍 Отправить геопозицию
centers-near-button-cancel = ✖️ Отмена
centers-near-got-it = Спасибо, ищу ближайшие центры.
centers-near-title = <b>Ближайшие к вам центры:</b>
centers-near-line = { $n }. { $name } — { $km } км
centers-near-line-approximate = { $n }. { $name } — ≈ { $km } км
centers-near-approximate-note = ≈ — примерно: точный адрес центра ещё уточняется, расстояние посчитано до середины района.
link-button-share = 🔗 Ссылка и QR-код
link-qr-caption-center = QR-код для афиши: открывает в боте карточку «{ $name }».
    { $link }
link-qr-caption-team = QR-код для афиши: открывает в боте карточку команды «{ $name }».
    { $link }
link-qr-caption-event = QR-код для афиши: открывает в боте мероприятие «{ $name }».
    { $link }
link-not-found = Эта ссылка ведёт туда, чего уже нет (или в ней ошибка). Загляните в меню — там всё актуальное.
link-event-cancelled = Мероприятие «{ $title }» ({ $day }) отменено. Другие мероприятия найдёте в меню.
link-event-over = Мероприятие «{ $title }» уже прошло ({ $day }). Что будет дальше — смотрите в меню.

## Centers: administration

catalog-centers =
    <b>Центры</b>
    Выберите центр. ⚠️ — у центра остались временные данные-заглушки.
catalog-center-gone = Этого центра нет в списке.
catalog-center =
    <b>{ $nameRu }</b>
    { $district }

    Название (каз.): { $nameKk }
    Название (рус.): { $nameRu }
    📍 Адрес (каз.): { $addressKk }
    📍 Адрес (рус.): { $addressRu }
    🕒 График (каз.): { $hoursKk }
    🕒 График (рус.): { $hoursRu }
    🌙 Круглосуточно: { $open }
    📞 Телефон: { $phone }
    🗺 Точка на карте: { $point }
catalog-center-stand-ins = ⚠️ — временные данные. Замените их настоящими: когда заменены все, отметка с центра снимается.
catalog-button-name = ✏️ Название
catalog-button-address = 📍 Адрес
catalog-button-hours = 🕒 График
catalog-button-phone = 📞 Телефон
catalog-button-point = 🗺 Точка на карте
catalog-button-24-7-on = 🌙 Включить «круглосуточно»
catalog-button-24-7-off = 🌙 Выключить «круглосуточно»
catalog-button-offers = 🧩 Что есть в центре
catalog-button-specialists = 👥 Специалисты
catalog-offers = <b>{ $center }</b>: что есть в центре? Нажмите, чтобы включить или выключить.
catalog-ask-name-kk = Напишите название центра по-казахски (до { $max } символов).
catalog-ask-name-ru = Теперь название по-русски (до { $max } символов).
catalog-name-invalid = Название — от 3 до { $max } символов.
catalog-ask-address-kk = Напишите адрес центра по-казахски: улица и номер дома (до { $max } символов).
catalog-ask-address-ru = Теперь адрес по-русски (до { $max } символов).
catalog-address-invalid = В адресе должны быть улица и номер дома, всего от 5 до { $max } символов.
catalog-ask-hours-kk = Напишите график работы по-казахски, например: «Дүйсенбі–сенбі, 10:00–19:00» (до { $max } символов).
catalog-ask-hours-ru = Теперь график по-русски, например: «Понедельник–суббота, 10:00–19:00» (до { $max } символов).
catalog-hours-invalid = График — от 3 до { $max } символов.
catalog-ask-phone = Напишите номер телефона центра, например: +7 727 123 45 67.
catalog-phone-invalid = Не получилось распознать номер. Напишите казахстанский номер из 11 цифр, начиная с +7 или 8, например: +7 727 123 45 67.
catalog-ask-point = Отправьте место центра на карте: если вы сейчас в центре — кнопкой ниже, иначе выберите точку на карте через 📎 → «Геопозиция». Можно и написать координаты, например: 43.2389, 76.8897.
catalog-button-share-point = 📍 Я в центре — отправить геопозицию
catalog-point-outside = Эта точка за пределами Алматы. Отправьте место центра ещё раз.
catalog-point-unreadable = Не получилось прочитать координаты. Напишите широту и долготу через запятую, например: 43.2389, 76.8897.
catalog-saved = ✅ Сохранено.
catalog-yes = да
catalog-no = нет
catalog-specialists = <b>{ $center }</b>: специалисты. Нажмите на специалиста, чтобы изменить его часы.
catalog-specialists-none = <b>{ $center }</b>: специалистов пока нет.
catalog-specialist-gone = Этого специалиста больше нет в списке.
catalog-button-new-specialist = ➕ Новый специалист
catalog-ask-specialist-name = Как зовут специалиста? Напишите так, как его увидят молодые люди, например «Айгерим С.» (до { $max } символов).
catalog-specialist-name-invalid = Имя — от 2 до { $max } символов, с буквами.
catalog-ask-specialist-service = Какие консультации он ведёт?
catalog-ask-specialist-online = Консультирует ли он и онлайн?
catalog-specialist-added = Специалист { $name } добавлен. Теперь задайте его часы работы: пока их нет, к нему нельзя записаться.
catalog-specialist =
    <b>{ $name }</b>
    { $service } · { $center }
    Онлайн: { $online }
    Привязан аккаунт Telegram: { $linked }

    <b>Часы по дням недели:</b>
    { $week }
catalog-weekday-1 = Понедельник
catalog-weekday-2 = Вторник
catalog-weekday-3 = Среда
catalog-weekday-4 = Четверг
catalog-weekday-5 = Пятница
catalog-weekday-6 = Суббота
catalog-weekday-7 = Воскресенье
catalog-day-off = выходной
catalog-button-dates = 📅 Особые даты
catalog-button-deactivate = 🚫 Убрать из списка
catalog-ask-weekday = { $day }: напишите часы приёма, например «10:00-13:00, 14:00-18:00», или отметьте выходной.
catalog-button-day-off = Выходной
catalog-ranges-invalid = Не получилось прочитать часы. Напишите их так: «10:00-13:00, 14:00-18:00» — каждый промежуток заканчивается позже, чем начинается, и не пересекается с другими.
catalog-bookings-outside =
    { $count ->
        [one] { $count } записанная консультация окажется вне новых часов.
        [few] { $count } записанные консультации окажутся вне новых часов.
       *[many] { $count } записанных консультаций окажутся вне новых часов.
    } Они останутся в силе: при необходимости специалист отменит их сам, и людям предложат другое время.
catalog-button-save-anyway = Всё равно сохранить
catalog-dates = <b>{ $name }</b>: особые даты (вместо обычных часов):
    { $dates }
    Нажмите на дату, чтобы убрать её.
catalog-dates-none = <b>{ $name }</b>: особых дат нет — специалист работает по обычным часам. Добавьте выходной, праздник или другие часы на конкретный день.
catalog-button-new-date = ➕ Добавить дату
catalog-ask-date = Какая дата? Напишите её так: 31.12 или 31.12.2026.
catalog-date-invalid = Не получилось прочитать дату. Напишите день и месяц, например 31.12 — не раньше сегодняшнего дня и не дальше чем через год.
catalog-ask-date-hours = { $day }: выходной или другие часы? Напишите часы, например «10:00-14:00», или отметьте выходной.
catalog-remove-date-confirm = Убрать особую дату { $day }? В этот день снова будут действовать обычные часы.
catalog-button-remove-date = Да, убрать
catalog-deactivate-confirm =
    Убрать { $name } из списка специалистов? К нему больше нельзя будет записаться.
    { $count ->
        [0] Записей на ближайшие дни нет.
        [one] { $count } запись будет отменена — человеку придёт сообщение и предложение другого времени.
        [few] { $count } записи будут отменены — людям придёт сообщение и предложение другого времени.
       *[many] { $count } записей будут отменены — людям придёт сообщение и предложение другого времени.
    }
catalog-button-deactivate-yes = Да, убрать
catalog-specialist-deactivated =
    { $name } больше нет в списке. { $count ->
        [0] Записей не было.
        [one] Отменена { $count } запись, человеку сообщили.
        [few] Отменено { $count } записи, людям сообщили.
       *[many] Отменено { $count } записей, людям сообщили.
    }

## Teams

team-category-ecology = 🌱 Экология
team-category-patriotic = 🇰🇿 Патриотические
team-category-volunteer = 🤲 Волонтёрство
team-category-other = ✨ Другие
teams-title = 🤝 <b>Проектные команды молодёжных организаций</b>, которые работают с центрами. Выберите команду, чтобы узнать о ней и подать заявку.
teams-none = Команд пока нет. Загляните позже.
teams-where-city = весь город
teams-card =
    <b>{ $name }</b>
    { $category } · { $where }

    { $description }
teams-you-are-member = ✅ Вы в этой команде.
teams-you-requested = ⏳ Ваша заявка ждёт ответа координатора.
teams-button-join = 🙋 Вступить в команду
teams-button-leave = 🚪 Выйти из команды
teams-button-withdraw = ↩️ Отозвать заявку
teams-button-card = 🤝 К карточке команды
teams-left = Готово: вы больше не в этой команде.
teams-not-found = Такой команды нет — возможно, она больше не набирает участников.
teams-ask-message =
    Заявка в команду «{ $name }». Напишите пару слов координатору: почему хотите присоединиться, чем можете помочь (до { $max } символов).
    Или нажмите «Пропустить».
teams-message-invalid = Напишите сообщение текстом или нажмите «Пропустить».
teams-request-sent = Заявка в команду «{ $name }» отправлена. Координатор ответит здесь, в боте.
teams-notice-request = 🙋 Новая заявка в команду «{ $team }»: { $name }.
teams-button-accept-notice = ✅ Принять
teams-button-decline-notice = ✖️ Отклонить
teams-notice-accepted = 🎉 Координатор принял вас в команду «{ $team }». Добро пожаловать!
teams-notice-declined = Координатор команды «{ $team }» отклонил заявку. Посмотрите другие команды — возможно, подойдёт одна из них.
teams-notice-closed = Команда «{ $team }» закрылась и больше не набирает участников. Спасибо, что были с ней! Посмотрите другие команды.
teams-button-other-teams = 🤝 Другие команды
teams-manage-title = <b>Команда «{ $name }»</b>
teams-manage-requests = Новые заявки:
teams-manage-no-requests = Новых заявок нет.
teams-manage-members = Участники ({ $count }):
teams-manage-no-members = Участников пока нет.
teams-manage-more = …и ещё { $count }
teams-manage-choose = Какую команду открыть?
teams-button-accept = { $n } · ✅ принять
teams-button-decline = { $n } · ✖️ отклонить
teams-accepted = ✅ { $name } теперь в команде — мы сообщили об этом.
teams-declined = Заявка отклонена: { $name }. Мы сообщили об этом.
teams-request-already-answered = На заявку от { $name } уже ответили.
teams-not-coordinator = Этот раздел для координаторов команд. Если вы координатор, попросите ссылку-приглашение у администратора.

## Discount card

card-caption =
    <b>💳 Молодёжная карта</b>
    Номер: <code>{ $number }</code>
    { $holder }
    Действует до { $until }

    Чтобы получить скидку, покажите QR-код партнёру: он отсканирует его камерой своего телефона.
card-age-band = { $from }–{ $to } лет
card-button-partners = 🤝 Партнёры и скидки
card-button-reissue = 🔄 Перевыпустить
card-reissue-confirm = Перевыпустить карту? Вы получите новый QR-код, а старый перестанет работать. Это нужно, если ваш код мог увидеть или сфотографировать кто-то другой.
card-button-reissue-yes = ✅ Да, перевыпустить
card-button-reissue-no = Нет, не нужно
card-reissued = Готово: карта перевыпущена, старый QR-код больше не действует. Новая карта — ниже.
card-reissue-kept = Хорошо, карта осталась прежней.
card-revoked = Ваша карта № { $number } отозвана администратором { $date }, её QR-код не действует. Если вы считаете, что это ошибка, обратитесь в любой молодёжный центр.
card-partners-title =
    <b>Партнёры и скидки по карте</b>
    Выберите раздел:
card-category-transport = 🚌 Транспорт
card-category-sport = 🏅 Спорт
card-category-culture = 🎭 Культура
card-partners-in-category = <b>{ $category }</b>: партнёры и их скидки
card-partner-line = • <b>{ $name }</b> — { $benefit }
card-partner-line-plain = • <b>{ $name }</b>
card-partners-none = В этом разделе пока нет партнёров.
card-check-valid =
    ✅ <b>Карта действительна</b>
    { $holder }
card-check-invalid =
    ❌ <b>Карта недействительна</b>
    Скидку по ней дать нельзя.
card-check-own = Это ваша собственная карта. Партнёр проверяет её, сканируя QR-код своим телефоном. Действующий код всегда есть в разделе «Моя карта».
card-foreign =
    Это молодёжная карта комьюнити-центров Алматы. По ней молодые люди от 14 до 35 лет получают скидки у партнёров — в транспорте, спорте и культуре. Проверить карту могут только партнёры.

    Хотите свою карту? Зарегистрируйтесь в боте — это займёт пару минут.
card-button-get = 💳 Получить свою карту
card-partner-removed = Партнёрство с «{ $partner }» завершено, поэтому вы больше не проверяете карты. Если это ошибка, обратитесь к администратору.
card-partner-linked =
    Готово! Теперь вы проверяете молодёжные карты для партнёра «{ $partner }».

    Как проверить: наведите камеру телефона на QR-код карты и откройте появившуюся ссылку. Бот покажет, действительна ли карта, имя владельца и его возрастную группу.
card-partner-linked-already = Вы уже проверяете карты для партнёра «{ $partner }» — всё в порядке.
card-admin-usage = Напишите номер карты после команды, например: /card 0001 2345
card-admin-mistyped = В номере ошибка: последняя, контрольная цифра не сходится. Проверьте номер.
card-admin-unknown = Карты с номером { $number } нет.
card-admin-card =
    <b>Карта { $number }</b>
    Владелец: { $holder }
    Выпуск № { $issue } от { $issued }, действует до { $until }
    Проверок у партнёров: { $checks }
    Статус: { $status }
card-admin-status-active = действует
card-admin-status-revoked = отозвана { $date }
card-admin-button-revoke = ⛔ Отозвать карту
card-admin-revoke-confirm = Отозвать карту { $number }? Она перестанет действовать у всех партнёров, а владелец не сможет перевыпустить её сам.
card-admin-button-revoke-yes = Да, отозвать
card-admin-revoked = Карта { $number } отозвана.
card-admin-button-restore = 🔄 Выдать карту заново
card-admin-restored = Карта { $number } снова действует. Старые QR-коды по-прежнему недействительны: новый код владелец увидит в разделе «Моя карта».
card-admin-partners =
    <b>Партнёры молодёжной карты</b>
    Выберите партнёра, чтобы создать ссылку-приглашение для его сотрудников или завершить партнёрство. Здесь же добавляется новый партнёр.
card-admin-partners-none = Партнёров пока нет. Добавьте первого:
card-admin-button-new-partner = ➕ Новый партнёр
card-admin-partner =
    <b>{ $name }</b> · { $category }
    Скидка (на казахском): { $benefitKk }
    Скидка (на русском): { $benefitRu }
    Аккаунтов, проверяющих карты: { $accounts }
card-admin-benefit-none = не указана
card-admin-button-link = 🔗 Ссылка для сотрудника
card-admin-button-remove = 🗑 Завершить партнёрство
card-admin-remove-confirm = Завершить партнёрство с «{ $name }»? Его сотрудники больше не смогут проверять карты, а сам партнёр исчезнет из списка скидок.
card-admin-button-remove-yes = Да, завершить
card-admin-partner-removed = Партнёрство с «{ $name }» завершено.
card-admin-partner-gone = Этого партнёра уже нет в списке.
card-admin-button-ended = ⏸ Завершённые партнёрства ({ $count })
card-admin-ended = <b>Завершённые партнёрства</b>. Выберите партнёра, чтобы возобновить партнёрство.
card-admin-ended-none = Завершённых партнёрств нет.
card-admin-partner-ended = ⏸ Партнёрство завершено: партнёра нет в списке скидок, его сотрудники не проверяют карты.
card-admin-button-reactivate = ▶️ Возобновить партнёрство
card-admin-partner-reactivated = Партнёрство с «{ $name }» возобновлено: он снова в списке скидок.
card-admin-button-category = 🏷 Раздел
card-admin-button-benefits = ✏️ Скидки
card-admin-unchanged = Ничего не изменилось.
card-admin-ask-name = Напишите название партнёра (до { $max } символов) — так его увидят в списке скидок.
card-admin-name-invalid = Название — от 2 до { $max } символов.
card-admin-ask-category = К какому разделу относится партнёр?
card-admin-ask-benefit-kk = Какую скидку партнёр даёт владельцам карты? Напишите по-казахски (до { $max } символов) или пропустите.
card-admin-ask-benefit-ru = Теперь то же самое по-русски (до { $max } символов) или пропустите.
card-admin-partner-added = Партнёр «{ $name }» добавлен.

## Administration
admin-home-city = <b>Администрирование</b>
    Вы администратор города: вам доступны все центры.
admin-home-centers = <b>Администрирование</b>
    Ваши центры: { $centers }.
admin-button-invite = ✉️ Пригласить
admin-button-csv = 📄 Каталог в CSV
csv-home = <b>Каталог в CSV</b>
    Выгрузите файл, поправьте его в таблице и пришлите обратно. Бот сначала проверит каждую строку и покажет, что изменится; применит только после вашего подтверждения и только целиком: если в файле есть хоть одна ошибка, ничего не меняется.
csv-kind-centers = центры
csv-kind-specialists = специалисты
csv-kind-events = мероприятия
csv-button-export = ⬇️ Выгрузить: { $kind }
csv-button-import = ⬆️ Загрузить: { $kind }
csv-export-caption = Каталог, { $kind }: строк — { $count }. Время в файле — алматинское, формат «2026-12-12 18:30».
csv-ask-file = Пришлите CSV-файл ({ $kind }) как документ. Столбцы — как в выгрузке. Чтобы выйти, отправьте /cancel.
csv-not-a-file = Нужен CSV-файл, отправленный документом (скрепка → «Файл»).
csv-file-too-big = Файл слишком большой: не больше { $max } КБ.
csv-file-unreadable = Не получилось прочитать файл: ошибка около строки { $line }. Сохраните таблицу как «CSV UTF-8» и пришлите снова.
csv-file-empty = В файле нет строк с данными: нужна строка заголовков и хотя бы одна строка под ней.
csv-report-rejected = Ничего не применено: ошибок в файле — { $count }. Исправьте их и пришлите файл снова (или /cancel).
csv-report-plan = Проверка файла ({ $kind }): добавится — { $created }, изменится — { $updated }, без изменений — { $unchanged }.
csv-report-nothing = Файл совпадает с каталогом: менять нечего.
csv-line-create = строка { $line }: { $label } — будет добавлено
csv-line-update = строка { $line }: { $label } — изменится: { $columns }
csv-line-problem = { $column ->
    [none] строка { $line }: { $problem }
   *[other] строка { $line }, столбец { $column }: { $problem }
}
csv-more = …и ещё { $count }
csv-button-apply = ✅ Применить
csv-applied = Готово: добавлено — { $created }, изменено — { $updated }.
csv-changed-meanwhile = Пока вы смотрели отчёт, каталог изменился, и файл больше не подходит: ничего не применено.
csv-cancelled = Загрузка отменена, каталог не изменён.
csv-problem-required = значение обязательно
csv-problem-too-long = не длиннее { $max } символов
csv-problem-one-of = одно из: { $values }
csv-problem-yes-no = нужно yes или no
csv-problem-number = нужно число
csv-problem-range = число от { $min } до { $max }
csv-problem-date-time = нужны дата и время вида 2026-12-12 18:30
csv-problem-hours = нужны промежутки вида 10:00-13:00 14:00-18:00, конец позже начала
csv-problem-overrides = нужны даты вида «2026-12-16 off; 2026-12-31 10:00-14:00», каждая дата один раз
csv-problem-hours-overlap = промежутки одного дня пересекаются
csv-problem-center-id = код центра: латинские буквы, цифры и дефис, например almaly-3
csv-problem-phone = номер вида +7 727 123 45 67
csv-problem-level-only-teatalk = уровень указывается только для tea talk
csv-problem-place = укажите center_id или район (district)
csv-problem-end-before-start = конец должен быть позже начала
csv-problem-missing-columns = нет столбцов: { $columns }
csv-problem-unknown-columns = лишние столбцы: { $columns }
csv-problem-too-many-rows = слишком много строк: не больше { $max }
csv-problem-not-yours = это не ваш центр
csv-problem-new-center-city-only = новый центр может добавить только администратор города
csv-problem-unknown-id = такого id нет: новую запись оставьте с пустым id
csv-problem-unknown-center = такого центра нет
csv-problem-has-bookings = у специалиста есть предстоящие записи ({ $count }): сначала отмените их
csv-problem-event-cancelled = мероприятие отменено, его нельзя изменить
csv-problem-past = начало уже прошло
csv-problem-capacity-below-taken = мест меньше, чем уже записалось ({ $taken })
csv-problem-duplicate-id = этот id уже встречался выше
admin-button-partners = 🎫 Партнёры карты
admin-button-teams = 🤝 Команды НКО
admin-saved = ✅ Сохранено.
admin-text-invalid = Нужно от 2 до { $max } символов.
tmadm-list = <b>🤝 Команды НКО</b>. Выберите команду, чтобы изменить её или закрыть, или добавьте новую.
tmadm-list-none = Команд пока нет. Добавьте первую:
tmadm-button-new = ➕ Новая команда
tmadm-button-open = Открыть команду
tmadm-button-list = 🤝 Все команды
tmadm-team =
    <b>{ $nameKk }</b>
    <b>{ $nameRu }</b>
    { $category } · 📍 { $where }
    Координатор: { $coordinator }
    Участников: { $members }
tmadm-coordinator-none = ещё не подключён
tmadm-coordinator-linked = подключён
tmadm-button-names = ✏️ Названия
tmadm-button-descriptions = ✏️ Описания
tmadm-button-category = 🏷 Направление
tmadm-button-place = 📍 Место
tmadm-button-close = ⏹ Закрыть команду
tmadm-close-confirm = Закрыть команду «{ $name }»? Она пропадёт из списка, а участники ({ $count }) и те, кто ждёт ответа на заявку, получат сообщение.
tmadm-button-close-yes = Да, закрыть
tmadm-closed = Команда «{ $name }» закрыта. Сообщение получат: { $count }.
tmadm-ask-name-kk = Напишите название команды на казахском (до { $max } символов).
tmadm-ask-name-ru = Теперь название на русском (до { $max } символов).
tmadm-ask-description-kk = Чем занимается команда? Напишите на казахском (до { $max } символов).
tmadm-ask-description-ru = Теперь то же на русском (до { $max } символов).
tmadm-ask-category = Какое у команды направление?
tmadm-ask-place = В каком центре работает команда?
tmadm-ask-place-city = Где работает команда: в центре, в районе или по всему городу?
tmadm-created = ✅ Команда «{ $name }» добавлена. Чтобы подключить координатора, отправьте ему приглашение.
admin-button-events = 📅 Мероприятия и tea talk
evadm-list = <b>📅 Мероприятия и tea talk</b> впереди. Выберите, чтобы изменить или отменить, или добавьте новое.
evadm-list-none = Впереди пока нет мероприятий. Добавьте первое:
evadm-button-new = ➕ Новое мероприятие
evadm-button-list = 📅 Все мероприятия
evadm-button-open = Открыть мероприятие
evadm-button-manage = ⚙️ Изменить
evadm-button-mine = 📋 Мои мероприятия впереди
evadm-mine = <b>📋 Мероприятия и встречи, которые вы ведёте</b>. Выберите, чтобы изменить или отменить.
evadm-mine-none = Впереди у вас нет мероприятий и встреч.
evadm-event =
    { $details }

    Название (каз.): { $titleKk }
    Название (рус.): { $titleRu }
    👤 Организатор: { $host }
    🪑 { $seats }
evadm-seats-limited = Занято { $taken } из { $capacity }, в листе ожидания: { $waiting }
evadm-seats-open = Записались: { $taken }, без ограничения мест
evadm-host-none = не указан
evadm-no-limit = без ограничения
evadm-button-title = ✏️ Название
evadm-button-description = ✏️ Описание
evadm-button-time = 🕒 Время
evadm-button-capacity = 🪑 Места
evadm-button-place = 📍 Место
evadm-button-host = 👤 Организатор
evadm-button-cancel-event = ❌ Отменить мероприятие
evadm-cancel-confirm =
    Отменить мероприятие?

    { $details }

    Записавшимся ({ $count }) придёт сообщение об отмене.
evadm-button-cancel-yes = Да, отменить
evadm-cancelled = «{ $title }» отменено. Сообщение об отмене получат: { $count }.
evadm-gone = Это мероприятие уже отменено или прошло.
evadm-ask-center = В каком центре пройдёт мероприятие?
evadm-ask-place-city = Где пройдёт мероприятие? Выберите центр или другое место в городе.
evadm-button-venue = 🌳 Другое место в городе
evadm-ask-venue-kk = Напишите название места на казахском (до { $max } символов), например: Парк имени 28 гвардейцев-панфиловцев.
evadm-ask-venue-ru = Теперь название места на русском (до { $max } символов).
evadm-ask-district = В каком районе это место?
evadm-ask-category = Что это за мероприятие?
evadm-ask-level = Для какого уровня казахского эта встреча?
evadm-ask-title-kk = Напишите название на казахском (до { $max } символов).
evadm-ask-title-ru = Теперь название на русском (до { $max } символов).
evadm-ask-description-kk = Опишите мероприятие на казахском (до { $max } символов) или пропустите.
evadm-ask-description-ru = Теперь описание на русском (до { $max } символов) или пропустите.
evadm-ask-start = Когда начало? Напишите дату и время по Алматы, например: 12.12 18:30
evadm-start-unreadable = Не получилось прочитать дату и время. Напишите так: 12.12 18:30
evadm-start-past = Это время уже прошло. Укажите дату и время впереди.
evadm-ask-end = Начало: { $day }, { $time }. Когда конец? Напишите время, например 20:00, или дату и время, если мероприятие закончится в другой день.
evadm-end-unreadable = Не получилось прочитать время. Напишите так: 20:00 или 13.12 11:00
evadm-end-before-start = Конец должен быть позже начала.
evadm-ask-capacity = Сколько мест? Напишите число от 1 до { $max }.
evadm-button-no-limit = Без ограничения
evadm-capacity-invalid = Напишите число от 1 до { $max }.
evadm-ask-host = Кто организатор? Напишите имя или название, как его увидят участники (до { $max } символов), или пропустите.
evadm-ask-host-teatalk = Кто ведёт встречу? Напишите имя, как его увидят участники (до { $max } символов).
evadm-confirm-new =
    Проверьте:

    <b>{ $titleKk }</b>
    <b>{ $titleRu }</b>
    🏷 { $category }
    📍 { $place }
    📅 { $day }, { $time }
    🪑 Мест: { $seats }
    👤 Организатор: { $host }
evadm-button-create = ✅ Создать
evadm-button-save = ✅ Сохранить
evadm-created = ✅ Мероприятие создано.
evadm-confirm-time =
    Новое время: { $day }, { $time }.
    Записавшимся ({ $count }) придёт сообщение об изменении.
evadm-saved-told = ✅ Сохранено. Сообщение об изменении получат: { $count }.
evadm-capacity-below = Нельзя: уже занято мест — { $taken }. Мест должно быть не меньше.
evadm-button-cannot-come = Не смогу прийти
evadm-notice-cancelled =
    ❌ Мероприятие, на которое вы записались, отменено. Приносим извинения.

    { $details }
evadm-notice-changed =
    ✏️ Мероприятие, на которое вы записались, изменилось. Теперь так:

    { $details }
admin-button-people = 👥 Люди и роли
admin-button-audit = 📜 Журнал действий
admin-role-center-admin = Администратор центра
admin-role-specialist = Специалист
admin-role-host = Ведущий встреч
admin-role-coordinator = Координатор команды
admin-role-partner = Сотрудник партнёра карты
admin-people =
    <b>Люди и роли</b>
    С ролью в боте: { $count }. Выберите человека, чтобы посмотреть или отозвать его роль:
admin-people-none =
    <b>Люди и роли</b>
    Пока ни у кого нет роли в боте. Пригласить людей можно в разделе «Пригласить».
admin-person =
    <b>{ $role }</b>
    { $what }
    Человек: { $name }
    Telegram ID: { $id }
admin-person-unnamed = имя не указано (ID { $id })
admin-button-revoke = ⛔ Отозвать роль
admin-revoke-confirm = Отозвать у человека «{ $name }» роль «{ $role }» ({ $what })? Доступ закроется сразу, а человеку придёт сообщение об этом.
admin-button-revoke-yes = Да, отозвать
admin-revoked = Роль «{ $role }» у человека «{ $name }» отозвана.
admin-role-gone = У этого человека уже нет этой роли.
admin-notice-role-revoked = Администратор отозвал вашу роль в боте: «{ $role }» ({ $what }). Если это ошибка, обратитесь к администратору.
admin-audit =
    <b>Журнал действий</b>
    Записей: { $count }, страница { $page } из { $pages }. Сначала новые, время алматинское.
admin-audit-none =
    <b>Журнал действий</b>
    Записей пока нет.
admin-audit-button-export = 📄 Выгрузить в CSV
admin-audit-exported = Журнал действий, записей: { $count }.
admin-button-centers = 🏢 Центры
admin-button-broadcasts = 📣 Рассылки

## Broadcasts
broadcasts-city = <b>Рассылки</b>
    Сообщение молодёжи города: всем или части — по району, языку, возрасту, NEET, людям центра, участникам Tea talk или команде.
broadcasts-centers = <b>Рассылки</b>
    Сообщение людям ваших центров: тем, кто записывался там на консультацию, мероприятие или Tea talk.
broadcast-line = №{ $id } от { $date }: { $state }, отправлено { $sent } из { $total }
broadcast-button-new = ✍️ Новая рассылка
broadcast-button-show = 📊 Ход рассылки №{ $id }
broadcast-state-sending = идёт отправка
broadcast-state-paused = на паузе
broadcast-state-cancelled = отменена
broadcast-state-done = завершена
broadcast-progress = 📣 <b>Рассылка №{ $id }</b>: { $state }
    Отправлено: { $sent }
    Не доставлено: { $failed }
    Заблокировали бота: { $blocked }
    Осталось: { $remaining } из { $total }
broadcast-progress-eta = Осталось времени: около { $minutes } мин.
broadcast-button-pause = ⏸ Пауза
broadcast-button-resume = ▶️ Продолжить
broadcast-button-cancel = ✖️ Отменить
broadcast-button-cancel-yes = Да, отменить рассылку
broadcast-cancel-confirm = Отменить рассылку №{ $id } насовсем? Кто её ещё не получил, уже не получит.
broadcast-cancel-result = Рассылка №{ $id }: { $state }.
broadcast-unchanged = Рассылка уже: { $state }
broadcast-done-pause = Рассылка на паузе
broadcast-done-resume = Рассылка продолжается
broadcast-done-cancel = Рассылка отменена
broadcast-open-event = 🎉 О мероприятии
broadcast-open-center = 🏢 О центре
broadcast-ask-photo = <b>Новая рассылка.</b> Пришлите фото к сообщению или пропустите этот шаг. Выйти: /cancel.
broadcast-photo-invalid = Здесь нужно фото. Пришлите фото или нажмите «Пропустить».
broadcast-ask-text-kk = Текст рассылки на казахском (до { $max } символов) или пропустите: тогда все получат русский.
broadcast-ask-text-ru = Текст рассылки на русском (до { $max } символов). Если оба текста есть, каждый получит свой язык.
broadcast-text-empty = Текст пустой. Напишите сообщение.
broadcast-ask-button = Добавить под сообщением кнопку?
broadcast-button-to-event = 🎉 На мероприятие
broadcast-button-to-center = 🏢 На центр
broadcast-button-none = Без кнопки
broadcast-ask-link-event = Выберите мероприятие:
broadcast-ask-link-center = Выберите центр:
broadcast-no-events = Ближайших мероприятий нет. Можно отправить без кнопки.
broadcast-no-centers = Центров нет. Можно отправить без кнопки.
broadcast-ask-segment = Кому отправить? Получат те, кто дал согласие, не заблокировал бота и не выключил уведомления.
broadcast-segment-everyone = Всем
broadcast-segment-district = По району
broadcast-segment-language = По языку
broadcast-segment-age = По возрасту
broadcast-segment-neet = NEET
broadcast-segment-center = Людям центра
broadcast-segment-teatalk = Участникам Tea talk
broadcast-segment-team = Команде
broadcast-ask-district = Выберите район:
broadcast-ask-language = Выберите язык бота получателей:
broadcast-ask-age = Выберите возраст:
broadcast-age-band = { $band } лет
broadcast-ask-segment-center = Выберите центр. Его люди — те, кто записывался там на консультацию, мероприятие или Tea talk.
broadcast-ask-team = Выберите команду: сообщение получат её участники.
broadcast-no-teams = Команд пока нет. Выйти: /cancel.
broadcast-segment-everyone-about = все
broadcast-segment-neet-about = кто не работает и не учится (NEET)
broadcast-segment-teatalk-about = кто записывался на Tea talk
broadcast-segment-district-of = { $district }
broadcast-segment-language-of = язык бота: { $language }
broadcast-segment-age-of = возраст { $band } лет
broadcast-segment-center-of = люди центра «{ $center }» (записывались там на консультацию, мероприятие или Tea talk)
broadcast-segment-team-of = участники команды «{ $team }»
broadcast-nobody = Получателей нет: { $segment }. Рассылка не создана.
broadcast-summary = <b>Кому:</b> { $segment }
    <b>Получателей:</b> { $count }
    <b>Займёт:</b> около { $minutes } мин. (Telegram позволяет { $rate } сообщений в секунду; ночью, с 22:00 до 09:00, рассылка ждёт утра)
    Ниже — сообщение так, как его получат.
broadcast-ask-confirm = Отправить рассылку { $count } получателям?
broadcast-button-send = 📣 Отправить
broadcast-dropped = Рассылка не отправлена.
admin-button-figures = 📊 Показатели

## Figures
figures-title = <b>📊 Показатели</b>
figures-choose = Выберите отчёт: его можно прочитать здесь, скачать в CSV или посмотреть графиком. Группы меньше 10 человек показаны как «&lt; 10».
figures-centers-headline = Ваши центры: { $centers }.
    С начала года:
    • консультаций (кроме психолога и юриста): { $consultations }, из них состоялось: { $attended }
    • мероприятий: { $events }
    • молодых людей охвачено: { $people }
figures-targets-title = <b>Цели { $year } года</b> (до 31 декабря осталось дней: { $days })
figures-target-consultations = • Консультации (состоявшиеся): { $done } из { $target } ({ $percent }%)
figures-target-events = • Мероприятия (прошедшие): { $done } из { $target } ({ $percent }%)
figures-target-reached = • Охват молодёжи (зарегистрированы в боте): { $done } из { $target } ({ $percent }%)
figures-target-ngos = • Молодёжные НПО в проектных командах: { $done } из { $target } ({ $percent }%)
figures-target-met = цель достигнута ✅
figures-pace = нужно: { $perDay } в день, { $perWeek } в неделю
figures-button-csv = 📄 CSV
figures-button-chart = 📈 График
figures-button-weekly-off = 🔕 Не присылать сводку по понедельникам
figures-button-weekly-on = 🔔 Присылать сводку по понедельникам
figures-weekly-off-done = Сводка по понедельникам отключена.
figures-weekly-on-done = Сводка будет приходить по понедельникам в 09:00.
figures-weekly-title = <b>📊 Сводка за неделю</b>
figures-weekly-signups = Новых регистраций за прошлую неделю: { $people }.
figures-guard-note = * — скрыто, чтобы группу меньше 10 человек нельзя было вычислить из итогов.
figures-more-in-csv = Полная таблица — в файле CSV.
figures-report-consultations = Консультации
figures-report-feedback = Оценки консультаций
figures-report-reach = Охват молодёжи
figures-report-signups = Регистрации
figures-report-events = Мероприятия
figures-report-teatalk = Tea talk
figures-report-practice = Практика казахского
figures-report-cards = Проверки карт
figures-about-consultations = { $year } год. Психолог и юрист — только общим итогом по городу.
figures-about-feedback = { $year } год: число оценок и средняя оценка из 5. Если ответов меньше 10, средняя оценка не показывается.
figures-about-reach = Каждый человек учтён один раз: все зарегистрированные в боте, а для центра — те, кто пришёл к нему на консультацию или записался на его мероприятие в { $year } году.
figures-about-signups = Новые регистрации в боте за 12 недель, с понедельника.
figures-about-events = { $year } год, без отменённых.
figures-about-teatalk = Встречи tea talk { $year } года, без отменённых.
figures-about-practice = Практика казахского языка в боте.
figures-about-cards = { $year } год: проверки карт партнёрами.
figures-section-service = По услугам
figures-section-center = По центрам
figures-section-district = По районам
figures-section-month = По месяцам
figures-section-band = По возрасту
figures-section-occupation = Работа и учёба
figures-section-week = По неделям
figures-section-category = По видам
figures-section-level = По уровням
figures-section-practice = Практика
figures-section-partner = По категориям партнёров
figures-column-section = Раздел
figures-column-row = Строка
figures-column-total = всего
figures-column-attended = пришли
figures-column-no_show = не пришли
figures-column-cancelled = отменены
figures-column-upcoming = предстоят
figures-column-answers = оценок
figures-column-average = средняя оценка
figures-column-people = человек
figures-column-events = мероприятий
figures-column-signed_up = записались
figures-column-checks = проверок
figures-column-valid = действительные
figures-column-invalid = недействительные
figures-column-count = количество
figures-row-total = Итого
figures-row-total-open = Итого (кроме психолога и юриста)
figures-row-unknown = Не указано
figures-row-week = Неделя с { $monday }
figures-row-neet = Не работают и не учатся (NEET)
figures-row-not-neet = Работают или учатся
figures-row-active-week = Занимались за последние 7 дней
figures-row-active-month = Занимались за последние 30 дней
figures-row-streak-week = Занимались каждый из последних 7 дней
figures-row-words = Выученные слова

## Staff

staff-only = Этот раздел — для специалистов центров. Если вы специалист, попросите у администратора ссылку-приглашение.
staff-menu =
    <b>Кабинет специалиста</b>
    { $name } — { $service }, { $center }

    Здесь ваши записи на сегодня и на неделю, отметки о посещении и закрытие времени для записи.
staff-button-today = 📅 Сегодня
staff-button-week = 🗓 Неделя
staff-button-block = ⛔ Закрыть время
staff-button-blocks = 🔓 Закрытое время
staff-button-cancel = ✖️ Отменить консультацию
staff-button-visitor = 👤 Для себя: запись и клубы
staff-choose-language = Выберите язык.
staff-agenda-today-title = <b>Сегодня, { $day }</b>
staff-agenda-week-title = <b>Записи на неделю: { $from } — { $to }</b>
staff-agenda-empty-day = Записей нет.
staff-agenda-week-empty = На ближайшие 7 дней записей нет.
staff-agenda-line = { $time } · { $mode } · { $name } · { $status }
staff-agenda-topic = Тема: { $topic }
staff-mode-in_person = очно
staff-mode-online = онлайн
staff-status-confirmed = ожидается
staff-status-attended = пришёл(ла)
staff-status-no_show = не пришёл(ла)
staff-status-cancelled = отменена
staff-status-rescheduled = перенесена
staff-person-unknown = (данные удалены)
staff-marks-title = Отметьте прошедшие консультации — пришёл ли человек:
staff-button-attended = { $n } · ✅ пришёл(ла)
staff-button-no-show = { $n } · ❌ не пришёл(ла)
staff-button-unmark-n = { $n } · ↩️ снять отметку
staff-button-mark-attended = ✅ Пришёл(ла)
staff-button-mark-no-show = ❌ Не пришёл(ла)
staff-button-unmark = ↩️ Снять отметку
staff-corrections-title = Отметки последних 24 часов — их ещё можно исправить или снять:
staff-marked-attended = Отмечено: { $when } — { $name } пришёл(ла).
staff-marked-no-show = Отмечено: { $when } — { $name } не пришёл(ла).
staff-mark-correctable-until = Исправить или снять отметку можно до { $until }; после этого она окончательная.
staff-unmarked = Отметка снята: { $when } — { $name }. Консультация снова ждёт отметки.
staff-mark-not-found = Такой записи у вас нет.
staff-mark-already = Эта консультация уже отмечена: { $status }.
staff-mark-not-confirmed = Эта запись отменена или перенесена — отмечать нечего.
staff-mark-not-started = Консультация ещё не началась: отметить можно после её начала.
staff-mark-final = Отметка уже окончательная: с неё прошло больше 24 часов, изменить её нельзя.
staff-mark-not-marked = У этой консультации нет отметки — снимать нечего.
staff-not-allowed = Это доступно только администраторам бота.
staff-invite-choose-kind = Кому создать ссылку-приглашение?
staff-invite-kind-center-admin = 🏢 Администратору центра
staff-invite-kind-specialist = 🧑‍💼 Специалисту
staff-invite-kind-host = ☕ Ведущему tea talk
staff-invite-kind-coordinator = 🤝 Координатору команды
staff-invite-kind-partner = 💳 Партнёру карты
staff-invite-choose = Кому создать ссылку-приглашение? Специалисты, ещё не подключённые к боту:
staff-invite-choose-center = Специалистов без подключения: { $count }. Выберите центр:
staff-invite-choose-specialist = { $center }: кому создать ссылку-приглашение?
staff-invite-none = Все специалисты уже подключены к боту.
staff-invite-unknown-specialist = Специалиста с номером { $id } нет.
staff-invite-already-linked = { $name } уже подключён(а) к боту — новая ссылка не нужна.
staff-invite-usage = Напишите /invite, чтобы выбрать из списка специалиста или ведущего tea talk, или /invite и номер специалиста, например: /invite 12
staff-invite-created =
    Ссылка-приглашение для <b>{ $name }</b> ({ $service }, { $center }):
    { $link }

    Ссылка одноразовая, действует до: { $until }. Передайте её специалисту лично.
staff-invite-choose-host = Кому из ведущих tea talk создать ссылку-приглашение? Ведущие, ещё не подключённые к боту, и их ближайшие встречи:
staff-invite-host-none = Ведущие всех предстоящих встреч tea talk уже подключены к боту.
staff-invite-host-gone = Этой встречи уже нет в расписании. Вот обновлённый список ведущих.
staff-invite-host-created =
    Ссылка-приглашение для ведущего tea talk <b>{ $name }</b> ({ $center }):
    { $link }

    Ссылка одноразовая, действует до: { $until }. Передайте её ведущему лично: по ней его аккаунт Telegram подключится ко всем его предстоящим встречам в этом центре (ближайшая — { $next }).
staff-invite-choose-center-admin = Администратору какого центра создать ссылку-приглашение?
staff-invite-center-admin-created =
    Ссылка-приглашение для администратора центра <b>{ $center }</b>:
    { $link }

    Ссылка одноразовая, действует до: { $until }. Передайте её будущему администратору лично: по ней он будет вести дела этого центра в боте (команда /admin).
staff-invite-choose-team = Для какой команды создать ссылку-приглашение координатора? Команды без координатора:
staff-invite-team-none = У всех команд уже есть координатор.
staff-invite-coordinator-created =
    Ссылка-приглашение для координатора команды <b>{ $name }</b>:
    { $link }

    Ссылка одноразовая, действует до: { $until }. Передайте её координатору лично: по ней он будет получать заявки в команду.
staff-invite-partner-created =
    Ссылка-приглашение для сотрудника партнёра <b>{ $name }</b> ({ $category }):
    { $link }

    Ссылка одноразовая, действует до: { $until }. Передайте её лично тому, кто будет проверять карты: открыв её, он сможет сканировать QR-коды карт.
staff-page-prev = ◀️ Предыдущие
staff-page-next = Следующие ▶️
staff-invite-unknown = Такой ссылки-приглашения нет. Проверьте ссылку или попросите у администратора новую.
staff-invite-used = Эта ссылка уже использована. Если это были не вы, сообщите администратору.
staff-invite-expired = Срок действия ссылки истёк. Попросите у администратора новую.
staff-invite-specialist-linked = К этому специалисту уже подключён другой аккаунт Telegram. Обратитесь к администратору.
staff-invite-account-linked = Ваш аккаунт Telegram уже подключён к другому специалисту. Обратитесь к администратору.
staff-invite-host-linked = К встречам этого ведущего уже подключён другой аккаунт Telegram. Обратитесь к администратору.
staff-invite-team-linked = У этой команды уже есть координатор с другим аккаунтом Telegram. Обратитесь к администратору.
staff-invite-no-sessions = У этого ведущего больше нет предстоящих встреч в расписании, поэтому подключать нечего. Обратитесь к администратору.
staff-linked =
    Здравствуйте, { $name }! Ваш аккаунт подключён: { $service }, { $center }.
    Здесь вы увидите свои записи, сможете отмечать, пришёл ли человек, и закрывать время для записи. Кабинет открывается командой /staff. Регистрироваться как посетитель не нужно.
staff-linked-already = Вы уже подключены, { $name }.
staff-host-linked =
    Здравствуйте, { $name }! Ваш аккаунт подключён: вы ведущий tea talk, { $center }.
    Здесь видно, кто записан на ваши встречи, и можно отметить, кто пришёл. Встречи на сегодня открывает команда /host. Регистрироваться как посетитель не нужно.
staff-host-linked-already = Вы уже подключены как ведущий tea talk, { $name }: { $center }.
staff-center-admin-linked = Готово: вы администратор центра «{ $center }». Все разделы открывает команда /admin.
staff-center-admin-linked-already = Вы уже администратор центра «{ $center }».
staff-coordinator-linked = Готово: вы координатор команды «{ $name }». Заявки будут приходить сюда; список — по команде /team.
staff-coordinator-linked-already = Вы уже координатор команды «{ $name }».
staff-block-no-days = В ближайшие две недели у вас нет рабочих часов — закрывать нечего.
staff-block-ask-date = На какой день закрыть время для записи? Ваши рабочие дни на ближайшие две недели:
staff-block-ask-start = { $day }. С какого времени закрыть? Выберите кнопкой или напишите время, например: 14:30.
staff-block-start-invalid = Напишите время начала в формате ЧЧ:ММ, например: 14:30.
staff-block-ask-end = { $day }, начало в { $start }. До какого времени закрыть? Выберите кнопкой или напишите время.
staff-block-end-invalid = Напишите время окончания в формате ЧЧ:ММ — позже, чем { $after }.
staff-block-confirm = Закрыть для записи { $day }, { $start }–{ $end }?
staff-block-bookings-inside =
    { $count ->
        [one] В это время уже есть { $count } подтверждённая запись. Она остаётся в силе
        [few] В это время уже есть { $count } подтверждённые записи. Они остаются в силе
       *[many] В это время уже есть { $count } подтверждённых записей. Они остаются в силе
    }: если консультацию нужно отменить, нажмите в кабинете «Отменить консультацию».
staff-button-confirm-block = ✅ Закрыть
staff-block-dropped = Хорошо, время не закрыто.
staff-block-done = Готово: { $day }, { $start }–{ $end } закрыто для записи.
staff-blocks-empty = У вас нет закрытого времени.
staff-blocks-title = Закрытое время. Нажмите на то, что хотите снова открыть для записи:
staff-button-unblock = 🔓 { $when }
staff-unblocked = Снова открыто для записи: { $when }.
staff-unblock-not-found = Это время уже открыто.
staff-cancel-none = Предстоящих записей нет — отменять нечего.
staff-cancel-choose = Какую консультацию отменить? Человеку сразу придёт сообщение об отмене с предложением выбрать другое время.
staff-cancel-confirm = Отменить консультацию { $consultation }?
staff-button-cancel-yes = Да, отменить
staff-cancelled-alert = Консультация отменена
staff-cancelled = Консультация отменена: { $consultation }. Человеку сообщили. Если в это время вы заняты, закройте его для записи.
staff-cancel-unavailable = Эту консультацию отменить уже нельзя: её нет среди ваших предстоящих записей.
staff-notice-new =
    🆕 <b>Новая запись</b>
    { $day }, { $time }
    { $service }, { $mode }
    { $center }
    Имя: { $name }
staff-contact-username = 💬 Telegram: @{ $username }
staff-contact-no-username = 💬 Имени пользователя в Telegram нет: чат откроет кнопка «Написать».
staff-contact-phone = 📞 { $phone }
staff-button-write = 💬 Написать: { $name }
staff-contact-refused = Telegram не дал добавить кнопку чата: человек закрыл ссылки на свой профиль в настройках приватности. Свяжитесь по телефону, если он есть, или через администратора центра.
staff-contact-refused-some = Telegram не дал добавить кнопки чатов: кто-то из записавшихся закрыл ссылки на свой профиль в настройках приватности. Свяжитесь с ними по телефону, если он есть, или через администратора центра.
staff-notice-cancelled =
    ❌ <b>Запись отменена</b>
    { $day }, { $time }
    { $service }, { $mode }
    { $center }
    Имя: { $name }

## Consultations

consult-ask-service = С кем вы хотите поговорить? Выберите специалиста — консультации бесплатные.
consult-limit-service = Предстоящих записей к специалисту «{ $service }» у вас уже максимум ({ $max }). Отменить или перенести запись можно в разделе «Мои записи» главного меню. А пока можно выбрать другого специалиста.
consult-limit-no-shows =
    К сожалению, сейчас записаться нельзя: за последние { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } пропущено слишком много консультаций без предупреждения (не меньше { $limit }). Так время специалистов достаётся тем, кто придёт. Если вы считаете, что это ошибка, обратитесь в свой центр.
    А если вам тяжело прямо сейчас — звоните на бесплатный телефон доверия 150 или в контакт-центр 111.
consult-safety-prompt = Консультация психолога — это запись на определённое время. Если вам тяжело прямо сейчас, не ждите её: позвоните по номерам выше. Когда будете готовы, продолжим запись.
consult-button-continue = ➡️ Продолжить запись
consult-ask-district = { $service }: в каком районе вам удобнее? Или выберите «Любой центр» — покажем всё свободное время.
consult-any-center = 🗺 Любой центр
consult-no-slots-district = { $district }: в ближайшие { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } свободного времени нет. Выберите другой район или «Любой центр».
consult-no-slots-any = К сожалению, в ближайшие { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } у этих специалистов нет свободного времени ни в одном центре. Нажмите «Назад», чтобы выбрать другого специалиста, или загляните позже — расписание обновляется.
consult-ask-day =
    { $place }
    Выберите день (показаны только дни, когда есть свободное время):
consult-place-any = 🗺 Все центры города
consult-place-district = 📍 { $district }: любой центр
consult-place-center = 📍 { $center }
consult-button-both-centers = Любой центр района
consult-button-other-district = 📍 Другой район
consult-no-slots-center = { $center }: в ближайшие { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } свободного времени нет. Показываем все центры района.
consult-center-no-service = { $center }: здесь пока нельзя записаться к специалисту «{ $service }». Выберите район.
consult-day-full = Пока вы выбирали, всё свободное время в этот день заняли. Выберите другой день.
consult-ask-time = { $day }. Выберите время (рядом указан центр):
consult-ask-time-at = { $day }, { $center }. Выберите время:
consult-ask-time-some = Здесь не всё свободное время. Чтобы увидеть всё время одного центра, нажмите «Назад» и выберите район или центр.
consult-ask-mode = Как вам удобнее провести консультацию?
consult-mode-in_person = 🏢 Очно в центре
consult-mode-online = 💻 Онлайн
consult-ask-topic = О чём хотите поговорить? Напишите пару слов (до { $max } символов) — так специалист сможет подготовиться. Это необязательно: можно нажать «Пропустить».
consult-ask-topic-private =
    Хотите заранее написать, о чём пойдёт речь? <b>Это необязательно.</b>
    Тему увидит только ваш специалист — больше никто. До { $max } символов. Можно нажать «Пропустить» и рассказать всё на встрече.
consult-topic-invalid = Напишите тему парой слов или нажмите «Пропустить».
consult-summary =
    <b>Проверьте запись:</b>

    { $details }

    Всё верно?
consult-button-confirm = ✅ Подтвердить
consult-booked =
    ✅ <b>Вы записаны!</b>

    { $details }

    Мы заранее напомним о консультации. Отменить или перенести запись можно в разделе «Мои записи».
consult-online-how = 💻 В назначенное время специалист напишет вам здесь, в Telegram.
consult-online-no-username = У вас нет имени пользователя в Telegram: не закрывайте личные сообщения, чтобы специалист смог вам написать.
consult-slot-taken = Извините, это время только что заняли. Вот ближайшее свободное время — выберите подходящее:
consult-slot-taken-none = Извините, это время только что заняли, а другого свободного времени сейчас нет. Попробуйте другой район или «Любой центр».
appointment-overlap =
    ⚠️ В это время у вас уже есть другая запись:
    { $what } — { $day }, { $start }–{ $end }

    Быть в двух местах сразу не получится. { $then ->
        [session] Выберите другую встречу.
       *[time] Выберите другое время.
    }
appointment-overlap-alert = В это время у вас другая запись
appointment-consultation = Консультация: { $service }
appointment-teatalk = Встреча клуба tea talk
consult-details =
    📅 { $day }, { $time }
    🧑‍💼 { $service }
    📍 { $place }
    { $mode }
consult-details-topic = 📝 Тема: { $topic }
consult-place = { $center }, { $address }
consult-place-address-unknown = { $center } (адрес центра уточняется)
consult-ics-summary = Консультация: { $service }
consult-ics-caption = 📎 Файл для календаря: откройте его, чтобы добавить консультацию в свой календарь.
consult-ics-online = Онлайн

## My bookings

bookings-none-upcoming = У вас нет предстоящих консультаций. Записаться можно прямо сейчас:
bookings-upcoming-title = <b>Ваши предстоящие консультации ({ $count })</b>
bookings-status-line = Статус: { $status }
bookings-status-confirmed = подтверждена
bookings-status-cancelled = отменена
bookings-status-attended = состоялась
bookings-status-no_show = пропущена
bookings-status-rescheduled = перенесена
bookings-past-title = <b>Прошедшие и отменённые</b>
bookings-past-line = • { $day }, { $time } — { $service }, { $center }, { $mode }: { $status }
bookings-button-calendar = 📅 В календарь
bookings-button-reschedule = 🔁 Перенести
bookings-button-cancel = ✖️ Отменить запись
bookings-cancel-confirm =
    Отменить эту запись?

    { $details }

    Время освободится, и его сможет занять кто-то другой.
bookings-button-cancel-yes = Да, отменить
bookings-button-keep = Нет, оставить
bookings-cancelled = Запись отменена, время снова свободно для других. Если понадобится, запишитесь снова в разделе «Консультации».
bookings-cancelled-alert = Запись отменена
bookings-kept = Хорошо, запись остаётся.
bookings-not-found = Такой записи у вас нет. Актуальные записи — в разделе «Мои записи».
bookings-not-found-alert = Запись не найдена
bookings-not-active = Эта запись уже отменена, перенесена или прошла, поэтому изменить её нельзя. Актуальные записи — в разделе «Мои записи».
bookings-not-active-alert = Запись уже неактуальна
bookings-reschedule-ask-day =
    <b>Перенос записи</b>

    Сейчас:
    { $details }

    Выберите новый день. Старая запись остаётся в силе, пока вы не подтвердите новую.
bookings-reschedule-no-slots = К сожалению, в ближайшие { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } нет свободного времени для переноса.
bookings-reschedule-summary =
    <b>Перенести запись?</b>

    Было:
    { $old }

    Станет:
    { $new }
bookings-button-reschedule-confirm = ✅ Перенести
bookings-rescheduled =
    ✅ <b>Запись перенесена.</b>

    { $details }

    Мы заранее напомним о консультации в новое время.
bookings-reschedule-kept = Хорошо, запись остаётся прежней.
bookings-ics-moved-caption = 📎 Файл для календаря: откройте его, и консультация в вашем календаре переедет на новое время.
bookings-ics-cancelled-caption = 📎 Файл для календаря: откройте его, чтобы убрать отменённую консультацию из календаря.

## Reminders, feedback and the practice nudge

reminders-booking = ⏰ Напоминание: { $when } — { $service }, { $place }.
reminders-when-tomorrow = завтра в { $time }
reminders-when-today = сегодня в { $time }
reminders-when-in-hours = через { $hours } { $hours ->
        [one] час
        [few] часа
       *[many] часов
    }, в { $time }
reminders-when-in-minutes = через { $minutes } мин, в { $time }
reminders-when-date = { $day }, в { $time }
reminders-online = онлайн
reminders-button-coming = ✅ Приду
reminders-button-cancel = ✖️ Отменить запись
reminders-button-reschedule = 🔁 Перенести
reminders-coming-alert = Спасибо!
reminders-coming-thanks = Спасибо, что подтвердили! Ждём вас { $when }.
reminders-not-active = Эта запись уже неактуальна: её отменили, перенесли или она уже прошла. Все ваши записи — в разделе «Мои записи».
reminders-cancelled-by-staff = ❌ Консультация отменена: { $service }, { $when }. Специалист не сможет вас принять — просим прощения. Выберите, пожалуйста, другое удобное время.
reminders-cancelled-free-times = Ближайшее свободное время — нажмите, чтобы сразу записаться:
reminders-rebook-taken = Извините, это время уже занято. Выберите другое время.
reminders-button-book-again = 🗓 Выбрать другое время
feedback-ask =
    Как прошла консультация? { $service }, { $day }.
    Оцените её от 1 до 5 (5 — отлично): так центры узнают, что работает хорошо, а что стоит улучшить.
feedback-thanks-alert = Спасибо за оценку!
feedback-ask-comment = Хотите добавить пару слов — что понравилось, что можно улучшить? Напишите до { $max } символов или нажмите «Пропустить».
feedback-comment-invalid = Напишите отзыв текстом, не длиннее { $max } символов, или нажмите «Пропустить».
feedback-comment-saved = Спасибо! Ваш отзыв сохранён.
feedback-comment-skipped = Хорошо, без комментария. Спасибо за оценку!
feedback-not-yours = Эта кнопка не относится к вашим записям.
feedback-not-held = Эта консультация не состоялась, поэтому оценить её нельзя.
feedback-too-early = Оценить консультацию можно, когда она закончится.
feedback-already-given = Вы уже оценили эту консультацию. Спасибо!
nudge-text = ☕ Позанимаемся казахским пять минут? Понемногу каждый день — и слова запоминаются сами.
nudge-button-practice = 🗣 К практике
nudge-choose =
    ☕ Ежедневное напоминание о практике казахского.
    Выберите время (по Алматы): бот будет напоминать раз в день. Выключить можно в любой момент.
nudge-button-off = 🔕 Не напоминать
nudge-profile-button-on = ☕ Практика казахского: { $time }
nudge-profile-button-off = ☕ Напоминать о практике казахского
nudge-saved = Напоминание: каждый день в { $time }.
nudge-turned-off = Напоминания о практике выключены.
nudge-notifications-off = Сейчас уведомления выключены, поэтому напоминание не придёт. Включите их в профиле.

## Kazakh practice

practice-welcome =
    🗣 Практика казахского: несколько минут в день — карточки, тесты и письмо. Бот сам предложит повторить слово, когда вы начнёте его забывать.

    Сначала — короткий тест на уровень. Его можно пропустить и начать с самых простых слов.
practice-placement-intro = 🎯 Тест на уровень: { $total } { $total ->
        [one] короткий вопрос
        [few] коротких вопроса
       *[many] коротких вопросов
    } — выберите перевод слова. По результату бот подберёт новые слова под вас.
practice-button-placement-go = ▶️ Начать тест
practice-placement-step = Вопрос { $n }/{ $total }
practice-placement-result = Готово! Верных ответов: { $correct } из { $total }. Ваш уровень: { $level }. Пройти тест заново можно в любой момент.
practice-placement-skipped = Хорошо, начнём с самых простых слов. Тест на уровень можно пройти позже.
practice-placement-kept = Хорошо, уровень прежний: { $level }.
practice-level-1 = начальный
practice-level-2 = средний
practice-level-3 = продвинутый
practice-home =
    🗣 <b>Практика казахского</b>
    Уровень: { $level }
    Слов в изучении: { $seen }, из них выучено: { $learned }
    Серия: { $streak ->
        [one] { $streak } день
        [few] { $streak } дня
       *[many] { $streak } дней
    } подряд
    Пора повторить: { $due }, новых слов на сегодня: { $fresh }
practice-button-start = ▶️ Начать занятие
practice-button-placement = 🎯 Тест на уровень
practice-button-pace = ⚙️ Новых слов в день: { $n }
practice-pace-choose = Сколько новых слов в день? Повторений это не касается: бот покажет всё, что пора повторить.
practice-pace-saved = Сохранено: { $n } { $n ->
        [one] новое слово
        [few] новых слова
       *[many] новых слов
    } в день.
practice-session-start = Поехали! Упражнений: { $total } (повторить: { $due }, новых: { $fresh }). Закончить можно кнопкой «⏹ Закончить» или командой /cancel.
practice-step = <b>{ $n }/{ $total }</b>
practice-flashcard-front =
    🃏 <b>{ $kk }</b>
    Вспомните, что это значит, и нажмите «Показать».
practice-flashcard-new =
    🆕 Новое: <b>{ $kk }</b>
    Попробуйте угадать значение и нажмите «Показать».
practice-button-show = 👀 Показать
practice-flashcard-back =
    { $item }

    Насколько легко было вспомнить?
practice-rate-again = 🔁 Снова
practice-rate-hard = 😓 Трудно
practice-rate-good = 🙂 Хорошо
practice-rate-easy = 😎 Легко
practice-button-stop = ⏹ Закончить
practice-item =
    <b>{ $kk }</b> — { $ru }
    <i>{ $exampleKk }</i>
    { $exampleRu }
practice-choice-kk-ru = Что значит <b>{ $kk }</b>?
practice-choice-ru-kk = Как по-казахски «{ $ru }»?
practice-right =
    ✅ Верно!
    { $item }
practice-wrong =
    ❌ Не совсем. Правильный ответ:
    { $item }
practice-typed =
    ✍️ Напишите по-казахски: «{ $ru }»
    Нет казахской раскладки? Пишите русскими буквами: а вместо ә, к вместо қ и так далее.
practice-button-dont-know = 🤷 Не знаю
practice-answer-shown =
    Вот как правильно:
    { $item }
practice-typed-lookalike = ✅ Верно! Пишется: <b>{ $kk }</b> — { $slips }.
practice-slip = { $right }, а не { $typed }
practice-session-done = 🎉 Занятие окончено! Вспомнили: { $remembered } из { $total }.
practice-session-stopped = Хорошо, закончим здесь. Все ответы сохранены.
practice-nothing-due = Сейчас повторять нечего, а новые слова на сегодня уже пройдены. Загляните позже!
practice-phrase-of-the-day =
    💬 Фраза дня:
    { $item }

## Events

event-category-festival = Фестиваль
event-category-concert = Концерт
event-category-sport = Спорт
event-category-education = Обучение
event-category-volunteering = Волонтёрство
event-category-teatalk = Tea talk
events-period-all = ближайший месяц
events-period-today = сегодня
events-period-tomorrow = завтра
events-period-weekend = выходные
events-all-categories = Все категории
events-all-districts = Все районы
events-list-title =
    <b>🎉 Мероприятия и фестивали</b>
    📂 { $category } · 📍 { $district } · 📅 { $period }
events-list-line =
    <b>{ $n }. { $title }</b>
    { $category } · { $day }, { $time }
    📍 { $place }, { $district } · 🪑 { $seats }
events-list-empty = По этим условиям мероприятий пока нет. Попробуйте другую категорию, район или дни.
events-list-hint = Нажмите номер мероприятия, чтобы узнать подробности и записаться.
events-list-page = Страница { $page } из { $pages }
events-seats-free = свободно мест: { $free }
events-seats-open = места без ограничений
events-seats-waitlist = мест нет, есть лист ожидания
events-button-prev = ◀️ Раньше
events-button-next = Дальше ▶️
events-button-category = 📂 { $category }
events-button-district = 📍 { $district }
events-button-period = 📅 { $period }
events-button-my = 📋 Мои мероприятия
events-button-to-list = 🎉 К списку мероприятий
events-choose-category = Какие мероприятия показать?
events-choose-district = Мероприятия какого района показать?
events-choose-period = На какие дни показать мероприятия?
events-details =
    <b>{ $title }</b>
    🏷 { $category }
    📅 { $day }, { $time }
    📍 { $place } ({ $district })
events-card-address = 🗺 Адрес: { $address }
events-card-organiser = 👤 Организатор: { $host }
events-card-seats-of = 🪑 Свободно мест: { $free } из { $capacity }
events-card-seats-open = 🪑 Количество мест не ограничено
events-card-seats-full = 🪑 Мест нет — можно встать в лист ожидания (уже ждут: { $waiting })
events-card-closed = Запись закрыта: она заканчивается за час до начала.
events-card-cancelled = ❌ Это мероприятие отменено.
events-status-confirmed = ✅ Вы записаны.
events-status-waitlisted = ⏳ Вы в листе ожидания, ваш номер в очереди: { $position }.
events-status-offered = 🎉 Для вас освободилось место! Подтвердите его до { $deadline }.
events-button-join = ✍️ Записаться
events-button-join-waitlist = ⏳ Встать в лист ожидания
events-button-cancel = ✖️ Отменить запись
events-button-accept = ✅ Приду, место моё
events-button-decline = Не смогу
events-button-cannot-come = ✖️ Не смогу прийти
events-button-calendar = 📅 Добавить в календарь
events-button-map = 🗺 На карте
events-joined = ✅ Вы записаны на «{ $title }»! Ждём вас { $when } — { $place }. Мы заранее напомним о мероприятии.
events-joined-alert = Вы записаны
events-waitlisted =
    Свободных мест пока нет, поэтому вы в листе ожидания — ваш номер в очереди: { $position }.
    Если место освободится, мы пришлём сообщение с кнопкой: подтвердите место до указанного срока, иначе оно перейдёт следующему в очереди.
events-waitlisted-alert = Вы в листе ожидания
events-already-confirmed = Вы уже записаны на это мероприятие.
events-already-waitlisted = Вы уже в листе ожидания этого мероприятия, ваш номер в очереди: { $position }.
events-already-offered = Для вас уже держат место на этом мероприятии — подтвердите его кнопкой в сообщении с предложением или в разделе «Мои мероприятия».
events-closed = Запись на это мероприятие закрыта: оно уже прошло, отменено или до начала осталось меньше часа.
events-closed-alert = Запись закрыта
events-not-found = Такого мероприятия нет — возможно, его убрали из расписания.
events-not-found-alert = Мероприятие не найдено
events-my-title = <b>Ваши записи на мероприятия: { $count }</b>
events-my-none = У вас нет предстоящих записей на мероприятия.
events-cancel-confirm =
    Отменить запись?

    { $details }
events-button-cancel-yes = Да, отменить
events-button-keep = Нет, оставить
events-cancelled = Запись отменена. Спасибо, что предупредили!
events-cancelled-alert = Запись отменена
events-kept = Хорошо, запись остаётся.
events-signup-not-found = Такой записи у вас нет. Ваши записи — в разделе «Мои мероприятия».
events-signup-not-active = Эта запись уже неактуальна: она отменена, мероприятие отменено или уже началось.
events-offer =
    🎉 На мероприятии освободилось место!

    { $details }

    Место держим для вас до { $deadline }. Придёте?
events-offer-accepted = ✅ Место ваше! Ждём вас { $when } — { $place }.
events-offer-accepted-alert = Место ваше
events-offer-declined = Хорошо, место передано следующему в очереди. Спасибо, что ответили!
events-offer-expired = Срок предложения истёк, и место передано следующему в очереди. Можно выбрать другое мероприятие.
events-offer-expired-alert = Срок предложения истёк
events-offer-not-active = Это предложение уже неактуально.
events-reminder =
    ⏰ Напоминаем: мероприятие { $when }.

    { $details }

    Если не сможете прийти, отмените запись — место получит тот, кто ждёт в очереди.
events-ics-caption = Файл для календаря: откройте его, чтобы добавить мероприятие.
events-ics-cancelled-caption = Файл для календаря: откройте его, чтобы убрать отменённую запись из календаря.

## Tea talk

teatalk-menu =
    ☕ <b>Tea talk</b> — разговорные клубы на казахском языке за чашкой чая в молодёжных центрах. Приходите на встречу своего уровня: от первых фраз до свободной беседы. Участие бесплатное.

    А между встречами можно практиковаться прямо здесь, в чате.
teatalk-button-clubs = ☕ Клубы tea talk
teatalk-button-practice = 🗣 Практика казахского
teatalk-button-my = 📋 Мои записи в клубы
teatalk-level-beginner = Начальный уровень
teatalk-level-intermediate = Средний уровень
teatalk-level-advanced = Продвинутый уровень
teatalk-filter-all = все
teatalk-all-districts = Все районы
teatalk-all-levels = Все уровни
teatalk-choose-district = Встречи какого района показать?
teatalk-choose-level = Какой уровень вам подходит?
teatalk-button-district = 📍 Район: { $district }
teatalk-button-level = 📶 Уровень: { $level }
teatalk-button-prev = ◀️ Раньше
teatalk-button-next = Дальше ▶️
teatalk-list-title =
    <b>☕ Клубы tea talk на ближайшие { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }</b>
    Район: { $district } · уровень: { $level }
teatalk-list-line =
    <b>{ $n }. { $day }, { $time }</b>
    { $center } · { $level }
    «{ $topic }» · { $seats }
teatalk-list-empty = По этим условиям встреч пока нет. Попробуйте другой район или уровень.
teatalk-list-hint = Нажмите номер встречи, чтобы узнать подробности и записаться.
teatalk-list-page = Страница { $page } из { $pages }
teatalk-seats-free = свободно мест: { $free }
teatalk-seats-waitlist = мест нет, есть лист ожидания
teatalk-card-title = <b>☕ Tea talk</b>
teatalk-details =
    🗓 { $day }, { $time }
    📍 { $center }, { $district }
    📶 { $level }
    💬 «{ $topic }»
teatalk-host-line = 👤 Ведущий: { $host }
teatalk-seats-of = Свободно мест: { $free } из { $capacity }
teatalk-seats-full = Мест нет — можно встать в лист ожидания (уже ждут: { $waiting })
teatalk-card-closed = Запись закрыта: она заканчивается за час до начала встречи.
teatalk-status-confirmed = ✅ Вы записаны.
teatalk-status-waitlisted = ⏳ Вы в листе ожидания, ваш номер в очереди: { $position }.
teatalk-status-offered = 🎉 Для вас освободилось место! Подтвердите его до { $deadline }.
teatalk-button-join = ✍️ Записаться
teatalk-button-join-waitlist = ⏳ Встать в лист ожидания
teatalk-button-cancel = ✖️ Отменить запись
teatalk-button-accept = ✅ Приду, место моё
teatalk-button-decline = Не смогу
teatalk-button-to-list = ☕ К списку клубов
teatalk-button-cannot-come = ✖️ Не смогу прийти
teatalk-joined = ✅ Вы записаны! Ждём вас { $when } — { $center }. Мы заранее напомним о встрече.
teatalk-joined-alert = Вы записаны
teatalk-waitlisted =
    Мест пока нет, и вы в листе ожидания — ваш номер в очереди: { $position }.
    Если место освободится, мы пришлём сообщение с кнопкой: подтвердите место до указанного срока, иначе оно перейдёт следующему в очереди.
teatalk-waitlisted-alert = Вы в листе ожидания
teatalk-already-confirmed = Вы уже записаны на эту встречу.
teatalk-already-waitlisted = Вы уже в листе ожидания этой встречи, ваш номер в очереди: { $position }.
teatalk-already-offered = Для вас уже держат место на этой встрече — подтвердите его кнопкой в сообщении с предложением или в разделе «Мои записи в клубы».
teatalk-closed = Запись на эту встречу закрыта: она уже прошла, отменена или до начала осталось меньше часа.
teatalk-closed-alert = Запись закрыта
teatalk-not-found = Такой встречи нет — возможно, её убрали из расписания. Вот актуальный список.
teatalk-not-found-alert = Встреча не найдена
teatalk-my-title = <b>Ваши записи в клубы tea talk: { $count }</b>
teatalk-my-none = У вас нет предстоящих записей в клубы tea talk.
teatalk-cancel-confirm =
    Отменить запись?

    { $details }
teatalk-button-cancel-yes = Да, отменить
teatalk-button-keep = Нет, оставить
teatalk-cancelled = Запись отменена. Спасибо, что предупредили!
teatalk-cancelled-alert = Запись отменена
teatalk-kept = Хорошо, запись остаётся.
teatalk-signup-not-found = Такой записи у вас нет. Ваши записи — в разделе «Мои записи в клубы».
teatalk-signup-not-active = Эта запись уже неактуальна: она отменена или встреча уже началась.
teatalk-offer =
    🎉 Освободилось место в клубе tea talk!

    { $details }

    Место закреплено за вами до { $deadline }. Придёте?
teatalk-offer-accepted = ✅ Место ваше! Ждём вас { $when } — { $center }.
teatalk-offer-accepted-alert = Место ваше
teatalk-offer-declined = Хорошо, место передано следующему в очереди. Спасибо, что ответили!
teatalk-offer-expired = Срок предложения истёк, и место передано следующему в очереди. Можно выбрать другую встречу.
teatalk-offer-expired-alert = Срок предложения истёк
teatalk-offer-not-active = Это предложение уже неактуально.
teatalk-reminder =
    ⏰ Напоминание: tea talk { $when }.

    { $details }

    Если не получится прийти, отмените запись — место достанется тому, кто ждёт в очереди.
teatalk-host-none = Сегодня у вас нет встреч tea talk и мероприятий.
teatalk-host-start = ☕ Вы ведёте встречи tea talk или мероприятия. Здесь видно, кто записан на ваши сегодняшние встречи и мероприятия, и можно отметить, кто пришёл. В любой момент их открывает команда /host.
teatalk-host-button-today = ☕ Мои встречи сегодня
teatalk-host-title = <b>☕ Ваши встречи и мероприятия сегодня, { $day }</b>
teatalk-host-count = Участников: { $count } из { $capacity }
teatalk-host-count-open = Участников: { $count }
teatalk-host-many = Пришли: { $attended }, не пришли: { $noShow }, ждут отметки: { $waiting }. Ниже — первые { $shown } из тех, кто ждёт отметки; «Обновить» покажет следующих.
teatalk-host-no-participants = Пока никто не записан.
teatalk-host-participant = { $n }. { $name } — { $status }
teatalk-host-status-confirmed = ждёт отметки
teatalk-host-status-attended = ✅ пришёл(ла)
teatalk-host-status-no_show = ❌ не пришёл(ла)
teatalk-host-before-start = Отметить, кто пришёл, можно после начала встречи.
teatalk-host-button-attended = ✅ { $n }
teatalk-host-button-no-show = ❌ { $n }
teatalk-host-button-refresh = 🔄 Обновить
teatalk-marked-attended = Отмечено: { $name } — пришёл(ла).
teatalk-marked-no-show = Отмечено: { $name } — не пришёл(ла).
teatalk-mark-already = Уже отмечено: { $status }.
teatalk-mark-not-found = Эта запись не относится к вашим встречам и мероприятиям.
teatalk-mark-not-started = Встреча ещё не началась: отметить можно после её начала.
teatalk-mark-not-confirmed = Этот участник отменил запись.
