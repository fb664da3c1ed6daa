"""The OpenAPI document describes what the server does (issue 18, item 8).

schemathesis with ALL its checks (server errors, status codes, content types,
response headers, response schemas, positive data accepted, negative data
rejected, ignored auth, unsupported methods answered 405 with Allow, ...), over
HTTP to a real `mergegraph serve` on the real Neo4j, writes included (with the
token), positive and negative generation.

Two documented exceptions: `POST /documents` refuses a date that does not exist
or lies outside 1945..today with 422 (a JSON Schema pattern cannot say which
days exist, nor what today is), and `GET /sources/{id}/text` refuses a highlight
whose START is not before its END (a schema cannot compare two numbers). For
those operations only, positive data may be answered 422 when, and only when,
the problem names the date or the highlight.
"""

from __future__ import annotations

import json
from collections import Counter

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from tests.reliability.conftest import record

EXAMPLES_PER_OPERATION = 60  # per mode


# The documented exceptions: operation -> the word its 422 problem must name
REFUSALS = {"POST /documents": "date", "GET /sources/{source_id}/text": "highlight"}


def _documented_refusal(response, operation: str) -> bool:
    """A 422 whose problem names what the operation's schema cannot check."""
    word = REFUSALS.get(operation)
    if word is None or response.status_code != 422:
        return False
    try:
        detail = json.loads(response.content).get("detail", "")
    except ValueError:
        return False
    return word in detail


def test_schemathesis_with_all_checks_passes_clean(loaded, api_server):
    schema = schemathesis.openapi.from_url(f"{api_server.url}/openapi.json")
    statuses: Counter[int] = Counter()
    failures: list[str] = []

    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            # derandomize: the same cases every run, so CI cannot fail by chance
            @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                      derandomize=True,
                      phases=[Phase.explicit, Phase.generate],
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case):
                # Negative cases go without the token: a case whose mutation is the
                # missing Authorization header must not get it back from us.
                headers = api_server.auth if mode == GenerationMode.POSITIVE else None
                response = case.call(base_url=api_server.url, headers=headers, timeout=60)
                statuses[response.status_code] += 1
                excluded = []
                if _documented_refusal(response, operation.label):
                    excluded = [positive_data_acceptance]
                try:
                    case.validate_response(response, headers=headers,
                                           excluded_checks=excluded)
                except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - collected
                    failures.append(f"{case.method} {response.request.url} -> "
                                    f"{response.status_code} {response.content[:200]!r}: "
                                    f"{str(exc)[:600]}")

            try:
                run()
            except Unsatisfiable:
                continue
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - schemathesis' own
                failures.append(f"{operation.label} ({mode.value}): {str(exc)[:1500]}")

    cases = sum(statuses.values())
    record("openapi_conformance", {
        "cases": cases, "failures": len(failures),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "first_failures": failures[:10]})
    assert not failures, f"{len(failures)} failures:\n" + "\n\n".join(failures[:15])
