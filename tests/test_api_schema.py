"""A property-based run of the OpenAPI schema (schemathesis): every operation called with generated
parameters and bodies, valid (positive) and invalid (negative), against an app over real stored stories;
no call may end in a server error. Extract and ingest are called with the token, so generated texts reach
the readers, the pipeline and the store; reference-data update is called without it (it would rewrite the
bundled snapshot). The budget is small, a few examples per operation and mode, to keep CI short."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from test_api_support import TOKEN, fill, make_app, voa_results  # noqa: F401

EXAMPLES = 8


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, voa_results):  # noqa: F811
    store = fill(f"sqlite:///{tmp_path_factory.mktemp('schema') / 'store.db'}", voa_results)
    return schemathesis.openapi.from_asgi("/api/openapi.json", make_app(store.url, costly_rate="100000/minute"))


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_operation_ends_in_a_server_error(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 18
    failures: list[str] = []
    for operation in operations:
        headers = {} if operation.path == "/api/refdata/update" else {"Authorization": f"Bearer {TOKEN}"}

        @given(case=operation.as_strategy(generation_mode=mode, headers=headers))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def call(case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        try:
            call()
        except Unsatisfiable:  # no parameter and no body: nothing can be made invalid
            assert mode == GenerationMode.NEGATIVE and not operation.query and not operation.body
        except Exception as exc:  # collect every operation's failure, then fail once naming them all
            failures.append(f"{operation.label}: {str(exc)[:600]}")
    assert not failures, "\n".join(failures)
