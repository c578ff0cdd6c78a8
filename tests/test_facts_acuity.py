"""Acuity of the spinal complaint, from words and stated durations (docs/annotation.md C10)."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She has chronic low back pain.", {"chronic"}, id="word-before-head"),
        pytest.param("He reports chronic left-sided upper back pain.", {"chronic"}, id="word-far-before-spine-head"),
        pytest.param("Chronic left upper quadrant pain after meals.", set(), id="far-word-needs-spine-head"),
        pytest.param("Assessment: Back pain, acute, nonspecific.", {"acute"}, id="post-posed-word"),
        pytest.param("Neck pain, hypertension, chronic kidney disease.", set(), id="post-posed-needs-to-stand-alone"),
        pytest.param("He has had neck pain for years.", {"chronic"}, id="pain-for-years"),
        pytest.param("Hypertension, on and off for years.", set(), id="for-years-not-spinal"),
        pytest.param("Low back pain for 3 weeks.", {"acute"}, id="duration-acute"),
        pytest.param("Neck stiffness for 8 weeks.", {"subacute"}, id="duration-subacute"),
        pytest.param("Tailbone ache since a fall about three months ago.", {"chronic"}, id="three-months-is-chronic"),
        pytest.param("Neck stiffness for 2 months.", {"subacute"}, id="two-months-subacute"),
        pytest.param("She has had low back pain for a few months.", {"chronic"}, id="a-few-months-chronic"),
        pytest.param("Her neck pain began two or three months ago.", {"subacute"}, id="range-reads-its-middle"),
        pytest.param("Low back pain for 4-6 weeks.", {"acute"}, id="weeks-range-middle"),
        pytest.param("He has about a four-month history of low back pain.", {"chronic"}, id="article-is-no-range"),
        pytest.param("Back pain for the past 5 months.", {"chronic"}, id="five-months-chronic"),
        pytest.param("Sacral pain of 4 months' duration.", {"chronic"}, id="possessive-duration"),
        pytest.param("Complaint: neck pain. Onset: approximately 2 weeks ago, gradual.", {"acute"},
                     id="template-onset-field"),
        pytest.param("Sharp pain behind the left ear for 8 days.", set(), id="non-spinal-pain"),
        pytest.param("Mr. B., a 47-year-old roofer, has back pain.", set(), id="age-is-not-a-duration"),
        pytest.param("She gained the weight back in about six months.", set(), id="back-as-adverb-in-months"),
    ],
)
def test_acuity(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain over the last 2-3 weeks.", {"acute"}, id="range-digits"),
        pytest.param("Neck pain that began about six to eight months ago.", {"chronic"}, id="range-words"),
        pytest.param("Neck pain that began one and a half years ago.", {"chronic"}, id="and-a-half-years"),
        pytest.param("Low back pain since two-and-a-half days ago.", {"acute"}, id="and-a-half-days"),
        pytest.param("Back pain for half a day.", set(), id="half-a-unit-is-no-duration-grammar"),
        pytest.param("He has had neck pain for two and a half years.", {"chronic"}, id="for-whole-and-a-half"),
        pytest.param("Low back pain for one and a half months.", {"subacute"}, id="and-a-half-adds-to-the-whole"),
        pytest.param("3 weeks history of low back pain.", {"acute"}, id="duration-opens-the-note"),
        pytest.param("One and a half years history of neck pain.", {"chronic"}, id="and-a-half-opens-the-note"),
        pytest.param("In the last year or so her neck pain has slowly worsened.", {"chronic"}, id="in-the-last-unit"),
        pytest.param("During the past week his back pain became constant.", {"acute"}, id="during-the-past-unit"),
        pytest.param("She has had back pain for more than three months.", {"chronic"}, id="more-than"),
        pytest.param("Back pain for at least six weeks now.", {"subacute"}, id="at-least"),
        pytest.param("I will see her back in 3 months for her back pain.", set(), id="follow-up-ahead"),
        pytest.param("Follow up in about 2 weeks at the spine clinic for her neck.", set(), id="follow-up-about"),
        pytest.param("This visit is for a 45-year-old man with neck pain.", set(), id="age-not-duration"),
    ],
)
def test_when_a_duration_is_a_range_a_comparison_an_age_or_ahead_then_it_reads_right(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Past history: steroid treatment for nine months, cataract surgery in 2010, hernia repair in "
                     "2012, gallbladder removal in 2015, excision of a cyst on the neck in 2019.", set(),
                     id="list-of-past-items"),
        pytest.param("For about four weeks he has had fevers, night sweats, weight loss, and an ache across the "
                     "low back.", {"acute"}, id="list-of-symptoms-of-one-complaint"),
    ],
)
def test_when_a_duration_and_a_spine_word_are_far_apart_in_a_list_then_no_acuity(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain last year. For the past four days he has had hives over his chest, back and legs.",
                     set(), id="back-as-a-skin-site"),
        pytest.param("Neck pain. She has had an itchy rash on the neck for 2 days.", set(), id="neck-as-a-skin-site"),
        pytest.param("He has had back pain and a rash on his arms for one week.", {"acute"}, id="pain-word-keeps-the-back"),
    ],
)
def test_when_back_or_neck_is_a_skin_site_then_the_duration_dates_no_spinal_complaint(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Admitted last month with acute kidney injury.", set(), id="organ-injury"),
        pytest.param("Diagnosis: acute jaw pain after dental work.", set(), id="jaw-pain"),
        pytest.param("She has chronic bilateral knee pain.", set(), id="knee-pain"),
        pytest.param("He has acute left low back pain.", {"acute"}, id="spine-head-with-side"),
        pytest.param("Chronic mechanical neck pain.", {"chronic"}, id="spine-head-with-quality"),
        pytest.param("She has low back pain. She also describes longstanding depressive symptoms with poor mood.",
                     set(), id="mental-state-symptoms"),
        pytest.param("He has neck pain. He has had chronic respiratory symptoms since a smoking history.", set(),
                     id="organ-system-symptoms"),
        pytest.param("She has low back pain. These are longstanding symptoms.", {"chronic"},
                     id="symptoms-with-no-other-system"),
        pytest.param("She has low back pain. Assessment: acute on chronic COPD exacerbation.", set(),
                     id="other-organ-disease-exacerbation"),
        pytest.param("He has neck pain. He also reports chronic migraine symptoms.", set(), id="other-disease-symptoms"),
    ],
)
def test_when_an_acuity_word_names_another_organ_then_no_acuity(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Sudden onset of low back pain while gardening.", {"acute"}, id="onset-of-back-pain"),
        pytest.param("Neck pain, which was of sudden onset yesterday.", {"acute"}, id="pain-then-onset"),
        pytest.param("Sudden onset of headache this morning.", set(), id="onset-of-headache"),
        pytest.param("History of sudden onset of slurred speech in 2001.", set(), id="onset-of-speech-change"),
    ],
)
def test_when_an_onset_word_dates_a_spinal_complaint_then_acute_else_none(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Diagnoses: 1. Right L5 radiculopathy (acute). 2. Obesity.", {"acute"}, id="radiculopathy-acute"),
        pytest.param("Problem list: low back pain (chronic), hypertension.", {"chronic"}, id="pain-chronic"),
        pytest.param("Problem list: kidney disease (chronic), asthma.", set(), id="non-spinal-in-brackets"),
    ],
)
def test_when_an_acuity_word_follows_its_head_in_brackets_then_it_counts(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Musculoskeletal: (-) back pain (chronic) (-) joint swelling.", set(), id="minus-box"),
        pytest.param("Musculoskeletal: (-) joint swelling (+) back pain (chronic).", {"chronic"}, id="plus-box"),
    ],
)
def test_when_a_review_of_systems_item_is_marked_minus_then_it_is_denied(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain x3 weeks.", {"acute"}, id="x-glued-to-number"),
        pytest.param("Neck pain for the last couple of weeks.", {"acute"}, id="couple-of-weeks"),
        pytest.param("Low back pain times 4 months.", {"chronic"}, id="times-months"),
        pytest.param("Sciatica since childhood.", {"chronic"}, id="since-childhood"),
        pytest.param("He has had back pain on and off for a long time.", {"chronic"}, id="for-a-long-time"),
        pytest.param("He has had hypertension for a long time.", set(), id="long-time-not-spinal"),
    ],
)
def test_when_a_course_is_told_in_everyday_words_then_it_gives_acuity(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Duration: 4 months. Location: low back.", {"chronic"}, id="duration-label"),
        pytest.param("Low back pain, 7 weeks, worse when sitting.", {"subacute"}, id="complaint-comma-duration"),
        pytest.param("Onset: 3 weeks ago, after moving house; low back.", {"acute"}, id="onset-label"),
        pytest.param("Low back pain, a 45-year-old man.", set(), id="complaint-comma-age"),
        pytest.param("HPI: 58-year-old with back pain.", set(), id="label-colon-age"),
        pytest.param("Mid back pain. Onset ........ 10 days ago, woke up with it.", {"acute"},
                     id="onset-label-with-leader-dots"),
        pytest.param("Reason for visit: sciatica. Onset - 3 weeks ago.", {"acute"}, id="onset-label-with-dash"),
        pytest.param("Sudden onset of abdominal cramps three weeks ago.", set(), id="onset-in-running-text"),
        pytest.param("A pressure sore on the heel of several weeks' duration.", set(), id="duration-in-running-text"),
        pytest.param("Gradual onset of low back pain 2 years ago.", {"chronic"}, id="onset-of-a-spinal-complaint"),
    ],
)
def test_when_a_template_field_gives_the_duration_then_it_gives_acuity(checker, text, expected):
    """'Onset' and 'duration' date a complaint as a field's label; in running text they name the onset or course of
    whatever follows them, which must be spinal itself."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("History of diabetes mellitus of 15 years duration, hypertension.", set(), id="own-trail-word"),
        pytest.param("Longest marriage is of two years duration.", set(), id="marriage-of-two-years-duration"),
        pytest.param("Low back pain of 4 months duration.", {"chronic"}, id="complaint-with-trail-word"),
    ],
)
def test_when_a_duration_ends_in_duration_then_the_word_names_no_complaint(checker, text, expected):
    """'... of 15 years duration': the duration's own trail word is no template field of a spinal complaint."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. She reports generalized fatigue and weakness over the past several days.", set(),
                     id="systemic-weakness-dates-no-complaint"),
        pytest.param("Low back pain and left leg weakness over the past several days.", {"acute"}, id="leg-weakness-dated"),
        pytest.param("Low back pain radiating down the left leg for the past several months.", {"chronic"},
                     id="several-months-is-chronic"),
    ],
)
def test_when_a_duration_dates_only_a_fact_that_is_dropped_then_no_acuity(checker, text, expected):
    """Durations read the facts that survive the rule files' filters: weakness of the whole body is no deficit
    of spinal type (C3), so it dates nothing; "several" is more than three."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He has a large L4-5 disc herniation with left leg pain. He has been living with these symptoms "
                     "for more than four months.", {"chronic"}, id="these-symptoms-after-a-disc"),
        pytest.param("She describes aching low back pain. This pain has been present for two weeks.", {"acute"},
                     id="this-pain-after-back-pain"),
        pytest.param("She had a sore throat. These symptoms lasted for two weeks.", set(), id="refers-to-no-spinal-complaint"),
        pytest.param("Left leg numbness began approximately 1 month after the stroke.", set(), id="time-from-another-event"),
        pytest.param("Her neck stiffness returned approximately two weeks later.", set(), id="weeks-later"),
        pytest.param("He had back pain and leg numbness for several days after the fall.", {"acute"},
                     id="course-after-an-event"),
    ],
)
def test_when_a_sentence_refers_back_to_the_complaint_then_its_duration_dates_it(checker, text, expected):
    """'these symptoms', 'this pain' name the complaint of the sentence before; a time after another event
    ('1 month after the stroke', 'two weeks later') is no course of a complaint."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Her history dates back to about five months of intermittent cough.", set(), id="dates-back-adverb"),
        pytest.param("The trouble goes back approximately 3 weeks, when he first noted hoarseness.", set(),
                     id="goes-back-adverb"),
        pytest.param("She went back to her job and worked until about a year ago.", set(), id="went-back-to-work"),
        pytest.param("Right femoral neck fracture from a slip on ice 3 years ago.", set(), id="femoral-neck"),
        pytest.param("Her lower back pain came back two weeks ago.", {"acute"}, id="back-pain-that-came-back"),
        pytest.param("Coccyx pain after a fall in May. The ache came back and has been constant for the past 2 weeks.",
                     {"acute"}, id="the-ache-that-came-back-refers-to-the-complaint"),
        pytest.param("Aching at the back of the neck for 2 months.", {"subacute"}, id="back-of-the-neck"),
    ],
)
def test_when_a_spine_word_has_another_sense_then_it_dates_no_complaint(checker, text, expected):
    """'dates back', 'went back' (an adverb) and 'femoral neck' (a bone's neck) name no spinal complaint (C10)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The MRI showed an acute disc herniation at L4-5.", {"acute"}, id="acute-disc-herniation"),
        pytest.param("Findings: a chronic herniated disk at C6-7 with calcification.", {"chronic"}, id="chronic-herniated-disk"),
        pytest.param("Diagnoses: 1. Spinal epidural abscess. 2. Acute paraplegia.", {"acute"}, id="acute-paraplegia"),
        pytest.param("She was admitted with acute kidney injury.", set(), id="another-organ-still-none"),
    ],
)
def test_when_an_acuity_word_names_the_spinal_condition_itself_then_it_counts(checker, text, expected):
    """An acuity word before the spinal condition (a disc herniation, a cord paralysis) is the complaint's (C10)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A 5 month history of neck pain. Two weeks prior to presentation she began to have numbness in "
                     "the right thumb.", {"chronic", "acute"}, id="new-symptom-before-presentation"),
        pytest.param("Low back pain that began 8 weeks before his current admission.", {"subacute"},
                     id="before-current-admission"),
        pytest.param("He had a sore throat 3 days prior to admission.", set(), id="non-spinal-before-admission"),
    ],
)
def test_when_a_duration_runs_back_from_the_visit_then_it_dates_the_complaint(checker, text, expected):
    """'2 weeks prior to presentation' dates a complaint like '2 weeks ago'; new spinal-type symptoms with their
    own onset add their own value (C23)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She retired 5 years ago because of her low back pain.", set(), id="retired-years-ago"),
        pytest.param("He has been on medical leave for the past 3 weeks after a back strain.", set(),
                     id="leave-for-weeks"),
        pytest.param("He worked for 20 years as a roofer until his back injury.", set(), id="worked-for-years"),
        pytest.param("He works as a roofer and has had low back pain for 3 weeks.", {"acute"}, id="course-beside-a-job"),
        pytest.param("He took the meds for about five months, stopping when he grew profoundly weak and had leg numbness.",
                     set(), id="drug-course"),
        pytest.param("He started seeing a chiropractor about ten days ago for adjustments of his low back.", set(),
                     id="care-course-chiropractor"),
        pytest.param("She has had physical therapy for the last 2 weeks for her neck.", set(), id="care-course-therapy"),
        pytest.param("She has had neck pain for 4 months and physical therapy for the last 2 weeks.", {"chronic"},
                     id="complaint-course-beside-care-course"),
    ],
)
def test_when_a_duration_dates_a_status_or_a_drug_course_then_it_is_not_the_complaints_course(checker, text, expected):
    """'retired 7 years ago', 'on leave for 2 months', 'took the meds for 6 months' date a status or a drug course,
    not the spinal complaint's course (C10)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Diagnoses: 1. Chronic middle ear effusion. 2. Eustachian tube dysfunction, chronic.", set(),
                     id="ear-condition"),
        pytest.param("She came in with an acute asthma exacerbation and wheezing.", set(), id="lung-exacerbation"),
        pytest.param("Problem list: diabetes, chronic pain from a peripheral neuropathy, hypertension.", set(),
                     id="pain-of-a-neuropathy"),
        pytest.param("He has had a rash on his arms and upper back for the past five days.", set(),
                     id="duration-of-a-skin-complaint"),
        pytest.param("Problem list: chronic pain. Low back pain with sciatica.", {"chronic"},
                     id="spinal-complaint-note"),
        pytest.param("History of chronic pain. MRI showed a herniated disc at L4-5.", {"chronic"}, id="region-note"),
        pytest.param("Imaging: an acute disc herniation with cord compression.", {"acute"}, id="spinal-condition-head"),
    ],
)
def test_when_a_note_states_no_spinal_region_or_complaint_then_it_has_no_acuity(checker, text, expected):
    """Acuity is the spinal/back complaint's (C10): in a note that states neither a spinal region nor a spinal/back
    complaint, acuity words and durations describe another problem; a spinal condition as the head still counts."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Heartburn for the past two years with a history of a C5-6 disc bulge in his neck.", set(),
                     id="history-aside-after-another-complaint"),
        pytest.param("Hoarseness over several months, with a history of cervical spine surgery, and a cough.", set(),
                     id="history-aside-to-item-end"),
        pytest.param("Neck pain for 3 weeks with a history of a prior whiplash injury.", {"acute"},
                     id="spinal-word-before-the-aside"),
        pytest.param("She has a two-month history of low back pain.", {"subacute"}, id="history-as-the-durations-trail"),
    ],
)
def test_when_a_history_aside_follows_a_duration_then_its_spine_words_do_not_date_the_complaint(checker, text, expected):
    """'dysphagia over several years with a history of a bone spur in her cervical spine': the duration dates the
    complaint named before it; a past-history aside after it names none (C10)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("DATE OF INJURY: March 3, 2006\nDATE OF EXAMINATION: March 20, 2006\n\nHe strained his low back "
                     "lifting a crate at work on March 3, 2006, and has had low back pain since.", {"acute"},
                     id="injury-to-examination-date-acute"),
        pytest.param("She fell down the stairs at home on 02/11/2007 and hurt her neck. She was seen in the spine "
                     "clinic on 09/14/2007 with persistent neck pain.", {"chronic"}, id="injury-to-clinic-visit-chronic"),
        pytest.param("He was rear-ended in a car on 5/2/05 and developed lumbar pain. He was taken to the operating "
                     "room on 6/28/05 for an L4-5 discectomy.", {"subacute"}, id="injury-to-operation-subacute"),
        pytest.param("She fell on the ice on 01/05/2008 and has low back pain. She was last seen by her family "
                     "doctor on 06/30/2008.", set(), id="last-seen-is-another-visit"),
        pytest.param("He fell from a ladder on 04/02/2009 and has thoracic pain. He wishes to delay the surgery "
                     "until his trip on 09/01/2009.", set(), id="a-planned-date-is-no-visit"),
        pytest.param("Low back pain. She was seen in clinic on 03/15/2010 and again on 04/20/2010.", set(),
                     id="no-dated-injury"),
    ],
)
def test_when_dates_give_the_interval_from_injury_to_visit_then_it_gives_acuity(checker, text, expected):
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CHIEF COMPLAINT: Low back pain.\n\nPAST SURGICAL HISTORY: Left carotid endarterectomy about six "
                     "years ago, neck fusion in the distant past.", set(), id="surgical-history-procedure-ago"),
        pytest.param("CHIEF COMPLAINT: Neck pain.\n\nPAST MEDICAL HISTORY: Diabetes, gout, cervical stenosis several "
                     "years ago, now stable.", set(), id="medical-history-diagnosis-ago"),
        pytest.param("HISTORY OF PRESENT ILLNESS: He has low back pain which started about five months ago.",
                     {"chronic"}, id="present-illness-onset-ago-counts"),
        pytest.param("PAST MEDICAL HISTORY: Hypertension. Low back pain for the last 10 years.", {"chronic"},
                     id="history-section-course-with-its-own-lead-counts"),
    ],
)
def test_when_a_past_history_section_dates_an_event_ago_then_it_is_not_the_complaints_course(checker, text, expected):
    """'PAST SURGICAL HISTORY: ... bypass about eight years ago': a time 'ago' in a past history section is the age of
    an event of that history, not the course of the complaint (C10)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Cervical disc displacement. She takes chronic pain medications at home.", set(),
                     id="chronic-pain-medications"),
        pytest.param("Lumbar stenosis. He is followed in the chronic pain clinic.", set(), id="chronic-pain-clinic"),
        pytest.param("Lumbar stenosis. She has chronic pain in the low back.", {"chronic"}, id="chronic-pain-itself"),
        pytest.param("Lumbar spondylosis. Chronic pain syndrome.", {"chronic"}, id="chronic-pain-syndrome-counts"),
    ],
)
def test_when_an_acuity_word_and_its_head_name_a_drug_or_service_then_no_acuity(checker, text, expected):
    """'He was on chronic pain medications': the words name a drug class or a service for the complaint, not the
    complaint's acuity (C10)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He was first examined in our clinic on March 20, 2006. He says that on March 3, 2006, he was "
                     "carrying boxes down the steps at work. He slipped and fell onto his low back.", {"acute"},
                     id="scene-date-the-sentence-before-the-fall"),
        pytest.param("She was evaluated in the spine clinic on 09/14/2007. He notes that on 02/11/2007 he was "
                     "walking his dog on the ice. He slipped and fell and has had neck pain since.", {"chronic"},
                     id="scene-date-chronic"),
        pytest.param("She was examined on 05/20/2008 for low back pain. She presented to the emergency room on "
                     "05/01/2008. She reports a fall down the stairs.", set(),
                     id="a-visit-date-before-the-fall-is-no-scene"),
        pytest.param("He was examined on 06/10/2009. On 01/05/2009 he began work at a warehouse. He fell from the dock "
                     "on 05/02/2009 and hurt his low back.", {"acute"}, id="the-fall-sentence-has-its-own-date"),
    ],
)
def test_when_the_sentence_before_the_injury_dates_its_scene_then_the_date_dates_the_injury(checker, text, expected):
    """'Ms. X states that on <date>, she was walking to her car and stepped into a pothole. She fell backwards.': the
    date sets the scene of the fall told next, so it dates the injury for the interval to the visit (C10)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("DATE OF EXAMINATION: March 3, 2006\n\nHe has mid back pain since a car accident.\n\n"
                     "DIAGNOSIS: Acute lumbar strain due to the motor vehicle accident on May 2, 2004.", {"chronic"},
                     id="acute-word-for-an-injury-dated-years-before"),
        pytest.param("DATE OF EXAMINATION: March 3, 2006\n\nHe has mid back pain since a car accident.\n\n"
                     "DIAGNOSIS: Acute lumbar strain due to the motor vehicle accident on February 24, 2006.", {"acute"},
                     id="acute-word-for-an-injury-dated-days-before"),
    ],
)
def test_when_an_acute_word_names_an_injury_dated_long_before_the_visit_then_it_gives_no_acuity(checker, text, expected):
    """C10: an acuity word for a past event ('acute strain' years ago) gives none; the dates' interval still counts."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He was referred to the spine clinic by his internist for evaluation of acute low back pain.",
                     {"acute"}, id="referred-for-evaluation-of"),
        pytest.param("She is referred to our office for severe chronic neck pain.", {"chronic"}, id="referred-to-office-for"),
        pytest.param("Thoracic cord infarct. He was referred to the Neurology service for evaluation of acute onset "
                     "paraplegia.", {"acute"}, id="referred-for-an-acute-deficit"),
    ],
)
def test_when_a_referral_names_its_reason_then_the_complaint_is_the_patients(checker, text, expected):
    """The complaint a referral is for is the patient's, stated (C10); the referral itself ('referred to physical
    therapy', 'referred for an MRI') stays a plan for the treatment and imaging kinds."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("An 80-year-old man with history of diabetes and chronic low back pain, gout, and anemia, was "
                     "treated for cellulitis for about 5 days before admission.", {"chronic"},
                     id="history-aside-before-another-complaints-duration"),
        pytest.param("He is a man with a history of low back pain for 10 years.", {"chronic"},
                     id="the-histories-own-duration"),
        pytest.param("A woman with a history of hypertension who has had low back pain for 2 weeks.", {"acute"},
                     id="the-complaint-after-the-aside"),
    ],
)
def test_when_a_history_aside_on_the_subject_names_the_spine_then_it_dates_nothing(checker, text, expected):
    """C10: 'with history of ... back pain ..., was diagnosed with pneumonia for 10 days': the subject's history
    aside, closed by the predicate's verb, names no complaint that the duration after it dates."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CC: Right index finger numbness. MRI of the cervical spine: mild spondylosis.\n\nHX: He has a "
                     "two week history of numbness of the right index finger.\n\nIMPRESSION: Right carpal tunnel "
                     "syndrome.", set(), id="duration-of-a-carpal-tunnel-numbness"),
        pytest.param("CC: Neck pain. HX: He has a two week history of neck pain and numbness of the right index "
                     "finger.\n\nIMPRESSION: Right carpal tunnel syndrome.", {"acute"},
                     id="the-sentence-names-a-spinal-complaint"),
    ],
)
def test_when_a_duration_dates_only_a_peripheral_nerve_deficit_then_no_acuity(checker, text, expected):
    """C10 with C3: a duration that dates only a deficit the note puts in a peripheral nerve dates no spinal complaint."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("HX: This 61 y/o man presented with a 10 day h/o worsening LBP.", {"acute"}, id="h-o-trail"),
        pytest.param("She has a 5 month hx of sciatica on the left.", {"chronic"}, id="hx-trail"),
        pytest.param("Lumbar spine MRI: L4-5 disc bulge. He has a 3 week h/o ankle swelling.", set(),
                     id="h-o-of-another-complaint"),
        pytest.param("CC: LBP. HX: Intermittent LBP for the past 2 weeks.", {"acute"}, id="abbreviated-complaint-in-sentence"),
    ],
)
def test_when_history_is_abbreviated_or_the_complaint_is_lbp_then_the_duration_dates_it(checker, text, expected):
    """C10: 'h/o' and 'hx' abbreviate history, the duration's trail word; a sentence whose spinal complaint is a
    complaint fact ('LBP') names the complaint the duration dates."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He was jumped by two men outside a bar last night and kicked in the back. Now mid back pain.",
                     {"acute"}, id="injured-last-night"),
        pytest.param("She fell about a week ago and is complaining of buttock pain. PT for her back pain.", {"acute"},
                     id="fell-a-week-ago"),
        pytest.param("He fell off a ladder 2 years ago. Now low back pain.", set(), id="old-injury-gives-none"),
        pytest.param("The patient presents today with neck pain following a car accident on January 19, 2004.", set(),
                     id="today-dates-the-visit"),
        pytest.param("S: 3 weeks of tailbone pain; can sit only 15 min.", {"acute"}, id="weeks-of-tailbone-pain"),
        pytest.param("He reports six months of worsening low back pain.", {"chronic"}, id="months-of-worsening-back-pain"),
        pytest.param("She completed 6 weeks of physical therapy for her back pain.", set(), id="weeks-of-a-therapy"),
        pytest.param("A: Acute post-traumatic coccydynia after a slip on ice.", {"acute"}, id="acute-far-before-coccydynia"),
    ],
)
def test_when_a_recent_injury_dates_the_complaint_or_of_leads_to_it_then_acuity(checker, text, expected):
    """C10: an injury of yesterday or days ago dates the complaint since it (an old injury's age gives none, and
    'today' dates the visit); 'N weeks of <back> pain' is the complaint's course; a complaint noun that names its
    site takes an acuity word a few words before it."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. He was jumped by two men outside a bar about 1 hour ago and kicked in the back.",
                     {"acute"}, id="injured-an-hour-ago"),
        pytest.param("Upper back pain. He was struck by a falling beam at work, now 3 weeks post injury.", {"acute"},
                     id="weeks-post-injury"),
        pytest.param("Low back pain. The fentanyl only helps for about an hour before the pain resumes.", set(),
                     id="relief-in-hours-is-no-course"),
        pytest.param("LUMBAR SPINE: Acute nondisplaced fractures of the left L2 and L3 transverse processes.", {"acute"},
                     id="acute-fractures-plural"),
    ],
)
def test_when_an_injury_is_hours_old_or_a_fracture_is_acute_then_acute(checker, text, expected):
    """C10: an injury hours old, or so many weeks 'post injury', dates the complaint since it; hours are no unit of a
    complaint's course (a relief's or a tolerance's); 'acute fractures' is the plural of an acute fracture."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He crashed his bicycle, not wearing a helmet, two hours ago and now has neck pain.", {"acute"},
                     id="gear-not-worn-before-the-time"),
        pytest.param("He crashed his bicycle two hours ago and now has neck pain.", {"acute"}, id="no-gear"),
    ],
)
def test_when_gear_was_not_worn_then_the_injury_time_still_counts(checker, text, expected):
    """'not wearing a helmet' denies the helmet, not the injury's time after it in the sentence."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neck pain and stiffness that began gradually ~8 wks ago.", {"subacute"}, id="approximate-sign"),
        pytest.param("CHIEF COMPLAINT: Neck pain with right arm pain, 2 1/2 months.", {"subacute"}, id="whole-and-half"),
        pytest.param("Right C6 radiculopathy, 2 1/2 months' duration.", {"subacute"}, id="whole-and-half-trail"),
        pytest.param("Low back pain for 1/2 year.", {"chronic"}, id="half-alone"),
        pytest.param("A couple of weeks ago she developed back pain.", {"acute"}, id="a-couple-of-weeks-ago"),
        pytest.param("Back pain. He rates the pain 5/10 for 3 weeks.", {"acute"}, id="pain-score-is-no-fraction"),
        pytest.param("She takes gabapentin 300 mg three times a day for her back pain.", set(), id="how-often-not-how-long"),
        pytest.param("Ibuprofen 2 times a week helps her low back pain.", set(), id="times-a-week"),
        pytest.param("Low back pain. IMAGING: MRI lumbar spine (2 weeks ago), images reviewed: disc protrusion.", set(),
                     id="ago-in-imaging-section-dates-the-study"),
    ],
)
def test_duration_numbers_in_every_written_form(checker, text, expected):
    """A duration's number read as written: '~8' (spaCy's LIKE_NUM reads past the sign), '2 1/2', 'a couple of
    weeks ago'; a count before 'times' is a frequency, and a time 'ago' in an imaging section dates the study."""
    assert present_values(checker, text, "acuity") == expected


WRAPPED = (
    "S: Pt reports neck and mid back stiffness at 3/10, down from 6/10 at the initial visit. The stiffness began 10\n"
    "weeks ago after she began working from home at her kitchen table; atraumatic onset.\n"
)


def test_when_a_line_is_hard_wrapped_inside_a_duration_then_it_still_reads(checker):
    """A hard line wrap inside running text ('about 10\\nweeks ago') is a space for the matchers; the facts keep
    the note's own offsets."""
    facts = [f for f in checker.extract(WRAPPED) if f.kind == "acuity"]
    assert {f.value for f in facts} == {"subacute"}
    assert WRAPPED[facts[0].start : facts[0].end].replace("\n", " ") == "10 weeks ago"


def test_when_short_lines_list_items_then_they_are_not_joined():
    """A list's short lines stay lines: only a line of running text (40 characters or more) is unwrapped."""
    from notecheck.pipeline.spans import unwrap

    text = "Medications:\naspirin\nlisinopril\nShe has had low back pain that wakes her at night for about 10\nweeks now."
    assert unwrap(text) == text.replace("10\nweeks", "10 weeks")
    assert len(unwrap(text)) == len(text)


def test_when_a_time_ago_restates_a_date_then_it_dates_that_event(checker):
    """'an injection on 03/11/2025 (6 weeks ago)': the parenthesis gives the date's age, which dates the injection,
    not the complaint's course (the complaint since a fall on another date is chronic)."""
    text = (
        "Date of visit: 04/22/2025\nHPI: right sacroiliac joint pain since a fall on ice on 01/06/2025. She underwent an "
        "SI joint injection on 03/11/2025 (6 weeks ago) with relief lasting 4 weeks; the pain has since returned."
    )
    assert present_values(checker, text, "acuity") == {"chronic"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Date of visit: 02/10/2026\nASSESSMENT: New left L5 radiculopathy, onset 01/30/2026.", {"acute"},
                     id="onset-date-against-the-visit"),
        pytest.param("Date of visit: 10/23/2025\nShe has had neck pain since 01/02/2025.", {"chronic"},
                     id="since-a-date"),
        pytest.param("She has had neck pain since 01/02/2025.", set(), id="no-visit-date"),
        pytest.param("Date: 09/16/2025\nHe cannot lift feed bags for his back; he has been off work on your advice "
                     "since 08/28/2025.", set(), id="a-status-since-a-date"),
    ],
)
def test_when_a_complaint_is_dated_by_its_onset_then_the_visit_date_gives_its_acuity(checker, text, expected):
    """C10: dates giving a clear interval count: a complaint's onset date ('onset 01/30/2026', 'since 01/02/2025')
    against the visit's date; not the start of a status ('off work since')."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Fell from a ladder today. Dx: Acute L2-L3 transverse process fractures.", {"acute"},
                     id="level-range-and-kind"),
        pytest.param("Struck by a beam at work. Dx: Acute T5 and T6 spinous process fractures.", {"acute"},
                     id="two-levels-joined-by-and"),
        pytest.param("Fell down the stairs. A: Acute C5-C6 bilateral facet dislocation.", {"acute"},
                     id="dislocation-with-levels"),
        pytest.param("Fell down the stairs. CT: no acute L1 or L2 fracture.", set(), id="denied-on-imaging"),
    ],
)
def test_when_an_acute_injury_is_named_with_its_levels_then_it_is_acute(checker, text, expected):
    """An acute fracture or dislocation named with a level range and its kind is the injury's acuity (C10, C58's
    exception for the current complaint's diagnosis); a denied one gives none."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("HPI: 52-year-old man, fall from a ladder about 10 feet today. Neck pain.", {"acute"},
                     id="fall-today"),
        pytest.param("HPI: He was assaulted tonight and complains of neck pain.", {"acute"}, id="assault-tonight"),
        pytest.param("HPI: He slipped on ice and fell this morning and has low back pain.", {"acute"},
                     id="fell-this-morning"),
        pytest.param("HPI: He presents today with neck pain following a car accident on 03/02/2019.", set(),
                     id="presents-today-dates-the-visit"),
        pytest.param("I saw him today for low back pain following a work-related injury on 11/06/2023.", set(),
                     id="saw-today-dates-the-visit"),
    ],
)
def test_when_an_injury_is_dated_today_then_the_complaint_is_acute_unless_today_is_the_visits(checker, text, expected):
    """'today' or 'this morning' in an injury's sentence dates the injury (C10: a complaint days old is acute),
    unless a visit word stands before it ('presents today after', 'saw him today')."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Sacral pain. CT-guided biopsy of the sacral lesion 3 weeks ago confirmed metastatic carcinoma.",
                     set(), id="biopsy-ago-confirmed"),
        pytest.param("Low back pain. An MRI 2 weeks ago showed an L4-5 herniation.", set(), id="mri-ago-showed"),
        pytest.param("Low back pain that started 3 weeks ago.", {"acute"}, id="the-complaints-own-onset"),
    ],
)
def test_when_a_time_ago_dates_a_studys_result_then_it_is_no_course(checker, text, expected):
    """A time 'ago' right before a result verb dates the study or procedure, not the complaint (C10)."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain for 4 months. He reports a mild fall last week without new symptoms.", {"chronic"},
                     id="fall-without-new-symptoms"),
        pytest.param("Neck pain for 5 months. She slipped and fell yesterday without any injury.", {"chronic"},
                     id="fell-without-injury"),
        pytest.param("He fell yesterday and has had low back pain since.", {"acute"}, id="a-fall-that-hurt"),
    ],
)
def test_when_a_recent_injury_did_no_harm_then_it_dates_no_complaint(checker, text, expected):
    """A recent injury whose sentence says it did no harm ('without new symptoms') gives the complaint no acuity
    (C10): the complaint's own course decides."""
    assert present_values(checker, text, "acuity") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Dx: s/p C5-6 anterior cervical discectomy and fusion (6 weeks ago); neck pain.", set(),
                     id="an-operations-age-in-parentheses"),
        pytest.param("HPI: Low back pain (onset 3 weeks ago) after lifting a box.", {"acute"},
                     id="the-complaints-own-onset-in-parentheses"),
    ],
)
def test_when_a_parenthesis_gives_an_operations_age_then_it_is_no_course(checker, text, expected):
    """A time 'ago' in parentheses after an operation or a study is its age, not the complaint's course (C10)."""
    assert present_values(checker, text, "acuity") == expected
