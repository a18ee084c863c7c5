"""The desktop app: Qt widgets and models over the core services. Thin: no business logic here."""

from casefile.ui.pyside_none import keep_none_alive

keep_none_alive()  # before any Qt call (see casefile.ui.pyside_none)
