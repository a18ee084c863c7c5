"""Screenshots of the app for docs/, taken from a real window (run under Xvfb or a desktop).

    DISPLAY=:99 .venv/bin/python tools/screenshots.py LIBRARY [--lang zh_CN]

LIBRARY is a library with cases (tools/sample_bundles.py makes one). Writes docs/app-*.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from casefile.core.library import Library  # noqa: E402
from casefile.core.settings import Settings  # noqa: E402
from casefile.ui.app import make_application  # noqa: E402
from casefile.ui.context import AppContext  # noqa: E402
from casefile.ui.i18n import install  # noqa: E402
from casefile.ui.main_window import MainWindow  # noqa: E402
from casefile.ui.tasks import TaskRunner  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", type=Path)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    app = make_application()
    install(app, args.lang)
    library = Library.open(args.library, "李律师")
    ctx = AppContext(
        library=library, settings=Settings(language=args.lang, org_name="上海某某律师事务所"), runner=TaskRunner()
    )
    window = MainWindow(ctx)
    window.resize(1360, 820)
    window.show()
    out: Path = args.out
    out.mkdir(exist_ok=True)

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def shoot() -> None:
        window.cases.select(library.case_numbers()[0])
        settle()
        window.grab().save(str(out / "app-case-list.png"))
        window.workspace.setCurrentWidget(window.workspace.evidence)
        window.workspace.evidence.table.selectRow(10)  # a photo with EXIF: device, place, capture time
        settle()
        window.grab().save(str(out / "app-evidence.png"))
        window.workspace.evidence.act_grid.trigger()
        for _ in range(30):  # thumbnails arrive from the background
            app.processEvents()
            window.workspace.evidence.thumbs.wait(100)
        settle()
        window.grab().save(str(out / "app-evidence-grid.png"))
        window.workspace.evidence.act_grid.trigger()
        window.workspace.setCurrentWidget(window.workspace.bundles)
        tab = window.workspace.bundles
        tab.venue_combo.setCurrentIndex(max(0, tab.venue_combo.findData("court")))
        settle()
        tab._go(2)  # the Check step, as Next, Next would
        tab.run_preflight()
        settle()
        window.grab().save(str(out / "app-bundle-wizard.png"))
        from casefile.ui.walkin import WalkInDialog

        dialog = WalkInDialog(ctx, window)
        dialog.name.setText("王芳")
        dialog.phone.setText("13912345678")
        dialog.product.setText("电动牙刷")
        dialog.amount.setText("299")
        dialog.facts.setPlainText("昨天在本店购买，今天充电后无法开机。")
        dialog.show()
        settle()
        dialog.grab().save(str(out / "app-walkin.png"))
        dialog.reject()
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()
    library.close()


if __name__ == "__main__":
    main()
