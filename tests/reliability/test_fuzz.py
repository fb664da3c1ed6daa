"""The API fuzzed from its own OpenAPI schema with schemathesis, over HTTP, on a
real server (`mergegraph serve`) against the real Neo4j: at least 1,000
generated requests, valid and invalid, writes included (with the token). Not
one 5xx; every error is application/problem+json."""

from __future__ import annotations

import json
from collections import Counter

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from tests.reliability.conftest import is_problem, record

MIN_CASES = 1000
EXAMPLES_PER_OPERATION = 45  # per mode; small enum-only operations run out earlier


class Response:
    """A schemathesis response as is_problem() reads an httpx one."""

    def __init__(self, res):
        self.status_code = res.status_code
        self.headers = {k.lower(): v[0] if isinstance(v, list) else v
                        for k, v in res.headers.items()}
        self.content = res.content

    def json(self):
        return json.loads(self.content)


def test_fuzz_the_api_from_its_openapi_schema(loaded, api_server):
    schema = schemathesis.openapi.from_url(f"{api_server.url}/openapi.json")
    statuses: Counter[int] = Counter()
    per_operation: Counter[str] = Counter()
    failures: list[str] = []

    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                      phases=[Phase.explicit, Phase.generate],
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case):
                res = case.call(base_url=api_server.url, headers=api_server.auth, timeout=60)
                statuses[res.status_code] += 1
                per_operation[operation.label] += 1
                if res.status_code >= 500 or (
                        res.status_code >= 400 and not is_problem(Response(res))):
                    failures.append(f"{res.status_code} {case.method} {res.request.url}: "
                                    f"{res.content[:300]!r}")

            try:
                run()
            except Unsatisfiable:  # no invalid input exists (an operation without parameters)
                continue

    cases = sum(statuses.values())
    record("fuzz", {"cases": cases, "operations": len(per_operation),
                    "responses_5xx": sum(n for s, n in statuses.items() if s >= 500),
                    "errors_not_problem_json": len(failures),
                    "statuses": {str(k): v for k, v in sorted(statuses.items())},
                    "per_operation": dict(per_operation), "first_failures": failures[:10]})
    assert not failures, "\n".join(failures[:20])
    assert cases >= MIN_CASES
