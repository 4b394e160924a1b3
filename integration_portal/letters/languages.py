"""Languages the portal records and writes letters in (domain.md §6)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """Languages a person may speak; ISO 639 codes (Dari is 'prs', Kurmanji 'kmr')."""

    DANISH = "da", _("Danish")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    UKRAINIAN = "uk", _("Ukrainian")
    RUSSIAN = "ru", _("Russian")
    TIGRINYA = "ti", _("Tigrinya")
    AMHARIC = "am", _("Amharic")
    DARI = "prs", _("Dari")
    PASHTO = "ps", _("Pashto")
    FARSI = "fa", _("Farsi")
    SOMALI = "so", _("Somali")
    KURMANJI = "kmr", _("Kurdish (Kurmanji)")
    SORANI = "ckb", _("Kurdish (Sorani)")
    FRENCH = "fr", _("French")
    OTHER = "other", _("Other")


class LetterLanguage(models.TextChoices):
    """Languages the portal has letter texts for. Danish is always included in a letter."""

    DANISH = "da", _("Danish")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    UKRAINIAN = "uk", _("Ukrainian")
    TIGRINYA = "ti", _("Tigrinya")
    DARI = "prs", _("Dari")
    FARSI = "fa", _("Farsi")
    SOMALI = "so", _("Somali")


RIGHT_TO_LEFT = frozenset({"ar", "prs", "fa", "ps", "ckb"})


def is_rtl(language: str) -> bool:
    return language in RIGHT_TO_LEFT


# Each letter language's name in its own script, so a reader can find their section.
NATIVE_NAMES = {
    "da": "Dansk",
    "en": "English",
    "ar": "العربية",
    "uk": "Українська",
    "ti": "ትግርኛ",
    "prs": "دری",
    "fa": "فارسی",
    "so": "Soomaali",
}


def native_name(language: str) -> str:
    return NATIVE_NAMES.get(language, language)
