# mergegraph API / CLI image. Neo4j itself runs in its own container (see
# docker-compose.yml); this image never starts a local Neo4j.

# Build the wheel: one distribution, `mergegraph`, with its .cypher files,
# vocabulary, bundled corpus and UI as package data.
FROM python:3.11-slim AS build
WORKDIR /src
COPY . /src
RUN pip wheel --no-deps --no-cache-dir -w /dist .

# Install the wheel: nothing is read from a source tree at run time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

COPY --from=build /dist /dist
RUN pip install /dist/mergegraph-*.whl && rm -rf /dist \
    && useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin mergegraph \
    && mkdir -p /archive && chown mergegraph:mergegraph /archive

USER mergegraph
WORKDIR /home/mergegraph

EXPOSE 8000
CMD ["mergegraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
