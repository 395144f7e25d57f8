"""Command: ``detente serve`` (the web dashboard and JSON API; needs the ``web`` extra)."""

from __future__ import annotations

import importlib.util
import os
import secrets
from typing import Annotated

import typer

from detente.cli._app import UserError, app, db_option, fail, print_lines, user_errors

__all__: list[str] = []

_NEEDED = ("fastapi", "uvicorn", "jinja2", "plotly", "multipart")


def missing_web_packages() -> list[str]:
    """The web extra's packages that are not installed."""
    return [m for m in _NEEDED if importlib.util.find_spec(m) is None]


def check_listen(host: str, port: int) -> None:
    """Refuse (a usage error) an address this machine cannot listen on: a host that does not
    resolve, a port in use or not allowed, before saying "serving" (uvicorn's own message
    would come after it, with exit status 1 or 3)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        why = getattr(e, "strerror", None) or str(e)
        raise UserError(f"--host {host}: cannot resolve it ({why})") from None
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            s.bind(addr)
        except OSError as e:
            raise UserError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


@app.command("serve")
@user_errors
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on (default: this machine "
                                      "only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    db: Annotated[str | None, typer.Option(
        "--db", callback=db_option, help="Record database URL or SQLite path (default: "
        "$DETENTE_DB, else the "
        "default store, as the other commands); 'shipped' serves the shipped dataset "
        "read-only.")] = None,
    allow_writes: Annotated[bool, typer.Option(
        "--allow-writes", help="Let requests carrying the token write to the record "
        "(accepting events found in an article).")] = False,
    token: Annotated[str | None, typer.Option(
        "--token", help="Bearer token for writes (default with --allow-writes: "
        "$DETENTE_TOKEN, else a random one, printed).")] = None,
) -> None:
    """Serve the web dashboard and JSON API (read-only unless --allow-writes)."""
    missing = missing_web_packages()
    if missing:
        from rich.markup import escape

        fail(escape(f"detente serve needs the web extra (missing: {', '.join(missing)}); "
                    "install it with: pip install 'detente[web]'"))
    import uvicorn

    from detente.web import WebSettings, create_app

    if token is not None and not allow_writes:
        fail("--token is only used with --allow-writes")
    token_given = token
    if allow_writes:
        token = token or os.environ.get("DETENTE_TOKEN") or secrets.token_urlsafe(24)
        if db == "shipped":
            fail("--allow-writes needs a record database (--db URL or path), not 'shipped'")
    from rich.markup import escape

    from detente._dburl import IN_MEMORY_REFUSED, in_memory_sqlite
    from detente.record._store import check_store_url

    env_db = os.environ.get("DETENTE_DB", "")
    if db is None and in_memory_sqlite(env_db):
        fail(escape(f"$DETENTE_DB={env_db}: {IN_MEMORY_REFUSED}"))
    check_store_url(db if db is not None else env_db.strip())  # before "serving", as the host
    check_listen(host, port)
    settings = WebSettings(db=db, allow_writes=allow_writes, token=token)
    web = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    mode = "writes allowed with the token" if allow_writes else "read-only"
    print_lines(f"detente serving on http://{shown}:{port}/ ({mode})", err=True)
    if allow_writes and token_given is None and not os.environ.get("DETENTE_TOKEN"):
        print_lines(f"write token: {token}", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning", timeout_keep_alive=5)
