"""WCAG 2.2 contrast between two colours, worked out here rather than taken on trust, so a
centre's colours are checked before a page is built (docs/centres.md, "Colours").

The backgrounds are the ones Material's two schemes paint text on: white and the light
grey of code and panels in the default scheme; the slate page and its lighter panels in
the dark scheme (hue 232, Material's default).
"""

from __future__ import annotations

import colorsys
import re

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
AA_TEXT = 4.5  # WCAG 2.2 AA, 1.4.3: normal-size text


def _hsl(hue: float, saturation: float, lightness: float) -> str:
    r, g, b = colorsys.hls_to_rgb(hue / 360, lightness, saturation)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))


WHITE = "#ffffff"
LIGHT_BACKGROUNDS = {"the white page": WHITE, "the light grey panels": _hsl(0, 0, 0.96)}
DARK_BACKGROUNDS = {"the dark page": _hsl(232, 0.15, 0.14), "the dark panels": _hsl(232, 0.15, 0.18)}


def luminance(colour: str) -> float:
    """Relative luminance of '#rrggbb' (WCAG 2.2, "relative luminance")."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    """Contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def worst(colour: str, backgrounds: dict[str, str]) -> tuple[float, str]:
    """The lowest ratio of ``colour`` against any of ``backgrounds``, and that background's name."""
    return min((ratio(colour, bg), name) for name, bg in backgrounds.items())


def shown(value: float) -> str:
    """A ratio as people quote it, rounded down so a failing 4.49 never reads as 4.5."""
    return f"{int(value * 100) / 100:.2f}:1"
