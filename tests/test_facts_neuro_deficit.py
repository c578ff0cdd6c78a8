"""Neurological deficits of spinal type (docs/annotation.md C3), on sentences written for the purpose."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Left MCA stroke. Her right arm is weak and numb.", set(), id="no-spinal-region"),
        pytest.param("Lumbar stenosis. Her right leg is weak and numb.", {"weakness", "numbness"}, id="with-region"),
        pytest.param("PAST MEDICAL HISTORY: Hypertension, gout and sciatica.", {"radiculopathy"},
                     id="radiculopathy-needs-no-region"),
        pytest.param("Shoulder pain. No radicular symptoms.", set(), id="radiculopathy-denied"),
    ],
)
def test_when_no_region_then_only_a_radiculopathy_is_of_spinal_type(checker, text, expected):
    """A deficit counts only in a note that locates a spinal region, but a radiculopathy (sciatica) is a spinal
    condition by itself."""
    assert present_values(checker, text, "neuro_deficit") == expected


def test_when_sciatica_in_past_history_then_historical(checker):
    facts = [f for f in checker.extract("PAST MEDICAL HISTORY: Hypertension and sciatica.") if f.kind == "neuro_deficit"]
    assert [(f.value, f.assertion, f.historical) for f in facts] == [("radiculopathy", "present", True)]
