"""`diplomodel.extract`: states, officials, events, ordinals, anniversaries, documents."""

from __future__ import annotations

from datetime import date

import pytest

from diplomodel import (
    Anchor,
    AnniversaryKind,
    DataError,
    DocumentKind,
    EventKind,
    Extraction,
    OfficeKind,
    OfficialKind,
    Sector,
    extract,
    load_example,
)


def codes(text: str, language: str, *, participating: bool = False) -> tuple[str, ...]:
    return extract(text, language=language).state_codes(participating=participating)


def officials(text: str, language: str) -> list[tuple[str, str | None, str]]:
    found = extract(text, language=language).officials
    return [(o.name, o.state.code if o.state else None, o.kind.value) for o in found]


class TestStateTraps:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Niger and Nigeria closed the border.", ("NE", "NG")),
            ("A Nigerien official met a Nigerian minister.", ("NE", "NG")),
            ("Sudan and South Sudan signed a deal.", ("SD", "SS")),
            ("South Sudanese and Sudanese officials met.", ("SS", "SD")),
            (
                "The Republic of the Congo and the Democratic Republic of the Congo met.",
                ("CG", "CD"),
            ),
            ("North Korea fired a missile, South Korea said.", ("KP", "KR")),
            (
                "Guinea, Guinea-Bissau and Equatorial Guinea attended, as did Papua New Guinea.",
                ("GN", "GW", "GQ", "PG"),
            ),
            ("Dominica and the Dominican Republic are not the same state.", ("DM", "DO")),
        ],
    )
    def test_similar_names(self, text: str, expected: tuple[str, ...]) -> None:
        """Names that contain one another are told apart by the longest match."""
        assert codes(text, "en") == expected

    def test_bare_korea_is_neither_korea(self) -> None:
        """Korea and Korean alone name no state: they could be either."""
        assert codes("Tensions on the Korean Peninsula and in Korea rose.", "en") == ()

    def test_georgia_the_us_state(self) -> None:
        """Georgia after "the state of" or "Atlanta," is the US state; alone it is the country."""
        assert codes("He campaigned in the state of Georgia.", "en") == ()
        assert codes("He flew to Atlanta, Georgia.", "en") == ()
        assert codes("Der US-Bundesstaat Georgia wählt.", "de") == ("US",)
        assert codes("Georgia and Armenia signed a treaty.", "en") == ("GE", "AM")

    def test_capitals_act_or_place(self) -> None:
        """Capitals that act are states ("Moscow and Beijing agreed"); "in Moscow" is a place."""
        found = extract("Moscow and Beijing agreed to hold talks in Moscow.", language="en")
        assert found.state_codes(participating=True) == ("RU", "CN")
        assert [m.surface for m in found.states_mentioned] == ["Moscow", "Beijing"]
        assert codes("The talks were held in Moscow.", "en") == ()

    def test_participants(self) -> None:
        """Subjects of event sentences, officials' states and "the leaders of" take part."""
        text = (
            "Egypt hosted a summit in Cairo on Thursday, attended by the leaders of Chad and "
            "Libya. "
            "Refugees had fled to Kenya."
        )
        assert codes(text, "en", participating=True) == ("EG", "TD", "LY")
        assert codes(text, "en") == ("EG", "TD", "LY", "KE")

    def test_territories_are_places(self) -> None:
        """Taiwan, Hong Kong and Macao are never states, in any language."""
        assert codes("He flew from Hong Kong to Taiwan via Macao.", "en") == ()
        assert codes("雷纳途经香港前往台湾和澳门。", "zh") == ()

    def test_demonyms_and_states_inside_names(self) -> None:
        """A demonym names its state, also inside a name."""
        text = "The War of Resistance against Japanese Aggression was marked by Chinese leaders."
        assert codes(text, "en") == ("JP", "CN")

    def test_russian_inflection(self) -> None:
        """Case endings of names and adjectives: России, Россией, Китаем, российско-китайский."""
        text = "Переговоры России с Китаем и Индией; российско-китайские связи; в Южном Судане."
        assert codes(text, "ru") == ("RU", "CN", "IN", "SS")

    def test_arabic_clitics(self) -> None:
        """و, ب, ل and the article are peeled off: والصين, للصين, بروسيا, الصينية."""
        text = "وقعت روسيا والصين اتفاقا، وقال مسؤول للصين وبروسيا إن الجانب الصيني راض."
        assert codes(text, "ar") == ("RU", "CN")

    def test_chinese_abbreviations(self) -> None:
        """中俄, 中日韩 and 俄方 name their states; 美德 (virtue) and 8月21日中 do not."""
        assert codes("中俄总理举行会晤，中日韩领导人出席，俄方表示欢迎。", "zh") == (
            "CN",
            "RU",
            "JP",
            "KR",
        )
        assert codes("这是一种美德。", "zh") == ()

    def test_organisations_are_not_states(self) -> None:
        """Without the organisations registry nothing is an organisation, and no name is one."""
        found = extract("The African Union and the European Union met.", language="en")
        assert found.state_codes() == ()


class TestOfficials:
    def test_titles_states_and_names(self) -> None:
        """The demonym before the title gives the state; the capitalised words after, the name."""
        text = "Chinese Premier Li Qiang met Russian Prime Minister Mikhail Mishustin."
        assert officials(text, "en") == [
            ("Li Qiang", "CN", "head_of_government"),
            ("Mikhail Mishustin", "RU", "head_of_government"),
        ]

    def test_indian_foreign_secretary_is_a_civil_servant(self) -> None:
        """India's Foreign Secretary is a senior diplomat; Britain's is the minister."""
        assert officials("Indian Foreign Secretary Vinay Kwatra spoke.", "en") == [
            ("Vinay Kwatra", "IN", "senior_diplomat")
        ]
        assert officials("British Foreign Secretary David Cameron spoke.", "en") == [
            ("David Cameron", "GB", "foreign_minister")
        ]

    def test_chinese_premier_and_president_in_russian(self) -> None:
        """председатель Госсовета КНР is the Premier; председатель КНР the President."""
        text = "Председатель Госсовета КНР Ли Цян и председатель КНР Си Цзиньпин встретились."
        assert officials(text, "ru") == [
            ("Ли Цян", "CN", "head_of_government"),
            ("Си Цзиньпин", "CN", "head_of_state"),
        ]

    def test_french_premier_ministre_for_both(self) -> None:
        """« Premier ministre » is the head of government of China and of Russia alike."""
        text = (
            "Le Premier ministre chinois Li Qiang et le Premier ministre russe Mikhaïl Michoustine."
        )
        assert officials(text, "fr") == [
            ("Li Qiang", "CN", "head_of_government"),
            ("Mikhaïl Michoustine", "RU", "head_of_government"),
        ]

    def test_spokesperson_maps_to_other(self) -> None:
        """Kinds the model lacks are extraction kinds that map to OfficeKind.OTHER."""
        found = extract("中国外交部发言人汪文斌表示欢迎。", language="zh").officials
        assert [(o.name, o.kind) for o in found] == [("汪文斌", OfficialKind.SPOKESPERSON)]
        assert found[0].kind.office_kind is OfficeKind.OTHER

    def test_counterpart_takes_the_other_officials_kind(self) -> None:
        """A counterpart ("son homologue dominicain") holds the office of the official before."""
        text = (
            "Le ministre chinois des Affaires étrangères Wang Yi et son homologue dominicain "
            "Miguel Vargas."
        )
        assert officials(text, "fr") == [
            ("Wang Yi", "CN", "foreign_minister"),
            ("Miguel Vargas", "DO", "foreign_minister"),
        ]

    def test_states_that_are_not_the_officials(self) -> None:
        """A secretary-general serves no state; a destination is not the traveller's state."""
        text = (
            "Foreign Minister of the Russian Federation Sergey Lavrov met "
            "Secretary-General Antonio Guterres."
        )
        assert officials(text, "en") == [
            ("Sergey Lavrov", "RU", "foreign_minister"),
            ("Antonio Guterres", None, "other"),
        ]
        text = "Le ministre des Affaires étrangères Sergueï Lavrov s'est rendu au Mali."
        assert officials(text, "fr") == [("Sergueï Lavrov", None, "foreign_minister")]

    def test_state_from_a_later_clause(self) -> None:
        """A state named in a later clause serves; a capital there is the other side."""
        text = "Президент Владимир Путин заявил, что Россия приостанавливает участие."
        assert officials(text, "ru") == [("Владимир Путин", "RU", "head_of_state")]
        text = "Министр Сергей Лавров заявил, что решение изменится, если Вашингтон уступит."
        assert officials(text, "ru") == [("Сергей Лавров", None, "minister")]

    def test_state_from_the_sentence_before(self) -> None:
        """A title with no state in its sentence takes the free state of the sentence before."""
        text = (
            "Der russische Präsident Wladimir Putin ist in China eingetroffen. "
            "Staatschef Xi Jinping empfing ihn."
        )
        assert officials(text, "de")[1] == ("Xi Jinping", "CN", "head_of_state")

    def test_state_from_the_dossier(self) -> None:
        """A title without a state takes the state the dossier's person serves."""
        text = "Both sides praised President Xi Jinping."
        assert officials(text, "en") == [("Xi Jinping", None, "head_of_state")]
        found = extract(text, language="en", dossier=load_example()).officials
        assert [o.state.code if o.state else None for o in found] == ["CN"]

    def test_arabic_names(self) -> None:
        """A bare title word inside an Arabic name is part of it; a noun phrase after it is not."""
        text = "أجرى محادثات مع نظيره الإيراني حسين أمير عبد اللهيان."
        assert [o.name for o in extract(text, language="ar").officials] == ["حسين أمير عبد اللهيان"]
        text = "وحضر الأمين العام للأمم المتحدة أنطونيو غوتيريش الجلسة الافتتاحية."
        assert [o.name for o in extract(text, language="ar").officials] == ["أنطونيو غوتيريش"]

    def test_chinese_names_have_two_characters(self) -> None:
        """部长级会议 (a ministerial meeting) names no minister."""
        assert extract("中阿合作论坛第十届部长级会议在北京举行。", language="zh").officials == ()

    def test_state_inside_a_long_title(self) -> None:
        """« le président de la République démocratique du Congo » serves the DRC."""
        text = "Le président de la République démocratique du Congo, Félix Tshisekedi, a parlé."
        assert officials(text, "fr") == [("Félix Tshisekedi", "CD", "head_of_state")]

    def test_inflected_name_is_one_person(self) -> None:
        """Мишустин and Мишустиным are one official."""
        text = "Премьер-министр России Михаил Мишустин прибыл. Премьер Мишустиным доволен."
        assert [o.name for o in extract(text, language="ru").officials] == ["Михаил Мишустин"]


class TestEvents:
    def test_weekday_in_a_report_looks_back(self) -> None:
        """A past-tense report's weekday is the dateline's day or one before it."""
        found = extract(
            "Li and Mishustin met on Wednesday.", language="en", dateline=date(2024, 8, 22)
        )
        event = found.events[0]
        assert (str(event.start), event.anchor, event.kind) == (
            "2024-08-21",
            Anchor.WEEKDAY,
            EventKind.MEETING,
        )

    def test_weekday_in_an_announcement_looks_ahead(self) -> None:
        """An announcement's weekday is the next such day."""
        found = extract(
            "The two leaders will meet on Friday.", language="en", dateline=date(2024, 8, 21)
        )
        assert str(found.events[0].start) == "2024-08-23"

    def test_publication_date_when_no_dateline(self) -> None:
        """Without a dateline the publication date anchors weekdays."""
        found = extract(
            "Они провели переговоры во вторник.", language="ru", published=date(2023, 3, 22)
        )
        assert str(found.events[0].start) == "2023-03-21"

    @pytest.mark.parametrize(
        ("text", "language", "start", "end"),
        [
            ("The summit took place from 22 to 24 August 2023.", "en", "2023-08-22", "2023-08-24"),
            ("La visite d'État, du 26 au 28 mai 2024.", "fr", "2024-05-26", "2024-05-28"),
            ("峰会2023年5月18日至19日在西安举行。", "zh", "2023-05-18", "2023-05-19"),
            ("Der Gipfel fand am 20. Juni 2023 statt, ein Treffen.", "de", "2023-06-20", None),
            ("عقدت القمة يوم 9 ديسمبر 2022 في الرياض.", "ar", "2022-12-09", None),
            ("Встреча прошла 21 августа 2024 года в Москве.", "ru", "2024-08-21", None),
        ],
    )
    def test_explicit_dates(self, text: str, language: str, start: str, end: str | None) -> None:
        """Explicit dates and ranges in each language, read with CLDR month names."""
        event = extract(text, language=language).events[0]
        assert (str(event.start), str(event.end) if event.end else None) == (start, end)
        assert event.anchor is Anchor.EXPLICIT

    def test_two_days_of_one_event(self) -> None:
        """Two days of one summit, named in one sentence, are its first and last day."""
        text = "Le sommet s'est achevé samedi à Paris, au lendemain de son ouverture le 4 octobre."
        event = extract(text, language="fr", dateline=date(2024, 10, 5)).events[0]
        assert (str(event.start), str(event.end)) == ("2024-10-04", "2024-10-05")

    def test_dateline_date_is_not_an_event(self) -> None:
        """The dateline's date ("MOSCOW, 21 August —") dates the report, not an event."""
        found = extract(
            "MOSCOW, 21 August — The talks ended.", language="en", dateline=date(2024, 8, 21)
        )
        assert found.events == ()

    def test_place(self) -> None:
        """A capital after a preposition is the event's place."""
        found = extract("Talks were held in Beijing on 7 December 2023.", language="en")
        assert found.events[0].place == "Beijing"


class TestNumbers:
    def test_series_ordinals_and_cardinals(self) -> None:
        """A series ordinal ("the 29th regular meeting") is no count ("28 memoranda")."""
        found = extract("At the 29th regular meeting they signed 28 memoranda.", language="en")
        assert [(o.value, o.series) for o in found.ordinals] == [(29, True)]
        assert [(d.kind, d.count) for d in found.documents] == [(DocumentKind.MEMORANDUM, 28)]

    @pytest.mark.parametrize(
        ("text", "language", "value", "series"),
        [
            ("中俄总理第二十九次定期会晤", "zh", 29, True),
            ("двадцать восьмую регулярную встречу", "ru", 28, True),
            ("die siebten deutsch-chinesischen Regierungskonsultationen", "de", 7, True),
            ("القمة العربية الثانية والثلاثين", "ar", 32, True),
            ("la vingt-neuvième rencontre régulière", "fr", 29, True),
            ("seiner fünften Amtszeit", "de", 5, False),
            ("the third plenary session of the 20th Central Committee", "en", 3, True),
        ],
    )
    def test_word_ordinals(self, text: str, language: str, value: int, series: bool) -> None:  # noqa: FBT001
        """Ordinals written as words in every language, and whether they number a series."""
        first = extract(text, language=language).ordinals[0]
        assert (first.value, first.series) == (value, series)

    def test_zero_is_not_an_ordinal(self) -> None:
        """ "the 0th meeting" and "0周年" are no ordinal and no anniversary."""
        assert extract("the 0th meeting", language="en").ordinals == ()
        assert extract("建交0周年", language="zh").anniversaries == ()

    def test_first_time_is_not_an_ordinal(self) -> None:
        """The idiom "for the first time" holds no ordinal."""
        assert extract("They met for the first time.", language="en").ordinals == ()

    def test_anniversary_with_the_dossiers_ties(self) -> None:
        """The anniversary's day comes from the ties the dossier records (2 October 1949)."""
        text = "China and Russia mark the 75th anniversary of diplomatic relations."
        found = extract(text, language="en", dateline=date(2024, 8, 21), dossier=load_example())
        (anniversary,) = found.anniversaries
        assert (anniversary.number, anniversary.what) == (75, AnniversaryKind.DIPLOMATIC_TIES)
        assert str(anniversary.on) == "2024-10-02"
        assert found.ordinals == ()

    @pytest.mark.parametrize(
        ("text", "language", "number", "what"),
        [
            ("今年是中法建交60周年。", "zh", 60, AnniversaryKind.DIPLOMATIC_TIES),
            ("zum 75. Jahrestag des Sieges", "de", 75, AnniversaryKind.VICTORY),
            ("к 20-летию Договора о добрососедстве", "ru", 20, AnniversaryKind.TREATY),
            ("الذكرى الخامسة للشراكة الاستراتيجية", "ar", 5, AnniversaryKind.PARTNERSHIP),
        ],
    )
    def test_anniversaries(
        self, text: str, language: str, number: int, what: AnniversaryKind
    ) -> None:
        """Anniversaries in several languages: number and what they commemorate."""
        (found,) = extract(text, language=language).anniversaries
        assert (found.number, found.what) == (number, what)


class TestDocuments:
    def test_kinds_counts_and_sectors(self) -> None:
        """Kind, count (1 for a singular, None for "several") and sectors of each document."""
        text = (
            "They signed a joint communique and a revised investment cooperation plan, and "
            "several agreements on education and energy."
        )
        found = extract(text, language="en").documents
        assert [(d.kind, d.count, d.sectors) for d in found] == [
            (DocumentKind.COMMUNIQUE, 1, ()),
            (DocumentKind.PLAN, 1, (Sector.INVESTMENT,)),
            (DocumentKind.AGREEMENT, None, (Sector.EDUCATION, Sector.ENERGY)),
        ]

    def test_not_counted(self) -> None:
        """Not a document: one not signed, one named again later, one that is another's topic."""
        text = "No agreement was signed. They adopted a declaration. The declaration is short."
        assert [d.kind for d in extract(text, language="en").documents] == [
            DocumentKind.DECLARATION
        ]
        text = "Стороны подписали заявление о плане развития."
        assert [d.kind for d in extract(text, language="ru").documents] == [
            DocumentKind.JOINT_STATEMENT
        ]

    def test_one_word_one_document(self) -> None:
        """A Russian word that reaches a singular and a plural entry is one document."""
        found = extract("Лидеры приняли ряд заявлений.", language="ru").documents
        assert [(d.kind, d.count) for d in found] == [(DocumentKind.JOINT_STATEMENT, None)]

    def test_signatories(self) -> None:
        """Officials of the signing sentence are the signatories."""
        text = (
            "Chinese Premier Li Qiang and Russian Prime Minister Mikhail Mishustin signed "
            "a joint communique."
        )
        (document,) = extract(text, language="en").documents
        assert document.signatories == ("Li Qiang", "Mikhail Mishustin")


class TestArguments:
    @pytest.mark.parametrize(
        "kwargs",
        [
            {"text": b"bytes"},
            {"text": "x", "language": "xx"},
            {"text": "x", "dateline": "2024-08-21"},
            {"text": "x", "published": 20240821},
            {"text": "x", "dossier": {}},
        ],
    )
    def test_bad_arguments_are_data_errors(self, kwargs: dict[str, object]) -> None:
        """Wrong types and unknown languages raise DataError naming the argument."""
        text = kwargs.pop("text")
        with pytest.raises(DataError) as caught:
            extract(text, **kwargs)  # type: ignore[arg-type]
        assert caught.value.problems[0].path.startswith("$.")

    def test_language_detection(self) -> None:
        """Without a language the script and common words decide."""
        assert extract("Путин встретился с Си Цзиньпином.").language == "ru"
        assert extract("Le président et le Premier ministre.").language == "fr"

    def test_datetime_is_read_as_its_day(self) -> None:
        """A datetime dateline counts as its date."""
        from datetime import UTC, datetime

        at_nine = datetime(2024, 8, 21, 9, tzinfo=UTC)
        found = extract("They met on Monday.", language="en", dateline=at_nine)
        assert str(found.dateline) == "2024-08-21"
        assert str(found.events[0].start) == "2024-08-19"

    def test_edge_of_the_calendar(self) -> None:
        """A weekday before 1 January of year 1 is no date, and no error."""
        found = extract("They met on Thursday.", language="en", dateline=date(1, 1, 1))
        assert found.events == ()

    def test_empty_text(self) -> None:
        """Empty text gives an empty extraction."""
        assert extract("", language="en") == Extraction(text="", language="en")
