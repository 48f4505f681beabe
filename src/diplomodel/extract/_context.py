"""The state of one reading: the text, its tokens, sentences and the phrases found."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from diplomodel.dossier import Dossier
from diplomodel.extract._lexicon import Category, Hit, lexicon
from diplomodel.extract._text import Token, sentence_ids, tokenize

__all__ = ["Context", "Spans"]


class Spans:
    """Character ranges, asked in logarithmic time whether they cover an offset or a range."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the ranges up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def covers(self, offset: int, end: int | None = None) -> bool:
        """Whether one range holds `offset` (and `end`, when given: the whole range).

        >>> Spans([(0, 5), (10, 20)]).covers(12), Spans([(0, 5)]).covers(5)
        (True, False)
        """
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return False
        return self._reach[index] > offset and (end is None or self._reach[index] >= end)


class Context:
    """Everything the finders share about one report (built once per call)."""

    def __init__(
        self,
        text: str,
        language: str,
        *,
        published: date | None,
        dateline: date | None,
        dossier: Dossier | None,
    ) -> None:
        self.text = text
        self.language = language
        self.published = published
        self.dateline = dateline
        self.dossier = dossier
        self.tokens: list[Token] = tokenize(text, language)
        self.sentences: list[int] = sentence_ids(text, self.tokens)
        self._ends = [token.end for token in self.tokens]
        self.hits: list[Hit] = lexicon(language).scan(text, self.tokens)
        self._by_category: dict[Category, list[Hit]] = defaultdict(list)
        self._starting: dict[int, list[Hit]] = defaultdict(list)
        self._ending: dict[int, list[Hit]] = defaultdict(list)
        self._by_sentence: dict[tuple[Category, int], list[Hit]] = defaultdict(list)
        for hit in self.hits:
            self._by_category[hit.entry.category].append(hit)
            self._starting[hit.first].append(hit)
            self._ending[hit.last].append(hit)
            self._by_sentence[hit.entry.category, self.sentences[hit.first]].append(hit)
        self._sentence_tokens: dict[int, list[int]] = defaultdict(list)
        for index, sentence in enumerate(self.sentences):
            self._sentence_tokens[sentence].append(index)

    @property
    def reference(self) -> date | None:
        """The day weekdays and missing years are read against: dateline, else publication."""
        return self.dateline or self.published

    def of(self, *categories: Category) -> list[Hit]:
        """The hits of some categories, in text order."""
        if len(categories) == 1:
            return self._by_category[categories[0]]
        found = [h for c in categories for h in self._by_category[c]]
        return sorted(found, key=lambda h: (h.first, -h.last))

    def starting(self, index: int, *categories: Category) -> list[Hit]:
        """Hits that begin at a token."""
        return [h for h in self._starting.get(index, ()) if h.entry.category in categories]

    def ending(self, index: int, *categories: Category) -> list[Hit]:
        """Hits whose last token is just before `index`."""
        return [h for h in self._ending.get(index, ()) if h.entry.category in categories]

    def sentence_of(self, index: int) -> int:
        """The sentence a token is in (-1 outside the text)."""
        return self.sentences[index] if 0 <= index < len(self.sentences) else -1

    def in_sentence(self, sentence: int, *categories: Category) -> Iterator[Hit]:
        """The hits of some categories in one sentence (at most a few hundred tokens)."""
        for category in categories:
            yield from self._by_sentence.get((category, sentence), ())

    def sentence_tokens(self, sentence: int) -> list[int]:
        """The indexes of the tokens of one sentence."""
        return self._sentence_tokens.get(sentence, [])

    def sentence_at(self, offset: int) -> int:
        """The sentence of the token at or after a character offset."""
        return self.sentence_of(min(self.token_at(offset), len(self.tokens) - 1))

    def token_at(self, offset: int) -> int:
        """The index of the first token that ends after a character offset."""
        return bisect.bisect_right(self._ends, offset)
