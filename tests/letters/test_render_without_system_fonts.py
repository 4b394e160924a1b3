"""Letters render in the fonts shipped with the portal, on a server with no fonts at all."""

import os
import subprocess
import sys
from pathlib import Path

from tests.letters.pdf import pdf_font_names, pdf_pages_text

ROOT = Path(__file__).resolve().parents[2]

RENDER = """
import datetime, sys
import django
django.setup()
from integration_portal.letters.rendering import LetterSection, render_letter_pdf
pdf = render_letter_pdf(
    sections=[LetterSection("da", "Velkommen", "Kære Amal"),
              LetterSection("ar", "مرحباً", "عزيزي أمل"),
              LetterSection("ti", "ሰላም", "ክቡራን ኣማኑኤል")],
    municipality_name="Lejre Kommune", reference="T-1", date=datetime.date(2026, 3, 12),
)
sys.stdout.buffer.write(pdf)
"""


def test_a_letter_renders_with_no_system_fonts(tmp_path):
    # given a fontconfig that knows no fonts at all
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "DEBUG": "1",
           "DJANGO_SETTINGS_MODULE": "integration_portal.settings"}

    # when a letter in Danish, Arabic and Tigrinya is rendered in another process
    result = subprocess.run([sys.executable, "-c", RENDER], cwd=ROOT, env=env,
                            capture_output=True, timeout=120, check=False)

    # then every script is set in the shipped fonts and reads back
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    pdf = result.stdout
    assert {"Letter-Sans", "Letter-Arabic", "Letter-Ethiopic"} <= pdf_font_names(pdf)
    pages = pdf_pages_text(pdf)
    assert "Kære Amal" in pages[0]
    assert "عزيزي أمل" in pages[1]
    assert "ክቡራን ኣማኑኤል" in pages[2]
