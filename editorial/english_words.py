"""Is a piece of interface text left in English? A word-level test for the Vietnamese admin.

A word is English when it occurs in the English source strings of the admin (the msgids of
Wagtail's, wagtail-localize's, Django's and our own catalogues, month names included) and
is not one of the few words Vietnamese text shares with English (`SHARED_WORDS`:
Vietnamese syllables written without marks such as "in" or "to", and the loanwords and
names our Vietnamese translations keep on purpose). Acronyms (all capitals: "PDF",
"UBND") and code-like chunks (URLs, file names, dotted or slashed identifiers) are not
words. A text is English when it has at least one English word; one with no word at all
(numbers, punctuation, key names) is not interface language and is not counted.

Content is not interface: the caller passes the strings editors typed (page titles,
snippet names, translated segments) and they are cut out of a text before it is judged,
so "Department of Health" in the English agency's row is not a finding, while the
"(English)" after it is.
"""

import re
import unicodedata
from functools import cache
from pathlib import Path

import polib
from django.conf import settings

# Vietnamese syllables without marks that are also English words, and the loanwords,
# product names and technical terms our Vietnamese catalogues keep as they are.
SHARED_WORDS = {
    # Vietnamese syllables
    "a",
    "an",
    "bang",
    "ban",
    "con",
    "do",
    "in",
    "me",
    "so",
    "thu",
    "tin",
    "to",
    "sapo",
    "online",
    "meta",
    # loanwords and names kept in the Vietnamese catalogues
    "email",
    "menu",
    "web",
    "webhook",
    "cookie",
    "slug",
    "wagtail",
    "draftail",
    "javascript",
    "markdown",
    "localize",
    "taggit",
    "embedly",
    "esc",
    "ctrl",
    "shift",
    "alt",
    "enter",
    "tab",
    "cmd",
    "ok",
}

WORD = re.compile(r"[^\W\d_]+")
# Chunks of text that are code or addresses, not words: URLs, e-mail addresses, file names,
# dotted, slashed or underscored identifiers, CSS classes and Stimulus actions.
CODE = re.compile(
    r"\S*(?:://|@|#|->)\S*|\S+\.[A-Za-z0-9]{2,5}\b|\S*[A-Za-z0-9][./_:][A-Za-z0-9]\S*"
    r"|\b[a-z]+(?:-[a-z0-9]+)+\b"
)
# Python and brace placeholders, HTML tags and entities in catalogue strings.
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]"
    r"|\{[^{}]*\}|<[^<>]*>|&\w+;"
)


def _source_catalogues():
    from editorial.catalogue_coverage import SOURCES, source_catalogue

    for package, domain, folder in SOURCES:
        catalogue, _path = source_catalogue(package, domain, folder)
        if catalogue is not None:
            yield catalogue
    for locale_path in settings.LOCALE_PATHS:
        for path in Path(locale_path).glob("*/LC_MESSAGES/*.po"):
            yield polib.pofile(str(path))


@cache
def english_vocabulary():
    """Lower-case words of the admin's English source strings."""
    words = set()
    for catalogue in _source_catalogues():
        for entry in catalogue:
            text = PLACEHOLDER.sub(" ", f"{entry.msgid} {entry.msgid_plural or ''}")
            text = CODE.sub(" ", text)  # "Asia/Ho_Chi_Minh" holds no English word
            if not text.isascii():
                continue  # a Vietnamese source string of ours (or a name with marks)
            words.update(word.lower() for word in WORD.findall(text))
    return frozenset(words - SHARED_WORDS)


def words(text):
    """The words of `text` that are judged: not code, not acronyms, not single letters."""
    text = CODE.sub(" ", unicodedata.normalize("NFC", text))
    return [word for word in WORD.findall(text) if len(word) > 1 and not word.isupper()]


def english_words(text):
    vocabulary = english_vocabulary()
    return [word for word in words(text) if word.lower() in vocabulary]


def without_content(text, content):
    """`text` without its code chunks and content strings (longest first).

    Content of several words goes before the code chunks: a title such as "Project on
    bio-products…" holds a chunk that looks like code, and would no longer match once that
    chunk is gone. Single words go after ("home" inside "home.homepage" is code)."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    for piece in content:
        if " " in piece and piece in text:
            text = text.replace(piece, " ")
    text = CODE.sub(" ", text)
    for piece in content:
        if piece in text:
            text = text.replace(piece, " ")
    return text


def content_strings(values):
    """The content strings to cut out, longest first, without ones too short to matter."""
    pieces = {
        unicodedata.normalize("NFC", " ".join(str(value).split())) for value in values if value
    }
    return sorted((piece for piece in pieces if len(piece) > 2), key=len, reverse=True)
