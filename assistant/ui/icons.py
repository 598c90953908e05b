"""Icons as inline SVG: they draw with any font installed, unlike emoji (which show as empty boxes on
machines without an emoji font). Each is decorative (aria-hidden); the text or aria-label beside it
carries the meaning. Paths are simple strokes in the current text colour, from scratch.
"""

from __future__ import annotations

from urllib.parse import quote

_SVG = (
    '<svg class="pns-icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" '
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">{}</svg>'
)
_PATHS = {
    "alert": '<path d="M12 3 2 20h20L12 3z"/><path d="M12 10v4"/><path d="M12 17.5v.01"/>',
    "info": '<circle cx="12" cy="12" r="9"/><path d="M12 11v6"/><path d="M12 7.5v.01"/>',
    "copy": '<rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h8"/>',
    "check": '<path d="M4 12.5 9.5 18 20 6"/>',
    "thumb_up": '<path d="M7 11v9H4v-9h3z"/><path d="M7 11l4-7a2 2 0 0 1 3 2l-1 4h6a2 2 0 0 1 2 2.3l-1.3 6A2 2 0 0 1 17.7 20H7"/>',
    "thumb_down": '<path d="M7 13V4H4v9h3z"/><path d="M7 13l4 7a2 2 0 0 0 3-2l-1-4h6a2 2 0 0 0 2-2.3l-1.3-6A2 2 0 0 0 17.7 4H7"/>',
}


def icon(name: str) -> str:
    """The named icon as an inline <svg> element (KeyError for an unknown name: a typo should fail loudly)."""
    return _SVG.format(_PATHS[name])


def icon_data_url(name: str, color: str = "#1f2937") -> str:
    """The named icon as a CSS url(): for gradio's own buttons, whose label is plain text."""
    svg = icon(name).replace("currentColor", color).replace(' class="pns-icon"', ' xmlns="http://www.w3.org/2000/svg"')
    return 'url("data:image/svg+xml,' + quote(svg, safe="") + '")'
