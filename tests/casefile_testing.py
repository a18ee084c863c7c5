"""Helpers shared by test modules (import as: from casefile_testing import make_case)."""

from __future__ import annotations

from casefile.core.library import Library, case_from_fields
from casefile.core.model import Case


def make_case(library: Library, **fields: object) -> Case:
    data = {
        "title": "手机屏幕碎裂",
        "complained_at": "2026-11-20T10:30:00+08:00",
        "channel": "store",
        "type": "quality",
        **fields,
    }
    return library.create_case(case_from_fields(data))
