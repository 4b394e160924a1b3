"""Forms parse input; the services validate the whole survey."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from integration_portal.core.forms import DateInput
from surveys.models import DANISH, SURVEY_LANGUAGES, Group, Question, QuestionKind, Survey
from surveys.services import MAX_PAPER_SLIPS, MAX_TEXT_ANSWER
from surveys.texts import texts_for

OTHER_LANGUAGES = [(code, label) for code, label in SURVEY_LANGUAGES.choices if code != DANISH]


def _label(code: str) -> str:
    return str(SURVEY_LANGUAGES(code).label)


class SurveyForm(forms.Form):
    """The survey's settings and its title and introduction in every language offered."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput())
    languages = forms.MultipleChoiceField(
        label=_("Languages offered besides Danish"), choices=OTHER_LANGUAGES, required=False,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, survey: Survey | None = None, **kwargs):
        if survey is not None and "initial" not in kwargs:
            initial = {"year": survey.year, "opens_on": survey.opens_on,
                       "closes_on": survey.closes_on,
                       "languages": [code for code in survey.languages if code != DANISH]}
            for code in SURVEY_LANGUAGES.values:
                initial[f"title_{code}"] = survey.title.get(code, "")
                initial[f"intro_{code}"] = survey.intro.get(code, "")
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for code in SURVEY_LANGUAGES.values:
            name = _label(code)
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name}, max_length=200,
                required=code == DANISH)
            self.fields[f"intro_{code}"] = forms.CharField(
                label=_("Introduction (%(language)s)") % {"language": name}, required=False,
                max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def language_groups(self) -> list[tuple[str, str, list]]:
        return [(code, _label(code), [self[f"title_{code}"], self[f"intro_{code}"]])
                for code in SURVEY_LANGUAGES.values]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "year": data["year"], "opens_on": data["opens_on"], "closes_on": data["closes_on"],
            "languages": [DANISH, *data["languages"]],
            "title": {code: data.get(f"title_{code}", "") for code in SURVEY_LANGUAGES.values},
            "intro": {code: data.get(f"intro_{code}", "") for code in SURVEY_LANGUAGES.values},
        }


class QuestionForm(forms.Form):
    position = forms.IntegerField(label=_("Position"), min_value=1, max_value=99,
                                  help_text=_("Questions are shown in this order."))
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices,
                             widget=forms.RadioSelect)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    groups = forms.MultipleChoiceField(
        label=_("Shown to"), choices=Group.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave every box empty to show the question to every group."))

    def __init__(self, *args, survey: Survey, question: Question | None = None, **kwargs):
        self.languages = survey.languages or [DANISH]
        if question is not None and "initial" not in kwargs:
            initial = {"position": question.position, "kind": question.kind,
                       "required": question.required, "groups": question.groups}
            for code in self.languages:
                initial[f"text_{code}"] = question.text.get(code, "")
                initial[f"low_{code}"] = question.low_label.get(code, "")
                initial[f"high_{code}"] = question.high_label.get(code, "")
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for code in self.languages:
            name = _label(code)
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Question (%(language)s)") % {"language": name}, max_length=500,
                required=code == DANISH, widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"low_{code}"] = forms.CharField(
                label=_("Label at 1 (%(language)s)") % {"language": name}, max_length=60,
                required=False, help_text=_("Scale questions only. Empty: “Very dissatisfied”."))
            self.fields[f"high_{code}"] = forms.CharField(
                label=_("Label at 5 (%(language)s)") % {"language": name}, max_length=60,
                required=False, help_text=_("Scale questions only. Empty: “Very satisfied”."))

    def language_groups(self) -> list[tuple[str, str, list]]:
        return [(code, _label(code),
                 [self[f"text_{code}"], self[f"low_{code}"], self[f"high_{code}"]])
                for code in self.languages]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "position": data["position"], "kind": data["kind"], "required": data["required"],
            "groups": data["groups"],
            "text": {code: data.get(f"text_{code}", "") for code in self.languages},
            "low_label": {code: data.get(f"low_{code}", "") for code in self.languages},
            "high_label": {code: data.get(f"high_{code}", "") for code in self.languages},
        }


class SendForm(forms.Form):
    groups = forms.MultipleChoiceField(label=_("Send to"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, available: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].choices = available


class SlipsForm(forms.Form):
    count = forms.IntegerField(label=_("Number of slips"), min_value=1,
                               max_value=MAX_PAPER_SLIPS, initial=20)
    language = forms.ChoiceField(
        label=_("Second language on the slip"),
        help_text=_("Every slip is in Danish and this language."))

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, _label(code)) for code in survey.languages if code != DANISH]
        self.fields["language"].choices = [("", _("Danish only")), *choices]
        self.fields["language"].required = False


class ResultsFilterForm(forms.Form):
    group = forms.ChoiceField(label=_("Group"), required=False,
                              choices=[("", _("All groups")), *Group.choices])


class RespondForm(forms.Form):
    """The respondent's answers: one field per question shown to the group, labelled in the
    chosen language; error messages in that language too."""

    def __init__(self, *args, questions: list[Question], language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        words = texts_for(language)
        messages = {"required": words["required"], "invalid_choice": words["invalid"],
                    "max_length": words["too_long"]}
        for question in questions:
            name = f"q{question.pk}"
            label = question.text_in(language)
            if question.kind == QuestionKind.SCALE:
                low = question.low_label.get(language) or words["low"]
                high = question.high_label.get(language) or words["high"]
                choices = [("1", f"1 – {low}"), ("2", "2"), ("3", "3"), ("4", "4"),
                           ("5", f"5 – {high}")]
                field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect)
            elif question.kind == QuestionKind.YES_NO:
                field = forms.ChoiceField(choices=[("1", words["yes"]), ("0", words["no"])],
                                          widget=forms.RadioSelect)
            else:
                field = forms.CharField(max_length=MAX_TEXT_ANSWER,
                                        widget=forms.Textarea(attrs={"rows": 4}))
            field.label = label
            field.required = question.required
            field.error_messages = {**field.error_messages, **messages}
            self.fields[name] = field

    def answers(self) -> dict[int, object]:
        return {question.pk: self.cleaned_data.get(f"q{question.pk}")
                for question in self.questions}

    def rows(self) -> list[tuple[Question, forms.BoundField]]:
        return [(question, self[f"q{question.pk}"]) for question in self.questions]


class CodeForm(forms.Form):
    code = forms.CharField(max_length=40)
