"""The desktop app: Qt widgets and models over the core services. Thin: no business logic here."""
