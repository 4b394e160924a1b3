from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max

from integration_portal.letters.models import LetterKind, LetterText

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

logger = logging.getLogger(__name__)


@transaction.atomic
def letter_text_publish(
    *,
    municipality: Municipality | None,
    kind: LetterKind | str,
    language: str,
    subject: str,
    body: str,
    actor: User | None,
) -> LetterText:
    """Publish a new version of a letter text (with no municipality: the national default).

    Earlier versions are kept unchanged. `actor` must be an administrator, or None when the
    system itself publishes. Two administrators publishing the same text at the same moment
    would pick the same version number; the unique constraint turns the second into an
    IntegrityError instead of a silent overwrite.
    """
    if actor is not None and not actor.is_staff:
        raise PermissionError("Only administrators may publish letter texts")
    newest = LetterText.objects.filter(
        municipality=municipality, kind=kind, language=language
    ).aggregate(newest=Max("version"))["newest"]
    text = LetterText(
        municipality=municipality,
        kind=kind,
        language=language,
        version=(newest or 0) + 1,
        subject=subject,
        body=body,
        created_by=actor,
    )
    text.full_clean()
    text.save()
    logger.info(
        "Letter text %s/%s version %s (municipality %s) published by %s",
        kind, language, text.version,
        municipality.pk if municipality is not None else "national",
        f"user {actor.pk}" if actor is not None else "the system",
    )
    return text
