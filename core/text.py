"""Vietnamese text folding, query words, and the highlighted excerpts of search results.

Folding maps a text to lower-case letters without marks: NFD decomposition drops the
combining tone and vowel marks ("Giáo dục" -> "giao duc", in NFC or NFD input alike), and
`đ`/`Đ`, which Unicode does not decompose, become `d`. The search index holds folded copies
of the searchable text next to the originals, and queries are folded the same way
(`search.backends`), so matching does not depend on what a backend's tokenizer folds.

This module imports no model: every app may use it.
"""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

# Letters Unicode does not decompose into a base letter and a combining mark.
EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
WORD_RE = re.compile(r"[^\W_]+")
# "KH&CN", "GD&ĐT", "LĐTB&XH": also indexed joined ("khcn"), as readers often type them.
AMPERSAND_ABBREVIATION_RE = re.compile(r"[^\W\d_]+(?:&[^\W\d_]+)+")
# A query is cut to this many words of at most this many characters.
MAX_QUERY_WORDS = 32
MAX_WORD_LENGTH = 64
# Excerpts: how many matches are tried as the start of the window shown.
MAX_SCORED_SPANS = 200


@lru_cache(maxsize=4096)
def fold_char(char):
    """One character folded (cached: a text repeats a few hundred distinct characters)."""
    decomposed = unicodedata.normalize("NFD", char.translate(EXTRA_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold(text):
    """`text` in lower case, without diacritics: "Đỗ Văn Lợi" -> "do van loi"."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    return "".join(fold_char(char) for char in text)


def folded_for_index(*parts):
    """The folded text of `parts` for the search index, with joined abbreviations added."""
    text = " ".join(str(part) for part in parts if part)
    joined = [match.replace("&", "") for match in AMPERSAND_ABBREVIATION_RE.findall(text)]
    return fold(" ".join([text, *joined]))


def query_words(query):
    """The words of a query in NFC lower case: punctuation and operators are dropped."""
    text = unicodedata.normalize("NFC", str(query or "")).lower()
    return [word[:MAX_WORD_LENGTH] for word in WORD_RE.findall(text)][:MAX_QUERY_WORDS]


def has_diacritics(text):
    return fold(text) != unicodedata.normalize("NFC", str(text)).lower()


def searchable_text(obj, field_name):
    """The plain text of a model field as the search index sees it (rich text and
    StreamField bodies without markup)."""
    field = obj._meta.get_field(field_name)
    value = field.value_from_object(obj)
    if value is None:
        return ""
    if hasattr(field, "get_searchable_content"):
        return " ".join(str(part) for part in field.get_searchable_content(value) if part)
    return str(value)


# Highlighting ------------------------------------------------------------------------------


def _folded_with_positions(text):
    """The folded `text` and, for each of its characters, the index of the source character."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for folded_char in fold_char(char):
            folded.append(folded_char)
            positions.append(index)
    return "".join(folded), positions


def match_spans(text, words):
    """(start, end, folded word) of each place `text` holds one of `words` as a whole word,
    compared folded."""
    folded_words = sorted({fold(word) for word in words if word}, key=len, reverse=True)
    if not text or not folded_words:
        return []
    folded, positions = _folded_with_positions(text)
    pattern = re.compile(
        r"(?<![^\W_])(?:" + "|".join(re.escape(word) for word in folded_words) + r")(?![^\W_])"
    )
    spans = []
    for match in pattern.finditer(folded):
        start = positions[match.start()]
        end = positions[match.end() - 1] + 1
        spans.append((start, end, match.group()))
    return spans


def highlight(text, words):
    """HTML of `text`, escaped, with the words of the query in `<mark>`."""
    text = unicodedata.normalize("NFC", str(text or ""))
    pieces, last = [], 0
    for start, end, _word in match_spans(text, words):
        pieces.append(conditional_escape(text[last:start]))
        pieces.append(mark_safe(f"<mark>{conditional_escape(text[start:end])}</mark>"))
        last = end
    pieces.append(conditional_escape(text[last:]))
    return mark_safe("".join(pieces))


def best_window_start(spans, length):
    """Where the window of `length` characters holding the most distinct words begins."""
    best_start, best_count = spans[0][0], 0
    for index, (start, _end, _word) in enumerate(spans[:MAX_SCORED_SPANS]):
        words = {word for s, _e, word in spans[index:] if s < start + length * 2 // 3}
        if len(words) > best_count:
            best_start, best_count = start, len(words)
    return best_start


def excerpt(text, words, length=240):
    """About `length` characters of `text` around the place where most of the query's
    words are, highlighted."""
    text = " ".join(unicodedata.normalize("NFC", str(text or "")).split())
    if len(text) <= length:
        return highlight(text, words)
    spans = match_spans(text, words)
    start = 0
    if spans:
        first = best_window_start(spans, length)
        start = max(0, first - length // 3)
        # Begin at a word boundary.
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + highlight(text[start:end], words) + suffix)
