"""`notecheck serve`: one uvicorn process; --workers sets how many pipeline processes check notes.

uvicorn's own --workers is not used: it hands whole keep-alive connections to processes, so one
process could hold every client while the other idled, and its pre-bound listener lost TCP_NODELAY
(~40 ms per keep-alive request; Kludex/uvicorn#3149). Here uvicorn binds host and port itself (asyncio
then sets TCP_NODELAY) and the app spreads notes per request over a pool (service/runner.py).
"""

import dataclasses
import ipaddress
import logging
import sys
from contextlib import suppress

import uvicorn

from notecheck.service.app import create_app
from notecheck.service.settings import Settings

APP = "notecheck.service.app:create_app"  # the factory, for `uvicorn --factory` (settings from the environment)
log = logging.getLogger("notecheck.service")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def run(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve until interrupted. The access log has method, path and status only, never bodies."""
    settings = dataclasses.replace(Settings.from_env(), workers=workers)
    if not _loopback(host) and not settings.api_key:
        logging.basicConfig()
        log.warning("binding %s without NOTECHECK_API_KEY: anyone who can reach it can submit notes", host)
    config = uvicorn.Config(create_app(settings), host=host, port=port, proxy_headers=False, server_header=False)
    server = uvicorn.Server(config)
    with suppress(KeyboardInterrupt):
        server.run()
    if not server.started:
        sys.exit(3)  # uvicorn's STARTUP_FAILURE: the app's lifespan failed (the log says why)
