"""The API's documentation, offline: `/api` lists the endpoints from the OpenAPI schema (always),
`/docs` and `/redoc` are Swagger UI and ReDoc served from the assets the `fastapi-offline`
package ships (`pip install 'kabar[web-docs]'`); without it they show the same list as `/api`.
Nothing is loaded from a CDN."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

from kabar.web.render import render

ui = APIRouter(include_in_schema=False)
ASSETS = "/docs-assets"
METHODS = ("get", "post", "put", "patch", "delete")


@lru_cache(maxsize=1)
def assets_dir() -> Path | None:
    """Where Swagger UI's and ReDoc's scripts are installed, or None."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    found = Path(fastapi_offline.__file__).parent / "static"
    return found if (found / "swagger-ui-bundle.js").is_file() and (found / "redoc.standalone.js").is_file() else None


@ui.get("/api", response_class=HTMLResponse)
def endpoints_page(request: Request):
    return render("api.html", request, endpoints=endpoints(request.app.openapi()), interactive=assets_dir() is not None)


@ui.get("/docs", response_class=HTMLResponse)
def swagger_page(request: Request):
    if assets_dir() is None:
        return endpoints_page(request)
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="Kabar API",
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon.png",
    )


@ui.get("/redoc", response_class=HTMLResponse)
def redoc_page(request: Request):
    if assets_dir() is None:
        return endpoints_page(request)
    return get_redoc_html(
        openapi_url="/openapi.json", title="Kabar API", redoc_js_url=f"{ASSETS}/redoc.standalone.js", with_google_fonts=False
    )


def endpoints(schema: dict) -> list[dict]:
    """Each operation of the schema: method, path, summary, tag, and its parameters."""
    out = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [
                {"name": p["name"], "in": p.get("in", ""), "required": p.get("required", False), "description": p.get("description", "")}
                for p in op.get("parameters", [])
            ]
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "tag": (op.get("tags") or [""])[0],
                    "params": params,
                    "body": "requestBody" in op,
                }
            )
    return out
