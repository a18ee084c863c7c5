"""Finding things: text derived from evidence, the tokenizer, the search tables and queries."""
