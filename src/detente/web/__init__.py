"""The web face of detente: a dashboard and a JSON API over the library (``detente serve``).

FastAPI + Jinja2 (autoescaped) + plotly.js served from the installed plotly package. Pages and
API call the same library functions as the command line; no model code lives here. Needs the
``web`` extra: ``pip install 'detente[web]'``.
"""

from detente.web._settings import Limits, WebSettings

__all__ = ["Limits", "WebSettings", "create_app"]


def create_app(settings: WebSettings | None = None):  # type: ignore[no-untyped-def]
    """The FastAPI application (``settings`` default: read-only, the default record store)."""
    from detente.web._app import create_app as _create

    return _create(settings or WebSettings())
