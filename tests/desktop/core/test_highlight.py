from __future__ import annotations

from desktop.core.highlight import highlight_html, matched_words


def test_matches_ignore_accents_and_case_and_are_prefixes() -> None:
    text = "Canción de CUMPLEAÑOS <en> la playa"
    assert matched_words(text, ["cancion", "cumple"]) == ["Canción", "CUMPLEAÑOS"]
    assert highlight_html(text, ["pla"]) == (
        'Canción de CUMPLEAÑOS &lt;en&gt; la <b style="background:#fff1a8">playa</b>'
    )
    assert highlight_html("a\nb", []) == "a\nb"


def test_line_breaks_stay_line_breaks_around_highlighted_words() -> None:
    assert highlight_html("uno\ndos", ["dos"]) == 'uno<br><b style="background:#fff1a8">dos</b>'
