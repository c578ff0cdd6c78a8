"""The vertebral level grammar and region words, on sentences written for the purpose."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("MRI: L4-5 disc bulge", {"lumbar"}, id="disc-level"),
        pytest.param("Tenderness at L4-L5 on palpation.", {"lumbar"}, id="two-letter-segment"),
        pytest.param("Facet injections at L45 and L5S1.", {"lumbar", "lumbosacral"}, id="segments-run-together"),
        pytest.param("Foraminal narrowing at C56.", {"cervical"}, id="cervical-segment-run-together"),
        pytest.param("Temperature T37.2, pulse 80.", set(), id="two-digits-not-consecutive"),
        pytest.param("Bilateral l5 spondylolysis with pars defects.", {"lumbar"}, id="lower-case-column"),
        pytest.param("The laminae were thinned from the inferior half of L4 to the superior half of S1.",
                     {"lumbar", "lumbosacral"}, id="range-of-parts-in-words"),
        pytest.param("Fracture of the superior half of S1 and a bulge at L4-5.", {"sacral", "lumbar"},
                     id="a-part-of-a-vertebra-alone"),
        pytest.param("Stenosis at C3-c4.", {"cervical"}, id="lower-case-second-column"),
        pytest.param("Biopsy: adenocarcinoma, Gleason's 3 + 3.", set(), id="possessive-s-and-a-number"),
        pytest.param("Nerve conduction study: a mild left C8 radiculopathy.", {"cervical"}, id="c8-root-alone"),
        pytest.param("Assessment: lumbo-sacral strain after lifting.", {"lumbosacral"}, id="hyphenated-junction-adjective"),
        pytest.param("Thoraco-lumbar segmental dysfunction.", {"thoracolumbar"}, id="hyphenated-thoraco-lumbar"),
        pytest.param("Cervical and thoracic spine films.", {"cervical", "thoracic"}, id="two-adjectives-no-hyphen"),
        pytest.param("EMG shows a chronic right C8/T1 radiculopathy.", {"cervicothoracic"}, id="c8-t1-roots"),
        pytest.param("C7-T1 discectomy. A right C8 foraminotomy was then done.", {"cervicothoracic"},
                     id="c8-foraminotomy-in-its-segment"),
        pytest.param("A circle-C 8-inch dialysis catheter was placed.", set(), id="c-space-8-is-no-root"),
        pytest.param("pain at L5-S1", {"lumbosacral"}, id="junction"),
        pytest.param("Small protrusion at L5/S1.", {"lumbosacral"}, id="slash-junction"),
        pytest.param("fusion from L3 through S1", {"lumbar", "lumbosacral"}, id="range-is-its-segments"),
        pytest.param("Fusion C5-T2 was performed.", {"cervical", "cervicothoracic", "thoracic"}, id="range-cervicothoracic"),
        pytest.param("Compression deformity of the T12 vertebral body.", {"thoracic"}, id="single-vertebra"),
        pytest.param("Mild height loss at T12-L1.", {"thoracolumbar"}, id="thoracolumbar-junction"),
        pytest.param("Instability at C1-2 noted.", {"occipito_atlanto_axial"}, id="atlantoaxial-segment"),
        pytest.param("Foraminal narrowing at C7-T1.", {"cervicothoracic"}, id="cervicothoracic-junction"),
        pytest.param("Degenerative change at C5-6 and C6-7.", {"cervical"}, id="two-cervical-discs"),
        pytest.param("Chronic pain over the coccyx.", {"sacral"}, id="coccyx-word"),
        pytest.param("Right SI joint tenderness.", {"sacral"}, id="si-joint"),
        pytest.param("Lumbosacral radiculopathy on the left.", {"lumbosacral"}, id="adjective-with-head"),
        pytest.param("Admitted with lumbar diskitis.", {"lumbar"}, id="adjective-with-a-head-spelt-with-k"),
        pytest.param("C-spine imaging reviewed; tenderness over the LS spine.", {"cervical", "lumbosacral"}, id="abbreviations"),
        pytest.param("cervical lymphadenopathy", set(), id="not-the-spine"),
        pytest.param("Sacral decubitus ulcer, stage 2.", set(), id="sacral-not-spine"),
        pytest.param("Lumbar puncture was performed for CSF.", set(), id="lumbar-puncture"),
        pytest.param("CSF samples drawn from the lumbar region were clear.", set(), id="csf-sampling-site"),
        pytest.param("Repeat CSF cultures taken from the cervical region grew yeast.", set(), id="cervical-csf-sampling-site"),
        pytest.param("C-spine nontender", set(), id="normal-exam"),
        pytest.param("Increased T2 signal in the cord.", set(), id="mri-weighting"),
        pytest.param("Heart: regular rate, S1 and S2 normal, no murmur.", set(), id="heart-sounds"),
        pytest.param("Low C3 complement level.", set(), id="lab-analyte"),
        pytest.param("Sagittal T1, T2 and STIR images of the sacrum.", {"sacral"}, id="mri-sequence-list"),
        pytest.param("Diagnosis: T1 N3 M0 cancer of the nasopharynx.", set(), id="tumour-stage"),
        pytest.param("Status post lumbar hemilaminectomy in 1999.", {"lumbar"}, id="procedure-head"),
        pytest.param("ICD9 CODE(S): 721.3 Lumbosacral spondylosis without myelopathy.", set(), id="billing-code-title"),
        pytest.param("Thoracic and lumbar spine without midline tenderness.", set(), id="negative-exam-region"),
    ],
)
def test_region_grammar(checker, text, expected):
    assert present_values(checker, text, "region") == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        pytest.param("Disc bulge at L4-5 noted.", 14, 18, id="segment"),
        pytest.param("Fusion from L3 through S1.", 12, 25, id="range"),
    ],
)
def test_level_offsets_point_at_the_level(checker, text, start, end):
    spans = {(f.start, f.end) for f in checker.extract(text) if f.kind == "region"}
    assert (start, end) in spans


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Plan: discharge home.\n\nCPT4 CODE(S): 64483 Injection, transforaminal epidural; lumbar or "
                     "sacral, single level.", set(), id="cpt4-code-titles"),
        pytest.param("Plan: discharge home.\n\nCPT-4 codes: 22612 Arthrodesis, posterior technique, lumbar.", set(),
                     id="cpt-4-code-titles"),
    ],
)
def test_when_a_region_is_in_a_billing_code_title_then_it_is_not_the_patients(checker, text, regions):
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Sensory: decreased pinprick and light touch below T6 on the right.", set(), id="sensory-level"),
        pytest.param("Numbness from the umbilicus down to T10 dermatome.", set(), id="sensory-level-down-to"),
        pytest.param("Angiogram: the right vertebral artery is narrowed from C2 upward.", set(), id="vessel-landmark"),
        pytest.param("Vertebral artery flow voids are normal. Disc bulge at C5-6.", {"cervical"},
                     id="vessel-in-its-own-sentence"),
        pytest.param("The iliac vessels were retracted to expose the L4-5 disc space.", {"lumbar"},
                     id="anterior-approach-keeps-level"),
        pytest.param("Disc herniation below L3 with numbness in the left foot.", {"lumbar"},
                     id="below-without-sensory-level"),
        pytest.param("Sensation is intact to pinprick in the L2 through S1 dermatomes.", set(), id="normal-dermatomes"),
        pytest.param("Light touch normal in the C5 and C7 distributions.", set(), id="normal-listed-dermatomes"),
        pytest.param("Sensation decreased in the right C6 distribution, otherwise intact.", set(),
                     id="abnormal-dermatome-normal-after"),
        pytest.param("Sensation is normal in the arms but reduced in the left L5 dermatome.", set(),
                     id="abnormal-dermatome-after-a-normal-one"),
        pytest.param("Radiating pain: left leg, L5 dermatome.", set(), id="pain-in-a-dermatome"),
        pytest.param("Pinprick is reduced in the L3-L4 distribution of both shins.", set(), id="abnormal-segment-distribution"),
        pytest.param("He has some numbness from L3 to S1 on the left.", set(), id="sensory-range-in-words"),
        pytest.param("He has leg numbness from L4-5 stenosis.", {"lumbar"}, id="sensory-word-with-a-cause"),
        pytest.param("There was a sensory level to pinprick at about T8 in front and roughly T10 behind.", set(),
                     id="sensory-level-with-hedges"),
        pytest.param("A sensory level at T6 from the cord compression at C6-7.", {"cervical"},
                     id="sensory-level-then-a-spinal-lesion"),
        pytest.param("EMG shows a polyradiculopathy below approximately T8.", set(), id="hedged-boundary"),
        pytest.param("Disc herniation below L3 with numbness in the left foot.", {"lumbar"},
                     id="unhedged-boundary-without-sensory-word"),
        pytest.param("Angiography: the right vertebral artery is occluded from C2 upward. It fills again at its loop "
                     "above the arch of C1.", set(), id="vessel-described-on-in-the-next-sentence"),
        pytest.param("The right vertebral artery is narrowed at C2. Moderate stenosis at C5-6 is also seen.",
                     {"cervical"}, id="next-sentence-names-a-spinal-condition"),
        pytest.param("Reflexes: triceps 2+, knee jerks 1+/4 bilaterally and S1 +2/2 on both sides.", set(),
                     id="reflex-graded-by-its-root"),
        pytest.param("Deep tendon reflexes: C6 2+ and symmetric.", set(), id="reflex-root-with-plus-grade"),
        pytest.param("Reflexes: the left S1 is 0/2.", {"sacral"}, id="reflex-absent-keeps-region"),
    ],
)
def test_when_a_level_is_a_sensory_level_or_a_vessel_landmark_then_no_region(checker, text, regions):
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Labs: TSH of 4.8, and T3 of 1.33.", set(), id="t3-beside-tsh"),
        pytest.param("Free T4 1.35 ng/dL.", set(), id="free-t4-with-unit"),
        pytest.param("Compression fracture of T4 with 30% height loss.", {"thoracic"}, id="t4-vertebra"),
        pytest.param("C3 and C4 complement levels were 94 and 18 (normal).", set(), id="complement-proteins"),
        pytest.param("Cord compression at C3 and C4 with myelomalacia.", {"cervical"}, id="c3-c4-vertebrae"),
        pytest.param("MRI of the thoracic spine and LS spine has been normal.", set(), id="study-has-been-normal"),
        pytest.param('An outside MRI of the C-spine was done and its reading was "normal." She came to us.', set(),
                     id="study-quoted-normal"),
        pytest.param('A local CT and L-S spine X-rays were "negative." He was sent here.', set(), id="study-quoted-negative"),
        pytest.param('Outside lumbar spine x-rays were "negative" per the family.', set(), id="study-quoted-negative-mid"),
        pytest.param("I think he seemingly has a lumbosacral radiculopathy.", set(), id="hedged-impression"),
        pytest.param("Diagnosis: potentially unstable cervical spine.", {"cervical"}, id="potentially-keeps-region"),
        pytest.param("EEG: sharp waves over the C3 electrode and, less often, the T4 electrode.", set(),
                     id="eeg-electrode-sites"),
        pytest.param("Shoulder MRI: tendon edema (coronal T2 series 4, image 12).", set(), id="mri-series-number"),
        pytest.param("Her free T4 was mildly high this month.", set(), id="free-t4-alone"),
        pytest.param("Sleep: a right temporal spike seen maximally at T4.", set(), id="eeg-spike-at-t4"),
        pytest.param("The femur was reamed and a T2 retrograde nail was passed.", set(), id="nail-model"),
        pytest.param("MRI brain: decreased T1 and increased T2 signal in the left frontal lobe.", set(),
                     id="mri-weighting-after-signal-word"),
        pytest.param("The cyst has a thin dark rim on T1 and T2 and no enhancement.", set(), id="mri-weightings-listed"),
        pytest.param("Dural nodules, bright on T2 and isointense on T1, were seen.", set(), id="mri-weighting-on"),
        pytest.param("Stenosis at T1 and T2 with cord signal change.", {"thoracic"}, id="levels-not-weightings"),
        pytest.param("Graft replacement of the thoracoabdominal aneurysm from T9 to the bifurcation.", set(),
                     id="aneurysm-extent"),
    ],
)
def test_when_a_level_names_a_lab_analyte_or_a_normal_study_or_is_hedged_then_no_region(checker, text, regions):
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Needle EMG was performed on the left arm and lumbosacral and cervical paraspinal muscles.", set(),
                     id="emg-test-sites"),
        pytest.param("There is lumbar paraspinal spasm and tenderness.", {"lumbar"}, id="paraspinal-finding"),
        pytest.param("It revealed spontaneous activity in lower cervical paraspinals.", {"cervical"}, id="emg-finding-sentence"),
    ],
)
def test_when_paraspinal_muscles_are_emg_test_sites_then_no_region(checker, text, regions):
    """The muscles an EMG needle tests are where it looked, not where the condition is (C6)."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("PROCEDURE: Left lumbar sympathetic block.\n\nA skin wheal was raised lateral to the L3 "
                     "transverse process and the needle advanced under fluoroscopy.", set(), id="sympathetic-block"),
        pytest.param("PROCEDURE: Superior hypogastric plexus block.\n\nDye spread along the anterior aspect of L5.",
                     set(), id="plexus-block-dye"),
        pytest.param("Diagnostic lumbar puncture.\n\nA 22-gauge spinal needle entered the L3-L4 interspace.", set(),
                     id="lumbar-puncture-interspace"),
        pytest.param("PROCEDURE: Lumbar puncture.\n\nHISTORY: Prior L4-5 fusion for stenosis.\n\nA spinal needle "
                     "entered the L2-L3 interspace.", {"lumbar"}, id="puncture-note-keeps-history-level"),
        pytest.param("PROCEDURE: Left L5-S1 transforaminal epidural steroid injection.\n\nThe needle tip was "
                     "placed at the L5-S1 foramen and contrast outlined the L5 root.", {"lumbosacral"},
                     id="spinal-injection-keeps-levels"),
        pytest.param("Staging is T3 N2c M0, stage IVA squamous cell carcinoma.", set(), id="tnm-stage-subgroup"),
        pytest.param("Breast carcinoma, T2 N1a M0.", set(), id="tnm-stage-n1a"),
        pytest.param("She had a T2 squamous cell carcinoma of the tongue excised.", set(), id="tnm-stage-before-histology"),
        pytest.param("History of a T1 adenocarcinoma of the colon.", set(), id="tnm-stage-adenocarcinoma"),
        pytest.param("Vulvar lesion staged as a T2/Nx/Mx on examination.", set(), id="tnm-stage-with-slashes"),
        pytest.param("Metastatic carcinoma at T2 with cord compression.", {"thoracic"}, id="carcinoma-at-a-level"),
    ],
)
def test_when_a_level_guides_a_needle_outside_the_spine_or_is_a_tumour_stage_then_no_region(checker, text, regions):
    """A sympathetic or plexus block and a lumbar puncture aim at structures beside the spine (C4, C6): the levels
    that place the needle are landmarks. A spinal injection's levels are its target."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("EXAM: CT cervical spine (C-spine) for trauma.\n\nFINDINGS: CT of the cervical spine was performed "
                     "without contrast. Alignment is maintained.\n\nIMPRESSION: Negative cervical spine.", set(),
                     id="negative-study-report"),
        pytest.param("EXAM: Thoracic and lumbar spine.\n\nTHORACIC SPINE\n\nFINDINGS: Alignment is normal.\n\n"
                     "IMPRESSION: Negative thoracic spine.\n\nLUMBAR SPINE\n\nFINDINGS: Disc space narrowing at L4-5."
                     "\n\nIMPRESSION: Degenerative disc disease at L4-5.", {"lumbar"}, id="two-studies-one-negative"),
        pytest.param("HISTORY: Neck pain for two weeks.\n\nEXAM: Cervical spine series.\n\nIMPRESSION: Negative "
                     "cervical spine.", {"cervical"}, id="history-still-locates"),
        pytest.param("MRI L-SPINE: Normal.\n\nCOURSE: stable.", set(), id="upper-case-label-then-normal"),
        pytest.param("IMPRESSION: No fracture of the lumbar spine. Disc bulge at L4-5.", {"lumbar"},
                     id="absent-finding-is-not-a-negative-study"),
        pytest.param("EXAM: MRI of lumbar spine.\n\nFINDINGS: Disc heights are maintained throughout the lumbar spine."
                     "\nL4-L5: Central canal is patent.\n\nIMPRESSION: No acute disease in the lumbar spine.", set(),
                     id="conclusion-denies-disease-in-the-region"),
        pytest.param("EXAM: MRI C-spine.\n\nIMPRESSION: C-spine lesion. No fracture of the C-spine.", {"cervical"},
                     id="conclusion-denies-one-finding-beside-a-stated-one"),
        pytest.param("CERVICAL SPINE\n\nFINDINGS: Alignment of the cervical spine is normal.\n\nIMPRESSION: Negative."
                     "\n\nLUMBAR SPINE\n\nFINDINGS: Disc narrowing at L4-5.\n\nIMPRESSION: Degenerative disc disease.",
                     {"lumbar"}, id="bare-negative-conclusion-of-one-study"),
        pytest.param("THORACIC SPINE\n\nFINDINGS: Normal.\n\nIMPRESSION: Degenerative change at T7-8.\n\nLUMBAR SPINE"
                     "\n\nFINDINGS: The lumbar spine is aligned.\n\nIMPRESSION: Negative.", {"thoracic"},
                     id="capital-heading-opens-the-next-study"),
        pytest.param("TECHNIQUE: Axial CT images of the cervical spine.\n\nFINDINGS: The C1-2 articulation is intact."
                     "\n\nIMPRESSION: No acute abnormalities.", set(), id="no-acute-abnormalities"),
        pytest.param("FINDINGS: Mild narrowing at L4-5.\n\nIMPRESSION:\n1. No acute fracture.\n2. Mild degenerative "
                     "change.", {"lumbar"}, id="conclusion-with-a-positive-item"),
        pytest.param("HISTORY: Neck pain.\n\nFINDINGS: The cervical spine is aligned.\n\nIMPRESSION: Negative.",
                     {"cervical"}, id="bare-negative-conclusion-keeps-the-history"),
    ],
)
def test_when_a_reports_impression_calls_a_region_negative_then_its_title_and_findings_locate_nothing(
    checker, text, regions
):
    """A negative study locates no region (C6), however often the report names the region; the note's history
    does, and a conclusion that only rules out a finding is no negative study."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He underwent a C6-T1 laminectomy.", {"cervical", "cervicothoracic"}, id="procedure-range-segments"),
        pytest.param("Pathologic fractures T12-L2 with kyphosis.", {"thoracic", "thoracolumbar", "lumbar"},
                     id="fracture-range-every-vertebra"),
        pytest.param("Cord lesion extending from C7 to T2.", {"cervical", "cervicothoracic", "thoracic"},
                     id="cord-lesion-range-every-vertebra"),
        pytest.param("Herniated disc, left L5-S1.\n2. Left S1 radiculopathy.", {"lumbosacral"}, id="root-of-the-segment"),
        pytest.param("Laminotomy at L5-S1; the L5 and S1 nerve roots were freed.", {"lumbosacral"}, id="listed-roots"),
        pytest.param("Stenosis at L5-S1. We exposed the lamina of L3, L4, L5, and S1.", {"lumbar", "lumbosacral"},
                     id="lamina-of-a-level-list"),
        pytest.param("Left S1 radiculopathy.", {"sacral"}, id="root-without-a-segment-keeps-its-vertebra"),
        pytest.param("Disc bulge at L5-S1. Fracture of S1.", {"lumbosacral", "sacral"}, id="vertebra-named-for-itself"),
        pytest.param("Anterior fusion, C7-T1. Four screws were placed, two in the body of C7 and two in the body of T1.",
                     {"cervicothoracic"}, id="screws-of-the-segments-fusion"),
        pytest.param("Fusion at L5-S1. At S1, 40-mm length screws were placed bilaterally.", {"lumbosacral"},
                     id="screw-sizes-at-the-segments-vertebra"),
        pytest.param("Fusion at L5-S1. Screws were placed at L3.", {"lumbosacral", "lumbar"},
                     id="screw-at-a-vertebra-of-no-named-segment"),
        pytest.param("Films show a grade 1 anterolisthesis of L5 on S1.", {"lumbosacral"}, id="listhesis-of-a-vertebra-on-the-next"),
        pytest.param("Spondylolisthesis of L5 over S1 is stable.", {"lumbosacral"}, id="listhesis-over"),
        pytest.param("Tender over the L4/L5/S1 interspaces.", {"lumbar", "lumbosacral"}, id="slash-list-of-vertebrae"),
        pytest.param("Disc osteophyte complex at C2, C3 and C4 disc levels.", {"cervical"}, id="list-of-vertebrae-is-its-segments"),
        pytest.param("Herniation at L4-5. Fragments were removed behind S1 and L5.", {"lumbar", "lumbosacral"},
                     id="list-in-either-order"),
        pytest.param("Herniation at L5-S1. Disc fragments were cleared from behind the bodies of L5 and S1.",
                     {"lumbosacral"}, id="disc-behind-listed-bodies-is-the-segment"),
        pytest.param("Height loss of the T12 and L1 vertebral bodies.", {"thoracic", "thoracolumbar", "lumbar"},
                     id="listed-bodies-without-a-disc-every-vertebra"),
        pytest.param("PROCEDURE: Anterior cervical discectomy and fusion, C7-T1.", {"cervicothoracic"},
                     id="adjective-of-a-junction-operation"),
        pytest.param("Prior lumbar laminectomy at L5-S1 for a herniation.", {"lumbosacral"},
                     id="adjective-of-a-junction-laminectomy"),
        pytest.param("Lumbar laminectomy at L4-5 and L5-S1.", {"lumbar", "lumbosacral"},
                     id="adjective-beside-a-level-of-its-own-region"),
        pytest.param("Lumbar spine MRI shows a herniation at L5-S1.", {"lumbar", "lumbosacral"},
                     id="spine-phrase-is-not-the-operations-adjective"),
        pytest.param("Thoracic fusion from T4 to T10; T12-L1 was left alone.", {"thoracic", "thoracolumbar"},
                     id="adjective-with-a-level-of-its-region"),
        pytest.param("Degenerative change at C5 and C7.", {"cervical"}, id="list-with-a-gap-stays-levels"),
        pytest.param("Marrow signal is low in the C2 and C3 vertebral bodies.", {"occipito_atlanto_axial", "cervical"},
                     id="condition-in-listed-vertebrae-every-vertebra"),
        pytest.param("Compression fractures of T12 and L1.", {"thoracic", "thoracolumbar", "lumbar"},
                     id="fractures-of-listed-vertebrae-and-the-junction"),
        pytest.param("Fusion at C5-6. Screws were placed in the vertebral bodies of C5 and C6.", {"cervical"},
                     id="listed-vertebrae-of-an-operations-work"),
        pytest.param("The longus colli was dissected off the vertebral bodies of C2, C3 and C4.", {"cervical"},
                     id="bodies-in-the-dissection-are-the-segments"),
        pytest.param("Revision for a fractured rod; a new plate was placed from L4 through S1.", {"lumbar", "lumbosacral"},
                     id="fractured-hardware-over-a-range-is-its-segments"),
        pytest.param("Stenosis at L4-5 and L5-S1 with an L3 compression fracture.", {"lumbar", "lumbosacral"},
                     id="listed-segments-stay-segments-beside-a-fracture"),
    ],
)
def test_when_a_vertebra_is_named_inside_a_segments_work_then_it_is_the_segments(checker, text, expected):
    """docs/annotation.md C18: a range's end vertebrae and a root or lamina of a named segment add no region
    of their own; a vertebra holding the condition (a fracture, a cord lesion) does."""
    assert present_values(checker, text, "region") == expected


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("The x-ray of the lumbosacral spine shows an L1 compression fracture.", {"lumbar"},
                     id="junction-spine-studied-level-elsewhere"),
        pytest.param("History of mild spondylolisthesis of the lumbosacral spine at L4-L5.", {"lumbar"},
                     id="junction-spine-qualified-by-a-level"),
        pytest.param("MRI of the thoracolumbar spine shows a T8 hemangioma.", {"thoracic"},
                     id="thoracolumbar-spine-studied"),
        pytest.param("MRI of the lumbosacral spine showed stenosis at L5-S1.", {"lumbosacral"}, id="level-at-the-junction"),
        pytest.param("Slight narrowing of the lumbosacral disc space with a transitional L1.", {"lumbar", "lumbosacral"},
                     id="the-junctions-own-part"),
        pytest.param("X-rays of the lumbosacral spine show degenerative change.", {"lumbosacral"}, id="no-level"),
    ],
)
def test_when_a_junction_spine_is_studied_and_levels_place_the_condition_then_the_levels_give_the_region(
    checker, text, regions
):
    """C28: 'the lumbosacral spine' with no level locates the junction; beside levels that all lie in the regions it
    joins, none at the junction, it names the stretch studied, and the levels place the condition."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Fusion at L4-5 and L5-S1. The incision ran from L4 down to the sacrum.", {"lumbar", "lumbosacral"},
                     id="sacrum-ends-the-incision"),
        pytest.param("Stenosis at L5-S1. The fascia was divided and the lamina exposed to the coccyx.", {"lumbosacral"},
                     id="coccyx-ends-the-exposure"),
        pytest.param("Arthrodesis at L4-L5. The transverse processes and the sacral ala were decorticated.", {"lumbar"},
                     id="sacral-ala-in-the-fusion-work"),
        pytest.param("The cyst was excised with the overlying skin down to the coccyx.", set(), id="pilonidal-landmark"),
        pytest.param("The sigmoid colon was laid back into the hollow of the sacrum.", set(), id="pelvic-landmark"),
        pytest.param("He has a deep ache over the sacrum since the fall.", {"sacral"}, id="sacrum-holds-the-pain"),
        pytest.param("Tenderness at the sacral ala on extension.", {"sacral"}, id="sacral-ala-on-exam"),
    ],
)
def test_when_the_sacrum_ends_an_exposure_or_is_a_pelvic_landmark_then_no_region(checker, text, regions):
    """The sacrum and coccyx in an operation's exposure or fusion work belong to its segment (C18), and as landmarks of
    operations off the spine they locate nothing (C6)."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CT scan of the head was negative as was cervical spine.", set(), id="negative-as-was"),
        pytest.param("MRI of the brain was unremarkable as well as MRI of the thoracic spine.", set(), id="unremarkable-as-well-as"),
        pytest.param("C-spine films, chest x-ray and abdominal CT were unremarkable.", set(), id="list-of-studies-unremarkable"),
        pytest.param("MRI of the brain was unremarkable. MRI of the thoracic spine showed a T7 fracture.", {"thoracic"},
                     id="next-sentence-not-shared"),
    ],
)
def test_when_a_normal_result_is_shared_with_a_region_then_it_locates_none(checker, text, expected):
    """'X was negative as was Y': the normal finding is Y's too (C6)."""
    assert present_values(checker, text, "region") == expected


def test_when_a_region_word_ends_a_sentence_then_its_evidence_stops_there(checker):
    text = "An MRI of the thoracic spine. MRI of the neck was done."
    evidence = {f.text for f in checker.extract(text) if f.kind == "region"}
    assert "thoracic spine" in evidence and not any("." in e for e in evidence)


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("He reports neck and low back pain since the collision.", {"cervical", "lumbar"}, id="neck-and-low-back"),
        pytest.param("Ongoing neck, shoulder and arm discomfort.", {"cervical"}, id="neck-shoulder-arm-list"),
        pytest.param("She describes aching in the back of her neck.", {"cervical"}, id="pain-in-back-of-neck"),
        pytest.param("Stiffness on the right side of the neck each morning.", {"cervical"}, id="stiffness-side-of-neck"),
        pytest.param("She reports left arm discomfort and neck discomfort when lifting.", {"cervical"}, id="neck-discomfort"),
        pytest.param("Some neck soreness since the weekend.", {"cervical"}, id="neck-soreness"),
        pytest.param("Neck is supple without lymphadenopathy.", set(), id="neck-exam"),
        pytest.param("No chest pain or choking in the neck or pain in the back.", set(), id="neck-or-pain-denied"),
        pytest.param("A mass in the neck was biopsied; pain is controlled.", set(), id="neck-mass"),
    ],
)
def test_when_the_neck_is_the_site_of_a_pain_complaint_then_cervical(checker, text, regions):
    """The neck named as where a pain is, in the complaint's own wordings, locates the cervical region."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("He has had upper back pain since moving house.", {"thoracic"}, id="upper-back-pain"),
        pytest.param("She strained a muscle and has a sprain of her upper back.", {"thoracic"}, id="sprain-of-upper-back"),
        pytest.param("Burning interscapular pain for a week.", {"thoracic"}, id="interscapular-pain"),
        pytest.param("Constant aching between the shoulder blades.", {"thoracic"}, id="between-the-shoulder-blades"),
        pytest.param("Tenderness over the right upper back to palpation.", {"thoracic"}, id="tenderness-over-upper-back"),
        pytest.param("Soreness of the upper back located along two ribs.", set(), id="ribs-are-the-cause"),
        pytest.param("Chest pressure with pain between the shoulder blades, typical of his angina.", set(),
                     id="cardiac-pain"),
        pytest.param("Mild sunburn over the upper back.", set(), id="skin-of-upper-back"),
        pytest.param("Neck pain spreading out across both shoulder blades.", {"cervical", "thoracic"},
                     id="radiation-from-the-neck"),
        pytest.param("Neck pain radiating down the arm and across his shoulder blades.", {"cervical", "thoracic"},
                     id="pain-spreading-across-the-shoulder-blades"),
        pytest.param("A roll was placed across the shoulder blades.", set(), id="positioning-roll"),
    ],
)
def test_when_pain_is_placed_in_an_everyday_area_of_the_upper_back_then_thoracic(checker, text, regions):
    """'Upper back', 'interscapular' and 'between the shoulder blades' as the site of a pain, spasm, sprain or
    tenderness locate the thoracic region, unless the sentence gives it a non-spinal cause (C29)."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Sagittal images were obtained from T10 to S1 with axial slices through each disc.", set(),
                     id="images-obtained-from-to"),
        pytest.param("Thin-section CT was performed from the C7-T1 level to the L1 level.", set(),
                     id="ct-performed-from-segment-to-level"),
        pytest.param("Axial scans were performed from L2 to S1. L4-5: moderate canal stenosis.", {"lumbar"},
                     id="coverage-aside-the-finding-levels-locate"),
        pytest.param("The study was obtained because of pain from L4 to S1.", {"lumbar", "lumbosacral"},
                     id="from-after-a-cause-is-no-coverage"),
    ],
)
def test_when_levels_give_a_studys_coverage_then_no_region(checker, text, regions):
    """The levels a study covers ('scans were performed from L1 to S2') are where it was taken, a landmark (C6); the
    levels of its findings still locate."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Skin: a faded tattoo of a rose across her low back.", set(), id="tattoo-on-the-low-back"),
        pytest.param("Back: mild hyperpigmentation over the coccyx.", set(), id="pigment-over-the-coccyx"),
        pytest.param("A 3 mm nevus on the mid back was removed.", set(), id="nevus-on-the-mid-back"),
        pytest.param("Exam: a well-healed vertical scar running from T11 to L2.", set(), id="skin-scar-placed-by-levels"),
        pytest.param("A well-healed incision from his prior L2-3 fusion is seen.", {"lumbar"},
                     id="scar-of-a-named-fusion-keeps-its-level"),
        pytest.param("Epidural scar at L4-5 encases the left L5 root.", {"lumbar"}, id="epidural-scar-is-in-the-canal"),
        pytest.param("The thoracic spine was prepped and draped in sterile fashion.", set(), id="region-prepped"),
        pytest.param("Her head and cervical spine were restrained with tape.", set(), id="region-restrained"),
        pytest.param("The lumbar spine was prepped. Injection at L4-5 was done.", {"lumbar"},
                     id="prep-sentence-aside-the-level-locates"),
        pytest.param("Aching pain in the lower back for a month.", {"lumbar"}, id="back-pain-still-locates"),
        pytest.param("Dependent lividity is fixed over the buttocks and lower back.", set(), id="lividity-on-the-back"),
        pytest.param("Two small abrasions of the right lower back.", set(), id="abrasions-on-the-back"),
        pytest.param("She came in with a necrotic wound in the sacral region.", set(), id="pressure-wound-sacral"),
        pytest.param("She lay prone with a pillow under the abdomen to flatten the lumbar lordosis.", set(),
                     id="positioning-pillow"),
        pytest.param("A roll was placed under the shoulders to keep the cervical lordosis.", set(), id="positioning-roll"),
    ],
)
def test_when_a_region_is_a_skin_landmark_or_a_prepared_field_then_no_region(checker, text, regions):
    """A skin finding placed on the back uses the spine as a landmark, and a region prepped or restrained for a procedure
    is where the team works (C6): neither locates the condition."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Bimanual exam: marked cervical motion tenderness, no adnexal mass.", set(),
                     id="cervix-motion-tenderness"),
        pytest.param("The cervical vaginal junction was infiltrated with lidocaine.", set(), id="cervix-junction"),
        pytest.param("Cardiology and Thoracic Surgery saw him about the valve repair.", set(),
                     id="thoracic-surgery-service"),
        pytest.param("History of thoracic laminectomy for a disc.", {"thoracic"}, id="thoracic-operation-locates"),
        pytest.param("The long thoracic nerve was identified and preserved.", set(), id="long-thoracic-nerve"),
        pytest.param("MRI: a disc at T7-8 compresses the left thoracic nerve root.", {"thoracic"}, id="thoracic-root"),
        pytest.param("Cervical disc herniation at C5-6.", {"cervical"}, id="cervical-disc-locates"),
    ],
)
def test_when_a_region_adjective_names_the_cervix_a_service_or_a_chest_nerve_then_no_region(checker, text, regions):
    """'Cervical' in a pelvic exam is the cervix's, 'Thoracic Surgery' is the chest surgeons' service and the long thoracic
    nerve runs on the chest wall: none names the spine."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("The thoracic vertebral column is intact.", set(), id="column-is-intact"),
        pytest.param("The sacroiliac joints appear well preserved.", set(), id="joints-appear-preserved"),
        pytest.param("Lumbar lordosis is maintained.", set(), id="lordosis-maintained"),
        pytest.param("Tenderness over the L2 spinous process; otherwise, intact.", {"lumbar"},
                     id="otherwise-intact-keeps-the-level"),
        pytest.param("The lumbar spine shows a fracture of L2; the remaining bodies are intact.", {"lumbar"},
                     id="finding-before-the-normal-clause"),
    ],
)
def test_when_a_spinal_structure_is_called_intact_or_preserved_then_no_region(checker, text, regions):
    """A normal finding in other words ('intact', 'well preserved') is a negative exam of the region (C6)."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Decompression at C3-4 and C4-5. The C2 lamina was identified at the top of the exposure.",
                     {"cervical"}, id="lamina-above-the-operated-segments"),
        pytest.param("Laminectomy from L3 to L5. The superior edge of the S1 lamina was undercut.",
                     {"lumbar", "lumbosacral"}, id="lamina-below-the-operated-range"),
        pytest.param("Fusion at C5-6. The spinous process of C4 was marked.", {"cervical"}, id="spinous-process-edge"),
        pytest.param("Odontoid fracture of C2. Old fusion at C4-5.", {"occipito_atlanto_axial", "cervical"},
                     id="a-vertebra-named-for-itself-keeps-its-region"),
        pytest.param("Right S1 radiculopathy from an L4-5 herniation.", {"lumbar", "sacral"},
                     id="a-root-is-no-edge-of-the-work"),
    ],
)
def test_when_a_vertebra_is_the_edge_of_an_operation_next_to_it_then_it_is_the_joining_segments(checker, text, regions):
    """A vertebra's bony part reached just outside an operated segment or range is the edge of that work (C18): it
    takes the region of the segment joining it to the range."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Pneumoperitoneum was established with C02 insufflation.", set(), id="carbon-dioxide-typed-with-zero"),
        pytest.param("She was offered C02 laser ablation of the lesion.", set(), id="laser"),
        pytest.param("Mild stenosis at C5-6.", {"cervical"}, id="a-level-without-zero"),
    ],
)
def test_when_a_number_has_a_leading_zero_then_it_is_no_vertebra(checker, text, regions):
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Cardiovascular: normal S1-S2 without murmur.", set(), id="heart-sounds-as-a-range"),
        pytest.param("Heart: tachycardic, regular rhythm, normal S1/S2.", set(), id="heart-sounds-with-a-slash"),
        pytest.param("Old fracture through S1-S2 on the sacral films.", {"sacral"}, id="a-sacral-segment-stays"),
        pytest.param("Kyphosis at S2-S3 after the healed S2 fracture.", {"sacral"}, id="a-sacral-level-near-the-range"),
    ],
)
def test_when_sacral_levels_are_heart_sounds_then_no_region(checker, text, regions):
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("PROCEDURE: Thoracic epidural steroid injection.\n", {"thoracic"}, id="epidural-title"),
        pytest.param("She had a cervical ESI in March with good relief.", {"cervical"}, id="esi"),
        pytest.param("PROCEDURE: Lumbar epidural steroid injection, L5-S1.\n", {"lumbosacral"}, id="level-follows"),
        pytest.param("ANESTHESIA: Thoracic epidural catheter for postoperative analgesia.\n", set(),
                     id="anaesthetic-epidural"),
        pytest.param("PROCEDURE: Caudal epidural steroid injection.\n", {"sacral"}, id="caudal-epidural"),
        pytest.param("ANESTHESIA: General anesthetic with a caudal block.\n", set(), id="caudal-block-anaesthetic"),
        pytest.param("PROCEDURE: Facet injections, lumbosacral.\n", {"lumbosacral"}, id="region-after-the-title"),
        pytest.param("PROCEDURE: Radiofrequency ablation, cervical.\n", {"cervical"}, id="cervical-after-the-title"),
    ],
)
def test_when_a_spinal_injection_is_named_by_its_region_then_it_locates_it(checker, text, regions):
    """C6, C24: a spinal injection locates its region; a level named with it places it by its segment instead (C18),
    and an epidural of an anaesthetic is no injection of a spinal condition."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Her back is nontender on palpation over the lumbar spine.", set(), id="nontender-on-palpation"),
        pytest.param("The spine is nontender with palpation from the neck to the thoracic spine.", set(),
                     id="nontender-with-palpation"),
    ],
)
def test_when_the_spine_is_nontender_on_palpation_then_it_locates_nothing(checker, text, regions):
    """C6: a spinal region examined and found nontender is a negative exam, whatever the preposition of palpation."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Nerve studies show a lumbosacral polyradiculopathy on both sides.", {"lumbosacral"},
                     id="polyradiculopathy"),
        pytest.param("Findings suggest mild bilateral cervical radiculopathies.", {"cervical"}, id="plural-disease"),
        pytest.param("She has had lumbosacral back discomfort since the spring.", {"lumbosacral"}, id="region-back"),
        pytest.param("Adjustments were given for thoracolumbar subluxation complexes.", {"thoracolumbar"},
                     id="chiropractic-subluxation"),
        pytest.param("Low back pain from a lumbar spondylolysis.", {"lumbar"}, id="spondylolysis"),
        pytest.param("MRI showed a cervicothoracic syrinx.", {"cervicothoracic"}, id="syrinx"),
        pytest.param("He was referred to the thoracic tumor board.", set(), id="chest-tumor-board"),
        pytest.param("He has a few cervical lymph nodes.", set(), id="non-spinal-head-still-refused"),
    ],
)
def test_when_a_region_adjective_names_a_polyradiculopathy_or_the_back_then_it_locates_it(checker, text, regions):
    """The region row counts region adjectives tied to the spine: a polyradicular or plural disease and the back are
    spinal heads too."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("She arrived strapped to a backboard in full C-spine precautions.", set(), id="spine-precautions"),
        pytest.param("Once her cervical spine had been cleared, the collar came off.", set(), id="spine-cleared"),
        pytest.param("The L4-5 interspace was cleared of disc material.", {"lumbar"}, id="space-cleared-of-tissue"),
        pytest.param("In C-spine precautions; CT shows a C6 fracture.", {"cervical"}, id="injury-found-by-its-own-words"),
    ],
)
def test_when_a_trauma_spine_is_guarded_or_cleared_then_no_region(checker, text, regions):
    """C6: precautions for an injury not yet excluded and a spine cleared by exam or films place no condition there."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("At the T11-12 and T12-L1 levels, there is no disc herniation or canal stenosis.", set(),
                     id="levels-then-no-finding"),
        pytest.param("C7-T1, T1-2: There is normal disc height with no bulging.", set(), id="level-heading-normal"),
        pytest.param("At the L2-3 level, there is no stenosis, but a small central protrusion is seen.", {"lumbar"},
                     id="clause-turns-to-a-finding"),
        pytest.param("L3-4: No stenosis, with a mild disc bulge.", {"lumbar"}, id="graded-finding"),
        pytest.param("L4-5: Broad-based disc bulge.", {"lumbar"}, id="heading-with-a-finding"),
    ],
)
def test_when_a_level_opens_a_clause_that_finds_nothing_then_no_region(checker, text, regions):
    """C6: a level introducing a negative or normal clause of a report is a negative study of that level."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("FINDINGS:\nNormal odontoid and craniocervical junction.", set(), id="normal-junction"),
        pytest.param("Normal posterior atlanto-axial relationship.", set(), id="normal-articulation"),
        pytest.param("Normal L2-3 disc height.", set(), id="normal-level"),
        pytest.param("Normal cervical lordosis but mild canal stenosis.", {"cervical"}, id="turns-to-a-finding"),
        pytest.param("Normal saline was given before the lumbar spine fusion.", {"lumbar"}, id="normal-saline"),
        pytest.param("The odontoid is fractured. Normal alignment otherwise.", {"occipito_atlanto_axial"},
                     id="finding-in-its-own-sentence"),
        pytest.param("Films of the thoracic spine showed no fracture.", set(), id="study-shows-no"),
        pytest.param("Films of the thoracic spine showed no fracture but mild wedging.", {"thoracic"},
                     id="study-shows-no-but-a-finding"),
        pytest.param("MRI of the lumbar spine shows a large disc herniation.", {"lumbar"}, id="study-shows-a-finding"),
    ],
)
def test_when_a_sentence_opens_by_calling_its_structures_normal_then_no_region(checker, text, regions):
    """C6: a report's sentence that opens 'Normal ...', or whose study of a region shows no finding there, is a normal
    finding of what it names."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("The weak ankle reflexes suggest either a neuropathy or a process such as a thoracic myelopathy.",
                     set(), id="suggests-either"),
        pytest.param("A bright focus on the scan, representing either a cyst or a small lesion at T9.", set(),
                     id="representing-either"),
        pytest.param("Pain in either leg from a lumbar disc herniation.", {"lumbar"}, id="either-side-is-no-alternative"),
    ],
)
def test_when_regions_are_alternatives_a_finding_may_suggest_then_no_region(checker, text, regions):
    """Possible and hypothetical values do not count: alternatives a finding points to are possibilities."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Lumbosacral range of motion is painful in extension.", {"lumbosacral"}, id="junction-motion-painful"),
        pytest.param("He has decreased thoracic range of motion.", {"thoracic"}, id="motion-decreased"),
        pytest.param("Lumbar range of motion is full in all planes.", set(), id="motion-full"),
        pytest.param("Active thoracolumbar range of motion is grossly intact.", set(), id="motion-intact"),
    ],
)
def test_when_a_regions_range_of_motion_is_limited_then_it_locates_it(checker, text, regions):
    """A region's range of motion found painful or limited locates it (a junction's only the junction, C28); found
    full or normal it is a negative exam (C6)."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Decreased sensation to pinprick in the left L5 distribution.", id="dermatome"),
        pytest.param("He has numbness below T10 on both sides.", id="sensory-level"),
    ],
)
def test_when_a_level_gives_a_sensory_extent_then_the_deficit_stays_of_spinal_type(checker, text):
    """C5: the extent locates no region, but it names the spinal segment the deficit maps to, so the deficit counts
    (C3) where the note names no other region: the level stays as a negated region fact."""
    assert present_values(checker, text, "region") == set()
    assert present_values(checker, text, "neuro_deficit")


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("Paraspinal tenderness from the cervical spine to the lumbar spine.",
                     {"cervical", "cervicothoracic", "thoracic", "thoracolumbar", "lumbar"}, id="neck-to-low-back"),
        pytest.param("Aching from the thoracic spine down to the sacrum.",
                     {"thoracic", "thoracolumbar", "lumbar", "lumbosacral", "sacral"}, id="thoracic-to-sacrum"),
        pytest.param("The spine is nontender on palpation from neck to lumbar spine.", set(), id="negated-range"),
    ],
)
def test_when_a_range_is_told_in_region_words_then_it_spans_every_region_between(checker, text, regions):
    """The region row: a longer range adds every region it spans, in words as in levels."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("PROCEDURE: Right stellate ganglion block.\nUnder fluoroscopy the needle was set on the transverse "
                     "process of the sixth cervical vertebra.", set(), id="needle-landmark-in-a-block"),
        pytest.param("PROCEDURE: Right stellate ganglion block.\nContrast spread along the cervical vertebral bodies.",
                     set(), id="contrast-spread-in-a-block"),
        pytest.param("PROCEDURE: Lumbar puncture.\nMRI of the thoracic spine with contrast showed a syrinx.", {"thoracic"},
                     id="a-study-report-keeps-its-region"),
    ],
)
def test_when_a_region_word_places_the_needle_of_a_block_beside_the_spine_then_no_region(checker, text, regions):
    """C4, C6: in the record of a procedure aimed beside the spine, the spine named where the needle goes or the
    contrast spreads is a landmark, as its levels are."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("PROCEDURE: Medial branch block.\nThe needle tip was set on the transverse process of the lumbar "
                     "vertebra, or for sacral vertebrae at the border of the foramen.", set(), id="or-for-alternative"),
        pytest.param("Lumbar spine pain, and for months neck pain.", {"lumbar", "cervical"},
                     id="and-for-is-no-alternative"),
        pytest.param("Cervical facet pain. For a C8 medial branch block, the needle is set on the process of T1.",
                     {"cervical"}, id="template-case-for-a-block"),
        pytest.param("For a year she has had pain at L4-5.", {"lumbar"}, id="for-a-duration-is-no-case"),
    ],
)
def test_when_a_template_describes_alternative_sites_then_no_region(checker, text, regions):
    """C25: technique text for alternative sites ('..., or for sacral levels ...') states no site about the patient."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        pytest.param("CT cervical spine: No fracture or malalignment.", set(), id="heading-answered-no"),
        pytest.param("C-spine AROM: WNL, pain-free in all planes.", set(), id="heading-answered-wnl"),
        pytest.param("C-spine and T-spine: Not examined this visit.", set(), id="heading-answered-not-examined"),
        pytest.param("Lumbar spine: No fracture, but moderate stenosis.", {"lumbar"}, id="answer-with-a-contrast"),
        pytest.param("Sacrum and pelvis intact.", set(), id="clause-closed-by-intact"),
        pytest.param("Visualized sacroiliac joints normal.", set(), id="clause-closed-by-normal"),
        pytest.param("Tenderness over the L4-5 facets; otherwise normal.", {"lumbar"}, id="otherwise-normal-keeps-the-level"),
        pytest.param("Vertebral body heights and alignment are maintained from C1 through C7.", set(),
                     id="maintained-from-levels"),
        pytest.param("Axial T1- and T2-weighted images from T12 through S1.", set(), id="weightings-and-coverage"),
        pytest.param("Helical axial images from the skull base through T2.", set(), id="coverage-from-a-landmark"),
        pytest.param("Aortic bifurcation at L4 with mild atherosclerosis.", set(), id="aortic-bifurcation"),
        pytest.param("The renal arteries arise at the L1 level.", set(), id="renal-arteries"),
        pytest.param("Conus: Terminates normally at the T12-L1 level.", set(), id="conus-termination"),
        pytest.param("SLE with serologic activity (low C3/C4, rising dsDNA).", set(), id="complement-range"),
        pytest.param("Sprain of ligaments of thoracic spine, initial encounter (S23.3XXA).", {"thoracic"},
                     id="icd-code-is-no-level"),
        pytest.param("Stage 4 sacral pressure injury, s/p gluteal rotation flap.", set(), id="sacral-pressure-injury"),
        pytest.param("Cervical insufficiency in the first pregnancy, treated with cerclage.", set(),
                     id="cervical-insufficiency"),
        pytest.param("The labor epidural catheter was placed at the L3-L4 interspace.", set(), id="labour-epidural"),
        pytest.param("L3-L5 epidural steroid injection with epidural catheter under fluoroscopy.", {"lumbar"},
                     id="steroid-injection-by-catheter"),
        pytest.param("CT of the thoracic and lumbar spine showed an acute T12 compression fracture.", {"thoracic"},
                     id="multi-region-study-placed-by-its-level"),
        pytest.param("X-rays of the cervical, thoracic and lumbar spine showed narrowing at L5-S1.",
                     {"lumbar", "lumbosacral"}, id="junction-level-keeps-its-neighbour"),
        pytest.param("She has cervical and lumbar stenosis, worst at L4-5.", {"cervical", "lumbar"}, id="no-study-keeps-all"),
        pytest.param("Thoracic outlet syndrome was considered.", set(), id="thoracic-outlet"),
        pytest.param("He arrived on a backboard in a cervical collar, removed after clinical clearance.", set(),
                     id="field-immobilisation-collar"),
    ],
)
def test_when_a_region_is_only_looked_at_or_names_something_else_then_it_locates_nothing(checker, text, regions):
    """C6: a heading answered negatively, a structure called normal, a study's coverage or a stretch of a multi-region
    study its levels leave empty, a vessel or the conus as a landmark; C4: a neuraxial anaesthetic's route; and the
    other senses (complement C3/C4, an ICD-10-CM code, a sacral pressure sore, the cervix)."""
    assert present_values(checker, text, "region") == regions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neck pain. Myotomes C5-T1 5/5 except R wrist extension 4+/5.", {"cervical"}, id="myotomes-before"),
        pytest.param("Neck pain. Dermatomes C5-T1 intact to light touch.", {"cervical"}, id="dermatomes-before"),
        pytest.param("Neck pain. Strength C5-T1 myotomes 5/5.", {"cervical"}, id="myotomes-after"),
        pytest.param("Neck pain. Neuro: R biceps and brachioradialis reflexes 1+, L 2+.", {"cervical"},
                     id="side-letter-before-a-reflex-grade"),
        pytest.param("Knee OA. Right TKA under spinal anesthesia (single shot at L3-4) with an adductor canal block.",
                     set(), id="spinal-anaesthetic-access"),
        pytest.param("G2P1. Labor epidural placed at L3-L4 at 4 cm, dosed up for surgical anesthesia.", set(),
                     id="labour-epidural-access"),
        pytest.param("Lumbar puncture at L3-4 (outside, 09/2025): protein 52, 1 WBC.", set(), id="lumbar-puncture-access"),
        pytest.param("She underwent L4-5 laminectomy under spinal anesthesia.", {"lumbar"}, id="spinal-operation-kept"),
        pytest.param("Low back pain. TECHNIQUE: Sagittal T2-weighted images from C2-C3 through T1 and from T11-T12 "
                     "through S1.", {"lumbar"}, id="coverage-of-two-stretches"),
        pytest.param("Axial images from L3 through S1 show a herniation at L4-5.", {"lumbar"}, id="finding-after-coverage"),
    ],
)
def test_region_precision_classes_of_the_third_wording_round(checker, text, expected):
    """C4, C5, C6: an examination's map of myotomes or dermatomes, a side's reflex grade, a neuraxial procedure's
    access level and a study's coverage locate nothing; an operation's level under the same anaesthetic does."""
    assert present_values(checker, text, "region") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. Thoracic: no segmental restriction.", {"lumbar"}, id="heading-answered-no"),
        pytest.param("Mid back pain. Cervical spine: AROM full and painless.", {"thoracic"}, id="motion-full-and-painless"),
        pytest.param("Low back pain. The L5 and S1 nerve roots were noted to be completely free.", {"lumbar", "lumbosacral"},
                     id="roots-free-after-decompression"),
    ],
)
def test_when_an_exam_heading_is_answered_normal_then_no_region(checker, text, expected):
    """C6: a region heading answered with a denial or a full motion is a normal exam; nerve roots left free by an
    operation still place it."""
    assert present_values(checker, text, "region") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. FINDINGS: Endotracheal tube tip 4 cm above the carina, at the level of T2.", {"lumbar"},
                     id="device-tip-landmark"),
        pytest.param("Low back pain. The cervical spine and upper thoracic spine are normally aligned.", {"lumbar"},
                     id="normally-aligned"),
        pytest.param("Low back pain. From C2-3 through C7-T1 there is no disc herniation or stenosis.", {"lumbar"},
                     id="range-then-there-is-no"),
        pytest.param("From C5-6 through C6-7 there is a broad disc bulge.", {"cervical"}, id="range-then-a-finding"),
        pytest.param("Neck pain. The patient had a labor epidural placed at\nL3-L4 at 4 cm, dosed up for the section.",
                     {"cervical"}, id="access-level-across-a-line-wrap"),
    ],
)
def test_region_classes_of_the_third_wording_round_second_pass(checker, text, expected):
    """C4, C6: a device's tip placed by a level, a spine called normally aligned, a stretch of levels that opens a
    denial, and a neuraxial access level wrapped onto the next line locate nothing; a stretch with a finding does."""
    assert present_values(checker, text, "region") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neck pain. Neuro: dermatomes intact C5-T1, motor 5/5.", {"cervical"}, id="state-before-levels"),
        pytest.param("Low back pain. Sensation intact to light touch L2-S1.", {"lumbar"}, id="sensation-modality-levels"),
        pytest.param("Neck pain. Sensation grossly intact bilaterally to pinprick C5-T1.", {"cervical"},
                     id="several-fillers"),
        pytest.param("Neck pain. C5-6 disc herniation with sensation intact.", {"cervical"}, id="finding-kept"),
    ],
)
def test_when_an_exam_map_names_its_state_before_its_levels_then_the_levels_locate_nothing(checker, text, expected):
    """C5, C6: 'dermatomes intact C5-T1', 'sensation intact to light touch L2-S1' are a normal map, whatever stands
    between the map word and its levels."""
    assert present_values(checker, text, "region") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Thoracic pain. TECHNIQUE: axial T2-weighted images T8 through L2.", {"thoracic"},
                     id="images-range-without-from"),
        pytest.param("Back pain. Sagittal images L4-5 show a disc herniation.", {"lumbar"}, id="images-single-level-finding"),
    ],
)
def test_when_images_name_a_range_of_levels_then_it_is_their_coverage(checker, text, expected):
    """C6: a range right after the images' noun is where the study was taken; a single level there is a finding."""
    assert present_values(checker, text, "region") == expected
