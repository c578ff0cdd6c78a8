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


@pytest.mark.parametrize(
    ("text", "historical"),
    [
        pytest.param("He has an acute lumbar strain from a fall. There is an old incision on his chest. It is well healed.",
                     False, id="scar-in-the-sentence-before"),
        pytest.param("He has an acute lumbar strain from a fall. There is a scar on his knee. This was well healed.",
                     False, id="this-after-a-scar"),
        pytest.param("He had an L1 compression fracture in 2010. It is healed now.", True, id="it-after-a-fracture"),
    ],
)
def test_when_a_healed_phase_refers_back_to_a_scar_then_the_note_is_not_dated_healed(checker, text, historical):
    """'This was well healed' after a sentence naming a scar or incision is the skin's phase, not the injury's."""
    facts = [f for f in checker.extract(text) if f.kind == "current_injury" and f.assertion == "present"]
    assert facts
    assert all(f.historical == historical for f in facts)


@pytest.mark.parametrize(
    ("text", "historical"),
    [
        pytest.param("MRI shows a recent T12 compression fracture. The fracture has not healed after months of bracing.",
                     False, id="not-healed"),
        pytest.param("MRI shows a recent T12 compression fracture. There is no evidence that it healed.", False,
                     id="no-evidence-healed"),
        pytest.param("MRI shows a T12 compression fracture. The fracture has healed.", True, id="healed"),
    ],
)
def test_when_the_note_denies_that_the_fracture_healed_then_it_stays_current(checker, text, historical):
    """Only a healed phase the note states dates its fractures; a negated one ('has not healed') does not. The
    fractures are called recent: one of unstated age is no current injury anyway (C30)."""
    facts = [f for f in checker.extract(text) if f.kind == "current_injury" and f.assertion == "present"]
    assert facts
    assert all(f.historical == historical for f in facts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("X-rays show a displaced fracture of the left distal humerus.", set(), id="fracture-of-humerus"),
        pytest.param("Open reduction of the right tibia fracture under fluoroscopy.", set(), id="tibia-fracture"),
        pytest.param("CT showed a fracture of the right femur and an L2 burst fracture.",
                     {"vertebral fracture", "fracture"}, id="spinal-beside-it"),
        pytest.param("CT of the lumbar spine shows a fracture near the hip screw.", {"vertebral fracture", "fracture"},
                     id="spine-word-near"),
    ],
)
def test_when_a_fracture_is_of_a_bone_outside_the_spine_then_it_is_no_current_injury(checker, text, expected):
    assert present_values(checker, text, "current_injury") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ASSESSMENT:\n1. Lumbar muscle strain.\n2. Chronic back pain.", {"spinal strain"},
                     id="lumbar-muscle-strain"),
        pytest.param("Diagnosis: acute cervical paraspinal muscle strain.", {"spinal strain"}, id="paraspinal-muscle-strain"),
        pytest.param("Thoracic soft tissue strain after the collision.", {"spinal strain"}, id="soft-tissue-strain"),
        pytest.param("Lumbar muscles show no strain on the images.", set(), id="negated-strain"),
    ],
)
def test_when_the_strained_muscle_stands_between_region_and_strain_then_it_is_a_spinal_strain(checker, text, expected):
    """C11: a strain of the spine's muscles or soft tissue named with its region ('lumbar muscle strain')."""
    assert present_values(checker, text, "current_injury") == expected


@pytest.mark.parametrize(
    ("text", "current"),
    [
        pytest.param("PAST HISTORY:\n1. Diabetes.\n2. Compression fracture of T9, cause unknown.", False,
                     id="history-list-no-age"),
        pytest.param("Plain films of the thoracic spine show a mild wedge compression fracture of T8.", False,
                     id="study-finding-no-age"),
        pytest.param("Plain films of the thoracic spine show a new wedge compression fracture of T8.", True,
                     id="new-fracture"),
        pytest.param("She slipped on the ice last week. Films show an L2 compression fracture.", True,
                     id="tied-to-an-event"),
        pytest.param("L2 compression fracture. She underwent a kyphoplasty at L2 without complication.", True,
                     id="managed-by-kyphoplasty"),
        pytest.param("L2 compression fracture. She is fitted with a TLSO brace.", True, id="managed-by-bracing"),
        pytest.param("He has a lumbar strain.", True, id="a-strain-is-current-as-named"),
    ],
)
def test_when_nothing_presents_a_fracture_as_recent_then_it_is_no_current_injury(checker, text, current):
    """C30: a fracture is current only when the note calls it acute, new or recent, ties it to an event it tells,
    or manages it as acute; a fracture of unstated age in the history or a study's findings is not."""
    facts = [f for f in checker.extract(text) if f.kind == "current_injury" and f.assertion == "present"]
    assert facts
    assert any(not f.historical for f in facts) == current


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neck films were negative and he went home with a diagnosis of muscle strain.", {"spinal strain"},
                     id="muscle-strain-in-a-spinal-sentence"),
        pytest.param("Left hip pain, most likely a muscular strain.", set(), id="muscle-strain-elsewhere"),
        pytest.param("He says he has a muscle sprain on his lower back from moving furniture.", {"spinal strain"},
                     id="sprain-on-the-back"),
        pytest.param("DIAGNOSES: Concussion, lumbar musculoskeletal strain.", {"spinal strain"},
                     id="musculoskeletal-strain"),
    ],
)
def test_when_a_muscle_strain_is_placed_in_the_back_then_it_is_a_spinal_strain(checker, text, expected):
    """C11: a strain or sprain of the spine's muscles, its region named before it, after it ('on her lower back') or
    elsewhere in its sentence ('neck films ... a muscle strain')."""
    assert present_values(checker, text, "current_injury") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Open reduction of the left distal radius fracture. Under fluoroscopy the fracture was reduced "
                     "and pinned.", set(), id="limb-fracture-under-fluoroscopy"),
        pytest.param("Ankle fracture fixation. Final x-ray images confirmed alignment of the fracture.", set(),
                     id="limb-fracture-on-x-ray"),
        pytest.param("She fell from a ladder. An acute fracture of the spine was seen on CT.", {"fracture"},
                     id="spine-word-places-it"),
        pytest.param("He fell from a roof. CT showed an acute fracture through the L1 body.", {"fracture"},
                     id="level-places-it"),
    ],
)
def test_when_a_bare_fracture_stands_beside_a_study_only_then_it_is_no_spinal_injury(checker, text, expected):
    """A study in the sentence does not make a bare 'fracture' spinal; a region, level or spine word does."""
    assert present_values(checker, text, "current_injury") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Back pain after a fall. A: 1. Sprain of ligaments of the lumbosacral spine, improving.",
                     {"spinal strain"}, id="code-title-wording"),
        pytest.param("Assessment: Acute thoracolumbar strain with soft tissue contusion, from a collision during soccer.",
                     {"spinal strain"}, id="thoracolumbar-strain"),
    ],
)
def test_when_a_strain_or_sprain_is_told_in_a_code_title_or_at_a_junction_then_it_is_current(checker, text, expected):
    """The ICD-10-CM title's 'sprain of ligaments of the lumbosacral spine' and a junction's strain name a spinal
    sprain or strain, current after a recent event (C30)."""
    assert present_values(checker, text, "current_injury") == expected
