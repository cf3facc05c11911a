"""Every error code the server can send has a Spanish and an English sentence, and no more.

The server's codes are read from its source (``server/errors.py``, the routers, services and
engines), not from a hand-kept list: a new ``code="…"`` anywhere in ``server/`` fails this test
until ``desktop/core/messages.py`` explains it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.core import messages

SERVER = Path(__file__).resolve().parents[3] / "server"
# Codes only the client produces (no server involved: network, camera, its own checks).
CLIENT_ONLY = {
    "connection_failed",
    "timeout",
    "session_expired",
    "cancelled",
    "camera_not_found",
    "camera_busy",
    "camera_permission_denied",
    "camera_file_unreadable",
    "not_an_image",
    "passwords_do_not_match",
    "feature_not_available",
    "server_error",
    "file_unreadable",
    "already_uploaded",
    # The client's sentences for script_not_followed, chosen by its fields.step.
    "script_step_left",
    "script_step_right",
    "script_step_center",
}


def _string_constants(tree: ast.Module) -> dict[str, str]:
    names: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = node.value.value
    return names


def _code_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """Exception classes whose constructor takes the code first (``Error(code, message)``)."""
    found = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (
                        isinstance(item, ast.FunctionDef)
                        and item.name == "__init__"
                        and len(item.args.args) > 1
                        and item.args.args[1].arg == "code"
                    ):
                        found.add(node.name)
    return found


def server_codes() -> tuple[set[str], set[str]]:
    """(error codes, field reasons) the server's source can put in an error envelope."""
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for path in SERVER.rglob("*.py")
        if "migrations" not in path.parts
    }
    constants: dict[str, str] = {}
    for tree in trees.values():
        constants.update(_string_constants(tree))
    code_classes = _code_classes(trees)

    def text(node: ast.AST | None) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return constants.get(node.id)
        return None

    codes: set[str] = set()
    reasons: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    is_code = isinstance(item, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id == "code" for t in item.targets
                    )
                    if is_code and (value := text(item.value)) is not None:
                        codes.add(value)
            elif isinstance(node, ast.Call):
                name = (
                    node.func.id
                    if isinstance(node.func, ast.Name)
                    else getattr(node.func, "attr", "")
                )
                for keyword in node.keywords:
                    if keyword.arg == "code" and (value := text(keyword.value)) is not None:
                        codes.add(value)
                    if keyword.arg == "fields" and isinstance(keyword.value, ast.Dict):
                        reasons |= {v for v in map(text, keyword.value.values) if v is not None}
                # super().__init__("code", message) inside a subclass of a code-taking error
                takes_code = name in code_classes or name in ("error_body", "__init__")
                if takes_code and node.args and (value := text(node.args[0])) is not None:
                    codes.add(value)
            elif (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "_STATUS_CODES" for t in node.targets)
                and isinstance(node.value, ast.Dict)
            ):
                codes |= {v for v in map(text, node.value.values) if v is not None}
    return codes, reasons


def test_the_source_scan_finds_the_codes_we_know_about() -> None:
    codes, reasons = server_codes()
    assert {
        "not_found",
        "validation_error",
        "wrong_password",
        "too_many_attempts",
        "unsupported_media_type",
    } <= codes
    assert "wrong" in reasons


def test_every_server_code_has_spanish_and_english() -> None:
    codes, reasons = server_codes()
    missing = sorted(code for code in codes | reasons if not messages.has_message(code))
    assert not missing, f"codes the client cannot explain: {missing}"
    for code in codes | reasons:
        spanish, english = messages.sentences(code)
        assert spanish and english and spanish != english, code


def test_the_client_knows_no_code_the_server_never_sends() -> None:
    codes, reasons = server_codes()
    stale = sorted(set(messages.known_codes()) - codes - reasons - CLIENT_ONLY)
    assert not stale, f"messages for codes nothing sends: {stale}"
