"""The command line's main job on the bundled example."""

import io
import subprocess
import sys

import attrs

import diplomodel as dm
from diplomodel.cli import main, summarize


class TestMain:
    def test_summary_of_the_example(self):
        """The main job prints the meeting's facts and the checks."""
        out = io.StringIO()
        assert main([], out=out) == 0
        text = out.getvalue()
        for fact in [
            "29th regular meeting of the Chinese and Russian heads of government",
            "2024-08-21 (Wednesday)",
            "Moscow, Russia",
            "since 1996; number 29",
            "Li Qiang (Premier of the State Council of China)",
            "Mikhail Mishustin (Prime Minister of Russia)",
            "reports heard from 5 bodies",
            "outcomes (9 documents)",
            "revising 'cn-ru-investment-plan'",
            "diplomatic ties since 1949-10-02",
            "2019-06-05: comprehensive strategic partnership of coordination for a new era",
            "Russia–China Years of Culture: 2024 to 2025",
            "Checks: 31 entities loaded",
            "JSON round trip identical",
            f"Validation ({len(dm.DEFAULT_RULES)} rules): No findings.",
        ]:
            assert fact in text, fact

    def test_validation_report_is_last(self):
        """The main job ends with the example's validation report, which is clean."""
        out = io.StringIO()
        assert main([], out=out) == 0
        last = out.getvalue().splitlines()[-1]
        assert last == f"Validation ({len(dm.DEFAULT_RULES)} rules): No findings."

    def test_errors_give_exit_status_1(self, monkeypatch):
        """If the example had an error, the report would show it and the status would be 1."""
        import attrs

        from diplomodel import cli

        example = dm.load_example()
        meeting = example.meetings[-1]
        stray = attrs.evolve(meeting.participants[0], delegation=dm.states.get("FR"))
        broken = attrs.evolve(
            example,
            meetings=(attrs.evolve(meeting, participants=(stray, *meeting.participants[1:])),),
        )
        monkeypatch.setattr(cli, "load_example", lambda: broken)
        out = io.StringIO()
        assert main([], out=out) == 1
        assert "error DM106 $.meetings[0].participants[0].delegation" in out.getvalue()

    def test_summarize_a_small_dossier(self):
        """summarize works on a dossier with no meetings."""
        assert summarize(dm.Dossier(id="d", title="Empty")) == "Dossier d: Empty"

    def test_summary_names_every_kind_of_document(self):
        """Joint statements, declarations and counted batches are listed under their own kind."""
        example = dm.load_example()
        meeting = example.meetings[-1]
        parties = (dm.states.get("CN"), dm.states.get("RU"))
        documents = (
            dm.JointStatement(
                id="js", title="Joint statement", parties=parties, meeting=meeting.id
            ),
            dm.Declaration(id="dec", title="Declaration", parties=parties),
            dm.DocumentBatch(
                id="batch",
                title="Memoranda",
                parties=parties,
                count=28,
                form=dm.AgreementForm.MEMORANDUM,
            ),
            dm.CooperationAgreement(
                id="notes",
                title="Notes",
                parties=parties,
                form=dm.AgreementForm.EXCHANGE_OF_NOTES,
            ),
        )
        meeting = attrs.evolve(meeting, outcomes=(*meeting.outcomes, *(d.id for d in documents)))
        text = summarize(
            attrs.evolve(
                example,
                meetings=(*example.meetings[:-1], meeting),
                documents=(*example.documents, *documents),
            )
        )
        assert "- Joint statement [joint statement]" in text
        assert "- Declaration [declaration]" in text
        assert "- Memoranda [28 documents, each a memorandum]" in text
        assert "- Notes [exchange of notes]" in text

    def test_help_and_version(self):
        """--help and --version answer and exit 0."""
        out = io.StringIO()
        assert main(["--help"], out=out) == 0
        assert "usage: diplomodel" in out.getvalue()
        out = io.StringIO()
        assert main(["--version"], out=out) == 0
        assert out.getvalue() == f"diplomodel {dm.__version__}\n"

    def test_unknown_argument(self, capsys):
        """An unexpected argument is a usage error: exit status 2."""
        assert main(["--frobnicate"]) == 2
        assert capsys.readouterr().err == (
            "diplomodel: error: unrecognized arguments: --frobnicate (see 'diplomodel --help')\n"
        )

    def test_python_dash_m(self):
        """`python -m diplomodel` runs the main job in a real process."""
        result = subprocess.run(
            [sys.executable, "-m", "diplomodel"],
            capture_output=True,
            text=True,
            check=False,
            encoding="utf-8",
        )
        assert result.returncode == 0, result.stderr
        assert "Li Qiang" in result.stdout
