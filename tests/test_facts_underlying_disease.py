"""Underlying diseases tied to the spine by class of wording (docs/annotation.md C1), on sentences written
for the purpose."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Metastatic prostate cancer with a lesion in the L3 vertebral body.", {"metastatic carcinoma"},
                     id="disease-and-level-together"),
        pytest.param("Past surgical history: removal of a thyroid tumor in 2001, appendectomy in 2004, knee "
                     "arthroscopy in 2008, lumbar laminectomy in 2012.", set(), id="separate-items-of-a-list"),
        pytest.param("Known lymphoma (diagnosed 2019, in remission), now with new pain over the sacrum and a "
                     "lytic lesion at S1.", {"neoplasm"}, id="one-item-with-an-aside"),
    ],
)
def test_when_a_disease_and_a_spine_word_are_items_of_one_list_then_they_are_not_tied(checker, text, expected):
    assert present_values(checker, text, "underlying_disease") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Metastatic breast cancer to her rib cage and spine, on hormonal therapy.", {"metastatic carcinoma"},
                     id="spine-without-a-region"),
        pytest.param("A large epidural lipoma displaces the cord.", {"neoplasm"}, id="epidural-site"),
        pytest.param("Metastatic breast cancer to the liver and lungs.", set(), id="no-spinal-site"),
        pytest.param("Past history: breast cancer in 2001, appendectomy in 2004, knee arthroscopy, spinal headache "
                     "after a epidural for labour.", set(), id="spine-word-in-another-list-item"),
    ],
)
def test_when_a_disease_is_placed_in_the_spine_without_a_region_then_it_counts(checker, text, expected):
    """C1: a disease the note places in the spine counts, a region named or not."""
    assert present_values(checker, text, "underlying_disease") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Known thoracic osteomyelitis, treated with six weeks of antibiotics.", {"vertebral osteomyelitis"},
                     id="osteomyelitis-with-a-region"),
        pytest.param("She had osteomyelitis after a kyphoplasty, and the infected vertebral cement was removed at T12.",
                     {"vertebral osteomyelitis", "spinal infection"}, id="osteomyelitis-of-an-augmented-vertebra"),
        pytest.param("Diskitis at L4-5 on the MRI.", {"vertebral osteomyelitis"}, id="diskitis-spelling"),
        pytest.param("He underwent drainage of an infection at 4-5 and a fusion at L4-5 two years ago.",
                     {"spinal infection"}, id="infection-at-a-bare-segment"),
        pytest.param("Debridement of an abscess of the L3 vertebral body.", {"spinal infection"}, id="abscess-at-a-level"),
        pytest.param("An epidural abscess compresses the cord at T6.", {"spinal infection"}, id="epidural-abscess"),
        pytest.param("Osteomyelitis of the left great toe. Chronic lumbar pain.", set(), id="osteomyelitis-of-a-toe"),
        pytest.param("Wound infection at 2 weeks after the lumbar fusion.", set(), id="a-number-is-not-a-segment"),
        pytest.param("Risks of the lumbar fusion, including infection of the disc space, were discussed.", set(),
                     id="risk-of-infection"),
    ],
)
def test_when_an_infection_is_placed_in_the_spine_then_it_is_an_underlying_disease(checker, text, expected):
    """Guideline: osteomyelitis and discitis; C1: an infection counts when the note places it in the spine."""
    assert present_values(checker, text, "underlying_disease") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Her headaches come from the pituitary tumor, but the lumbar stiffness from lifting.", set(),
                     id="tumour-and-spine-in-contrasting-clauses"),
        pytest.param("Staging found bone metastases, but no spinal cord compression.", set(),
                     id="spine-named-only-in-the-contrast"),
        pytest.param("Metastatic lung cancer to the T8 vertebral body, but no cord compression.", {"metastatic carcinoma"},
                     id="tie-before-the-contrast-stays"),
    ],
)
def test_when_a_contrast_stands_between_disease_and_spine_then_they_are_not_tied(checker, text, expected):
    """C1: a disease and a spinal site on either side of 'but' are not one statement of spinal involvement."""
    assert present_values(checker, text, "underlying_disease") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The colon tumor will be tested for microsatellite instability.", set(),
                     id="microsatellite-instability-of-a-tumour"),
        pytest.param("The sarcoma recurred and she was admitted with hemodynamic instability.", set(),
                     id="hemodynamic-instability"),
        pytest.param("Lymphoma of the groin; he walks with gait instability.", set(), id="gait-instability"),
        pytest.param("A schwannoma with segmental instability.", {"neoplasm"}, id="segmental-instability-stays"),
        pytest.param("Instability from a giant cell tumor.", {"neoplasm"}, id="instability-at-the-start-stays"),
    ],
)
def test_when_instability_belongs_to_another_organ_or_function_then_it_ties_no_disease_to_the_spine(
    checker, text, expected
):
    """C1: 'hemodynamic', 'microsatellite' or 'gait instability' is no spinal instability, so a tumour in its
    sentence is not placed in the spine (diagnosis.instability's not_after)."""
    assert present_values(checker, text, "underlying_disease") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Meningioma, removed in 2015. It had arisen at the T6 level.", {"neoplasm"},
                     id="referring-subject-with-a-level"),
        pytest.param("History of an ependymoma. This was resected from the conus region of the lumbar spine.",
                     {"neoplasm"}, id="this-with-a-region"),
        pytest.param("Meningioma, removed in 2015. She also has lumbar stenosis.", set(),
                     id="next-sentence-about-something-else"),
        pytest.param("Breast cancer in 2010. It was treated with a mastectomy. Her lumbar pain began last week.",
                     set(), id="region-two-sentences-on"),
    ],
)
def test_when_the_next_sentence_refers_back_and_places_the_disease_then_it_counts(checker, text, expected):
    """C1: 'It was resected from T12 to L1' after a tumour places that tumour in the spine."""
    assert present_values(checker, text, "underlying_disease") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("MRI of the thoracic spine: a T8 signal change suggestive of metastatic disease.", set(),
                     id="finding-suggestive-of-metastasis"),
        pytest.param("MRI of the lumbar spine showed enhancement suggestive of tumor along the cauda equina.", set(),
                     id="enhancement-suggestive-of-tumour"),
        pytest.param("MRI of the thoracic spine: metastatic disease at T8 with cord compression.", {"metastatic carcinoma"},
                     id="metastasis-named"),
    ],
)
def test_when_a_study_only_suggests_a_spinal_tumour_then_it_is_no_underlying_disease(checker, text, expected):
    """C50: a vertebral or spinal lesion that a study only suggests is a tumour or metastasis is possible, not named."""
    assert present_values(checker, text, "underlying_disease") == expected
