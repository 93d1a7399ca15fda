"""The FastAPI application: every page is one view's data dict, as HTML or as ``.json``.

A path ending in ``.json`` returns the data dict itself; any other returns the HTML page
built from the same dict. Errors have one JSON shape, ``{"error": {"status", "message"}}``,
and a plain HTML page. The store is opened read-only once; DuckDB connections are not safe
to share between threads, so requests take turns on it behind a lock.
"""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from polybius.store import Store
from polybius.web import html, views
from polybius.web.views import Data, WebError

STATIC_TYPES = {"style.css": "text/css; charset=utf-8"}
_DEFAULT_MESSAGES = {404: "not found", 405: "method not allowed", 500: "internal error"}


def json_response(data: Any, status: int = 200) -> Response:
    """Pretty JSON (dates and timestamps as strings), UTF-8."""
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return Response(body, status_code=status, media_type="application/json")


def wants_json(request: Request) -> bool:
    """A ``.json`` path, or a client that asks for JSON and not for HTML."""
    accept = request.headers.get("accept", "")
    return request.url.path.endswith(".json") or (
        "application/json" in accept and "text/html" not in accept)


def error_response(request: Request, status: int, message: str) -> Response:
    """The one error shape: JSON for ``.json`` requests, else a plain HTML page."""
    if wants_json(request):
        return json_response({"error": {"status": status, "message": message}}, status)
    return HTMLResponse(html.render_error(status, message), status_code=status)


def split_json(name: str) -> tuple[str, bool]:
    """A path segment without its ``.json`` suffix, and whether it had one."""
    return (name[:-5], True) if name.endswith(".json") else (name, False)


class Site:
    """The store and the lock that serialises queries on it."""

    def __init__(self, db: str) -> None:
        self.store = Store(db, read_only=True)
        self.lock = threading.Lock()

    def respond(self, build: Callable[[Store], Data], render: Callable[[Data], str],
                as_json: bool) -> Response:
        """Build the data dict once, then answer with it as JSON or as HTML."""
        with self.lock:
            data = build(self.store)
        return json_response(data) if as_json else HTMLResponse(render(data))


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, error: WebError) -> Response:
        return error_response(request, error.status, error.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = str(error.detail) if error.detail else _DEFAULT_MESSAGES.get(error.status_code, "error")
        return error_response(request, error.status_code, message.lower())

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return error_response(request, 400, "invalid request")

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception) -> Response:
        return error_response(request, 500, f"internal error: {type(error).__name__}")


def _add_list_routes(app: FastAPI, site: Site) -> None:
    def events(request: Request, as_json: bool) -> Response:
        query = views.parse_query(request.query_params)
        return site.respond(lambda s: views.events_view(s, query),
                            lambda d: html.render_events(d, query), as_json)

    def clusters(request: Request, as_json: bool) -> Response:
        query = views.parse_query(request.query_params)
        return site.respond(lambda s: views.clusters_view(s, query),
                            lambda d: html.render_clusters(d, query), as_json)

    @app.get("/events", response_class=HTMLResponse)
    def events_html(request: Request) -> Response:
        return events(request, False)

    @app.get("/events.json")
    def events_json(request: Request) -> Response:
        return events(request, True)

    @app.get("/clusters", response_class=HTMLResponse)
    def clusters_html(request: Request) -> Response:
        return clusters(request, False)

    @app.get("/clusters.json")
    def clusters_json(request: Request) -> Response:
        return clusters(request, True)


def _add_item_routes(app: FastAPI, site: Site) -> None:
    @app.get("/events/{doc_id}/{event_id}")
    def event(doc_id: str, event_id: str) -> Response:
        event_id, as_json = split_json(event_id)
        return site.respond(lambda s: views.event_view(s, doc_id, event_id), html.render_event, as_json)

    @app.get("/clusters/{cluster_id}")
    def cluster(cluster_id: str) -> Response:
        cluster_id, as_json = split_json(cluster_id)
        return site.respond(lambda s: views.cluster_view(s, cluster_id), html.render_cluster, as_json)

    @app.get("/documents/{doc_id}")
    def document(doc_id: str) -> Response:
        doc_id, as_json = split_json(doc_id)
        return site.respond(lambda s: views.document_view(s, doc_id), html.render_document, as_json)


def create_app(db: str) -> FastAPI:
    """The web app over the corpus database ``db`` (opened read-only)."""
    site = Site(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        site.store.close()

    app = FastAPI(title="Polybius", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.site = site
    _add_error_handlers(app)

    @app.get("/")
    def home(request: Request) -> Response:
        query = request.url.query
        return RedirectResponse("/events" + (f"?{query}" if query else ""), status_code=307)

    @app.get("/static/{name}")
    def static(name: str) -> Response:
        if name not in STATIC_TYPES:
            raise WebError(404, f"no such file: {name}")
        return Response(html.static_text(name), media_type=STATIC_TYPES[name])

    _add_list_routes(app, site)
    _add_item_routes(app, site)
    return app
