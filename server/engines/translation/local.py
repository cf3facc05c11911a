"""Offline translation with Apertium, run as a subprocess.

The installed directions are discovered at run time (``apertium -l``); mode names mix ISO 639-1
and 639-3 codes (``eng-spa``, ``es-pt``, ``fr-es``, ``spa-ita``), which are mapped to ISO 639-1.
Where no direct direction exists the text goes through Spanish, the hub of Debian's pairs
(en→pt = en→es→pt): both stages run as one pipe of two processes. Many texts share one call (see
``apertium_stream``). Debian ships no German pair, so German is not offered.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import threading
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from server.engines.shapes import EngineUnavailable
from server.engines.translation import apertium_stream
from server.engines.translation.base import (
    TRANSLATION_UNAVAILABLE,
    Language,
    Translation,
    UnsupportedLanguage,
    check_texts,
    guessed_source_note,
    language_name,
)
from server.engines.translation.language_detection import WordCoverage, decide

logger = logging.getLogger(__name__)

INSTALL_HINT = (
    "Install Apertium and its language pairs: sudo apt-get install apertium apertium-eng-spa "
    "apertium-es-pt apertium-fr-es apertium-spa-ita cg3"
)
PIVOT_LANGUAGE = "es"
DEFAULT_DATA_DIRS = (Path("/usr/share/apertium"), Path("/usr/local/share/apertium"))

# ISO 639-3 (and bibliographic 639-2) codes used in Apertium mode names → ISO 639-1.
_ISO_639_1: dict[str, str] = {
    "eng": "en", "spa": "es", "fra": "fr", "fre": "fr", "por": "pt", "ita": "it",
    "cat": "ca", "glg": "gl", "eus": "eu", "baq": "eu", "deu": "de", "ger": "de",
    "nld": "nl", "dut": "nl", "ron": "ro", "rum": "ro", "oci": "oc", "arg": "an",
}  # fmt: skip
_MODE_NAME = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
_LEXICAL_UNIT = re.compile(r"\^((?:\\.|[^/\\$])*)/((?:\\.|[^\\$])*)\$")
_LETTER = re.compile(r"[^\W\d_]")


_STAGE_FAILURES = (
    "not found",
    "No such file or directory",
    "Segmentation fault",
    "error while loading",
)


def iso_code(apertium_code: str) -> str:
    """The ISO 639-1 code of a language code as written in an Apertium mode name."""
    return _ISO_639_1.get(apertium_code, apertium_code)


@dataclass(frozen=True)
class ApertiumCatalog:
    """What the installed Apertium offers: directions by language pair, analysers by language."""

    directions: dict[tuple[str, str], str]
    analysers: dict[str, Path]

    def route(self, source: str, target: str) -> list[str] | None:
        """The modes that take ``source`` to ``target``: one direct, or two through Spanish."""
        direct = self.directions.get((source, target))
        if direct:
            return [direct]
        first = self.directions.get((source, PIVOT_LANGUAGE))
        second = self.directions.get((PIVOT_LANGUAGE, target))
        if first and second:
            return [first, second]
        return None

    def codes(self) -> list[str]:
        """Languages that can be translated both into and out of (directly or by pivot)."""
        candidates = {code for pair in self.directions for code in pair}
        return sorted(
            code
            for code in candidates
            if any(self.route(code, other) for other in candidates if other != code)
            and any(self.route(other, code) for other in candidates if other != code)
        )


class LocalTranslator:
    """Translator backed by the Apertium command-line tools."""

    name = "local"

    def __init__(
        self,
        *,
        apertium_binary: str = "apertium",
        lt_proc_binary: str = "lt-proc",
        data_dir: Path | None = None,
        fallback_language: str = "es",
        timeout_seconds: float = 120.0,
    ) -> None:
        self._apertium_binary = apertium_binary
        self._lt_proc_binary = lt_proc_binary
        self._data_dir = data_dir
        self.fallback_language = fallback_language
        self._timeout_seconds = timeout_seconds
        self._catalog: ApertiumCatalog | None = None
        self._catalog_lock = threading.Lock()

    # ----------------------------------------------------------------- public API
    def languages(self) -> list[Language]:
        """The languages the installed pairs offer (German is absent: Debian has no pair)."""
        return [Language(code, language_name(code)) for code in self.catalog().codes()]

    def translate(
        self, texts: list[str], target: str, source: str | None = None
    ) -> list[Translation]:
        """Translate ``texts`` into ``target``; each text's source is detected when not given.

        Texts that share a source language go through Apertium in a single call.
        """
        check_texts(texts)
        catalog = self.catalog()
        offered = catalog.codes()
        if target not in offered:
            raise UnsupportedLanguage(target)
        if source is not None and source not in offered:
            raise UnsupportedLanguage(source)

        sources: list[tuple[str, bool, str | None]]
        if source is not None:
            sources = [(source, False, None)] * len(texts)
        else:
            sources = []
            for language, confident in self._detect_many(texts, catalog):
                note = None if confident else guessed_source_note(language, "too few known words")
                sources.append((language, confident, note))

        translated: list[str] = list(texts)
        indices_by_source: dict[str, list[int]] = defaultdict(list)
        for index, (language, _, _) in enumerate(sources):
            if language != target:
                indices_by_source[language].append(index)
        for language, indices in indices_by_source.items():
            modes = catalog.route(language, target)
            if modes is None:
                raise UnsupportedLanguage(
                    target, f"No Apertium route from '{language}' to '{target}'."
                )
            outputs = self._translate_batch([texts[i] for i in indices], modes)
            for index, output in zip(indices, outputs, strict=True):
                translated[index] = output

        return [
            Translation(
                text=text,
                source_language=language,
                target_language=target,
                detected=confident,
                note=note,
            )
            for text, (language, confident, note) in zip(translated, sources, strict=True)
        ]

    def detect_language(self, text: str) -> tuple[str, bool]:
        """The language of ``text`` by Apertium's analysers; ``(fallback, False)`` when unsure."""
        check_texts([text])
        return self._detect_many([text], self.catalog())[0]

    # ----------------------------------------------------------------- discovery
    def catalog(self) -> ApertiumCatalog:
        """The installed directions and analysers, discovered once per process."""
        if self._catalog is None:
            with self._catalog_lock:
                if self._catalog is None:
                    self._catalog = self._discover()
        return self._catalog

    def _discover(self) -> ApertiumCatalog:
        if shutil.which(self._apertium_binary) is None:
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE, f"Apertium is not installed here. {INSTALL_HINT}"
            )
        listing = self._run([self._apertium_binary, "-l"], "")
        directions: dict[tuple[str, str], str] = {}
        for mode in listing.split():
            match = _MODE_NAME.match(mode)
            if match is None:  # variants (spa-eng_US) and alternatives (eco-es-fr)
                continue
            pair = (iso_code(match.group(1)), iso_code(match.group(2)))
            directions.setdefault(pair, mode)
        if not directions:
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE, f"Apertium has no language pair installed. {INSTALL_HINT}"
            )
        catalog = ApertiumCatalog(directions, self._find_analysers(directions))
        logger.info(
            "Apertium directions: %s; analysers for: %s",
            sorted(directions.values()),
            sorted(catalog.analysers),
        )
        return catalog

    def _modes_dirs(self) -> list[Path]:
        if self._data_dir is not None:
            return [self._data_dir / "modes"]
        from_environment = os.environ.get("APERTIUM_DATADIR")
        roots = [Path(from_environment)] if from_environment else list(DEFAULT_DATA_DIRS)
        return [root / "modes" for root in roots]

    def _find_analysers(self, directions: dict[tuple[str, str], str]) -> dict[str, Path]:
        """The morphological analyser of each source language: the first stage of its modes.

        When several pairs analyse one language, the largest dictionary (best coverage) wins.
        """
        analysers: dict[str, Path] = {}
        for (source, _), mode in directions.items():
            for modes_dir in self._modes_dirs():
                mode_file = modes_dir / f"{mode}.mode"
                if not mode_file.is_file():
                    continue
                analyser = _first_stage_dictionary(mode_file.read_text(encoding="utf-8"))
                if analyser is None or not analyser.is_file():
                    continue
                current = analysers.get(source)
                if current is None or analyser.stat().st_size > current.stat().st_size:
                    analysers[source] = analyser
                break
        return analysers

    # ----------------------------------------------------------------- running Apertium
    def _translate_batch(self, texts: list[str], modes: list[str]) -> list[str]:
        """Translate texts through the given modes in one pipe; per text if the split fails."""
        outputs = apertium_stream.split_texts(
            self._pipe(modes, apertium_stream.join_texts(texts)), len(texts)
        )
        if outputs is not None:
            return outputs
        logger.warning("Apertium lost a text separator in %s; translating one by one", modes)
        single_outputs: list[str] = []
        for text in texts:
            single = apertium_stream.split_texts(
                self._pipe(modes, apertium_stream.join_texts([text])), 1
            )
            single_outputs.append(single[0] if single else text)
        return single_outputs

    def _pipe(self, modes: list[str], stream: str) -> str:
        """Run ``apertium -f none -u`` for each mode, the output of one feeding the next."""
        commands = [[self._apertium_binary, "-f", "none", "-u", mode] for mode in modes]
        with contextlib.ExitStack() as cleanup:
            error_logs = [cleanup.enter_context(tempfile.TemporaryFile()) for _ in commands]
            output = self._run_processes(commands, error_logs, stream)
        return output.decode("utf-8")

    def _run_processes(
        self,
        commands: list[list[str]],
        error_logs: Sequence[IO[bytes]],
        stream: str,
    ) -> bytes:
        processes: list[subprocess.Popen[bytes]] = []
        timed_out = threading.Event()

        def stop_on_timeout() -> None:
            timed_out.set()
            for process in processes:
                process.kill()

        watchdog = threading.Timer(self._timeout_seconds, stop_on_timeout)
        try:
            for command, error_log in zip(commands, error_logs, strict=True):
                upstream = processes[-1].stdout if processes else subprocess.PIPE
                process = subprocess.Popen(
                    command, stdin=upstream, stdout=subprocess.PIPE, stderr=error_log
                )
                processes.append(process)
                if len(processes) > 1 and processes[-2].stdout is not None:
                    processes[-2].stdout.close()  # the next process owns it now
            first, last = processes[0], processes[-1]
            assert first.stdin is not None and last.stdout is not None
            writer = threading.Thread(
                target=_write_and_close, args=(first.stdin, stream.encode("utf-8")), daemon=True
            )
            watchdog.start()
            writer.start()
            output = last.stdout.read()
            writer.join()
            for process in processes:
                process.wait()
        except OSError as error:
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE, f"Could not run Apertium: {error}. {INSTALL_HINT}"
            ) from error
        finally:
            watchdog.cancel()
            for process in processes:
                if process.poll() is None:
                    process.kill()
                    process.wait()
                if process.stdout is not None:
                    process.stdout.close()
        if timed_out.is_set():
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE,
                f"Apertium did not answer within {self._timeout_seconds:.0f} s.",
            )
        for process, command, error_log in zip(processes, commands, error_logs, strict=True):
            error_log.seek(0)
            detail = error_log.read().decode("utf-8", "replace").strip()[-300:]
            # The apertium script exits 0 even when a stage inside it could not run, and then
            # passes the text through untranslated: its stderr is the only sign.
            if process.returncode != 0 or any(sign in detail for sign in _STAGE_FAILURES):
                raise EngineUnavailable(
                    TRANSLATION_UNAVAILABLE,
                    f"Apertium failed ({' '.join(command)}: {detail}). {INSTALL_HINT}",
                )
        return output

    def _run(self, command: list[str], stdin_text: str) -> str:
        try:
            completed = subprocess.run(
                command,
                input=stdin_text.encode("utf-8"),
                capture_output=True,
                timeout=self._timeout_seconds,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE, f"Could not run {command[0]}: {error}. {INSTALL_HINT}"
            ) from error
        if completed.returncode != 0:
            detail = completed.stderr.decode("utf-8", "replace").strip()[-300:]
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE, f"{' '.join(command)} failed: {detail}. {INSTALL_HINT}"
            )
        return completed.stdout.decode("utf-8")

    # ----------------------------------------------------------------- language detection
    def _detect_many(self, texts: list[str], catalog: ApertiumCatalog) -> list[tuple[str, bool]]:
        """Detect each text's language; each analyser runs once over all the texts."""
        if not catalog.analysers:
            return [(self.fallback_language, False)] * len(texts)
        stream = apertium_stream.join_texts(texts)
        coverage_by_language: dict[str, list[WordCoverage]] = {}
        languages = sorted(catalog.analysers)
        # The analysers run side by side: each costs mostly its dictionary loading time.
        with ThreadPoolExecutor(max_workers=len(languages)) as pool:
            outputs = pool.map(
                lambda language: self._run(
                    [self._lt_proc_binary, str(catalog.analysers[language])], stream
                ),
                languages,
            )
            analysed_by_language = dict(zip(languages, outputs, strict=True))
        for language, analysed in analysed_by_language.items():
            chunks = analysed.split(apertium_stream.TEXT_SEPARATOR)
            if len(chunks) < len(texts):
                logger.warning("lt-proc lost a text separator for %s; skipping it", language)
                continue
            coverage_by_language[language] = [_coverage(chunk) for chunk in chunks[: len(texts)]]
        results: list[tuple[str, bool]] = []
        for index, text in enumerate(texts):
            coverage = {
                language: per_text[index] for language, per_text in coverage_by_language.items()
            }
            guess = decide(text, coverage, self.fallback_language)
            logger.debug("language scores for %r: %s", text[:40], guess.scores)
            results.append((guess.language, guess.confident))
        return results


def _coverage(analysed_chunk: str) -> WordCoverage:
    """Known and total words in ``lt-proc`` output; unknown words are analysed as ``*word``."""
    known = total = 0
    for surface, analyses in _LEXICAL_UNIT.findall(analysed_chunk):
        if not _LETTER.search(surface):
            continue
        total += 1
        if not analyses.startswith("*"):
            known += 1
    return WordCoverage(known, total)


def _first_stage_dictionary(mode_text: str) -> Path | None:
    """The dictionary of a mode's first stage (``lt-proc [flags] 'x.automorf.bin'``)."""
    first_stage = mode_text.split("|", 1)[0]
    tokens = shlex.split(first_stage)
    if not tokens or Path(tokens[0]).name != "lt-proc":
        return None
    for token in tokens[1:]:
        if token.endswith(".bin"):
            return Path(token)
    return None


def _write_and_close(pipe: IO[bytes], data: bytes) -> None:
    """Feed a process's stdin from a thread, so that a full stdout pipe cannot deadlock us."""
    try:
        pipe.write(data)
    except BrokenPipeError:
        logger.warning("Apertium closed its input early")
    finally:
        with contextlib.suppress(BrokenPipeError):
            pipe.close()
