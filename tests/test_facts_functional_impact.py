"""Functional impact by class of wording, on sentences written for the purpose (docs/annotation.md C2)."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. He is able to walk on his heels and toes.", set(), id="able-to-is-no-limit"),
        pytest.param("Low back pain. She is able to stand and walk without difficulty.", set(), id="able-without-difficulty"),
        pytest.param("Low back pain. She has not been able to sit through a movie.", {"sitting intolerance"},
                     id="not-been-able-to"),
        pytest.param("Low back pain. He can only walk a block before he has to stop.", {"walking limitation"},
                     id="only-walks"),
        pytest.param("Low back pain. She is unable to stand at the register.", {"standing intolerance"}, id="unable-to"),
        pytest.param("Low back pain, aggravated by prolonged sitting and eased by walking.", set(),
                     id="aggravated-by-prolonged-sitting"),
        pytest.param("Low back pain. It flares with prolonged standing at work.", set(), id="flares-with-prolonged-standing"),
        pytest.param("Low back pain. He has trouble with prolonged standing at work.", {"standing intolerance"},
                     id="trouble-with-prolonged-standing"),
        pytest.param("Low back pain. He did not drive home after the fall; his son came for him.", set(),
                     id="did-not-tells-what-was-done"),
        pytest.param("Low back pain. She does not exercise regularly.", set(), id="does-not-exercise"),
        pytest.param("Low back pain. He does not sleep very well.", {"sleep disturbance"},
                     id="does-not-sleep-well"),
        pytest.param("Low back pain. He does have difficulty walking.", {"walking limitation"}, id="does-have-difficulty"),
        pytest.param("Low back pain. She stays fully independent in her ADLs.", set(), id="independent-in-adls"),
        pytest.param("Low back pain. He is independent with ADLs but has difficulty walking.", {"walking limitation"},
                     id="independent-then-a-limit"),
        pytest.param("Low back pain. The pain has not limited her activities.", set(), id="has-not-limited"),
        pytest.param("Low back pain. His tremor is not bothersome for most activities.", set(), id="not-bothersome-for"),
        pytest.param("Low back pain. He was never late to work.", set(), id="never-late-to-work"),
        pytest.param("Low back pain. She has never had a formal sleep study.", set(), id="never-had-a-study"),
        pytest.param("Low back pain. She has not been able to work since May.", {"work limitation"},
                     id="not-been-able-to-work"),
        pytest.param("Low back pain. He describes a reduced need for sleep during manic spells.", set(),
                     id="need-for-is-no-limit"),
        pytest.param("Low back pain. She will need to have her sleep study repeated.", set(), id="need-to-have"),
        pytest.param("Low back pain. He needs assistance to stand from a chair.", {"standing intolerance"},
                     id="needs-assistance-to"),
    ],
)
def test_when_an_ability_or_a_limit_is_stated_then_only_the_limit_counts(checker, text, expected):
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Lumbar spine films: mild spondylosis. He cannot walk far because of dyspnea.", set(),
                     id="no-back-complaint"),
        pytest.param("Lumbar spondylosis. Denies back pain. He cannot walk far because of dyspnea.", set(),
                     id="back-complaint-denied"),
        pytest.param("Lumbar spondylosis with chronic low back pain. He cannot walk more than a block.",
                     {"walking limitation"}, id="with-back-complaint"),
        pytest.param("Lumbar stenosis with leg numbness. He cannot walk more than a block.", {"walking limitation"},
                     id="with-deficit-of-spinal-type"),
    ],
)
def test_when_a_limit_then_it_counts_only_with_a_spinal_complaint_or_deficit(checker, text, expected):
    """C2: the limitation comes from the spinal condition, which the note states as a complaint or a deficit."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. He mostly has hip pain, which limits his daily activities.", set(),
                     id="joint-pain-in-its-own-clause"),
        pytest.param("Lumbar stenosis with back pain. Gait is slow. He has difficulty walking on his heels.", set(),
                     id="heel-walk-test"),
        pytest.param("Cervical myelopathy with neck pain. Gait is broad-based. She has trouble with heel walking.", set(),
                     id="heel-walk-test-site-inside"),
        pytest.param("Low back pain. Her knee and back pain limit her daily activities.", {"activity limitation"},
                     id="joint-and-back"),
        pytest.param("Neck pain. She retired because of her neck, and her knees hurt as well.", {"work limitation"},
                     id="spinal-site-in-the-span"),
        pytest.param("Chronic low back pain. She cannot walk far because of her obesity.", set(), id="cause-obesity"),
        pytest.param("Lumbar stenosis with back pain. He has been unable to walk since a stroke in March.", set(),
                     id="cause-stroke"),
        pytest.param("Neck pain. She reports poor sleep, nightmares and irritability.", set(), id="psychiatric-sleep"),
        pytest.param("Low back pain. She gets lightheaded only when she bends over and stands up fast.", set(),
                     id="lightheaded-on-bending"),
        pytest.param("Neck pain. He has dizziness when walking up the stairs.", set(), id="dizzy-on-walking"),
        pytest.param("Low back pain. He cannot walk far because of his back and his weight.", {"walking limitation"},
                     id="cause-with-spinal-site"),
    ],
)
def test_when_a_limit_is_tied_only_to_another_site_then_it_does_not_count(checker, text, expected):
    """C22: a limitation the sentence ties only to a joint ('gait difficult due to ankle pain') is that joint's; one
    tied to several sites with a spinal one among them counts."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Thoracic cord compression with leg weakness. She is now wheelchair-bound.",
                     {"walking limitation"}, id="wheelchair-bound"),
        pytest.param("Lumbar stenosis with back pain. She did not improve, and the next morning she was confined to "
                     "bed.", {"walking limitation"}, id="bedbound-after-did-not-improve"),
        pytest.param("Lumbar stenosis with back pain. The next morning she was paralyzed from the waist down.", set(),
                     id="paralysis-in-the-patients-words"),
        pytest.param("Low back pain. She is not bedridden or wheelchair-bound.", set(), id="denied"),
        pytest.param("Thoracic cord infarct. Motor: full strength in the arms, flaccid paraplegia in both legs.", set(),
                     id="paraplegia-in-an-exam"),
        pytest.param("Cervical cord contusion with acute quadriplegia.", set(), id="quadriplegia-as-a-diagnosis"),
        pytest.param("Thoracic cord compression. He is paraplegic and confined to a wheelchair.", {"walking limitation"},
                     id="paraplegic-and-wheelchair"),
        pytest.param("Low back pain for 2 weeks. Exam: non-antalgic gait.", set(), id="non-antalgic-gait"),
        pytest.param("Low back pain for 2 weeks. Exam: non antalgic gait.", set(), id="non-antalgic-gait-spaced"),
        pytest.param("Low back pain for 2 weeks. Exam: antalgic gait favoring the left.", {"walking limitation"},
                     id="antalgic-gait"),
    ],
)
def test_when_walking_is_lost_then_walking_limitation(checker, text, expected):
    """A wheelchair or the bed told as the patient's state, or the patient's account of being paralyzed, take walking
    away; 'did not improve' before it is a course, not a negation. The clinical name of the paralysis alone
    (paraplegia, quadriplegia) is a deficit, not a stated limitation (C31)."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. After the fall he could not get up because of the pain.", {"bending limitation"},
                     id="could-not-get-up"),
        pytest.param("Low back pain. She has a hard time getting out of bed in the morning.", {"bending limitation"},
                     id="getting-out-of-bed"),
        pytest.param("Low back pain. He has difficulty getting up on his toes on the left.", set(), id="toe-raise-test"),
        pytest.param("Low back pain. She will call us if any difficulty should arise.", set(), id="difficulty-arises"),
        pytest.param("Low back pain. He cannot get out of his head the idea that it is serious.", set(),
                     id="get-out-of-a-thought"),
    ],
)
def test_when_getting_up_is_limited_then_it_counts(checker, text, expected):
    """Getting up from the floor, a bed or a chair is a transfer the condition limits (C22: 'could not get up'); the
    heel and toe raises of the exam test strength."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. Before the accident he could sit for eight hours at a time.", set(),
                     id="could-before-the-injury"),
        pytest.param("Low back pain. He can barely walk to the mailbox.", {"walking limitation"}, id="barely-walk"),
        pytest.param("Low back pain. She could not stand long enough to cook.", {"standing intolerance"},
                     id="could-not-stand"),
    ],
)
def test_when_could_names_an_ability_then_it_is_no_limitation(checker, text, expected):
    """'could sit for eight hours', 'could climb stairs' tell what the patient can (or once could) do; 'could not'
    and 'can barely' are the limits."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. The symptoms were interfering with all aspects of daily living.", {"ADL limitation"},
                     id="interfering-with-daily-living"),
        pytest.param("Low back pain. She is unable to perform her usual household duties.", {"ADL limitation"},
                     id="unable-to-perform-duties"),
        pytest.param("Low back pain. The pain keeps getting worse at night and impairs her sleep.", {"ADL limitation"},
                     id="impairs-sleep"),
        pytest.param("Neck pain. It has begun to affect his work and his daily activities.", {"ADL limitation"},
                     id="affects-work"),
        pytest.param("Low back pain. The medication affects her mood and impairs her vision.", set(),
                     id="harm-verb-without-a-function"),
        pytest.param("Low back pain. The labs do not interfere with the plan.", set(), id="interfere-without-an-activity"),
        pytest.param("Low back pain. He was discharged with instructions to ice the site and to avoid aggressive "
                     "activities for 1 day.", set(), id="post-procedure-advice"),
    ],
)
def test_when_a_limit_is_told_as_interference_or_as_advice_then_only_the_patients_limit_counts(checker, text, expected):
    """A limitation the condition causes counts; advice on activity for after the visit is no limitation (C8)."""
    assert present_values(checker, text, "functional_impact") == expected


def test_when_advice_on_activity_shares_a_sentence_with_an_injection_then_the_injection_stays(checker):
    text = ("Low back pain. After the injection he was discharged with instructions to ice the injection site and to "
            "avoid aggressive activities for 1 day.")
    assert present_values(checker, text, "treatment") == {"injection"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neck pain with C6 radiculopathy. She has a hard time buttoning her blouse.",
                     {"hand use limitation"}, id="buttoning"),
        pytest.param("Cervical myelopathy. He has trouble opening jars and often drops things.",
                     {"hand use limitation"}, id="jars-and-dropping"),
        pytest.param("Cervical radiculopathy. Her left hand is weak, mostly with twisting the lids of jars.",
                     {"hand use limitation"}, id="weak-with-a-task"),
        pytest.param("Neck pain with arm numbness. She is not dropping objects.", set(), id="denied"),
        pytest.param("Neck pain with arm numbness. Grip strength is 5/5 and she can open jars.", set(),
                     id="strength-test-and-ability"),
    ],
)
def test_when_a_hand_task_is_limited_then_hand_use_limitation(checker, text, expected):
    """Hand tasks a cervical radiculopathy or myelopathy takes away, by a limitation cue or dropping things."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Lumbar stenosis. SOCIAL HISTORY: She retired 7 years ago because of low back pain.",
                     {"work limitation"}, id="retired-for-low-back-pain"),
        pytest.param("Low back pain. He is retired, being a truck driver, secondary to his back and knees.",
                     {"work limitation"}, id="retired-for-back-and-knees"),
        pytest.param("Low back pain. He retired in 2001 because of his knees.", set(),
                     id="retired-for-a-non-spinal-cause"),
        pytest.param("Low back pain. She retired from teaching. She is on a diet because of her back.", set(),
                     id="cause-in-another-sentence"),
        pytest.param("Low back pain. Left leg pain secondary to his lumbar disc herniation.", set(),
                     id="left-as-a-side"),
        pytest.param("Severe back pain. He has been on medical leave for 3 weeks after a back injury at work.",
                     {"work limitation"}, id="medical-leave-for-the-back"),
        pytest.param("Severe back pain. She took sick leave last spring after her knee surgery.", set(),
                     id="sick-leave-for-a-non-spinal-cause"),
    ],
)
def test_when_the_patient_left_work_for_the_spine_then_work_limitation(checker, text, expected):
    """Retiring, quitting or medical leave because of the back or neck is a work limitation (C14), in a note that
    locates no region too; another cause, or a cause in another sentence, is not."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He had severe disabling low back pain from L4-5 stenosis.", {"activity limitation"},
                     id="disabling-before-spinal-head"),
        pytest.param("She has back pain that began three months ago and is debilitating. MRI: L4-5 stenosis.",
                     {"activity limitation"}, id="spinal-pain-is-debilitating"),
        pytest.param("T12 compression fracture. She has had back pain that started approximately four weeks ago and is "
                     "disabling.", {"activity limitation"}, id="approximate-time-between"),
        pytest.param("He has low back pain and lumbar stenosis at L4-5. He is suffering from neurogenic claudication.",
                     {"activity limitation"}, id="neurogenic-claudication"),
        pytest.param("He has low back pain from L4-5 stenosis. She has debilitating rheumatoid arthritis of the hands.",
                     set(), id="debilitating-other-condition"),
        pytest.param("He has low back pain from L4-5 stenosis. Peripheral vascular disease with claudication.", set(),
                     id="vascular-claudication"),
    ],
)
def test_when_a_spinal_symptom_is_called_disabling_then_activity_limitation(checker, text, expected):
    """A spinal symptom named by what it takes away (disabling, debilitating, neurogenic claudication) is a
    limitation; the same word for another condition is that condition's (C2)."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He has low back pain from L4-5 stenosis. He is not working.", set(), id="not-working-status"),
        pytest.param("She has neck pain at C5-6. This is not a work-related visit.", set(), id="not-a-work-visit"),
        pytest.param("He has low back pain from L4-5 stenosis. He is not working because of his back.",
                     {"work limitation"}, id="not-working-with-cause"),
        pytest.param("He has low back pain from L4-5 stenosis. He has not been able to work since May.",
                     {"work limitation"}, id="not-able-to-work"),
        pytest.param("He has low back pain from L4-5 stenosis. He could not work for a week.", {"work limitation"},
                     id="could-not-work"),
    ],
)
def test_when_not_working_is_only_a_status_then_it_is_no_limitation(checker, text, expected):
    """'Is not working' alone is a work status, like being retired; an inability to work, or not working for a
    stated cause, is a limitation (C14)."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She has low back pain at L4-5. Her doctors have told her not to exercise.", set(),
                     id="told-not-to"),
        pytest.param("She has low back pain at L4-5. She was advised to stop running and is now only walking.",
                     set(), id="only-walking-is-what-she-does"),
        pytest.param("He has neck pain at C5-6. He was instructed only to ambulate with a walker.", set(),
                     id="only-as-instruction"),
        pytest.param("She has low back pain at L4-5. She can only sit for ten minutes.", {"sitting intolerance"},
                     id="can-only-sit"),
        pytest.param("She has low back pain at L4-5. She is not able to walk a block.", {"walking limitation"},
                     id="not-able-to-walk"),
        pytest.param("She has low back pain at L4-5. She could not sleep.", {"sleep disturbance"},
                     id="could-not-sleep"),
    ],
)
def test_when_not_or_only_names_advice_or_a_habit_then_it_is_no_limitation(checker, text, expected):
    """'not to <activity>' is advice for after the visit (C8) and a bare 'only <activity>' what the patient does;
    'can only', 'could not' and 'not able to' are limitations."""
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Lumbar radiculopathy. She needs her husband's help to put on her shoes.", {"ADL limitation"},
                     id="a-relatives-help-with-a-task"),
        pytest.param("Neck pain. He requires assistance with bathing since the flare.", {"ADL limitation"},
                     id="assistance-with-bathing"),
        pytest.param("Low back pain. She gets into the car without help.", set(), id="without-help"),
        pytest.param("Lumbar stenosis with back pain. The pain wakes her two or three times a night.", {"sleep disturbance"},
                     id="woken-at-night-with-a-count"),
        pytest.param("Lumbar stenosis with back pain. He walks three blocks at most before stopping.", {"walking limitation"},
                     id="a-walking-distance-at-most"),
        pytest.param("Lumbar stenosis with back pain. She can walk less than a block.", {"walking limitation"},
                     id="walking-less-than-a-distance"),
        pytest.param("Lumbar spondylosis with back pain. He walks two miles daily.", set(), id="a-walking-habit"),
        pytest.param("Lumbar disc herniation with sciatica. He has not been able to go back to work since May.", {"work limitation"},
                     id="not-able-to-go-back-to-work"),
        pytest.param("Cervical radiculopathy. She has not worked since 2021 because of her neck.", {"work limitation"},
                     id="not-worked-since-for-a-spinal-cause"),
        pytest.param("Low back pain. He cannot get down on the floor with his children.", {"bending limitation"},
                     id="cannot-get-down"),
    ],
)
def test_limitations_told_as_help_night_waking_distance_or_absence_from_work(checker, text, expected):
    assert present_values(checker, text, "functional_impact") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. Pain after standing at his workbench, which limits his woodworking.",
                     {"activity limitation"}, id="limits-his-pursuit"),
        pytest.param("Neck pain. It limits his range of motion.", set(), id="limits-his-range-is-an-exam"),
        pytest.param("Neck pain. She is working only half shifts as a hairstylist.", {"work limitation"},
                     id="working-only-half-shifts"),
        pytest.param("Neck pain. She has not slept more than 4 hours a night since.", {"sleep disturbance"},
                     id="not-slept"),
        pytest.param("Neck pain. He cannot use his computer mouse for more than about 20 minutes.",
                     {"hand use limitation"}, id="computer-mouse"),
        pytest.param("Neck pain. Still has difficulty turning her head to check her blind spot.", {"activity limitation"},
                     id="turning-her-head"),
        pytest.param("Neck pain. Sleep interrupted by neck pain 2x/night.", {"sleep disturbance"}, id="sleep-interrupted"),
        pytest.param("Low back pain. Can't pick up her grandbaby.", {"lifting limitation"}, id="cant-split-by-the-tokenizer"),
        pytest.param("Low back pain. She has trouble with grocery shopping and cannot go to the store.",
                     {"activity limitation"}, id="the-store"),
    ],
)
def test_functional_impact_wording_classes_of_the_second_wording_round(checker, text, expected):
    """The limitations of the second wording round: a pursuit the pain limits, a reduced work schedule, hours of sleep,
    a computer mouse, turning the head, 'can't' as the tokenizer splits it, the store."""
    assert present_values(checker, text, "functional_impact") == expected
