"""The report models: `validated` builds what the model's own constructor builds, and refuses the same."""

import pytest
from pydantic import ValidationError

from notecheck.report import Fact, Query, Requirement, validated

FACT = {"id": 0, "kind": "region", "value": "sacral", "text": "sacrum", "start": 4, "end": 10,
        "assertion": "present", "historical": False, "section": "hpi", "rule_id": "region.sacral"}
REQUIREMENT = {"id": "imaging", "status": "missing", "severity": "recommended", "evidence": [],
               "message": "No imaging."}


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        pytest.param(Fact, FACT, id="fact"),
        pytest.param(Requirement, REQUIREMENT, id="requirement"),
        pytest.param(Query, {"requirement": "imaging", "text": "Have imaging studies been performed?"}, id="query"),
    ],
)
def test_when_fields_are_valid_then_validated_builds_what_the_model_builds(model, fields):
    built = validated(model, fields)
    assert type(built) is model
    assert built == model(**fields)
    assert built.model_dump_json() == model(**fields).model_dump_json()


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        pytest.param(Fact, {**FACT, "assertion": "absent"}, id="not-an-assertion"),
        pytest.param(Fact, {**FACT, "colour": "red"}, id="extra-field"),
        pytest.param(Requirement, {k: v for k, v in REQUIREMENT.items() if k != "message"}, id="missing-field"),
    ],
)
def test_when_fields_are_invalid_then_validated_refuses_them_as_the_model_does(model, fields):
    with pytest.raises(ValidationError) as by_model:
        model(**fields)
    with pytest.raises(ValidationError) as by_validated:
        validated(model, fields)
    assert by_validated.value.errors() == by_model.value.errors()
