"""The municipality's logo (shown on the managers' PDF reports): PNG or JPEG, by content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

LOGO_MAX_BYTES = 1024 * 1024
# Pillow format → the extension the stored file gets (never the uploaded file's name).
LOGO_FORMATS = {"PNG": ".png", "JPEG": ".jpg"}
# A logo is a small picture; a bigger one is an upload mistake or a decompression bomb.
LOGO_MAX_PIXELS = 4000 * 4000


def logo_check(upload: UploadedFile) -> str:
    """The extension for a valid logo; ValidationError for anything that is not a readable
    PNG or JPEG of at most LOGO_MAX_BYTES, whatever its name or declared content type."""
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large: it can be at most 1 MB. Save it smaller and try again.")
        )
    try:
        upload.seek(0)
        # Only the PNG and JPEG decoders are tried: no other parser ever sees the upload.
        with Image.open(upload, formats=list(LOGO_FORMATS)) as image:
            image_format, (width, height) = image.format, image.size
            if width * height > LOGO_MAX_PIXELS:
                raise ValidationError(_("The logo has too many pixels: at most 4000 by 4000."))
            image.verify()
    except ValidationError:
        raise
    except Exception:  # Pillow raises many kinds for a file that is not a valid image
        raise ValidationError(
            _("The logo must be a PNG or JPEG image. The file you chose is not one.")
        ) from None
    finally:
        upload.seek(0)
    return LOGO_FORMATS[image_format]


def logo_content_type(content: bytes) -> str | None:
    """The content type of stored logo bytes (PNG or JPEG), or None."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None
