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
        pytest.param("Needle EMG of the thoracic paraspinals was done. Her right arm is weak and numb.", set(),
                     id="region-word-ruled-out-by-its-sentence"),
        pytest.param("Sacral decubitus ulcer. Her right leg is weak.", set(), id="skin-landmark-is-no-region"),
    ],
)
def test_when_no_region_then_only_a_radiculopathy_is_of_spinal_type(checker, text, expected):
    """A deficit counts only in a note that locates a spinal region, but a radiculopathy (sciatica) is a spinal
    condition by itself."""
    assert present_values(checker, text, "neuro_deficit") == expected


def test_when_sciatica_in_past_history_then_historical(checker):
    facts = [f for f in checker.extract("PAST MEDICAL HISTORY: Hypertension and sciatica.") if f.kind == "neuro_deficit"]
    assert [(f.value, f.assertion, f.historical) for f in facts] == [("radiculopathy", "present", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain radiating down the left leg.", {"radiculopathy"}, id="radiating-down-a-leg"),
        pytest.param("Back pain referring into the left leg.", {"radiculopathy"}, id="referring-into-a-leg"),
        pytest.param("Buttock pain that travels down both legs.", {"radiculopathy"}, id="travels-down-the-legs"),
        pytest.param("Pain in the low back going into the right thigh.", {"radiculopathy"}, id="going-into-a-thigh"),
        pytest.param("Low back pain. She was referred to the foot clinic for her bunion.", set(),
                     id="referred-to-a-clinic-is-no-path"),
        pytest.param("Low back pain. He is going to the hip surgeon next week.", set(), id="going-to-is-no-path"),
    ],
)
def test_when_pain_spreads_down_or_into_a_leg_then_it_is_radicular(checker, text, expected):
    """C3: radicular pain is a deficit of spinal type, whatever verb of spread the note uses."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Cervical spondylosis. Aching in the left forearm radiating into the fingers.", {"radiculopathy"},
                     id="into-the-fingers-with-a-region"),
        pytest.param("Neck pain shooting into the right hand.", {"radiculopathy"}, id="into-the-hand"),
        pytest.param("Carpal tunnel syndrome with wrist pain radiating to the fingers.", set(),
                     id="no-spinal-region-in-the-note"),
        pytest.param("Crushing chest pain radiating to the left arm.", set(), id="chest-pain-to-the-arm"),
    ],
)
def test_when_pain_spreads_into_the_hand_in_a_spine_note_then_it_is_radicular(checker, text, expected):
    """C3: pain spreading into the hand or fingers is radicular where the note locates a spinal condition."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Lumbar facet pain. Sensory stimulation at 50 Hz gave paresthesias in the back at 0.4 volts.",
                     set(), id="response-to-sensory-stimulation"),
        pytest.param("Lumbar radiofrequency ablation. The stimulating electrode produced tingling over the L4 level.",
                     set(), id="response-to-a-stimulating-electrode"),
        pytest.param("Lumbar stenosis. Numbness in both feet when he walks.", {"numbness"}, id="numbness-complained-of"),
    ],
)
def test_when_paresthesias_answer_a_stimulation_then_they_are_no_deficit(checker, text, expected):
    """C3: a stimulating needle's paresthesias confirm its placement; they are not the patient's deficit."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Cervical stenosis. Two days ago the right side of his face went numb.", set(), id="numb-face"),
        pytest.param("Lumbar disc herniation. She has right lower facial weakness.", set(), id="facial-weakness"),
        pytest.param("Cervical spondylosis. Tingling around the mouth after the dentist.", set(), id="perioral-tingling"),
        pytest.param("Cervical myelopathy. Numbness in both hands and weakness of the legs.",
                     {"myelopathy", "numbness", "weakness"},
                     id="limb-deficits-stay"),
        pytest.param("Cervical radiculopathy. Numbness of the left arm and face.", {"radiculopathy", "numbness"},
                     id="a-limb-beside-the-face-keeps-it"),
    ],
)
def test_when_a_deficit_is_of_the_face_then_it_is_not_of_spinal_type(checker, text, expected):
    """C3: facial and cranial-nerve signs never count, even in a note with a spinal region."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Lumbar stenosis. Reflexes 2+. Babinski, toes are downgoing.", set(), id="toes-downgoing"),
        pytest.param("Cervical spondylosis. Babinski's are neutral and there is no clonus.", set(), id="neutral"),
        pytest.param("Thoracic disc at T8-9. Babinski is down-going bilaterally.", set(), id="down-going"),
        pytest.param("Cervical stenosis. Brisk reflexes and a positive Babinski on the left.", {"reflex change"},
                     id="positive-babinski-counts"),
    ],
)
def test_when_a_babinski_is_reported_normal_then_no_reflex_change(checker, text, expected):
    """A Babinski answered downgoing, neutral or flexor is its absence (C20)."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Lumbar strain. Last winter he was profoundly weak from anemia.", set(), id="weak-as-a-whole"),
        pytest.param("Lumbar stenosis. She felt weak and tired after the flu.", set(), id="felt-weak"),
        pytest.param("Lumbar stenosis. She is weak in both lower extremities.", {"weakness"}, id="weak-in-the-legs"),
        pytest.param("Cervical stenosis. His grip is weak on the right.", {"weakness"}, id="grip-is-weak"),
        pytest.param("Cervical stenosis. He was somewhat weak on the left side.", {"weakness"}, id="weak-on-a-side"),
        pytest.param("L4-5 stenosis with leg weakness.", {"weakness"}, id="the-noun-still-counts"),
    ],
)
def test_when_weak_names_no_limb_or_side_then_it_is_no_deficit(checker, text, expected):
    """'Weak' alone says how the patient felt as a whole, a systemic state (C3); placed in a limb, side or grip it is
    a deficit."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("T9 compression fracture. Left chest pain radiates down the left arm on exertion.", set(),
                     id="chest-pain-down-the-arm"),
        pytest.param("Neck pain radiating down the right arm to the thumb.", {"radiculopathy"},
                     id="neck-pain-down-the-arm"),
        pytest.param("L4-5 stenosis. Heart: a grade 3/5 systolic murmur.", set(), id="murmur-grade"),
        pytest.param("L4-5 stenosis. Ankle dorsiflexion 4/5 on the left.", {"weakness"}, id="strength-grade"),
    ],
)
def test_when_pain_spreads_from_the_chest_or_a_grade_is_a_murmurs_then_no_deficit(checker, text, expected):
    """Angina spreads down the arm and a murmur is graded like strength: neither is a deficit of spinal type (C3)."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("L5 compression fracture. Reflexes are diminished at both ankles.", {"reflex change"},
                     id="reflexes-are-diminished"),
        pytest.param("Lumbar stenosis. Ankle jerks were absent on the left.", {"reflex change"}, id="jerks-were-absent"),
        pytest.param("Cervical spondylosis with decreased right biceps and triceps reflexes.", {"reflex change"},
                     id="decreased-named-limb-reflexes"),
        pytest.param("Lumbar strain. The gag reflex is decreased and there is a decreased corneal reflex.", set(),
                     id="cranial-reflexes"),
        pytest.param("Lumbar strain. The Babinski reflex is absent.", set(), id="babinski-reflex-absent-is-normal"),
        pytest.param("Cervical stenosis. Reflexes: Hyperreflexic on the left.", {"reflex change"},
                     id="hyperreflexic-adjective"),
        pytest.param("C5-6 stenosis. Neurologic: mild hyperreflexiveness.", {"reflex change"}, id="hyperreflexiveness"),
    ],
)
def test_when_the_exam_calls_a_limb_reflex_abnormal_in_words_then_reflex_change(checker, text, expected):
    """C20: a reflex the note calls decreased, absent or brisk, before or after the word, is a reflex change;
    cranial reflexes never count (C3) and an absent Babinski is a normal answer."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CC: Right index finger numbness. MRI of the cervical spine: mild spondylosis.\n\nHX: Two weeks of "
                     "numbness of the right index finger and thumb.\n\nIMPRESSION: Right carpal tunnel syndrome.", set(),
                     id="carpal-tunnel-diagnosis"),
        pytest.param("HX: Shoulder pain since a fall. Cervical MRI normal. She has a grade IV motor deficit of the "
                     "infraspinatus.\n\nASSESSMENT: Left suprascapular neuropathy.", set(),
                     id="suprascapular-neuropathy-diagnosis"),
        pytest.param("HX: Six months of right leg weakness and numbness in his toes. Lumbar stenosis on MRI.\n\n"
                     "ASSESSMENT: I think he has a peroneal neuropathy with a superimposed lumbosacral radiculopathy.",
                     {"weakness", "numbness", "radiculopathy"}, id="radiculopathy-beside-the-lesion"),
        pytest.param("HX: Low back pain with numbness of the left foot. Lumbar stenosis on MRI. He had carpal tunnel "
                     "syndrome years ago.\n\nASSESSMENT: Lumbar stenosis.", {"numbness"},
                     id="lesion-only-in-the-history"),
    ],
)
def test_when_the_diagnosis_is_a_peripheral_nerve_lesion_then_its_limb_deficits_do_not_count(checker, text, expected):
    """C3: deficits the note attributes to a cause outside the spine (a peripheral nerve lesion its impression or
    assessment names) do not count, unless it also states a radiculopathy beside the lesion."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PAST MEDICAL HISTORY: Migraine, sciatic pain years ago, appendectomy.", {"radiculopathy"},
                     id="sciatic-pain"),
        pytest.param("He has left rib pain due to a T7-T8 disc herniation.", {"radiculopathy"},
                     id="rib-pain-from-a-thoracic-disc"),
        pytest.param("Thoracic spine films. He has left rib pain due to a fall on the ice.", set(),
                     id="rib-pain-from-a-fall"),
        pytest.param("Lumbar stenosis. A sciatic nerve block was done for the foot surgery.", set(),
                     id="sciatic-nerve-is-anatomy"),
    ],
)
def test_when_radicular_pain_is_named_by_its_nerve_or_its_rib_then_radiculopathy(checker, text, expected):
    """C3: radicular pain counts as 'sciatic pain' and as a rib or chest wall pain the note ties to a disc lesion."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("L4-5 stenosis. The upper aspect of the cauda equina was visualized.", set(), id="the-structure"),
        pytest.param("L4-5 stenosis. There was enhancement of the nerve roots of the cauda equina.", set(),
                     id="the-roots-of-the-structure"),
        pytest.param("L4-5 stenosis with compression of the cauda equina.", {"myelopathy"}, id="compressed-structure"),
        pytest.param("Large L4-5 herniation with cauda equina syndrome.", {"myelopathy"}, id="the-syndrome"),
    ],
)
def test_when_the_cauda_equina_is_named_as_anatomy_then_it_is_no_deficit(checker, text, expected):
    """'The cauda equina' is the structure an operation or a study sees; its syndrome or its compression is the
    deficit (C3)."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("L4-5 stenosis. ROS: Occasional stress incontinence.", set(), id="stress-incontinence"),
        pytest.param("L4-5 stenosis with new urinary incontinence.", {"bowel or bladder dysfunction"}, id="incontinence"),
    ],
)
def test_when_incontinence_is_of_a_urological_kind_then_it_is_no_deficit(checker, text, expected):
    """C3: stress, urge or overflow incontinence names its own, non-neural mechanism."""
    assert present_values(checker, text, "neuro_deficit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He has complete paraplegia since a T6 spinal cord infarction.", {"weakness"}, id="paraplegia"),
        pytest.param("Acute quadriplegic after the C4-5 epidural hematoma.", {"weakness"}, id="quadriplegic"),
    ],
)
def test_when_a_cord_lesion_paralyses_the_limbs_then_it_is_a_motor_deficit(checker, text, expected):
    """Paralysis is a deficit (C31 names paraplegia among them), as paresis is."""
    assert present_values(checker, text, "neuro_deficit") == expected
