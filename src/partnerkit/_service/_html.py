"""Static HTML for the preview and view pages: no script, every value escaped."""

from __future__ import annotations

from html import escape

from partnerkit._model import Institution
from partnerkit._service._entities import describe

__all__ = ["PREVIEW_HEIGHT", "PREVIEW_WIDTH", "not_found_page", "preview_page"]

PREVIEW_WIDTH = 430
PREVIEW_HEIGHT = 220

_STYLE = (
    "body{font:13px/1.4 sans-serif;margin:6px;color:#222}"
    "h1{font-size:15px;margin:0 0 4px}p{margin:0 0 6px;color:#555}"
    "dl{margin:0;display:grid;grid-template-columns:max-content auto;gap:2px 8px}"
    "dt{color:#777}dd{margin:0}"
)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def preview_page(inst: Institution, sid: str) -> str:
    """The preview of one institution: names, acronyms, labels, place, kind, identifiers."""
    rows: list[tuple[str, str]] = []
    if inst.acronyms:
        rows.append(("Acronyms", escape(", ".join(inst.acronyms))))
    if inst.aliases:
        rows.append(("Also", escape("; ".join(inst.aliases))))
    for lang, label in sorted(inst.labels.items()):
        rows.append((f"Label ({escape(lang)})", f'<span lang="{escape(lang)}">{escape(label)}</span>'))
    if inst.city:
        rows.append(("City", escape(inst.city)))
    if inst.country:
        rows.append(("Country", escape(describe(Institution(id=inst.id, name=inst.name, country=inst.country)))))
    rows.append(("Kind", escape(inst.kind.value)))
    for scheme, value in sorted(inst.identifiers.items()):
        rows.append((escape(scheme.upper() if len(scheme) <= 4 else scheme), escape(value)))
    if inst.domains:
        rows.append(("Domains", escape(", ".join(inst.domains))))
    if inst.status != "active":
        rows.append(("Status", escape(inst.status)))
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    body = f"<h1>{escape(inst.name)}</h1><p>{escape(sid)}</p><dl>{items}</dl>"
    return _page(inst.name, body)


def not_found_page(sid: str) -> str:
    """The page for an id the registry does not know."""
    return _page("Not found", f"<h1>Not found</h1><p>No institution with id {escape(sid[:200])!s}.</p>")
