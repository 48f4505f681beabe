"""Validation: semantic rules across entities that construction cannot see.

Construction validators are the first line of defence: an object that exists
is well-formed on its own. The rules here are the second: they look across
entities (does every id resolve? did the co-chair hold the office on the day?)
and at facts a single field cannot judge. `validate` runs them and returns a
`Report` of `Finding`s; it never raises for bad data.

Every finding has a stable code. The built-in rules are:

- ``DM101`` (error): Every id reference resolves to an entity of the kind it names.
- ``DM102`` (error): No two entities of one kind share an id.
- ``DM103`` (warning): Co-chairs, presenters, signers and witnesses are the meeting's participants.
- ``DM104`` (warning): A bilateral meeting has at most one co-chair for each party.
- ``DM105`` (warning): The host is one of the parties (a warning: third-country hosts exist).
- ``DM106`` (error): Every participant's delegation is a party to the meeting, or a body of one.
- ``DM107`` (error): An official held the office they act in on the meeting's or signing's date.
- ``DM108`` (error): The office in which someone acts belongs to the state they act for.
- ``DM109`` (error): A document signed at a meeting is dated on or after the meeting's start.
- ``DM110`` (error): A signatory signs for a party, and for their own delegation at the meeting.
- ``DM111`` (error): A revision is dated after the document it revises.
- ``DM112`` (error): A revision has the same parties as the document it revises.
- ``DM113`` (error): The ordinals of a series rise with the meetings' dates.
- ``DM114`` (error): No two meetings of a series share an ordinal.
- ``DM115`` (info): Missing numbers between the recorded meetings of a series (for information).
- ``DM117`` (error): No partnership level predates the establishment of diplomatic ties.
- ``DM119`` (warning): A statement's speaker took part in the meeting where it was made.
- ``DM120`` (warning): A meeting's outcomes and the documents' meetings agree with each other.
- ``DM121`` (error): An attendee as member or chair was a member of the meeting's organisation.
- ``DM122`` (warning): A state party to an organisation's meeting, with no other role, was a member.
- ``DM123`` (warning): The chair is a party, a delegation, or a member of a party organisation.
- ``DM124`` (error): One chair: one chairing actor and one chairing person, on one side.
- ``DM125`` (error): A meeting held within or on the sidelines of another falls within its dates.
- ``DM126`` (error): No meeting is held within itself, directly or through others.
- ``DM127`` (warning): A meeting by video link or phone has no single place (each side has its own).
- ``DM128`` (info): A hybrid meeting says where each remote side was (for information).
- ``DM129`` (error): A video conference or phone call is not held in person.
- ``DM130`` (error): A body sits within a body of the same state.
- ``DM131`` (info): A visit names its host, the one visited (for information).
- ``DM132`` (error): The host of a visit is a party to it.
- ``DM140`` (error): No two relation records are for the same pair of parties, in either order.
- ``DM141`` (error): No partnership level is declared while ties were suspended or severed.
- ``DM142`` (warning): A claimed anniversary is the one that falls in the year it was said.
- ``DM143`` (warning): A claimed date can be the date of the record.
- ``DM144`` (warning): A claimed place is the locality or venue of the record.
- ``DM145`` (warning): A claimed ordinal is the meeting's number in its series.
- ``DM146`` (warning): A claimed partnership level is the one in force on the day it was said.
- ``DM147`` (warning): A claimed party is a party (or an original party) of the record.
- ``DM148`` (warning): Two sources do not claim different values of one field of one record.
- ``DM150`` (error): A document that amends or supersedes another is not signed before it.
- ``DM151`` (error): The lives of a document and of the one it amends or supersedes are in order.
- ``DM152`` (warning): The stated status agrees with the status the lifecycle events give.
- ``DM153`` (warning): A batch counts at least two documents.
- ``DM154`` (warning): A document expires on the day its last set term ends.

The codes DM116 (partnership levels in date order) and DM118 (a thematic year
that ends before it starts) are retired: construction refuses such records,
so no rule could ever find one.

Co-chairs are participants with the co-chair role, so DM103 holds for them by
construction; it matters for committee-report presenters and for the signers
and witnesses of documents that came from a meeting. Rules that compare a
meeting's participants with other records stay silent when the meeting lists
no participants. Dates are compared at their own precision: a rule reports
only what is certainly wrong, never what merely might be.

Rules are values, not global registrations: `rule` turns a function into a
`Rule`, `DEFAULT_RULES.with_rule(...)` gives a new `Rules` that includes it,
and `validate(..., rules=...)` runs them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, TypeVar

import attrs
from attrs import field, frozen

from diplomodel import _checking, _claim_rules, _document_rules, _rules
from diplomodel import _validators as v
from diplomodel.dossier import Dossier, Entity, load_example  # noqa: F401 - used by the doctests
from diplomodel.errors import ArgumentTypeError, DataError, Problem, UnknownRuleError, shown
from diplomodel.issues import Issue
from diplomodel.serialization import dumps, from_dict, parse_json, to_dict

__all__ = [
    "DEFAULT_RULES",
    "Finding",
    "Issue",
    "Report",
    "Rule",
    "Rules",
    "Severity",
    "rule",
    "validate",
]

S = TypeVar("S")

_CODE: Final = re.compile(r"[A-Z][A-Z0-9]{0,9}[0-9]{3}")


class Severity(enum.Enum):
    """How serious a finding is.

    ``error``: the data is wrong. ``warning``: it is probably wrong, or unusual
    enough to check. ``info``: worth knowing (a gap in a series).

    >>> Severity("warning") > Severity.INFO
    True
    """

    ERROR = "error"
    """The data is wrong."""
    WARNING = "warning"
    """The data is probably wrong, or unusual enough to check."""
    INFO = "info"
    """Worth knowing, not wrong (a gap in a series)."""

    @property
    def rank(self) -> int:
        """2 for an error, 1 for a warning, 0 for information."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]

    def __lt__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: Severity) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


def _check_code(_inst: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ValueError(
            "'code' must be capital letters then three digits, such as 'DM101' "
            f"(got {shown(value)})"
        )


def _check_path(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.startswith("$"):
        raise ValueError(
            f"'{attribute.name}' must be a path starting with '$' (got {shown(value)})"
        )
    v.check_unicode(attribute.name, value)


def _check_said(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Non-blank text (a finding's message, an id it names); outer spaces are allowed."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"'{attribute.name}' must be non-blank text (got {shown(value)})")
    v.check_unicode(attribute.name, value)


@frozen(kw_only=True)
class Finding:
    """One thing a rule found: its code, severity, where it is, who is involved, and why.

    Args:
        code: The stable code of the rule (``"DM107"``).
        severity: How serious it is.
        path: Where the offending value is (``$.meetings[0].participants[1].office``).
        message: What is wrong, in words.
        ids: Ids of the entities involved, the offending one first.

    >>> f = Finding(code="DM105", severity=Severity.WARNING, path="$.meetings[0].host",
    ...             message="host France is not a party to the meeting", ids=("m1",))
    >>> print(f)
    warning DM105 $.meetings[0].host: host France is not a party to the meeting [m1]
    """

    code: str = field(validator=_check_code)
    severity: Severity = field(validator=v.enum_member(Severity))
    path: str = field(validator=_check_path)
    message: str = field(validator=_check_said)
    ids: tuple[str, ...] = field(validator=v.tuple_of(_check_said))

    def __str__(self) -> str:
        who = f" [{', '.join(self.ids)}]" if self.ids else ""
        return f"{self.severity.value} {self.code} {self.path}: {self.message}{who}"


@frozen(kw_only=True)
class Report:
    """What `validate` found: an ordered, immutable collection of findings.

    Iterating gives the findings, errors first, then by code. `ok` is true
    when there is no error (warnings and information do not spoil it).

    Args:
        findings: The findings.

    >>> report = validate(load_example())
    >>> report.ok, len(report), list(report)
    (True, 0, [])
    >>> print(report.to_text())
    No findings.
    """

    findings: tuple[Finding, ...] = field(default=())

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def ok(self) -> bool:
        """Whether there is no error."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity info."""
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    def filter(
        self,
        *,
        severity: Severity | str | None = None,
        at_least: Severity | str | None = None,
        code: str | None = None,
    ) -> Report:
        """The findings that match every criterion given, as a new report.

        Args:
            severity: Keep only this severity.
            at_least: Keep this severity and the more serious ones.
            code: Keep only this rule's findings.

        >>> validate(load_example()).filter(at_least="warning").ok
        True
        """
        kept = self.findings
        if severity is not None:
            wanted = Severity(severity)
            kept = tuple(f for f in kept if f.severity is wanted)
        if at_least is not None:
            floor = Severity(at_least)
            kept = tuple(f for f in kept if f.severity >= floor)
        if code is not None:
            kept = tuple(f for f in kept if f.code == code)
        return Report(findings=kept)

    def counts(self) -> dict[str, int]:
        """How many findings there are of each severity, by its value.

        >>> validate(load_example()).counts()
        {'error': 0, 'warning': 0, 'info': 0}
        """
        found = {s.value: 0 for s in Severity}
        for f in self.findings:
            found[f.severity.value] += 1
        return found

    def to_text(self) -> str:
        """The report as text: a count line, then one finding a line.

        >>> print(Report(findings=(Finding(code="DM111", severity=Severity.ERROR,
        ...     path="$.signed", message="dated 2023, not after 'a' (2024)", ids=("a",)),)
        ... ).to_text())
        1 finding: 1 error, 0 warnings, 0 infos
          error DM111 $.signed: dated 2023, not after 'a' (2024) [a]
        """
        if not self.findings:
            return "No findings."
        n = self.counts()
        head = (
            f"{len(self)} finding{'s' if len(self) != 1 else ''}: "
            f"{n['error']} error{'s' if n['error'] != 1 else ''}, "
            f"{n['warning']} warning{'s' if n['warning'] != 1 else ''}, "
            f"{n['info']} info{'s' if n['info'] != 1 else ''}"
        )
        return "\n".join([head, *(f"  {f}" for f in self.findings)])

    def __str__(self) -> str:
        return self.to_text()

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON: ``ok``, ``counts`` and the ``findings``.

        Inverse of `from_json`.

        >>> print(validate(load_example()).to_json(indent=None))
        {"ok":true,"counts":{"error":0,"warning":0,"info":0},"findings":[]}
        """
        body = {"ok": self.ok, "counts": self.counts(), "findings": to_dict(self.findings)}
        return dumps(body, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Report:
        """Read a report written by `to_json`.

        Inverse of `to_json`.

        The text is read as strictly as any diplomodel file (`parse_json`):
        duplicate keys, ``NaN`` and oversized integers are refused.

        Raises:
            DataError: The text is not such a report.

        >>> Report.from_json(validate(load_example()).to_json())
        Report(findings=())
        """
        data = parse_json(text)
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k not in ("ok", "counts")}
        return from_dict(data, cls)

    def raise_for_errors(self, *, source: str | None = None) -> None:
        """Raise a `DataError` holding the errors, if there are any.

        Each problem has the finding's path; its message starts with the code.

        Args:
            source: Optional name of what was validated, shown in the message.

        Raises:
            DataError: There is at least one error.

        >>> validate(load_example()).raise_for_errors()
        """
        problems = [Problem(path=f.path, message=f"{f.code}: {f.message}") for f in self.errors]
        if problems:
            raise DataError(problems, source=source)


Check = Callable[[Any, Dossier | None], Iterable[Issue]]
"""A rule's check: (the object, the dossier around it or None) → the issues found."""


def _as_types(value: type[Any] | tuple[type[Any], ...]) -> tuple[type[Any], ...]:
    return value if isinstance(value, tuple) else (value,)


@frozen(kw_only=True)
class Rule:
    """A named check with a stable code and a severity.

    Make one with the `rule` decorator. Calling a rule runs its check.

    Args:
        code: Stable code: capital letters, then three digits (``"DM101"``, ``"ACME001"``).
        severity: The severity of its findings.
        applies_to: The classes it checks: entity classes (`Meeting`, `Document`...,
            subclasses included) or `Dossier` for a rule over the whole dossier.
        summary: One line saying what must hold.
        check: The function: ``check(obj, dossier)`` yields `Issue`s; `dossier`
            is None when an entity is validated on its own.

    >>> DEFAULT_RULES["DM105"].severity
    <Severity.WARNING: 'warning'>
    """

    code: str = field(validator=_check_code)
    severity: Severity = field(converter=Severity)
    applies_to: tuple[type[Any], ...] = field(converter=_as_types)
    summary: str = field()
    check: Check = field(eq=False)

    def __call__(self, subject: Any, dossier: Dossier | None) -> Iterable[Issue]:
        """Run the check on one object."""
        return self.check(subject, dossier)


def rule(
    *,
    code: str,
    severity: Severity | str,
    applies_to: type[Any] | tuple[type[Any], ...],
    summary: str | None = None,
) -> Callable[[Callable[[S, Dossier | None], Iterable[Issue]]], Rule]:
    """Turn a check function into a `Rule` (a decorator). It registers nothing anywhere.

    Args:
        code: The rule's stable code.
        severity: Its findings' severity.
        applies_to: What it checks (see `Rule`).
        summary: What must hold; by default the first line of the function's docstring.

    Returns:
        A decorator that turns ``check(obj, dossier)`` into a `Rule`.

    >>> from diplomodel.model.meetings import Meeting
    >>> @rule(code="ACME001", severity="info", applies_to=Meeting)
    ... def has_summary(meeting, dossier):
    ...     '''A meeting has a summary.'''
    ...     if meeting.summary is None:
    ...         yield Issue(message="no summary", at=".summary")
    >>> rules = DEFAULT_RULES.with_rule(has_summary)
    >>> [f.code for f in validate(load_example(), rules=rules)]
    []
    """

    def make(check: Callable[[S, Dossier | None], Iterable[Issue]]) -> Rule:
        text = summary or (check.__doc__ or "").strip().split("\n", 1)[0] or code
        return Rule(code=code, severity=severity, applies_to=applies_to, summary=text, check=check)

    return make


@frozen
class Rules:
    """An immutable set of rules, looked up by code. Derive new sets from old ones.

    `DEFAULT_RULES` holds the built-in rules; `with_rule` and `without`
    return new sets, so one user's rules never leak into another's.

    Args:
        rules: The rules, each code once.

    Raises:
        ValueError: Two rules share a code.

    >>> len(DEFAULT_RULES), "DM101" in DEFAULT_RULES
    (44, True)
    >>> "DM105" in DEFAULT_RULES.without("DM105")
    False
    """

    rules: tuple[Rule, ...] = field(default=())
    _by_code: dict[str, Rule] = field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        by_code: dict[str, Rule] = {}
        for r in self.rules:
            if not isinstance(r, Rule):
                raise TypeError(f"'rules' must hold Rule objects (got {r!r})")
            if r.code in by_code:
                raise ValueError(f"two rules have the code {r.code!r}")
            by_code[r.code] = r
        object.__setattr__(self, "_by_code", by_code)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Rule:
        """The rule with this code; `UnknownRuleError` (a `KeyError`) if there is none."""
        try:
            return self._by_code[code]
        except (KeyError, TypeError):  # TypeError: an unhashable "code"
            raise UnknownRuleError(f"no rule has the code {shown(code)}") from None

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes, in order."""
        return tuple(self._by_code)

    def with_rule(self, *rules: Rule) -> Rules:
        """A new set with these rules added.

        Args:
            *rules: The rules to add.

        Returns:
            A new `Rules`; this one is unchanged.

        Raises:
            ValueError: A code is already taken.
        """
        return Rules((*self.rules, *rules))

    def without(self, *codes: str) -> Rules:
        """A new set without the rules of these codes.

        Args:
            *codes: The codes of the rules to leave out.

        Returns:
            A new `Rules`; this one is unchanged.

        Raises:
            UnknownRuleError: A code names no rule (a `KeyError`).
        """
        for code in codes:
            self[code]
        return Rules(tuple(r for r in self.rules if r.code not in codes))


DEFAULT_RULES: Final = Rules(
    tuple(
        Rule(
            code=spec.code,
            severity=spec.severity,
            applies_to=spec.applies_to,
            summary=spec.summary,
            check=spec.check,
        )
        for spec in (*_rules.BUILTIN, *_claim_rules.BUILTIN, *_document_rules.BUILTIN)
    )
)
"""The built-in rules (listed in this module's docstring)."""


def _finding(rule_: Rule, hit: Issue, path: str, own_id: str | None) -> Finding:
    """The finding of one issue a rule found at `path` (the subject's own id first)."""
    return Finding(
        code=rule_.code,
        severity=rule_.severity,
        path=path + hit.at,
        message=hit.message,
        ids=hit.ids if own_id is None else (own_id, *(i for i in hit.ids if i != own_id)),
    )


def validate(
    subject: Dossier | Entity,
    *,
    rules: Rules = DEFAULT_RULES,
    disable: Iterable[str] = (),
) -> Report:
    """Check a dossier, or one entity on its own, against the rules.

    A lone entity is checked only by the rules that need nothing else (the
    host is a party, levels are in order...); rules about references stay
    silent without a dossier.

    The rules run one after another, each over every entity it applies to
    in the dossier's order (table by table), so a rule's findings come in
    that order, then in the order its check yields them.

    Args:
        subject: A `Dossier`, or any entity (`Meeting`, `Person`, ...).
        rules: The rules to run (default: the built-in ones).
        disable: Codes of rules to skip (``{"DM105"}``).

    Returns:
        The findings, errors first, then by code, then in the order found.

    Raises:
        UnknownRuleError: `disable` names a code that is not among the rules
            (a `KeyError`).
        ArgumentTypeError: `subject` is neither a dossier nor an entity (a `TypeError`).

    >>> report = validate(load_example(), disable={"DM105"})
    >>> report.ok
    True
    """
    active = rules.without(*set(disable))
    if not isinstance(subject, Dossier | Entity):
        raise ArgumentTypeError(
            f"validate() needs a Dossier or an entity (got {type(subject).__name__})"
        )
    found = [_finding(r, hit, path, own) for r, path, own, hit in _checking.hits(active, subject)]
    order = {code: i for i, code in enumerate(active.codes)}
    found.sort(key=lambda f: (-f.severity.rank, order[f.code]))
    return Report(findings=tuple(found))
