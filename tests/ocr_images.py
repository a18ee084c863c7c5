"""Pictures with known text for the OCR tests, drawn with the bundled CJK font."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
FONT = REPO / "resources" / "fonts" / "wqy-microhei.ttc"


def text_image(
    lines: list[tuple[int, int, str]], size: tuple[int, int], font_size: int = 28, background: str = "white"
) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A picture with each (x, y, text) drawn, and each line's ink box (left, top, right, bottom)."""
    font = ImageFont.truetype(str(FONT), font_size)
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    boxes = []
    for x, y, text in lines:
        draw.text((x, y), text, font=font, fill="black")
        left, top, right, bottom = draw.textbbox((x, y), text, font=font)
        boxes.append((int(left), int(top), int(right), int(bottom)))
    return image, boxes


CHAT = [
    (20, 20, "您好，我要申请退款，订单号 2024112912345678"),
    (20, 80, "收件人：张三 电话 13812345678"),
    (20, 140, "地址：北京市朝阳区建国路88号"),
]


def chat_png(path: Path) -> list[tuple[int, int, int, int]]:
    image, boxes = text_image(CHAT, (700, 200))
    image.save(path)
    return boxes


def scanned_pdf(path: Path) -> None:
    """Two pages of A5: the first with a text layer, the second a picture of text only (a scan)."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY-OCR-Test", str(FONT), subfontIndex=0))
    scan, _ = text_image(
        [(40, 60, "快递运单 SF1234567890123"), (40, 140, "寄件人：李四 手机 13912345678")], (1000, 300), 40
    )
    pdf = canvas.Canvas(str(path), pagesize=A5)
    width, height = A5
    pdf.setFont("WQY-OCR-Test", 14)
    pdf.drawString(50, height - 80, "这一页有文字层")
    pdf.showPage()
    # The scan fills the page's width at the top: 1000 px over the page's width in points.
    shown = width / 1000
    pdf.drawImage(ImageReader(scan), 0, height - 300 * shown, width=width, height=300 * shown)
    pdf.showPage()
    pdf.save()
