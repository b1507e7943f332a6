"""Package properties (docProps/core.xml, docProps/app.xml) and section page setup."""

from __future__ import annotations

from lxml import etree

from naskah_lint.model import Metadata
from naskah_lint.reader import ns
from naskah_lint.reader.props import twips, twips_to_mm

_CORE = {
    "title": "title",
    "subject": "subject",
    "creator": "creator",
    "lastModifiedBy": "last_modified_by",
    "created": "created",
    "modified": "modified",
}
_APP = {"Application": "application", "AppVersion": "app_version", "Company": "company"}


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def metadata(core: etree._Element | None, app: etree._Element | None) -> Metadata:
    """Metadata from the core and app property parts (matched by local name, any namespace)."""
    values: dict[str, str | None] = {}
    for root, names in ((core, _CORE), (app, _APP)):
        if root is None:
            continue
        for child in root:
            key = names.get(_local(child))
            if key is not None and key not in values:
                text = "".join(str(x) for x in child.itertext()).strip()
                values[key] = text or None
    return Metadata(**values)


def page_setup(sectpr: etree._Element | None) -> dict[str, float | str | None]:
    """Page size, orientation and margins (mm) of a sectPr; None where the file says nothing."""
    out: dict[str, float | str | None] = {
        "page_width_mm": None,
        "page_height_mm": None,
        "orientation": None,
        "margin_top_mm": None,
        "margin_bottom_mm": None,
        "margin_left_mm": None,
        "margin_right_mm": None,
    }
    if sectpr is None:
        return out
    size = sectpr.find(ns.w("pgSz"))
    if size is not None:
        width = twips(size.get(ns.w("w")))
        height = twips(size.get(ns.w("h")))
        out["page_width_mm"] = twips_to_mm(width)
        out["page_height_mm"] = twips_to_mm(height)
        if width and height and width != height:
            out["orientation"] = "landscape" if width > height else "portrait"
        else:
            orient = (size.get(ns.w("orient")) or "").strip().lower()
            out["orientation"] = orient if orient in ("portrait", "landscape") else None
    margins = sectpr.find(ns.w("pgMar"))
    if margins is not None:
        for side in ("top", "bottom", "left", "right"):
            value = twips(margins.get(ns.w(side)))
            out[f"margin_{side}_mm"] = twips_to_mm(abs(value)) if value is not None else None
    return out
