"""A letter renders to a PDF with a Danish section first and then the person's language, in
the shipped fonts, with right-to-left languages laid out right-to-left."""

import datetime
import re

import pytest

from integration_portal.letters.rendering import LetterSection, render_letter_pdf
from tests.letters.pdf import pdf_font_names, pdf_pages_text, pdf_text_runs, words

DANISH = LetterSection(
    language="da", subject="Velkommen til Lejre Kommune",
    body="Kære Amal\n\nDin sagsbehandler er Mette Sørensen.\nDu kan altid bede om en tolk.",
)
ARABIC = LetterSection(
    language="ar", subject="مرحباً بك في بلدية Lejre",
    body="عزيزي/عزيزتي أمل\n\nالموظف المسؤول عن ملفك هو Mette Sørensen.\n"  # noqa: RUF001
         "يمكنك دائماً أن تطلب مترجماً فورياً.",
)
TIGRINYA = LetterSection(
    language="ti", subject="እንቋዕ ብደሓን ናብ ኮሙነ Lejre መጻእኩም",
    body="ክቡራን ኣማኑኤል\n\nጉዳይኩም ዝከታተል ሰራሕተኛ Mette Sørensen እዩ።\nኩሉ ግዜ ተርጓሚ ክትሓቱ ትኽእሉ ኢኹም።",
)


def render(*sections: LetterSection, recipient_lines=("Amal Haddad",)) -> bytes:
    return render_letter_pdf(
        sections=list(sections), municipality_name="Lejre Kommune", reference="T-2026-00042",
        date=datetime.date(2026, 3, 12), recipient_lines=recipient_lines,
    )


@pytest.fixture(scope="module")
def arabic_pdf() -> bytes:
    return render(DANISH, ARABIC)


def test_the_letter_is_a_pdf_with_one_page_per_language(arabic_pdf):
    # then
    assert arabic_pdf.startswith(b"%PDF-")
    pages = pdf_pages_text(arabic_pdf)
    assert len(pages) == 2
    assert "Dansk" in pages[0] and "العربية" in pages[1]


def test_the_letterhead_has_the_municipality_date_reference_and_addressee(arabic_pdf):
    first_page = pdf_pages_text(arabic_pdf)[0]

    assert "Lejre Kommune" in first_page
    assert "T-2026-00042" in first_page
    assert "12. marts 2026" in first_page
    assert "Amal Haddad" in first_page


def test_the_pages_are_numbered_page_of_pages(arabic_pdf):
    pages = pdf_pages_text(arabic_pdf)

    assert re.search(r"\b1/2\b", pages[0])
    assert re.search(r"\b2/2\b", pages[1])


def test_the_danish_section_comes_first_with_the_persons_name(arabic_pdf):
    first_page = words(pdf_pages_text(arabic_pdf)[0])

    assert "Velkommen til Lejre Kommune" in first_page
    assert "Kære Amal" in first_page
    assert "Din sagsbehandler er Mette Sørensen." in first_page


def test_the_arabic_section_holds_the_arabic_text(arabic_pdf):
    # when the text is read back (NFKC turns shaped presentation forms into letters)
    second_page = words(pdf_pages_text(arabic_pdf)[1])

    # then the Arabic phrases, the name and the Latin name inside the Arabic text are there
    assert "أمل" in second_page
    assert "الموظف المسؤول عن ملفك هو" in second_page
    assert "يمكنك دائماً أن تطلب مترجماً فورياً" in second_page
    assert "Mette Sørensen" in second_page


def test_the_arabic_section_is_right_aligned_and_the_danish_left_aligned(arabic_pdf):
    # given where the (short) language label of each section starts on its page
    danish_label_x = next(x for x, text in pdf_text_runs(arabic_pdf, 1) if text == "Dansk")
    arabic_label_x = next(x for x, text in pdf_text_runs(arabic_pdf, 2) if text == "العربية")

    # then Danish starts at the left margin and Arabic ends at the right margin
    page_width = max(x for x, _ in pdf_text_runs(arabic_pdf, 1))  # "1/2" at the right margin
    assert danish_label_x < page_width * 0.2
    assert arabic_label_x > page_width * 0.8


def test_the_shipped_fonts_are_embedded(arabic_pdf):
    assert {"Letter-Sans", "Letter-Sans-Bold", "Letter-Arabic", "Letter-Arabic-Bold"} <= (
        pdf_font_names(arabic_pdf)
    )


def test_the_tigrinya_section_is_in_ethiopic_script_and_the_shipped_font():
    # when
    pdf = render(DANISH, TIGRINYA, recipient_lines=("Amanuel Tesfay",))

    # then
    second_page = words(pdf_pages_text(pdf)[1])
    assert "ትግርኛ" in second_page
    assert "ጉዳይኩም ዝከታተል ሰራሕተኛ Mette Sørensen እዩ።" in second_page
    assert "ኩሉ ግዜ ተርጓሚ ክትሓቱ ትኽእሉ ኢኹም።" in second_page
    assert {"Letter-Ethiopic", "Letter-Ethiopic-Bold"} <= pdf_font_names(pdf)
    assert "Amanuel Tesfay" in pdf_pages_text(pdf)[0]


def test_markup_in_a_text_is_printed_as_text_not_interpreted():
    # given a text (an administrator's, or a name) with markup that would fetch a file
    section = LetterSection(
        language="da", subject="<b>Emne</b>",
        body='Kære <img src="file:///etc/hostname"> Amal',
    )

    # when
    text = words(pdf_pages_text(render(section))[0])

    # then
    assert "<b>Emne</b>" in text
    assert 'Kære <img src="file:///etc/hostname"> Amal' in text


def test_a_letter_without_sections_is_an_error():
    with pytest.raises(ValueError, match="at least one section"):
        render()
