"""Current spinal injuries by class of wording, on sentences written for the purpose (docs/annotation.md C11)."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("X-RAY CERVICAL SPINE: No fracture.", set(), id="heading-then-no-fracture"),
        pytest.param("The ribs and spine show no fractures.", set(), id="spine-show-no-fracture"),
        pytest.param("Normal lordosis of the cervical spine, no fracture is seen.", set(), id="spine-comma-no-fracture"),
        pytest.param("CT shows an acute L2 burst fracture.", {"vertebral fracture", "fracture"}, id="named-fracture"),
    ],
)
def test_when_a_negation_stands_between_the_spine_and_fracture_then_no_current_injury(checker, text, expected):
    assert present_values(checker, text, "current_injury") == expected
