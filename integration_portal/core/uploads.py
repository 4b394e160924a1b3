"""What an uploaded file is, decided by its content, never by its name or declared type.

Every upload the portal keeps (case documents, the municipality's logo) passes `upload_check`
before it is stored. A file is one of the kinds asked for only when its bytes say so and its
parser reads it: images are opened and verified by Pillow with only the expected decoder,
PDFs must start with `%PDF-`, be unencrypted (an encrypted file could not be checked, nor
merged into a print bundle), and carry no JavaScript, launch or other active content, which
a PDF reader would run on a caseworker's machine: the bytes are scanned for those names and,
where pypdf can read the file, the document's and pages' actions are looked at too. SVG is
never accepted: it is a script container.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile


@dataclass(frozen=True)
class FileKind:
    name: str
    content_type: str
    extension: str  # the one a stored file of this kind gets
    extensions: frozenset[str]  # the ones an upload of this kind may be named with
    magic: bytes
    pillow_format: str | None = None  # images: the one decoder Pillow may use


PDF = FileKind("PDF", "application/pdf", ".pdf", frozenset({".pdf"}), b"%PDF-")
PNG = FileKind("PNG", "image/png", ".png", frozenset({".png"}), b"\x89PNG\r\n\x1a\n", "PNG")
JPEG = FileKind("JPEG", "image/jpeg", ".jpg", frozenset({".jpg", ".jpeg"}), b"\xff\xd8\xff",
                "JPEG")

# A scanned A4 page at 600 dpi is about 35 million pixels; more is a mistake or a
# decompression bomb.
MAX_PIXELS = 60_000_000

# PDF names that make a reader run code or open other programs. A name may spell any
# character as #xx, so the bytes are matched after undoing that.
_ACTIVE_PDF_NAMES = re.compile(rb"/(JavaScript|JS|Launch|RichMedia|XFA)(?![A-Za-z0-9])")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_ENCRYPT = re.compile(rb"/Encrypt(?![A-Za-z0-9])")
_PDF_STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


def _kinds_text(kinds: tuple[FileKind, ...]) -> str:
    names = [kind.name for kind in kinds]
    return ", ".join(names[:-1]) + (" " + _("or") + " " if len(names) > 1 else "") + names[-1]


def kind_of(content: bytes, kinds: tuple[FileKind, ...]) -> FileKind | None:
    """The one of `kinds` whose signature `content` starts with, or None."""
    return next((kind for kind in kinds if content.startswith(kind.magic)), None)


def upload_check(upload: UploadedFile, *, kinds: tuple[FileKind, ...], max_bytes: int,
                 max_pixels: int = MAX_PIXELS, name_must_agree: bool = True) -> FileKind:
    """The kind of `upload`, one of `kinds`; ValidationError, in the user's language, when it
    is too large, is none of them, or is one of them in name only.

    The content decides; with `name_must_agree` the file's extension must also be one of its
    kind's, so that a file kept under the name it came with opens in the right program."""
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large: it can be at most %(limit)s MB.")
            % {"limit": _megabytes(max_bytes)}, code="too_large")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = kind_of(head, kinds)
    extension = os.path.splitext(upload.name or "")[1].lower()
    not_one = ValidationError(
        _("The file must be a %(kinds)s file, and the one you chose is not one.")
        % {"kinds": _kinds_text(kinds)}, code="invalid_type")
    if kind is None or (name_must_agree and extension not in kind.extensions):
        raise not_one
    try:
        if kind.pillow_format:
            _check_image(upload, kind, max_pixels)
        else:
            _check_pdf(upload)
    finally:
        upload.seek(0)
    return kind


def _check_image(upload: UploadedFile, kind: FileKind, max_pixels: int) -> None:
    try:
        # Only the expected decoder is tried: no other parser ever sees the upload.
        with Image.open(upload, formats=[kind.pillow_format]) as image:
            width, height = image.size
            if width * height > max_pixels:
                raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
            image.verify()
    except ValidationError:
        raise
    except Exception:  # Pillow raises many kinds for a damaged or disguised file
        raise ValidationError(
            _("The image cannot be read. It may be damaged: save it again and try again."),
            code="unreadable") from None


def _check_pdf(upload: UploadedFile) -> None:
    from pypdf import PdfReader

    if _pdf_bytes_contain(upload, _ENCRYPT):
        raise _encrypted()
    if _pdf_bytes_contain(upload, _ACTIVE_PDF_NAMES):
        raise _active()
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        encrypted = reader.is_encrypted
        active = not encrypted and _actions_run_code(reader)
    except Exception:  # pypdf raises many kinds for a file it cannot read
        # A PDF pypdf cannot read is kept as before: the byte scan above has looked at it,
        # and it is only ever served as a download (attachment, nosniff).
        return
    if encrypted:
        raise _encrypted()
    if active:
        raise _active()


def _encrypted() -> ValidationError:
    return ValidationError(
        _("The PDF is protected with a password. Save it without protection and try again."),
        code="encrypted")


def _active() -> ValidationError:
    return ValidationError(
        _("The PDF contains scripts or actions that start other programs. Print it to a new "
          "PDF and try again."), code="active_content")


def _pdf_bytes_contain(upload: UploadedFile, pattern: re.Pattern) -> bool:
    """Whether the PDF's objects, outside their streams, hold a name matching `pattern`.
    Stream data is left out: compressed bytes hold three-letter names like /JS by chance."""
    upload.seek(0)
    content = _PDF_STREAM.sub(b"stream", upload.read())  # at most max_bytes: checked before
    return bool(pattern.search(_PDF_NAME_ESCAPE.sub(
        lambda match: bytes([int(match.group(1), 16)]), content)))


def _actions_run_code(reader) -> bool:
    """Whether the document or a page runs an action when opened, or a link runs code:
    these objects may sit in compressed object streams, out of the byte scan's sight."""
    catalog = reader.trailer["/Root"].get_object()
    names = catalog.get("/Names")
    if "/AA" in catalog or _runs_code(catalog.get("/OpenAction")):
        return True
    if names is not None and "/JavaScript" in names.get_object():
        return True
    for page in reader.pages:
        if "/AA" in page:
            return True
        for annotation in page.get("/Annots") or ():
            if _runs_code(annotation.get_object().get("/A")):
                return True
    return False


def _runs_code(action) -> bool:
    """Whether a PDF action (None, a destination array or an action dictionary) runs
    JavaScript or starts a program."""
    action = action.get_object() if action is not None else None
    return hasattr(action, "get") and action.get("/S") in ("/JavaScript", "/Launch")
