"""Search in the app: the search box and its hits (panel), and how a hit is shown (results)."""

from casefile.ui.search.panel import SearchPanel

__all__ = ["SearchPanel"]
