"""The admin-language check cuts content out before judging what is left as interface text."""

from editorial.english_words import content_strings, english_words, without_content


def test_a_title_holding_a_code_like_chunk_is_content_not_english_interface():
    title = "Project on bio-products for aquaculture accepted"
    content = content_strings([title, "bio-products"])
    assert english_words(without_content(f"{title} ", content)) == []
    # As the translations report shows it, with the language after the title.
    assert english_words(without_content(f"{title} (Tiếng Anh)", content)) == []


def test_a_single_content_word_inside_code_leaves_the_code_alone():
    assert english_words(without_content("home.homepage", content_strings(["home"]))) == []


def test_interface_english_beside_content_is_still_found():
    content = content_strings(["Project on bio-products for aquaculture accepted"])
    left = without_content("Project on bio-products for aquaculture accepted Edit page", content)
    assert english_words(left)
