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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Osteoporosis of the spine with L1 compression fracture.", set(), id="osteoporotic"),
        pytest.param("PRE-OP DIAGNOSIS: Pathologic fractures T12-L2 with kyphosis.", set(), id="pathologic"),
        pytest.param("He fell from a ladder; CT shows an L1 compression fracture.", {"vertebral fracture", "fracture"},
                     id="traumatic"),
    ],
)
def test_when_a_fracture_is_osteoporotic_or_pathological_then_it_is_no_current_injury(checker, text, expected):
    """A disease's collapse (M80, M84.5-) is not the current injury (an S-code) the spine codes exclude."""
    assert present_values(checker, text, "current_injury") == expected


def test_when_a_scar_is_well_healed_then_the_note_is_not_dated_healed(checker):
    """'Well healed' of a scar is the skin's phase: a fracture in the same note stays current."""
    text = "CT shows an acute L2 burst fracture after a fall. Old appendectomy scar, well healed."
    facts = checker.extract(text)
    assert not any(f.kind == "phase_of_care" for f in facts)
    assert any(f.kind == "current_injury" and not f.historical for f in facts)
