"""The evidence tab and its parts: the table and tool bar (tab), the preview, the details, adding files,
the watch-folder menu and the capture-time dialog."""

from casefile.ui.evidence.tab import EvidenceTab

__all__ = ["EvidenceTab"]
