"""A displaCy page with one colour per label; normalised values show on hover."""

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


def _label(ent: dict) -> str:
    # displaCy prints the label inside the entity box; attributes ride along as text
    extras = [f"{k}={ent[k]}" for k in ATTRS if ent.get(k) not in (None, "")]
    return ent["label"] + (f" · {' '.join(extras)}" if extras else "")


def write(docs: Iterable[TaggedDoc], out: TextIO) -> int:
    records = []
    for doc in docs:
        records.append({
            "text": doc.text,
            "ents": [{"start": e["start"], "end": e["end"], "label": _label(e)} for e in doc.ents],
            "title": _html.escape(doc.source),
        })
    colors = {}
    for rec in records:
        for ent in rec["ents"]:
            colors[ent["label"]] = DISPLACY_COLORS.get(ent["label"].split(" · ")[0], "#ddd")
    page = displacy.render(
        records, style="ent", manual=True, page=True, jupyter=False,
        options={"colors": colors},
    )
    out.write(page)
    return len(records)
