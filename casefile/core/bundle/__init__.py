"""Evidence bundles: venue-formatted PDFs built from a case folder (spec §7)."""

from casefile.core.bundle.builder import BundleOptions, BundleResult, PreflightError, build_bundle
from casefile.core.bundle.context import Finding, Level, Venue

__all__ = ["BundleOptions", "BundleResult", "Finding", "Level", "PreflightError", "Venue", "build_bundle"]
