"""`notecheck serve`: uvicorn over the app factory (an import string, so --workers can fork it).

With --workers > 1 uvicorn binds the listening socket itself with `proto` 0; accepted sockets inherit it
and asyncio then skips TCP_NODELAY, so Nagle's algorithm holds each response body until the client's
delayed ACK (~40 ms on Linux, every keep-alive request; Kludex/uvicorn#3149). `_Config` rebinds the
listener as IPPROTO_TCP so every worker's connections get TCP_NODELAY, as the one-worker path does.
"""

import ipaddress
import logging
import socket
import sys
from contextlib import suppress

import uvicorn
from uvicorn.supervisors import Multiprocess

from notecheck.service.settings import Settings

APP = "notecheck.service.app:create_app"
log = logging.getLogger("notecheck.service")


class _Config(uvicorn.Config):
    """uvicorn's Config with a listener whose accepted connections get TCP_NODELAY."""

    def bind_socket(self) -> socket.socket:
        """The socket uvicorn binds, re-wrapped with proto IPPROTO_TCP (same descriptor, same options)."""
        sock = super().bind_socket()
        if sock.family not in (socket.AF_INET, socket.AF_INET6):
            return sock
        return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def config(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> uvicorn.Config:
    """The uvicorn configuration `notecheck serve` runs (no proxy headers, no server header)."""
    return _Config(APP, factory=True, host=host, port=port, workers=workers, proxy_headers=False, server_header=False)


def run(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve until interrupted. The access log has method, path and status only, never bodies."""
    settings = Settings.from_env()
    if not _loopback(host) and not settings.api_key:
        logging.basicConfig()
        log.warning("binding %s without NOTECHECK_API_KEY: anyone who can reach it can submit notes", host)
    served = config(host=host, port=port, workers=workers)
    if workers > 1:
        with suppress(KeyboardInterrupt):
            Multiprocess(served, sockets=[served.bind_socket()]).run()
        return
    server = uvicorn.Server(served)
    with suppress(KeyboardInterrupt):
        server.run()
    if not server.started:
        sys.exit(3)  # uvicorn's STARTUP_FAILURE: the app's lifespan failed (the log says why)
