"""A displaCy page with one colour per label; normalised values show on hover (title)."""

from __future__ import annotations

import html as _html
from typing import Iterable, TextIO

from spacy import displacy

from ..tagging import TaggedDoc

DISPLACY_COLORS = {
    "AGENCY": "#7aecec",
    "POLICY": "#feca74",
    "MONEY": "#bfe1d9",
    "PERSON_ALIAS": "#c887fb",
}
ATTRS = ("value", "value_max", "currency", "approximate", "alias_kind", "alias_id",
         "doc_type", "title", "issuer", "doc_number", "level", "region", "function")


def _hover(ent: dict) -> str:
    return "; ".join(f"{k}={ent[k]}" for k in ATTRS if ent.get(k) not in (None, ""))


def _add_titles(page: str, hovers: list[str]) -> str:
    """Give each entity box a tooltip with its normalised values, in document order."""
    parts = page.split('<mark class="entity"')
    out = [parts[0]]
    for hover, part in zip(hovers, parts[1:]):
        title = f' title="{_html.escape(hover, quote=True)}"' if hover else ""
        out.append(f'<mark class="entity"{title}{part}')
    return "".join(out)


def write(docs: Iterable[TaggedDoc], out: TextIO) -> int:
    records, hovers = [], []
    for doc in docs:
        records.append({
            "text": doc.text,
            "ents": [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in doc.ents],
            "title": _html.escape(doc.source),
        })
        hovers.extend(_hover(e) for e in doc.ents)
    page = displacy.render(
        records, style="ent", manual=True, page=True, jupyter=False,
        options={"colors": DISPLACY_COLORS},
    )
    out.write(_add_titles(page, hovers))
    return len(records)
