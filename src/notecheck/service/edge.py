"""ASGI middleware at the edge: a hard body-size limit and security headers on every response.

The body limit checks Content-Length first, then counts the bytes actually streamed (a client may send
no length, or lie), buffering at most `limit` bytes before the app sees any of it.
"""

import hmac
import json
import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from notecheck.errors import BodyTooLargeError, InternalError, UnauthorizedError

log = logging.getLogger("notecheck.service")

_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        b"img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
]


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    for name, value in scope.get("headers", []):
        if name == wanted:
            return bytes(value)
    return None


def _declared_length(scope: Scope) -> int | None:
    value = _header(scope, b"content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class ApiKey:
    """401 for /v1/* without the right X-API-Key, before a byte of the body is read."""

    def __init__(self, app: ASGIApp, *, key: str | None, prefix: str = "/v1/") -> None:
        self.app = app
        self.key = key.encode() if key else None
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.key and scope["type"] == "http" and scope["path"].startswith(self.prefix):
            given = _header(scope, b"x-api-key") or b""
            if not hmac.compare_digest(given, self.key):
                error = UnauthorizedError()
                await _send_error(send, 401, error.code, error.message)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """413 with the contract's error body for any request body over `limit` bytes."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = BodyTooLargeError(limit=self.limit)
        declared = _declared_length(scope)
        if declared is not None and declared > self.limit:
            await _send_error(send, 413, too_large.code, too_large.message)
            return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _send_error(send, 413, too_large.code, too_large.message)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        await self.app(scope, _replay(b"".join(chunks), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


class SecurityHeaders:
    """nosniff, no framing, no referrer, no caching, and a CSP that allows only this origin."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in _SECURITY_HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class Contain:
    """A 500 with the contract's error body for any uncaught exception, logged by class name only.

    The exception's message or traceback could quote the note, so neither reaches the log or the client.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            if scope["type"] != "http":
                raise
            log.error("internal error %s on %s %s", exc.__class__.__name__, scope.get("method"), scope.get("path"))
            if not started:
                error = InternalError(name=exc.__class__.__name__)
                await _send_error(send, 500, error.code, error.message)
