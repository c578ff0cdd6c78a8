"""Conservative treatment by class of wording, on sentences written for the purpose (docs/annotation.md)."""

import pytest

from conftest import SPINAL_COMPLAINT, present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She completed six weeks of PT in 2023 for her back.", {"physical_therapy"}, id="pt-abbreviation"),
        pytest.param("He tried PT, a chiropractor and injections.", {"physical_therapy", "chiropractic", "injection"},
                     id="pt-in-a-list"),
        pytest.param("Labs: PT/PTT within normal limits.", set(), id="pt-coagulation-slash"),
        pytest.param("PT, PTT and CBC were normal.", set(), id="pt-coagulation-list"),
        pytest.param("The PT on discharge was 21.", set(), id="pt-coagulation-value"),
        pytest.param("He has seen two chiropractors for his neck.", {"chiropractic"}, id="chiropractors-plural"),
        pytest.param("Gentle manipulation of the tailbone reproduces the pain.", set(), id="exam-manipulation"),
        pytest.param("She uses a wedge cushion when sitting at work.", set(), id="cushion-not-bracing"),
        pytest.param("He wears a lumbar corset at work.", {"bracing"}, id="corset-bracing"),
        pytest.param("He completed prolotherapy to the sacroiliac ligaments.", {"injection"}, id="prolotherapy"),
        pytest.param("He has lifting limitations of 10 pounds.", {"activity_modification"}, id="lifting-limitation"),
        pytest.param("He has been kept off work for three weeks.", {"activity_modification"}, id="kept-off-work"),
        pytest.param("Were there any off work injuries or off work activities contributing?", set(),
                     id="off-work-as-adjective"),
        pytest.param("His activity level has been markedly restricted by his doctor.", {"activity_modification"},
                     id="activity-restricted"),
        pytest.param("He still does the stabilization exercises most mornings.", {"home_exercise"}, id="does-exercises"),
        pytest.param("She does a hip bridge routine at home.", {"home_exercise"}, id="routine-at-home"),
        pytest.param("He keeps up a home program of extension stretches.", {"home_exercise"}, id="home-program"),
        pytest.param("She has been doing a core program on her own.", {"home_exercise"}, id="core-program"),
        pytest.param("Aspirin 325 mg as needed for the low back pain.", {"medication"}, id="aspirin-analgesic"),
    ],
)
def test_treatment(checker, text, expected):
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Sensation is decreased to all modalities in both feet.", set(), id="sensory-modalities"),
        pytest.param("She has had physical therapy modalities and a TENS unit.", {"physical_therapy", "modalities"},
                     id="pt-modalities"),
        pytest.param("Tongs were placed and 15 lb of traction held the neck during the fusion.", set(),
                     id="surgical-traction"),
        pytest.param("He uses home cervical traction nightly.", {"modalities"}, id="home-traction"),
        pytest.param("Following injection of gadolinium there was enhancement at T4.", set(), id="contrast-injection"),
        pytest.param("She had an injection at L4-5 in June with two weeks of relief.", {"injection"},
                     id="bare-injection"),
        pytest.param("Angiogram with injection in the right coronary artery showed a normal vessel.", set(),
                     id="angiogram-injection"),
        pytest.param("Contrast injection was timed with a test bolus.", set(), id="contrast-injection-before"),
        pytest.param("Injection for a lumbar myelogram at L2-3, then the laminectomy.", set(), id="myelogram-injection"),
        pytest.param("The injection at L4-5 reproduced his usual pain on discography.", set(), id="discography-injection"),
        pytest.param("CERVICAL FACET JOINT INJECTION WITH CONTRAST.", {"injection"}, id="named-injection-with-contrast"),
    ],
)
def test_when_a_treatment_word_names_an_exam_a_study_or_surgery_then_it_is_no_treatment(checker, text, expected):
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        pytest.param("Chronic low back pain.\n\nMEDICATIONS: None.\n\nALLERGIES: Codeine, Flexeril.", "treatment",
                     set(), id="allergy-list"),
        pytest.param("Chronic low back pain.\n\nALLERGIES: Penicillin.\n\nMEDICATIONS: Ibuprofen as needed.",
                     "treatment", {"medication"}, id="medications-after-allergies"),
        pytest.param("Low back pain.\n\nALLERGIES: None.\n\nSOCIOECONOMIC STATUS: He cannot lift more than 5 "
                     "pounds and cannot sit for long.", "functional_impact", {"lifting limitation", "sitting intolerance"},
                     id="unknown-header-after-allergies"),
        pytest.param("Chronic low back pain. She has several allergies to different narcotics. She tried physical "
                     "therapy.", "treatment", {"physical_therapy"}, id="allergies-to-in-a-sentence"),
        pytest.param("Chronic low back pain. He is intolerant of oral anti-inflammatories.", "treatment", set(),
                     id="intolerant-of"),
        pytest.param("Chronic low back pain. He had a mild reaction to the ibuprofen he took last year.", "treatment",
                     {"medication"}, id="reaction-to-a-drug-taken"),
        pytest.param("Low back pain.\n\nALLERGIES: Multiple. All over-the-counter medications. Toradol, Robaxin, Midrin, "
                     "Darvocet, Naprosyn, Benadryl, Soma, and erythromycin.\n\nFAMILY HISTORY: None.", "treatment", set(),
                     id="long-allergy-list-in-its-paragraph"),
        pytest.param("Low back pain.\n\nALLERGIES: NKDA.\n\nWORK STATUS: Working. She has been taking ibuprofen.",
                     "treatment", {"medication"}, id="allergies-end-at-their-paragraph"),
    ],
)
def test_when_a_drug_is_in_the_allergy_list_then_it_is_no_treatment(checker, text, kind, expected):
    assert present_values(checker, text, kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The crew brought him in on a backboard with a cervical collar.", set(), id="backboard-and-collar"),
        pytest.param("At the scene EMS placed a hard collar.", set(), id="collar-at-the-scene"),
        pytest.param("She wears a soft cervical collar at night for her neck pain.", {"bracing"}, id="collar-worn"),
    ],
)
def test_when_a_collar_is_field_immobilisation_then_it_is_no_bracing(checker, text, expected):
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Toxicology: serum acetaminophen 12 mg/L; urine opioids detected.", set(), id="toxicology"),
        pytest.param("She takes acetaminophen 500 mg twice daily for her low back pain.", {"medication"},
                     id="taken-for-the-complaint"),
    ],
)
def test_when_a_drug_is_a_toxicology_analyte_then_it_is_no_treatment(checker, text, expected):
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Labs: hemoglobin 14.2, platelets 85,000, PT is 13.4, INR is 1.", set(), id="prothrombin-time"),
        pytest.param("After the procedure she was told to be in relative rest for 1 day.", set(), id="told-to-rest"),
        pytest.param("Low back pain. I am starting her on diclofenac 75 mg twice a day.", set(), id="starting-her-on"),
        pytest.param("Low back pain. I am going to have her fitted with a back brace.", set(), id="going-to-have"),
        pytest.param("Risks include reactions to the medications potentially used, including narcotics.", set(),
                     id="potentially-used"),
        pytest.param("Low back pain. She has been going to physical therapy twice a week.", {"physical_therapy"},
                     id="going-to-therapy-is-under-way"),
        pytest.param("Low back pain. She is currently taking ibuprofen and aspirin as needed.", {"medication"},
                     id="currently-taking"),
    ],
)
def test_treatment_wording_classes_of_the_second_gold_batch(checker, text, expected):
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("MEDICATIONS: Tylenol, lisinopril.\n\nHe came in for chest pain.", set(), id="no-back-complaint"),
        pytest.param("ROS: Denies back pain.\n\nMEDICATIONS: Ibuprofen 600 mg as needed.", set(),
                     id="back-complaint-negated"),
        pytest.param("FAMILY HISTORY: Mother had chronic back pain.\n\nMEDICATIONS: Ibuprofen.", set(),
                     id="back-complaint-of-a-relative"),
        pytest.param("CC: Low back, left buttock and leg pain.\n\nMEDICATIONS: Kadian 30 mg b.i.d.", {"medication"},
                     id="complaint-listed-with-other-sites"),
        pytest.param("She has mild pain on the left aspect of her neck. Tylenol was given.", {"medication"},
                     id="pain-on-the-side-of-the-neck"),
        pytest.param("An ache over the lower sacrum for a year. She takes naproxen.", {"medication"}, id="ache-over-sacrum"),
        pytest.param("PMH: sciatica in 2019.\n\nMEDICATIONS: Lortab.", {"medication"}, id="past-complaint-counts"),
        pytest.param("Pain in the back of her knee. She takes ibuprofen.", set(), id="back-of-the-knee"),
        pytest.param("His back hurts when he bends. He takes ibuprofen.", {"medication"}, id="back-hurts"),
        pytest.param("She woke with a stiff neck. She took Tylenol.", {"medication"}, id="stiff-neck"),
        pytest.param("Discogenic pain at L4-5. Meloxicam daily.", {"medication"}, id="discogenic-pain"),
        pytest.param("He has pain and tightness in his low back. Naproxen helps.", {"medication"}, id="pain-and-tightness-in"),
        pytest.param("Pain from his back down to the left foot. Tramadol.", {"medication"}, id="pain-from-his-back"),
        pytest.param("Persistent lower thoracic pain since the accident. Ibuprofen.", {"medication"}, id="lower-thoracic-pain"),
        pytest.param("Post cervical laminectomy pain syndrome. On methadone.", {"medication"}, id="post-laminectomy-syndrome"),
        pytest.param("Swallow discomfort and neck irritation from the tube. Morphine.", set(), id="discomfort-and-neck-irritation"),
        pytest.param("Chest pain radiating to the back. Aspirin 325 mg given.", set(), id="chest-pain-radiating-to-back"),
        pytest.param("Buttock pain, which travels down the legs. Gabapentin helps.", {"medication"},
                     id="pain-travels-down-the-legs"),
        pytest.param("Chest pain radiating to the left arm. Morphine given.", set(), id="pain-radiating-to-an-arm"),
        pytest.param("Low back pain. MEDICATIONS: Aspirin 81 mg daily, metoprolol.", set(), id="aspirin-antiplatelet-dose"),
        pytest.param("She is seen for her back-related complaints. She takes tramadol.", {"medication"},
                     id="back-related-complaints"),
        pytest.param("Neck related problems since the fusion; on oxycodone.", {"medication"}, id="neck-related-problems"),
        pytest.param("Work-related complaints of stress. She takes tramadol.", set(), id="work-related-complaints"),
    ],
)
def test_when_a_pain_drug_then_it_counts_only_in_a_note_with_a_back_complaint(checker, text, expected):
    """C7: a pain drug is treatment of the spinal condition where the note records a spinal/back pain complaint
    (past or present, not denied, not a relative's)."""
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She used a tennis elbow brace, hand exercises and physical therapy for her right elbow.", set(),
                     id="elbow-care-no-spinal-complaint"),
        pytest.param("PROCEDURE: Botulinum toxin injection of the left pectoralis major for spasticity.", set(),
                     id="non-spinal-injection"),
        pytest.param("PROCEDURE: Sacrococcygeal joint injection.\n\nAfter aspiration, cortisone was injected into the "
                     "sacral/coccygeal joint.", {"injection"}, id="spinal-injection-no-complaint-word"),
        pytest.param("Low back pain for 8 weeks. She has done six weeks of physical therapy and wears a lumbar brace.",
                     {"physical_therapy", "bracing"}, id="spinal-complaint"),
        pytest.param("Left L5 radiculopathy. Two epidural steroid injections gave relief for a month.", {"injection"},
                     id="spinal-deficit"),
    ],
)
def test_when_a_note_states_no_spinal_condition_then_its_treatments_are_another_problems(checker, text, expected):
    """Treatment history is the spinal condition's (C16): physical therapy, braces and injections count in a note
    that states a spinal complaint, deficit, diagnosis or region, not in an elbow report or a Botox note."""
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PROCEDURE: Dental nerve block. I performed a left inferior alveolar nerve block.", set(),
                     id="peripheral-nerve-block"),
        pytest.param("An ilioinguinal nerve block was given for the hernia repair.", set(), id="regional-anaesthesia-block"),
        pytest.param("She had a right L5 nerve block last spring.", {"injection"}, id="root-named-by-level"),
        pytest.param("He underwent a bilateral selective nerve root block at L4.", {"injection"}, id="selective-root-block"),
        pytest.param("He will be seen in consultation by Physical Therapy.", set(), id="consultation-ahead"),
        pytest.param("He was seen by physical therapy for six visits.", {"physical_therapy"}, id="seen-by-therapy-before"),
    ],
)
def test_treatment_wording_classes_of_the_fourth_gold_batch(checker, text, expected):
    """C16: only a spinal injection counts, and a spinal nerve block is named by its root; C8: a consultation
    arranged for after the visit is planned."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She wears a knee brace on long walks.", set(), id="knee-brace"),
        pytest.param("He is wearing a splint and brace on his left wrist.", set(), id="brace-on-the-wrist"),
        pytest.param("A cortisone injection into the lateral epicondyle helped for a month.", set(),
                     id="injection-into-epicondyle"),
        pytest.param("Physical therapy for the right shoulder was completed in May.", set(), id="therapy-for-shoulder"),
        pytest.param("Physical therapy for her back and knee was completed in May.", {"physical_therapy"},
                     id="spinal-site-beside-too"),
        pytest.param("She does home physical therapy, stretching, hand weights and cycling.",
                     {"physical_therapy", "home_exercise"}, id="site-in-the-next-list-item"),
        pytest.param("He wears a lumbar brace and a knee sleeve.", {"bracing"}, id="back-brace-beside-knee"),
        pytest.param("Lately she has had piriformis injections with brief relief.", set(), id="piriformis-injection"),
        pytest.param("He gets injections in both buttocks every month.", set(), id="injections-in-the-buttocks"),
        pytest.param("The forearm brace was removed at the last visit.", set(), id="forearm-brace"),
        pytest.param("Her back and buttock pain eased after the injections.", {"injection"},
                     id="buttock-beside-back-keeps-it"),
        pytest.param("She was fitted with a right leg brace last spring.", set(), id="leg-brace"),
        pytest.param("He keeps doing calf exercises on the ward.", set(), id="doing-calf-exercises"),
        pytest.param("A hinged brace was placed on the left leg after the fall.", set(), id="brace-placed-on-the-leg"),
        pytest.param("He felt a jolt down his right leg during the injection.", {"injection"},
                     id="leg-as-radicular-pain-keeps-it"),
        pytest.param("The epidural injections helped his thigh pain for a month.", {"injection"},
                     id="thigh-pain-after-injection-keeps-it"),
    ],
)
def test_when_a_treatment_names_another_body_site_then_it_treats_that_site(checker, text, expected):
    """C16: a brace, injection or therapy with another body site beside it, in its own list item, and no spinal
    site there, treats that site, even in a note with a back complaint."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Dressings were applied. A C-collar was placed and he went to recovery.", {"bracing"}, id="c-collar"),
        pytest.param("A rigid Philadelphia collar was fitted after surgery.", {"bracing"}, id="philadelphia-collar"),
        pytest.param("Her trache collar was changed.", set(), id="trache-collar"),
    ],
)
def test_when_a_named_cervical_collar_is_put_on_then_bracing(checker, text, expected):
    assert present_values(checker, "Neck pain.\n\n" + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("I am referring him for lumbar epidural steroid injections.", set(), id="referring-him-for"),
        pytest.param("Today we refer the patient to physical therapy.", set(), id="refer-the-patient-to"),
        pytest.param("The pain is referring to the buttock. She had physical therapy last spring.",
                     {"physical_therapy"}, id="pain-referring-is-no-referral"),
        pytest.param("A series of trigger point injections is to be initiated at the next visit.", set(),
                     id="to-be-initiated"),
        pytest.param("Physical therapy was started in March and helped.", {"physical_therapy"}, id="was-started-is-past"),
        pytest.param("He will get a Lortab every morning before getting out of bed.", set(), id="will-get-a-drug"),
        pytest.param("We will see about getting him set up with massage therapy.", set(), id="will-see-about"),
        pytest.param("We will put her on Neurontin.", set(), id="will-put-her-on"),
        pytest.param("Also give the patient calcium with vitamin D and physical therapy.", set(), id="imperative-after-also"),
        pytest.param("Start physical therapy twice a week.", set(), id="imperative-order"),
        pytest.param("He will get relief from ibuprofen when the pain flares.", {"medication"}, id="will-get-relief-is-a-habit"),
        pytest.param("The start of physical therapy helped her walk further.", {"physical_therapy"}, id="the-start-of-is-a-noun"),
    ],
)
def test_when_a_treatment_is_a_referral_or_a_start_to_come_then_it_is_planned(checker, text, expected):
    """C8: a referral made at the visit, a treatment still to be begun or given from now on, or an order written
    as an imperative, is a plan."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Since the fusion she keeps the collar on when out of bed.", {"bracing"}, id="keep-the-collar"),
        pytest.param("He has been wearing his collar for neck pain.", {"bracing"}, id="wearing-his-collar"),
        pytest.param("A collar incision was made above the clavicle.", set(), id="collar-incision"),
    ],
)
def test_when_a_bare_collar_is_worn_then_bracing(checker, text, expected):
    assert present_values(checker, "Neck pain.\n\n" + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Last year she had thoracic discitis, treated with six weeks of antibiotics.", {"medication"},
                     id="antibiotics-for-discitis"),
        pytest.param("He received antibiotics for a urinary infection in May.", set(), id="antibiotics-for-another-infection"),
        pytest.param("He was given antibiotics before the lumbar fusion.", set(), id="antibiotic-prophylaxis"),
        pytest.param("The T9 metastasis compressed the spinal cord, and she was started on dexamethasone.",
                     {"medication"}, id="steroid-for-cord-compression"),
        pytest.param("We will continue Decadron and he will wear the collar.", {"medication", "bracing"},
                     id="steroid-beside-the-collar"),
        pytest.param("Decadron was given for the brain edema around the lesion.", set(), id="steroid-for-the-brain"),
        pytest.param("MEDICATIONS: Decadron 4 mg twice daily.", set(), id="steroid-in-a-list"),
    ],
)
def test_when_a_drug_treats_the_spinal_disease_itself_then_medication(checker, text, expected):
    """C7: an antibiotic for a spinal infection, or a steroid given beside the spinal condition or its care."""
    assert present_values(checker, "Cervical myelopathy at C5-6.\n\n" + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He then saw Dr. Brown, D.C., for six weeks of treatment.", {"chiropractic"}, id="credential-dc"),
        pytest.param("Jane Roe, DC\n\nDear Dr. Roe:\n\nThank you for referring your patient.", {"chiropractic"},
                     id="letter-to-a-dc"),
        pytest.param("He moved here from Washington, D.C., last year.", set(), id="the-city"),
        pytest.param("Dictated by: Jane Roe, DC, for the insurer.", set(), id="author-of-the-report"),
    ],
)
def test_when_a_provider_is_named_with_the_chiropractic_credential_then_chiropractic(checker, text, expected):
    """C27: care under a chiropractor, named by the D.C. after the name, is chiropractic."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PROCEDURE: After the risks were explained, she elected to proceed with the recommended lumbar "
                     "epidural steroid injection. The needle was placed at L4-5.", {"injection"}, id="elected-to-proceed"),
        pytest.param("CONSENT: He agreed to proceed with spinal manipulation under sedation.", {"chiropractic"},
                     id="agreed-to-proceed"),
        pytest.param("PLAN: She wishes to proceed with facet injections next month.", set(), id="wishes-to-proceed-is-a-plan"),
        pytest.param("We would like to proceed with an epidural injection.", set(), id="like-to-proceed-is-a-plan"),
    ],
)
def test_when_a_procedure_record_tells_the_consent_then_the_procedure_is_done(checker, text, expected):
    """C8, C24: a procedure record's 'elected to proceed with the recommended X' tells the choice carried out at
    the visit, not a plan; the present 'wishes to proceed' of a clinic plan stays planned."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Prescriptions were written for naproxen and tizanidine.", set(), id="prescriptions-were-written"),
        pytest.param("I have written her a prescription for Mobic to take at home.", set(), id="written-a-prescription"),
        pytest.param("She is given a prescription for tramadol on discharge.", set(), id="given-a-prescription"),
        pytest.param("He was prescribed naproxen in May and it helped.", {"medication"}, id="was-prescribed-is-taken"),
        pytest.param("We will refill his prescription for tramadol, which he takes daily.", {"medication"},
                     id="refill-of-a-drug-taken"),
    ],
)
def test_when_a_prescription_is_written_at_the_visit_then_the_drug_is_planned(checker, text, expected):
    """C8: a prescription written or handed over at the visit is a drug for after it; a drug the patient was
    prescribed before, or one refilled, is taken."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("MEDICATIONS: Lisinopril, atorvastatin, aspirin and metoprolol.", set(), id="aspirin-in-a-cardiac-list"),
        pytest.param("After the stroke he was placed on clopidogrel and aspirin.", set(), id="aspirin-for-a-stroke"),
        pytest.param("She takes aspirin as needed for the pain.", {"medication"}, id="aspirin-as-needed"),
        pytest.param("Aspirin 650 mg p.r.n. helps a little.", {"medication"}, id="aspirin-prn"),
    ],
)
def test_when_aspirin_is_not_taken_for_pain_then_it_is_another_problems(checker, text, expected):
    """C7: aspirin counts as an analgesic only where its sentence takes it for pain; in a medication list it is
    mostly the antiplatelet drug."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("MEDICATIONS: Metformin 500 mg daily. Naproxen 500 mg twice a day for gout.", set(),
                     id="drug-for-gout"),
        pytest.param("In the emergency room she got morphine and nitroglycerin with relief for the chest pain.", set(),
                     id="drug-with-relief-for-chest-pain"),
        pytest.param("She takes ibuprofen for her migraines.", set(), id="drug-for-migraines"),
        pytest.param("She takes ibuprofen for pain.", {"medication"}, id="drug-for-pain"),
        pytest.param("Tylenol for arthritis of the lower back.", {"medication"}, id="drug-for-spinal-arthritis"),
    ],
)
def test_when_a_pain_drug_is_given_for_another_problem_then_it_is_that_problems(checker, text, expected):
    """C7: a drug whose stated purpose is another problem (gout, chest pain, migraine) is no treatment of the back
    complaint; 'for pain' or a spinal site keeps it."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A vasculitis was suspected and he was given high-dose steroids.", set(), id="steroids-for-vasculitis"),
        pytest.param("Prednisone was started for her asthma flare last winter.", set(), id="prednisone-for-asthma"),
        pytest.param("A Medrol Dosepak eased the sciatica last month.", {"medication"}, id="medrol-for-sciatica"),
    ],
)
def test_when_a_systemic_steroid_treats_another_inflammatory_disease_then_it_is_that_diseases(checker, text, expected):
    """C7: a systemic steroid in a sentence naming another disease it treats (vasculitis, asthma) is no treatment of
    the back complaint."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Past attempts: a liquid diet in 2015 and an exercise program in 2017 with a 12-pound weight loss.",
                     set(), id="exercise-program-for-weight"),
        pytest.param("She keeps up a home exercise program for her back.", {"home_exercise"}, id="exercise-for-the-back"),
    ],
)
def test_when_an_exercise_program_is_for_weight_loss_then_it_is_no_spinal_treatment(checker, text, expected):
    """C16: an exercise program told in a weight-loss or diet history is for the weight, not the back."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("We went over the options of facet injections or a back brace.", set(), id="options-of"),
        pytest.param("Her options include chiropractic care and surgery.", set(), id="options-include"),
        pytest.param("Of the options she tried, only the TENS unit helped.", {"modalities"}, id="options-she-tried"),
    ],
)
def test_when_treatments_are_laid_out_as_options_then_they_are_planned(checker, text, expected):
    """C8: treatment options laid out at the visit are choices, not treatment had."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He was tested early and did not take his pain medication beforehand.", {"medication"},
                     id="did-not-take-his-drug"),
        pytest.param("She forgot to take her tramadol this morning.", {"medication"}, id="forgot-to-take-her-drug"),
        pytest.param("He did not take any pain medication.", set(), id="did-not-take-any"),
    ],
)
def test_when_the_patients_own_drug_was_not_taken_once_then_it_is_a_drug_had(checker, text, expected):
    """C8: 'did not take his pain medication' this morning tells a drug the patient has; 'any' still negates."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She had an epidural injection for labour before her caesarean section.", set(),
                     id="epidural-of-a-caesarean"),
        pytest.param("An obstetric epidural injection was placed in the delivery suite.", set(), id="obstetric-epidural"),
        pytest.param("She had a lumbar epidural injection in the third month after delivery.", {"injection"},
                     id="epidural-after-delivery-for-the-back"),
        pytest.param("She lay prone for ten minutes after the cement injection at T12.", set(), id="cement-injection"),
    ],
)
def test_when_an_injection_is_an_obstetric_epidural_or_cement_then_it_is_no_spinal_injection(checker, text, expected):
    """C16: an epidural given for a Caesarean section or as an obstetric anaesthetic treats no spinal condition,
    and the cement of a vertebroplasty is no spinal injection."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PROCEDURE: Thoracic epidural steroid injection, interlaminar approach.\n\nANESTHESIA: Local.",
                     {"injection"}, id="epidural-record-no-complaint"),
        pytest.param("OPERATION: Bilateral facet joint blocks under fluoroscopy.\n\nCOMPLICATIONS: None.", {"injection"},
                     id="facet-record-no-complaint"),
        pytest.param("OPERATION: Trigger point injections of the trapezius.\n\nCOMPLICATIONS: None.", set(),
                     id="trigger-point-not-spinal-by-itself"),
        pytest.param("PROCEDURE: Epidural injection for labour before a caesarean section.", set(),
                     id="obstetric-epidural-record"),
        pytest.param("PROCEDURE: Right stellate ganglion block for arm pain and neck pain.\n\nThe needle was placed at "
                     "C6. This was followed by an injection of 8 mL of bupivacaine.", set(), id="sympathetic-block-record"),
        pytest.param("PROCEDURE: Lumbar sympathetic block.\n\nShe also had an L4-5 epidural steroid injection last year "
                     "for back pain.", {"injection"}, id="named-epidural-beside-a-sympathetic-block"),
    ],
)
def test_when_a_record_of_a_spinal_injection_states_no_complaint_then_it_is_still_an_injection(checker, text, expected):
    """C24: an epidural, facet, medial branch, SI joint or root injection done at the visit places the condition in
    the spine itself, so the bare procedure record needs no complaint; other injections still need one (C16)."""
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Her doctor put her on pain medicines and muscle relaxers last month.", {"medication"},
                     id="pain-medicines-muscle-relaxers"),
        pytest.param("He takes pain pills most evenings.", {"medication"}, id="pain-pills"),
        pytest.param("The urgent care gave him painkillers for a week.", {"medication"}, id="painkillers"),
        pytest.param("She uses over-the-counter pain relievers.", {"medication"}, id="pain-relievers"),
    ],
)
def test_when_a_drug_class_is_named_in_everyday_words_then_medication(checker, text, expected):
    """C19: a drug class is enough for `medication` under C7, in everyday words as in clinical ones."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She receives Procrit injections every two weeks for her anaemia.", set(), id="drug-named-injection"),
        pytest.param("MEDICATIONS: Vitamin B12 injection monthly, lisinopril.", set(), id="vitamin-injection"),
        pytest.param("Selective left and right coronary injections were performed.", set(), id="coronary-injection"),
        pytest.param("Cineangiograms were obtained with injection in the descending aorta.", set(),
                     id="cineangiogram-injection"),
        pytest.param("The wound edges were infiltrated by a local injection of bupivacaine.", set(), id="local-injection"),
        pytest.param("The injections gave her two months of relief in the low back.", {"injection"}, id="bare-injection"),
    ],
)
def test_when_a_bare_injection_is_named_by_another_drug_vessel_or_route_then_it_is_no_spinal_injection(
    checker, text, expected
):
    """C16: a drug given by injection, an angiographic or local injection is no spinal injection."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("OPERATION: Application of a halo crown and vest for the unstable cervical fracture.", {"bracing"},
                     id="halo-crown-and-vest"),
        pytest.param("Her halo vest was removed after three months of wear.", {"bracing"}, id="halo-vest-history"),
        pytest.param("There is no need for a halo vest.", set(), id="halo-vest-negated"),
    ],
)
def test_when_a_halo_vest_is_worn_then_bracing(checker, text, expected):
    """A halo vest is a cervical orthosis, the most rigid brace: `bracing`, applied at the visit or worn before (C8)."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PLAN: He says his back pain is well controlled by limiting his activities.",
                     {"activity_modification"}, id="pain-controlled-by-limiting-activity"),
        pytest.param("She has been minimizing her activity since the pain began.", {"activity_modification"},
                     id="minimizing-her-activity"),
        pytest.param("The pain limits his activities and his sleep.", set(), id="symptom-limits-activity-is-no-restriction"),
        pytest.param("PLAN: She should limit her activities for two weeks.", set(), id="planned-restriction"),
        pytest.param("Her surgeon has told her not to lift anything heavy.", {"activity_modification"},
                     id="standing-restriction-from-an-earlier-physician"),
        pytest.param("He has been advised to stop running since the pain began.", {"activity_modification"},
                     id="has-been-advised-to-stop"),
        pytest.param("After the operation he was instructed not to lift more than ten pounds.", set(),
                     id="the-visits-own-instruction"),
    ],
)
def test_when_the_patient_keeps_his_activity_down_then_activity_modification(checker, text, expected):
    """The patient limiting or minimizing his own activity is a restriction in use (treatment row, C8); a symptom that
    limits activity is functional impact, and the plan's own advice is planned."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He was held out of football practice for two weeks.", {"activity_modification"},
                     id="held-out-of-practice"),
        pytest.param("She has been kept out of PE class because of her back.", {"activity_modification"},
                     id="kept-out-of-pe"),
        pytest.param("The coach pulled him from games after the injury.", {"activity_modification"},
                     id="pulled-from-games"),
        pytest.param("He sat out the rest of the season.", {"activity_modification"}, id="sat-out-the-season"),
        pytest.param("He is on long-term disability because of his back.", {"activity_modification"},
                     id="long-term-disability-for-the-back"),
        pytest.param("He has been on disability for psychiatric reasons for ten years.", set(),
                     id="disability-for-another-reason"),
        pytest.param("She was removed from the room for the examination.", set(), id="removed-from-a-room"),
    ],
)
def test_when_the_patient_is_kept_out_of_sport_school_or_work_then_activity_modification(checker, text, expected):
    """Being held out of sport, school PE or work, and disability leave for the back, are activity restrictions in
    force (C14, C60); disability for another stated reason is not the back's."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Since her cord untethering she has had burning leg pain at night that needs Aleve and Tylenol. "
                     "Sensation is decreased from L5 to S1.", {"medication"}, id="leg-pain-of-a-spinal-deficit"),
        pytest.param("She takes Aleve for leg pain after a hike. Her exam is normal.", set(),
                     id="leg-pain-no-spinal-deficit"),
        pytest.param("She is on Norco for the pain. Sensation is decreased from L5 to S1.", set(),
                     id="pain-drug-no-named-leg-pain"),
    ],
)
def test_when_a_pain_drug_treats_the_leg_pain_of_a_spinal_deficit_then_medication(checker, text, expected):
    """C7: with no back pain complaint, a pain drug counts for the disease that causes a spinal deficit (C3) when its
    sentence names the leg or radicular pain and the note states the deficit and places it in the spine."""
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She had months of care for the injured shoulder. She tried physical therapy without relief.", set(),
                     id="site-in-the-sentence-before"),
        pytest.param("She returns for review. She went through a full course of physical therapy and still has pain "
                     "along the medial knee "
                     "joint line and over the patella.", set(), id="site-far-in-the-same-sentence"),
        pytest.param("She had months of care for the injured shoulder. For her low back she tried physical therapy.",
                     {"physical_therapy"}, id="spinal-site-keeps-it"),
        pytest.param("She had months of care for the injured shoulder. She took Aleve daily.", {"medication"},
                     id="drug-not-read-across-sentences"),
        pytest.param("The ache spreads into the buttock but never below the knee. She had physical therapy last year.",
                     {"physical_therapy"}, id="site-where-the-pain-spreads"),
        pytest.param("He fell eight feet from a ladder. He then attended physical therapy.", {"physical_therapy"},
                     id="feet-as-a-height"),
        pytest.param("He had a sprained knee. He does knee-to-chest stretches at home.", {"home_exercise"},
                     id="home-exercise-names-what-it-moves"),
    ],
)
def test_when_a_therapy_follows_the_other_site_it_treats_then_it_is_no_spinal_treatment(checker, text, expected):
    """C16: a therapy told in the sentence after the non-spinal site it treats, or far from it in the same sentence,
    treats that site when neither sentence names a spinal one; a drug's indication is not read that way (C7)."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CURRENT MEDICATIONS: Lisinopril 10 mg a day, Vioxx 25 mg a day.", {"medication"}, id="vioxx"),
        pytest.param("She was on Bextra until it was withdrawn.", {"medication"}, id="bextra"),
        pytest.param("He wears a Duragesic patch 50 mcg, changed every three days.", {"medication"}, id="duragesic"),
        pytest.param("Her morphine is given as Avinza 60 mg daily.", {"medication"}, id="avinza"),
        pytest.param("She was started on amitriptyline and her leg numbness has improved.", {"medication"},
                     id="amitriptyline"),
        pytest.param("She takes Elavil for migraines.", set(), id="elavil-for-migraines"),
        pytest.param("She takes nadolol and amitriptyline for treatment of her migraines.", set(),
                     id="for-treatment-of-her-migraines"),
    ],
)
def test_when_a_cox2_inhibitor_long_acting_opioid_or_tricyclic_is_named_then_medication(checker, text, expected):
    """C7: COX-2 inhibitors, long-acting opioids and the tricyclics given for nerve pain are pain drugs like those
    already listed (gabapentin, duloxetine); another stated purpose still rules them out."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Cervical myelopathy from C4-5 stenosis. After the decompression she is much better. She is also on "
                     "a short course of Decadron, to be weaned.", {"medication"}, id="decadron-after-cord-decompression"),
        pytest.param("Cervical myelopathy from C4-5 stenosis. Brain MRI shows a metastasis. She is on Decadron.", set(),
                     id="decadron-with-a-brain-lesion"),
    ],
)
def test_when_a_steroid_is_given_in_the_record_of_a_compressed_cord_then_medication(checker, text, expected):
    """C7: dexamethasone in a note of cord compression (myelopathy) that names no brain, tumour or nausea treats the
    spinal condition, wherever its sentence stands."""
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Ice applied in the training room today.", {"modalities"}, id="ice-applied"),
        pytest.param("Wears a lumbar support belt at work and uses heat at night.", {"bracing", "modalities"},
                     id="uses-heat"),
        pytest.param("Treatment today: hot pack in clinic.", {"modalities"}, id="hot-pack"),
        pytest.param("She ices nightly and takes naproxen.", {"modalities", "medication"}, id="ices"),
        pytest.param("Adjustments C5 and T3; intersegmental traction 10 min.", {"modalities"}, id="intersegmental-traction"),
        pytest.param("She will utilize ice to help decrease the edema of her ankle.", set(), id="ice-to-an-infinitive"),
        pytest.param("Goals: sit 60 minutes.\n\nInterventions provided: mechanical lumbar traction, moist heat.",
                     {"modalities"}, id="interventions-provided-ends-the-goals"),
        pytest.param("Plan: MRI.\n\nHospital course: pain controlled with scheduled acetaminophen and oxycodone.",
                     {"medication"}, id="hospital-course-and-a-scheduled-dose"),
    ],
)
def test_when_a_treatment_given_is_told_in_everyday_words_or_a_course_heading_then_it_counts(checker, text, expected):
    """C8: heat and ice with their use, a hot pack, a course heading that ends the plan before it, and a drug at
    set times ('scheduled acetaminophen') are treatment had, not planned."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Back and LUQ pain controlled with oxycodone.", {"spinal_pain"}, id="back-and-another-site-pain"),
        pytest.param("ROS: no joint, back or limb pain.", set(), id="denied"),
        pytest.param("Neck and no other pain.", set(), id="no-in-between"),
    ],
)
def test_when_the_back_and_another_named_site_share_a_pain_then_it_is_a_spinal_complaint(checker, text, expected):
    """C7: 'back and LUQ pain' is a back pain complaint, whatever the other site's name."""
    assert {f.value for f in checker.extract(text) if f.kind == "complaint" and f.assertion == "present"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ED COURSE: Morphine 4 mg IV x2 for the knee pain.", set(), id="drug-for-a-joint"),
        pytest.param("Gabapentin 300 mg TID, started by his neurologist for the hand numbness.", {"medication"},
                     id="drug-for-a-radicular-site"),
        pytest.param("Neurosurgery recommended a TLSO when upright; he was fitted with the brace on hospital day 2.",
                     {"bracing"}, id="semicolon-new-clause-ends-the-plan"),
        pytest.param("She wears an elastic back belt when she gardens.", {"bracing"}, id="back-belt"),
        pytest.param("He was offered an epidural steroid injection by a pain physician and refused it.", set(),
                     id="refused-after"),
    ],
)
def test_treatment_wording_classes_of_the_second_wording_round(checker, text, expected):
    """C7: a drug given for a joint is that joint's, not one for a site of radicular symptoms; C8: a new clause after
    a semicolon ends a plan's scope; a back belt is bracing; a treatment refused is none."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He was also undergoing physical therapy for his right hemiplegia.", set(), id="pt-for-hemiplegia"),
        pytest.param("Marcaine was injected in a field block via the gingivobuccal sulcus injection on either side.",
                     set(), id="local-anaesthetic-sulcus-injection"),
        pytest.param("She has been doing physical therapy for her back twice a week.", {"physical_therapy"},
                     id="pt-for-the-back"),
    ],
)
def test_treatment_classes_of_the_fifth_fresh_set(checker, text, expected):
    """C16, C7: therapy whose stated purpose is a brain's deficit or a joint, and a local anaesthetic's site in another
    operation, are no spinal treatment."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. She was offered physical therapy.", set(), id="offered"),
        pytest.param("Low back pain. Physical therapy was offered.", set(), id="was-offered"),
        pytest.param("Tailbone pain. Trigger point injections were offered by her previous physician, but she declined.",
                     set(), id="offered-then-declined"),
        pytest.param("Low back pain. We discussed epidural steroid injections.", set(), id="discussed"),
        pytest.param("Neck pain. He asked whether he should see a chiropractor.", set(), id="whether"),
        pytest.param("Low back pain. He did physical therapy for 6 weeks and we discussed his MRI.", {"physical_therapy"},
                     id="discussed-later-leaves-a-treatment-had"),
        pytest.param("Low back pain. Neurovascular: sensation intact distally, DP/PT pulses 2+.", set(),
                     id="posterior-tibial-pulse"),
        pytest.param("Low back pain. He has a history of injection drug use.", set(), id="injection-drug-use"),
        pytest.param("Low back pain. PROCEDURE: Right knee intra-articular corticosteroid injection.", set(),
                     id="limb-joint-injection"),
        pytest.param("Low back pain. L4-5 intra-articular facet injection was done in May.", {"injection"},
                     id="spinal-joint-injection"),
    ],
)
def test_treatment_classes_of_the_third_wording_round(checker, text, expected):
    """C8 and C16: a treatment offered, discussed or asked about is none had; the posterior tibial pulse, drug use
    by injection and a limb joint's injection are no conservative treatment of the spine."""
    assert present_values(checker, text, "treatment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PLAN / ADMISSION ORDERS:\n- Physical therapy and occupational therapy consults for mobilization.",
                     set(), id="plan-and-admission-orders"),
        pytest.param("ADMISSION ORDERS:\n- Lidocaine patch to the low back.", set(), id="admission-orders"),
        pytest.param("HOSPITAL COURSE: She received physical therapy twice daily.", {"physical_therapy"},
                     id="therapy-given-during-the-stay"),
    ],
)
def test_when_an_admission_note_lists_its_orders_then_they_are_planned(checker, text, expected):
    """C60: treatments an admission note only orders are planned; care told as given counts."""
    assert present_values(checker, SPINAL_COMPLAINT + text, "treatment") == expected
