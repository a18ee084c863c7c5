"""Finding things: text derived from evidence, the tokenizer, the search tables and queries."""

#: Every kind of source a hit can come from.
KINDS = ("case-field", "chat", "email", "pdf-text", "transcript", "ocr", "text")
#: The fields of a case searched, as a case-field hit names them.
CASE_FIELDS = (
    "title",
    "complainant",
    "respondent",
    "courier",
    "agent",
    "order",
    "waybill",
    "demands",
    "facts",
    "timeline",
    "notes",
    "proceedings",
    "handling",
    "earlier",
)

__all__ = ["CASE_FIELDS", "KINDS"]
