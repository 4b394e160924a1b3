"""Pages run no inline code, so the Content-Security-Policy can forbid it.

Scans every template the browser is shown (ours, and the allauth/admin ones we override) and
the HTML our Python code builds. PDF templates are exempt: WeasyPrint renders them on the
server, where no browser policy applies; so are e-mail bodies, which are read elsewhere.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["integration_portal", "reception", "volunteers", "housing", "employment"]
FORBIDDEN = {
    # <script> without src= (a JSON data block, as from |json_script, is not code)
    "inline script": re.compile(
        r"<script\b(?![^>]*\bsrc=)(?![^>]*type=[\"']application/(?:ld\+)?json)", re.I),
    "event handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I | re.S),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I | re.S),
    "style element": re.compile(r"<style\b", re.I),
}


def browser_templates() -> list[Path]:
    dirs = [ROOT / "templates"] + [path for package in PACKAGES
                                   for path in (ROOT / package).glob("**/templates")]
    found = []
    for directory in dirs:
        for path in directory.rglob("*.html"):
            relative = path.relative_to(directory)
            if "pdf" in relative.parts or path.stem.endswith("_pdf") or "email" in relative.parts:
                continue
            found.append(path)
    return sorted(found)


TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}", re.S)


def template_text(path: Path) -> str:
    return TEMPLATE_COMMENT.sub("", path.read_text(encoding="utf-8"))


def python_sources() -> list[Path]:
    # Modules that build PDFs feed WeasyPrint, not a browser.
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
                  if "migrations" not in path.parts and "pdf" not in path.stem)


def string_literals(path: Path) -> str:
    """The module's strings, without docstrings (which may well talk about <script>)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return "\n".join(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)
                     and id(node) not in docstrings)


def violations(text: str) -> list[str]:
    return [name for name, pattern in FORBIDDEN.items() if pattern.search(text)]


def test_the_scan_finds_the_templates():
    names = {path.relative_to(ROOT).as_posix() for path in browser_templates()}

    assert "templates/base.html" in names
    assert "templates/account/login.html" in names
    assert not any("/pdf/" in name for name in names)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    '<script type="text/javascript">alert(1)</script>',
    '<button type="button" onclick="go()">Go</button>',
    '<a href="javascript:go()">Go</a>',
    '<p class="x" style="color: red">Red</p>',
    "<style>p { color: red }</style>",
])
def test_the_scan_catches_inline_code(text):
    assert violations(text)


@pytest.mark.parametrize("text", [
    '<script src="/static/js/portal.js" defer></script>',
    '<script id="data" type="application/json">{"a": 1}</script>',
    '<button type="button" class="js-menu-open" data-online="1">Menu</button>',
    "{% include 'x.html' with styles=1 %}",
    "{# htmx must not inject a <style> element #}",
])
def test_the_scan_lets_static_code_and_data_through(text):
    assert not violations(TEMPLATE_COMMENT.sub("", text))


def test_no_template_the_browser_is_shown_has_inline_code():
    found = {path.relative_to(ROOT).as_posix(): problems for path in browser_templates()
             if (problems := violations(template_text(path)))}

    assert found == {}, "Move scripts to static/js and styles to static/css: the CSP blocks them"


def test_no_python_code_builds_html_with_inline_code():
    found = {}
    for path in python_sources():
        if problems := violations(string_literals(path)):
            found[path.relative_to(ROOT).as_posix()] = problems

    assert found == {}, "Move scripts to static/js and styles to static/css: the CSP blocks them"
