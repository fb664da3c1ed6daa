# mergegraph API / CLI image. Neo4j itself runs in its own container (see
# docker-compose.yml); this image never starts a local Neo4j.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The project (filtered by .dockerignore), installed in place: the queries in
# cypher/ and the bundled corpus are read from /app at run time.
COPY . /app
RUN pip install -e . \
    && useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin mergegraph \
    && mkdir -p /archive && chown mergegraph:mergegraph /archive

USER mergegraph

EXPOSE 8000
CMD ["mergegraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
