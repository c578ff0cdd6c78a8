"""Imaging results by class of wording, on sentences written for the purpose (docs/annotation.md, C9)."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("MRI of the lumbar spine showed a disc bulge at L4-5.", {"mri"}, id="mri-with-result-verb"),
        pytest.param("CXR: clear lungs, no effusion.", {"xray"}, id="cxr-abbreviation"),
        pytest.param("XR pelvis, 2 views: no fracture seen.", {"xray"}, id="xr-abbreviation"),
        pytest.param("HCT, 03/02/19, revealed a small subdural hematoma.", {"ct"}, id="head-ct-abbreviation"),
        pytest.param("HCT 38.2, WBC 7.1, platelets normal.", set(), id="hct-hematocrit-value"),
        pytest.param("Trace MR and TR were present on the study.", set(), id="mr-mitral-regurgitation"),
        pytest.param("MR of the cervical spine shows a C5-6 protrusion.", {"mri"}, id="mr-before-body-part"),
        pytest.param("A screening mammogram last spring was normal.", {"other"}, id="mammogram-other"),
        pytest.param("Coronary arteriogram was normal.", {"other"}, id="arteriogram-other"),
        pytest.param("Cerebral angiogram revealed narrowing of the basilar artery.", {"other"}, id="angiogram-other"),
        pytest.param("The transthoracic echocardiogram was interpreted as normal.", {"other"}, id="echo-interpreted"),
        pytest.param("Needle position was confirmed by AP and lateral fluoroscopic views.", {"other"},
                     id="fluoroscopic-views-confirmed"),
        pytest.param("The injection was done under fluoroscopic guidance.", set(), id="fluoroscopic-guidance-alone"),
        pytest.param("Sestamibi scan shows uptake at the left inferior parathyroid.", {"other"}, id="nuclear-study-other"),
        pytest.param("MRI LUMBAR SPINE WITHOUT CONTRAST", {"mri"}, id="report-title-line"),
        pytest.param("Films of her cervical MRI were reviewed and show a C6 protrusion.", {"mri"}, id="films-of-another-study"),
        pytest.param("Plain films of the sacrum show no fracture.", {"xray"}, id="plain-films"),
        pytest.param("She had an MRI last year.", set(), id="bare-mention-dropped"),
        pytest.param("Imaging: plain films of the thoracic spine will be obtained this afternoon.", set(),
                     id="future-passive-is-a-plan"),
        pytest.param("Findings: a renal ultrasound shall be performed before discharge.", set(), id="shall-be-performed"),
        pytest.param("Lumbar x-rays were obtained and show mild spondylosis.", {"xray"}, id="past-passive-is-a-result"),
        pytest.param("EXAM: Ultrasound of the right flank.\n\nHISTORY: Flank pain.\n\nFINDINGS: The kidney measures 11 cm.",
                     {"other"}, id="report-title-header-before-findings"),
        pytest.param("EXAM: CT-guided drainage of the psoas collection.\n\nHISTORY: Abscess.\n\nFINDINGS: 20 mL drained.",
                     set(), id="report-title-guidance-is-no-study"),
        pytest.param("EXAM: MRI of the neck was reviewed with him.\n\nPLAN: Return in a month.", set(),
                     id="exam-header-without-findings"),
    ],
)
def test_imaging_results(checker, text, expected):
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("An MR myelogram showed severe stenosis at L3-4.", {"mri"}, id="mr-myelogram-is-mri"),
        pytest.param("Myelogram showed a complete block at L2.", {"other"}, id="myelogram-sentence-start"),
        pytest.param("Studies: (myelogram) showed a block at L2.", {"other"}, id="myelogram-after-punctuation"),
        pytest.param("Gated SPECT images revealed normal wall motion.", {"other"}, id="cardiac-spect-is-other"),
        pytest.param("A SPECT image of his brain was consistent with necrosis.", {"other"}, id="brain-spect-is-other"),
        pytest.param("Bone SPECT showed increased uptake at L4.", {"bone_scan"}, id="bone-spect-is-bone-scan"),
        pytest.param("Bone scintigraphy shows uptake in the sacrum.", {"bone_scan"}, id="bone-scintigraphy"),
    ],
)
def test_when_a_myelogram_spect_or_scintigraphy_is_named_then_the_word_before_sets_its_modality(checker, text, expected):
    """C9: a myelogram is `other` unless MR; SPECT and scintigraphy are `other` unless of bone."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She underwent an emergent CT of the head. This revealed a small bleed.", {"ct"},
                     id="this-revealed"),
        pytest.param("An MRI of the lumbar spine was obtained in May. The study showed an L4-5 protrusion.", {"mri"},
                     id="the-study-showed"),
        pytest.param("He had an MRI in 2019. He lives alone and works nights.", set(), id="no-result-follows"),
        pytest.param("He had an MRI in 2019. Pain improved with rest.", set(), id="next-sentence-is-not-the-result"),
    ],
)
def test_when_the_result_is_told_in_the_next_sentence_then_the_study_is_a_result(checker, text, expected):
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("OPERATIVE TECHNIQUE: The wound was irrigated and closed, and closing radiographs were taken.", set(),
                     id="operative-technique-is-no-imaging-section"),
        pytest.param("SURGICAL TECHNIQUE: A marker was set in the disc and a lateral x-ray did confirm the C6-7 level.",
                     {"xray"}, id="intraoperative-film-confirms-level"),
        pytest.param("The guide pin was advanced, with fluoroscopy confirming its position in the pedicle.", {"other"},
                     id="fluoroscopy-confirming-position"),
        pytest.param("TECHNIQUE: Sagittal and axial MRI of the lumbar spine without contrast.", {"mri"},
                     id="radiology-technique-section"),
    ],
)
def test_when_a_procedure_narrates_imaging_then_only_what_it_confirmed_counts(checker, text, expected):
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She reports a normal MRI of the neck last year but she does not bring it in today.", set(),
                     id="had-but-not-brought"),
        pytest.param("An outside CT reported as normal is not available for review.", set(), id="not-available"),
        pytest.param("An MRI showed a disc bulge; she did not bring the films.", {"mri"}, id="result-then-no-films"),
    ],
)
def test_when_a_study_is_not_brought_or_not_available_then_it_is_no_result(checker, text, expected):
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("We will see him in four months with a repeat PET-CT.", set(), id="will-see-with-study"),
        pytest.param("At the next visit we will compare a new CT with the old one.", set(), id="at-the-next-visit"),
        pytest.param("MRI showed L4-5 stenosis; we will see her back in 2 weeks.", {"mri"}, id="result-then-follow-up"),
    ],
)
def test_when_a_study_belongs_to_a_later_visit_then_it_is_no_result(checker, text, expected):
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        pytest.param("Labs unremarkable.\n\nMRI L-SPINE: Normal.", "imaging", {"mri"}, id="study-title-spine"),
        pytest.param("MRI lumbar spine: small L4-5 protrusion.", "imaging", {"mri"}, id="study-title-lowercase"),
        pytest.param("Abdomen: soft.\nSpine: nontender.\nNeuro: intact.", "region", set(), id="exam-subheading-stays"),
    ],
)
def test_when_a_study_title_ends_in_spine_then_it_is_no_exam_heading(checker, text, kind, expected):
    assert present_values(checker, text, kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("AP and lateral lumbar views from May show mild spondylosis.", {"xray"}, id="projections-of-part"),
        pytest.param("Two views of the cervical spine show no fracture.", {"xray"}, id="number-of-views"),
        pytest.param("On the lateral view the needle tip was at the L1 body.", set(), id="fluoroscopic-guidance"),
        pytest.param("Sagittal and axial views show a disc bulge.", set(), id="mri-planes-not-listed"),
        pytest.param("She had three MRI scans of the brain in 2004. All scans showed stable changes.", {"mri"},
                     id="all-scans-opener"),
    ],
)
def test_when_plain_film_projections_are_named_then_they_are_xray(checker, text, expected):
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Plain studies of the thoracic spine show a T9 wedge deformity.", {"xray"}, id="plain-studies"),
        pytest.param("Plain imaging of the neck demonstrates loss of lordosis.", {"xray"}, id="plain-imaging"),
        pytest.param("The studies of the lumbar spine show a disc bulge.", set(), id="studies-alone-name-no-modality"),
    ],
)
def test_when_plain_studies_are_named_then_they_are_xray(checker, text, expected):
    """'Plain studies of the lumbar spine show ...': 'plain' makes a study a plain radiograph (C9: xray is plain
    radiographs)."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Two milliliters of contrast were injected and spread evenly along the epidural space.", {"other"},
                     id="contrast-spread"),
        pytest.param("A satisfactory dye pattern was seen outlining the facet capsule.", {"other"}, id="dye-pattern-seen"),
        pytest.param("Isovue was injected and noted to flow along the nerve root.", {"other"}, id="named-contrast-flow"),
        pytest.param("One milliliter of contrast was injected after negative aspiration.", set(), id="contrast-no-spread"),
        pytest.param("CT of the abdomen with contrast shows a mottled pattern of the liver.", {"ct"},
                     id="contrast-of-a-named-study"),
        pytest.param("Methylene blue dye was instilled and flowed freely from the cervix.", set(), id="visible-dye"),
    ],
)
def test_when_procedural_contrast_is_told_by_its_spread_then_it_is_other(checker, text, expected):
    """C9, C13: a procedure's contrast told by where it went is a fluoroscopic study with its result."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("LABS AND X-RAY RESULTS: Sodium 139, potassium 4.1.", set(), id="heading-of-labs"),
        pytest.param("PRIOR FILMS - CT - MRI REVIEWED: None.", set(), id="heading-of-several-studies"),
        pytest.param("REVIEW OF X-RAYS: The MRI of the head shows small vessel disease.", {"mri"},
                     id="heading-over-another-study"),
        pytest.param("PRIOR X-RAYS: MRI: Disc bulge at L4-5.", {"mri"}, id="heading-then-study-heading"),
        pytest.param("FLUOROSCOPY TIME: 3.2 minutes.", set(), id="heading-of-a-figure"),
        pytest.param("LUMBAR X-RAYS: Mild disc space narrowing at L5-S1.", {"xray"}, id="heading-of-its-own-result"),
        pytest.param("HEAD CT WITH CONTRAST, 2/3/01: Enhancing mass in the left frontal lobe.", {"ct"},
                     id="study-title-heading"),
    ],
)
def test_when_a_heading_names_a_kind_of_material_then_its_contents_give_the_study(checker, text, expected):
    """A heading in capitals that names labs, several studies or a figure, or that another study opens, names no
    result of its own; the studies reported under it count."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Findings: Comparison is made with the prior radiographs of May. There is a joint effusion.", set(),
                     id="comparison-is-made-with"),
        pytest.param("The CT shows the nodule is smaller comparing with the PET scan of June.", {"ct"},
                     id="comparing-with"),
        pytest.param("I reviewed the CT of the head and compared it to the MRI from last year; both show atrophy.",
                     {"ct", "mri"}, id="two-studies-reviewed"),
    ],
)
def test_when_a_study_is_named_as_the_comparison_then_it_is_no_result(checker, text, expected):
    """A study named as the comparison of the one reported is its reference, not a result the note gives."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The reduction was confirmed with the image intensifier.", {"other"}, id="image-intensifier"),
        pytest.param("Final C-arm views showed the plate in good position.", {"other"}, id="c-arm-views"),
        pytest.param("Fluoroscopic examination of the chest revealed no pneumothorax.", {"other"},
                     id="fluoroscopic-examination"),
        pytest.param("The image intensifier was brought into the field and draped.", set(), id="intensifier-guidance"),
        pytest.param("The C-arm image was used to confirm the site for the incision.", set(), id="c-arm-purpose"),
        pytest.param("Fluoroscopy was then brought in to verify that L1 was level.", {"other"}, id="fluoroscopy-verify"),
        pytest.param("The trocar position was verified in both AP and lateral images.", {"other"},
                     id="ap-and-lateral-images-verified"),
        pytest.param("AP and lateral images were obtained during the procedure.", set(), id="ap-and-lateral-images-alone"),
        pytest.param("Using AP and lateral fluoroscopic projections the L1 compression fracture was identified.", {"other"},
                     id="fluoroscopic-projections-identified"),
        pytest.param("A localizing x-ray verified the marker to be at the C5-6 disc.", {"xray"}, id="localizing-film-verified"),
        pytest.param("The fluoroscope appeared to show that the catheter was in the subarachnoid space.", {"other"},
                     id="fluoroscope-appeared-to-show"),
        pytest.param("The fluoroscope was brought in and draped.", set(), id="fluoroscope-brought-in"),
        pytest.param("There was easy blood return and fluoroscopic imaging showed the catheter tip in the atrium.",
                     {"other"}, id="blood-return-is-no-plan"),
        pytest.param("Return in two weeks; fluoroscopic imaging will show the position.", set(), id="return-visit-is-a-plan"),
    ],
)
def test_when_intraoperative_fluoroscopy_is_named_otherwise_then_its_confirmed_result_is_other(checker, text, expected):
    """C13: image intensifier, C-arm views and fluoroscopic examination are fluoroscopy; they count when the sentence
    says what they confirmed or showed."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("FAMILY HISTORY: No birth defects in the family.\n\nDETAILS: I performed a pelvic ultrasound "
                     "today. There is a single live gestation of 18 weeks.", {"other"}, id="details-heading-after-family"),
        pytest.param("HISTORY: Chest pain.\n\nPROCEDURE DETAILS: Consent was obtained.\n\nRECOMMENDATIONS: Thallium "
                     "scan in six weeks.", set(), id="procedure-details-is-no-findings"),
    ],
)
def test_when_a_details_heading_opens_a_study_report_then_its_studies_are_results(checker, text, expected):
    """'DETAILS:' heads a study report's body: a study told there is about this patient, not the family history
    above it (C32's obstetric scan)."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("There was no fracture of the pars, and there was a wedge deformity of T12 which was demonstrated "
                     "on lateral x-rays.", {"xray"}, id="and-there-was-ends-negation"),
        pytest.param("There was no fracture of the pars or collapse on the lateral x-rays.", set(),
                     id="negation-runs-without-new-clause"),
        pytest.param("A drain was left in place should it be needed in view of the MRI findings of a large hematoma.",
                     {"mri"}, id="in-view-of-ends-a-conditional"),
    ],
)
def test_when_a_new_clause_asserts_a_finding_then_an_earlier_negation_ends(checker, text, expected):
    """'no X ... as well as there was Y shown on x-rays': a new existential clause ends the negation before it."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PLAN: We did do x-rays of his wrist today that were unremarkable.", {"xray"}, id="we-did-films-today"),
        pytest.param("DISPOSITION: The repeat radiographs revealed the fragments in good alignment.", {"xray"},
                     id="past-result-under-disposition"),
        pytest.param("PLAN: We will obtain an MRI, which may show the cause.", set(), id="plan-cue-of-its-own"),
        pytest.param("PLAN: Lumbar MRI to look for a disc herniation.", set(), id="plan-section-default"),
    ],
)
def test_when_a_plan_section_tells_a_study_done_then_it_is_a_result(checker, text, expected):
    """C8: a study the note tells as done, by the author at the visit or with its result in the past tense, is a
    result also under a plan or disposition heading; the heading alone makes a plan."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Under fluoroscopy the needle was advanced to the facet. Interpretation of the radiograph shows the "
                     "tip of the needle inside the joint.", {"other"}, id="procedure-radiograph-under-fluoroscopy"),
        pytest.param("Fluoroscopic views were obtained. Needle position was confirmed on AP and lateral radiographs.",
                     {"other"}, id="needle-radiographs-under-fluoroscopy"),
        pytest.param("A skin incision was made. A spinal needle was placed in the disc and an x-ray confirmed the C5-6 "
                     "level. Placement was checked under fluoroscopy.", {"xray"}, id="open-operation-marking-film"),
        pytest.param("A needle was placed in the disc space and an x-ray confirmed the C6-7 level.", {"xray"},
                     id="marking-film-no-fluoroscopy"),
        pytest.param("Under fluoroscopy the catheter was placed. A chest x-ray showed no pneumothorax.", {"xray"},
                     id="plain-film-after-a-procedure"),
    ],
)
def test_when_a_radiograph_shows_a_needle_in_a_fluoroscopic_procedure_then_it_is_other(checker, text, expected):
    """C13: in a percutaneous procedure done under fluoroscopy, the radiograph that shows the needle is the
    fluoroscopic image; in an open operation, or with no fluoroscopy named, it stays a plain film (C9)."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("We will also check a pelvic ultrasound to look for a cyst.", set(), id="will-also-check"),
        pytest.param("He will have a chest x-ray, a lipid panel and a TSH before surgery.", set(), id="will-have-list"),
        pytest.param("Follow-up will consist of a lumbar MRI in three months.", set(), id="will-consist-of"),
        pytest.param("The lumbar MRI showed a disc bulge; she will continue therapy.", {"mri"}, id="will-after-study"),
        pytest.param("FINDINGS: Plaque narrows the left carotid by half. This should be further assessed with CTA.",
                     set(), id="should-be-further-assessed-with"),
        pytest.param("The ultrasound showed a renal cyst, which could be better characterized with MRI.", {"other"},
                     id="could-be-characterized-with"),
    ],
)
def test_when_a_future_precedes_a_study_then_it_is_a_plan(checker, text, expected):
    """A study named after 'will' in its sentence is planned, not a result, whatever the verb between."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The hardware shows no loosening or other problems on x-ray.", {"xray"}, id="denied-on-x-ray"),
        pytest.param("No metastatic lesion is identified on the bone scan.", {"bone_scan"}, id="denied-on-bone-scan"),
        pytest.param("No sinus disease is seen per MRI.", {"mri"}, id="denied-per-mri"),
        pytest.param("She has not had an MRI.", set(), id="study-itself-denied"),
    ],
)
def test_when_a_finding_is_denied_on_a_study_then_the_study_is_a_negative_result(checker, text, expected):
    """'No lesion on the bone scan' is the study's negative result: the negation ends at 'on the study'."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neck pain after a fall.\n\nFINDINGS: C5-6: There is disc desiccation with a 2 mm bulge.\n\n"
                     "IMPRESSION: Degenerative disc disease.", {"mri"}, id="report-naming-no-modality"),
        pytest.param("Knee pain.\n\nFINDINGS: There is a hyperintense signal in the medial meniscus.", {"mri"},
                     id="signal-words-in-findings"),
        pytest.param("CT of the lumbar spine showed a fracture; the earlier hyperintense lesion was not seen.", {"ct"},
                     id="a-named-study-keeps-its-modality"),
    ],
)
def test_when_a_report_names_no_modality_but_speaks_of_signal_then_it_is_an_mri(checker, text, expected):
    """A report whose findings speak of signal, weighting or disc desiccation is an MRI, when no study is named."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Lungs: CTA, breath sounds equal bilaterally.", set(), id="cta-clear-to-auscultation"),
        pytest.param("CTA of the neck showed a 40% stenosis of the left ICA.", {"ct"}, id="cta-angiography"),
        pytest.param("X-ray with fluoroscopic evaluation was performed, which confirmed the alignment.", {"other"},
                     id="x-ray-called-fluoroscopic"),
        pytest.param("A HIDA scan had been performed, which showed no cystic duct obstruction.", {"other"}, id="hida-scan"),
        pytest.param("A V/Q scan revealed multiple perfusion defects.", {"other"}, id="vq-scan"),
        pytest.param("She had an x-ray of the knee in 2007 and was diagnosed with osteoarthritis.", {"xray"},
                     id="diagnosed-from-a-study"),
        pytest.param("Evaluation at the local hospital included an HCT scan, which revealed an old hypodensity.", {"ct"},
                     id="hct-scan"),
        pytest.param("Next the Xi-scan was used to visualize the fracture reduction.", {"other"}, id="mini-c-arm-brand"),
        pytest.param("Carotid duplex, 1/18/93: RICA 0-15% stenosis and normal vertebral artery flow.", {"other"},
                     id="carotid-duplex"),
        pytest.param("She had repeat carotid Dopplers showing further increased stenosis.", {"other"}, id="dopplers-plural"),
        pytest.param("A Persantine Myoview nuclear stress test in 07/06 was negative.", {"other"}, id="nuclear-stress-test"),
        pytest.param("At this point, on fluoroscopic control, it was confirming the alignment.", {"other"},
                     id="fluoroscopic-control"),
        pytest.param("A MRI examination would be of benefit for further evaluation of this finding.", set(),
                     id="would-be-of-benefit"),
        pytest.param("EXAM: Nuclear medicine lymphatic scan.\n\nFINDINGS: Uptake in two left axillary nodes.", {"other"},
                     id="nuclear-medicine-scan"),
        pytest.param("3 Vessel cerebroangiogram, 8/31/92: Lobulated fusiform aneurysm of the left MCA.", {"other"},
                     id="cerebroangiogram"),
        pytest.param("Using an 8-French cone-tip catheter, the left-sided pyelogram was normal.", {"other"}, id="pyelogram"),
        pytest.param("She is scheduled for screening mammogram and instructed on self-exam.", set(), id="scheduled-for"),
        pytest.param("A barium swallow was scheduled for the following week. It showed marked reflux.", {"other"},
                     id="scheduled-then-done"),
        pytest.param("Labs and a head CT, which is currently pending, were obtained.", set(), id="currently-pending"),
        pytest.param("The plate was viewed under the image intensification device, i.e., x-ray, and the screws placed.",
                     set(), id="image-intensification-guidance"),
    ],
)
def test_imaging_classes_of_the_fifth_and_sixth_fresh_sets(checker, text, expected):
    """C9, C13: the chest exam's CTA is no study; fluoroscopy's own word decides an intraoperative 'x-ray'; nuclear and
    contrast studies of other organs are `other`; a diagnosis made from a study is its result."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("LABS: CBC WNL, PT/PTT WNL, CXR WNL, EKG: LBBB.", {"xray"}, id="within-normal-limits-abbreviated"),
        pytest.param("5. Cardiac catheterization in February, 2002, showing normal coronary arteries.", {"other"},
                     id="cardiac-catheterization"),
        pytest.param("He underwent a left heart cath, which revealed two-vessel disease.", {"other"}, id="heart-cath"),
        pytest.param("The patient was returned to the cardiac catheterization holding area in stable condition.", set(),
                     id="catheterization-holding-area"),
        pytest.param("Straight catheterization of the bladder showed 400 mL of residual urine.", set(),
                     id="bladder-catheterization"),
        pytest.param("EF is about 30% with mitral regurgitation on a very recent echocardiogram.", {"other"},
                     id="ejection-fraction-on-echo"),
        pytest.param("She underwent MRI scan of the brain. I reviewed the scan today. This shows mild atrophy.", {"mri"},
                     id="result-after-a-sentence-referring-back"),
        pytest.param("She had an MRI of the brain in May. She brought the films today. She feels well.", set(),
                     id="referring-back-with-no-result-after"),
        pytest.param("She had an MRI of the brain in May. Her sister came along. This shows her devotion.", set(),
                     id="result-word-after-an-unrelated-sentence"),
        pytest.param("CT of the head was performed in September. The findings were within normal limits.", {"ct"},
                     id="the-findings-open-the-next-sentence"),
        pytest.param("PLAN: Low-salt diet. She has had a recent CAT scan of the brain though this was without contrast.",
                     {"ct"}, id="has-had-under-a-plan-heading"),
        pytest.param("PLAN: Low-salt diet. A CAT scan of the brain without contrast.", set(), id="plan-heading-default"),
    ],
)
def test_imaging_classes_of_the_eleventh_fresh_set(checker, text, expected):
    """C9 names cardiac catheterisation; "WNL" and an echo's ejection fraction are results; a result may follow a
    sentence that only refers back to the study."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She had an MRI of the spine last week. The results are pending.", set(),
                     id="next-sentence-tells-a-plan"),
        pytest.param("She had an MRI of the spine last week. It will be reviewed at the next visit.", set(),
                     id="next-sentence-will-review"),
        pytest.param("She had an MRI of the spine last week. It showed a bulge at L4-5.", {"mri"},
                     id="next-sentence-tells-a-result"),
        pytest.param("She has had multiple CT scans as well as an FNA which were all nondiagnostic.", {"ct"},
                     id="nondiagnostic"),
        pytest.param("She twisted her ankle. PF's showed no frank fracture or dislocation.", {"xray"}, id="plain-films-pfs"),
        pytest.param("Both carotid arteries were catheterized followed by digital subtraction imaging in multiple "
                     "projections. The images showed spasm of the left internal carotid artery.", {"other"},
                     id="digital-subtraction-imaging"),
        pytest.param("The patient had an abnormal chest x-ray in preop and is going for a CT of the chest in Recovery.",
                     {"xray"}, id="going-for-a-study"),
        pytest.param("DISPOSITION: Stable to PACU.\n\nPROCEDURE DETAIL: The guidewire was advanced and confirmed on the AP "
                     "and lateral fluoroscopic images.", {"other"}, id="procedure-detail-heading"),
    ],
)
def test_imaging_classes_of_the_twelfth_fresh_set(checker, text, expected):
    """A next sentence that tells a plan reports no result; a settled-nothing outcome is a result; plain films as
    "PF's"; digital subtraction imaging (C9); a study the patient is on the way to is a plan; an operative note's
    "PROCEDURE DETAIL:" opens the procedure, not the disposition's plan."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("HCT and MRI brain revealed bilateral posterior clinoid masses.", {"ct", "mri"}, id="hct-and-mri"),
        pytest.param("Hgb and HCT were stable.", set(), id="hgb-and-hct"),
        pytest.param("Orbital echography suggested Graves orbitopathy.", {"other"}, id="echography-suggested"),
        pytest.param("EVALUATION/TREATMENT PLAN: The MRI is consistent with edema in the ulnar styloid region.", {"mri"},
                     id="consistent-with-under-a-plan-heading"),
        pytest.param("There is no discrete fracture line, but this should be correlated with radiographs.", set(),
                     id="correlated-with-another-study"),
        pytest.param("4. A cystic lesion of the right adnexa, correlation with pelvic ultrasound is advised.", set(),
                     id="correlation-advised"),
    ],
)
def test_imaging_classes_of_the_thirteenth_fresh_set(checker, text, expected):
    """Head CT joined to another study; echography (C9); a study read as consistent with a finding was done; a study
    a report asks to correlate with is not reported."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("4. Osteoporosis. It is time for her to have a repeat DEXA and that will be scheduled.", set(),
                     id="time-for-a-repeat-study"),
        pytest.param("EXAM: Single frontal view of the chest.\n\nFINDINGS: It reveals an ET tube above the carina.",
                     {"xray"}, id="single-frontal-view-of-the-chest"),
    ],
)
def test_imaging_classes_of_the_fourteenth_fresh_set(checker, text, expected):
    """A study the patient is due for is a plan; a frontal view of the chest is a plain film."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The renal artery had been previously noticed on the CT scan to branch early.", {"ct"},
                     id="noticed-on-the-study"),
        pytest.param("On ultrasound, the uterus measured 14 cm x 6.5 cm x 7.8 cm.", {"other"}, id="measured-on-the-study"),
    ],
)
def test_imaging_classes_of_the_fifteenth_fresh_set(checker, text, expected):
    """A finding "noticed" or "measured" on a study is its result."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Her prenatal ultrasounds have been consistent with her dates.", {"other"}, id="plural-ultrasounds"),
        pytest.param("CT and PET confirmed a left upper lobe lesion.", {"ct", "other"}, id="pet-in-capitals"),
        pytest.param("He underwent an IVP, which demonstrated normal upper tracts.", {"other"}, id="ivp"),
        pytest.param("HCT without contrast: 3/2/99: left frontal contusion.", {"ct"}, id="hct-without-contrast"),
        pytest.param("EXAM: Left ankle series.\n\nFINDINGS: Three images were obtained. No fracture is seen.", {"xray"},
                     id="ankle-series"),
        pytest.param("The lead was placed without difficulty.\n\nPLAN\n1. Chest x-ray to exclude a pneumothorax and "
                     "confirm the lead position.",
                     set(), id="plan-heading-alone-on-its-line"),
    ],
)
def test_imaging_classes_of_the_sixteenth_fresh_set(checker, text, expected):
    """Plural and capitalised study names, a head CT told with its contrast, a radiograph series; a study under a
    plan heading written alone on its line is planned."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("His EEG and head CT were considered to be entirely normal.", {"ct"}, id="considered-normal"),
        pytest.param("We repeated an echo a month later, which did not show any further effusion.", {"other"},
                     id="lower-case-echo"),
        pytest.param("The endometrial echo measures 5 mm and is normal.", set(), id="endometrial-echo"),
        pytest.param("Sagittal gradient echo images were normal.", set(), id="gradient-echo-sequence"),
        pytest.param("Her surgeon had ordered a renal ultrasound, which showed small kidneys.", {"other"},
                     id="ordered-study-with-its-result"),
        pytest.param("His doctor ordered a CT of the chest that reportedly showed a nodule.", {"ct"},
                     id="ordered-study-that-reportedly-showed"),
        pytest.param("I have ordered a renal ultrasound to see what it shows.", set(), id="ordered-study-no-result"),
    ],
)
def test_imaging_classes_of_the_seventeenth_fresh_set(checker, text, expected):
    """A study judged normal is a result, not a study considered as a plan; "echo" in lower case is the study after a
    word that names one, not an ultrasound's echo; a study told with its result was done, whoever ordered it."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She presents with a left adnexal mass on ultrasound which is 5 cm.", {"other"},
                     id="finding-on-study"),
        pytest.param("He was admitted with gallstones on the ultrasound and a dilated duct.", {"other"},
                     id="finding-on-the-study"),
        pytest.param("The patient on ultrasound had a 2 cm cyst of the right ovary.", {"other"},
                     id="patient-on-study-had"),
        pytest.param("The patient was placed prone on the fluoroscopy table.", set(), id="study-equipment"),
        pytest.param("She is up-to-date on her mammogram.", set(), id="up-to-date-on"),
        pytest.param("A KUB was obtained showing an abnormal bowel gas pattern.", {"xray"}, id="kub"),
        pytest.param("A CT KUB showed a 4 mm stone in the left ureter.", {"ct"}, id="ct-kub"),
        pytest.param("He had a CT urogram showing a calcification in the right ureter.", {"ct"}, id="ct-urogram"),
        pytest.param("IMPRESSION: Negative intravenous urogram.", {"other"}, id="intravenous-urogram"),
        pytest.param("A thyroid uptake scan demonstrated a hot nodule.", {"other"}, id="thyroid-uptake-scan"),
        pytest.param("She underwent an MRI, which was notable for a stricture of the duct.", {"mri"},
                     id="notable-for"),
    ],
)
def test_imaging_classes_of_the_eighteenth_fresh_set(checker, text, expected):
    """A finding told as seen on a study makes the study a result, not the study's table or screen; a KUB is a plain
    film and a CT urogram or CT KUB the CT's; a thyroid uptake scan is a nuclear study; "notable for" tells a result."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("LEFT LOWER EXTREMITY VENOUS DOPPLER ULTRASOUND\n\nREASON FOR EXAM: Calf pain.\n\n"
                     "IMPRESSION: No evidence of deep venous thrombosis.", {"other"}, id="first-line-title"),
        pytest.param("LEFT LOWER EXTREMITY VENOUS DOPPLER ULTRASOUND\n\nREASON FOR EXAM: Calf pain.", set(),
                     id="first-line-title-without-result-section"),
        pytest.param("HISTORY: Calf pain.\nVENOUS DOPPLER ULTRASOUND\n\nIMPRESSION: No thrombosis.", set(),
                     id="capital-line-not-first"),
        pytest.param("Nuclear myocardial perfusion scan done two weeks ago shows an ejection fraction of 39%.",
                     {"other"}, id="myocardial-perfusion-scan"),
    ],
)
def test_imaging_classes_of_the_nineteenth_fresh_set(checker, text, expected):
    """A report titled by its first line alone, in capitals, reports that study when the note has a result section;
    a nuclear myocardial perfusion scan is `other`."""
    assert present_values(checker, text, "imaging") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CT angiogram of the right leg showed no arterial injury.", {"ct"}, id="ct-angiogram"),
        pytest.param("CT urogram showed a 4 mm left ureteral stone.", {"ct"}, id="ct-urogram"),
        pytest.param("PET-CT showed uptake at L2.", {"ct", "other"}, id="pet-ct-is-two-studies"),
        pytest.param("CT myelogram showed severe stenosis at L4-5.", {"ct", "other"}, id="ct-myelogram-is-two-studies"),
        pytest.param("Angiogram showed occlusion of the left M2 branch.", {"other"}, id="plain-angiogram"),
    ],
)
def test_when_a_ct_names_its_technique_then_it_is_the_cts_alone(checker, text, expected):
    """A CT angiogram or urogram is one CT study; PET-CT and a CT myelogram are two (C51)."""
    assert present_values(checker, text, "imaging") == expected
