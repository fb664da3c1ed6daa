"""A small web site for the tests, served on 127.0.0.1 by a thread (never the
internet): news pages made from the bundled corpus, a sitemap, an RSS feed,
robots.txt disallowing one path, a 429 then 200, a redirect and a redirect
loop, a 404, a binary file, a huge page, a page whose header lies about its
encoding, and a page with ETag / Last-Modified that answers 304."""

from __future__ import annotations

import html
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from mergegraph.settings import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "ingest" / "corpus" / "seeds"

# (path, seed, publisher as the page names it, date, province the domain and name imply)
ARTICLES = [
    ("/tin/dam-ha.html", "000_3ebe3cc6aa2eb4b4", "Trung tâm Truyền thông và Văn hóa huyện Đầm Hà",
     "2020-04-26"),
    ("/tin/dak-nong.html", "001_cd4382b165326b66", "Báo Đắk Nông", "2019-10-09"),
    ("/tin/quang-ninh.html", "002_a4731ee8503e2245", "Báo Quảng Ninh", "2020-02-02"),
    ("/tin/son-la.html", "003_87f683aa0724e388", "Báo Sơn La", "2021-03-01"),
    ("/tin/ha-tinh.html", "004_c54c420e4b706307", "Báo Hà Tĩnh", "2016-08-19"),
]


def article_html(seed: str, publisher: str, date: str, json_ld: bool = False) -> str:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    paras = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
    if json_ld:  # the date and publisher in JSON-LD only
        head = ('<script type="application/ld+json">{"@context": "https://schema.org", '
                f'"@type": "NewsArticle", "headline": "{html.escape(title)}", '
                f'"datePublished": "{date}T07:30:00+07:00", '
                f'"publisher": {{"@type": "Organization", "name": "{publisher}"}}}}</script>')
    else:
        head = (f'<meta property="og:site_name" content="{html.escape(publisher)}">\n'
                f'<meta property="article:published_time" content="{date}T07:30:00+07:00">')
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(publisher)}</title>
<meta property="og:title" content="{html.escape(title.strip())}">
{head}
</head><body>
<nav><a href="/">Trang chủ</a> | <a href="/chinh-tri">Chính trị</a> | <a href="/xa-hoi">Xã hội</a></nav>
<article><h1>{html.escape(title)}</h1>
{paras}
</article>
<footer>Đường dây nóng: 0212 3852 111. Giấy phép số 123/GP-BTTTT.</footer>
</body></html>
"""


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class Site:
    """The routes, editable by a test, and a count of requests per path."""

    def __init__(self):
        self.routes: dict[str, Route | list[Route]] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: dict[str, list[dict]] = {}
        self.server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: str | bytes, content_type="text/html; charset=utf-8", **headers):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(200, data, {"Content-Type": content_type, **headers})

    def start(self) -> "Site":
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path
                site.hits[path] += 1
                site.request_headers.setdefault(path, []).append(dict(self.headers))
                route = site.routes.get(path)
                if isinstance(route, list):  # a sequence of answers, the last repeated
                    route = route.pop(0) if len(route) > 1 else route[0]
                if route is None:
                    route = Route(404, b"<html><body>Not found</body></html>",
                                  {"Content-Type": "text/html"})
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.headers.get("Connection") == "close":  # no length: read to the end
                    self.close_connection = True
                else:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except ConnectionError:  # the client gave up (a page over its limit)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def news_site(site: Site) -> Site:
    """The pages of ARTICLES, a sitemap and a feed listing them, robots.txt."""
    for path, seed, publisher, date in ARTICLES:
        site.page(path, article_html(seed, publisher, date, json_ld=path.endswith("son-la.html")))
    locs = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p, *_ in ARTICLES[:3])
    site.page("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
              f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
              "application/xml")
    items = "".join(f"<item><title>t</title><link>{site.url(p)}</link></item>"
                    for p, *_ in ARTICLES[3:])
    site.page("/rss.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title>'
              f"{items}</channel></rss>", "application/rss+xml")
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.page("/private/secret.html", article_html(*ARTICLES[0][1:]))
    return site


def write_files(folder: Path, site: Site) -> Path:
    """The same pages as files, with a manifest (what the web ingest should equal)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    import json

    from mergegraph.ingest.web import doc_id
    for path, seed, publisher, date in ARTICLES:
        name = path.rsplit("/", 1)[1]
        (folder / name).write_bytes(site.routes[path].body)
        url = site.url(path)
        title = " ".join((SEEDS / f"{seed}.txt").read_text(encoding="utf-8").partition("\n")[0].split())
        lines.append(json.dumps({"doc": doc_id(url), "path": name, "url": url,
                                 "publisher": publisher, "date": date, "title": title},
                                ensure_ascii=False))
    manifest = folder / "manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest
