"""Uploaded images: an SVG is cleaned of anything that can run before it is stored.

An SVG is a document that can carry scripts, event handlers and links to other sites.
Editors need SVG (the topics' pictograms), so every SVG uploaded through the Wagtail
admin goes through svg-hush (Cloudflare's filter, via py-svg-hush): scripts, event
handlers, ``javascript:`` links, foreign objects and references to other sites are
removed; shapes and styles stay. Media are also served with a sandboxing
Content-Security-Policy (``portal/security.py``, ``docs/deploy.md``).

Wagtail uses this form for every image upload and edit (``WAGTAILIMAGES_IMAGE_FORM_BASE``).
"""

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

from py_svg_hush import filter_svg

# data: URLs an SVG may keep (embedded bitmaps); any other data: URL is dropped.
KEPT_DATA_URLS = {"image": ["png", "jpeg", "gif", "webp"]}


def is_svg(name):
    return name.lower().endswith(".svg")


def clean_svg(data):
    """The SVG ``data`` (bytes) without what can run or call other sites; ValueError if unreadable."""
    return filter_svg(data, KEPT_DATA_URLS)


class ImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not is_svg(upload.name) or "file" not in self.changed_data:
            return upload
        upload.seek(0)
        try:
            data = clean_svg(upload.read())
        except ValueError:
            raise forms.ValidationError(
                _("Ce fichier SVG est illisible. Enregistrez-le de nouveau depuis votre logiciel de dessin."),
                code="invalid_svg",
            ) from None
        return SimpleUploadedFile(upload.name, data, content_type="image/svg+xml")
