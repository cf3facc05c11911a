"""Apertium's stream format, written and read in Python so that many texts share one process.

``apertium -f none`` reads the format its deformatters produce: reserved characters escaped with
a backslash, formatting kept in "superblanks" (``[...]``) that every module passes through
unchanged and in place. Each text is therefore escaped, its line breaks put in superblanks, and
the texts are joined with a superblank that cannot occur in an escaped text; the answer is split
on that same superblank. ``.[]`` ends every text like ``apertium-destxt`` ends a paragraph, so
that the tagger and the transfer never join the end of one text to the start of the next.
"""

from __future__ import annotations

import re

# Characters with a meaning in the stream format (apertium-destxt escapes the same set).
_RESERVED = frozenset("\\[]{}<>^$/@")
_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t\r\n]*")
TEXT_SEPARATOR = "[<facealbum-text-end/>]"
_TEXT_END = ".[]"
_SPACE_AROUND_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")


def escape(text: str) -> str:
    """Escape the characters the stream format reserves."""
    return "".join("\\" + char if char in _RESERVED else char for char in text)


def to_stream(text: str) -> str:
    """One text in stream format: escaped, line breaks in superblanks, with its end mark."""
    parts: list[str] = []
    position = 0
    for match in _LINE_BREAK.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append("[" + escape(match.group()) + "]")
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts) + _TEXT_END


def join_texts(texts: list[str]) -> str:
    """Many texts as one stream, each followed by ``TEXT_SEPARATOR``."""
    return "".join(to_stream(text) + TEXT_SEPARATOR for text in texts)


def from_stream(stream: str) -> str:
    """Plain text back from stream format: escapes undone, superblanks replaced by their content."""
    stream = stream.strip(" \n")
    if stream.endswith(_TEXT_END):
        stream = stream[: -len(_TEXT_END)]
    elif stream.endswith("[]"):
        stream = stream[:-2]
    plain: list[str] = []
    index = 0
    while index < len(stream):
        char = stream[index]
        if char == "\\" and index + 1 < len(stream):
            plain.append(stream[index + 1])
            index += 2
            continue
        if char in "[]":
            # Superblank delimiters: the content between them is the original formatting.
            index += 1
            continue
        plain.append(char)
        index += 1
    return _SPACE_AROUND_NEWLINE.sub("\n", "".join(plain)).strip()


def split_texts(stream: str, expected: int) -> list[str] | None:
    """The texts of a translated stream, or None when the separators did not all come back."""
    chunks = stream.split(TEXT_SEPARATOR)
    if len(chunks) != expected + 1 or chunks[-1].strip():
        return None
    return [from_stream(chunk) for chunk in chunks[:-1]]
