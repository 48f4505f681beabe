"""The command line on relation history and claims: describe shows history, validate both values."""

import io
import json

import attrs
import pytest

import diplomodel as dm
from diplomodel.cli import main
from tests.history_examples import cn_ru, wrong_claims


@pytest.fixture
def dossier_file(tmp_path):
    """The example with the China–Russia succession and the issue's three wrong claims."""
    example = dm.load_example()
    relation, claims = cn_ru(), wrong_claims()
    path = tmp_path / "dossier.json"
    attrs.evolve(example, relations=(relation,), claims=claims).save(path)
    return str(path)


def _run(*argv):
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


class TestDescribeHistory:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "Since December 27, 1991, Russia has continued them as the successor of"),
            ("ru", "их продолжает Россия (до этого — Союз Советских Социалистических Республик)"),
            ("zh", "俄罗斯作为苏维埃社会主义共和国联盟的继承国延续这一关系"),
        ],
    )
    def test_relation_history(self, dossier_file, locale, expected):
        """``describe --id`` of a relation says who established the ties and who continues them."""
        status, text = _run("describe", dossier_file, "--id", "cn-ru", "--locale", locale)
        assert status == 0
        assert expected in text.replace("\u202f", " ")


class TestValidateClaims:
    def test_three_contradictions_with_both_values(self, dossier_file):
        """validate reports exactly the three wrong claims, each with the claim and the record."""
        status, text = _run("validate", dossier_file)
        assert status == 0  # warnings: the record is still valid
        lines = text.splitlines()
        assert "3 findings: 0 errors, 3 warnings" in lines[0]
        codes = [line.split()[1] for line in lines[1:]]
        assert codes == ["DM142", "DM144", "DM145"]
        assert "claims anniversary 75" in lines[1]
        assert "2019 marks anniversary 70" in lines[1]
        assert "St Petersburg" in lines[2]
        assert "Moscow" in lines[2]
        assert "numbers it 30" in lines[3]
        assert "the record says 29" in lines[3]

    def test_json_report(self, dossier_file):
        """The JSON report carries the same findings, with the claim's and the record's ids."""
        status, text = _run("validate", "--json", dossier_file)
        assert status == 0
        findings = json.loads(text)["report"]["findings"]
        assert [(f["code"], f["ids"][0]) for f in findings] == [
            ("DM142", "daily-75th"),
            ("DM144", "wire-place"),
            ("DM145", "wire-ordinal"),
        ]
