"""Evidence bundles: venue-formatted PDFs built from a case folder (spec §7).

What a bundle is asked for and gives back (:mod:`.options`, :mod:`.context`) loads light; what
makes it (:func:`build_bundle`, with ReportLab and pikepdf) is loaded when first asked for, so
that the app, which lists bundles from its first window, starts without it.
"""

from typing import TYPE_CHECKING, Any

from casefile.core.bundle.rlstart import paragraphs_lazily

paragraphs_lazily()  # before any module here imports ReportLab's platypus (see rlstart)

from casefile.core.bundle.context import Finding, Level, Venue  # noqa: E402
from casefile.core.bundle.options import BundleOptions, BundleResult, PreflightError  # noqa: E402

if TYPE_CHECKING:
    from casefile.core.bundle.builder import build_bundle


def __getattr__(name: str) -> Any:
    if name == "build_bundle":
        from casefile.core.bundle.builder import build_bundle

        return build_bundle
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["BundleOptions", "BundleResult", "Finding", "Level", "PreflightError", "Venue", "build_bundle"]
