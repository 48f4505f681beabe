"""Tests for diplomodel.i18n: ordinals, dates, lists, names, labels, catalogs and describe."""

import datetime as dt
import enum
import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import diplomodel as dm
from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier, load_example
from diplomodel.i18n import (
    anniversary_phrase,
    describe,
    format_date,
    format_list,
    label,
    ordinal,
    person_name,
    state_name,
)
from diplomodel.i18n._labels import LABELLED_ENUMS
from diplomodel.i18n._locales import CATALOG_LANGUAGES
from diplomodel.model.meetings import MeetingKind, Role
from diplomodel.model.people import Person
from diplomodel.model.relations import BilateralRelation
from diplomodel.model.sectors import Sector
from diplomodel.states import states

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "diplomodel" / "i18n"
NNBSP = "\u202f"
MEETING = "cn-ru-heads-of-government-29"


@pytest.fixture(scope="module")
def dossier():
    return load_example()


@pytest.fixture(scope="module")
def meeting(dossier):
    return dossier.meeting(MEETING)


class TestOrdinal:
    @pytest.mark.parametrize(
        ("n", "expected"),
        [
            (0, "0th"),
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (22, "22nd"),
            (23, "23rd"),
            (29, "29th"),
            (101, "101st"),
            (111, "111th"),
            (112, "112th"),
            (113, "113th"),
            (1002, "1002nd"),
        ],
    )
    def test_english(self, n, expected):
        """English suffixes follow CLDR's one/two/few/other ordinal categories."""
        assert ordinal(n, "en") == expected
        assert ordinal(n, "en_GB") == expected

    @pytest.mark.parametrize(
        ("n", "gender", "expected"),
        [
            (1, None, "1er"),
            (1, "masculine", "1er"),
            (1, "feminine", "1re"),
            (2, None, "2e"),
            (11, None, "11e"),
            (29, "feminine", "29e"),
        ],
    )
    def test_french(self, n, gender, expected):
        """French writes 1er/1re and then e."""
        assert ordinal(n, "fr", gender=gender) == expected

    @pytest.mark.parametrize(
        ("n", "gender", "expected"),
        [(1, None, "1.º"), (1, "feminine", "1.ª"), (29, None, "29.º"), (29, "feminine", "29.ª")],
    )
    def test_spanish(self, n, gender, expected):
        """Spanish puts a full stop before the masculine or feminine indicator."""
        assert ordinal(n, "es", gender=gender) == expected

    @pytest.mark.parametrize(
        ("gender", "expected"),
        [(None, "29-й"), ("masculine", "29-й"), ("feminine", "29-я"), ("neuter", "29-е")],
    )
    def test_russian(self, gender, expected):
        """Russian endings agree with the noun's gender."""
        assert ordinal(29, "ru", gender=gender) == expected

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("de", "29."),
            ("de_AT", "29."),
            ("zh", "第29"),
            ("zh_Hant_TW", "第29"),
            ("ja", "第29"),
            ("ar", "الـ29"),
            ("nl", "29e"),
            ("it", "29º"),
            ("pl", "29."),
            ("uk", "29-й"),
        ],
    )
    def test_other_languages(self, locale, expected):
        """German, Chinese, Arabic and others have one form each."""
        assert ordinal(29, locale) == expected

    def test_swedish_uses_cldr_categories(self):
        """Swedish :a/:e follows CLDR's ordinal categories, 11 and 12 included."""
        assert [ordinal(n, "sv") for n in (1, 2, 3, 11, 12, 21)] == [
            "1:a",
            "2:a",
            "3:e",
            "11:e",
            "12:e",
            "21:a",
        ]

    def test_hyphenated_locale(self):
        """BCP 47 spellings with hyphens are accepted."""
        assert ordinal(2, "en-US") == "2nd"

    @pytest.mark.parametrize("n", [True, False, 1.0, "1", None])
    def test_not_an_int(self, n):
        """Bools, floats and strings are refused with TypeError."""
        with pytest.raises(TypeError):
            ordinal(n, "en")

    def test_negative(self):
        """Negative numbers have no ordinal."""
        with pytest.raises(ValueError, match="at least 0"):
            ordinal(-1, "en")

    @pytest.mark.parametrize("locale", ["xx", "", "en_ZZ_QQ_1", "not a locale"])
    def test_unknown_locale(self, locale):
        """A locale babel does not know is a ValueError."""
        with pytest.raises(ValueError, match="unknown locale"):
            ordinal(1, locale)

    def test_locale_not_a_string(self):
        """A locale must be a str."""
        with pytest.raises(TypeError):
            ordinal(1, None)  # type: ignore[arg-type]

    def test_language_without_a_rule(self):
        """A known language without an ordinal rule is a ValueError, not a guess."""
        with pytest.raises(ValueError, match="no ordinal rule"):
            ordinal(1, "sw")

    def test_unknown_gender(self):
        """Only masculine, feminine and neuter are genders."""
        with pytest.raises(ValueError, match="gender"):
            ordinal(1, "ru", gender="common")


class TestAnniversaryPhrase:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "75th anniversary"),
            ("ru", "75-летие"),
            ("zh", "75周年"),
            ("fr", "75e anniversaire"),
            ("de", "75. Jahrestag"),
            ("es", "75.º aniversario"),
        ],
    )
    def test_seventy_fifth(self, locale, expected):
        """The 75th anniversary in six languages."""
        assert anniversary_phrase(75, locale) == expected

    def test_first(self):
        """The first anniversary uses each language's own word."""
        assert anniversary_phrase(1, "en") == "1st anniversary"
        assert anniversary_phrase(1, "fr") == "1er anniversaire"
        assert anniversary_phrase(1, "ru") == "1-я годовщина"

    def test_zero_and_negative(self):
        """There is no 0th anniversary."""
        for n in (0, -5):
            with pytest.raises(ValueError, match="at least 1"):
                anniversary_phrase(n, "en")

    def test_errors(self):
        """Unknown locales, unsupported languages and non-ints are refused."""
        with pytest.raises(ValueError, match="unknown locale"):
            anniversary_phrase(75, "xx")
        with pytest.raises(ValueError, match="no anniversary phrase"):
            anniversary_phrase(75, "ja")
        with pytest.raises(TypeError):
            anniversary_phrase(True, "en")  # noqa: FBT003 - the point of the test


DAY = PartialDate.parse("2024-08-21")
MONTH = PartialDate.parse("2024-08")
YEAR = PartialDate.parse("2024")


class TestFormatDate:
    @pytest.mark.parametrize(
        ("locale", "day", "month", "year"),
        [
            ("en", "August 21, 2024", "August 2024", "2024"),
            ("en_GB", "21 August 2024", "August 2024", "2024"),
            ("ru", f"21 августа 2024{NNBSP}г.", f"август 2024{NNBSP}г.", "2024"),
            ("zh", "2024年8月21日", "2024年8月", "2024年"),
            ("fr", "21 août 2024", "août 2024", "2024"),
            ("de", "21. August 2024", "August 2024", "2024"),
        ],
    )
    def test_every_precision_long(self, locale, day, month, year):
        """Each precision shows exactly what is known, as CLDR writes it."""
        assert format_date(DAY, locale) == day
        assert format_date(MONTH, locale) == month
        assert format_date(YEAR, locale) == year

    @pytest.mark.parametrize(
        ("fmt", "day", "month"),
        [
            ("short", "8/21/24", "8/2024"),
            ("medium", "Aug 21, 2024", "Aug 2024"),
            ("long", "August 21, 2024", "August 2024"),
            ("full", "Wednesday, August 21, 2024", "August 2024"),
        ],
    )
    def test_lengths(self, fmt, day, month):
        """The four CLDR lengths apply to days and to months."""
        assert format_date(DAY, "en", fmt) == day
        assert format_date(MONTH, "en", fmt) == month
        assert format_date(YEAR, "en", fmt) == "2024"

    def test_plain_dates_and_datetimes(self):
        """A datetime.date is a day; a datetime's time is ignored."""
        assert format_date(dt.date(1949, 10, 2), "ru") == f"2 октября 1949{NNBSP}г."
        moment = dt.datetime(2024, 8, 21, 23, 59, tzinfo=dt.UTC)
        assert format_date(moment, "zh") == "2024年8月21日"

    def test_errors(self):
        """Bad values, formats and locales are refused."""
        with pytest.raises(TypeError):
            format_date("2024-08-21", "en")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="format"):
            format_date(DAY, "en", "tiny")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="unknown locale"):
            format_date(DAY, "xx")


class TestFormatList:
    def test_languages(self):
        """CLDR list patterns per language."""
        assert format_list(["A", "B", "C"], "en") == "A, B, and C"
        assert format_list(["Китай", "Россия"], "ru") == "Китай и Россия"
        assert format_list(["中国", "俄罗斯"], "zh") == "中国和俄罗斯"

    def test_styles_and_edges(self):
        """The or-style, one item and no items."""
        assert format_list(["A", "B"], "en", style="or") == "A or B"
        assert format_list(["A"], "en") == "A"
        assert format_list([], "en") == ""
        assert format_list(iter(["A", "B"]), "de") == "A und B"

    def test_errors(self):
        """Bad items, styles and locales are refused."""
        with pytest.raises(TypeError):
            format_list(["A", 1], "en")  # type: ignore[list-item]
        with pytest.raises(ValueError, match="style"):
            format_list(["A"], "en", style="loud")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="unknown locale"):
            format_list(["A"], "xx")


class TestNames:
    def test_state_names(self):
        """State names come from CLDR; historical ones from the ISO 3166-3 translations."""
        assert state_name(states.get("CN"), "ru") == "Китай"
        assert state_name(states.get("RU"), "zh") == "俄罗斯"
        assert state_name(states.get("RU"), "en") == "Russia"
        assert state_name(states.get("SU"), "zh") == "苏维埃社会主义共和国联盟"

    def test_person_fallback(self, dossier):
        """Exact locale, then language, then English."""
        li = dossier.person("li-qiang")
        assert person_name(li, "zh") == "李强"
        assert person_name(li, "zh-Hans-CN") == "李强"
        assert person_name(li, "ru_RU") == "Ли Цян"
        assert person_name(li, "de") == "Li Qiang"
        p = Person(id="p", name="P", names={"zh": "甲", "zh_Hant": "乙"})
        assert person_name(p, "zh_Hant_TW") == "乙"

    def test_errors(self, dossier):
        """Wrong types and unknown locales are refused."""
        with pytest.raises(TypeError):
            state_name("CN", "en")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            person_name("li-qiang", "en")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="unknown locale"):
            person_name(dossier.person("li-qiang"), "xx")


class TestLabels:
    @pytest.mark.parametrize("kind", LABELLED_ENUMS, ids=lambda k: k.__name__)
    @pytest.mark.parametrize("locale", ["en", *CATALOG_LANGUAGES])
    def test_every_member_has_a_label(self, kind, locale):
        """Every member of every labelled enum has a non-empty, distinct label."""
        labels = [label(member, locale) for member in kind]
        assert all(text.strip() for text in labels)
        assert len(set(labels)) == len(labels) or kind.__name__ == "CommitteeKind"

    def test_every_vocabulary_is_labelled(self):
        """Every public enum of the model has labels; tools' own switches are left out."""
        import diplomodel

        tools = {"Precision", "Weekday", "Severity", "LeapDayPolicy"}
        # The extractor's own vocabularies describe what a report said, not the model.
        tools |= {"Anchor", "AnniversaryKind", "DocumentKind", "EventKind", "OfficialKind"}
        tools |= {"StateForm"}
        # PLOVER's codes are another project's identifiers, written as PLOVER spells them.
        tools |= {"PloverContext", "PloverEvent", "PloverMode"}
        public = {
            name
            for name in diplomodel.__all__
            if isinstance(getattr(diplomodel, name), type)
            and issubclass(getattr(diplomodel, name), enum.Enum)
        }
        assert {"MeetingLevel", "MeetingFormat", "AttendanceRole", "BodyKind"} <= public
        assert {"OrganizationKind", "MembershipStatus"} <= public
        assert public - tools == {kind.__name__ for kind in LABELLED_ENUMS}

    def test_examples(self):
        """A few labels in three languages."""
        assert label(Sector.MARITIME_SEARCH_AND_RESCUE, "ru") == "поиск и спасание на море"
        assert label(Role.CO_CHAIR, "zh") == "共同主席"
        assert label(MeetingKind.REGULAR_MEETING, "en") == "regular meeting"
        assert label(MeetingKind.REGULAR_MEETING, "fr") == "regular meeting"

    def test_traditional_chinese_falls_back_to_english(self):
        """The simplified-Chinese catalog is not served to zh_Hant or zh_TW."""
        assert label(Sector.ENERGY, "zh_Hant") == "energy"
        assert label(Sector.ENERGY, "zh_TW") == "energy"
        assert label(Sector.ENERGY, "zh_Hans_CN") == "能源"

    def test_not_a_labelled_enum(self):
        """Other enums and other values are a TypeError."""

        class Colour(enum.Enum):
            RED = "red"

        with pytest.raises(TypeError):
            label(Colour.RED, "en")
        with pytest.raises(TypeError):
            label("energy", "en")  # type: ignore[arg-type]


def _po(language: str) -> Path:
    return PACKAGE / "locales" / language / "LC_MESSAGES" / "diplomodel.po"


class TestCatalogs:
    @pytest.mark.parametrize("language", CATALOG_LANGUAGES)
    def test_committed_mo_matches_po(self, language):
        """Each committed .mo is exactly what its .po compiles to."""
        path = _po(language)
        with path.open("rb") as stream:
            catalog = read_po(stream)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        assert path.with_suffix(".mo").read_bytes() == buffer.getvalue()

    @pytest.mark.parametrize("language", CATALOG_LANGUAGES)
    def test_every_message_translated(self, language):
        """Every message of the template has a non-fuzzy translation in each catalog."""
        with (PACKAGE / "diplomodel.pot").open("rb") as stream:
            template = read_po(stream)
        with _po(language).open("rb") as stream:
            catalog = read_po(stream, locale=language)
        ids = [(m.id, m.context) for m in template if m.id]
        assert len(ids) > 100
        for msgid, context in ids:
            message = catalog.get(msgid, context=context)
            assert message is not None, (language, context, msgid)
            assert not message.fuzzy, (language, context, msgid)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert strings, (language, context, msgid)
            assert all(s.strip() for s in strings), (language, context, msgid)

    @pytest.mark.parametrize("language", CATALOG_LANGUAGES)
    def test_placeholders_are_known(self, language):
        """Translations use only placeholders the code fills in for that message."""
        import re

        with _po(language).open("rb") as stream:
            catalog = read_po(stream, locale=language)
        names = re.compile(r"\{(\w+)\}")
        # Fields a translation may use beyond those of its msgid.
        extra = {"pair", "number", "when", "date"}
        for message in catalog:
            if not message.id:
                continue
            source = " ".join(message.id) if isinstance(message.id, tuple) else message.id
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            allowed = set(names.findall(source)) | extra
            for string in strings:
                assert set(names.findall(string)) <= allowed, (language, message.id, string)

    def test_template_is_up_to_date(self):
        """The committed template, catalogs and .mo files match the source (update --check)."""
        import importlib.util

        path = PACKAGE.parent.parent.parent / "scripts" / "update_catalogs.py"
        spec = importlib.util.spec_from_file_location("update_catalogs", path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert module.main(["--check"]) == 0


class TestDescribeMeeting:
    def test_english(self, dossier, meeting):
        """The English summary says when, where, who, what and what came of it."""
        text = describe(meeting, dossier, "en")
        assert text.startswith(
            "On August 21, 2024, in Moscow, Li Qiang and Mikhail Mishustin co-chaired the 29th "
            "regular meeting between the heads of government of China and Russia."
        )
        assert "reports from 5 cooperation bodies" in text
        assert "a joint communiqué, a revised plan on investment, and 7 other cooperation" in text
        assert "maritime search and rescue" in text

    def test_english_is_the_default_locale(self, dossier, meeting):
        """Without a locale the text is English."""
        assert describe(meeting, dossier) == describe(meeting, dossier, "en")

    def test_russian(self, dossier, meeting):
        """The Russian summary uses Russian names, dates and ordinals."""
        text = describe(meeting, dossier, "ru")
        assert text.startswith(
            f"21 августа 2024{NNBSP}г. в Москве Ли Цян и Михаил Мишустин совместно провели "
            "29-е регулярное заседание глав правительств Китай — Россия."
        )
        assert "совместное коммюнике" in text
        assert "ещё 7 документов о сотрудничестве" in text
        assert "Li Qiang" not in text

    def test_chinese(self, dossier, meeting):
        """The Chinese summary has no spaces between sentences and uses Chinese names."""
        text = describe(meeting, dossier, "zh")
        assert text.startswith(
            "2024年8月21日，在莫斯科，李强和米哈伊尔·米舒斯京共同主持"
            "中国和俄罗斯政府首脑第29次定期会晤。"
        )
        assert "联合公报" in text
        assert "另外7份合作文件" in text
        assert "。 " not in text

    def test_locale_without_catalog(self, dossier, meeting):
        """French gets English text with French dates and state names."""
        text = describe(meeting, dossier, "fr")
        assert text.startswith("On 21 août 2024, in Moscow, Li Qiang and Mikhail Mishustin")
        assert "Chine and Russie" in text

    def test_month_precision_and_no_place(self, dossier, meeting):
        """A meeting known to the month, without a place or co-chairs, still reads well."""
        import attrs

        vague = attrs.evolve(meeting, start=MONTH, place=None, participants=())
        assert describe(vague, dossier, "en").startswith("In August 2024, the 29th regular")
        assert describe(vague, dossier, "ru").startswith("В августе 2024 г. стороны провели 29-е")
        assert describe(vague, dossier, "zh").startswith("2024年8月，举行了中国和俄罗斯政府首脑")
        assert describe(vague, dossier, "de").startswith("In August 2024, the 29th")

    def test_unknown_locality_and_single_chair(self, dossier, meeting):
        """A city the catalogs do not know is named as recorded; one chair 'chaired'."""
        import attrs

        place = attrs.evolve(meeting.place, locality="Tver")
        solo = attrs.evolve(meeting, place=place, participants=meeting.participants[:1])
        assert ", in Tver, Li Qiang chaired the 29th" in describe(solo, dossier, "en")
        assert "в городе Tver стороны провели" in describe(solo, dossier, "ru")
        assert "председатель — Ли Цян" in describe(solo, dossier, "ru")


class TestDescribeDocuments:
    def test_communique(self, dossier):
        """A communiqué names its signatories and its meeting."""
        document = dossier.document("cn-ru-heads-of-government-29-communique")
        en = describe(document, dossier, "en")
        assert "China and Russia signed a joint communiqué" in en
        assert "It was signed by Li Qiang and Mikhail Mishustin." in en
        assert "the 29th regular meeting" in en
        ru = describe(document, dossier, "ru")
        assert "Китай и Россия подписали совместное коммюнике" in ru
        assert "Документ подписали Ли Цян и Михаил Мишустин." in ru
        zh = describe(document, dossier, "zh")
        assert "中国和俄罗斯签署了联合公报" in zh
        assert "签署人为李强和米哈伊尔·米舒斯京。" in zh

    def test_revised_plan(self, dossier):
        """A revised plan says so."""
        document = dossier.document("cn-ru-investment-plan-2024")
        assert "a revised plan on investment" in describe(document, dossier, "en")
        assert "обновлённый план (инвестиции)" in describe(document, dossier, "ru")
        assert "修订后的规划（投资）" in describe(document, dossier, "zh")

    def test_witnessed_agreement(self, dossier):
        """Witnesses are named."""
        document = dossier.document("cn-ru-2024-maritime-search-rescue")
        en = describe(document, dossier, "en")
        assert "a cooperation document on maritime search and rescue" in en
        assert "Li Qiang and Mikhail Mishustin witnessed the signing." in en
        assert "При подписании присутствовали Ли Цян и Михаил Мишустин" in describe(
            document, dossier, "ru"
        )

    def test_unsigned_and_unresolved(self, dossier):
        """A document without date or place, with unknown ids, is still described."""
        import attrs

        document = dossier.document("cn-ru-investment-plan")
        assert describe(document, dossier, "en") == "China and Russia signed a plan on investment."
        orphan = attrs.evolve(
            dossier.document("cn-ru-2024-education"),
            meeting="no-such-meeting",
            witnesses=("nobody",),
        )
        assert "nobody witnessed the signing." in describe(orphan, dossier, "en").lower()


class TestDescribeRelationAndDossier:
    def test_relation(self, dossier):
        """The relation gives the date of ties and the latest level, translated."""
        relation = dossier.relation_by_id("cn-ru")
        en = describe(relation, dossier, "en")
        assert en.startswith(
            "China and the Soviet Union established diplomatic relations on October 2, 1949. "
            "Since December 27, 1991, Russia has continued them"
        )
        assert "comprehensive strategic partnership of coordination for a new era" in en
        ru = describe(relation, dossier, "ru")
        assert ru.startswith(
            f"Китай и Союз Советских Социалистических Республик установили дипломатические "
            f"отношения 2 октября 1949{NNBSP}г. С 27 декабря 1991{NNBSP}г. их продолжает Россия"
        )
        assert "вступающие в новую эпоху" in ru
        assert "г.." not in ru
        zh = describe(relation, dossier, "zh")
        assert zh.startswith("中国和苏维埃社会主义共和国联盟于1949年10月2日建立外交关系。")
        assert "自1991年12月27日起，俄罗斯" in zh
        assert "新时代全面战略协作伙伴关系" in zh

    def test_relation_without_facts(self):
        """A bare relation still gives a sentence."""
        relation = BilateralRelation(id="r", parties=(states.get("FR"), states.get("DE")))
        empty = Dossier(id="d", title="Empty")
        assert describe(relation, empty, "en") == "France and Germany maintain bilateral relations."

    def test_dossier(self, dossier):
        """The dossier summary counts its contents and names the anniversary."""
        en = describe(dossier, dossier, "en")
        assert en.startswith(
            "The dossier holds 1 meeting, 1 meeting series, 10 documents, 4 people"
        )
        assert "2024 is the year of the 75th anniversary of diplomatic relations" in en
        ru = describe(dossier, dossier, "ru")
        assert ru.startswith("Состав досье: 1 встреча, 1 серия встреч, 10 документов, 4 человека")
        assert "75-летия" in ru
        zh = describe(dossier, dossier, "zh")
        assert "2024年是中国和俄罗斯建交75周年。" in zh
        assert "第29次" in zh

    def test_empty_dossier(self):
        """An empty dossier says so."""
        empty = Dossier(id="d", title="Empty")
        assert describe(empty, empty, "ru") == "Досье пусто."


class TestDescribeErrors:
    def test_unsupported_type(self, dossier):
        """Other objects are a TypeError."""
        with pytest.raises(TypeError, match="describe"):
            describe(dossier.person("li-qiang"), dossier, "en")  # type: ignore[arg-type]

    def test_not_a_dossier(self, meeting):
        """The second argument must be a Dossier."""
        with pytest.raises(TypeError, match="Dossier"):
            describe(meeting, {}, "en")  # type: ignore[arg-type]

    def test_unknown_locale(self, dossier, meeting):
        """An unknown locale is a ValueError."""
        with pytest.raises(ValueError, match="unknown locale"):
            describe(meeting, dossier, "xx")


class TestPlacesInOtherLanguages:
    @pytest.mark.parametrize(
        ("locale", "expected"), [("ru", "в городе Буэнос-Айрес"), ("zh", "在布宜诺斯艾利斯")]
    )
    def test_city_names_from_cldr(self, locale, expected):
        """A city without a phrase of its own is named in the locale when CLDR knows it."""
        cn, ar = states.get("CN"), states.get("AR")
        meeting = dm.Meeting(
            id="m",
            title="Talks",
            kind=dm.MeetingKind.TALKS,
            start=dm.PartialDate.parse("2023-05-01"),
            parties=(cn, ar),
            place=dm.Place(state=ar, locality="Buenos Aires"),
        )
        text = describe(meeting, dm.Dossier(id="d", title="D", meetings=(meeting,)), locale)
        assert expected in text
