"""What an uploaded file must be before the site keeps it: one set of rules for the admin's
forms (editorial.forms), the demo loader, the load generator and any importer.

Images: the size and pixel limits of the settings, read from the file's header before
anything is decoded (a decompression bomb is refused, not decoded), a format known by the
content and matching the extension (SVG is never an image here), and a file that decodes.
Documents: an allow-listed extension, the size limit, and content that matches the extension.
"""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

# Pillow's name of each format WAGTAILIMAGES_EXTENSIONS may list.
IMAGE_FORMATS = {
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "gif": "GIF",
    "webp": "WEBP",
    "avif": "AVIF",
}

OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # .doc, .xls, .ppt
ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # .docx, .xlsx, .pptx, .odt, .zip
TEXT = None  # no signature: text without NUL bytes (or UTF-16 with its byte order mark)
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "zip": ZIP,
    "rtf": (b"{\\rtf",),
    "csv": TEXT,
    "txt": TEXT,
}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SNIFF_BYTES = 64 * 1024


def extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_size(file, limit):
    if limit is not None and file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def check_image_file(file):
    """Raise a ValidationError (in the reader's language) unless `file` is an image we keep."""
    ext = extension(file.name or "")
    allowed = [e for e in settings.WAGTAILIMAGES_EXTENSIONS if e in IMAGE_FORMATS]
    if ext not in allowed:
        raise ValidationError(
            _("Images must be one of these formats: %(formats)s.")
            % {"formats": ", ".join(allowed)},
            code="invalid_image_extension",
        )
    check_size(file, getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None))
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    too_many_pixels = ValidationError(
        _("The image has too many pixels; the most accepted is %(limit)s.")
        % {"limit": max_pixels or PILImage.MAX_IMAGE_PIXELS},
        code="file_too_many_pixels",
    )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            # Opening reads the header only: size and format are known before any decoding.
            with PILImage.open(file) as image:
                if image.format != IMAGE_FORMATS[ext]:
                    raise ValidationError(
                        _("The file's content is not a %(format)s image.")
                        % {"format": IMAGE_FORMATS[ext]},
                        code="invalid_image_known_format",
                    )
                width, height = image.size
                if max_pixels and width * height * getattr(image, "n_frames", 1) > max_pixels:
                    raise too_many_pixels
                image.load()
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
        raise too_many_pixels from None
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - Pillow raises many kinds on a broken file
        raise ValidationError(
            _("The file is not an image, or it is damaged."), code="invalid_image"
        ) from error
    finally:
        file.seek(0)


def checked_image_file(content, name):
    """An ImageFile for `content` (bytes) that passed `check_image_file`: for loaders."""
    file = ImageFile(io.BytesIO(content), name=name)
    check_image_file(file)
    return file


def check_document_file(file):
    """Raise a ValidationError unless `file` is an allow-listed document whose content
    matches its extension (a page of HTML named .pdf is refused)."""
    ext = extension(file.name or "")
    allowed = [e for e in settings.WAGTAILDOCS_EXTENSIONS if e in DOCUMENT_SIGNATURES]
    if ext not in allowed:
        raise ValidationError(
            _("Documents must be one of these types: %(types)s.") % {"types": ", ".join(allowed)},
            code="invalid_document_extension",
        )
    check_size(file, getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None))
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    signatures = DOCUMENT_SIGNATURES[ext]
    if signatures is TEXT:
        matches = head.startswith(UTF16_BOMS) or b"\x00" not in head
    else:
        matches = head.startswith(signatures)
    if not matches:
        raise ValidationError(
            _("The file's content does not match its extension (.%(extension)s).")
            % {"extension": ext},
            code="invalid_document_content",
        )
