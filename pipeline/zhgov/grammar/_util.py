"""Small helpers shared by the grammar modules."""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple


class Match(NamedTuple):
    start: int
    end: int
    label: str


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie.

    Python's ``re`` tries alternatives one by one; factoring common prefixes makes the
    match cost proportional to the match length instead of the number of words, and
    the greedy optional branches make the longest word win.
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1:
            body = branches[0]
            if ends_here:
                return f"(?:{body})?" if len(body) > 1 else f"{body}?"
            return body
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends_here else body

    return build(trie)


def first_fit(items, bounds) -> list:
    """``items`` in order, each kept unless it overlaps one kept before it.

    ``bounds(item)`` gives ``(start, end)``; empty items are dropped. Order is the
    priority: the caller sorts by whatever should win.
    """
    kept, taken = [], bytearray()
    for item in items:
        start, end = bounds(item)
        if end <= start:
            continue
        if len(taken) < end:
            taken.extend(bytes(end - len(taken)))
        if taken.find(1, start, end) >= 0:
            continue
        kept.append(item)
        taken[start:end] = b"\x01" * (end - start)
    return kept


CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
