"""Named spinal diagnoses by class of wording, on sentences written for the purpose."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Echocardiogram: moderate aortic stenosis.", set(), id="valve"),
        pytest.param("The right coronary artery has a 70% stenosis in its mid portion.", set(), id="vessel"),
        pytest.param("History of subglottic stenosis after intubation.", set(), id="airway"),
        pytest.param("L4-5: severe stenosis from facet hypertrophy.", {"spinal stenosis"}, id="level"),
        pytest.param("MRI of the lumbar spine shows moderate stenosis.", {"spinal stenosis"}, id="region"),
        pytest.param("There is stenosis of the canal with compression of the thecal sac.", {"spinal stenosis"},
                     id="spine-word"),
        pytest.param("Moderate foraminal stenosis on the left.", {"spinal stenosis"}, id="spinal-phrase"),
        pytest.param("However, there was significant neuroforaminal stenosis on the left.", {"spinal stenosis"},
                     id="neuroforaminal"),
    ],
)
def test_when_a_bare_stenosis_names_no_spinal_site_then_it_is_no_spinal_stenosis(checker, text, expected):
    """A vessel's, valve's or airway's stenosis is no spinal stenosis; a region, level or spine word makes it one."""
    assert present_values(checker, text, "diagnosis") & {"spinal stenosis"} == expected
