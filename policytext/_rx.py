"""Searching fast with patterns the regex engine would try at every character.

Python's engine skips ahead through a text only when a pattern opens with a
literal or a character class; a pattern opening with a lookbehind, an
optional group or alternatives of such is tried at every position.  Most
positions of a Chinese text start nothing of interest, so
:func:`finder` compiles a pattern that first skips to a character the
original may start with, then checks the original there.  The character set
is read from the pattern itself (:func:`first_chars`), so that a word list
grown in ``policytext/data/`` needs no second list kept beside it.

>>> tail = "(?:继续|持续(?<!可持续)|(?<![下到])达到)+$"
>>> finder(tail).search("比例继续超过") is None
True
>>> finder(tail).search("经济增长速度持续达到").start()
6
>>> sorted(first_chars(tail))
['持', '继', '达']
"""
from __future__ import annotations

import re
import sys
from typing import Optional

if sys.version_info >= (3, 11):
    from re import _constants as _C
    from re import _parser as _P
else:  # pragma: no cover - Python 3.10
    import sre_constants as _C
    import sre_parse as _P

__all__ = ["Fast", "finder", "first_chars"]

_CATEGORIES = {_C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_SPACE: r"\s", _C.CATEGORY_WORD: r"\w"}
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())
_ZERO_WIDTH = {_C.ASSERT, _C.ASSERT_NOT, _C.AT}


def _char(code: int) -> str:
    """One code point as it may stand inside a character class."""
    c = chr(code)
    return "\\" + c if c in "\\]^-[" else c if c.isprintable() and not c.isspace() else f"\\U{code:08x}"


def _class_items(items) -> Optional[list[str]]:
    out = []
    for op, av in items:
        if op is _C.LITERAL:
            out.append(_char(av))
        elif op is _C.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # a negated class or category: nearly any character
            return None
    return out


def _sequence(data) -> tuple[Optional[list[str]], bool]:
    """The class items a sequence of pattern items may start with (None: any character),
    and whether the sequence may match the empty string."""
    firsts: list[str] = []
    for op, av in data:
        if op in _ZERO_WIDTH:
            continue  # a lookaround or an anchor consumes nothing: the next item starts the match
        items, nullable = _item(op, av)
        if items is None:
            return None, False
        firsts += items
        if not nullable:
            return firsts, False
    return firsts, True


def _item(op, av) -> tuple[Optional[list[str]], bool]:
    if op is _C.LITERAL:
        return [_char(av)], False
    if op is _C.IN:
        return _class_items(av), False
    if op is _C.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is _C.BRANCH:
        firsts: list[str] = []
        nullable = False
        for alt in av[1]:
            items, empty = _sequence(alt.data)
            if items is None:
                return None, False
            firsts += items
            nullable = nullable or empty
        return firsts, nullable
    if op in _REPEATS:
        items, empty = _sequence(av[2].data)
        return items, empty or av[0] == 0
    if getattr(_C, "ATOMIC_GROUP", None) is not None and op is _C.ATOMIC_GROUP:
        return _sequence(av.data)
    return None, False  # ANY, NOT_LITERAL, back references: any character


def _first_items(pattern: str, flags: int = 0) -> Optional[list[str]]:
    parsed = _P.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    items, nullable = _sequence(parsed.data)
    return None if nullable else items


def first_chars(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """The characters a match of ``pattern`` may start with, or None when it may start with
    nearly any (a dot, a negated class, an empty match).  Ranges and categories are
    listed by :func:`finder`'s class, not here: this set holds the literals only.

    >>> sorted(first_chars("(?<![第])(?:[一二]|三)是|百分之"))
    ['一', '三', '二', '百']
    >>> first_chars("(?:增长)?") is None, first_chars(".+是") is None
    (True, True)
    """
    items = _first_items(pattern, flags)
    if items is None:
        return None
    return frozenset(i[-1] for i in items if len(i) == 1 or (len(i) == 2 and i[0] == "\\"))


def finder(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled to search fast: ``finder(p).search(text, pos)`` starts where
    ``re.compile(p).search(text, pos)`` does (or is None when that is), but matches the one
    character there only; use it to find where, and the plain pattern to read what.

    A pattern whose first character cannot be told (``.*``, ``[^，]``) is compiled as it is.

    >>> finder("(?<![统])一是").search("统一是，一是").start()
    4
    """
    items = _first_items(pattern, flags)
    if items is None:
        return re.compile(pattern, flags)
    return re.compile(rf"[{''.join(dict.fromkeys(items))}](?<=(?={pattern})(?s:.))", flags)


class Fast:
    """A pattern searched through its :func:`finder`: ``search`` and ``finditer`` give the
    matches ``re`` gives, groups and all, each read with ``match`` where the finder stopped.

    >>> change = Fast(r"(?:(?P<basis>同比|比上年)?(?:平均|年均)?)(?P<verb>增长|下降)\\s*$")
    >>> m = change.search("全年粮食产量比上年增长")
    >>> m.group("basis"), m.start()
    ('比上年', 6)
    >>> [m.group() for m in Fast("(?<![要将])已(?:经)?").finditer("已经完成，将已")]
    ['已经']
    """

    __slots__ = ("_find", "pattern")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self._find = finder(pattern, flags)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Optional[re.Match]:
        hit = self._find.search(text, pos, endpos)
        return None if hit is None else self.pattern.match(text, hit.start(), endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if self._find.pattern == self.pattern.pattern:  # no finder (it may match the empty string): re's own
            yield from self.pattern.finditer(text, pos, endpos)
            return
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end()  # never empty: a pattern with a finder matches one character at least
