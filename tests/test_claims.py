"""Claims: what sources said, kept beside the record and checked against it."""

from datetime import date

import attrs
import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import testing
from tests.profiles import examples

P = dm.PartialDate.parse
CN, RU, SU, KZ = (dm.states.get(c) for c in ("CN", "RU", "SU", "KZ"))
EXAMPLE = dm.load_example()
MEETING_29 = "cn-ru-heads-of-government-29"
K, A = dm.ClaimKind, dm.ClaimSubject


def source(publisher="Example Wire", published="2024-08-21"):
    return dm.Source(publisher=publisher, published=P(published))


def claim(id_, what, about=A.MEETING, subject=MEETING_29, **values):
    return dm.Claim(
        id=id_,
        source=values.pop("source", source()),
        about=about,
        what=what,
        **{about.value: subject},
        **values,
    )


ANNIVERSARY_75 = claim(
    "says-75th",
    K.ANNIVERSARY,
    about=A.RELATION,
    subject="cn-ru",
    source=source("Example Daily", "2019-10-01"),
    said_on=P("2019-10-01"),
    number=75,
    quote="the 75th anniversary of diplomatic ties",
)
IN_ST_PETERSBURG = claim("says-st-petersburg", K.PLACE, text="St Petersburg")
THE_30TH = claim("says-30th", K.ORDINAL, number=30)


def with_claims(*claims, dossier=EXAMPLE):
    return attrs.evolve(dossier, claims=claims)


def with_relation(relation, dossier=EXAMPLE):
    return attrs.evolve(dossier, relations=(relation,))


def claims_broken(example):
    """A broken copy of the example for each rule of this issue, and the path it reports."""
    relation = example.relations[0]
    suspended = attrs.evolve(
        relation,
        events=(
            dm.RelationEvent(kind=dm.RelationEventKind.SUSPENSION, date=P("1995-01")),
            dm.RelationEvent(kind=dm.RelationEventKind.RESTORATION, date=P("1997")),
        ),
    )
    twin = attrs.evolve(relation, id="ru-cn", parties=(RU, CN))
    return {
        "DM140": (
            lambda: attrs.evolve(example, relations=(relation, twin)),
            "$.relations[1].parties",
        ),
        "DM141": (lambda: with_relation(suspended, example), "$.relations[0].levels[1].since"),
        "DM142": (lambda: with_claims(ANNIVERSARY_75, dossier=example), "$.claims[0].number"),
        "DM143": (
            lambda: with_claims(claim("d", K.DATE, date=P("2024-08-22")), dossier=example),
            "$.claims[0].date",
        ),
        "DM144": (lambda: with_claims(IN_ST_PETERSBURG, dossier=example), "$.claims[0].text"),
        "DM145": (lambda: with_claims(THE_30TH, dossier=example), "$.claims[0].number"),
        "DM146": (
            lambda: with_claims(
                claim(
                    "l",
                    K.PARTNERSHIP_LEVEL,
                    about=A.RELATION,
                    subject="cn-ru",
                    text="strategic partnership",
                ),
                dossier=example,
            ),
            "$.claims[0].text",
        ),
        "DM147": (
            lambda: with_claims(claim("p", K.PARTY, party=KZ), dossier=example),
            "$.claims[0].party",
        ),
        "DM148": (
            lambda: with_claims(
                claim("c1", K.COUNT, number=9),
                claim("c2", K.COUNT, number=28, source=source("Other Wire")),
                dossier=example,
            ),
            "$.claims[1]",
        ),
    }


class TestDoneWhen:
    def test_the_three_example_claims(self):
        """The example with the three wrong claims reports exactly those three contradictions."""
        report = dm.validate(with_claims(ANNIVERSARY_75, IN_ST_PETERSBURG, THE_30TH))
        assert [(f.code, f.path, f.ids) for f in report] == [
            ("DM142", "$.claims[0].number", ("says-75th", "cn-ru")),
            ("DM144", "$.claims[1].text", ("says-st-petersburg", MEETING_29)),
            ("DM145", "$.claims[2].number", ("says-30th", MEETING_29)),
        ]
        messages = [f.message for f in report]
        assert "anniversary 75" in messages[0]
        assert "2019 marks anniversary 70" in messages[0]
        assert "St Petersburg" in messages[1]
        assert "Moscow" in messages[1]
        assert "numbers it 30, but the record says 29" in messages[2]

    def test_right_claims_are_silent(self):
        """Claims that agree with the record (kept as evidence) give no finding."""
        right = (
            attrs.evolve(ANNIVERSARY_75, number=70, evidence=True),
            claim("y2024", K.ANNIVERSARY, about=A.RELATION, subject="cn-ru", number=75),
            attrs.evolve(IN_ST_PETERSBURG, text="moscow"),
            attrs.evolve(THE_30TH, number=29),
            claim("d", K.DATE, date=P("2024-08")),
            claim("p", K.PARTY, party=CN),
            claim("s", K.DATE, about=A.SERIES, subject="cn-ru-heads-of-government", date=P("1996")),
        )
        assert list(dm.validate(with_claims(*right))) == []


class TestAnniversaries:
    def test_completed_years_are_also_accepted(self):
        """Said on a day, the count of completed years is not a contradiction either."""
        said = attrs.evolve(ANNIVERSARY_75, said_on=P("2020-01-15"), number=70)
        assert list(dm.validate(with_claims(said))) == []

    def test_counted_across_succession(self):
        """Ties continued by Russia count from 1949, and the message says who established them."""
        continued = attrs.evolve(
            EXAMPLE.relations[0],
            successions=(dm.Succession(predecessor=SU, successor=RU, date=P("1991-12-27")),),
        )
        (finding,) = dm.validate(with_claims(ANNIVERSARY_75, dossier=with_relation(continued)))
        assert "established 1949-10-02 (by China and Soviet Union)" in finding.message

    def test_said_on_falls_back_to_published(self):
        """Without `said_on`, the source's publication date gives the year."""
        said = attrs.evolve(ANNIVERSARY_75, said_on=None)
        assert said.when == P("2019-10-01")
        assert [f.code for f in dm.validate(with_claims(said))] == ["DM142"]

    def test_undated_claim_is_not_checked(self):
        """A claim with no date at all cannot be judged, so nothing is reported."""
        undated = attrs.evolve(ANNIVERSARY_75, said_on=None, source=dm.Source(publisher="X"))
        assert list(dm.validate(with_claims(undated))) == []


class TestOtherContradictions:
    def test_unknown_record_names_the_missing_id(self):
        """A claim about a record the dossier lacks is DM101, naming the id."""
        lost = attrs.evolve(THE_30TH, meeting="no-such-meeting")
        (finding,) = dm.validate(with_claims(lost))
        assert (finding.code, finding.path) == ("DM101", "$.claims[0].meeting")
        assert "'no-such-meeting'" in finding.message

    def test_sources_that_agree_are_silent(self):
        """Two sources with compatible dates (a month and a day in it) do not disagree."""
        one = claim("a", K.DATE, date=P("2024-08"))
        two = claim("b", K.DATE, date=P("2024-08-21"), source=source("Other"))
        assert list(dm.validate(with_claims(one, two))) == []

    def test_two_anniversary_claims_in_different_years_agree(self):
        """The 70th said in 2019 and the 75th in 2024 point to the same founding year."""
        later = claim("b", K.ANNIVERSARY, about=A.RELATION, subject="cn-ru", number=75)
        earlier = attrs.evolve(ANNIVERSARY_75, number=70)
        assert list(dm.validate(with_claims(earlier, later))) == []

    def test_disagreeing_sources_name_both(self):
        """A disagreement names both sources and both values."""
        one = claim("a", K.COUNT, number=9)
        two = claim("b", K.COUNT, number=28, source=source("Other Wire"))
        (finding,) = dm.validate(with_claims(one, two))
        assert finding.code == "DM148"
        assert "28" in finding.message
        assert "9" in finding.message
        assert finding.ids == ("b", "a")

    def test_level_while_severed(self):
        """A level declared inside a severance is reported; one after the restoration is not."""
        relation = attrs.evolve(
            EXAMPLE.relations[0],
            events=(
                dm.RelationEvent(kind=dm.RelationEventKind.SEVERANCE, date=P("2010")),
                dm.RelationEvent(kind=dm.RelationEventKind.RESTORATION, date=P("2019-06-01")),
            ),
        )
        report = dm.validate(with_relation(relation))
        assert [(f.code, f.path) for f in report] == [("DM141", "$.relations[0].levels[2].since")]
        assert "while ties were severed" in report.findings[0].message


class TestConstruction:
    def test_value_field_must_match_what(self):
        """An ordinal claim needs `number` and takes no `text`."""
        with pytest.raises(ValueError, match="'number' is needed when 'what' is 'ordinal'"):
            claim("x", K.ORDINAL)
        with pytest.raises(ValueError, match=r"'text' .* is only for 'what'"):
            claim("x", K.ORDINAL, number=29, text="29th")

    def test_subject_field_must_match_about(self):
        """A claim about a meeting names the meeting, and no other record."""
        with pytest.raises(ValueError, match="'meeting' is needed when 'about' is 'meeting'"):
            dm.Claim(id="x", source=source(), about=A.MEETING, what=K.DATE, date=P("2024"))
        with pytest.raises(ValueError, match=r"'relation' .* is only for 'about'"):
            claim("x", K.DATE, relation="cn-ru", date=P("2024"))

    def test_what_must_suit_the_record(self):
        """An ordinal cannot be said about a relation."""
        with pytest.raises(
            ValueError, match=r"'what' \('ordinal'\) cannot be said about a relation"
        ):
            claim("x", K.ORDINAL, about=A.RELATION, subject="cn-ru", number=3)

    def test_loader_reports_paths(self):
        """A file with a bad claim gives a DataError with the claim's path."""
        data = with_claims(THE_30TH).to_file_dict()
        data["claims"][0]["number"] = None
        with pytest.raises(dm.DataError) as info:
            dm.Dossier.from_file_dict(data)
        assert "$.claims[0]" in str(info.value)

    def test_subject_and_value(self):
        """`subject` is the id named; `value` the value claimed."""
        assert (THE_30TH.subject, THE_30TH.value) == (MEETING_29, 30)
        assert IN_ST_PETERSBURG.value == "St Petersburg"


class TestFiles:
    def test_dossier_round_trip(self):
        """Claims survive a dossier file."""
        dossier = with_claims(ANNIVERSARY_75, IN_ST_PETERSBURG, THE_30TH)
        assert dm.Dossier.from_file_dict(dossier.to_file_dict()) == dossier

    def test_schema(self):
        """The JSON Schema of a dossier describes its claims."""
        text = str(dm.json_schema(dm.Dossier))
        assert "partnership_level" in text
        assert "claims" in text

    @settings(max_examples=examples(60), deadline=None)
    @given(testing.from_class(dm.Claim))
    def test_strategy_round_trip(self, drawn):
        """Drawn claims are valid and round-trip through JSON."""
        assert dm.from_json(dm.to_json(drawn), dm.Claim) == drawn
        assert drawn.about in dm.model.claims.APPLIES_TO[drawn.what]


def test_status_on_day():
    """The example's ties are active on the day of the 29th meeting."""
    assert EXAMPLE.relations[0].status_on(date(2024, 8, 21)) is dm.RelationStatus.ACTIVE
