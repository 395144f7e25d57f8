"""The application factory: middleware (body limit, security headers), error mapping, routes."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from detente.errors import InputError, InputLookupError, LimitError
from detente.web._settings import WebSettings
from detente.web._state import State

__all__ = ["create_app", "error_body", "error_status"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def _too_large(limit: int, what: str) -> dict[str, Any]:
    return {"detail": [{"loc": ["body"], "type": "limit", "line": None,
                        "msg": f"request body {what}, over this server's limit of {limit:,} "
                               "bytes"}]}


class BodyLimit:
    """Reads at most ``limit`` bytes of a request body, answering 413 beyond it (before the
    application sees a byte), and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + _HEADERS
            await send(message)

        declared = None
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    declared = int(v)
                except ValueError:
                    declared = -1
        if declared is not None and (declared < 0 or declared > self.limit):
            what = "length invalid" if declared < 0 else f"of {declared:,} bytes"
            await self._refuse(send_with_headers, _too_large(self.limit, what),
                               400 if declared < 0 else 413)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await self._refuse(send_with_headers,
                                   _too_large(self.limit, f"over {self.limit:,} bytes"), 413)
                return
            chunks.append(body)
            more = message.get("more_body", False)
        data = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)

    @staticmethod
    async def _refuse(send: Send, doc: dict[str, Any], status: int) -> None:
        body = json.dumps(doc).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def error_status(e: InputError) -> int:
    if isinstance(e, LimitError):
        fields = {p.field for p in e.problems}
        return 413 if fields & {"file", "body"} else 422
    if isinstance(e, InputLookupError):
        return 404
    return 422


def error_body(e: InputError, prefix: tuple[str | int, ...] = ()) -> dict[str, Any]:
    """``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`` as FastAPI's own errors."""
    kind = "limit" if isinstance(e, LimitError) else (
        "not_found" if isinstance(e, InputLookupError) else "input")
    if not e.problems:
        return {"detail": [{"loc": list(prefix), "msg": str(e), "type": kind, "line": None}]}
    out = []
    for p in e.problems:
        loc = list(prefix) + list(p.loc or ((p.field,) if p.field else ()))
        msg = p.message
        if p.line is not None:
            msg = f"line {p.line}: {msg}"
        out.append({"loc": loc, "msg": msg, "type": kind, "line": p.line})
    return {"detail": out}


def templates() -> Environment:
    env = Environment(loader=PackageLoader("detente.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["tojson_safe"] = _json_for_script
    return env


def _json_for_script(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>`` breakout)."""
    from markupsafe import Markup

    text = json.dumps(value, allow_nan=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 - escaped above


def plotly_js() -> Path:
    """The plotly.js file shipped inside the installed plotly package."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _json_path(path: str) -> bool:
    """Whether a request's errors are answered as JSON (the API, the page's background runs)."""
    return path.startswith(("/api/", "/uncertainty/jobs"))


def create_app(settings: WebSettings) -> FastAPI:
    from detente.web import _api, _pages, _uncertainty_pages
    from detente.web._uncertainty import Busy, Jobs

    state = State(settings)
    jobs = Jobs(settings.limits)
    _pages.add_page("/uncertainty", "Uncertainty", before="/bargain")

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.cancel_all()
        state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="detente", version=_version(), docs_url=None, redoc_url=None,
        description="Forecasts, bargaining, credibility and the record of agreements, over "
        "HTTP. Errors are 4xx with the field path (`loc`). Read-only unless the server runs "
        "with --allow-writes; writes need `Authorization: Bearer TOKEN`.",
    )
    app.state.detente = state
    app.state.jobs = jobs
    app.state.templates = templates()

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> Response:
        if _json_path(request.url.path):
            return JSONResponse(error_body(exc), status_code=error_status(exc))
        return _pages.error_page(request, exc, error_status(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        detail: list[dict[str, Any]] = [
                  {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", "input")), "line": None} for e in exc.errors()]
        for d in detail:
            if "Expected UploadFile" in d["msg"]:  # a form field given as text, no filename
                d["msg"] = ("expected a file (a multipart form part with a filename, e.g. "
                            "files={'file': ('scenario.yaml', data)}), got a text field")
        if _json_path(request.url.path):
            return JSONResponse({"detail": detail}, status_code=422)
        return _pages.error_page(request, InputError("; ".join(
            f"{'.'.join(str(x) for x in d['loc'][1:])}: {d['msg']}" for d in detail)), 422)

    from detente.web._api import WriteRefused

    @app.exception_handler(WriteRefused)
    async def _refused(request: Request, exc: WriteRefused) -> Response:
        if request.url.path.startswith("/api/"):
            headers = {"www-authenticate": "Bearer"} if exc.status == 401 else None
            return JSONResponse({"detail": [{"loc": ["header", "authorization"],
                                             "msg": str(exc), "type": "auth", "line": None}]},
                                status_code=exc.status, headers=headers)
        return _pages.error_page(request, InputError(str(exc)), exc.status)

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        # FastAPI's and Starlette's own answers (a body that is not JSON in UTF-8, a path or
        # method that does not exist) in the API's one shape, or as the dashboard's error page
        msg, loc = str(exc.detail), []
        if exc.status_code == 400 and msg == "There was an error parsing the body":
            msg, loc = ("cannot read the body as JSON: expected a JSON object in UTF-8 "
                        "(Content-Type: application/json)"), ["body"]
        elif exc.status_code == 404:
            msg = f"no page or operation at {request.url.path}"
        elif exc.status_code == 405:
            msg = f"{request.method} is not an operation of {request.url.path}"
        if _json_path(request.url.path) or request.url.path == "/openapi.json":
            return JSONResponse({"detail": [{"loc": loc, "msg": msg, "type": "http",
                                             "line": None}]},
                                status_code=exc.status_code, headers=exc.headers)
        return _pages.error_page(request, InputError(msg), exc.status_code)

    @app.exception_handler(Busy)
    async def _busy(request: Request, exc: Busy) -> Response:
        if _json_path(request.url.path):
            return JSONResponse({"detail": [{"loc": [], "msg": str(exc), "type": "busy",
                                             "line": None}]},
                                status_code=429, headers={"retry-after": "5"})
        return _pages.error_page(request, InputError(str(exc)), 429)

    from detente.web._state import StoreUnavailable

    @app.exception_handler(StoreUnavailable)
    async def _store_down(request: Request, exc: StoreUnavailable) -> Response:
        if _json_path(request.url.path):
            return JSONResponse({"detail": [{"loc": [], "msg": str(exc), "type": "store",
                                             "line": None}]},
                                status_code=503, headers={"retry-after": "30"})
        return _pages.error_page(request, InputError(str(exc)), 503)

    static = resources.files("detente.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    js = plotly_js()

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def _plotly() -> Response:
        from fastapi.responses import FileResponse

        return FileResponse(js, media_type="text/javascript",
                            headers={"cache-control": "public, max-age=86400"})

    app.include_router(_api.router)
    app.include_router(_pages.router)
    app.include_router(_uncertainty_pages.router)

    app.add_middleware(BodyLimit, limit=settings.limits.body_bytes)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("detente")
    except PackageNotFoundError:  # pragma: no cover
        return "0"


def html(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    env: Environment = request.app.state.templates
    state: State = request.app.state.detente
    from detente.web._pages import NAV

    text = env.get_template(name).render(request=request, nav=NAV, writable=state.writable,
                                         permalink=str(request.url), **ctx)
    return HTMLResponse(text, status_code=status)
