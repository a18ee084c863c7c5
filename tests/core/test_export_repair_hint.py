"""Export refusing a case that does not verify says once how the repair puts it right.

Before, whether to add the advice was decided by looking for the words "casefile repair" in the
problems' text: a file whose name held those words hid the advice, though nothing said it.
Now the report knows which of its problems already tell the user to run the repair.
"""

from __future__ import annotations

import pytest
from casefile_testing import make_case

from casefile.cli import main
from casefile.core.archive import export_case
from casefile.core.errors import CaseFileError
from casefile.core.evidence import add_files
from casefile.core.library import Library
from casefile.core.manifest import MANIFEST_NAME
from casefile.core.verify import CaseReport, verify_case

HINT = "'casefile repair {number}' (or Repair in the app's verification results)"


def verify(library: Library, number: str) -> CaseReport:
    report = list(verify_case(library, number))[-1]
    assert isinstance(report, CaseReport)
    return report


def _case_with(library: Library, tmp_path, name: str) -> str:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / name).write_text("聊天记录\n", "utf-8")
    case = make_case(library)
    list(add_files(library, case.number, [folder / name]))
    return case.number


def _refusal(library: Library, number: str, tmp_path) -> CaseFileError:
    with pytest.raises(CaseFileError) as refused:
        list(export_case(library, number, tmp_path / "refused.zip"))
    return refused.value


def _export_cli(library: Library, number: str, tmp_path, capsys) -> str:
    library.close()  # the command line opens the library itself
    code = main(["--library", str(library.root), "export", number, "-o", str(tmp_path / "cli.zip")])
    err = capsys.readouterr().err
    assert code != 0 and not (tmp_path / "cli.zip").exists()
    return err


def test_a_readme_problem_names_the_repair_and_export_does_not_say_it_again(library, tmp_path, capsys):
    number = _case_with(library, tmp_path, "chat.txt")
    readme = library.cases_dir / number / "README.txt"
    readme.chmod(0o644)
    readme.write_text("echo OK\n", "utf-8")
    report = verify(library, number)
    assert report.summary_names_repair() and report.repairable
    message = str(_refusal(library, number, tmp_path).message)
    assert message.count("casefile repair") == 1 and HINT.format(number=number) not in message
    err = _export_cli(library, number, tmp_path, capsys)
    assert err.count("casefile repair") == 1 and "README.txt" in err


def test_the_repair_is_advised_when_no_problem_says_it_whatever_the_file_names(library, tmp_path, capsys):
    # The record is damaged (the manifest altered), and the file it names is called "casefile repair":
    # no problem tells the user to run the repair, so export does.
    number = _case_with(library, tmp_path, "casefile repair 记录.txt")
    manifest = library.cases_dir / number / MANIFEST_NAME
    manifest.chmod(0o644)
    lines = manifest.read_text("utf-8").splitlines()
    manifest.write_text("\n".join("0" * 64 + line[64:] for line in lines) + "\n", "utf-8")
    report = verify(library, number)
    assert report.repairable and "casefile repair" in report.summary()  # in a file's name: not advice
    message = str(_refusal(library, number, tmp_path).message)
    assert HINT.format(number=number) in message
    assert not report.summary_names_repair()
    err = _export_cli(library, number, tmp_path, capsys)
    assert HINT.format(number=number) in err


def test_a_problem_cut_from_the_summary_does_not_stand_for_the_advice(library, tmp_path):
    number = _case_with(library, tmp_path, "chat.txt")
    (library.cases_dir / number / "README.txt").unlink()
    report = verify(library, number)
    assert report.summary_names_repair()
    assert not report.summary_names_repair(limit=0)  # what is not shown does not count
