"""`describe` for meetings of many, organisations, bodies and visits, in en, ru and zh.

The dossier holds the real examples of issue 12 (facts only): the 15th BRICS
summit, the SCO summit of 4 July 2023 by video link, the 24th EU–China summit
and the G20 summit in New Delhi with the African Union; and around them a
ministerial meeting held within a summit, a meeting on the sidelines of one,
a state visit, a trilateral summit, a phone call and a memorandum between
ministries.
"""

import pytest

from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.i18n import describe, format_date_range, label
from diplomodel.model.actors import Body, BodyKind
from diplomodel.model.documents import AgreementForm, Communique, CooperationAgreement
from diplomodel.model.meetings import (
    Attendance,
    AttendanceRole,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingLevel,
    MeetingSeries,
    Participation,
    Role,
)
from diplomodel.model.people import Person
from diplomodel.model.places import Place
from diplomodel.model.sectors import Sector
from diplomodel.model.statements import Statement
from diplomodel.organizations import MembershipStatus, OrganizationKind, organizations
from diplomodel.states import states

day = PartialDate.parse
S = states.get
BRICS, SCO, EU, G20, AU = (organizations.get(c) for c in ("BRICS", "SCO", "EU", "G20", "AU"))


def _person(id_: str, en: str, ru: str, zh: str) -> Person:
    return Person(id=id_, name=en, names={"ru": ru, "zh": zh})


PEOPLE = (
    _person("charles-michel", "Charles Michel", "Шарль Мишель", "米歇尔"),
    _person("ursula-von-der-leyen", "Ursula von der Leyen", "Урсула фон дер Ляйен", "冯德莱恩"),
    _person("li-qiang", "Li Qiang", "Ли Цян", "李强"),
    _person("emmanuel-macron", "Emmanuel Macron", "Эмманюэль Макрон", "马克龙"),
    _person("narendra-modi", "Narendra Modi", "Нарендра Моди", "莫迪"),
)

SERIES = (
    MeetingSeries(
        id="brics-summits", title="BRICS summits", kind=MeetingKind.SUMMIT, parties=(BRICS,)
    ),
    MeetingSeries(
        id="eu-china-strategic-dialogue",
        title="EU–China Strategic Dialogue",
        kind=MeetingKind.DIALOGUE,
        parties=(EU, S("CN")),
    ),
    MeetingSeries(
        id="eu-china-summits",
        title="EU–China summits",
        kind=MeetingKind.SUMMIT,
        parties=(EU, S("CN")),
    ),
)

BRICS_2023 = Meeting(
    id="brics-15",
    title="15th BRICS summit",
    kind=MeetingKind.SUMMIT,
    start=day("2023-08-22"),
    end=day("2023-08-24"),
    place=Place(state=S("ZA"), locality="Johannesburg", venue="Sandton Convention Centre"),
    host=S("ZA"),
    parties=tuple(S(code) for code in ("BR", "RU", "IN", "CN", "ZA")),
    series="brics-summits",
    ordinal=15,
    level=MeetingLevel.LEADERS,
    attendance=(Attendance(actor=S("ZA"), role=AttendanceRole.CHAIR),),
)

SCO_2023 = Meeting(
    id="sco-2023",
    title="SCO Council of Heads of State",
    kind=MeetingKind.SUMMIT,
    start=day("2023-07-04"),
    parties=(SCO,),
    level=MeetingLevel.LEADERS,
    format=MeetingFormat.VIDEO_LINK,
    attendance=(
        Attendance(actor=S("IN"), role=AttendanceRole.CHAIR),
        Attendance(actor=S("IR"), role=AttendanceRole.MEMBER),
        Attendance(actor=S("MN"), role=AttendanceRole.OBSERVER),
        Attendance(actor=S("TM"), role=AttendanceRole.GUEST),
    ),
)

SCO_CHAIRED_BY_MODI = Meeting(
    id="sco-2023-modi",
    title="SCO Council of Heads of State",
    kind=MeetingKind.SUMMIT,
    start=day("2023-07-04"),
    parties=(SCO,),
    format=MeetingFormat.VIDEO_LINK,
    participants=(Participation(person="narendra-modi", delegation=S("IN"), role=Role.CHAIR),),
    attendance=(Attendance(actor=S("IN"), role=AttendanceRole.CHAIR),),
)

EU_CHINA_2023 = Meeting(
    id="eu-china-24",
    title="24th EU–China summit",
    kind=MeetingKind.SUMMIT,
    start=day("2023-12-07"),
    place=Place(state=S("CN"), locality="Beijing"),
    host=S("CN"),
    parties=(EU, S("CN")),
    series="eu-china-summits",
    ordinal=24,
    level=MeetingLevel.LEADERS,
    participants=(
        Participation(person="charles-michel", delegation=EU, role=Role.CO_CHAIR),
        Participation(person="ursula-von-der-leyen", delegation=EU, role=Role.CO_CHAIR),
        Participation(person="li-qiang", delegation=S("CN"), role=Role.CO_CHAIR),
    ),
)

G20_2023 = Meeting(
    id="g20-2023",
    title="G20 New Delhi Leaders' Summit",
    kind=MeetingKind.SUMMIT,
    start=day("2023-09-09"),
    end=day("2023-09-10"),
    place=Place(state=S("IN"), locality="New Delhi", venue="Bharat Mandapam"),
    host=S("IN"),
    parties=(G20,),
    level=MeetingLevel.LEADERS,
    attendance=(
        Attendance(actor=S("IN"), role=AttendanceRole.CHAIR),
        Attendance(actor=AU, role=AttendanceRole.MEMBER),
    ),
)

ON_THE_SIDELINES = Meeting(
    id="cn-eu-g20",
    title="Talks at the G20",
    kind=MeetingKind.TALKS,
    start=day("2023-09-09"),
    place=Place(state=S("IN"), locality="New Delhi"),
    parties=(S("CN"), EU),
    level=MeetingLevel.LEADERS,
    within="g20-2023",
    on_sidelines=True,
)

WITHIN_THE_SUMMIT = Meeting(
    id="brics-ministers-2023",
    title="BRICS foreign ministers",
    kind=MeetingKind.MINISTERIAL_MEETING,
    start=day("2023-08-23"),
    place=Place(state=S("ZA"), locality="Johannesburg"),
    parties=(BRICS,),
    level=MeetingLevel.MINISTERIAL,
    within="brics-15",
)

STATE_VISIT = Meeting(
    id="fr-cn-2023",
    title="State visit of the President of France to China",
    kind=MeetingKind.STATE_VISIT,
    start=day("2023-04-05"),
    end=day("2023-04-07"),
    place=Place(state=S("CN"), locality="Beijing"),
    host=S("CN"),
    parties=(S("FR"), S("CN")),
    participants=(
        Participation(person="emmanuel-macron", delegation=S("FR"), role=Role.HEAD_OF_DELEGATION),
    ),
)

TRILATERAL = Meeting(
    id="cn-jp-kr-8",
    title="China–Japan–ROK summit",
    kind=MeetingKind.SUMMIT,
    start=day("2019-12-24"),
    place=Place(state=S("CN"), locality="Chengdu"),
    parties=(S("CN"), S("JP"), S("KR")),
    level=MeetingLevel.LEADERS,
)

PHONE_TALKS = Meeting(
    id="cn-ru-phone",
    title="Foreign ministers' call",
    kind=MeetingKind.TALKS,
    start=day("2023-06-01"),
    parties=(S("CN"), S("RU")),
    level=MeetingLevel.MINISTERIAL,
    format=MeetingFormat.PHONE,
)

CN_MOE = Body(
    id="cn-moe",
    name="Ministry of Education",
    names={"ru": "Министерство образования КНР", "zh": "教育部"},
    kind=BodyKind.MINISTRY,
    belongs_to=S("CN"),
    established=day("1949-11"),
)
RU_MINOBRNAUKI = Body(
    id="ru-minobrnauki",
    name="Ministry of Science and Higher Education",
    names={
        "ru": "Министерство науки и высшего образования Российской Федерации",
        "zh": "俄罗斯联邦科学与高等教育部",
    },
    kind=BodyKind.MINISTRY,
    belongs_to=S("RU"),
)
MEMORANDUM = CooperationAgreement(
    id="moe-memo",
    title="Memorandum on education",
    parties=("cn-moe", "ru-minobrnauki"),
    form=AgreementForm.MEMORANDUM,
    signed=day("2024-05-16"),
    place=Place(state=S("CN"), locality="Beijing"),
)
DECLARATION = Communique(
    id="new-delhi-declaration",
    title="New Delhi Declaration of the SCO Council of Heads of State",
    parties=(SCO,),
    signed=day("2023-07-04"),
    meeting="sco-2023",
)
DIALOGUE = Meeting(
    id="eu-china-dialogue-11",
    title="11th EU–China Strategic Dialogue",
    kind=MeetingKind.DIALOGUE,
    start=day("2021-06-28"),
    parties=(EU, S("CN")),
    series="eu-china-strategic-dialogue",
    ordinal=11,
    level=MeetingLevel.MINISTERIAL,
    format=MeetingFormat.VIDEO_LINK,
)
DIALOGUE_STATEMENT = Communique(
    id="eu-china-dialogue-11-press",
    title="Press release",
    parties=(EU, S("CN")),
    meeting="eu-china-dialogue-11",
)

DOSSIER = Dossier(
    id="multilateral",
    title="Meetings of many",
    people=PEOPLE,
    series=SERIES,
    bodies=(CN_MOE, RU_MINOBRNAUKI),
    meetings=(
        BRICS_2023,
        SCO_2023,
        SCO_CHAIRED_BY_MODI,
        EU_CHINA_2023,
        G20_2023,
        ON_THE_SIDELINES,
        WITHIN_THE_SUMMIT,
        STATE_VISIT,
        TRILATERAL,
        PHONE_TALKS,
        DIALOGUE,
    ),
    documents=(MEMORANDUM, DECLARATION, DIALOGUE_STATEMENT),
)


EXPECTED = {
    "BRICS_2023": (
        (
            "On August 22\u2009–\u200924, 2023, in Johannesburg, the 15th summit of BRICS took "
            "place. The participants were Brazil, Russia, India, China, and South Africa. South "
            "Africa hosted and chaired the meeting."
        ),
        (
            "22—24 августа 2023\u202fг. в Йоханнесбурге стороны провели 15-й саммит БРИКС. "
            "Участники: Бразилия, Россия, Индия, Китай и Южно-Африканская Республика. Принимающая "
            "сторона и председатель — Южно-Африканская Республика."
        ),
        "2023年8月22日\u2009–\u200924日，在约翰内斯堡，举行了金砖国家第15次峰会。与会方包括巴西、俄罗斯、印度、中国和南非。南非为东道主并担任会议主席。",
    ),
    "SCO_2023": (
        (
            "On July 4, 2023, a summit of the Shanghai Cooperation Organisation (SCO) took place. "
            "The meeting was held by video link. India was in the chair. Iran attended as a "
            "member. Mongolia attended as an observer. Turkmenistan attended as a guest."
        ),
        (
            "4 июля 2023\u202fг. стороны провели саммит ШОС. Встреча прошла в режиме "
            "видеоконференции. Председатель — Индия. Член: Иран. Наблюдатель: Монголия. "
            "Приглашённый гость: Туркменистан."
        ),
        "2023年7月4日，举行了上海合作组织峰会。会议以视频方式举行。印度担任会议主席。伊朗作为成员出席。蒙古作为观察员出席。土库曼斯坦应邀出席。",
    ),
    "SCO_CHAIRED_BY_MODI": (
        (
            "On July 4, 2023, Narendra Modi chaired a summit of the Shanghai Cooperation "
            "Organisation (SCO). The meeting was held by video link."
        ),
        (
            "4 июля 2023\u202fг. стороны провели саммит ШОС; председатель — Нарендра Моди. Встреча "
            "прошла в режиме видеоконференции."
        ),
        "2023年7月4日，莫迪主持上海合作组织峰会。会议以视频方式举行。",
    ),
    "EU_CHINA_2023": (
        (
            "On December 7, 2023, in Beijing, Charles Michel, Ursula von der Leyen, and Li Qiang "
            "co-chaired the 24th summit between the European Union and China."
        ),
        (
            "7 декабря 2023\u202fг. в Пекине Шарль Мишель, Урсула фон дер Ляйен и Ли Цян совместно "
            "провели 24-й саммит ЕС — Китай."
        ),
        "2023年12月7日，在北京，米歇尔、冯德莱恩和李强共同主持欧洲联盟和中国第24次峰会。",
    ),
    "G20_2023": (
        (
            "On September 9\u2009–\u200910, 2023, in New Delhi, a summit of the Group of Twenty "
            "(G20) took place. India hosted and chaired the meeting. The African Union attended as "
            "a member."
        ),
        (
            "9—10 сентября 2023\u202fг. в Нью-Дели стороны провели саммит G20. Принимающая сторона "
            "и председатель — Индия. Член: Африканский союз."
        ),
        "2023年9月9日\u2009–\u200910日，在新德里，举行了二十国集团峰会。印度为东道主并担任会议主席。非洲联盟作为成员出席。",
    ),
    "ON_THE_SIDELINES": (
        (
            "On September 9, 2023, in New Delhi, talks between China and the European Union at the "
            "level of leaders took place. The meeting was held on the sidelines of a summit of the "
            "Group of Twenty (G20) in New Delhi."
        ),
        (
            "9 сентября 2023\u202fг. в Нью-Дели стороны провели переговоры Китай — ЕС на высшем "
            "уровне. Встреча прошла на полях другого мероприятия: саммит G20 в Нью-Дели."
        ),
        "2023年9月9日，在新德里，举行了中国和欧洲联盟会谈（领导人级）。本次会议是在新德里举行的二十国集团峰会期间的场边会议。",
    ),
    "WITHIN_THE_SUMMIT": (
        (
            "On August 23, 2023, in Johannesburg, a ministerial meeting of BRICS took place. The "
            "meeting was held within the 15th summit of BRICS in Johannesburg."
        ),
        (
            "23 августа 2023\u202fг. в Йоханнесбурге стороны провели заседание министров БРИКС. "
            "Встреча прошла в рамках более широкого мероприятия: 15-й саммит БРИКС в Йоханнесбурге."
        ),
        "2023年8月23日，在约翰内斯堡，举行了金砖国家部长级会议。本次会议是在约翰内斯堡举行的金砖国家第15次峰会的组成部分。",
    ),
    "STATE_VISIT": (
        (
            "On April 5\u2009–\u20097, 2023, in Beijing, Emmanuel Macron paid a state visit to "
            "China."
        ),
        (
            "5—7 апреля 2023\u202fг. в Пекине состоялся государственный визит. Принимающая сторона "
            "— Китай, гость — Эмманюэль Макрон."
        ),
        "2023年4月5日\u2009–\u20097日，在北京，马克龙对中国进行国事访问。",
    ),
    "TRILATERAL": (
        ("On December 24, 2019, in Chengdu, a summit of China, Japan, and South Korea took place."),
        (
            "24 декабря 2019\u202fг. в Чэнду стороны провели саммит Китай — Япония — Республика "
            "Корея."
        ),
        "2019年12月24日，在成都，举行了中国、日本和韩国峰会。",
    ),
    "PHONE_TALKS": (
        (
            "On June 1, 2023, talks between China and Russia at ministerial level took place. The "
            "meeting was held by telephone."
        ),
        (
            "1 июня 2023\u202fг. стороны провели переговоры Китай — Россия на уровне министров. "
            "Встреча прошла в формате телефонного разговора."
        ),
        "2023年6月1日，举行了中国和俄罗斯会谈（部长级）。会议以电话方式举行。",
    ),
    "DIALOGUE": (
        (
            "On June 28, 2021, the 11th round of the dialogue between the European Union and China "
            "at ministerial level took place. The meeting was held by video link."
        ),
        (
            "28 июня 2021\u202fг. стороны провели 11-й раунд диалога ЕС — Китай на уровне "
            "министров. Встреча прошла в режиме видеоконференции."
        ),
        "2021年6月28日，举行了欧洲联盟和中国第11轮对话（部长级）。会议以视频方式举行。",
    ),
    "MEMORANDUM": (
        (
            "On May 16, 2024, in Beijing, the Ministry of Education and the Ministry of Science "
            "and Higher Education signed a memorandum."
        ),
        (
            "16 мая 2024\u202fг. в Пекине Министерство образования КНР и Министерство науки и "
            "высшего образования Российской Федерации подписали меморандум."
        ),
        "2024年5月16日，在北京，教育部和俄罗斯联邦科学与高等教育部签署了备忘录。",
    ),
    "DECLARATION": (
        (
            "On July 4, 2023, the Shanghai Cooperation Organisation signed a joint communiqué. It "
            "was adopted at a summit of the Shanghai Cooperation Organisation (SCO), held by video "
            "link."
        ),
        (
            "4 июля 2023\u202fг. подписан документ: совместное коммюнике (сторона — Шанхайская "
            "организация сотрудничества). Документ принят по итогам встречи: саммит ШОС в режиме "
            "видеоконференции."
        ),
        "2023年7月4日，上海合作组织签署了联合公报。该文件是以视频方式举行的上海合作组织峰会的成果。",
    ),
    "DIALOGUE_STATEMENT": (
        (
            "The European Union and China signed a joint communiqué. It was adopted at the 11th "
            "round of the dialogue between the European Union and China at ministerial level, held "
            "by video link."
        ),
        (
            "Европейский союз и Китай подписали совместное коммюнике. Документ принят по итогам "
            "встречи: 11-й раунд диалога ЕС — Китай на уровне министров в режиме видеоконференции."
        ),
        "欧洲联盟和中国签署了联合公报。该文件是以视频方式举行的欧洲联盟和中国第11轮对话（部长级）的成果。",
    ),
    "CN_MOE": (
        "The Ministry of Education is a ministry of China. It was established in November 1949.",
        (
            "Министерство образования КНР — министерство; государство: Китай. Дата создания — "
            "ноябрь 1949\u202fг."
        ),
        "教育部是中国的部委。成立于1949年11月。",
    ),
}

ORGANIZATIONS = {
    "EU": (
        "The European Union (EU) is a regional organisation, founded on November 1, 1993.",
        (
            "Европейский союз (ЕС) — региональная международная организация; дата основания — 1 "
            "ноября 1993\u202fг."
        ),
        "欧洲联盟（欧盟）是区域性国际组织，成立于1993年11月1日。",
    ),
    "BRICS": (
        "BRICS is an intergovernmental forum, founded on June 16, 2009.",
        "БРИКС — межгосударственный форум; дата основания — 16 июня 2009\u202fг.",
        "金砖国家是政府间论坛，成立于2009年6月16日。",
    ),
    "SCO": (
        (
            "The Shanghai Cooperation Organisation (SCO) is a regional organisation, founded on "
            "June 15, 2001."
        ),
        (
            "Шанхайская организация сотрудничества (ШОС) — региональная международная организация; "
            "дата основания — 15 июня 2001\u202fг."
        ),
        "上海合作组织（上合组织）是区域性国际组织，成立于2001年6月15日。",
    ),
    "G20": (
        ("The Group of Twenty (G20) is an intergovernmental forum, founded on September 25, 1999."),
        (
            "Группа двадцати (G20) — межгосударственный форум; дата основания — 25 сентября "
            "1999\u202fг."
        ),
        "二十国集团（G20）是政府间论坛，成立于1999年9月25日。",
    ),
    "AU": (
        "The African Union (AU) is a regional organisation, founded on July 9, 2002.",
        (
            "Африканский союз (АС) — региональная международная организация; дата основания — 9 "
            "июля 2002\u202fг."
        ),
        "非洲联盟（非盟）是区域性国际组织，成立于2002年7月9日。",
    ),
}


@pytest.mark.parametrize("name", EXPECTED)
@pytest.mark.parametrize("index", [0, 1, 2], ids=["en", "ru", "zh"])
def test_exact_sentences(name, index):
    """Each example reads exactly as written here, in English, Russian and Chinese."""
    obj = globals()[name]
    assert describe(obj, DOSSIER, ("en", "ru", "zh")[index]) == EXPECTED[name][index]


@pytest.mark.parametrize("code", ORGANIZATIONS)
@pytest.mark.parametrize("index", [0, 1, 2], ids=["en", "ru", "zh"])
def test_organizations(code, index):
    organization = organizations.get(code)
    assert describe(organization, DOSSIER, ("en", "ru", "zh")[index]) == ORGANIZATIONS[code][index]


def _reads(obj, en, ru, zh):
    """`obj` reads exactly so in English, Russian and Chinese."""
    assert [describe(obj, DOSSIER, locale) for locale in ("en", "ru", "zh")] == [en, ru, zh]


class TestMeetingsOfMany:
    def test_lists_of_three_or_more_read_naturally(self):
        """Babel's list patterns: "A, B, and C" (en), "A, B и C" (ru), "A、B和C" (zh)."""
        assert "China, Japan, and South Korea" in describe(TRILATERAL, DOSSIER, "en")
        assert "Бразилия, Россия, Индия, Китай и" in describe(BRICS_2023, DOSSIER, "ru")
        assert "巴西、俄罗斯、印度、中国和南非" in describe(BRICS_2023, DOSSIER, "zh")

    def test_the_level_is_said_only_where_it_adds_something(self):
        """A summit of leaders goes without saying; ministerial talks do not."""
        assert "leaders" not in describe(BRICS_2023, DOSSIER, "en")
        assert "at ministerial level" in describe(PHONE_TALKS, DOSSIER, "en")
        hybrid = Meeting(
            id="h",
            title="Hybrid consultations",
            kind=MeetingKind.CONSULTATIONS,
            start=day("2022-03-01"),
            parties=(S("CN"), EU),
            level=MeetingLevel.SENIOR_OFFICIALS,
            format=MeetingFormat.HYBRID,
        )
        _reads(
            hybrid,
            (
                "On March 1, 2022, consultations between China and the European Union at the level"
                " of senior officials took place. The meeting was held partly in person and partly"
                " by video link."
            ),
            (
                "1 марта 2022\u202fг. стороны провели консультации Китай — ЕС на уровне старших"
                " должностных лиц. Встреча прошла в смешанном формате, очно и по видеосвязи."
            ),
            ("2022年3月1日，举行了中国和欧洲联盟磋商（高官级）。会议以线上线下相结合方式举行。"),
        )

    def test_a_visit_without_a_named_leader_names_the_states(self):
        visit = Meeting(
            id="v",
            title="Official visit",
            kind=MeetingKind.OFFICIAL_VISIT,
            start=day("2024-05"),
            host=S("RU"),
            parties=(S("CN"), S("RU")),
        )
        _reads(
            visit,
            "In May 2024, China paid an official visit to Russia.",
            (
                "В мае 2024 г. состоялся официальный визит. Принимающая сторона — Россия,"
                " гость — Китай."
            ),
            "2024年5月，中国对俄罗斯进行正式访问。",
        )

    def test_a_parent_the_dossier_does_not_hold_is_left_out(self):
        orphan = Meeting(
            id="o",
            title="Talks",
            kind=MeetingKind.TALKS,
            start=day("2023-09-09"),
            parties=(S("CN"), S("RU")),
            within="not-in-the-dossier",
            on_sidelines=True,
        )
        assert describe(orphan, DOSSIER, "en") == (
            "On September 9, 2023, talks between China and Russia took place."
        )

    def test_host_and_chair_apart(self):
        meeting = Meeting(
            id="m",
            title="Summit",
            kind=MeetingKind.SUMMIT,
            start=day("2023-08-22"),
            host=S("ZA"),
            parties=(BRICS,),
            attendance=(
                Attendance(actor=S("IN"), role=AttendanceRole.CHAIR),
                Attendance(actor=S("AE"), role=AttendanceRole.DIALOGUE_PARTNER),
                Attendance(actor=S("EG"), role=AttendanceRole.DIALOGUE_PARTNER),
            ),
        )
        en, ru, zh = (describe(meeting, DOSSIER, loc) for loc in ("en", "ru", "zh"))
        assert en.endswith(
            "South Africa hosted the meeting. India was in the chair. The United Arab Emirates and"
            " Egypt attended as dialogue partners."
        )
        assert ru.endswith(
            "Принимающая сторона — Южно-Африканская Республика. Председатель — Индия."
            " Партнёры по диалогу: ОАЭ и Египет."
        )
        assert zh.endswith(
            "南非为东道主。印度担任会议主席。阿拉伯联合酋长国和埃及作为对话伙伴出席。"
        )

    def test_a_body_without_a_date(self):
        assert describe(RU_MINOBRNAUKI, DOSSIER, "en") == (
            "The Ministry of Science and Higher Education is a ministry of Russia."
        )
        assert (
            describe(RU_MINOBRNAUKI, DOSSIER, "zh") == "俄罗斯联邦科学与高等教育部是俄罗斯的部委。"
        )

    def test_a_body_the_dossier_does_not_hold_is_named_from_itself(self):
        empty = Dossier(id="empty", title="Empty")
        assert describe(CN_MOE, empty, "en").startswith("The Ministry of Education is")
        assert describe(CN_MOE, empty, "zh").startswith("教育部是中国的部委。")

    def test_a_dissolved_organization(self):
        from diplomodel.organizations import Organization

        comecon = Organization(
            code="CMEA",
            name="Council for Mutual Economic Assistance",
            names={"ru": "Совет экономической взаимопомощи", "zh": "经济互助委员会"},
            acronyms={"en": ("Comecon",), "ru": ("СЭВ",), "zh": ("经互会",)},
            kind=OrganizationKind.REGIONAL,
            founded=day("1949-01"),
            dissolved=day("1991-06-28"),
        )
        _reads(
            comecon,
            (
                "The Council for Mutual Economic Assistance (Comecon) is a regional organisation,"
                " founded in January 1949. It was dissolved on June 28, 1991."
            ),
            (
                "Совет экономической взаимопомощи (СЭВ) — региональная международная организация;"
                " дата основания — январь 1949\u202fг. Дата роспуска — 28 июня 1991\u202fг."
            ),
            ("经济互助委员会（经互会）是区域性国际组织，成立于1949年1月。已于1991年6月28日解散。"),
        )

    def test_not_describable(self):
        with pytest.raises(TypeError, match="an Organization, a Body or a Statement"):
            describe(S("CN"), DOSSIER)  # type: ignore[arg-type]


class TestStatements:
    def test_on_behalf_of_an_organization_at_a_meeting(self):
        statement = Statement(
            id="michel-2023-12-07",
            speaker="charles-michel",
            summary="Called for more balanced trade.",
            on_behalf_of=EU,
            meeting="eu-china-24",
            date=day("2023-12-07"),
            topics=(Sector.ECONOMY_AND_TRADE,),
        )
        _reads(
            statement,
            (
                "On December 7, 2023, Charles Michel made a statement on behalf of the European"
                " Union. It concerned economy and trade. It was made at the 24th summit between the"
                " European Union and China."
            ),
            (
                "7 декабря 2023\u202fг. прозвучало заявление. Автор заявления — Шарль Мишель;"
                " сторона — Европейский союз. Темы: экономика и торговля. Заявление прозвучало"
                " в ходе встречи: 24-й саммит ЕС — Китай."
            ),
            (
                "2023年12月7日，米歇尔代表欧洲联盟发表声明。声明涉及经贸。"
                "声明是在欧洲联盟和中国第24次峰会期间发表的。"
            ),
        )

    def test_on_behalf_of_a_body_without_a_date(self):
        statement = Statement(
            id="moe", speaker="li-qiang", summary="On exchanges.", on_behalf_of="cn-moe"
        )
        _reads(
            statement,
            ("Li Qiang made a statement on behalf of the Ministry of Education."),
            (
                "Прозвучало заявление. Автор заявления — Ли Цян; сторона — Министерство образования"
                " КНР."
            ),
            "李强代表教育部发表声明。",
        )

    def test_without_principal(self):
        statement = Statement(
            id="s", speaker="unknown-person", summary="…", date=day("2024"), meeting="nowhere"
        )
        assert describe(statement, DOSSIER, "en") == "In 2024, unknown-person made a statement."
        assert describe(statement, DOSSIER, "zh") == "2024年，unknown-person发表声明。"


class TestDateRanges:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "August 22\u2009–\u200924, 2023"),
            ("en_GB", "22\u2009–\u200924 August 2023"),
            ("ru", "22—24 августа 2023\u202fг."),
            ("zh", "2023年8月22日\u2009–\u200924日"),
            ("de", "22.–24. August 2023"),
        ],
    )
    def test_days_in_one_month(self, locale, expected):
        assert format_date_range(day("2023-08-22"), day("2023-08-24"), locale) == expected

    def test_across_months_and_years(self):
        assert format_date_range(day("2023-08-30"), day("2023-09-02"), "ru") == (
            "30 августа — 2 сентября 2023\u202fг."
        )
        assert format_date_range(day("2023-12-30"), day("2024-01-02"), "en") == (
            "December 30, 2023\u2009–\u2009January 2, 2024"
        )
        assert format_date_range(day("2023-08-30"), day("2023-09-02"), "zh") == (
            "2023年8月30日\u2009–\u20099月2日"
        )

    def test_precision_is_the_coarser_one(self):
        """A day and a month give a range of months; a month and a year a range of years."""
        assert format_date_range(day("2023-08-22"), day("2023-09"), "en") == (
            "August\u2009–\u2009September 2023"
        )
        assert format_date_range(day("2023-08"), day("2024"), "zh") == "2023–2024年"

    def test_equal_dates_give_one_date(self):
        assert format_date_range(day("2023-08-22"), day("2023-08-22"), "en") == "August 22, 2023"
        assert format_date_range(day("2023-08-01"), day("2023-08"), "ru") == "август 2023\u202fг."

    def test_a_meeting_over_months(self):
        meeting = Meeting(
            id="long",
            title="Consultations",
            kind=MeetingKind.CONSULTATIONS,
            start=day("2023-08"),
            end=day("2023-09"),
            parties=(S("CN"), S("RU")),
        )
        assert describe(meeting, DOSSIER, "en").startswith("In August\u2009–\u2009September 2023,")
        assert describe(meeting, DOSSIER, "ru").startswith(
            "В период: август\xa0— сентябрь 2023\u202fг. стороны провели консультации"
        )

    def test_not_a_partial_date(self):
        import datetime as dt

        with pytest.raises(TypeError, match="PartialDate"):
            format_date_range(dt.date(2023, 8, 22), day("2023-08-24"), "en")  # type: ignore[arg-type]


class TestLabels:
    @pytest.mark.parametrize(
        ("member", "en", "ru", "zh"),
        [
            (MeetingLevel.MINISTERIAL, "ministerial", "министерский уровень", "部长级"),
            (MeetingFormat.VIDEO_LINK, "by video link", "по видеосвязи", "视频连线"),
            (AttendanceRole.OBSERVER, "observer", "наблюдатель", "观察员"),
            (BodyKind.MINISTRY, "ministry", "министерство", "部委"),
            (OrganizationKind.MILITARY_ALLIANCE, "military alliance", "военный союз", "军事同盟"),
            (
                MembershipStatus.DIALOGUE_PARTNER,
                "dialogue partner",
                "партнёр по диалогу",
                "对话伙伴",
            ),
        ],
    )
    def test_new_vocabularies(self, member, en, ru, zh):
        assert (label(member, "en"), label(member, "ru"), label(member, "zh")) == (en, ru, zh)
