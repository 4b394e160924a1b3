"""Seed the national default welcome letter texts (version 1) in the letter languages.

TRANSLATIONS MUST BE REVIEWED BY A PROFESSIONAL TRANSLATOR BEFORE PRODUCTION USE.
The Danish and English texts are the source; the Arabic, Ukrainian, Tigrinya, Dari, Farsi and
Somali texts are drafts written by the developer, not by a translator. A reviewed wording is
published as version 2 (in Django admin, or with `letter_text_publish`): this migration is
never edited to change a text that may already have been sent.

The texts are plain language (short sentences, one message each): welcome, who the
caseworker is and that they will get in touch, that the introduction programme and Danish
lessons start soon, that an interpreter is free of charge, and how to contact the office.
`{municipality}` is the municipality's name without "Kommune" (e.g. "Lejre").

The values are written out here rather than imported, so that the migration keeps doing what
it did when the code around it changes.
"""

from django.db import migrations

KIND = "welcome"
VERSION = 1

TEXTS = {
    "da": (
        "Velkommen til {municipality} Kommune",
        """Kære {first_names}

Velkommen til {municipality} Kommune. Vi glæder os til at hjælpe dig godt i gang med dit nye liv her.

Din sagsbehandler er {caseworker}. Din sagsbehandler kontakter dig snart for at aftale et første møde.

Dit introduktionsprogram og din danskundervisning begynder snart. Din sagsbehandler fortæller dig, hvornår og hvor.

Du kan altid bede om en tolk. Det er gratis for dig.

Har du spørgsmål, kan du skrive til os på {contact_email}. Skriv dit sagsnummer {reference}, når du kontakter os.

Venlig hilsen
{municipality} Kommune""",
    ),
    "en": (
        "Welcome to {municipality} Municipality",
        """Dear {first_names}

Welcome to {municipality} Municipality. We look forward to helping you get started with your new life here.

Your caseworker is {caseworker}. Your caseworker will contact you soon to arrange a first meeting.

Your introduction programme and your Danish lessons will start soon. Your caseworker will tell you when and where.

You can always ask for an interpreter. It is free of charge for you.

If you have questions, you can write to us at {contact_email}. Please write your case number {reference} when you contact us.

Kind regards
{municipality} Municipality""",
    ),
    "ar": (
        "مرحباً بك في بلدية {municipality}",
        """عزيزي/عزيزتي {first_names}

مرحباً بك في بلدية {municipality}. يسعدنا أن نساعدك على بدء حياتك الجديدة هنا.

الموظف المسؤول عن ملفك هو {caseworker}. سيتواصل معك قريباً لتحديد موعد أول لقاء.

سيبدأ قريباً برنامج الاندماج ودروس اللغة الدنماركية. سيخبرك الموظف المسؤول عن ملفك متى وأين.

يمكنك دائماً أن تطلب مترجماً فورياً. هذه الخدمة مجانية لك.

إذا كانت لديك أسئلة، يمكنك مراسلتنا على {contact_email}. يرجى كتابة رقم ملفك {reference} عندما تتواصل معنا.

مع أطيب التحيات
بلدية {municipality}""",
    ),
    "uk": (
        "Ласкаво просимо до муніципалітету {municipality}",
        """Вітаємо, {first_names}!

Ласкаво просимо до муніципалітету {municipality}. Ми раді допомогти вам розпочати нове життя тут.

Працівник, який веде вашу справу, — {caseworker}. Незабаром цей працівник зв’яжеться з вами, щоб домовитися про першу зустріч.

Незабаром розпочнуться ваша програма інтеграції та уроки данської мови. Працівник, який веде вашу справу, скаже вам, коли і де.

Ви завжди можете попросити усного перекладача. Для вас це безкоштовно.

Якщо у вас є запитання, напишіть нам на {contact_email}. Будь ласка, вказуйте номер вашої справи {reference}, коли звертаєтеся до нас.

З повагою
Муніципалітет {municipality}""",
    ),
    "ti": (
        "እንቋዕ ብደሓን ናብ ኮሙነ {municipality} መጻእኩም",
        """ክቡራን {first_names}

እንቋዕ ብደሓን ናብ ኮሙነ {municipality} መጻእኩም። ሓድሽ ህይወትኩም ኣብዚ ክትጅምሩ ክንሕግዘኩም ሕጉሳት ኢና።

ጉዳይኩም ዝከታተል ሰራሕተኛ {caseworker} እዩ። ንቐዳማይ ርክብ ቆጸራ ንምሓዝ ኣብ ቀረባ እዋን ክረኽበኩም እዩ።

መደብ ምትእስሳርን ትምህርቲ ቋንቋ ዴንማርክን ኣብ ቀረባ እዋን ክጅምሩ እዮም። መዓስን ኣበይን ምዃኑ ሰራሕተኛ ጉዳይኩም ክነግረኩም እዩ።

ኩሉ ግዜ ተርጓሚ ክትሓቱ ትኽእሉ ኢኹም። ንዓኹም ብናጻ እዩ።

ሕቶ እንተሃልዩኩም ናብ {contact_email} ጽሓፉልና። ክትረኽቡና ከለኹም ቁጽሪ ጉዳይኩም {reference} ጽሓፉ።

ምስ ሰላምታ
ኮሙነ {municipality}""",
    ),
    "prs": (
        "به شاروالی {municipality} خوش آمدید",
        """{first_names} عزیز

به شاروالی {municipality} خوش آمدید. ما خوشحال هستیم که در آغاز زندگی جدید تان در اینجا به شما کمک کنیم.

مسئول پرونده شما {caseworker} است. او به زودی با شما تماس می‌گیرد تا وقت اولین ملاقات را تعیین کند.

برنامه ادغام و درس‌های زبان دنمارکی شما به زودی آغاز می‌شود. مسئول پرونده شما برای تان می‌گوید که چه وقت و در کجا.

شما همیشه می‌توانید ترجمان بخواهید. این برای شما مجانی است.

اگر سوالی دارید، می‌توانید به {contact_email} برای ما بنویسید. لطفاً هنگام تماس با ما، نمبر پرونده خود {reference} را بنویسید.

با احترام
شاروالی {municipality}""",
    ),
    "fa": (
        "به شهرداری {municipality} خوش آمدید",
        """{first_names} عزیز

به شهرداری {municipality} خوش آمدید. خوشحالیم که به شما در شروع زندگی تازه‌تان در اینجا کمک کنیم.

مسئول پرونده شما {caseworker} است. او به‌زودی با شما تماس می‌گیرد تا برای اولین جلسه وقت بگذارد.

برنامه ادغام و کلاس‌های زبان دانمارکی شما به‌زودی شروع می‌شود. مسئول پرونده‌تان به شما می‌گوید کی و کجا.

شما همیشه می‌توانید مترجم شفاهی درخواست کنید. این برای شما رایگان است.

اگر سؤالی دارید، می‌توانید به نشانی {contact_email} برای ما بنویسید. لطفاً هنگام تماس با ما شماره پرونده خود {reference} را بنویسید.

با احترام
شهرداری {municipality}""",
    ),
    "so": (
        "Ku soo dhowow Degmada {municipality}",
        """Salaan, {first_names}

Ku soo dhowow Degmada {municipality}. Waan ku faraxsanahay inaan kaa caawinno bilaabidda noloshaada cusub ee halkan.

Shaqaalaha kiiskaaga qaabilsan waa {caseworker}. Dhawaan ayuu kula soo xiriiri doonaa si loo ballansado kulanka ugu horreeya.

Barnaamijka is-dhexgalka iyo casharrada luqadda Deenishka waxay bilaabanayaan dhawaan. Shaqaalaha kiiskaagu wuxuu kuu sheegi doonaa goorta iyo meesha.

Had iyo jeer waad codsan kartaa turjubaan. Adiga waa kuu bilaash.

Haddii aad su'aalo qabto, waxaad nooga soo qori kartaa {contact_email}. Fadlan qor lambarka kiiskaaga {reference} marka aad nala soo xiriirto.

Salaan diiran
Degmada {municipality}""",
    ),
}


def seed_welcome_texts(apps, schema_editor):
    LetterText = apps.get_model("letters", "LetterText")
    for language, (subject, body) in TEXTS.items():
        LetterText.objects.get_or_create(
            municipality=None,
            kind=KIND,
            language=language,
            version=VERSION,
            defaults={"subject": subject, "body": body},
        )


def remove_welcome_texts(apps, schema_editor):
    LetterText = apps.get_model("letters", "LetterText")
    LetterText.objects.filter(
        municipality=None, kind=KIND, language__in=TEXTS, version=VERSION
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed_welcome_texts, remove_welcome_texts),
    ]
