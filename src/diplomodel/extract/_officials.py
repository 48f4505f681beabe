"""Finding officials: a title, the state beside it, and the name after it.

"Russian Prime Minister Mikhail Mishustin", "le Premier ministre chinois Li
Qiang", "председатель Госсовета КНР Ли Цян", "法国总统马克龙", "الرئيس
المصري عبد الفتاح السيسي". When the title has no state beside it, the state is
the one the sentence names and no other official of it holds, else the
nearest one named before it in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from attrs import evolve

from diplomodel.extract import _vocab
from diplomodel.extract._context import Context
from diplomodel.extract._lexicon import Category, Hit
from diplomodel.extract._names import (
    STATEFUL,
    and_name,
    complement,
    genitive_name,
    name_keys,
    name_span,
    names_match,
    second_state,
)
from diplomodel.extract._results import OfficialKind, OfficialMention, StateForm, StateMention
from diplomodel.extract._text import Token
from diplomodel.states import State, states

__all__ = ["find_officials", "names_match"]

_RANK: Final = {
    OfficialKind.HEAD_OF_STATE: 0,
    OfficialKind.HEAD_OF_GOVERNMENT: 0,
    OfficialKind.FOREIGN_MINISTER: 1,
    OfficialKind.DEPUTY_HEAD_OF_GOVERNMENT: 2,
    OfficialKind.SPOKESPERSON: 3,
    OfficialKind.SENIOR_DIPLOMAT: 3,
    OfficialKind.AMBASSADOR: 3,
    OfficialKind.MINISTER: 4,
    OfficialKind.OTHER: 5,
}
_FOREIGN_AFFAIRS: Final = {
    "en": ("of", "foreign", "affairs"),
    "fr": ("des", "affaires", "étrangères"),
    "de": ("des", "äußeren"),
    "ru": ("иностранных", "дел"),
}
_POSSESSIVE: Final = frozenset({"s"})
_LINKS: Final = frozenset(
    {"of", "the", "de", "la", "du", "der", "des"}
)  # "Guinea-Bissau's President"
_CLAUSE_BREAK: Final = re.compile("[,，،;；:]")
_PAIR: Final = 2


def _kind(value: str, state: State | None) -> OfficialKind:
    kind = value.partition("@")[0]
    if kind == "foreign_secretary":
        british = state is not None and state.code == "GB"
        return OfficialKind.FOREIGN_MINISTER if british else OfficialKind.SENIOR_DIPLOMAT
    if kind == "secretary_of_state":  # the minister in the United States, a junior one elsewhere
        american = state is not None and state.code == "US"
        return OfficialKind.FOREIGN_MINISTER if american else OfficialKind.MINISTER
    return OfficialKind(kind)


def _after_title(  # noqa: C901 - one branch per thing that may follow a title
    ctx: Context, index: int, titles: list[Hit]
) -> tuple[int, State | None, bool]:
    """Skip what may follow a title before the name: a state, 'of foreign affairs', a comma.

    In Arabic, the definite words of the title's complement are skipped too
    (أمين المجلس الأعلى للأمن القومي علي شمخاني). Titles met on the way are
    added to `titles`.
    """
    tokens = ctx.tokens
    state: State | None = None
    upgraded = False
    # A state that begins inside the title ("président de la République démocratique du Congo").
    inside = [
        h for h in ctx.of(*STATEFUL) if titles[-1].first < h.first < titles[-1].last < h.last
    ] if titles[-1].last - titles[-1].first > 1 else []  # fmt: skip
    if inside:
        state, index = states.get(inside[0].entry.value, None), inside[0].last
    for _ in range(8):
        if index >= len(tokens):
            break
        stateful = ctx.starting(index, *STATEFUL)
        if stateful and state is None:
            state = states.get(stateful[0].entry.value, None)
            index = stateful[0].last
            continue
        if tokens[index].key in _LINKS and any(
            ctx.starting(i, *STATEFUL) for i in range(index + 1, min(index + 3, len(tokens)))
        ):  # "Minister of Foreign Affairs of the Russian Federation"
            index += 1
            continue
        honorific = ctx.starting(index, Category.HONORIFIC)
        # A Russian title's abbreviated complement: "генеральный секретарь ООН …", "ЦК …".
        if honorific or (ctx.language == "ru" and complement(ctx, index)):
            index = honorific[0].last if honorific else index + 1
            continue
        more = ctx.starting(index, Category.TITLE)
        if more:
            titles.extend(more)
            index = more[0].last
            continue
        if ctx.language == "ar" and tokens[index].key.startswith(("ال", "لل")):
            if tokens[index].key in _vocab.NAME_STOPS_AR:
                break
            index += 1
            continue
        words = _FOREIGN_AFFAIRS.get(ctx.language, ())
        if words and [t.key for t in tokens[index : index + len(words)]] == list(words):
            index += len(words)
            upgraded = True
            continue
        if ctx.language in {"en", "fr", "de", "ru"} and index < len(tokens):
            gap = ctx.text[tokens[index - 1].end : tokens[index].start] if index else ""
            if gap.strip() == "," and not tokens[index].upper:
                break
        break
    return index, state, upgraded


def _state_before(ctx: Context, hit: Hit) -> State | None:
    """A state just before a title: "Chinese Premier", "Guinea-Bissau's President", 法国总统."""
    index = hit.first
    if index and ctx.tokens[index - 1].key in _POSSESSIVE:
        index -= 1
    for before in ctx.ending(index, *STATEFUL):
        gap = ctx.text[before.end : ctx.tokens[index].start]
        if gap.strip(" '\u2019-") == "":
            return states.get(before.entry.value, None)
    return None


def _organisation_title(ctx: Context, hit: Hit) -> bool:
    """A Chinese title straight after a council or commission: an organisation's officer."""
    return ctx.language == "zh" and ctx.text[hit.start - 1 : hit.start] == "会"


def _fallback_state(
    ctx: Context,
    position: int,
    here: Sequence[StateMention],
    *,
    held: set[str],
    hosts: Sequence[str],
) -> State | None:
    """The state of a title that has none beside it, from its sentence.

    In order: the one state of the sentence that no other official of it holds
    (a destination, "went to Mali", and a capital in a later clause, "…, if
    Washington changes course", do not count); the host, when the sentence
    places the event in one capital whose state no other official holds and
    the official does not travel to ("Charles III … a state visit to France");
    the state named last before the title.
    """
    clause = [
        m
        for m in here
        if (
            m.span[0] < position
            or m.form is not StateForm.CAPITAL  # a capital in another clause: the other side
            or not _CLAUSE_BREAK.search(ctx.text, position, m.span[0])
        )
        and not ctx.ending(ctx.token_at(m.span[0]), Category.DESTINATION)
    ]
    free = list(dict.fromkeys(m.state.code for m in clause if m.state.code not in held))
    if len(free) == 1:
        return states.get(free[0])
    # Someone named before "… visit to France" goes there: the host's state is not theirs.
    visited = {
        m.state.code
        for m in here
        if m.span[0] > position and ctx.ending(ctx.token_at(m.span[0]), Category.DESTINATION)
    }
    free_hosts = {code for code in hosts if code not in held and code not in visited}
    if len(free_hosts) == 1:
        return states.get(free_hosts.pop(), None)
    # A state a title names ("Secretary of State": the United States) is that official's.
    before = [m for m in here if m.span[0] < position and m.form is not StateForm.TITLE]
    return before[-1].state if before else None


def _known_state(ctx: Context, name: str) -> State | None:
    """The state a person of the dossier serves, when the name is theirs and the office known."""
    if ctx.dossier is None:
        return None
    offices = {office.id: office for office in ctx.dossier.offices}
    for person in ctx.dossier.people:
        if any(names_match(name, n) for n in (person.name, *person.names.values())):
            held = {offices[t.office].state for t in person.tenures if t.office in offices}
            (only,) = held if len(held) == 1 else (None,)
            return only if isinstance(only, State) else None
    return None


def _chain(ctx: Context, hit: Hit) -> list[Hit]:
    """A title and the titles right after it (ولي العهد رئيس مجلس الوزراء)."""
    chain = [hit]
    while chain[-1].last < len(ctx.tokens):
        following = [h for h in ctx.starting(chain[-1].last, Category.TITLE) if h not in chain]
        if not following:
            break
        chain.append(following[0])
    return chain


class _Pending(NamedTuple):
    """An official read but for a state the title does not give."""

    hit: Hit
    chain: list[Hit]
    first: int  # the name's tokens
    end: int
    state: State | None  # given by the title or beside it
    upgraded: bool  # "ministre ... des Affaires étrangères"
    organisation: bool  # an organisation's officer ("UN Secretary-General")
    paired: bool = False  # the state is the one named in the same place among two
    partner: tuple[int, int, State] | None = None  # "… of A and B, X and Y": Y's name and B


def _provisional(chain: list[Hit]) -> OfficialKind | None:
    """The kind of office a chain of titles gives before its state is known."""
    values = [h.entry.value for h in chain if h.entry.category is Category.TITLE]
    return min((_kind(v, None) for v in values), key=lambda k: _RANK[k]) if values else None


class _Reader:
    """Reads officials in two passes: titles with their states, then the rest by sentence."""

    def __init__(
        self, ctx: Context, mentions: Sequence[StateMention], places: Sequence[tuple[int, str]]
    ) -> None:
        self.ctx = ctx
        self.found: list[OfficialMention] = []
        self.held: dict[int, set[str]] = {}
        self.mentions: dict[int, list[StateMention]] = {}
        for mention in mentions:
            self.mentions.setdefault(ctx.sentence_at(mention.span[0]), []).append(mention)
        self.hosts: dict[int, list[str]] = {}
        for index, code in places:
            self.hosts.setdefault(ctx.sentence_of(index), []).append(code)
        self.kinds_held: set[tuple[str, OfficialKind | None]] = set()
        self.lead: list[str] = []
        self.lead_sentence = -1

    def _destination(self, mention: StateMention) -> bool:
        """A state someone goes to ("went to Mali"): not the state an official serves."""
        return bool(self.ctx.ending(self.ctx.token_at(mention.span[0]), Category.DESTINATION))

    def set_lead(self) -> None:
        """The states of the report's lead: its first sentence that names one or an official's."""
        sentences = [*self.mentions, *(k for k, v in self.held.items() if v), *self.hosts]
        if not sentences:
            return
        lead = self.lead_sentence = min(sentences)
        named = [m.state.code for m in self.mentions.get(lead, []) if not self._destination(m)]
        visited = {m.state.code for m in self.mentions.get(lead, []) if self._destination(m)}
        # "… arrived in Paris": France is an actor too, unless the lead says someone went there.
        hosts = [code for code in self.hosts.get(lead, []) if code not in visited]
        self.lead = list(dict.fromkeys([*named, *sorted(self.held.get(lead, ())), *hosts]))

    def from_lead(self, kind: OfficialKind | None, sentence: int) -> State | None:
        """The one state of the lead that no official of this kind holds, for a later sentence.

        "Biden and Xi met … Secretary of State Blinken and Foreign Minister Wang
        Yi also took part": Wang Yi is China's. When two remain, the one no
        official of this sentence holds.
        """
        if sentence == self.lead_sentence:
            return None  # its own sentence has been read for its state already
        free = [code for code in self.lead if (code, kind) not in self.kinds_held]
        if len(free) > 1:
            free = [code for code in free if code not in self.held.get(sentence, ())]
        if len(free) > 1:  # then the one no official of the report serves
            anyone = {code for codes in self.held.values() for code in codes}
            free = [code for code in free if code not in anyone]
        return states.get(free[0], None) if len(free) == 1 else None

    def pair(self, pending: list[_Pending]) -> list[_Pending]:
        """Two officials without a state, and two states in their sentence: in the same order.

        "Le président Emmanuel Macron et la chancelière Angela Merkel ont signé
        … un traité franco-allemand": France's and Germany's. With no state in
        their sentence, the two of the report's lead that no official of their
        offices holds.
        """
        by_sentence: dict[int, list[int]] = {}
        for i, read in enumerate(pending):
            if read.state is None and not read.organisation and _provisional(read.chain):
                by_sentence.setdefault(self.ctx.sentence_of(read.hit.first), []).append(i)
        paired = list(pending)
        for sentence, indexes in by_sentence.items():
            held = self.held.get(sentence, set())
            free = [
                m.state
                for m in self.mentions.get(sentence, [])
                if m.state.code not in held and not self._destination(m)
            ]
            free = list(dict.fromkeys(free))
            if not free and sentence != self.lead_sentence:
                # No state in their sentence: the lead's two that no official of theirs holds
                # ("… praised President Xi Jinping and President Vladimir Putin").
                kinds = [_provisional(pending[i].chain) for i in indexes]
                free = [
                    found
                    for code in self.lead
                    if all((code, kind) not in self.kinds_held for kind in kinds)
                    and (found := states.get(code, None)) is not None
                ]
            if len(indexes) == len(free) == _PAIR:
                for i, state in zip(indexes, free, strict=True):
                    paired[i] = paired[i]._replace(state=state, paired=True)
                    held.add(state.code)
                    self.kinds_held.add((state.code, _provisional(paired[i].chain)))
                self.held[sentence] = held
        return paired

    def hold(self, read: _Pending) -> None:
        """Count a state an official read holds (for the fallbacks of the others)."""
        if read.state is not None:
            self.held.setdefault(self.ctx.sentence_of(read.hit.first), set()).add(read.state.code)
            self.kinds_held.add((read.state.code, _provisional(read.chain)))

    def pending(self, hit: Hit) -> _Pending | None:
        """First pass: the title, its name and the state the title gives or stands beside."""
        ctx = self.ctx
        chain = _chain(ctx, hit)
        index, after, upgraded = _after_title(ctx, chain[-1].last, chain)
        first, end = name_span(ctx, index)
        partner: tuple[int, int, State] | None = None
        both = second_state(ctx, index) if end <= first and after is not None else None
        if both is not None:  # "президенты России и США Дмитрий Медведев и Барак Обама"
            first, end = name_span(ctx, both[1])
            other = and_name(ctx, end) if end > first else None
            state2 = states.get(both[0].entry.value, None)
            if other is not None and state2 is not None:
                partner = (other[0], other[1], state2)
        genitive = genitive_name(ctx, first, end)
        if genitive is not None:
            first, end = genitive[0], genitive[1]
            after = after or states.get(genitive[2].entry.value, None)
        if end <= first:
            return None
        state = _state_before(ctx, hit) or after
        for title in chain:
            code = title.entry.value.partition("@")[2]
            if code and state is None:
                state = states.get(code, None)
        if state is not None:
            self.held.setdefault(ctx.sentence_of(hit.first), set()).add(state.code)
            self.kinds_held.add((state.code, _provisional(chain)))
        organisation = bool(ctx.ending(hit.first, Category.ORGANIZATION)) or any(
            t.entry.value.endswith("@-")
            for t in chain  # a secretary-general serves no state
        )
        return _Pending(hit, chain, first, end, state, upgraded, organisation, partner=partner)

    def before(self, sentence: int) -> State | None:
        """The one state of the sentence before that no official of the report holds.

        "Putin has arrived in China. Xi Jinping received him": Xi serves China.
        """
        held = {code for codes in self.held.values() for code in codes}
        free = {m.state.code for m in self.mentions.get(sentence - 1, [])} - held
        if self.lead:  # a state the report's lead does not name is not an actor's ("… in Ukraine")
            free &= set(self.lead)
        return states.get(free.pop(), None) if len(free) == 1 else None

    def settle(self, read: _Pending) -> None:
        """Second pass: the state from the sentence or the dossier, the kind, the mention."""
        ctx, hit = self.ctx, read.hit
        state, guessed = read.state, False
        sentence = ctx.sentence_of(hit.first)
        tokens: list[Token] = ctx.tokens
        name = ctx.text[tokens[read.first].start : tokens[read.end - 1].end]
        if state is None and not read.organisation:
            held = self.held.setdefault(sentence, set())
            state = _fallback_state(
                ctx,
                hit.start,
                self.mentions.get(sentence, []),
                held=held,
                hosts=self.hosts.get(sentence, []),
            )
            guessed = state is not None
            state = state or _known_state(ctx, name)
            if state is None:
                state = self.before(sentence) or self.from_lead(_provisional(read.chain), sentence)
                guessed = state is not None
            if state is not None:
                held.add(state.code)
        values = [h.entry.value for h in read.chain if h.entry.category is Category.TITLE]
        rule = "official.title+sentence_state" if guessed else "official.title"
        if read.paired:
            rule, guessed = "official.title+respective_state", True
        if values:
            kind = min((_kind(v, state) for v in values), key=lambda k: _RANK[k])
        else:  # a counterpart holds the office of the official before
            kind = self.found[-1].kind if self.found else OfficialKind.OTHER
            rule = "official.counterpart"
        if read.upgraded and kind is OfficialKind.MINISTER:
            kind = OfficialKind.FOREIGN_MINISTER
        if state is not None:
            self.kinds_held.add((state.code, kind))
        start = min(read.chain[0].start, _surface_start(ctx, hit))
        stop = tokens[read.end - 1].end
        self.found.append(
            OfficialMention(
                span=(start, stop),
                surface=ctx.text[start:stop],
                rule=rule,
                confidence=0.7 if guessed else 0.9,
                name=name,
                state=state,
                kind=kind,
                title=ctx.text[read.chain[0].start : max(h.end for h in read.chain)],
            )
        )


def find_officials(
    ctx: Context, mentions: Sequence[StateMention], places: Sequence[tuple[int, str]] = ()
) -> list[OfficialMention]:
    """Officials, once per person (the mention with the fullest name).

    `places` are the capitals that place events, as (token index, state
    code): a title with no state in its sentence is the host's there.
    """
    reader = _Reader(ctx, mentions, places)
    skip_until = -1
    pending: list[_Pending] = []
    for hit in ctx.of(Category.TITLE, Category.COUNTERPART):
        if hit.first >= skip_until and not _organisation_title(ctx, hit):
            read = reader.pending(hit)
            skip_until = read.end if read is not None else hit.last
            if read is not None:
                pending.append(read)
            if read is not None and read.partner is not None:
                first, end, state = read.partner
                pending.append(read._replace(first=first, end=end, state=state, partner=None))
                reader.hold(pending[-1])
                skip_until = end
    reader.set_lead()
    for read in reader.pair(pending):
        reader.settle(read)
    return _merge(reader.found)


def _surface_start(ctx: Context, hit: Hit) -> int:
    index = hit.first
    if index and ctx.tokens[index - 1].key in _POSSESSIVE:
        index -= 1
    before = [
        b
        for b in ctx.ending(index, *STATEFUL)
        if not ctx.text[b.end : ctx.tokens[index].start].strip(" -")
    ]
    return before[0].start if before else hit.start


def _merge(found: list[OfficialMention]) -> list[OfficialMention]:
    """One mention per person: the fullest name, its state and kind from any mention."""
    people: list[OfficialMention] = []
    by_word: dict[str, list[int]] = {}  # a word's shortest stem -> people with that word
    for mention in found:
        words = [min(k, key=len) for k in name_keys(mention.name)]
        candidates = sorted({i for w in words for i in by_word.get(w, ())})
        for i in candidates:
            known = people[i]
            if names_match(known.name, mention.name):
                fuller = mention if len(mention.name) > len(known.name) else known
                other = known if fuller is mention else mention
                if fuller.state is None and other.state is not None:
                    fuller = _with_state(fuller, other.state)
                people[i] = fuller
                break
        else:
            people.append(mention)
            for word in words:
                by_word.setdefault(word, []).append(len(people) - 1)
    return people


def _with_state(mention: OfficialMention, state: State) -> OfficialMention:
    return evolve(mention, state=state)
