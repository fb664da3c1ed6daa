"""The analyst web UI: its page at `/`, its built assets under `/ui/`.

The UI is a static bundle (built from `ui/` with `npm ci && npm run build`, and
committed in `api/static/`), so serving it needs no npm and no other server. It
reads the API's own endpoints; routing is in the URL's fragment (`#/body/<id>`),
so no API path is shadowed.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC = Path(str(files("mergegraph.api"))).resolve() / "static"
INDEX = STATIC / "index.html"

# Security headers for the page: everything comes from this origin, nothing inline
# but styles set by the script on SVG elements.
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
}

ui_router = APIRouter(include_in_schema=False)


@ui_router.api_route("/", methods=["GET", "HEAD"])
async def ui_index() -> FileResponse:
    if not INDEX.is_file():
        raise HTTPException(404, "the web UI is not built: run `npm ci && npm run build` in ui/")
    return FileResponse(INDEX, media_type="text/html; charset=utf-8", headers=_HEADERS)


@ui_router.api_route("/ui/{name:path}", methods=["GET", "HEAD"])
async def ui_asset(name: str) -> FileResponse:
    """A file of the built bundle; nothing outside api/static/ is ever served."""
    path = (STATIC / name).resolve()
    if not path.is_file() or STATIC not in path.parents:
        raise HTTPException(404, f"no UI asset {name!r}")
    return FileResponse(path, headers={"X-Content-Type-Options": "nosniff",
                                       "Cache-Control": "no-cache"})
