"""Property-based fuzzing of the whole API from its OpenAPI document (schemathesis).

Every operation gets generated requests, valid ones (positive) and ones the document
forbids (negative), over the demo content. Each answer must not be a 5xx, must have a
documented status and content type and match the documented schema, and a request the
document forbids must be refused with a 4xx.

`FUZZ_EXAMPLES` (default 8 per operation and mode: under 400 requests) sets the depth;
`make fuzz` runs many more. Runs are reproducible (derandomised) unless `FUZZ_RANDOM` is set.
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


def fuzz(operation, mode, counter):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=os.environ.get("FUZZ_RANDOM") is None,
        database=None,
    )
    def run(case):
        counter.append(case)
        case.call_and_validate(checks=CHECKS)

    run()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_against_its_document(demo_content, wsgi_app, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", wsgi_app)
    cases = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 32
    for operation in operations:
        fuzz(operation, mode, cases)
    print(f"{mode}: {len(cases)} requests over {len(operations)} operations")
