"""Builds one bundle with BunTool (the open-source Python bundler for UK courts) from a folder
of PDFs and an index CSV, for the whole-process comparison in bench/compare-python-bundler.sh.

BunTool's code is not part of Sanad: it is imported from $BUNTOOL_DIR (a folder holding its
`buntool` package). This script does what BunTool's Flask route `create_bundle` does with an
upload, without the web server: each file becomes a werkzeug FileStorage over its bytes, the
index CSV is passed as the bundle config's csv_string, `bundle.create_bundle` builds the bundle
(index, page numbers, bookmarks, hyperlinks, the .docx index and the zip BunTool always makes),
and the PDF is copied to OUT_DIR as the app copies it to its download folder.

usage: BUNTOOL_DIR=/path python3 python-bundler-driver.py INDEX.csv PDF_DIR OUT_DIR
"""

import io
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path


def main() -> int:
    if len(sys.argv) != 4 or not os.environ.get("BUNTOOL_DIR"):
        sys.stderr.write(__doc__)
        return 2
    index_csv, pdf_dir, out_dir = (Path(a) for a in sys.argv[1:])
    sys.path.insert(0, os.environ["BUNTOOL_DIR"])
    import pikepdf

    # BunTool is written for pikepdf 10. Debian 12 ships pikepdf 6.0, which needs two shims (and
    # nothing else) for BunTool's own code to run unchanged: Page lives in pikepdf._qpdf, not
    # pikepdf._core, and a Rectangle must be turned into an array before it goes into a Dictionary.
    old_pikepdf = not hasattr(pikepdf, "_core")
    if old_pikepdf:
        sys.modules["pikepdf._core"] = pikepdf._qpdf
    from werkzeug.datastructures import FileStorage

    from buntool import bundle
    from buntool.bundle_config import BundleConfigParams

    if old_pikepdf:
        bundle.Rectangle = lambda *corners: pikepdf.Rectangle(*corners).as_array()

    csv_string = index_csv.read_text(encoding="utf-8")
    names = [line.split(",", 1)[0] for line in csv_string.splitlines()[1:] if line.strip()]
    files = [FileStorage(stream=io.BytesIO((pdf_dir / n).read_bytes()), filename=n, content_type="application/pdf") for n in names]

    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / "buntool-work"
    timestamp = datetime.now().strftime("%Y%m%d_%H%M%S")
    # The web form's choices: right-aligned "Page N" in a sans font, UK dates, "tab title" bookmarks.
    config = bundle.BundleConfig(
        BundleConfigParams(
            timestamp=timestamp,
            case_details={"bundle_title": "Appellant's bundle", "claim_no": "PA/00000/2026", "case_name": "A. Appellant v SSHD"},
            csv_string=csv_string,
            confidential_bool=False,
            zip_bool=True,
            session_id="bench",
            user_agent="bench",
            page_num_align="right",
            index_font="sans",
            footer_font="sans",
            page_num_style="page_x",
            footer_prefix="",
            date_setting="uk_abbreviated_date",
            roman_for_preface=False,
            temp_dir=work / "tempfiles",
            logs_dir=work / "logs",
            bookmark_setting="tab-title",
        )
    )
    pdf_path, _zip_path = bundle.create_bundle(files, f"bundle_{timestamp}.pdf", None, None, config)
    if not pdf_path or not Path(pdf_path).exists():
        sys.stderr.write("BunTool did not write a bundle (see the log above).\n")
        return 1
    final = out_dir / "buntool-bundle.pdf"
    shutil.copy2(pdf_path, final)
    print(final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
