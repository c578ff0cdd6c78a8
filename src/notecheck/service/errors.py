"""Errors met only at the HTTP edge, in the catalogue's style (code, one line, never note text).

They extend notecheck.errors; the NC39x range is kept for the HTTP edge.
"""

from notecheck.errors import InputError, NotecheckError


class BodyTooLargeError(InputError):
    code = "NC391"
    template = "the request body is over the limit of {limit} bytes; send fewer or shorter notes"


class MalformedJsonError(InputError):
    code = "NC392"
    template = "the request body is not valid JSON ({detail}); send a JSON object"


class InvalidRequestError(InputError):
    code = "NC393"
    template = "the request does not match the schema: {detail}"


class UnauthorizedError(NotecheckError):
    code = "NC394"
    template = "a valid X-API-Key header is required"


class NotFoundError(NotecheckError):
    code = "NC395"
    template = "{detail}"


class UnknownCodeError(NotecheckError):
    code = "NC396"
    template = "{code} is not in the ICD-10-CM tabular"


class MethodNotAllowedError(NotecheckError):
    code = "NC397"
    template = "{detail}"


class InternalError(NotecheckError):
    code = "NC399"
    template = "internal error ({name}); the server log has the details"


STATUS = {
    BodyTooLargeError: 413,
    MalformedJsonError: 400,
    InvalidRequestError: 422,
    UnauthorizedError: 401,
    NotFoundError: 404,
    UnknownCodeError: 404,
    MethodNotAllowedError: 405,
    InternalError: 500,
}


def status_of(exc: NotecheckError) -> int:
    """The HTTP status of a coded error: the edge's own, else 422 (the input cannot be processed)."""
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 422

