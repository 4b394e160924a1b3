"""Demo surveys: per municipality a finished (closed) yearly evaluation of the welcome policy
with answers from every group, and a draft evaluation of the cooperation agreement for this
year. Made through the services, as a manager would. Safe to run twice: a municipality that
has the finished survey is left alone."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from integration_portal.core.demo import DemoContext, demo_seeder
from surveys import services
from surveys.models import Group, QuestionKind, Survey

FINISHED_TITLE = "Evaluering af velkomstpolitikken 2026"
DAY = datetime.timedelta(days=1)

# (kind, required, groups, {language: text})
QUESTIONS = [
    (QuestionKind.SCALE, True, [], {
        "da": "Hvor tilfreds er du alt i alt med modtagelsen i kommunen?",
        "en": "Overall, how satisfied are you with the welcome in the municipality?",
        "ar": "بشكل عام، ما مدى رضاك عن الاستقبال في البلدية؟",
    }),
    (QuestionKind.SCALE, True, [Group.CITIZENS], {
        "da": "Fik du den information, du havde brug for, på et sprog du forstår?",
        "en": "Did you get the information you needed in a language you understand?",
        "ar": "هل حصلت على المعلومات التي احتجتها بلغة تفهمها؟",
    }),
    (QuestionKind.SCALE, False, [Group.CITIZENS], {
        "da": "Hvor tilfreds er du med din bolig?",
        "en": "How satisfied are you with your home?",
        "ar": "ما مدى رضاك عن سكنك؟",
    }),
    (QuestionKind.YES_NO, False, [Group.CITIZENS], {
        "da": "Har du fået kontakt til en frivillig eller en forening?",
        "en": "Have you been in touch with a volunteer or an association?",
        "ar": "هل تواصلت مع متطوع أو جمعية؟",
    }),
    (QuestionKind.SCALE, True, [Group.VOLUNTEERS, Group.ASSOCIATIONS], {
        "da": "Hvor godt fungerer samarbejdet med kommunens medarbejdere?",
        "en": "How well does the cooperation with the municipality's staff work?",
        "ar": "ما مدى نجاح التعاون مع موظفي البلدية؟",
    }),
    (QuestionKind.SCALE, True, [Group.EMPLOYERS], {
        "da": "Hvor let er det at få en ny medarbejder i praktik eller job gennem kommunen?",
        "en": "How easy is it to take on a new employee in an internship or job through the "
              "municipality?",
        "ar": "ما مدى سهولة استقبال موظف جديد في تدريب أو وظيفة عن طريق البلدية؟",
    }),
    (QuestionKind.TEXT, False, [], {
        "da": "Hvad gik godt?",
        "en": "What went well?",
        "ar": "ما الذي سار بشكل جيد؟",
    }),
    (QuestionKind.TEXT, False, [], {
        "da": "Hvad kan vi gøre bedre?",
        "en": "What could we do better?",
        "ar": "ما الذي يمكننا تحسينه؟",
    }),
]

FREE_TEXTS = {
    "da": ["Hurtig hjælp med bolig og skole.", "Flere danskundervisningstimer om aftenen.",
           "Det var svært at forstå brevene.", "God kontakt til sagsbehandleren."],
    "en": ["The volunteers at the café were very kind.", "More information about jobs."],
    "ar": ["شكرًا على المساعدة في إيجاد سكن.", "نحتاج إلى مزيد من الوقت مع المترجم."],
}

# Invitations per group, and how many of them answered.
REACH = {Group.CITIZENS: (30, 16), Group.VOLUNTEERS: (12, 8), Group.EMPLOYERS: (8, 5),
         Group.ASSOCIATIONS: (6, 4)}


@demo_seeder(order=95)
def seed_surveys(context: DemoContext) -> None:
    today = timezone.localdate()
    for slug, municipality in context.municipalities.items():
        if Survey.objects.in_municipality(municipality).filter(
                title__da=FINISHED_TITLE).exists():
            continue
        manager = context.users[(slug, "manager")]
        rng = random.Random(f"surveys-{slug}")  # noqa: S311 - demo data, not security
        _finished_survey(municipality, manager, rng, today)
        _draft_survey(municipality, manager, today)
        context.notes.append(f"  {municipality.name}: a finished and a draft evaluation survey")


def _finished_survey(municipality, manager, rng: random.Random, today: datetime.date) -> None:
    opens_on, closes_on = today - 60 * DAY, today - 30 * DAY
    survey = services.survey_create(
        municipality=municipality, actor=manager, year=2026, languages=["da", "en", "ar"],
        opens_on=opens_on, closes_on=closes_on,
        title={"da": FINISHED_TITLE, "en": "Evaluation of the welcome policy 2026",
               "ar": "تقييم سياسة الاستقبال 2026"},
        intro={"da": f"{municipality.name} vil gerne vide, hvad der gik godt, og hvad der "
                     "ikke gjorde. Det tager fem minutter.",
               "en": f"{municipality.name} would like to know what went well and what did "
                     "not. It takes five minutes.",
               "ar": "تود البلدية أن تعرف ما الذي سار بشكل جيد وما الذي لم يسر كذلك."})
    questions = [
        services.question_save(survey=survey, actor=manager, position=position, kind=kind,
                               required=required, groups=groups, text=text)
        for position, (kind, required, groups, text) in enumerate(QUESTIONS, start=1)
    ]
    survey = services.survey_open(survey=survey, actor=manager)
    for group, (invited, answered) in REACH.items():
        tokens = services.paper_slips_create(survey=survey, actor=manager, count=invited,
                                             group=group)
        for token in tokens[:answered]:
            language = rng.choice(["da", "da", "en", "ar"]) if group == Group.CITIZENS \
                else "da"
            answers = {}
            for question in questions:
                if not question.shown_to(group):
                    continue
                if question.kind == QuestionKind.SCALE:
                    answers[question.pk] = rng.choices([1, 2, 3, 4, 5], [1, 2, 4, 6, 4])[0]
                elif question.kind == QuestionKind.YES_NO:
                    answers[question.pk] = rng.choice([0, 1, 1])
                elif rng.random() < 0.35:
                    answers[question.pk] = rng.choice(FREE_TEXTS[language])
            services.response_submit(token=token, language=language, answers=answers,
                                     today=opens_on + rng.randint(0, 25) * DAY)
    services.survey_close(survey=survey, actor=manager)


def _draft_survey(municipality, manager, today: datetime.date) -> None:
    survey = services.survey_create(
        municipality=municipality, actor=manager, year=today.year, languages=["da", "en"],
        opens_on=today + 14 * DAY, closes_on=today + 42 * DAY,
        title={"da": f"Evaluering af samarbejdsaftalen {today.year}",
               "en": f"Evaluation of the cooperation agreement {today.year}"},
        intro={"da": "Den årlige evaluering af samarbejdsaftalen med foreningerne og de "
                     "frivillige."})
    services.question_save(
        survey=survey, actor=manager, position=1, kind=QuestionKind.SCALE, required=True,
        groups=[Group.VOLUNTEERS, Group.ASSOCIATIONS],
        text={"da": "Hvor godt lever kommunen op til sin del af aftalen?",
              "en": "How well does the municipality keep its part of the agreement?"})
