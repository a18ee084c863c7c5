"""Evidence PDFs with active content, forms, notes, layers and hidden text, made with pikepdf.

Each is what a party could hand a clerk: a statement with a JavaScript action on a page, a
link that starts a program, an attachment hidden in the page resources, a filled-in form, a
sticky note and a stamp, a layer that is off when opened, an invisible OCR-style text layer
and a "black box" drawn over a number that is still there underneath.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

PAGE = (0, 0, 400, 400)

# Colours drawn by appearances and layers, looked for in rendered pages (RGB at 60 dpi).
FORM_RED = (230, 0, 0)
NOTE_YELLOW = (255, 230, 0)
STAMP_BLUE = (0, 0, 230)
HIDDEN_GREEN = (0, 200, 0)
SHADE_FROM = (255, 128, 0)  # an axial shading pattern, left to right
SHADE_TO = (128, 0, 255)


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding)
    )


def _form(pdf: pikepdf.Pdf, content: bytes, bbox: list[float], resources: Dictionary | None = None) -> pikepdf.Stream:
    form = pdf.make_stream(content)
    form.Type = Name.XObject
    form.Subtype = Name.Form
    form.BBox = Array(bbox)
    form.Resources = resources if resources is not None else Dictionary()
    return form


def _page(pdf: pikepdf.Pdf, content: bytes, resources: Dictionary) -> pikepdf.Page:
    page = pikepdf.Page(
        Dictionary(Type=Name.Page, MediaBox=Array(PAGE), Resources=resources, Contents=pdf.make_stream(content))
    )
    pdf.pages.append(page)
    return pdf.pages[-1]


def _annotation(pdf: pikepdf.Pdf, subtype: Name, rect: list[float], appearance: pikepdf.Stream, **more) -> Dictionary:
    """A printable annotation showing ``appearance`` in ``rect``."""
    return pdf.make_indirect(
        Dictionary(Type=Name.Annot, Subtype=subtype, Rect=Array(rect), F=4, AP=Dictionary(N=appearance), **more)
    )


def rgb(c: tuple[int, int, int]) -> bytes:
    return " ".join(f"{v / 255:.3f}" for v in c).encode()


def hostile_pdf(path: Path) -> None:
    """Three pages.

    1. Active content and things drawn over the page: a page /AA with JavaScript, a link whose
       action launches a program, a URI link, an embedded file under a made-up resource key, a
       filled text field with its appearance (red box, "FORM-VALUE-42"), a sticky note (yellow
       icon), a stamp (blue box), a hidden annotation (never shown), document JavaScript and an
       OpenAction.
    2. Layers and invisible text: a layer off by default with "HIDDEN-LAYER-SECRET" and a green
       box, a form XObject in that layer ("HIDDEN-XOBJECT-SECRET"), a layer on by default
       ("VISIBLE-LAYER-TEXT"), and text drawn invisibly (render mode 3) "INVISIBLE-MARKER-TEXT".
    3. Text under a black box: "COVERED-MARKER-TEXT" (no personal data here: packets mask that,
       see test_disclosure_leaks.py).
    """
    pdf = pikepdf.new()
    font = _font(pdf)
    js = pdf.make_indirect(Dictionary(Type=Name.Action, S=Name.JavaScript, JS=String("app.alert('page opened');")))
    payload = pdf.make_stream(b"MZ\x90\x00 this would be a program")
    payload.Type = Name.EmbeddedFile

    # Page 1
    launch_in_state = Dictionary(S=Name.Launch, F=String("payload.exe"))
    logo = _form(
        pdf,
        b"/GS1 gs BT /F1 8 Tf 0 2 Td (LOGO-TEXT) Tj ET",
        [0, 0, 60, 12],
        Dictionary(Font=Dictionary(F1=font), ExtGState=Dictionary(GS1=Dictionary(ca=1, X=launch_in_state))),
    )
    logo.OnShow = js  # made-up keys: copied whole with the form today
    logo.AA = Dictionary(PO=Dictionary(S=Name.URI, URI=String("http://tracker.example/open")))
    resources = Dictionary(
        Font=Dictionary(F1=font),
        XObject=Dictionary(Logo=logo),
        ProcSet=Array([Name.PDF, Name.Text]),
        Stash=Dictionary(Payload=payload),  # not a resource category: a hiding place
    )
    page1 = _page(pdf, b"BT /F1 14 Tf 20 360 Td (VISIBLE-PAGE-ONE) Tj ET q 1 0 0 1 20 60 cm /Logo Do Q", resources)
    page1.obj.AA = Dictionary(O=js)

    launch = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=Array([20, 320, 200, 340]),
        Border=Array([0, 0, 0]),
        A=Dictionary(S=Name.Launch, F=String("cmd.exe"), Win=Dictionary(F=String("cmd.exe"), P=String("/c calc"))),
    )
    uri = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=Array([20, 290, 200, 310]),
        Border=Array([0, 0, 0]),
        A=Dictionary(S=Name.URI, URI=String("http://tracker.example/collect?id=1")),
    )
    field_ap = _form(
        pdf,
        b"/Tx BMC q "
        + rgb(FORM_RED)
        + b" rg 0 0 160 24 re f 1 1 1 rg BT /Helv 12 Tf 4 7 Td (FORM-VALUE-42) Tj ET Q EMC",
        [0, 0, 160, 24],
        Dictionary(Font=Dictionary(Helv=font)),
    )
    field = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            T=String("amount"),
            V=String("FORM-VALUE-42"),
            DA=String("/Helv 12 Tf 0 g"),
            F=4,
            Rect=Array([20, 230, 180, 254]),
            AP=Dictionary(N=field_ap),
            AA=Dictionary(K=Dictionary(S=Name.JavaScript, JS=String("event.value = 1;"))),
        )
    )
    note_icon = _form(pdf, rgb(NOTE_YELLOW) + b" rg 0 0 30 30 re f", [0, 0, 30, 30])
    note = _annotation(pdf, Name.Text, [300, 340, 330, 370], note_icon, Contents=String("Sticky note text"))
    stamp = _annotation(
        pdf, Name.Stamp, [220, 150, 380, 210], _form(pdf, rgb(STAMP_BLUE) + b" rg 0 0 160 60 re f", [0, 0, 160, 60])
    )
    green = _form(pdf, rgb(HIDDEN_GREEN) + b" rg 0 0 100 100 re f", [0, 0, 100, 100])
    hidden_annot = _annotation(pdf, Name.Square, [20, 20, 120, 120], green)
    hidden_annot.F = 2  # Hidden
    page1.obj.Annots = Array([pdf.make_indirect(a) for a in (launch, uri)] + [field, note, stamp, hidden_annot])
    field.P = page1.obj

    # Page 2: layers and invisible text.
    hidden = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Internal notes")))
    shown = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Printed")))
    secret_form = _form(
        pdf, b"BT /F1 12 Tf 0 0 Td (HIDDEN-XOBJECT-SECRET) Tj ET", [0, 0, 300, 20], Dictionary(Font=Dictionary(F1=font))
    )
    secret_form.OC = hidden
    content2 = (
        b"/OC /L1 BDC q " + rgb(HIDDEN_GREEN) + b" rg 200 200 150 150 re f Q "
        b"BT /F1 12 Tf 20 360 Td (HIDDEN-LAYER-SECRET) Tj ET EMC\n"
        b"/OC /L2 BDC BT /F1 12 Tf 20 330 Td (VISIBLE-LAYER-TEXT) Tj ET EMC\n"
        b"q 1 0 0 1 20 300 cm /Secret Do Q\n"
        b"BT /F1 12 Tf 3 Tr 20 100 Td (INVISIBLE-MARKER-TEXT) Tj ET\n"
    )
    _page(
        pdf,
        content2,
        Dictionary(
            Font=Dictionary(F1=font),
            Properties=Dictionary(L1=hidden, L2=shown),
            XObject=Dictionary(Secret=secret_form),
        ),
    )

    # Page 3: a black box drawn over text, and a shading pattern.
    shading = Dictionary(
        ShadingType=2,
        ColorSpace=Name.DeviceRGB,
        Coords=Array([20, 0, 380, 0]),
        Function=Dictionary(
            FunctionType=2,
            Domain=Array([0, 1]),
            C0=Array([v / 255 for v in SHADE_FROM]),
            C1=Array([v / 255 for v in SHADE_TO]),
            N=1,
        ),
        Extend=Array([True, True]),
    )
    pattern = pdf.make_indirect(Dictionary(Type=Name.Pattern, PatternType=2, Shading=shading))
    _page(
        pdf,
        b"BT /F1 12 Tf 20 200 Td (COVERED-MARKER-TEXT) Tj ET\n"
        b"BT /F1 12 Tf 20 250 Td (UNCOVERED-TEXT) Tj ET\n"
        b"0 0 0 rg 15 195 230 20 re f\n"
        b"/Pattern cs /Sh1 scn 20 40 360 60 re f\n",
        Dictionary(Font=Dictionary(F1=font), Pattern=Dictionary(Sh1=pattern)),
    )

    pdf.Root.OCProperties = Dictionary(
        OCGs=Array([hidden, shown]), D=Dictionary(BaseState=Name.ON, OFF=Array([hidden]), Order=Array([hidden, shown]))
    )
    pdf.Root.AcroForm = Dictionary(
        Fields=Array([field]), DA=String("/Helv 12 Tf 0 g"), DR=Dictionary(Font=Dictionary(Helv=font))
    )
    pdf.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=String("app.alert('opened');"))
    names_js = Dictionary(Names=Array([String("init"), js]))
    filespec = Dictionary(Type=Name.Filespec, F=String("invoice.exe"), EF=Dictionary(F=payload))
    pdf.Root.Names = Dictionary(
        JavaScript=names_js, EmbeddedFiles=Dictionary(Names=Array([String("invoice.exe"), filespec]))
    )
    pdf.save(path)


def unsafe_layer_pdf(path: Path) -> None:
    """A layer off by default that hides text in the middle of a line: the rest of the line
    depends on where the hidden text ended, so it cannot be left out without moving it."""
    pdf = pikepdf.new()
    font = _font(pdf)
    hidden = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Hidden")))
    _page(pdf, b"BT /F1 12 Tf 20 200 Td (FIRST PAGE) Tj ET", Dictionary(Font=Dictionary(F1=font)))
    _page(
        pdf,
        b"BT /F1 12 Tf 20 200 Td (Amount: ) Tj /OC /H BDC (SECRET) Tj EMC ( yuan) Tj ET",
        Dictionary(Font=Dictionary(F1=font), Properties=Dictionary(H=hidden)),
    )
    pdf.Root.OCProperties = Dictionary(OCGs=Array([hidden]), D=Dictionary(OFF=Array([hidden])))
    pdf.save(path)


def form_pdf(path: Path, value: str, *, appearance: bytes | None = None, need_appearances: bool = False) -> None:
    """One text field holding ``value``, with the given appearance stream (or none)."""
    pdf = pikepdf.new()
    font = _font(pdf)
    page = _page(pdf, b"BT /F1 12 Tf 20 360 Td (A FORM) Tj ET", Dictionary(Font=Dictionary(F1=font)))
    widget = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        FT=Name.Tx,
        T=String("name"),
        V=String(value),
        DA=String("/Helv 12 Tf 0 g"),
        F=4,
        Rect=Array([20, 300, 220, 324]),
        P=page.obj,
    )
    if appearance is not None:
        widget.AP = Dictionary(N=_form(pdf, appearance, [0, 0, 200, 24], Dictionary(Font=Dictionary(Helv=font))))
    field = pdf.make_indirect(widget)
    page.obj.Annots = Array([field])
    pdf.Root.AcroForm = Dictionary(
        Fields=Array([field]),
        DA=String("/Helv 12 Tf 0 g"),
        DR=Dictionary(Font=Dictionary(Helv=font)),
        NeedAppearances=need_appearances,
    )
    pdf.save(path)


def layered_note_pdf(path: Path) -> None:
    """A stamp annotation in a layer that is off by default (a green box)."""
    pdf = pikepdf.new()
    page = _page(pdf, b"BT /F1 12 Tf 20 360 Td (NOTE PAGE) Tj ET", Dictionary(Font=Dictionary(F1=_font(pdf))))
    layer = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Reviewer")))
    green = _form(pdf, rgb(HIDDEN_GREEN) + b" rg 0 0 200 200 re f", [0, 0, 200, 200])
    page.obj.Annots = Array([_annotation(pdf, Name.Stamp, [20, 20, 220, 220], green, OC=layer)])
    pdf.Root.OCProperties = Dictionary(OCGs=Array([layer]), D=Dictionary(OFF=Array([layer])))
    pdf.save(path)


def hidden_text_pdf(path: Path) -> None:
    """Seven pages, text hidden or not:

    1. a highlight (multiply blend) over text: still seen;
    2. a black "rectangle" comment over a phone number: covered;
    3. a scan (an image) with its OCR text in render mode 3: invisible;
    4. a white box drawn over text: covered;
    5. white text on a black bar drawn first: seen;
    6. a 30% opaque box over text: seen;
    7. text covered inside a form XObject drawn rotated: covered.
    """
    pdf = pikepdf.new()
    font = _font(pdf)
    fonts = Dictionary(Font=Dictionary(F1=font))
    page = _page(pdf, b"BT /F1 12 Tf 20 200 Td (HIGHLIGHTED-TEXT) Tj ET", fonts)
    multiply = Dictionary(ExtGState=Dictionary(GS0=Dictionary(BM=Name.Multiply)))
    highlight = _form(pdf, b"/GS0 gs 1 1 0 rg 0 0 160 20 re f", [0, 0, 160, 20], multiply)
    page.obj.Annots = Array([_annotation(pdf, Name.Highlight, [15, 195, 175, 215], highlight)])
    page = _page(pdf, b"BT /F1 12 Tf 20 200 Td (ANNOT-COVERED-13900001111) Tj ET", fonts)
    box = _form(pdf, b"0 0 0 rg 0 0 220 20 re f", [0, 0, 220, 20])
    page.obj.Annots = Array([_annotation(pdf, Name.Square, [15, 195, 235, 215], box, IC=Array([0, 0, 0]))])
    scan = pikepdf.Stream(pdf, b"\x80" * 2500)
    scan.Type, scan.Subtype, scan.Width, scan.Height = Name.XObject, Name.Image, 50, 50
    scan.ColorSpace, scan.BitsPerComponent = Name.DeviceGray, 8
    _page(
        pdf,
        b"q 400 0 0 400 0 0 cm /Im0 Do Q BT 3 Tr /F1 12 Tf 20 200 Td (OCR-LAYER-TEXT) Tj ET",
        Dictionary(Font=Dictionary(F1=font), XObject=Dictionary(Im0=scan)),
    )
    _page(pdf, b"BT /F1 12 Tf 20 200 Td (WHITED-OUT) Tj ET 1 1 1 rg 10 190 200 30 re f", fonts)
    _page(pdf, b"0 0 0 rg 10 190 200 30 re f 1 1 1 rg BT /F1 12 Tf 20 200 Td (WHITE-ON-BLACK) Tj ET", fonts)
    _page(
        pdf,
        b"BT /F1 12 Tf 20 200 Td (UNDER-GLASS) Tj ET /G gs 0 0 0 rg 10 190 200 30 re f",
        Dictionary(Font=Dictionary(F1=font), ExtGState=Dictionary(G=Dictionary(ca=0.3))),
    )
    inner = _form(
        pdf,
        b"BT /F1 12 Tf 0 0 Td (FORM-TEXT-COVERED) Tj ET 0 0 0 rg -2 -3 200 16 re f",
        [0, -5, 300, 20],
        Dictionary(Font=Dictionary(F1=font)),
    )
    _page(pdf, b"q 0 1 -1 0 300 50 cm /X Do Q", Dictionary(XObject=Dictionary(X=inner)))
    pdf.save(path)


def statement_pdf(path: Path, pages: int = 1) -> Path:
    """A plain statement of account of ``pages`` pages (nothing to remove), drawn by ReportLab."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), invariant=1)
    for p in range(pages):
        canvas.setFont("Helvetica", 12)
        canvas.drawString(72, 720, f"Statement of account, page {p + 1}")
        canvas.drawString(72, 700, "Order TB2026112000001 paid 1299.00")
        canvas.showPage()
    canvas.save()
    return path


def count_sanitiser_runs(patch: pytest.MonkeyPatch) -> list[int]:
    """A one-item list counting the sanitiser's runs while ``patch`` holds (a test's monkeypatch or its context)."""
    from casefile.core.disclosure import pdf as pdfsafe

    runs = [0]
    real = pdfsafe._Sanitiser.run

    def counted(self: pdfsafe._Sanitiser) -> pdfsafe.SanitisedPdf:
        runs[0] += 1
        return real(self)

    patch.setattr(pdfsafe._Sanitiser, "run", counted)
    return runs
