"""The municipality's logo (shown on the managers' PDF reports): PNG or JPEG, by content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from integration_portal.core.uploads import JPEG, PNG, kind_of, upload_check

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

LOGO_MAX_BYTES = 1024 * 1024
# A logo is a small picture; a bigger one is an upload mistake or a decompression bomb.
LOGO_MAX_PIXELS = 4000 * 4000


def logo_check(upload: UploadedFile) -> str:
    """The extension for a valid logo; ValidationError for anything that is not a readable
    PNG or JPEG of at most LOGO_MAX_BYTES, whatever its name or declared content type."""
    try:
        kind = upload_check(upload, kinds=(PNG, JPEG), max_bytes=LOGO_MAX_BYTES,
                            max_pixels=LOGO_MAX_PIXELS, name_must_agree=False)
    except ValidationError as error:
        raise ValidationError(_LOGO_MESSAGES.get(error.code, _LOGO_MESSAGES["invalid_type"])(),
                              code=error.code) from None
    return kind.extension


# The upload check's reasons, told about a logo.
_LOGO_MESSAGES = {
    "too_large": lambda: _(
        "The logo is too large: it can be at most 1 MB. Save it smaller and try again."),
    "too_many_pixels": lambda: _("The logo has too many pixels: at most 4000 by 4000."),
    "invalid_type": lambda: _(
        "The logo must be a PNG or JPEG image. The file you chose is not one."),
}


def logo_content_type(content: bytes) -> str | None:
    """The content type of stored logo bytes (PNG or JPEG), or None."""
    kind = kind_of(content, (PNG, JPEG))
    return kind.content_type if kind else None
