"""``--handed`` on ``casefile new``, ``walk-in`` and ``edit``: one thing the customer handed in, as one text.

    NAME[×N][,纸质|实物|电子][,原件|复印件][,留存|退回][,photo=FILE|exhibit=N]…

The parts after the name come in any order, separated by commas (, or ，). The record keeps what was handed in
as one of 原件, 复印件 (both papers), 实物 or 电子 (casefile.core.validate.HANDED_IN), so 纸质 goes with 原件 or
复印件, and 复印件 only with 纸质. The English words of the record (original, copy, object, electronic, kept,
returned) are taken too. ``casefile show`` prints each item back in this form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from casefile.core.errors import InvalidValueError
from casefile.core.model import HandedItem
from casefile.core.validate import DISPOSITIONS, HANDED_IN, check_text, clean_text

_HELP = (
    "something the customer handed in, photographed or not ({repeat}): "
    "'NAME[×N][,纸质|实物|电子][,原件|复印件][,留存|退回][,{link}]', the parts after the name in any order, e.g. "
    "'购物小票,纸质,原件,退回,{example}' or '充电器×2,实物,留存'. ×N is how many (also *N or ' x2', or a part such as "
    "'2件'); 纸质 needs 原件 or 复印件 (原件 or 复印件 alone is a paper); {link} links the store's photo of it"
)
WALK_IN_HELP = _HELP.format(repeat="repeatable", link="photo=FILE", example="photo=IMG_0412.jpg") + (
    " (a FILE not among the PHOTOs is added with them)"
)
EDIT_HELP = _HELP.format(
    repeat="repeatable; the items given replace the list", link="exhibit=N", example="exhibit=1"
) + (
    " (or photo=FILE: the exhibit with the same SHA-256); --handed '' empties the list; --from FILE.json takes "
    "handed_items as case.json holds them"
)

NEW_HELP = (
    "something the customer handed in (repeatable): 'NAME[×N][,纸质|实物|电子][,原件|复印件][,留存|退回]', the parts "
    "after the name in any order, e.g. '购物小票,纸质,原件,退回' or '充电器×2,实物,留存'. ×N is how many (also *N "
    "or ' x2', or a part such as '2件'); 纸质 needs 原件 or 复印件 (原件 or 复印件 alone is a paper). A new case "
    "has no exhibits to link: add the photos (casefile add), then link them with casefile edit --handed "
    "'…,exhibit=N', or register at the counter with casefile walk-in; --from FILE.json takes handed_items too"
)

MAX_COUNT = 999  # as many as the walk-in desk's list takes

# The words of each part, Chinese as the receipt prints them, and the record's English values.
_FORMS = {
    "纸质": "paper",
    "paper": "paper",
    "实物": "object",
    "object": "object",
    "电子": "electronic",
    "electronic": "electronic",
}
_ORIGINALS = {"原件": "original", "original": "original", "复印件": "copy", "copy": "copy"}
_KEPT = {
    "留存": "kept",
    "kept": "kept",
    "keep": "kept",
    "退回": "returned",
    "returned": "returned",
    "return": "returned",
}
_KNOWN = "纸质, 实物, 电子, 原件, 复印件, 留存, 退回, ×N, photo=FILE or exhibit=N"

_SEPARATORS = re.compile(r"[,，]")
# The count at the end of the name: 小票×2, 小票*2, 小票 x2, 小票x2 (an x right after a letter or digit, as in
# RTX4090, is part of the name).
_NAME_COUNT = re.compile(r"^(?P<name>.*?)\s*(?:[×*＊]|(?:(?<=\s)|(?<=[^\x00-\x7f]))x)\s*(?P<count>\d+)$")
# A part that is only a count: ×2, x2, *2, 2, 2件.
_COUNT = re.compile(r"^(?:[×*＊xX]\s*)?(?P<count>\d+)\s*[份张件个页本台只套部支把块条盒袋]?$")
_PHOTO = re.compile(r"^(?:photo|照片)\s*[=:：]\s*(?P<file>.+)$", re.IGNORECASE)
_EXHIBIT = re.compile(r"^exhibit\s*[=:：]?\s*(?P<number>\d+)$", re.IGNORECASE)

# The record's values in the words --handed takes (casefile show prints an item with them).
_FORM_WORDS = {"original": "纸质,原件", "copy": "纸质,复印件", "object": "实物", "electronic": "电子"}
_KEPT_WORDS = {"kept": "留存", "returned": "退回"}


@dataclass(frozen=True)
class HandedText:
    """One ``--handed`` item: ``handed_in`` one of HANDED_IN or "" and ``disposition`` one of DISPOSITIONS or ""
    (not said); ``files`` the photos of it named by file, ``exhibits`` by exhibit number."""

    name: str
    count: int = 1
    handed_in: str = ""
    disposition: str = ""
    files: tuple[Path, ...] = ()
    exhibits: tuple[int, ...] = ()


def parse_handed(text: str, option: str = "--handed") -> HandedText:
    """One ``--handed`` text, checked; an error names the option, the text and the part that is wrong."""
    where = f"{option} {text.strip()!r}"
    name, *parts = (p.strip() for p in _SEPARATORS.split(text))
    count: int | None = None
    found = _NAME_COUNT.match(name)
    if found and found.group("name").strip():
        name, count = found.group("name").strip(), _count(found.group("count"), where)
    name = check_text(clean_text(name, option, "name"), option, "name").strip()
    if not name:
        raise InvalidValueError("{where}: the name of what was handed in comes first", where=where)
    chosen: dict[str, tuple[str, str]] = {}  # kind of part -> (its value, the word typed)
    files: list[Path] = []
    exhibits: list[int] = []
    for part in parts:
        if not part:
            continue
        word = part.lower()
        photo, exhibit, counted = _PHOTO.match(part), _EXHIBIT.match(part), _COUNT.match(part)
        if photo:
            files.append(Path(photo.group("file").strip()))
        elif exhibit:
            number = int(exhibit.group("number"))
            if number < 1:
                raise InvalidValueError("{where}: {part!r}: exhibits are numbered from 1", where=where, part=part)
            exhibits.append(number)
        elif counted:
            again = _count(counted.group("count"), where)
            if count is not None and count != again:
                raise InvalidValueError(
                    "{where}: {part!r} says how many a second time, differently; give it once", where=where, part=part
                )
            count = again
        else:
            for kind, words in (("form", _FORMS), ("original", _ORIGINALS), ("kept", _KEPT)):
                if word in words:
                    earlier = chosen.get(kind)
                    if earlier is not None and earlier[0] != words[word]:
                        raise InvalidValueError(
                            "{where}: {first!r} and {second!r} cannot both be said of it; give one",
                            where=where,
                            first=earlier[1],
                            second=part,
                        )
                    chosen[kind] = (words[word], part)
                    break
            else:
                raise InvalidValueError("{where}: {part!r} is not one of {known}", where=where, part=part, known=_KNOWN)
    return HandedText(
        name,
        1 if count is None else count,
        _handed_in(chosen.get("form"), chosen.get("original"), where),
        chosen.get("kept", ("", ""))[0],
        tuple(files),
        tuple(exhibits),
    )


def _count(digits: str, where: str) -> int:
    count = int(digits)
    if not 1 <= count <= MAX_COUNT:
        raise InvalidValueError(
            "{where}: how many is from 1 to {most}, not {count}", where=where, most=MAX_COUNT, count=count
        )
    return count


def _handed_in(form: tuple[str, str] | None, original: tuple[str, str] | None, where: str) -> str:
    """The record's one value (HANDED_IN) for what the parts say: a paper is its original or a copy; an object or
    an electronic file is what it is (its 原件 goes without saying)."""
    if form is None or form[0] == "paper":
        if original is None:
            if form is not None:
                raise InvalidValueError(
                    "{where}: {part!r}: say whether it is the 原件 or a 复印件", where=where, part=form[1]
                )
            return ""
        return original[0]
    if original is not None and original[0] == "copy":
        raise InvalidValueError(
            "{where}: {first!r} and {second!r} cannot both be said of it: a 复印件 is a paper (纸质,复印件)",
            where=where,
            first=form[1],
            second=original[1],
        )
    return form[0]


def handed_text(item: HandedItem) -> str:
    """An item of the case's list as ``--handed`` takes it, the photos by exhibit number."""
    parts = [item.name + (f"×{item.count}" if item.count > 1 else "")]
    if item.handed_in:
        parts.append(_FORM_WORDS.get(item.handed_in, item.handed_in))
    if item.disposition:
        parts.append(_KEPT_WORDS.get(item.disposition, item.disposition))
    parts += [f"exhibit={n}" for n in item.photos]
    return ",".join(parts)


def handed_from_json(value: object, where: str) -> list[HandedText]:
    """``handed_items`` as case.json holds them (``casefile edit --from FILE.json``): a list of objects with
    ``name``, ``count``, ``handed_in``, ``disposition`` and ``photos`` (exhibit numbers)."""
    if not isinstance(value, list):
        raise InvalidValueError("{where}: expected a list of things handed in", where=where)
    items = []
    for i, item in enumerate(value, start=1):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise InvalidValueError("{where}: expected an object with name, count, handed_in, disposition", where=at)
        unknown = sorted(set(item) - {"name", "count", "handed_in", "disposition", "photos"})
        if unknown:
            raise InvalidValueError("{where}: unknown keys {keys}", where=at, keys=", ".join(unknown))
        name, count = item.get("name", ""), item.get("count", 1)
        handed_in, disposition = item.get("handed_in", "") or "", item.get("disposition", "") or ""
        photos = item.get("photos", []) or []
        if not isinstance(name, str) or not name.strip():
            raise InvalidValueError("{where}.name: the name of what was handed in is needed", where=at)
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_COUNT:
            raise InvalidValueError("{where}.count: a whole number from 1 to {most}", where=at, most=MAX_COUNT)
        for key, text, choices in (("handed_in", handed_in, HANDED_IN), ("disposition", disposition, DISPOSITIONS)):
            if text not in ("", *choices):
                raise InvalidValueError(
                    "{where}: {value!r} is not one of {choices}",
                    where=f"{at}.{key}",
                    value=text,
                    choices=", ".join(choices),
                )
        if not isinstance(photos, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in photos):
            raise InvalidValueError("{where}.photos: expected a list of exhibit numbers", where=at)
        name = check_text(clean_text(name, at, "name"), f"{at}.name", "name").strip()
        items.append(HandedText(name, count, handed_in, disposition, (), tuple(photos)))
    return items
