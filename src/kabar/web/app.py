"""The web application: the HTTP API under /api and the server-rendered UI beside it.

``create_app(db_url)`` builds a fresh app bound to one store; nothing is
opened at import time. The API is read-only unless an ingest token is set.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from kabar import __version__
from kabar.store import open_store, queries
from kabar.web.cache import ResponseCache
from kabar.web.guard import IngestGuard
from kabar.web.render import render
from kabar.web.routes import apidocs, articles, coded_events, entities, events, feeds, ingest, quotes, search, stories

STATIC = Path(__file__).parent / "static"
CACHE_ENTRIES = 2048


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    ingest_token: str | None = None  # POST /api/ingest answers 403 unless this is set and sent as Bearer
    page_size: int = 20
    max_ingest_bytes: int = 20_000_000  # a POST /api/ingest body over this is refused (413) unread
    body_timeout: float = 10.0  # seconds a POST /api/ingest body may take to arrive (else 408)
    cache_entries: int = CACHE_ENTRIES  # answers of the read routes kept until the store changes (0: no cache)
    cache_bytes: int = 64_000_000  # ... and their bytes, per server process


def create_app(db_url: str | None = None, *, settings: Settings | None = None) -> FastAPI:
    """The FastAPI app serving the store at `db_url` (a path or SQLAlchemy URL)."""
    if settings is None:
        if db_url is None:
            raise ValueError("create_app needs db_url or settings")
        settings = Settings(db_url=str(db_url))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if probe is not None:
            probe.close()
        app.state.store.close()

    app = FastAPI(
        title="Kabar",
        version=__version__,
        description="Indonesian news as a searchable record: articles, entities, quotes, events, stories, timelines.",
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc come from routes.apidocs: local assets, never a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = open_store(settings.db_url)
    probe = queries.GenerationProbe(app.state.store) if settings.cache_entries else None
    for module in (stories, articles, entities, quotes, events, coded_events, search, feeds, ingest):
        app.include_router(module.api)
        if hasattr(module, "ui"):
            app.include_router(module.ui)
    app.include_router(apidocs.ui)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if apidocs.assets_dir() is not None:
        app.mount(apidocs.ASSETS, StaticFiles(directory=apidocs.assets_dir()), name="docs-assets")
    _error_pages(app)
    # the ingest token and body limit are checked before anything reads the body
    app.add_middleware(IngestGuard, token=settings.ingest_token, max_bytes=settings.max_ingest_bytes, body_timeout=settings.body_timeout)
    _security_headers(app)
    if probe is not None:  # outermost: a hit skips every other layer (its stored headers include theirs)
        app.add_middleware(ResponseCache, stamp=probe, max_entries=settings.cache_entries, max_bytes=settings.cache_bytes)
    return app


# Our pages load nothing but their own stylesheet: article text that slipped through escaping could
# still not run a script. (/docs and /redoc are left out: their pages start Swagger UI and ReDoc inline.)
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


def _security_headers(app: FastAPI) -> None:
    app.add_middleware(SecurityHeaders)


class SecurityHeaders:
    """The headers every answer carries, set as the response starts: a plain ASGI middleware, as
    `@app.middleware("http")` runs each request through extra tasks and streams (about a third of
    a small request's time under load)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "same-origin")
                if headers.get("content-type", "").startswith("text/html") and not path.startswith(("/docs", "/redoc")):
                    headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        await self.app(scope, receive, with_headers)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/feeds/", "/openapi", "/docs", "/redoc"))


def _error_pages(app: FastAPI) -> None:
    """HTML error pages for the UI, JSON for the API; a bad parameter is always a 4xx."""
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_html(request):
            return HTMLResponse(
                render("error.html", request, status=exc.status_code, message=str(exc.detail)),
                status_code=exc.status_code,
                headers=getattr(exc, "headers", None),
            )
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        if _wants_html(request):
            message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
            return HTMLResponse(render("error.html", request, status=422, message=message), status_code=422)
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)


def app_from_env() -> FastAPI:
    """The app for `uvicorn --factory kabar.web.app:app_from_env` (KABAR_DB, KABAR_INGEST_TOKEN, KABAR_CACHE)."""
    import os

    env = os.environ
    return create_app(
        settings=Settings(
            db_url=env.get("KABAR_DB", "kabar.db"),
            ingest_token=env.get("KABAR_INGEST_TOKEN") or None,
            cache_entries=int(env.get("KABAR_CACHE") or CACHE_ENTRIES),
        )
    )
