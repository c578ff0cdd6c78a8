"""`notecheck serve`: one uvicorn process; --workers sets how many pipeline processes check notes.

uvicorn's own --workers is not used: it hands whole keep-alive connections to processes, so an uneven
split of the clients (5 and 3 of 8) set the tail latency. The app spreads notes per request over
forked pipeline processes instead (service/runner.py). uvicorn binds host and port itself, so asyncio
sets TCP_NODELAY on every connection; uvicorn's pre-bound multi-worker listener (`proto` 0) lost it, and
Nagle's algorithm held each response until the client's delayed ACK (~40 ms a keep-alive request;
Kludex/uvicorn#3149).
"""

import dataclasses
import ipaddress
import logging
import sys
from contextlib import suppress

import uvicorn

from notecheck.service.app import create_app
from notecheck.service.settings import Settings

APP = "notecheck.service.app:create_app"  # for `uvicorn --factory`: settings from the environment
log = logging.getLogger("notecheck.service")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def config(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> uvicorn.Config:
    """The uvicorn configuration `notecheck serve` runs (no proxy headers, no server header), its app
    checking notes on `workers` pipeline processes."""
    settings = dataclasses.replace(Settings.from_env(), workers=workers)
    return uvicorn.Config(create_app(settings), host=host, port=port, proxy_headers=False, server_header=False)


def run(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve until interrupted. The access log has method, path and status only, never bodies."""
    settings = Settings.from_env()
    if not _loopback(host) and not settings.api_key:
        logging.basicConfig()
        log.warning("binding %s without NOTECHECK_API_KEY: anyone who can reach it can submit notes", host)
    server = uvicorn.Server(config(host=host, port=port, workers=workers))
    with suppress(KeyboardInterrupt):
        server.run()
    if not server.started:
        sys.exit(3)  # uvicorn's STARTUP_FAILURE: the app's lifespan failed (the log says why)
