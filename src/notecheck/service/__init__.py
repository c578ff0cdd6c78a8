"""The HTTP service: FastAPI endpoints over the same Checker and report models as the CLI."""

from notecheck.service.app import create_app
from notecheck.service.settings import Settings

__all__ = ["Settings", "create_app"]
