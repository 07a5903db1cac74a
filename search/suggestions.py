"""“Did you mean”: the query with its unknown words replaced by close known ones.

The known words are those of the titles of live pages, of tags and of published agencies
and people in the language, folded; each is shown in its most frequent spelling with
diacritics. The vocabulary is cached for a few minutes.
"""

from collections import Counter
from difflib import get_close_matches

from django.core.cache import cache
from taggit.models import Tag
from wagtail.models import Page

from core.text import fold, query_words
from core.visibility import visible_pages
from snippets.models import Agency, Person

CACHE_SECONDS = 600
MIN_WORD_LENGTH = 3


def vocabulary(locale):
    """{folded word: its most frequent spelling} over the language's titles and names."""
    key = f"search:vocabulary:{locale.pk}"
    known = cache.get(key)
    if known is not None:
        return known
    texts = list(visible_pages(Page.objects).filter(locale=locale).values_list("title", flat=True))
    texts += Tag.objects.values_list("name", flat=True)
    texts += Agency.objects.live().filter(locale=locale).values_list("name", flat=True)
    texts += Person.objects.live().filter(locale=locale).values_list("name", flat=True)
    spellings = {}
    for text in texts:
        for word in query_words(text):
            if len(word) >= MIN_WORD_LENGTH and not word.isdigit():
                spellings.setdefault(fold(word), Counter())[word] += 1
    known = {folded: counts.most_common(1)[0][0] for folded, counts in spellings.items()}
    cache.set(key, known, CACHE_SECONDS)
    return known


def spelling_suggestion(locale, words):
    """The query with unknown words corrected, or None when nothing could be corrected."""
    if locale is None:
        return None
    known = vocabulary(locale)
    corrected, changed = [], False
    for word in words:
        folded = fold(word)
        if folded in known:
            # A known word typed without diacritics is shown with them.
            corrected.append(known[folded] if word == folded else word)
            continue
        if len(folded) < MIN_WORD_LENGTH or folded.isdigit():
            corrected.append(word)
            continue
        matches = get_close_matches(folded, known.keys(), n=1, cutoff=0.75)
        if matches:
            corrected.append(known[matches[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
