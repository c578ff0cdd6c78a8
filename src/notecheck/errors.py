"""The one catalogue of notecheck's errors.

Codes: NC1xx patterns, NC2xx requirements and codes, NC3xx input (NC39x at the HTTP edge), NC4xx models.
Messages say what went wrong, where, and how to fix it. They may name a note; they never quote it.
"""

from typing import Any


class NotecheckError(Exception):
    """Base class: every error a user can meet carries a code and a one-line message."""

    code = "NC000"
    template = "{detail}"

    def __init__(self, **fields: Any) -> None:
        self.fields = fields
        message = self.template.format(**fields)
        super().__init__(f"[{self.code}] {message}")

    @property
    def message(self) -> str:
        """The one-line message without the code."""
        return self.template.format(**self.fields)

    def __reduce__(self) -> tuple[Any, ...]:
        """Rebuilt from its fields, so a coded error crosses a process pool (the default passes the message)."""
        return (_rebuild, (type(self), self.fields))


def _rebuild(cls: type[NotecheckError], fields: dict[str, Any]) -> NotecheckError:
    return cls(**fields)


class PatternError(NotecheckError):
    """A data file in patterns/ is malformed."""

    code = "NC101"
    template = "{path}: {detail}"


class RequirementError(NotecheckError):
    """A requirement file refers to something that does not exist."""

    code = "NC201"
    template = "{path}: {detail}"


class InvalidCodeError(NotecheckError):
    """A proposed code is not written like an ICD-10-CM code."""

    code = "NC202"
    template = "{raw!r} is not an ICD-10-CM code (expected a letter, two digits and up to four more characters, e.g. M53.88)"


class InputError(NotecheckError):
    """A note cannot be read as clinical text."""

    code = "NC300"
    template = "{note}: {detail}"


class EmptyNoteError(InputError):
    code = "NC301"
    template = "{note}: the note is empty (no text after removing white space)"


class BinaryNoteError(InputError):
    code = "NC302"
    template = "{note}: the file is binary, not text (found NUL bytes or control characters); export the note as plain text"


class EncodingError(InputError):
    code = "NC303"
    template = "{note}: the text encoding could not be determined; save the note as UTF-8"


class NoteTooLargeError(InputError):
    code = "NC304"
    template = "{note}: the note is {size}, over the limit of {limit} characters; split it into smaller notes"


class NoteNotFoundError(InputError):
    code = "NC305"
    template = "{note}: no such file"


class ManifestError(InputError):
    code = "NC306"
    template = "{path}: {detail}"


class OutputError(NotecheckError):
    """A report or a results folder cannot be written where the user asked."""

    code = "NC307"
    template = "{path}: cannot write {what} ({reason}); choose a writable path"


class CommandLineError(NotecheckError):
    """The command line itself is wrong: a missing argument, an unknown option, a value out of range."""

    code = "NC308"
    template = "{detail} (see {command} --help)"


class ListenError(NotecheckError):
    """notecheck serve cannot listen where it was told (port in use, an address that is not this host's)."""

    code = "NC309"
    template = "{address}: cannot listen ({reason}); choose another --port or --host"


class BenchError(NotecheckError):
    """notecheck bench measured nothing: no readable note, or every contender failed."""

    code = "NC310"
    template = "{corpus}: {detail}"
class BodyTooLargeError(InputError):
    """HTTP: the request body is over NOTECHECK_MAX_BODY_BYTES (413)."""

    code = "NC391"
    template = "the request body is over the limit of {limit} bytes; send fewer or shorter notes"


class MalformedJsonError(InputError):
    """HTTP: the request body is not JSON (400)."""

    code = "NC392"
    template = "the request body is not valid JSON ({detail}); send a JSON object"


class InvalidRequestError(InputError):
    """HTTP: the JSON does not match the request schema (422); names the field, never the value."""

    code = "NC393"
    template = "the request does not match the schema: {detail}"


class UnauthorizedError(NotecheckError):
    """HTTP: NOTECHECK_API_KEY is set and X-API-Key is missing or wrong (401)."""

    code = "NC394"
    template = "a valid X-API-Key header is required"


class NotFoundError(NotecheckError):
    """HTTP: no such endpoint or asset (404)."""

    code = "NC395"
    template = "{detail}"


class UnknownCodeError(NotecheckError):
    """HTTP: a looked-up code is not in the tabular (404)."""

    code = "NC396"
    template = "{code} is not in the ICD-10-CM tabular"


class MethodNotAllowedError(NotecheckError):
    """HTTP: the endpoint exists but not for this method (405)."""

    code = "NC397"
    template = "{detail}"


class InternalError(NotecheckError):
    """HTTP: an unexpected exception (500); the log has its class name, never its message."""

    code = "NC399"
    template = "internal error ({name}); the server log has the details"


class ModelError(NotecheckError):
    """A trained model cannot be loaded or trained."""

    code = "NC401"
    template = "{path}: {detail}"
