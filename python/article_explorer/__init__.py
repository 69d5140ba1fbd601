"""Article Explorer: a news article -> entities, quotes, events and values (the C++ core).

    import article_explorer as ae
    a = ae.analyze(text, reference_date="2024-04-05", offsets="utf16")   # a dict
    s = ae.analyze_json(text)                                              # the JSON string

The result is the article-explorer/1 JSON of `article-explorer analyze`, byte for byte in
analyze_json(). The models are compiled into the module. The GIL is released while the core
runs, so threads analyse in parallel. What the core could not do or repaired is in the result's
"diagnostics"; a bad option raises ValueError. For many articles: `python3 -m
article_explorer.batch --help` (JSONL shards on a Dask cluster).
"""
import json as _json

from . import _core

__version__ = _core.version
SCHEMA = _core.schema


def analyze_json(text, *, reference_date=None, offsets="bytes", tokens_only=False, tags_only=False):
    """The article-explorer/1 JSON of one article as a str.

    text: str, or bytes read as UTF-8 (invalid bytes become U+FFFD, as in the CLI).
    reference_date: "YYYY-MM-DD" for relative dates, overriding the article's own date line.
    offsets: "bytes" (offsets into the UTF-8 input: text.encode()[start:end]) or "utf16"
    (UTF-16 code units, as in JavaScript strings; Python str indices only when no character is
    beyond U+FFFF). tokens_only / tags_only: stop after tokens or after tagging (benchmarks).
    ValueError for a bad option, TypeError when text is neither str nor bytes.
    """
    return _core.analyze_json(text, reference_date=reference_date, offsets=offsets,
                              tokens_only=tokens_only, tags_only=tags_only)


def analyze(text, *, reference_date=None, offsets="bytes", tokens_only=False, tags_only=False):
    """The analysis of one article as a dict (the JSON of analyze_json, parsed)."""
    return _json.loads(analyze_json(text, reference_date=reference_date, offsets=offsets,
                                    tokens_only=tokens_only, tags_only=tags_only))


__all__ = ["analyze", "analyze_json", "SCHEMA", "__version__"]
