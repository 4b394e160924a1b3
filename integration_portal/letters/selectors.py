from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import F, Q

from integration_portal.letters.models import LetterKind, LetterText

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality


def letter_text_for(
    *, municipality: Municipality | None, kind: LetterKind | str, language: str
) -> LetterText:
    """The newest version of the municipality's own text, else of the national default.

    One query. Raises `LetterText.DoesNotExist` when neither has a text in that language.
    """
    owners = Q(municipality__isnull=True)
    if municipality is not None:
        owners |= Q(municipality=municipality)
    text = (
        LetterText.objects.filter(owners, kind=kind, language=language)
        # The municipality's rows before the national default's, newest version first.
        .order_by(F("municipality_id").asc(nulls_last=True), "-version")
        .select_related("municipality")
        .first()
    )
    if text is None:
        raise LetterText.DoesNotExist(
            f"No {kind} letter text in {language!r} for municipality "
            f"{getattr(municipality, 'pk', None)} or the national default"
        )
    return text
