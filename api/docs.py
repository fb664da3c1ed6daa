"""The API's documentation pages, /docs (Swagger UI) and /redoc (ReDoc), with their
scripts and styles served by the app itself (copied into api/static/ by the UI build
from the npm packages swagger-ui-dist and redoc): they work offline, no CDN."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import (get_redoc_html, get_swagger_ui_html,
                                  get_swagger_ui_oauth2_redirect_html)
from fastapi.responses import HTMLResponse

docs_router = APIRouter(include_in_schema=False)

FAVICON = "data:,"


@docs_router.get("/docs", response_class=HTMLResponse)
async def swagger_ui(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=request.app.openapi_url, title=f"{request.app.title} · API",
        swagger_js_url="/ui/swagger-ui-bundle.js", swagger_css_url="/ui/swagger-ui.css",
        swagger_favicon_url=FAVICON, oauth2_redirect_url="/docs/oauth2-redirect",
        # no validator badge: it would call validator.swagger.io
        swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": True})


@docs_router.get("/docs/oauth2-redirect", response_class=HTMLResponse)
async def swagger_ui_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


@docs_router.get("/redoc", response_class=HTMLResponse)
async def redoc(request: Request) -> HTMLResponse:
    return get_redoc_html(openapi_url=request.app.openapi_url,
                          title=f"{request.app.title} · API", redoc_js_url="/ui/redoc.standalone.js",
                          redoc_favicon_url=FAVICON, with_google_fonts=False)
