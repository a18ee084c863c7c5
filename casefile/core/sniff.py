"""What a file is, judged from its bytes first and its name second.

The evidence kind is a guess the user can edit; the format (MIME type) comes from the
content, and a file whose extension says something else is flagged rather than trusted.
Broken, empty and unknown files are still evidence: they are flagged, never refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile.core.model import EvidenceKind

# Flags recorded on exhibits.
FLAG_EMPTY = "empty"
FLAG_UNKNOWN_FORMAT = "unknown-format"
FLAG_EXTENSION_MISMATCH = "extension-mismatch"
FLAG_BROKEN = "broken"
FLAG_ENCRYPTED = "encrypted"
FLAG_TRUNCATED = "truncated"


@dataclass
class Sniffed:
    mime: str
    kind: EvidenceKind
    flags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


_EXT_MIME = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "heic": "image/heic",
    "heif": "image/heif",
    "pdf": "application/pdf",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "m4v": "video/mp4",
    "avi": "video/x-msvideo",
    "mkv": "video/x-matroska",
    "webm": "video/webm",
    "3gp": "video/3gpp",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
    "wav": "audio/wav",
    "amr": "audio/amr",
    "ogg": "audio/ogg",
    "opus": "audio/ogg",
    "flac": "audio/flac",
    "silk": "audio/silk",
    "slk": "audio/silk",
    "txt": "text/plain",
    "csv": "text/csv",
    "html": "text/html",
    "htm": "text/html",
    "json": "application/json",
    "eml": "message/rfc822",
    "msg": "application/vnd.ms-outlook",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "zip": "application/zip",
    "ofd": "application/ofd",
}

_FTYP_BRANDS = {
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heif",
    b"msf1": "image/heif",
    b"hevc": "image/heic",
    b"avif": "image/avif",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"qt  ": "video/quicktime",
    b"3gp4": "video/3gpp",
    b"3gp5": "video/3gpp",
    b"3g2a": "video/3gpp",
}


def mime_from_content(head: bytes) -> str:
    """The MIME type the first bytes announce, or '' when they announce nothing known."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video/x-msvideo"
    if head.startswith(b"BM") and len(head) > 14:
        return "image/bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(head[8:12], "video/mp4")
    if head.startswith(b"#!AMR"):
        return "audio/amr"
    if head.startswith(b"\x02#!SILK") or head.startswith(b"#!SILK"):
        return "audio/silk"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06):
        return "audio/mpeg"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in head:
            return _EXT_MIME["docx"]
        if b"xl/" in head:
            return _EXT_MIME["xlsx"]
        return "application/zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/x-ole-storage"  # .doc, .xls, .msg
    text = _as_text(head)
    if text is not None and re.match(r"(?is)\s*(<!doctype html|<html)", text):
        return "text/html"
    if b"\x00" not in head and is_mail(head):  # also raw 8-bit headers in an encoding neither UTF-8 nor GB 18030 reads
        return "message/rfc822"
    return "text/plain" if text is not None else ""


def _as_text(head: bytes) -> str | None:
    if not head or b"\x00" in head:
        return None
    sample = head[:4096]
    for encoding in ("utf-8", "gb18030"):
        try:
            return sample.decode(encoding)
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is still text.
            if encoding == "utf-8" and exc.start >= len(sample) - 3:
                return sample[: exc.start].decode("utf-8")
    return None


HEADER_BLOCK_LIMIT = 64 << 10  # bytes of a file read for an e-mail's header block


def mail_header_names(data: bytes) -> set[str] | None:
    """The field names of the header block ``data`` starts with, read as RFC 5322 does: every line up to the first
    blank one (within :data:`HEADER_BLOCK_LIMIT`) is a field (a name of printable ASCII without a colon, a colon, a
    value) or the folded continuation of one (it starts with a space or tab). An mbox ``From `` line may come first.
    None when a line is neither, or before any field: not a header block. A block cut by the end of ``data`` (the
    first bytes of a file) counts what it holds so far."""
    block = data[:HEADER_BLOCK_LIMIT]
    if block.startswith(b"\xef\xbb\xbf"):
        block = block[3:]
    lines = block.split(b"\n")
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    names: set[str] = set()
    for i, raw in enumerate(lines):
        line = raw.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t"):
            if not names:
                return None
            continue
        name, colon, _value = line.partition(b":")
        if not colon or not name or any(b < 33 or b > 126 for b in name):
            if i == len(lines) - 1 and names:
                break  # the last line, perhaps cut short by the end of what was read
            return None
        names.add(name.decode("ascii").lower())
    return names or None


def is_mail(data: bytes) -> bool:
    """Whether ``data`` (a file's first bytes) starts with the header block of an e-mail: a well-formed block
    (:func:`mail_header_names`) with a From and at least one of Date, To and Subject, wherever in the block the
    mail's software put them (webmail exports start with long Received, ARC and DKIM fields)."""
    names = mail_header_names(data)
    return names is not None and "from" in names and bool(names & {"date", "to", "subject"})


def header_block_unfinished(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes) is a well-formed header block that does not end within it: the
    rest of the block (up to :data:`HEADER_BLOCK_LIMIT`) must be read to tell whether it is an e-mail's."""
    if mail_header_names(head) is None:
        return False
    return b"\n\n" not in head and b"\n\r\n" not in head


def sniff_mail(
    sniffed: Sniffed, name: str, head: bytes, read: Callable[[int], bytes], kind: EvidenceKind | None = None
) -> Sniffed:
    """``sniffed`` (from the file's first bytes, ``head``) looked at again as an e-mail where those bytes could
    not tell: a text file named .eml or added as an e-mail (``kind``), or one whose header block runs on past
    them. ``read(n)`` gives the file's first ``n`` bytes. A file whose header block (within
    :data:`HEADER_BLOCK_LIMIT`) is an e-mail's (:func:`is_mail`) is one."""
    if sniffed.mime not in ("text/plain", "application/octet-stream") or FLAG_EMPTY in sniffed.flags:
        return sniffed
    asked = Path(name).suffix.lower() == ".eml" or kind is EvidenceKind.EMAIL
    if not (asked or (sniffed.mime == "text/plain" and header_block_unfinished(head))):
        return sniffed
    if b"\x00" in head or not is_mail(read(HEADER_BLOCK_LIMIT)):
        return sniffed
    mime = "message/rfc822"
    flags = [f for f in sniffed.flags if f not in (FLAG_UNKNOWN_FORMAT, FLAG_EXTENSION_MISMATCH)]
    ext_mime = _EXT_MIME.get(Path(name).suffix.lower().lstrip("."), "")
    if ext_mime and not _compatible(mime, ext_mime):
        flags.append(FLAG_EXTENSION_MISMATCH)
    return Sniffed(mime=mime, kind=guess_kind(mime, name, head), flags=flags, metadata=sniffed.metadata)


_KEYWORDS: list[tuple[EvidenceKind, re.Pattern[str]]] = [
    (EvidenceKind.ARBITRATION_AGREEMENT, re.compile(r"仲裁|arbitrat", re.I)),
    (EvidenceKind.WAYBILL, re.compile(r"运单|面单|快递单|waybill|airway|tracking|物流", re.I)),
    (EvidenceKind.RECEIPT, re.compile(r"发票|收据|小票|凭证|invoice|receipt|fapiao|付款|支付", re.I)),
    (EvidenceKind.CONTRACT, re.compile(r"合同|协议|contract|agreement", re.I)),
    (EvidenceKind.SCREENSHOT, re.compile(r"screenshot|screen shot|截图|截屏|屏幕|微信图片|mmexport", re.I)),
    (EvidenceKind.CHAT, re.compile(r"聊天|对话|chat|wechat|微信聊天|qq|旺旺|客服记录", re.I)),
]


def guess_kind(mime: str, name: str, head: bytes = b"") -> EvidenceKind:
    stem = Path(name).stem
    for kind, pattern in _KEYWORDS:
        if pattern.search(stem):
            if kind is EvidenceKind.SCREENSHOT and not mime.startswith("image/"):
                continue
            if kind is EvidenceKind.CHAT and not (mime.startswith(("text/", "image/")) or mime == "application/pdf"):
                continue
            return kind
    if mime.startswith("image/"):
        if mime == "image/png":
            return EvidenceKind.SCREENSHOT  # phone screenshots are PNG; camera photos are JPEG/HEIC
        return EvidenceKind.PHOTO
    if mime.startswith("audio/"):
        return EvidenceKind.AUDIO
    if mime.startswith("video/"):
        return EvidenceKind.VIDEO
    if mime == "message/rfc822" or mime == "application/vnd.ms-outlook":
        return EvidenceKind.EMAIL
    if mime in ("text/plain", "text/csv", "text/html", "application/json"):
        return EvidenceKind.CHAT if _looks_like_chat(head) else EvidenceKind.DOCUMENT
    if mime:
        return EvidenceKind.DOCUMENT
    return EvidenceKind.OTHER


def _looks_like_chat(head: bytes) -> bool:
    text = _as_text(head) or ""
    # Exported chats are lines of "2024-05-10 14:30:12 name" or "name 14:30:12".
    stamps = re.findall(r"(?m)^.{0,40}\b\d{1,2}:\d{2}(:\d{2})?\b", text)
    return len(stamps) >= 3


def sniff(name: str, size: int, head: bytes, tail: bytes) -> Sniffed:
    """Judge a file from its name, size, first bytes and last bytes (no further reading)."""
    ext = Path(name).suffix.lower().lstrip(".")
    ext_mime = _EXT_MIME.get(ext, "")
    flags: list[str] = []
    if size == 0:
        return Sniffed(mime=ext_mime or "application/octet-stream", kind=EvidenceKind.OTHER, flags=[FLAG_EMPTY])
    mime = mime_from_content(head)
    if not mime:
        flags.append(FLAG_UNKNOWN_FORMAT)
        mime = "application/octet-stream"
    elif ext_mime and not _compatible(mime, ext_mime):
        flags.append(FLAG_EXTENSION_MISMATCH)
    if mime == "image/jpeg" and b"\xff\xd9" not in tail[-64:]:
        flags.append(FLAG_TRUNCATED)
    if mime == "application/pdf" and b"%%EOF" not in tail[-2048:]:
        flags.append(FLAG_TRUNCATED)
    if mime == "image/png" and b"IEND" not in tail[-32:]:
        flags.append(FLAG_TRUNCATED)
    kind = guess_kind(mime, name, head)
    return Sniffed(mime=mime, kind=kind, flags=flags)


def _compatible(content: str, by_extension: str) -> bool:
    if content == by_extension:
        return True
    families = [
        {"image/heic", "image/heif", "image/avif"},
        {"video/mp4", "video/quicktime", "video/3gpp", "audio/mp4"},
        {"text/plain", "text/csv", "application/json", "text/html", "message/rfc822"},
        {"application/x-ole-storage", "application/msword", "application/vnd.ms-excel", "application/vnd.ms-outlook"},
        {"application/zip", _EXT_MIME["docx"], _EXT_MIME["xlsx"], "application/ofd"},
        {"audio/aac", "audio/mpeg"},
        {"audio/ogg", "video/webm"},
        {"video/x-matroska", "video/webm"},
    ]
    return any(content in fam and by_extension in fam for fam in families)


# A declared charset names what the sender's software thought; decode with the superset that
# software actually writes (GB2312 mail holds GBK characters, Big5 mail Microsoft's additions).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "hz",
    "big5": "cp950",
    "big-5": "cp950",
    "x-big5": "cp950",
    "cn-big5": "cp950",
}
# Labels that decode any bytes whatever they hold: a Chinese text mislabelled with one of them
# (common in mail) is recognised by its bytes instead.
_SINGLE_BYTE = re.compile(r"(?i)^(us-ascii|ascii|iso-8859-\d+|latin-?\d|windows-125\d|cp125\d)$")


def detect_encoding(data: bytes) -> str:
    """The encoding of a text without a usable declaration, as a Python codec name.

    UTF-8 (with or without BOM) and UTF-16 with BOM are recognised by their bytes; "ascii"
    for plain ASCII. Otherwise the bytes are tried as GB 18030 (mainland: GB2312, GBK) and
    as Big5 (Taiwan, Hong Kong; Microsoft's cp950): when both decode, the one whose Chinese
    characters are the more commonly used of its own standard wins (a text read in the wrong
    one turns into rare characters), mainland first on a tie. "" when nothing fits (binary).
    A character cut at the end of a sample does not count against an encoding.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if not any(b > 0x7F for b in data):
        return "ascii"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3 and exc.start > 0:
            return "utf-8"  # a character cut by the end of a sample
    decoded = {codec: text for codec in ("gb18030", "cp950") if (text := _decode_cut(data, codec)) is not None}
    if len(decoded) < 2:
        return next(iter(decoded), "")
    return max(decoded, key=lambda codec: (_common_share(decoded[codec], codec), codec == "gb18030"))


def _decode_cut(data: bytes, codec: str) -> str | None:
    """``data`` decoded strictly, forgiving one byte of a character cut at the end."""
    for end in range(len(data), max(len(data) - (4 if codec == "utf-8" else 2), 0), -1):
        try:
            return data[:end].decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _common_share(text: str, codec: str) -> float:
    """The share of the text's characters beyond ASCII (common punctuation aside) that are hanzi
    of the first, most used level of the codec's standard: GB2312 level 1 (3,755 characters)
    for GB 18030, Big5's 常用字 (5,401) for Big5. Text read in the wrong one is mostly rare
    hanzi, kana, symbols and private-use characters."""
    others = [ch for ch in text if ord(ch) > 0x7F and ch not in _SHARED_PUNCTUATION and not ch.isspace()]
    if not others:
        return 0.0
    return sum(1 for ch in others if "\u4e00" <= ch <= "\u9fff" and _is_common(ch, codec)) / len(others)


_SHARED_PUNCTUATION = frozenset("，。、：；！？（）《》“”‘’…—·")


def _is_common(ch: str, codec: str) -> bool:
    try:
        if codec == "gb18030":
            return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
        code = int.from_bytes(ch.encode("big5"), "big")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= code <= 0xC67E


def decode_text(data: bytes, declared: str = "", *, guess: str = "") -> str:
    """Text of a file's (or a mail part's) bytes: in its ``declared`` charset when that decodes
    them (GB2312 and GBK read as GB 18030, Big5 as cp950), else in ``guess`` (the encoding
    detected on a larger text the bytes belong to, such as the whole mail) when that decodes
    them, else in the encoding :func:`detect_encoding` finds. Never fails: what cannot be
    decoded shows as U+FFFD."""
    label = declared.strip().strip('"').lower()
    if label and not (_SINGLE_BYTE.match(label) and _looks_chinese(data)):
        try:
            return data.decode(_SUPERSETS.get(label, label))
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = detect_encoding(data)
    if guess and encoding not in ("ascii", "utf-8-sig", "utf-16"):
        text = _decode_cut(data, guess)
        if text is not None:
            return text
    if encoding and encoding != "ascii":
        text = _decode_cut(data, encoding)
        if text is not None:
            return text
    return data.decode(encoding or "gb18030", errors="replace")


def _looks_chinese(data: bytes) -> bool:
    """Bytes that read as UTF-8, or as mostly common hanzi in GB 18030 or Big5 (a Chinese text
    under a single-byte label), rather than as the accented letters the label promises."""
    encoding = detect_encoding(data)
    if encoding in ("utf-8", "utf-8-sig", "utf-16"):
        return True
    text = _decode_cut(data, encoding) if encoding not in ("", "ascii") else None
    return text is not None and _common_share(text, encoding) >= 0.5


def decode_header(value: str, guess: str = "") -> str:
    """A mail header's text, from the raw value the :mod:`email` parser keeps: raw 8-bit text
    without any charset (kept as surrogates) in the encoding :func:`detect_encoding` finds,
    RFC 2047 encoded words in their declared charset (GB2312 read as GB 18030), both in one
    header too (a forwarded Chinese mail's "转发: =?gb2312?…"). Folded lines are joined.
    ``guess``: as for :func:`decode_text`."""
    if _SURROGATE.search(value):
        value = decode_text(value.encode("ascii", "surrogateescape"), guess=guess)
    return " ".join(_decode_words(value).split())


# An RFC 2047 encoded word: =?charset(*language)?B or Q?text?=
_ENCODED_WORD = re.compile(r"=\?([^?\s*]+)(?:\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"[ \t\r\n]+")


def _decode_words(text: str) -> str:
    """``text`` with its encoded words decoded; the white space between two adjacent ones dropped (RFC 2047
    §6.2), text around them kept as it is. A word that does not decode is left as written."""
    out: list[str] = []
    at = 0
    last_end = -1
    for match in _ENCODED_WORD.finditer(text):
        between = text[at : match.start()]
        if not (last_end == at and _BETWEEN_WORDS.fullmatch(between)):
            out.append(between)
        out.append(_decode_word(match))
        at = last_end = match.end()
    out.append(text[at:])
    return "".join(out)


def _decode_word(match: re.Match[str]) -> str:
    import base64
    import binascii
    import quopri

    charset, encoding, payload = match.group(1), match.group(2).upper(), match.group(3)
    try:
        if encoding == "B":
            data = base64.b64decode(payload + "=" * (-len(payload) % 4))
        else:
            data = quopri.decodestring(payload.replace("_", " ").encode("ascii"), header=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return match.group(0)
    return decode_text(data, charset)


_SURROGATE = re.compile("[\udc80-\udcff]")


MAIL_HEADERS = (("发件人", "From"), ("收件人", "To"), ("抄送", "Cc"), ("日期", "Date"), ("主题", "Subject"))


def mail_text(data: bytes) -> tuple[list[list[str]], str]:
    """An e-mail's headers to print (name, value) and its text, decoded however it was written.

    Headers and parts that declare a charset are read in it (GB2312 as GB 18030, Big5 as
    cp950); raw 8-bit headers and parts without one (common in Chinese mail from older
    clients) in the encoding detected on all such bytes of the mail together, so that even
    a two-character subject is read right.
    """
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    raw = {name.lower(): value for name, value in reversed(list(message.raw_items()))}  # the first of each
    body = message.get_body(preferencelist=("plain", "html"))
    payload = body.get_payload(decode=True) if body is not None else b""
    payload = payload if isinstance(payload, bytes) else b""
    charset = body.get_content_charset() or "" if body is not None else ""
    undeclared = b"\n".join(
        [v.encode("ascii", "surrogateescape") for v in raw.values() if not v.isascii()]
        + ([payload] if not charset else [])
    )
    guess = detect_encoding(undeclared) if undeclared else ""
    header_rows = [[name, decode_header(raw[key.lower()], guess)] for name, key in MAIL_HEADERS if key.lower() in raw]
    header_rows = [row for row in header_rows if row[1]]
    text = decode_text(payload, charset, guess=guess)
    if body is not None and body.get_content_type() == "text/html":
        text = re.sub(r"<[^>]+>", "", re.sub(r"(?i)<br\s*/?>|</p>", "\n", text))
    attachments = [decode_header(part.get_filename() or "") or "（未命名）" for part in message.iter_attachments()]
    if attachments:
        text += "\n\n附件：" + "；".join(attachments)
    return header_rows, text
