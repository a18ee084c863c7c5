"""The tokenizer of CaseFile's search: the same for the index and for queries, on any database.

Chinese is written without spaces, and SQLite's FTS5 tokenizers do not split it: ``unicode61``
keeps a whole run of Chinese as one token (a query 退款 finds nothing inside 申请退款), and
``trigram`` needs three characters. So the text is tokenized here, in plain Python (no SQLite,
no SQLAlchemy: PostgreSQL can use it as it is), and stored as space-separated tokens that
``unicode61`` then only splits at the spaces.

- Text is normalised: NFKC (full-width letters and digits become ASCII) and case folded.
- A run of CJK characters (Chinese, kana, hangul) becomes its overlapping bigrams, followed by
  its last character alone: 申请退款 → 申请 请退 退款 款. Every character thus starts a token,
  so a one-character query is a prefix query (退* finds 退款 and a lone 退 at a run's end).
- A run of letters and digits is one token: order, waybill and phone numbers stay whole.
- A number's last four digits (a phone's 尾号) go, as a token of their own, into a second
  column, so that 5678 finds 13812345678 without every number's every suffix in the index.

A query is tokenized the same way; each of its runs must match as a phrase (its bigrams one
after another), and all runs must match. A word or number in a query also finds the longer
words and numbers it begins (SF12 finds SF1234567890).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Bumped whenever tokens change: a search index made with another version is rebuilt.
VERSION = 1

# Han (with its extensions and compatibility ideographs), CJK marks, kana, bopomofo, hangul.
CJK_CHARS = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303c\u3040-\u30ff\u3100-\u312f\u3130-\u318f"
    "\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_RUNS = re.compile(f"([{CJK_CHARS}]+)|([^\\W_{CJK_CHARS}]+)")
TAIL_DIGITS = 4  # a phone's 尾号


def normalize(text: str) -> str:
    """NFKC and case folding, as text is indexed and queried."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Run:
    """A run of CJK characters, or of letters and digits, in normalised text."""

    text: str
    cjk: bool


def runs(normalized: str) -> list[Run]:
    """The runs of already normalised text, in order (punctuation and spaces separate them)."""
    return [Run(m.group(1) or m.group(2), m.group(1) is not None) for m in _RUNS.finditer(normalized)]


def index_tokens(text: str) -> tuple[str, str]:
    """(the body's tokens, the numbers' last four digits), each space-separated, of a text to index."""
    body: list[str] = []
    tails: list[str] = []
    add, extend = body.append, body.extend
    for cjk, word in _RUNS.findall(normalize(text)):  # one of the two is '' (a run is one or the other)
        if word:
            add(word)
            if len(word) > TAIL_DIGITS and word[-TAIL_DIGITS:].isdigit():  # a phone's 尾号
                tails.append(word[-TAIL_DIGITS:])
        else:
            if len(cjk) > 1:
                extend([cjk[i : i + 2] for i in range(len(cjk) - 1)])
            add(cjk[-1])
    return " ".join(body), " ".join(tails)


def query_runs(query: str) -> list[Run]:
    """The runs a query is made of (each must be found), normalised; empty when it has none."""
    return runs(normalize(query))


def _quoted(tokens: list[str]) -> str:
    return '"' + " ".join(tokens) + '"'  # tokens hold no quotes: only letters, digits and CJK


def fts_query(query: str, *, body: str = "body", either: str = "{body tail}") -> str:
    """The FTS5 MATCH expression for a query over columns body and tail; '' when nothing can match.

    A CJK run of two or more characters is the phrase of its bigrams, in the body; a single CJK
    character is a prefix (every character starts a token); a word or number is a prefix, in the
    body or (a number's last four digits) the tail column. All runs must match. A table that keeps
    both in one column (the team catalogue's) names it as ``body`` and ``either``.
    """
    parts = []
    for run in query_runs(query):
        if run.cjk and len(run.text) > 1:
            parts.append(f"{body} : {_quoted(_bigrams(run.text))}")
        else:
            parts.append(f"{either} : {_quoted([run.text])}*")
    return " AND ".join(parts)


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


# PostgreSQL's full-text search over the same tokens (the team catalogue, casefile.core.catalogue):
# a tsvector is given the tokens as they are, each at its position, and a tsquery the same
# expression as fts_query's, so the server neither splits, stems nor drops anything.
PG_MAX_POSITION = 16383  # a tsvector's positions stop there: longer texts are stored in parts
_PG_MAX_POSITIONS = 256  # a lexeme keeps that many positions
_PG_MAX_LEXEME = 2047  # bytes


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def pg_tsvector(tokens: str) -> str:
    """The tsvector input of space-separated ``tokens`` (as index_tokens gives them): each token at its
    position, 1-based and in order, so that a query's bigrams are found one after another."""
    positions: dict[str, list[str]] = {}
    for at, token in enumerate(tokens.split(), start=1):
        if at > PG_MAX_POSITION:
            break
        if len(token.encode("utf-8")) > _PG_MAX_LEXEME:
            continue
        found = positions.setdefault(token, [])
        if len(found) < _PG_MAX_POSITIONS:
            found.append(str(at))
    return " ".join(f"{_lexeme(token)}:{','.join(at)}" for token, at in positions.items())


def pg_tsquery(query: str) -> str:
    """The tsquery of a query, as :func:`fts_query` (a CJK run is the phrase of its bigrams, anything
    else a prefix; all must match); '' when nothing can match."""
    parts = []
    for run in query_runs(query):
        if len(run.text.encode("utf-8")) > _PG_MAX_LEXEME:
            return ""  # no token that long is indexed
        if run.cjk and len(run.text) > 1:
            parts.append("(" + " <-> ".join(_lexeme(b) for b in _bigrams(run.text)) + ")")
        else:
            parts.append(f"{_lexeme(run.text)}:*")
    return " & ".join(parts)


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's runs occur in ``text`` (original, not normalised): sorted, non-overlapping
    (start, end) character offsets, for highlighting a hit."""
    wanted = [r.text for r in query_runs(query)]
    if not wanted or not text:
        return []
    flat = normalize(text)
    origin: list[int] | range = range(len(text))
    if len(flat) != len(text):
        # Some character normalises to more or fewer (ﬁ → fi): normalise character by character,
        # remembering where each normalised character came from, to map matches back.
        folded: list[str] = []
        origin = []
        for i, ch in enumerate(text):
            n = normalize(ch)
            folded.append(n)
            origin.extend([i] * len(n))
        flat = "".join(folded)
    spans: list[tuple[int, int]] = []
    for word in wanted:
        start = flat.find(word)
        while start >= 0:
            end = start + len(word)
            spans.append((origin[start], origin[end - 1] + 1))
            start = flat.find(word, end)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
