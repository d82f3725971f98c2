"""Schemathesis hooks of the fuzz suite (test/security/fuzz.e2e-spec.ts).

A schema-valid request the server refuses fails `positive_data_acceptance` (ST202). Some refusals
follow a rule JSON Schema cannot state: one field against another (lower <= upper), a reference to
another record (an index of the test, a biomarker of the order), the record's state (already
received) or the network (a host that does not resolve). fuzz-refusals.ts lists each one as an
operation, a status, the error code the server answers and a message pattern; this hook drops an
ST202 failure only when the response is one of them. Every other failure stays.
"""

import json
import os
import re

import schemathesis

with open(os.environ["LABFLOW_FUZZ_REFUSALS"], encoding="utf-8") as listed:
    REFUSALS = json.load(listed)


def error_of(response):
    """The error code and message of a JSON error body, or of a FHIR OperationOutcome's first issue."""
    try:
        body = json.loads(response.content or b"null")
    except ValueError:
        return None, ""
    if not isinstance(body, dict):
        return None, ""
    if body.get("resourceType") == "OperationOutcome":
        issue = (body.get("issue") or [{}])[0]
        return (issue.get("details") or {}).get("text"), str(issue.get("diagnostics") or "")
    return body.get("code"), str(body.get("message") or "")


@schemathesis.hook
def filter_failure(context, failure, case, response):
    if failure.code != "ST202":
        return True
    code, message = error_of(response)
    for refusal in REFUSALS:
        if (
            refusal["operation"] == case.operation.label
            and refusal["status"] == response.status_code
            and refusal["code"] == code
            and re.search(refusal["message"], message)
        ):
            return False
    return True
