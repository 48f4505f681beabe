"""`describe` for relations: who established the ties and who continues them, what befell them.

The events of a relation have no actor (a severance may be one side's act),
so they are told in the passive: "relations were severed on …". A
suspension or a severance followed by a restoration is told as one span
("suspended from … to …").
"""

from __future__ import annotations

from collections.abc import Iterator

from diplomodel.i18n._describe_actors import ActorTexts
from diplomodel.i18n._phrases import KNOWN_LEVELS
from diplomodel.i18n._writer import full_stop, sentence
from diplomodel.model.relations import BilateralRelation, RelationEvent, RelationEventKind

__all__ = ["RelationTexts"]

_K = RelationEventKind


class RelationTexts(ActorTexts):
    """Sentences about a bilateral relation: its ties, their history and its levels."""

    def level_name(self, name: str) -> str:
        known = KNOWN_LEVELS.get(name)
        return name if known is None else self.tr(known)

    def relation(self, relation: BilateralRelation) -> str:
        sentences = [
            *self.relation_origin(relation),
            *self.relation_history(relation.events),
            *self.relation_levels(relation),
        ]
        if not sentences:
            parties = self.parties(relation.parties)
            sentences.append(self.t._("{parties} maintain bilateral relations.").format(**parties))
        return self.gap.join(full_stop(sentence(s)) for s in sentences)

    def relation_origin(self, relation: BilateralRelation) -> Iterator[str]:
        """Who established the ties and when, and who continued them after a succession."""
        if relation.established is not None:
            parties = self.parties(relation.original_parties)
            yield self.t._("{parties} established diplomatic relations {when}.").format(
                when=self.when(relation.established), **parties
            )
        for step in relation.successions:
            yield self.t._(
                "Since {date}, {successor} has continued them as the successor of {predecessor}."
            ).format(
                date=self.date(step.date),
                when=self.when(step.date),
                successor=self.actor(step.successor),
                predecessor=self.actor(step.predecessor),
            )

    def relation_history(self, events: tuple[RelationEvent, ...]) -> Iterator[str]:
        """What happened to the ties, earliest first; a break and its end in one sentence."""
        index = 0
        while index < len(events):
            event = events[index]
            following = events[index + 1] if index + 1 < len(events) else None
            last = following is None
            if event.kind in {_K.SUSPENSION, _K.SEVERANCE} and (
                following is not None and following.kind is _K.RESTORATION
            ):
                yield self.ended_break(event, following)
                index += 2
                continue
            text = self.relation_event(event, last=last)
            if text is not None:
                yield text
            index += 1

    def ended_break(self, event: RelationEvent, restored: RelationEvent) -> str:
        if event.kind is _K.SUSPENSION:
            message = self.t._("Relations were suspended from {start} to {end}.")
        else:
            message = self.t._("Relations were severed {when} and restored {restored}.")
        return message.format(
            start=self.date(event.date),
            end=self.date(restored.date),
            when=self.when(event.date),
            restored=self.when(restored.date),
        )

    def relation_event(self, event: RelationEvent, *, last: bool) -> str | None:
        t = self.t
        if event.kind is _K.ESTABLISHMENT:
            return None  # the same day as `established`, told with the origin
        if event.kind is _K.SUSPENSION and last:
            message = t._("Relations have been suspended since {date}.")
        else:
            message = {
                _K.RECOGNITION: t._("Recognition was extended {when}."),
                _K.SUSPENSION: t._("Relations were suspended {when}."),
                _K.SEVERANCE: t._("Relations were severed {when}."),
                _K.RESTORATION: t._("Relations were restored {when}."),
                _K.DOWNGRADE: t._("Diplomatic representation was downgraded {when}."),
                _K.UPGRADE: t._("Diplomatic representation was upgraded {when}."),
            }[event.kind]
        return message.format(date=self.date(event.date), when=self.when(event.date))

    def relation_levels(self, relation: BilateralRelation) -> Iterator[str]:
        """The partnership level in force now, then the earlier ones."""
        if not relation.levels:
            return
        latest = relation.levels[-1]
        yield self.t._("Since {date}, they have called their relationship a {level}.").format(
            date=self.date(latest.since),
            when=self.when(latest.since),
            level=self.level_name(latest.name),
            **self.parties(relation.parties),
        )
        if len(relation.levels) > 1:
            earlier = [
                self.t._("{level} ({date})").format(
                    level=self.level_name(level.name), date=self.date(level.since)
                )
                for level in relation.levels[:-1]
            ]
            yield self.t._("Earlier levels: {levels}.").format(levels=self.join(earlier))
