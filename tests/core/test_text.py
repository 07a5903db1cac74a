"""Folding: case, tone and vowel marks, đ/Đ, in NFC and NFD input alike."""

import re
import unicodedata

import pytest

from core.text import excerpt, fold, folded_for_index, highlight, query_words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("thi đua", "thi dua"),
        ("Hải Phòng", "hai phong"),
        ("Giáo dục", "giao duc"),
        ("Đỗ Văn Lợi", "do van loi"),
        ("ĐOÀN KẾT", "doan ket"),
        ("Nghị quyết Đại hội Đảng bộ", "nghi quyet dai hoi dang bo"),
        ("ế ộ ữ ặ ẫ ỡ ự", "e o u a a o u"),
        ("Sở KH&CN", "so kh&cn"),
    ],
)
def test_fold_nfc_and_nfd(text, folded):
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


def test_index_text_joins_ampersand_abbreviations():
    assert folded_for_index("Sở KH&CN", "Sở GD&ĐT").split()[-2:] == ["khcn", "gddt"]


def test_query_words_drop_operators_and_nfd():
    assert query_words('"Đỗ  Văn" OR (Lợi)* -x') == ["đỗ", "văn", "or", "lợi", "x"]
    assert query_words(unicodedata.normalize("NFD", "Lợi")) == ["lợi"]
    assert len(query_words("từ " * 1000)) == 32


def test_highlight_marks_folded_matches_and_escapes():
    html = highlight("<b>Đỗ Văn Lợi</b> & đồng chí", ["do", "loi"])
    assert html == "&lt;b&gt;<mark>Đỗ</mark> Văn <mark>Lợi</mark>&lt;/b&gt; &amp; đồng chí"
    # Whole words only: "do" is not marked inside "độc" or "đoàn".
    assert "<mark>" not in highlight("độc lập, đoàn kết", ["do"])


def test_highlight_nfd_text():
    html = highlight(unicodedata.normalize("NFD", "Đỗ Văn Lợi"), ["lợi"])
    assert html.endswith("<mark>Lợi</mark>")


def test_excerpt_centres_on_the_most_words():
    text = "văn bản " * 60 + "đồng chí Đỗ Văn Lợi phát biểu " + "kết luận " * 60
    html = excerpt(text, ["do", "van", "loi"])
    assert "<mark>Đỗ</mark> <mark>Văn</mark> <mark>Lợi</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(re.sub(r"</?mark>", "", html)) <= 240 + len("…  …")
