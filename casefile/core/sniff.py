"""What a file is, judged from its bytes first and its name second.

The evidence kind is a guess the user can edit; the format (MIME type) comes from the
content, and a file whose extension says something else is flagged rather than trusted.
Broken, empty and unknown files are still evidence: they are flagged, never refused.
"""

from __future__ import annotations

import re
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
    if text is not None:
        if re.match(r"(?is)\s*(<!doctype html|<html)", text):
            return "text/html"
        if _looks_like_email(text):
            return "message/rfc822"
        return "text/plain"
    return ""


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


def _looks_like_email(text: str) -> bool:
    headers = {m.lower() for m in re.findall(r"(?m)^([A-Za-z-]+):", text[:2048])}
    return len(headers & {"from", "to", "subject", "date", "message-id", "received", "mime-version"}) >= 3


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
    RFC 2047 encoded words in their declared charset (GB2312 read as GB 18030). Folded lines
    are joined. ``guess``: as for :func:`decode_text`."""
    from email.header import decode_header as split_words

    if _SURROGATE.search(value):
        text = decode_text(value.encode("ascii", "surrogateescape"), guess=guess)
    else:
        try:
            chunks = split_words(value)
        except Exception:  # noqa: BLE001 - a malformed encoded word: read the header as it is
            chunks = [(value, None)]
        text = "".join(
            chunk if isinstance(chunk, str) else decode_text(chunk, charset or "") for chunk, charset in chunks
        )
    return " ".join(text.split())


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
