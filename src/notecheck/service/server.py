"""`notecheck serve`: uvicorn over the app factory (an import string, so --workers can fork it)."""

import ipaddress
import logging

from notecheck.service.settings import Settings

APP = "notecheck.service.app:create_app"
log = logging.getLogger("notecheck.service")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def run(*, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve until interrupted. The access log has method, path and status only, never bodies."""
    import uvicorn

    settings = Settings.from_env()
    if not _loopback(host) and not settings.api_key:
        logging.basicConfig()
        log.warning("binding %s without NOTECHECK_API_KEY: anyone who can reach it can submit notes", host)
    uvicorn.run(APP, factory=True, host=host, port=port, workers=workers, proxy_headers=False, server_header=False)
