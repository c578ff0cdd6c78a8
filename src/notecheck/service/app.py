"""The FastAPI app: thin endpoints that parse, hand the note to the runner and return its JSON.

The pipeline loads once per worker in the lifespan. Checking is CPU-bound, so it runs in the
threadpool (service/runner.py) and never blocks the event loop. The report leaves as the JSON
pydantic wrote where it was made (the response_model stays for OpenAPI). Nothing here logs a
request body.
"""

import gc
import hmac
import logging
import multiprocessing
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.security import APIKeyHeader

import notecheck
from notecheck.api import Checker
from notecheck.errors import NotFoundError, UnauthorizedError
from notecheck.report import ErrorResponse, Report
from notecheck.service import codes
from notecheck.service.checks import batch_json
from notecheck.service.edge import ApiKey, BodyLimit, Contain, SecurityHeaders
from notecheck.service.handlers import install_handlers
from notecheck.service.models import BatchRequest, BatchResponse, CheckRequest, CodeInfo, Health
from notecheck.service.runner import Forked, InProcess
from notecheck.service.settings import Settings

log = logging.getLogger("notecheck.service")
_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)
_ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorResponse} for status in (400, 401, 404, 413, 422)
}


async def _checker(request: Request) -> Checker:
    checker: Checker = request.app.state.checker
    return checker


async def _runner(request: Request) -> InProcess | Forked:
    runner: InProcess | Forked = request.app.state.runner
    return runner


def _json(content: str | bytes) -> Response:
    return Response(content, media_type="application/json")


async def _require_key(request: Request, key: Annotated[str | None, Depends(_api_key_header)]) -> None:
    expected = request.app.state.settings.api_key
    if expected and not (key and hmac.compare_digest(key.encode(), expected.encode())):
        raise UnauthorizedError()


CheckerDep = Annotated[Checker, Depends(_checker)]
RunnerDep = Annotated[InProcess | Forked, Depends(_runner)]


def create_app(settings: Settings | None = None, checker: Checker | None = None) -> FastAPI:
    """The app; settings default to the environment, the checker to notecheck.load() at startup."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.checker = checker or notecheck.load()
        # Warm the tabular (parsed lazily, about a second) so the first request is not slow.
        app.state.checker.check("warm-up", codes=["M53.88"], note_id="warm-up")
        # load() froze the pipeline it built; a checker passed in may not have been, and the warm-up made
        # more (the parsed tabular). All of it lives as long as the process: move it out of the cyclic
        # collector's generations so no collection during a request walks it again (and forked pipeline
        # processes do not copy its pages by touching them).
        gc.collect()
        gc.freeze()
        workers = settings.workers
        if workers > 1 and "fork" not in multiprocessing.get_all_start_methods():
            log.warning("--workers %d needs fork, which this platform lacks: checking on one pipeline thread", workers)
            workers = 1
        app.state.runner = Forked(app.state.checker, workers) if workers > 1 else InProcess(app.state.checker)
        log.info("notecheck ready (ruleset %s)", app.state.checker.ruleset_version)
        yield
        app.state.runner.close()

    app = FastAPI(
        title="notecheck",
        version=notecheck.__version__,
        summary="Which documentation a proposed ICD-10-CM spine code still lacks, with evidence.",
        lifespan=lifespan,
        docs_url=None,  # the Swagger and ReDoc pages load their assets from a CDN; the service is offline
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    install_handlers(app)
    _routes(app)
    # Last added is outermost: headers on everything, the key before the body is read, the limit
    # before any parsing, Contain innermost. The key dependency on /v1 routes stays for OpenAPI.
    app.add_middleware(Contain)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(ApiKey, key=settings.api_key)
    app.add_middleware(SecurityHeaders)
    return app


def _routes(app: FastAPI) -> None:
    keyed = [Depends(_require_key)]

    @app.post("/v1/check", response_model=Report, responses=_ERRORS, dependencies=keyed, tags=["check"])
    async def check(body: CheckRequest, runner: RunnerDep) -> Response:
        """The contract's report for one note and its proposed codes."""
        return _json(await runner.check(body))

    @app.post("/v1/check/batch", response_model=BatchResponse, responses=_ERRORS, dependencies=keyed, tags=["check"])
    async def check_batch(body: BatchRequest, runner: RunnerDep) -> Response:
        """Reports for up to 100 notes; a note with bad input gets its own error, the others run."""
        return _json(batch_json(body.notes, await runner.batch(body.notes)))

    @app.get("/v1/codes/{code}", response_model=CodeInfo, responses=_ERRORS, dependencies=keyed, tags=["codes"])
    def code_info(code: str, checker: CheckerDep) -> CodeInfo:
        """What a code requires: tabular title and billability, its family's requirements and findings."""
        return codes.code_info(code, checker.ruleset)

    @app.get("/healthz", response_model=Health, tags=["service"])
    async def healthz(checker: CheckerDep) -> Health:
        """Ready: the pipeline and ruleset are loaded. Async: answers even when every thread is busy."""
        return Health(version=notecheck.__version__, ruleset_version=checker.ruleset_version)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def review_page() -> HTMLResponse:
        from notecheck.render.html import render_page

        return HTMLResponse(render_page())

    @app.get("/assets/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        from notecheck.render.html import asset_response

        found = asset_response(name)
        if found is None:
            raise NotFoundError(detail="no such asset")
        content, media_type = found
        return Response(content, media_type=media_type)
