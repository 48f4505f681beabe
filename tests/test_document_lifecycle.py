"""Document kinds and lifecycle: events per party, status on a day, batches, amends/supersedes."""

from datetime import date

import attrs
import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import testing
from tests.profiles import examples

P = dm.PartialDate.parse
K = dm.DocumentEventKind
S = dm.DocumentStatus
CN, RU, US = (dm.states.get(c) for c in ("CN", "RU", "US"))


def event(kind, when, **more):
    return dm.DocumentEvent(kind=kind, date=P(when), **more)


NEW_START = dm.CooperationAgreement(
    id="new-start",
    title="Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms",
    parties=(RU, US),
    form=dm.AgreementForm.TREATY,
    signed=P("2010-04-08"),
    place=dm.Place(state=dm.states.get("CZ"), locality="Prague"),
    legally_binding=True,
    status=S.EXPIRED,
    events=(
        event(K.RATIFICATION, "2010-12-22", party=US),
        event(K.RATIFICATION, "2011-01-26", party=RU),
        event(K.ENTRY_INTO_FORCE, "2011-02-05", until=P("2021-02-05")),
        event(K.EXTENSION, "2021-02-03", until=P("2026-02-05")),
        event(K.SUSPENSION, "2023-02-21", party=RU, note="Russia suspended its participation"),
        event(K.EXPIRY, "2026-02-05"),
    ),
)

GOOD_NEIGHBOURLINESS = dm.CooperationAgreement(
    id="cn-ru-treaty-2001",
    title="Treaty of Good-Neighbourliness and Friendly Cooperation",
    parties=(CN, RU),
    form=dm.AgreementForm.TREATY,
    signed=P("2001-07-16"),
    place=dm.Place(state=RU, locality="Moscow"),
    status=S.IN_FORCE,
    events=(
        event(K.ENTRY_INTO_FORCE, "2002-02-28"),
        event(K.EXTENSION, "2021-06-28", note="Joint statement on extending the treaty"),
    ),
)


class TestKinds:
    @pytest.mark.parametrize(
        ("cls", "tag"),
        [
            (dm.Communique, "communique"),
            (dm.JointStatement, "joint_statement"),
            (dm.Declaration, "declaration"),
            (dm.CooperationAgreement, "cooperation_agreement"),
            (dm.DocumentBatch, "document_batch"),
        ],
    )
    def test_each_kind_has_its_tag_and_round_trips(self, cls, tag):
        """Every kind is a tagged variant of Document and comes back as itself."""
        more = {"count": 3} if cls is dm.DocumentBatch else {}
        doc = cls(id="d", title="A document", parties=(CN, RU), **more)
        data = dm.to_dict(doc)
        assert data["type"] == tag
        assert dm.DOCUMENT_TAGS[cls] == tag
        back = dm.from_dict(data, dm.Document)
        assert type(back) is cls
        assert back == doc

    def test_kinds_are_distinct(self):
        """A joint statement is not a communiqué, even with the same fields."""
        fields = {"id": "d", "title": "Joint statement", "parties": (CN, RU)}
        assert dm.JointStatement(**fields) != dm.Communique(**fields)
        assert dm.Declaration(**fields) != dm.JointStatement(**fields)

    def test_schema_lists_every_kind(self):
        """The JSON Schema of a document offers every tag."""
        text = str(dm.json_schema(dm.Document))
        for tag in ("joint_statement", "declaration", "document_batch", "exchange_of_notes"):
            assert tag in text
        assert "legally_binding" in text
        assert "until" in text

    def test_v1_communique_is_still_a_communique(self):
        """A 1.x file's communiqué loads as a `Communique` with the new fields at their defaults."""
        body = {
            "type": "communique",
            "id": "c",
            "title": "Joint communiqué",
            "parties": ["CN", "RU"],
        }
        doc = dm.from_dict(body, dm.Document)
        assert type(doc) is dm.Communique
        assert (doc.events, doc.amends, doc.supersedes, doc.legally_binding) == ((), (), (), None)
        migrated = dm.MIGRATIONS[1](dict(body))
        assert type(dm.from_dict(migrated, dm.Document)) is dm.Communique

    def test_extended_forms(self):
        """Forms reports use: exchange of notes, convention, action plan, decision, charter."""
        values = {f.value for f in dm.AgreementForm}
        assert {
            "exchange_of_notes",
            "convention",
            "action_plan",
            "decision",
            "charter",
            "road_map",
        } <= values

    def test_legally_binding_is_true_false_or_unstated(self):
        """None says the record does not state it; 1 and "yes" are refused."""
        fields = {"id": "d", "title": "A treaty", "parties": (CN,)}
        assert dm.CooperationAgreement(**fields).legally_binding is None
        assert dm.CooperationAgreement(**fields, legally_binding=True).legally_binding is True
        with pytest.raises(TypeError, match="'legally_binding' must be True or False"):
            dm.CooperationAgreement(**fields, legally_binding="yes")


class TestBatch:
    def test_one_record_with_a_count(self):
        """28 memoranda on trade, health and culture are one record that counts 28."""
        batch = dm.DocumentBatch(
            id="memoranda",
            title="Memoranda signed during the visit",
            parties=(CN, RU),
            count=28,
            form=dm.AgreementForm.MEMORANDUM,
            sectors=(dm.Sector.ECONOMY_AND_TRADE, dm.Sector.HEALTH, dm.Sector.CULTURE),
        )
        dossier = dm.Dossier(id="x", title="X", documents=(batch,))
        assert len(dossier.documents) == 1
        assert dm.from_json(dm.to_json(batch), dm.Document) == batch

    @pytest.mark.parametrize("count", [0, -1, True, 2.5, "28"])
    def test_count_is_a_positive_whole_number(self, count):
        """A count is a whole number of documents, at least one."""
        with pytest.raises(ValueError, match="'count' must be a whole number"):
            dm.DocumentBatch(id="b", title="Batch", parties=(CN,), count=count)


class TestStatusOn:
    def test_new_start(self):
        """Signed 2010, in force 2011, extended 2021, Russia suspended 2023, expired 2026."""
        t = NEW_START
        assert t.status_on(date(2010, 4, 7)) is None  # before the record begins
        assert t.status_on(date(2010, 4, 8)) is S.SIGNED
        assert t.status_on(date(2011, 1, 1), US) is S.RATIFIED
        assert t.status_on(date(2011, 1, 1), RU) is S.SIGNED
        assert t.status_on(date(2011, 1, 1)) is S.SIGNED  # not yet ratified by both
        assert t.status_on(date(2011, 1, 30)) is S.RATIFIED
        assert t.status_on(date(2011, 2, 5)) is S.IN_FORCE
        assert t.status_on(date(2022, 1, 1)) is S.IN_FORCE

    def test_new_start_suspension_is_russias_only(self):
        """Russia suspended its participation on 21 February 2023; the United States did not."""
        day = date(2024, 1, 1)
        assert NEW_START.status_on(day, RU) is S.SUSPENDED
        assert NEW_START.status_on(day, US) is S.IN_FORCE
        assert NEW_START.status_on(day) is S.IN_FORCE
        assert NEW_START.status_on(date(2023, 2, 20), RU) is S.IN_FORCE

    def test_new_start_expired(self):
        """It expired on 5 February 2026 for both parties."""
        day = date(2026, 2, 5)
        assert NEW_START.status_on(day) is S.EXPIRED
        assert NEW_START.status_on(day, RU) is S.EXPIRED
        assert NEW_START.status_on(date(2026, 2, 4), RU) is S.SUSPENDED

    def test_new_start_changes(self):
        """The whole treaty's changes of status, and Russia's own."""
        assert [(str(d), s.value) for d, s in NEW_START.status_changes()] == [
            ("2010-04-08", "signed"),
            ("2011-01-26", "ratified"),
            ("2011-02-05", "in_force"),
            ("2026-02-05", "expired"),
        ]
        assert [(str(d), s.value) for d, s in NEW_START.status_changes(RU)] == [
            ("2010-04-08", "signed"),
            ("2011-01-26", "ratified"),
            ("2011-02-05", "in_force"),
            ("2021-02-03", "in_force"),
            ("2023-02-21", "suspended"),
            ("2026-02-05", "expired"),
        ]

    def test_good_neighbourliness_treaty(self):
        """Signed 16 July 2001, in force 28 February 2002, extended on 28 June 2021."""
        t = GOOD_NEIGHBOURLINESS
        assert t.status_on(date(2001, 12, 31)) is S.SIGNED
        assert t.status_on(date(2002, 2, 28)) is S.IN_FORCE
        assert t.status_on(date(2024, 8, 21), CN) is S.IN_FORCE

    def test_month_precision_counts_from_its_last_day(self):
        """An entry into force known only to the month counts from the month's last day."""
        doc = dm.CooperationAgreement(
            id="a", title="A", parties=(CN, RU), events=(event(K.ENTRY_INTO_FORCE, "2024-09"),)
        )
        assert doc.status_on(date(2024, 9, 29)) is None
        assert doc.status_on(date(2024, 9, 30)) is S.IN_FORCE

    def test_withdrawal_of_one_party_leaves_the_rest_bound(self):
        """A party that withdrew is not moved by a later event for all parties."""
        doc = dm.CooperationAgreement(
            id="inf",
            title="INF Treaty",
            parties=(RU, US),
            signed=P("1987-12-08"),
            events=(
                event(K.ENTRY_INTO_FORCE, "1988-06-01"),
                event(K.SUSPENSION, "2019-02-02", party=US),
                event(K.SUSPENSION, "2019-03-04", party=RU),
                event(K.WITHDRAWAL, "2019-08-02", party=US),
                event(K.TERMINATION, "2019-08-02"),
            ),
        )
        assert doc.status_on(date(2019, 8, 2), US) is S.WITHDRAWN
        assert doc.status_on(date(2019, 8, 2), RU) is S.TERMINATED
        assert doc.status_on(date(2019, 8, 2)) is S.TERMINATED

    def test_record_that_starts_later(self):
        """Without `signed`, the record starts at the first event and says nothing before it."""
        doc = dm.CooperationAgreement(
            id="a", title="A", parties=(CN, RU), events=(event(K.SUSPENSION, "2020-01-01"),)
        )
        assert doc.status_on(date(2019, 1, 1)) is None
        assert doc.status_on(date(2020, 1, 1)) is S.SUSPENDED

    def test_not_a_party(self):
        """Asking for a state that is no party is an argument error."""
        with pytest.raises(dm.InvalidArgumentError, match="US is not a party"):
            GOOD_NEIGHBOURLINESS.status_on(date(2020, 1, 1), US)

    def test_partial_day_is_rejected(self):
        """`on` must be a day."""
        with pytest.raises(ValueError, match="day"):
            NEW_START.status_on(P("2020"))


class TestImpossibleLives:
    @pytest.mark.parametrize(
        ("events", "message"),
        [
            (
                (event(K.ENTRY_INTO_FORCE, "2009-01-01"),),
                (
                    r"'events' \[0\] has an entry into force on 2009-01-01 before the parties "
                    r"signed it \(2010-04-08\)"
                ),
            ),
            (
                (event(K.WITHDRAWAL, "2010-01-01", party=RU),),
                r"\[0\] has a withdrawal by Russia on 2010-01-01 before Russia signed it",
            ),
            (
                (event(K.EXPIRY, "2026-02-05"), event(K.EXTENSION, "2026-03-01")),
                r"\[0\] has an expiry on 2026-02-05 while it was signed",
            ),
            (
                (
                    event(K.ENTRY_INTO_FORCE, "2011-02-05"),
                    event(K.EXPIRY, "2026-02-05"),
                    event(K.SUSPENSION, "2026-03-01", party=RU),
                ),
                r"\[2\] has a suspension by Russia on 2026-03-01 after it expired",
            ),
            (
                (event(K.ENTRY_INTO_FORCE, "2011-02-05"), event(K.RESUMPTION, "2012-01-01")),
                r"\[1\] has a resumption on 2012-01-01 while it was in force",
            ),
            (
                (event(K.ENTRY_INTO_FORCE, "2011-02-05"), event(K.RATIFICATION, "2010-12-22")),
                r"\[1\] \(2010-12-22\) is dated earlier than the event before it",
            ),
            (
                (event(K.SUSPENSION, "2011-01-01", party=CN),),
                r"\[0\] names China, not a party",
            ),
            (
                (event(K.SIGNATURE, "2010-04-09"),),
                r"\[0\] has a signature on 2010-04-09, but 'signed' is 2010-04-08",
            ),
            (
                (
                    event(K.ENTRY_INTO_FORCE, "2011-02-05"),
                    event(K.WITHDRAWAL, "2020-01-01", party=US),
                    event(K.SUSPENSION, "2021-01-01", party=US),
                ),
                (
                    r"\[2\] has a suspension by United States on 2021-01-01 after "
                    r"United States withdrew"
                ),
            ),
        ],
    )
    def test_rejected_at_construction(self, events, message):
        """An event that cannot follow the ones before it is refused, naming it."""
        with pytest.raises(ValueError, match=message):
            dm.CooperationAgreement(
                id="t", title="Treaty", parties=(RU, US), signed=P("2010-04-08"), events=events
            )

    def test_bad_life_in_a_file_is_a_data_error(self):
        """A loader reports an impossible life as a DataError with its path."""
        data = dm.to_dict(NEW_START)
        data["events"] = list(reversed(data["events"]))
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Document)
        assert "$.events" in str(info.value)

    def test_until_only_for_terms(self):
        """`until` belongs to an entry into force or an extension."""
        with pytest.raises(ValueError, match=r"'until' .* only for an entry into force"):
            event(K.SUSPENSION, "2023-02-21", until=P("2026-02-05"))

    def test_adoption_then_signature(self):
        """A text adopted and signed later is signed, not an error."""
        doc = dm.Declaration(
            id="d",
            title="Declaration",
            parties=(CN, RU),
            events=(event(K.ADOPTION, "2024-05-01"), event(K.SIGNATURE, "2024-05-16", party=CN)),
        )
        assert doc.status_on(date(2024, 5, 16), CN) is S.SIGNED


class TestAmendsAndSupersedes:
    def test_ids_of_documents_checked_by_dm101(self):
        """`amends` and `supersedes` name documents; an unknown id is reported by DM101."""
        doc = dm.CooperationAgreement(
            id="protocol",
            title="Protocol",
            parties=(CN, RU),
            amends=("missing-treaty",),
            supersedes=("missing-plan",),
        )
        report = dm.validate(dm.Dossier(id="x", title="X", documents=(doc,)))
        found = {(f.code, f.path) for f in report}
        assert ("DM101", "$.documents[0].amends[0]") in found
        assert ("DM101", "$.documents[0].supersedes[0]") in found

    def test_not_itself(self):
        """A document does not amend or supersede itself."""
        with pytest.raises(ValueError, match="'supersedes' must name other documents"):
            dm.Communique(id="c", title="C", parties=(CN,), supersedes=("c",))


class TestStrategies:
    @settings(max_examples=examples(40), deadline=None)
    @given(testing.documents())
    def test_drawn_documents_have_consistent_lives(self, document):
        """Drawn documents keep events that make sense; `status_on` answers on each change."""
        for when, status in document.status_changes():
            if when.day is not None:
                assert document.status_on(when) is status


class TestDescribe:
    DOSSIER = dm.Dossier(id="x", title="X", documents=(NEW_START, GOOD_NEIGHBOURLINESS))

    def test_new_start_in_english(self):
        """Signed, in force with a term, extended to a date, Russia's suspension, expiry."""
        text = dm.describe(NEW_START, self.DOSSIER, "en")
        assert text.startswith("On April 8, 2010, in Prague, Russia and the United States signed a")
        assert "It entered into force on February 5, 2011, with a term to February 5, 2021." in text
        assert "It was extended on February 3, 2021 to February 5, 2026." in text
        assert "Russia suspended its participation on February 21, 2023." in text
        assert "It expired on February 5, 2026." in text
        assert "Russia ratified it on January 26, 2011." in text
        assert "It is legally binding." in text

    def test_new_start_in_russian_and_chinese(self):
        """The same life in Russian and Chinese, from the catalogs."""
        ru = dm.describe(NEW_START, self.DOSSIER, "ru").replace("\u202f", " ")
        assert "5 февраля 2011 г. документ вступил в силу" in ru
        assert "3 февраля 2021 г. срок действия документа продлён до 5 февраля 2026 г." in ru
        assert "21 февраля 2023 г. участие в документе приостановила сторона — Россия." in ru
        zh = dm.describe(NEW_START, self.DOSSIER, "zh")
        assert "该文件于2021年2月3日延期至2026年2月5日。" in zh
        assert "俄罗斯于2023年2月21日暂停参加该文件。" in zh
        assert "该文件于2026年2月5日到期。" in zh

    def test_good_neighbourliness_treaty(self):
        """Signed on …, entered into force on …, extended on …."""
        text = dm.describe(GOOD_NEIGHBOURLINESS, self.DOSSIER, "en")
        assert text == (
            "On July 16, 2001, in Moscow, China and Russia signed a treaty. "
            "It entered into force on February 28, 2002. It was extended on June 28, 2021."
        )

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                "China and Russia signed 28 memoranda on economy and trade, health, and culture.",
            ),
            (
                "ru",
                "Китай и Россия подписали 28 меморандумов (экономика и торговля, здравоохранение",
            ),
            ("zh", "中国和俄罗斯签署了28份备忘录（经贸、卫生和文化）"),
        ],
    )
    def test_batch_says_how_many(self, locale, expected):
        """A batch reads "28 memoranda", in every catalog language."""
        batch = dm.DocumentBatch(
            id="b",
            title="Memoranda",
            parties=(CN, RU),
            count=28,
            form=dm.AgreementForm.MEMORANDUM,
            sectors=(dm.Sector.ECONOMY_AND_TRADE, dm.Sector.HEALTH, dm.Sector.CULTURE),
        )
        assert dm.describe(batch, self.DOSSIER, locale).startswith(expected)

    @pytest.mark.parametrize(
        ("cls", "en", "ru", "zh"),
        [
            (dm.JointStatement, "a joint statement", "совместное заявление", "联合声明"),
            (dm.Declaration, "a declaration", "декларация", "宣言"),
        ],
    )
    def test_kinds_have_their_own_names(self, cls, en, ru, zh):
        """A joint statement and a declaration are not called communiqués."""
        doc = cls(id="d", title="D", parties=(CN, RU), supersedes=("old",), amends=("a", "b"))
        assert en in dm.describe(doc, self.DOSSIER, "en")
        assert ru in dm.describe(doc, self.DOSSIER, "ru")
        assert zh in dm.describe(doc, self.DOSSIER, "zh")
        text = dm.describe(doc, self.DOSSIER, "en")
        assert "It amends earlier documents. It supersedes an earlier document." in text

    def test_batch_and_statement_are_named_among_outcomes(self):
        """A meeting's outcomes name a joint statement and say "28 memoranda"."""
        statement = dm.JointStatement(id="s", title="Joint statement", parties=(CN, RU))
        batch = dm.DocumentBatch(
            id="b", title="Memoranda", parties=(CN, RU), count=28, form=dm.AgreementForm.MEMORANDUM
        )
        meeting = dm.Meeting(
            id="m",
            title="Talks",
            kind=dm.MeetingKind.TALKS,
            start=P("2024-05-16"),
            parties=(CN, RU),
            outcomes=("s", "b"),
        )
        dossier = dm.Dossier(id="x", title="X", meetings=(meeting,), documents=(statement, batch))
        text = dm.describe(meeting, dossier, "en")
        assert "The meeting produced a joint statement and 28 memoranda." in text


def _treaty(id_, **more):
    return dm.CooperationAgreement(id=id_, title=f"Treaty {id_}", parties=(CN, RU), **more)


def with_documents(example, *documents):
    return attrs.evolve(example, documents=(*example.documents, *documents))


def documents_broken(example):
    """A broken copy of the example for each rule on documents' lives, and the path it reports."""
    n = len(example.documents)
    communique = example.documents[0]
    return {
        "DM150": (
            lambda: with_documents(
                example, _treaty("p", signed=P("2024-08-01"), amends=(communique.id,))
            ),
            f"$.documents[{n}].amends[0]",
        ),
        "DM151": (
            lambda: with_documents(
                example,
                _treaty(
                    "old",
                    signed=P("2020-01-01"),
                    status=S.SUPERSEDED,
                    events=(event(K.SUPERSESSION, "2021-01-01"),),
                ),
                _treaty("new", signed=P("2022-01-01"), supersedes=("old",)),
            ),
            f"$.documents[{n + 1}].supersedes[0]",
        ),
        "DM152": (
            lambda: with_documents(
                example, _treaty("t", signed=P("2001"), events=(event(K.ENTRY_INTO_FORCE, "2002"),))
            ),
            f"$.documents[{n}].status",
        ),
        "DM153": (
            lambda: with_documents(
                example, dm.DocumentBatch(id="b", title="One", parties=(CN, RU), count=1)
            ),
            f"$.documents[{n}].count",
        ),
        "DM154": (
            lambda: with_documents(
                example,
                _treaty(
                    "t",
                    signed=P("2001"),
                    status=S.EXPIRED,
                    events=(
                        event(K.ENTRY_INTO_FORCE, "2002-01-01", until=P("2012-01-01")),
                        event(K.EXPIRY, "2013-01-01"),
                    ),
                ),
            ),
            f"$.documents[{n}].events[1].date",
        ),
    }


class TestRules:
    EXAMPLE = dm.load_example()

    @pytest.mark.parametrize("code", ["DM150", "DM151", "DM152", "DM153", "DM154"])
    def test_each_rule_fires_once_on_its_broken_copy(self, code):
        """Each rule reports its broken copy, and only there."""
        build, path = documents_broken(self.EXAMPLE)[code]
        report = dm.validate(build())
        assert [f.path for f in report.filter(code=code)] == [path]

    def test_examples_of_the_issue_are_clean(self):
        """New START and the 2001 treaty, as recorded here, trigger no rule."""
        dossier = with_documents(self.EXAMPLE, NEW_START, GOOD_NEIGHBOURLINESS)
        assert [f for f in dm.validate(dossier) if f.code.startswith("DM15")] == []

    def test_amendment_in_force_after_the_treaty_ended(self):
        """An amendment cannot enter into force after the treaty it amends expired."""
        amendment = _treaty(
            "protocol",
            signed=P("2025-01-01"),
            status=S.IN_FORCE,
            amends=("new-start",),
            events=(event(K.ENTRY_INTO_FORCE, "2026-03-01"),),
        )
        dossier = with_documents(self.EXAMPLE, NEW_START, amendment)
        found = dm.validate(dossier).filter(code="DM151")
        assert [f.message for f in found] == [
            (
                "enters into force on 2026-03-01, after 'new-start', which it amends, was expired "
                "(2026-02-05)"
            )
        ]

    def test_same_day_amendment_is_fine(self):
        """An additional protocol signed the same day as its treaty is not reported."""
        protocol = _treaty("protocol", signed=P("2010-04-08"), amends=("new-start",))
        dossier = with_documents(self.EXAMPLE, NEW_START, protocol)
        assert list(dm.validate(dossier).filter(code="DM150")) == []

    def test_stated_status_message_names_both(self):
        """DM152 says the stated status and the one the events give, with its date."""
        build, _ = documents_broken(self.EXAMPLE)["DM152"]
        (finding,) = dm.validate(build()).filter(code="DM152")
        assert (
            finding.message
            == "states the status 'signed', but its events make it 'in_force' since 2002"
        )


class TestInterchange:
    BATCH = dm.DocumentBatch(
        id="memoranda",
        title="Memoranda signed during the visit",
        parties=(CN, RU),
        count=28,
        form=dm.AgreementForm.MEMORANDUM,
        amends=("new-start",),
    )
    STATEMENT = dm.JointStatement(
        id="statement", title="Joint statement", parties=(CN, RU), legally_binding=False
    )
    DOSSIER = dm.Dossier(
        id="life",
        title="Lives of documents",
        documents=(NEW_START, GOOD_NEIGHBOURLINESS, BATCH, STATEMENT),
    )

    def test_ical_writes_each_event_of_a_life(self):
        """Entry into force, extension, Russia's suspension and expiry are calendar events."""
        pytest.importorskip("icalendar")
        text = dm.to_ical(self.DOSSIER).replace("\r\n ", "")
        summaries = [line for line in text.splitlines() if line.startswith("SUMMARY:")]
        title = NEW_START.title
        assert f"SUMMARY:Entry into force: {title}" in summaries
        assert f"SUMMARY:Russia: Suspension: {title}" in summaries
        assert f"SUMMARY:Expiry: {title}" in summaries
        assert "DTSTART;VALUE=DATE:20110205" in text
        assert "X-DIPLOMODEL-DOCUMENT:new-start" in text
        assert "The term runs to 2026-02-05." in text
        assert len(summaries) == len(NEW_START.events) + len(GOOD_NEIGHBOURLINESS.events)

    def test_ical_window_limits_lives(self):
        """A window keeps only the events of a life that fall in it."""
        pytest.importorskip("icalendar")
        text = dm.to_ical(self.DOSSIER, start=date(2023, 1, 1), end=date(2023, 12, 31))
        text = text.replace("\r\n ", "")  # unfold long lines
        assert [line for line in text.splitlines() if line.startswith("SUMMARY:")] == [
            f"SUMMARY:Russia: Suspension: {NEW_START.title}"
        ]

    def test_jsonld_kinds_and_dates(self):
        """Agreements give their dates of applicability and expiry; events are about them."""
        pytest.importorskip("pyld")
        from tests.test_interchange_jsonld import check

        doc = dm.to_jsonld(self.DOSSIER)
        check(doc)
        nodes = {n["@id"]: n for n in doc["@graph"]}
        treaty = nodes["urn:diplomodel:document:new-start"]
        assert treaty["legislationDateOfApplicability"]["@value"] == "2011-02-05"
        assert treaty["expires"]["@value"] == "2026-02-05"
        assert "legally_binding" in treaty["keywords"]
        events = [n for n in treaty["subjectOf"] if n["@type"] == "Event"]
        assert [e["keywords"] for e in events] == [[e.kind.value] for e in NEW_START.events]
        assert events[2]["name"] == "entry into force"
        suspension = events[4]
        assert suspension["organizer"]["@id"] == "urn:diplomodel:state:RU"
        assert suspension["about"] == {"@id": "urn:diplomodel:document:new-start"}
        batch = nodes["urn:diplomodel:document:memoranda"]
        assert (batch["@type"], batch["collectionSize"], batch["genre"]) == (
            "Collection",
            28,
            "memorandum",
        )
        assert batch["isBasedOn"] == [{"@id": "urn:diplomodel:document:new-start"}]
        statement = nodes["urn:diplomodel:document:statement"]
        assert (statement["genre"], statement["keywords"]) == (
            "joint statement",
            ["not_legally_binding"],
        )
        # the 2001 treaty is still within its term: no expiry is known
        assert "expires" not in nodes["urn:diplomodel:document:cn-ru-treaty-2001"]

    def test_ftm_documents_and_their_lives(self):
        """FtM: every kind is a Document; each event of a life an Event the document documents."""
        pytest.importorskip("followthemoney")
        entities = dm.to_ftm(self.DOSSIER)
        by_id = {e["id"]: e for e in entities}
        batch = by_id[dm.ftm_id("document", "memoranda")]
        assert "28 documents" in batch["properties"]["keywords"]
        assert "document_batch" in batch["properties"]["keywords"]
        events = [e for e in entities if e["schema"] == "Event"]
        assert len(events) == len(NEW_START.events) + len(GOOD_NEIGHBOURLINESS.events)
        suspension = by_id[dm.ftm_id("document-event", "new-start", "4")]
        assert suspension["properties"]["involved"] == [dm.ftm_id("state", "RU")]
        assert suspension["properties"]["date"] == ["2023-02-21"]
        links = {
            (e["properties"]["role"][0], e["properties"]["entity"][0])
            for e in entities
            if e["schema"] == "Documentation"
            and e["properties"]["document"] == [dm.ftm_id("document", "memoranda")]
        }
        assert ("amends", dm.ftm_id("document", "new-start")) in links
        statement = by_id[dm.ftm_id("document", "statement")]
        assert "not legally binding" in statement["properties"]["keywords"]

    def test_popolo_leaves_documents_out(self):
        """Popolo has no class for documents: the new kinds are left out as before, no error."""
        popolo = dm.to_popolo(self.DOSSIER)
        assert popolo["events"] == []
