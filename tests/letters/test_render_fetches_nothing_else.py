"""The renderer reads the shipped font files and nothing else: no network, no other files."""

import pytest

from integration_portal.letters.rendering import FONT_DIR, _FontsOnlyFetcher


@pytest.mark.parametrize("url", [
    "file:///etc/hostname",
    (FONT_DIR / ".." / "rendering.py").as_uri(),
    FONT_DIR.as_uri() + "/../rendering.py",
    "http://127.0.0.1/logo.png",
    "data:text/plain,hello",
])
def test_anything_but_a_font_file_is_refused(url):
    with pytest.raises(ValueError, match="only its own fonts"):
        _FontsOnlyFetcher(allowed_protocols=("file",)).fetch(url)


def test_a_shipped_font_file_is_read():
    # when
    response = _FontsOnlyFetcher(allowed_protocols=("file",)).fetch(
        (FONT_DIR / "NotoNaskhArabic-Regular.ttf").as_uri()
    )

    # then
    try:
        assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    finally:
        response.close()


def test_the_font_licence_is_shipped_with_the_fonts():
    licence = (FONT_DIR / "OFL.txt").read_text()

    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "NotoNaskhArabic" in licence and "NotoSansEthiopic" in licence
