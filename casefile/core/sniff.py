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


def decode_text(data: bytes) -> str:
    """Text of a file's first bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB 18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # a character cut by the preview limit
            return data[: exc.start].decode("utf-8", errors="replace")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")
