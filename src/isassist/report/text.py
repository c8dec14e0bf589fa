"""Lay a report view out as HTML or Markdown with the package's jinja2 templates.

HTML is autoescaped; Markdown goes through ``md``/``cell`` filters that neutralise HTML and
Markdown syntax, because a company name such as ``<script>`` or ``**x**`` must show as
typed in a wiki or a mail client, never act.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from isassist.report.labels import word
from isassist.report.quadrant import Placed, geometry, place, quadrant_key
from isassist.report.view import ReportView

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~!])")
_ENTITY = re.compile(r"&(?=#?\w+;)")  # only an ampersand that would start an entity


def md(value: object) -> str:
    """Text safe in Markdown prose: HTML entities escaped, Markdown marks backslashed."""
    text = " ".join(str(value).split())
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def cell(value: object) -> str:
    """Text safe in a Markdown table cell (one line, pipes escaped by ``md``)."""
    return md(value) if str(value).strip() else " "


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("isassist.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["cell"] = cell
    return env


def render_html(view: ReportView) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(v=view, placed=place(view.points), geometry=geometry())


def render_markdown(view: ReportView) -> str:
    def quadrant_of(point: Placed) -> str:
        return word(quadrant_key(point), view.lang)

    template = _environment().get_template("report.md.j2")
    text = template.render(v=view, placed=place(view.points), quadrant_of=quadrant_of)
    return re.sub(r"\n{3,}", "\n\n", text)
