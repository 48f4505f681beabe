"""Issue 13's examples, shared by the tests of relation history and claims.

China–Russia ties of 2 October 1949, continued by Russia from 27 December
1991; Saudi Arabia–Iran ties severed on 3 January 2016 and restored on 10
March 2023; and three wrong claims (a 75th anniversary in 2019, the 29th
meeting placed in St Petersburg, and numbered the 30th).
"""

import attrs

import diplomodel as dm

P = dm.PartialDate.parse
K = dm.RelationEventKind
CN, RU, SU, SA, IR = (dm.states.get(code) for code in ("CN", "RU", "SU", "SA", "IR"))
MEETING = "cn-ru-heads-of-government-29"
WIRE = dm.Source(publisher="Example Wire", published=P("2024-08-21"))
DAILY = dm.Source(publisher="Example Daily", published=P("2019-10-01"))
SUCCESSION = dm.Succession(predecessor=SU, successor=RU, date=P("1991-12-27"))


def cn_ru(**changes):
    """The example's China–Russia relation, continued by Russia from the Soviet Union."""
    relation = dm.load_example().relation_by_id("cn-ru")
    return attrs.evolve(relation, **{"successions": (SUCCESSION,), **changes})


def sa_ir(*events):
    """Saudi Arabia–Iran ties of 1929 with the events given (kind, ISO date) or the defaults."""
    if not events:
        events = ((K.SEVERANCE, "2016-01-03"), (K.RESTORATION, "2023-03-10"))
    return dm.BilateralRelation(
        id="sa-ir",
        parties=(SA, IR),
        established=P("1929-08-24"),
        events=tuple(dm.RelationEvent(kind=kind, date=P(day)) for kind, day in events),
    )


def wrong_claims():
    """The three claims validation must catch, and nothing else."""
    return (
        dm.Claim(
            id="daily-75th",
            source=DAILY,
            said_on=P("2019-10-01"),
            about=dm.ClaimSubject.RELATION,
            relation="cn-ru",
            what=dm.ClaimKind.ANNIVERSARY,
            number=75,
            quote="the 75th anniversary of diplomatic ties",
        ),
        dm.Claim(
            id="wire-place",
            source=WIRE,
            about=dm.ClaimSubject.MEETING,
            meeting=MEETING,
            what=dm.ClaimKind.PLACE,
            text="St Petersburg",
        ),
        dm.Claim(
            id="wire-ordinal",
            source=WIRE,
            about=dm.ClaimSubject.MEETING,
            meeting=MEETING,
            what=dm.ClaimKind.ORDINAL,
            number=30,
        ),
    )
