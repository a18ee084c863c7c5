"""Evidence PDFs built to break the packet: a 100,000-object chain, a long path through sorted
keys, loops in the object graph, a content stream that inflates to 300 MB. Each file is added
(and screened for its packets) and each packet built in a child process (a crash in qpdf would
take the test run with it), and must come out whole, within the budget for any single exhibit
(at most 500 MB): the packet of the file screened when added, and the first packet of one
added before screening was kept."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pikepdf
import pytest
from casefile_testing import filed_case, run_tool
from pikepdf import Array, Dictionary, Name

from casefile.core.disclosure import pdf as pdfsafe
from casefile.core.library import Library

pytestmark = pytest.mark.slow

BUDGET_MB = 500

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from casefile.core.bundle import BundleOptions, BundleResult, Venue, build_bundle
    from casefile.core.library import Library
    from casefile.core.settings import Settings

    out = {}
    with Library.open(Path(sys.argv[1]), "测试员") as library:
        for item in build_bundle(library, sys.argv[2], BundleOptions(Venue.COURT, force=True), Settings()):
            if isinstance(item, BundleResult):
                out = {"file": str(item.files[0]), "pages": item.pages, "warnings": [f.code for f in item.warnings]}
    try:
        with open("/proc/self/status") as status:
            out["peak_mb"] = next(int(l.split()[1]) / 1024 for l in status if l.startswith("VmHWM:"))
    except OSError:
        out["peak_mb"] = None
    print(json.dumps(out))
    """
)


# Adding the file screens it for its packets (casefile.core.disclosure.screening): in a child too.
CHILD_ADD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from casefile.core.disclosure.screening import ScreeningStore
    from casefile.core.evidence import AddOptions, AddResult, add_files
    from casefile.core.library import Library

    with Library.open(Path(sys.argv[1]), "测试员") as library:
        added = [r.exhibit for r in add_files(library, sys.argv[2], [Path(sys.argv[3])], AddOptions(purpose="证明"))
                 if isinstance(r, AddResult) and r.exhibit]
        out = {"screened": [ScreeningStore(library.root).get(e.sha256) is not None for e in added]}
    try:
        with open("/proc/self/status") as status:
            out["peak_mb"] = next(int(l.split()[1]) / 1024 for l in status if l.startswith("VmHWM:"))
    except OSError:
        out["peak_mb"] = None
    print(json.dumps(out))
    """
)


def in_child(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["peak_mb"] is not None:
        assert report["peak_mb"] < BUDGET_MB, report
    return report


def font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))


def one_page(pdf: pikepdf.Pdf, resources: Dictionary, content: bytes, path: Path) -> None:
    page = Dictionary(Type=Name.Page, MediaBox=Array([0, 0, 300, 300]), Resources=resources)
    page.Contents = pdf.make_stream(content)
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)


def deep_chain(path: Path, links: int = 100_000) -> None:
    """A font dictionary with a made-up key starting a chain of ``links`` objects."""
    pdf = pikepdf.new()
    f1 = font(pdf)
    node = pdf.make_indirect(Dictionary(End=True))
    for _ in range(links):
        node = pdf.make_indirect(Dictionary(Next=node))
    f1.X = node
    one_page(pdf, Dictionary(Font=Dictionary(F1=f1)), b"BT /F1 12 Tf 20 200 Td (DEEP-CHAIN) Tj ET", path)


def sorted_ladder(path: Path, fonts: int = 100_000) -> None:
    """Many fonts, each pointing at the next under a made-up key: shallow from the page, but
    copied in sorted key order it is one path as long as the list."""
    pdf = pikepdf.new()
    nodes = [font(pdf) for _ in range(fonts)]
    for a, b in zip(nodes, nodes[1:], strict=False):
        a.X = b
    table = Dictionary({f"/F{i:06d}": n for i, n in enumerate(nodes)})
    one_page(pdf, Dictionary(Font=table), b"BT /F000000 12 Tf 20 200 Td (SORTED-LADDER) Tj ET", path)


def loops(path: Path) -> None:
    """A form that draws itself, a font that leads back to itself, resources that lead to the page."""
    pdf = pikepdf.new()
    f1 = font(pdf)
    f1.X = Dictionary(Back=f1)
    form = pdf.make_stream(b"BT /F1 10 Tf 0 0 Td (LOOP-FORM) Tj ET /Me Do")
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 100, 20])
    form.Resources = Dictionary(Font=Dictionary(F1=f1), XObject=Dictionary(Me=form))
    resources = pdf.make_indirect(Dictionary(Font=Dictionary(F1=f1), XObject=Dictionary(Me=form)))
    resources.Properties = Dictionary(Again=resources)
    one_page(pdf, resources, b"BT /F1 12 Tf 20 200 Td (LOOPS) Tj ET q 1 0 0 1 20 100 cm /Me Do Q", path)
    with pikepdf.open(path, allow_overwriting_input=True) as again:
        again.pages[0].Resources.Custom = again.pages[0].obj  # the page, from its own resources
        again.save(path)


def inflating(path: Path, megabytes: int = 300) -> None:
    """A content stream of a few hundred KB that inflates to ``megabytes`` MB."""
    pdf = pikepdf.new()
    data = b"BT /F1 12 Tf 20 200 Td (INFLATING-PAGE) Tj ET\n" + b" " * (megabytes << 20)
    stream = pdf.make_stream(zlib.compress(data, 9))
    stream.Filter = Name.FlateDecode
    page = Dictionary(
        Type=Name.Page, MediaBox=Array([0, 0, 300, 300]), Resources=Dictionary(Font=Dictionary(F1=font(pdf)))
    )
    page.Contents = stream
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path, compress_streams=False)


def dense(path: Path, megabytes: int = 5) -> None:
    """Text, then megabytes of tiny filled boxes drawn after it: read by pdfium, object by object."""
    pdf = pikepdf.new()
    boxes = b"".join(b"%d %d 1 1 re f\n" % (i % 290, i // 290 % 290) for i in range((megabytes << 20) // 16))
    data = b"BT /F1 12 Tf 20 200 Td (DENSE-PAGE) Tj ET\n" + boxes
    one_page(pdf, Dictionary(Font=Dictionary(F1=font(pdf))), data, path)


def build_in_child(library: Library, tmp_path: Path, maker, name: str) -> dict:
    source = tmp_path / name
    maker(source)
    number = filed_case(library).number
    added = in_child(CHILD_ADD, str(library.root), number, str(source))
    assert added["screened"] == [True]
    # The packet of the file screened when it was added, then the first packet of a file added
    # before screening was kept (all its pages read by pdfium): the same warnings, within budget.
    reports = []
    for _ in range(2):
        report = in_child(CHILD, str(library.root), number)
        check = run_tool("qpdf", "--check", report["file"], check=False)
        assert check.returncode == 0, check.stdout[-2000:]
        reports.append(report)
        shutil.rmtree(library.root / ".derived" / "screening")
    assert reports[0]["warnings"] == reports[1]["warnings"]
    return reports[1]


@pytest.mark.parametrize(
    ("maker", "marker"), [(deep_chain, "DEEP-CHAIN"), (sorted_ladder, "SORTED-LADDER"), (loops, "LOOPS")]
)
def test_hostile_object_graphs_build(library, tmp_path, maker, marker):
    report = build_in_child(library, tmp_path, maker, f"{marker.lower()}.pdf")
    text = run_tool("pdftotext", report["file"], "-").stdout
    assert marker in text


def test_a_page_of_hundreds_of_thousands_of_objects_builds_unchecked(library, tmp_path):
    report = build_in_child(library, tmp_path, dense, "dense.pdf")
    assert "pdf-not-checked" in report["warnings"]


def test_a_page_that_inflates_to_hundreds_of_megabytes_builds_unchecked(library, tmp_path):
    report = build_in_child(library, tmp_path, inflating, "inflating.pdf")
    assert "pdf-not-checked" in report["warnings"]


def test_walks_are_cut_where_qpdf_would_recurse_too_deep(tmp_path):
    source = tmp_path / "deep.pdf"
    deep_chain(source, links=1000)
    target = tmp_path / "clean.pdf"
    result = pdfsafe.sanitise_pdf(source, target)
    assert result.removed.get(pdfsafe.TOO_DEEP) == 1
    with pikepdf.open(target) as pdf:
        node, depth = pdf.pages[0].Resources.Font.F1.get("/X"), 0
        while isinstance(node, Dictionary) and "/Next" in node:
            node, depth = node.Next, depth + 1
        assert depth < pdfsafe.MAX_NESTING
