"""Translations, installed as the data package ``casefile.translations``: read them through ``casefile.resources``."""
