"""Exception handlers: every error leaves as {"error": {"code", "message"}} and never echoes input.

FastAPI's default 422 body repeats the request (`input`); ours names only where the problem is.
"""

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from notecheck.errors import (
    BodyTooLargeError,
    InternalError,
    InvalidRequestError,
    MalformedJsonError,
    MethodNotAllowedError,
    NotecheckError,
    NotFoundError,
    UnauthorizedError,
    UnknownCodeError,
)

_MAX_LISTED = 5
STATUS: dict[type[NotecheckError], int] = {
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


def _error(exc: NotecheckError, status: int | None = None) -> JSONResponse:
    body = {"error": {"code": exc.code, "message": exc.message}}
    return JSONResponse(status_code=status or status_of(exc), content=body)


def _where(loc: tuple[object, ...]) -> str:
    return ".".join(str(part) for part in loc if part != "body") or "body"


def _validation(exc: RequestValidationError) -> NotecheckError:
    errors = exc.errors()
    bad_json = next((e for e in errors if e.get("type") == "json_invalid"), None)
    if bad_json is not None:
        reason = str((bad_json.get("ctx") or {}).get("error", "decode error"))[:80]
        return MalformedJsonError(detail=reason)
    # pydantic's `msg` describes the rule ("Field required"), never the value; `input` is dropped.
    listed = [f"{_where(tuple(e.get('loc', ())))}: {e.get('msg', 'invalid')}" for e in errors[:_MAX_LISTED]]
    more = len(errors) - _MAX_LISTED
    return InvalidRequestError(detail="; ".join(listed) + (f"; +{more} more" if more > 0 else ""))


def install_handlers(app: FastAPI) -> None:
    """Register the handlers on `app`."""

    @app.exception_handler(NotecheckError)
    async def coded(request: Request, exc: NotecheckError) -> JSONResponse:
        return _error(exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(_validation(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = str(exc.detail)[:120]
        if exc.status_code == 404:
            return _error(NotFoundError(detail=f"no such endpoint: {request.method} {request.url.path}"))
        if exc.status_code == 405:
            return _error(MethodNotAllowedError(detail=f"{request.method} is not allowed on {request.url.path}"))
        if exc.status_code == 400:  # FastAPI could not read the body at all (e.g. not UTF-8): not JSON to us
            return _error(MalformedJsonError(detail="the body is not UTF-8 JSON"))
        return _error(InvalidRequestError(detail=detail), exc.status_code)
