"""Evidence bundles: venue-formatted PDFs built from a case folder (spec §7)."""

from casefile.core.bundle.rlstart import import_paragraphs

import_paragraphs()  # before any module here imports ReportLab's platypus (see rlstart)

from casefile.core.bundle.builder import BundleOptions, BundleResult, PreflightError, build_bundle  # noqa: E402
from casefile.core.bundle.context import Finding, Level, Venue  # noqa: E402

__all__ = ["BundleOptions", "BundleResult", "Finding", "Level", "PreflightError", "Venue", "build_bundle"]
