"""Fonts and icons, installed as the data package ``casefile.assets``: read them through ``casefile.resources``."""
