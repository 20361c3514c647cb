"""Coded errors and warnings, in the manner of spaCy's own catalogue.

Every message carries a stable code (``E…`` for errors, ``W…`` for warnings) so
users can search for it and filter warnings by code. Codes are never reused.
"""

import warnings


class ErrorsWithCodes(type):
    def __getattribute__(self, code):
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"(zhgov) [{code}] {msg}"


class Warnings(metaclass=ErrorsWithCodes):
    W001 = "Skipped {path}: {reason}"
    W002 = "Entity {text!r} at {start}:{end} could not be aligned to tokens and was dropped."
    W003 = "Could not read the amount of MONEY entity {text!r}; its value is None."


class Errors(metaclass=ErrorsWithCodes):
    E001 = "{path}:{line}: {message}"
    E002 = "No such file or directory: {path}"
    E003 = "{path} is not valid {encoding} at byte {offset}: {reason}. Pass --encoding (for example --encoding gbk) if the file uses another encoding."
    E004 = "{path} is empty."
    E005 = "{path} looks like a binary file (NUL byte at offset {offset}), not text."
    E006 = "Unknown output format {name!r}; choose one of {choices}."
    E007 = "Unknown encoding {encoding!r}."
    E008 = "The entity ruler has no grammar yet: call nlp.initialize() or load a saved pipeline."
    E009 = "{path}: no *.txt files found in this folder."
    E010 = "Could not write {path}: {reason}"
    E011 = "Invalid lexicon data in {path}:\n{errors}"
    E012 = "Unknown alignment mode {mode!r}; choose one of {choices}."
    E013 = "{count} of {total} inputs failed; see the messages above."


class ZhgovError(ValueError):
    """An error caused by user input: a bad file, path or setting."""


def warn(message: str) -> None:
    """Issue a zhgov warning; filter them with ``warnings.filterwarnings`` on the code."""
    warnings.warn(message, UserWarning, stacklevel=2)
