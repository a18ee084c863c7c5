"""The periodic review's dashboard (casefile.ui.review.dashboard)."""
