"""Traumatic events by class of wording, on sentences written for the purpose (docs/annotation.md)."""

import pytest

from conftest import present_values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She was injured in 2011 and has had back pain since.", {"other"}, id="injured-no-mechanism"),
        pytest.param("His disc herniation was incurred in an injury at age 30.", {"other"}, id="incurred-in-an-injury"),
        pytest.param("She sustained an injury to her neck last spring.", {"other"}, id="sustained-an-injury"),
        pytest.param("He was injured in a motor vehicle accident in 2015.", {"motor_vehicle"}, id="injured-with-mechanism"),
        pytest.param("Her car was struck by a truck at an intersection.", {"motor_vehicle"}, id="struck-by-vehicle-not-other"),
        pytest.param("He was struck by a falling beam at work.", {"other"}, id="struck-by-falling-object"),
        pytest.param("Wrist fracture due to snowboarding at age 20.", {"sports"}, id="injury-due-to-sport"),
        pytest.param("He hurt his back while loading crates onto a van.", {"lifting"}, id="while-loading"),
        pytest.param("She was carrying a dresser when her back gave out; she remembers the day.", set(),
                     id="carrying-without-when"),
        pytest.param("When he was carrying a dresser his back gave out.", {"lifting"}, id="when-carrying"),
        pytest.param("She was physically abused in her twenties.", {"assault"}, id="physical-abuse"),
        pytest.param("She endured repeated beatings in her first marriage.", {"assault"}, id="beatings"),
        pytest.param("History of substance abuse, sober since 2010.", set(), id="substance-abuse-not-assault"),
        pytest.param("He has a history of domestic violence and was charged in 2015.", set(),
                     id="domestic-violence-perpetrator-not-assault"),
        pytest.param("As a child she witnessed domestic violence at home.", set(), id="domestic-violence-witnessed"),
        pytest.param("She is a victim of domestic violence and has neck pain.", {"assault"},
                     id="domestic-violence-victim"),
        # C35: a slip or a trip is a fall only when the patient went down (ICD-10-CM W18.4 files it apart).
        pytest.param("She slipped on a wet floor at the store and landed on her hip.", {"fall"}, id="slipped-and-landed"),
        pytest.param("She slipped on the icy steps in May.", {"fall"}, id="slipped-on-ice"),
        pytest.param("She slipped on a wet floor at the store in May.", set(), id="slipped-on-with-no-fall"),
        pytest.param("He slipped on an air hose at work, re-injuring his left knee.", {"other"},
                     id="slip-at-work-is-the-work-injury"),
        pytest.param("She lost her footing on the stairs.", set(), id="lost-footing-with-no-fall"),
        pytest.param("He lost his footing on the ladder and fell.", {"fall"}, id="lost-footing-and-fell"),
    ],
)
def test_trauma(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She is status post fall with left hip pain.", {"fall"}, id="status-post-fall"),
        pytest.param("Since that fall his neck has been stiff.", {"fall"}, id="since-that-fall"),
        pytest.param("After her fall in the garage she noticed low back pain.", {"fall"}, id="after-her-fall"),
        pytest.param("He had an accidental fall in the shower.", {"fall"}, id="accidental-fall"),
        pytest.param("Low back discomfort since an industrial fall in May.", {"fall"}, id="industrial-fall"),
        pytest.param("He had a bad fall at work and hurt his back.", {"fall"}, id="bad-fall"),
        pytest.param("She is a significant fall risk.", set(), id="significant-fall-risk"),
        pytest.param("The back pain started after the fall and has not eased.", {"fall"}, id="after-the-fall"),
        pytest.param("She has fallen twice this year.", {"fall"}, id="has-fallen"),
        pytest.param("He tripped over a garden hose and landed on his hip.", {"fall"}, id="tripped-over-and-landed"),
        pytest.param("He tripped over a garden hose last month.", set(), id="tripped-over-with-no-fall"),
        pytest.param("He has not fallen since starting the walker.", set(), id="has-not-fallen"),
        pytest.param("In the fall of 2019 she moved to Ohio.", set(), id="season-of-year"),
        pytest.param("She enjoys hiking in the fall.", set(), id="season-in-the-fall"),
        pytest.param("Pressures showed a 5 mmHg fall in the gradient.", set(), id="measured-fall"),
        pytest.param("MRI shows a slipped disc at L4-5.", set(), id="slipped-disc"),
        pytest.param("The patient was slipped over onto the stretcher.", set(), id="slipped-over-moved"),
    ],
)
def test_when_a_fall_is_told_back_as_a_noun_then_it_is_a_fall(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Her husband says her back pain began after a car accident.", {"motor_vehicle"},
                     id="husband-recalls"),
        pytest.param("His wife states he fell from a ladder in May.", {"fall"}, id="wife-states"),
        pytest.param("According to his daughter, he slipped on ice last winter.", {"fall"}, id="according-to"),
        pytest.param("She came accompanied by her son after a rear-end collision.", {"motor_vehicle"},
                     id="accompanied-by"),
        pytest.param("Her mother had a fall and broke her hip.", set(), id="relative-is-the-experiencer"),
        pytest.param("Family history: father died in a motor vehicle accident.", set(), id="family-history"),
    ],
)
def test_when_a_relative_tells_the_story_then_the_event_is_the_patients(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He rolled his ATV on a hillside two years ago.", {"motor_vehicle"}, id="atv"),
        pytest.param("Neck pain since a truck collision on the interstate.", {"motor_vehicle"}, id="truck-collision"),
        pytest.param("She was the restrained driver in a low-speed impact.", {"motor_vehicle"}, id="restrained-driver"),
        pytest.param("He was hit by a van while crossing the street.", {"motor_vehicle"}, id="hit-by-a-van"),
        pytest.param("Low back strain after an industrial accident at the plant.", {"other"}, id="industrial-accident"),
        pytest.param("She reports a twisting injury to her back while turning.", {"other"}, id="twisting-injury"),
        pytest.param("He was injured on the job in 2018.", {"other"}, id="on-the-job"),
        pytest.param("History of cerebrovascular accident in 2015.", set(), id="stroke-not-trauma"),
        pytest.param("He drives a delivery truck for a living.", set(), id="vehicle-as-work"),
    ],
)
def test_when_a_vehicle_or_work_accident_is_named_then_it_is_trauma(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She was beaten by her former husband for years.", {"assault"}, id="beaten-by-relative"),
        pytest.param("For years she lived with a wife-beater and was assaulted often.", {"assault"}, id="wife-beater"),
        pytest.param("She was physically abused as a child.", {"assault"}, id="as-a-child"),
        pytest.param("When she was a child she fell from a swing.", {"fall"}, id="when-she-was-a-child"),
        pytest.param("Family history: her brother was assaulted in 2010.", set(), id="relative-is-the-victim"),
    ],
)
def test_when_a_relative_is_the_agent_then_the_event_is_the_patients(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He felt a pop in his neck while playing hockey.", {"sports"}, id="while-playing-sport"),
        pytest.param("She was tackled hard during a rugby match.", {"sports"}, id="during-a-match"),
        pytest.param("He plays golf twice a week.", set(), id="sport-as-hobby"),
        pytest.param("He hurt his shoulder while transferring a resident from bed to chair.", {"lifting"},
                     id="patient-transfer"),
        pytest.param("He strained his lower back in March.", {"other"}, id="strained-his-back"),
        pytest.param("She twisted her left knee on the stairs.", {"other"}, id="twisted-her-knee"),
        pytest.param("Straight leg raise strained the hamstrings.", set(), id="exam-strain-not-injury"),
    ],
)
def test_when_a_sport_handling_or_body_part_injury_is_told_then_it_is_trauma(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        pytest.param("Diagnosis: neck strain after the 2019 work accident, now resolved.", "trauma", {"other"},
                     id="event-of-a-resolved-strain"),
        pytest.param("After six sessions of physical therapy her back pain resolved.", "treatment",
                     {"physical_therapy"}, id="treatment-that-resolved-it"),
        pytest.param("Her numbness resolved.", "neuro_deficit", set(), id="symptom-still-resolves"),
    ],
)
def test_when_a_condition_resolved_then_its_cause_and_treatment_still_happened(checker, text, kind, expected):
    assert present_values(checker, text, kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He has no lasting impairment as a result of the work injury.", {"other"}, id="as-a-result-of"),
        pytest.param("She reports no symptoms resulting from the fall last spring.", {"fall"}, id="resulting-from"),
        pytest.param("He denies any fall.", set(), id="denied-event"),
    ],
)
def test_when_a_cause_follows_a_denied_effect_then_the_cause_still_happened(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


def test_when_an_open_list_of_causes_is_denied_then_it_stays_denied(checker):
    text = "He denies any injury as a result of his work or any motor vehicle accident."
    assert present_values(checker, text, "trauma") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Her back gave out while picking up a laundry basket.", {"lifting"}, id="while-picking-up"),
        pytest.param("When he went to pick up a box of tiles he felt a pop in his back.", {"lifting"},
                     id="went-to-pick-up"),
        pytest.param("As she bent over to lift her grandson she felt a sharp pain.", {"lifting"}, id="bent-over-to-lift"),
        pytest.param("She has difficulty picking up objects from the floor.", set(), id="limitation-not-event"),
    ],
)
def test_when_the_back_gave_out_on_picking_up_then_it_is_lifting(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He was the driver in a head-on collision.", {"motor_vehicle"}, id="head-on-collision"),
        pytest.param("The rider was ejected from the motorcycle.", {"motor_vehicle"}, id="ejected-from-vehicle"),
        # A rider's crash is the fall it tells, else `other`: no sport of its own (fresh5 P1, fresh6 mts-1702, fresh14 AI3).
        pytest.param("He was thrown from his horse in the pasture.", {"fall"}, id="thrown-from-horse"),
        pytest.param("She crashed her mountain bike on a trail.", {"other"}, id="crashed-bike"),
        pytest.param("She developed back pain after a slip on ice.", {"fall"}, id="a-slip-on-ice"),
        pytest.param("He was pushing a cart when he felt a pop in his back.", {"lifting"}, id="was-pushing-when-felt"),
        pytest.param("She was moving to Ohio and felt anxious.", set(), id="moving-house"),
        pytest.param("He was lifting weights regularly at the gym.", set(), id="lifting-as-habit"),
        pytest.param("He was injured in a bar fight.", {"assault"}, id="in-a-fight"),
        pytest.param("We will fight the infection with antibiotics.", set(), id="fight-as-verb"),
        pytest.param("He was shot in the lower back in 2001.", {"other"}, id="was-shot"),
        pytest.param("He got a flu shot in October.", set(), id="flu-shot"),
        pytest.param("He was hit on the shoulder by a falling crate.", {"other"}, id="by-a-falling-object"),
    ],
)
def test_when_a_mechanism_is_told_in_everyday_words_then_it_is_named(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He keeps falling down at home.", {"fall"}, id="falling-down"),
        pytest.param("Admitted for weakness and falling.", {"fall"}, id="falling-at-the-end"),
        pytest.param("Her scores fell within the average range, falling within norms.", set(), id="falling-within"),
        pytest.param("She fell asleep at her desk.", set(), id="fell-asleep"),
        pytest.param("He fell in the parking lot last week.", {"fall"}, id="fell-in-a-place"),
    ],
)
def test_when_falling_is_followed_by_where_or_how_then_it_is_a_fall(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("DATE OF INJURY: 03/02/2010. Her low back has hurt since the accident.", {"other"},
                     id="told-back-alone-is-other"),
        pytest.param("He fell from a ladder at work. Since the accident his low back has hurt.", {"fall"},
                     id="told-back-beside-a-mechanism-adds-nothing"),
        pytest.param("He denies any fall. Since the accident his neck has been stiff.", {"other"},
                     id="a-negated-mechanism-does-not-hide-it"),
        pytest.param("He was followed by employee health for his injury.", {"other"}, id="his-injury"),
        pytest.param("The crash cart was brought to the bedside.", set(), id="crash-cart"),
        pytest.param("History of a cerebrovascular accident in 2009.", set(), id="cerebrovascular-accident"),
        pytest.param("Past surgical history: surgery for a leg fracture.", {"other"}, id="fracture-of-a-named-part"),
        pytest.param("Status post ORIF of the right wrist, healed.", {"other"}, id="orif"),
        pytest.param("Hip fracture from a fall in 2005.", {"fall"}, id="fracture-beside-its-mechanism"),
        # C12: a spinal fracture the note gives no disease for is an injury with no mechanism given.
        pytest.param("Old L1 compression fracture.", {"other"}, id="spinal-fracture-no-mechanism"),
    ],
)
def test_when_an_event_is_told_without_mechanism_then_it_is_other_only_in_a_note_naming_none(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CC: Fall and laceration.", {"fall"}, id="fall-as-the-problem"),
        pytest.param("She falls asleep at the breast.", set(), id="falls-asleep"),
        pytest.param("There was a fall in saturation within the left ventricle.", set(), id="fall-in-a-measure"),
        pytest.param("He presents after a fall in the hospital.", {"fall"}, id="fall-in-a-place"),
        pytest.param("Blood pressure 114/43 (while moving).", set(), id="while-moving-without-a-load"),
        pytest.param("He was shooting basketball last week and felt a pop in his neck.", {"sports"}, id="was-shooting"),
        pytest.param("He used to work out and enjoyed playing basketball.", set(), id="sport-as-a-habit"),
        pytest.param("CC: Motor vehicle-bicycle collision.", {"motor_vehicle"}, id="hyphenated-parties"),
    ],
)
def test_trauma_wording_classes_of_the_second_gold_batch(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("OPINION: He chronicles an industrial injury to his back from a fall off his work truck in 1994.",
                     {"fall"}, id="work-injury-told-with-its-fall"),
        pytest.param("HISTORY OF INDUSTRIAL INJURY: He was injured on 11/20/2008.\n\nHe slipped on a wet floor at work "
                     "and fell onto his back.", {"fall"}, id="injury-heading-then-fall"),
        pytest.param("He sustained an industrial injury to his low back in 2004 and has had pain since.", {"other"},
                     id="work-injury-alone"),
        pytest.param("He was shot in the back in 2001 and later fell from a roof.", {"other", "fall"},
                     id="gunshot-beside-a-fall"),
    ],
)
def test_when_an_injury_is_told_without_mechanism_then_other_only_if_the_note_names_none(checker, text, expected):
    """"industrial injury", "was injured on" name no mechanism: `other` in a note that names none, else the note's
    mechanism is the injury's (guideline: other = no mechanism given). A gunshot is a mechanism of its own."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PAST HISTORY: Achilles tendon tear at age 45.", {"other"}, id="tendon-tear-history"),
        pytest.param("He had an ACL reconstruction in 2008.", {"other"}, id="acl-repair-implies-a-tear"),
        pytest.param("MRI shows a degenerative biceps tendon tear.", set(), id="degenerative-tear"),
        pytest.param("MRI: massive rotator cuff tear with fatty atrophy.", {"other"}, id="rotator-cuff-tear"),
        pytest.param("L4-5 annular tear without herniation.", set(), id="annular-tear-no-injury"),
        pytest.param("EXAM: CT cervical spine for trauma.", {"other"}, id="study-indication-trauma"),
        pytest.param("Left hemiparesis after a subdural hematoma from a fight.", {"assault"}, id="from-a-fight"),
    ],
)
def test_when_a_ligament_or_tendon_tore_or_a_study_is_for_trauma_then_it_is_trauma(checker, text, expected):
    """A torn knee ligament or a torn Achilles, biceps or pectoralis tendon is an injury (C17) unless called
    degenerative; a study done 'for trauma' says the patient had one."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("NEUROLOGIC: When lifting the arm, she will hold it up and let it down slowly.", set(),
                     id="examiner-lifts-a-limb"),
        pytest.param("GAIT: The patient ambulated out of the room while carrying her baby in a car seat.", set(),
                     id="gait-seen-in-the-room"),
        pytest.param("The pain began one week ago when he was lifting stacks of cardboard.", {"lifting"},
                     id="onset-while-lifting"),
    ],
)
def test_when_a_handling_verb_tells_no_injury_then_it_is_no_lifting_mechanism(checker, text, expected):
    """'while lifting' is a mechanism only in a sentence that tells an injury or the onset of a complaint."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Other surgeries include ankle surgery for a fractured ankle in 2000.", {"other"},
                     id="fractured-part"),
        pytest.param("She has a history of recent collarbone fracture.", {"other"}, id="collarbone-fracture"),
        pytest.param("He reports an injury to his left leg last week.", {"other"}, id="injury-to-a-part"),
        pytest.param("Possible injury to the ulnar nerve at the elbow.", set(), id="injury-to-a-nerve-of-a-part"),
        pytest.param("He broke his right wrist after a fall from a bike.", {"fall"}, id="broken-part-beside-its-fall"),
        pytest.param("EXAM: Thoracic spine.\n\nREASON FOR EXAM: Injury.\n\nFINDINGS: No fracture.", {"other"},
                     id="study-for-an-injury"),
        pytest.param("REASON FOR EXAM: Injury to the neck in a motor vehicle collision.", {"motor_vehicle"},
                     id="indication-with-its-mechanism"),
    ],
)
def test_when_an_injury_names_its_part_after_the_injury_word_then_it_is_other_without_a_mechanism(
    checker, text, expected
):
    """'a fractured ankle', 'an injury to his left leg', a study whose whole indication is 'Injury': an injury
    with no mechanism given (C12), `other` only when the note names no mechanism; a nerve or vessel of a part is
    no injury event of the part."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("DIAGNOSES: Traumatic brain injury, lumbar strain.", {"other"}, id="traumatic-brain-injury"),
        pytest.param("History of TBI in 2004 with residual headaches.", {"other"}, id="tbi-abbreviation"),
        pytest.param("PMH: Traumatic amputation of the left index finger.", {"other"}, id="traumatic-amputation"),
        pytest.param("She has post-traumatic stress disorder and low back pain.", set(), id="ptsd-no-injury"),
        pytest.param("Dizziness since head trauma two years ago.", {"other"}, id="part-trauma"),
        pytest.param("REASON FOR EXAM: Left ankle trauma.", {"other"}, id="study-for-a-part-trauma"),
        pytest.param("She denies any head trauma.", set(), id="denied-part-trauma"),
        pytest.param("HEENT: Negative for any head trauma or neck stiffness.", set(), id="heading-negative-for-any"),
        pytest.param("He had trauma to his left elbow as a child.", {"other"}, id="trauma-to-a-part"),
        pytest.param("Rib pain secondary to trauma last month.", {"other"}, id="secondary-to-trauma"),
        pytest.param("A 60-year-old man status post trauma with a chest tube.", {"other"}, id="status-post-trauma"),
        pytest.param("Neck pain since vehicular trauma in May.", {"motor_vehicle"}, id="vehicular-trauma"),
        pytest.param("The infant was admitted for nonaccidental trauma.", {"assault"}, id="nonaccidental-trauma"),
    ],
)
def test_when_the_note_calls_an_injury_trauma_or_traumatic_then_it_is_trauma(checker, text, expected):
    """A part's trauma, an injury called traumatic, a cause 'secondary to trauma': an injury with no mechanism given
    (`other` when the note names none); a vehicle's trauma is a motor-vehicle mechanism and nonaccidental trauma an
    injury by another person. Post-traumatic stress names no injury."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PREOPERATIVE DIAGNOSIS: Right tibial plateau fracture.", {"other"}, id="part-kind-fracture"),
        pytest.param("DIAGNOSIS: Left lateral malleolus fracture.", {"other"}, id="malleolus-fracture"),
        pytest.param("Closed displaced fracture of the right distal radius.", {"other"}, id="fracture-of-the-part"),
        pytest.param("She dislocated her left shoulder last year.", {"other"},
                     id="dislocated-part"),
        pytest.param("He had an elbow dislocation as a teenager.", {"other"}, id="part-dislocation"),
        pytest.param("The hip was dislocated and the femoral head resected.", set(), id="surgeon-dislocates"),
        pytest.param("Pathologic fracture of the left distal femur from metastatic breast cancer.", set(),
                     id="pathologic-fracture-of-the-part"),
        pytest.param("Tibial plateau fracture after a fall from a ladder.", {"fall"}, id="fracture-beside-its-mechanism"),
    ],
)
def test_when_a_named_parts_fracture_or_dislocation_is_told_in_more_words_then_it_is_other(checker, text, expected):
    """A fracture or dislocation of a named part (C12, C17) told with its kind between ('tibial plateau fracture') or
    after 'fracture of': `other` when the note names no mechanism; not a pathological fracture nor a surgeon's
    dislocation of a joint."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She helped a neighbour unload a sofa from a truck last weekend, after which she felt it in her "
                     "low back.", {"lifting"}, id="unloaded-after-which-felt"),
        pytest.param("He lifted a crate of books and felt a pull in his lower back.", {"lifting"},
                     id="lifted-and-felt"),
        pytest.param("He shoveled snow for an hour yesterday and then noticed stiffness in his back.", {"lifting"},
                     id="shoveled-and-then-noticed"),
        pytest.param("He lifted weights at the gym for years. He felt well until June.", set(),
                     id="lift-in-another-sentence"),
    ],
)
def test_when_a_load_was_handled_and_the_injury_felt_after_it_then_it_is_lifting(checker, text, expected):
    """Handling a load told as a done act, with the injury felt after it in the same sentence, is a lift."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He strained his back while lifting a tire on Monday. He has a rod in his left leg from a previous "
                     "repair of a tibia fracture.", {"lifting", "other"}, id="previous-fracture-beside-a-new-lift"),
        pytest.param("ASSESSMENT:\n1. Recurrent falls, none recent.\n2. Status post ORIF of the left ankle, now "
                     "healed.", {"fall", "other"}, id="healed-repair-beside-falls"),
        pytest.param("PAST SURGICAL HISTORY: Femur fracture repair after a fall in 2010.\n\n"
                     "SOCIAL HISTORY: He is on disability because of his prior femur fracture.", {"fall"},
                     id="prior-fracture-of-the-named-fall"),
        pytest.param("She fell on the stairs last week and broke her wrist. The wrist fracture was casted.", {"fall"},
                     id="fracture-of-the-fall-not-dated-apart"),
    ],
)
def test_when_a_fracture_is_told_as_an_earlier_event_then_it_stands_beside_the_mechanism(checker, text, expected):
    """A fracture or repair the note dates apart (previous, prior, healed) is an event of its own beside the note's
    mechanism, unless a sentence naming the mechanism names the same part (then it is that event's fracture)."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He slipped on a wet dock and fell in 2001. He went back to his job but had a second work-related "
                     "injury in 2006.", {"fall", "other"}, id="second-work-injury-beside-a-fall"),
        pytest.param("She tripped over a hose and fell last year. She had another work injury this spring.",
                     {"fall", "other"}, id="another-injury"),
        pytest.param("She tripped over a hose and fell last year and had a work injury.", {"fall"}, id="injury-of-the-fall"),
        pytest.param("Prior to presentation he slipped on the ice and twisted his right ankle.", {"fall"},
                     id="prior-to-is-the-same-story"),
    ],
)
def test_when_a_further_injury_is_told_then_it_stands_beside_the_mechanism(checker, text, expected):
    """An injury the note counts as a further one ('a second work-related injury', 'another injury') is an event of
    its own: `other` beside the mechanism the note tells for the first."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PAST SURGICAL HISTORY: Repair of a right femur fracture.\n\n"
                     "HISTORY OF PRESENT ILLNESS: She slipped on ice last week and has low back pain.", {"fall", "other"},
                     id="past-history-fracture-beside-a-new-fall"),
        pytest.param("PAST MEDICAL HISTORY: Right hip fracture from a fall in 2005.\n\n"
                     "HISTORY OF PRESENT ILLNESS: Low back pain for a month.", {"fall"},
                     id="past-history-fracture-with-its-own-fall"),
        pytest.param("HISTORY OF PRESENT ILLNESS: He fell from a ladder and has a wrist fracture and low back pain.",
                     {"fall"}, id="present-illness-fracture-of-the-fall"),
    ],
)
def test_when_a_fracture_is_listed_in_the_past_history_then_it_is_an_event_of_its_own(checker, text, expected):
    """A fracture or repair in the past medical or surgical history stands as `other` beside the note's mechanism
    (a separate, earlier event), unless its own sentence names the mechanism; elsewhere it is the mechanism's own."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CHIEF COMPLAINT: Dog bite to her left forearm.", {"other"}, id="dog-bite"),
        pytest.param("He was bitten by a dog while jogging.", {"other"}, id="bitten-by-a-dog"),
        pytest.param("Possible spider bite on the neck.", set(), id="insect-bite-no-trauma"),
        pytest.param("She struck her head on a cabinet door last night.", {"other"}, id="struck-her-head"),
        pytest.param("He bumped his knee on the dashboard in a car accident.", {"motor_vehicle"},
                     id="blow-beside-its-mechanism"),
        pytest.param("It feels as if someone hit her in the back.", set(), id="simile-no-blow"),
        pytest.param("Last week while mowing the lawn he injured his right foot.", {"other"}, id="injured-his-foot"),
        pytest.param("She hurt her left hand at work in March.", {"other"}, id="hurt-her-hand"),
    ],
)
def test_when_an_animal_bites_or_a_part_takes_a_blow_then_it_is_trauma(checker, text, expected):
    """An animal's bite is a mechanism of its own (`other`); a blow to a named part ('struck her head') or a part
    injured ('injured his right foot') is an injury whose mechanism the note may name elsewhere (`other` only
    when it names none)."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He strained his neck from carrying a heavy ladder.", {"lifting"},
                     id="strain-from-carrying"),
        pytest.param("Her back pain is worse after lifting.", set(), id="aggravated-by-lifting"),
        pytest.param("ASSESSMENT: Left ankle sprain.", {"other"}, id="ankle-sprain"),
        pytest.param("MRI: sprain of the medial collateral ligament.", {"other"}, id="ligament-sprain"),
        pytest.param("DIAGNOSIS: Cervical sprain.", set(), id="spinal-sprain-left-to-current-injury"),
        pytest.param("DIAGNOSIS: Displaced fracture, right ankle.", {"other"}, id="fracture-comma-part"),
        pytest.param("Transferred from the ED with a left lateral condyle fracture.", {"other"}, id="condyle-fracture"),
        pytest.param("At age 6 she was involved in an accident and needed stitches.", {"other"},
                     id="involved-in-an-accident"),
        pytest.param("MRI left wrist: pain and swelling, status post injury.", {"other"}, id="status-post-injury"),
        pytest.param("He sustained an open globe injury as a child.", {"other"}, id="sustained-a-two-word-injury"),
    ],
)
def test_trauma_wording_classes_of_the_corpus_recall_hunt(checker, text, expected):
    """Wording classes found reading unlabelled notes: an injury put down to lifting, a joint's or ligament's
    sprain (C17; a spinal sprain is the current injury, C11), a diagnosis list's 'fracture, left hip', an
    accident or injury with no mechanism."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She was involved in an auto versus a tree accident in June.", {"motor_vehicle"},
                     id="auto-versus-tree"),
        pytest.param("He presented status post a bicycle versus MVA.", {"motor_vehicle"}, id="bicycle-versus-mva"),
        pytest.param("Pedestrian vs. car at low speed, neck pain.", {"motor_vehicle"}, id="pedestrian-vs-car"),
        pytest.param("He was hit behind by a truck at a stop light.", {"motor_vehicle"}, id="hit-behind-by"),
        pytest.param("Differential: lumbar strain versus disc herniation.", set(), id="differential-versus"),
    ],
)
def test_when_a_crash_is_told_as_its_two_parties_then_it_is_a_motor_vehicle_mechanism(checker, text, expected):
    """'auto versus tree', 'pedestrian vs. car': a crash named by its parties (the 'versus' inside the fact does not
    make it a differential)."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Her hemoglobin subsequently fell to 8.1 and she was transfused.", set(), id="hemoglobin-fell"),
        pytest.param("On the naming task her performance fell in the low average range.", set(),
                     id="score-fell-in-average-range"),
        pytest.param("The blood pressure fell somewhat after the sedation.", set(), id="pressure-fell"),
        pytest.param("The central line fell off overnight.", set(), id="line-fell-off"),
        pytest.param("She fell on the ice and hit her back.", {"fall"}, id="patient-fell"),
        pytest.param("A drain was brought out through a separate stab wound.", set(), id="surgical-stab-incision"),
        pytest.param("A #11 blade was used to make two small stab wounds.", set(), id="blade-makes-stab-wounds"),
        pytest.param("PREOPERATIVE DIAGNOSIS: Stab wound, right flank.", {"other"}, id="stab-wound-is-other"),
        pytest.param("She describes the pain as being stabbed with a knife.", set(), id="stabbing-pain"),
        pytest.param("The anvil was then punched out through the gastric wall.", set(), id="surgeon-punches"),
        pytest.param("He was punched in the face at a party.", {"assault"}, id="punched-in-the-face"),
        pytest.param("He was convicted of assault in 2009 and is on probation.", set(), id="convicted-of-assault"),
    ],
)
def test_when_the_word_tells_no_injury_of_the_patient_then_it_is_no_mechanism(checker, text, expected):
    """A measure that fell, a surgeon's stab incision or punch, stabbing pain, the patient as the attacker: no
    traumatic event. A stab wound itself is `other` (C21); a punch to the patient is an assault."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("ASSESSMENT: Torn medial meniscus, right knee, and neck pain.", {"other"}, id="torn-meniscus"),
        pytest.param("She is being seen for a labral tear of the left hip.", {"other"}, id="labral-tear"),
        pytest.param("MRI shows a degenerative rotator cuff tear.", set(), id="degenerative-cuff-tear"),
        pytest.param("MRI: no evidence of a rotator cuff tear.", set(), id="denied-cuff-tear"),
        pytest.param("He fell on his outstretched arm in May. The MRI shows a full thickness rotator cuff tear.",
                     {"fall"}, id="cuff-tear-of-the-fall"),
        pytest.param("PAST MEDICAL HISTORY: Rotator cuff tear in 2010.\n\n"
                     "HISTORY OF PRESENT ILLNESS: She slipped on ice last week and has low back pain.", {"fall", "other"},
                     id="past-history-cuff-tear-beside-a-new-fall"),
        pytest.param("PAST SURGICAL HISTORY: Appendectomy. In 2009, right rotator cuff repair.", {"other"},
                     id="cuff-repair-implies-the-tear"),
        pytest.param("He had a meniscal repair of the left knee as a teenager.", {"other"}, id="meniscal-repair"),
        pytest.param("Remote history of an ACL repair, right knee.", {"other"}, id="acl-repair"),
        pytest.param("Hernia repair in 2004 and a skin graft repair of the forearm.", set(), id="other-repairs-no-tear"),
    ],
)
def test_when_a_cuff_labral_or_meniscal_tear_is_named_then_it_is_other_without_a_mechanism(checker, text, expected):
    """A rotator cuff, labral or meniscal tear is a named tear (C17): `other` in a note that names no mechanism (or in
    the past history), unless the note calls it degenerative; beside a told fall it is the fall's."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("EXTERNAL EXAMINATION: A recent contusion of the right upper arm, 3 cm across.", {"other"},
                     id="contusion-found"),
        pytest.param("DIAGNOSES: 1. Minor contusions, left thigh.", {"other"}, id="contusions-listed"),
        pytest.param("The scalp shows no contusions or lacerations.", set(), id="no-contusions"),
        pytest.param("He was rear-ended on the freeway and has a contusion of the left knee.", {"motor_vehicle"},
                     id="contusion-of-the-crash"),
    ],
)
def test_when_a_contusion_is_found_then_it_is_other_without_a_mechanism(checker, text, expected):
    """A contusion is a bruise a blow made: `other` in a note that names no mechanism, else the mechanism's own."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("DIAGNOSES:\n1. Hypertension.\n2. History of T7 vertebral fracture.", {"other"},
                     id="history-of-vertebral-fracture"),
        pytest.param("She is a 79-year-old woman with an L2 compression fracture treated with a brace.", {"other"},
                     id="compression-fracture-no-mechanism"),
        pytest.param("He fell from a roof and has an L1 burst fracture.", {"fall"}, id="mechanism-named"),
        pytest.param("DIAGNOSES:\n1. Osteoporosis.\n2. Compression fractures.", set(), id="osteoporosis-in-another-item"),
        pytest.param("Pathologic fracture of T10. The T10 compression fracture was treated with kyphoplasty.", set(),
                     id="pathologic-elsewhere-in-note"),
        pytest.param("Films show an L4 compression fracture from renal osteodystrophy and insufficiency.", set(),
                     id="insufficiency-in-sentence"),
        pytest.param("CT shows an L3 transverse process fracture.", {"other"}, id="transverse-process"),
    ],
)
def test_when_a_vertebral_fracture_has_no_mechanism_and_no_disease_then_it_is_other(checker, text, expected):
    """C12: a named spinal fracture is a traumatic event unless the note calls it pathological or non-traumatic."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        pytest.param("Lumbar radiographs (03/2024): healed L2 burst fracture.", set(), id="study-date-beside-fracture"),
        pytest.param("Thoracic spine films (today): no compression fracture.", set(), id="study-date-no-fracture"),
        pytest.param("He fell from a ladder on 03/14/2022 and sustained an L2 burst fracture.", {"03/14/2022"},
                     id="event-date"),
    ],
)
def test_when_a_spinal_fracture_stands_beside_a_date_then_it_does_not_date_the_injury(checker, text, dates):
    """The fracture is `other` trauma (C12) but tells no event: the date beside it is the study's."""
    assert {f.value for f in checker.extract(text) if f.kind == "injury_date"} == dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Working on the loading dock, she fell between the truck and the platform.", {"fall"},
                     id="person-fell-between"),
        pytest.param("He fell under the wheels of a cart at the warehouse.", {"fall"}, id="person-fell-under"),
        pytest.param("His reading scores fell between the 10th and 25th percentile.", set(), id="score-fell-between"),
        pytest.param("The pain began after a workplace injury involving lifting a 60-pound crate.", {"lifting"},
                     id="injury-involving-lifting"),
    ],
)
def test_when_a_person_fell_or_an_injury_involved_lifting_then_the_mechanism_is_named(checker, text, expected):
    """A personal subject makes 'fell between' or 'fell under' the patient's fall, not a value's; an injury 'involving'
    a lift names the lift as its mechanism (and no `other` is left beside it)."""
    assert present_values(checker, text, "trauma") == expected


def test_when_a_history_item_follows_a_denied_one_after_a_stop_then_it_is_not_denied(checker):
    """'No significant illness. h/o rib fractures.': a lower-case start after a whole word's stop is a new sentence,
    so the first item's 'no' does not deny the past fracture (C12)."""
    text = "HPI: He slipped on ice.\n\nPMH: No significant chronic illness. s/p hernia repair. h/o rib fractures."
    assert present_values(checker, text, "trauma") == {"fall", "other"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain since he was hit during a varsity lacrosse game last week.", {"sports"},
                     id="during-a-sport-game-with-modifiers"),
        pytest.param("She twisted her neck in Saturday's soccer match.", {"sports"}, id="in-a-possessive-sport-match"),
        pytest.param("He hurt his back in a semi-pro hockey game.", {"sports"}, id="hyphenated-modifier-before-sport"),
        pytest.param("She strained her neck at practice two days ago.", {"sports"}, id="at-practice"),
        pytest.param("He works at his practice four days a week; neck pain.", set(), id="a-clinicians-practice"),
        pytest.param("Neck pain; remote ankle fracture playing field hockey.", {"sports"}, id="playing-a-modified-sport"),
        pytest.param("Past history: rugby injuries, none to the spine. Low back pain.", {"sports"}, id="sport-injuries"),
    ],
)
def test_when_a_sport_is_the_time_of_the_injury_then_it_is_sports(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Admitted with near-syncope with fall; mid back pain.", {"fall"}, id="with-fall"),
        pytest.param("Thoracic back pain following fall on Tuesday.", {"fall"}, id="following-fall"),
        pytest.param("Low back pain. He is on the ward with fall precautions.", set(), id="with-fall-precautions"),
        pytest.param("She tumbled down a flight of stairs and has neck pain.", {"fall"}, id="tumbled-down"),
        pytest.param("He collapsed to the floor in the kitchen and hurt his back.", {"fall"}, id="collapsed-to-the-floor"),
        pytest.param("Lumbar pain. Her blood pressure fell to 90/60 after the dose.", set(), id="a-measure-fell"),
        pytest.param("Back pain. The hemoglobin fell overnight.", set(), id="a-lab-value-fell"),
    ],
)
def test_when_the_patient_fell_in_other_words_then_it_is_a_fall_and_a_falling_value_is_not(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He was struck in the back with a bat by an unknown assailant.", {"assault"}, id="by-an-assailant"),
        pytest.param("She was mugged last month and has neck pain since.", {"assault"}, id="mugged"),
        pytest.param("He got jumped outside a bar and has low back pain.", {"assault"}, id="got-jumped"),
        pytest.param("He jumped from the truck bed.", set(), id="jumped-is-no-attack"),
    ],
)
def test_when_another_person_attacked_the_patient_then_it_is_assault(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Denies any injury other than lifting a heavy box last week.", {"lifting"},
                     id="denied-except-an-exception"),
        pytest.param("He strained his lower back moving a refrigerator.", {"lifting"}, id="strained-part-then-load"),
        pytest.param("She injured her shoulder carrying laundry; also low back pain.", {"lifting"},
                     id="injured-part-then-carrying"),
    ],
)
def test_when_the_load_follows_the_injured_part_or_a_denial_excepts_it_then_it_is_lifting(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Neck pain. Past history: stitches for a forearm laceration at age 6.", {"other"},
                     id="a-part-laceration"),
        pytest.param("Low back pain. She was admitted after cutting her wrist last year.", {"other"},
                     id="cut-her-wrist"),
        pytest.param("Low back pain. He had a chest injury in the army.", {"other"}, id="a-trunk-injury"),
        pytest.param("Low back pain. The abdominal wound was irrigated and closed.", set(), id="a-surgical-wound"),
        pytest.param("Back pain. On the way out he crumpled to the ground.", {"fall"}, id="crumpled-to-the-ground"),
    ],
)
def test_when_a_cut_or_a_trunk_injury_is_named_then_it_is_other_and_a_collapse_is_a_fall(checker, text, expected):
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. Her husband was in a motor vehicle accident last year.", set(), id="husband-was-in"),
        pytest.param("Low back pain. His older brother was in a motorcycle accident last month.", set(),
                     id="older-brother-was-in"),
        pytest.param("Low back pain. Her husband is present at the bedside. She was rear-ended on Monday.",
                     {"motor_vehicle"}, id="husband-is-present-is-a-companion"),
        pytest.param("Upper back pain. A 40-lb carton fell from the top shelf and struck him across the upper back.",
                     {"other"}, id="object-fell-and-struck-him"),
        pytest.param("Low back pain. She fell and struck her head on the counter.", {"fall"}, id="fell-and-struck-her-head"),
        pytest.param("Low back pain. He nearly fell twice on the stairs.", set(), id="nearly-fell"),
        pytest.param("Hand pain. He punched a wall during an argument.", {"other"}, id="punched-a-wall"),
        pytest.param("Low back pain. He was lifting a 70-pound case of bottled water from a bottom pallet slot when he "
                     "felt a sharp pull.", {"lifting"}, id="long-load-before-felt"),
        pytest.param("Mechanism: Lifting a truck tire from the floor onto the balancer, he felt a sharp pain in the "
                     "low back.", {"lifting"}, id="opening-participle"),
        pytest.param("Mid back pain which began while she and her brother were lifting a sofa up the stairs.",
                     {"lifting"}, id="several-lifters"),
        pytest.param("He tweaked his back yesterday morning picking up his 2-year-old son.", {"lifting"},
                     id="time-between-part-and-load"),
        pytest.param("Neck pain. Related to the industrial lifting event of 06/11/2018.", {"lifting"}, id="lifting-event"),
        pytest.param("Neck pain. PMH: Neck injury playing high school football in 1996.", {"sports"},
                     id="level-of-play-between"),
        pytest.param("Low back pain. Mechanism of injury: checked into the boards from behind.", {"sports"},
                     id="checked-into-the-boards"),
        pytest.param("Low back pain. PMH: Left ACL reconstruction after an injury playing club soccer.", {"sports"},
                     id="tear-with-its-mechanism"),
        pytest.param("Low back pain. History of a T9 compression fracture in 2012 after slipping on ice.", {"fall"},
                     id="after-slipping-on"),
    ],
)
def test_trauma_wording_classes_of_the_second_wording_round(checker, text, expected):
    """Relatives as experiencers and as companions, an object's fall, a near-fall, and the mechanisms told in the
    long dictations of the second wording round (C17: a tear with its mechanism is that event's)."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Foot pain. PMH: fell in 1990 from 15 feet and landed on his feet sustaining crush injury to both "
                     "feet.", {"fall"}, id="crush-from-a-fall"),
        pytest.param("Low back pain after lifting a box. In 2019 his left hand was caught in a conveyor, with a crush "
                     "injury to the ring finger.", {"lifting", "other"}, id="crush-as-an-event-of-its-own"),
        pytest.param("Abdominal pain after an altercation between a dorm resident and a young male at work.", set(),
                     id="altercation-between-others"),
        pytest.param("She is irritable and has verbal altercations with her sister.", set(), id="verbal-altercations"),
        pytest.param("Facial bruises after an altercation at the bar last night.", {"assault"}, id="altercation"),
        pytest.param("Low back pain. She is prone to a fall and this would be a big problem.", set(), id="prone-to-a-fall"),
        pytest.param("Elbow pain. He was fighting with some other kids when he felt pain in the elbow.", {"assault"},
                     id="was-fighting-with"),
        pytest.param("Heel pain. This is perhaps due to sports injury.", set(), id="perhaps-a-sports-injury"),
        pytest.param("Foot pain. XYZ is a basketball player for the university who sustained an injury the day prior.",
                     {"sports"}, id="player-injured"),
        pytest.param("Elbow pain. He suffered a severe injury to his distal humerus after jumping off of a swing.",
                     {"fall"}, id="jumping-off"),
        pytest.param("Low back pain. He has had falling spells several times a month for the past year.", {"fall"},
                     id="falling-spells"),
        pytest.param("OPINION: MANNER OF DEATH: Homicide.", {"assault"}, id="homicide"),
        pytest.param("She lives in assisted living. She has been falling more frequently.", {"fall"},
                     id="has-been-falling"),
        pytest.param("He keeps falling at night.", {"fall"}, id="keeps-falling"),
        pytest.param("He started to fall and someone stepped on his ankle.", {"fall"}, id="started-to-fall"),
        pytest.param("Her blood pressure started to fall after the dose.", set(), id="pressure-started-to-fall"),
        pytest.param("His weight has been falling steadily.", set(), id="weight-has-been-falling"),
        pytest.param("GAIT: She uses a walker and had several near falls when asked to stand.", set(), id="near-falls"),
        pytest.param("He reports a near-fall on the stairs last week.", set(), id="near-fall-hyphenated"),
        pytest.param("This 3-year-old suffered amputation of his left upper extremity.", {"other"},
                     id="suffered-amputation"),
        pytest.param("He underwent amputation of the right second toe for gangrene.", set(), id="surgical-amputation"),
        pytest.param("He told the nurse that a car fell on his chest six years ago.", {"other"}, id="car-fell-on-him"),
        pytest.param("A heavy box fell on her back at work.", {"other"}, id="box-fell-on-her-back"),
        pytest.param("She fell on her back on the ice.", {"fall"}, id="she-fell-on-her-back"),
        pytest.param("DIFFERENTIAL DIAGNOSES: Arteriovenous malformation, stroke, traumatic injury.\n\nIMPRESSION: "
                     "Intracerebral hemorrhage.", set(), id="differential-heading-is-possible"),
        pytest.param("Patients with this condition are sleepy while driving and there is a higher incidence of "
                     "automobile accident.", set(), id="population-incidence"),
        pytest.param("The patient has no significant past medical history with the exception of previous hand "
                     "fracture.", {"other"}, id="denial-with-the-exception-of"),
        pytest.param("The patient lost control of his motorcycle when he was traveling about 40 miles per hour.",
                     {"motor_vehicle"}, id="lost-control-of-the-vehicle"),
        pytest.param("Once he lifted the object out of the back of his car and it started to hurt.", {"lifting"},
                     id="lifted-and-it-started-to-hurt"),
        pytest.param("He lifted weights at the gym and it started to rain.", set(), id="lifted-and-it-started-to-rain"),
        pytest.param("Past history of a gun shot wound in 1984 followed by exploratory laparotomy.", {"other"},
                     id="gun-shot-wound"),
        pytest.param("He has had injuries to the right knee in which he wrecked his bicycle at age 13.", {"other"},
                     id="wrecked-his-bicycle"),
        pytest.param("She had an injury to her right shoulder when she fell off a bike.", {"fall"}, id="fell-off-a-bike"),
        pytest.param("She was thrown from her horse in 2010.", {"fall"}, id="thrown-from-a-horse"),
        pytest.param("PREOPERATIVE DIAGNOSES: Raised intracranial pressure due to severe brain injury.", {"other"},
                     id="severe-brain-injury"),
        pytest.param("He has a severe anoxic brain injury after the cardiac arrest.", set(), id="anoxic-brain-injury"),
        pytest.param('She has also had three spells of "falling"; it is not clear whether these are syncopal.', {"fall"},
                     id="spells-of-falling-in-quotes"),
        pytest.param("MEDICAL HISTORY: Migraine headaches and a history of concussion.\n\nHPI: He was in a car wreck "
                     "last week.", {"motor_vehicle", "other"}, id="past-concussion-beside-a-crash"),
        pytest.param("He had a concussion in the car accident last week.", {"motor_vehicle"}, id="concussion-of-the-crash"),
        pytest.param("HISTORY OF OCCUPATIONAL INJURY OR ILLNESS: He has had a trigger finger for a year.", set(),
                     id="occupational-injury-or-illness-heading"),
        pytest.param("WITNESSES: Detectives of the Robbery Homicide Division were present during the autopsy.", set(),
                     id="homicide-division"),
        pytest.param("PHYSICAL ABUSE: Mother and ABCD deny any history of physical or sexual abuse.", set(),
                     id="abuse-heading-answered-no"),
        pytest.param("He was brought back to the ED today when he suffered fall yesterday and started bleeding.", {"fall"},
                     id="suffered-fall"),
        pytest.param("LEGAL HISTORY: He had an assault in December 2009, which led to his previous detention.", set(),
                     id="assault-he-committed"),
        pytest.param("Low back pain.\n\nSIBLINGS: Ben died in 1984 at the age of 26 in an automobile accident.", set(),
                     id="siblings-heading-is-family"),
    ],
)
def test_trauma_classes_of_the_fifth_and_sixth_fresh_sets(checker, text, expected):
    """C12: a crush is its mechanism's injury, `other` as an event of its own; an altercation between others or in
    words only is no assault of the patient; a fall one is prone to is a risk; a fight the patient was in is (C21)."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("On testing, her overall performance fell in the borderline range.", set(),
                     id="test-performance-fell-in-a-range"),
        pytest.param("PMH: Several head injuries in the past (?falls).", {"other"}, id="query-marked-fall"),
        pytest.param("CT CHEST: Old changes suggesting prior trauma to the left clavicle.", set(),
                     id="suggesting-prior-trauma"),
        pytest.param("On opening the pleura there was an explosion of foul gas and pus from the cavity.", set(),
                     id="explosion-of-pus-at-surgery"),
        pytest.param("He was burned over both arms in a propane explosion at work.", {"other"}, id="explosion-he-was-in"),
        pytest.param("She has a long history of self-mutilation, last in her teens.", {"other"}, id="self-harm"),
        pytest.param("He denies any self-harm or thoughts of it.", set(), id="self-harm-denied"),
        pytest.param("Her husband threw her down the stairs two years ago.", {"assault", "fall"},
                     id="relative-as-the-agent-of-a-fall"),
        pytest.param("Her husband fell down the stairs last year.", set(), id="relative-who-fell"),
        pytest.param("He was pushed to the ground outside a bar.", {"assault", "fall"}, id="pushed-to-the-ground"),
        pytest.param("A friend took the razor away to keep her from cutting herself.", set(), id="kept-from-self-harm"),
        pytest.param("The neighbour's dog knocked her to the ground.", {"fall"}, id="knocked-down-by-a-dog"),
        pytest.param("PREOPERATIVE DIAGNOSIS: Recurrent syncope with injury.", {"other"}, id="syncope-with-injury"),
        pytest.param("He was doing a heavy bench press at the gym when he felt a pop in his chest.",
                     {"lifting", "sports"}, id="bench-press-injury"),
        pytest.param("He enjoys weight lifting and hiking on weekends.", set(), id="weight-lifting-as-a-hobby"),
        pytest.param("She was not wearing her seat belt and struck her head on the door.", {"other"},
                     id="not-wearing-denies-only-the-gear"),
    ],
)
def test_trauma_classes_of_the_sixteenth_fresh_set(checker, text, expected):
    """A test score that fell is no fall; a query mark or 'suggesting' hedges; a surgeon's burst of pus is no
    explosion; self-harm is `other`; a relative who threw the patient down is the agent; weight training that tore
    something is a lift in a sport; gear the patient was not wearing denies only the gear."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("FINDINGS: Cuts of the right palm and fingers (defense wounds).", {"assault"}, id="defense-wounds"),
        pytest.param("She dropped a heavy glass jar and had a piece of glass fall on to her left foot.", {"other"},
                     id="object-fell-on-to-the-foot"),
        pytest.param("Her kneecap has been unstable for years with multiple dislocations.", {"other"},
                     id="multiple-dislocations"),
    ],
)
def test_trauma_classes_of_the_seventeenth_fresh_set(checker, text, expected):
    """A wound the note calls a defence wound tells an attack (C21); an object that fell on the patient is no fall
    of the patient's; dislocations told as events of the history are traumatic events (C17)."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Mechanism of injury: Lifting a 60-lb bag of concrete mix from a truck bed.", {"lifting"},
                     id="mechanism-field"),
        pytest.param("MOI: lifting a patient from bed to chair.", {"lifting"}, id="moi-field"),
        pytest.param("Three weeks ago he felt a pull in his low back lifting a case of water out of his trunk.", {"lifting"},
                     id="felt-a-pull-lifting"),
        pytest.param("She felt a pop in her back while carrying laundry.", {"lifting"}, id="felt-a-pop-while-carrying"),
        pytest.param("Low back pain, worse with lifting and carrying.", set(), id="aggravating-activity"),
    ],
)
def test_when_a_load_is_told_in_a_mechanism_field_or_with_the_injury_felt_then_lifting(checker, text, expected):
    """A template's mechanism field that opens with the load, or the injury felt in the back while handling it, is a
    lifting event; an activity that only aggravates the pain is none."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("He had a boating accident last summer and has had neck pain since.", {"other"},
                     id="boating-accident"),
        pytest.param("She was struck by a boat propeller while swimming and injured her back.", {"other"},
                     id="struck-by-a-propeller"),
        pytest.param("He was thrown from a jet ski and has had low back pain since.", {"other"}, id="thrown-from-a-jet-ski"),
        pytest.param("He was rear-ended by a truck and has had neck pain since.", {"motor_vehicle"},
                     id="a-land-vehicle-stays-a-motor-vehicle"),
    ],
)
def test_when_a_watercraft_injures_then_it_is_other_not_a_motor_vehicle(checker, text, expected):
    """A watercraft is no motor vehicle (C42): ICD-10-CM files its accidents (V90-V94) apart from land transport."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. Functional limitations: difficulty with bending and lifting at work.", set(),
                     id="a-task-a-limitation-names"),
        pytest.param("He hurt his back lifting at work.", {"lifting"}, id="injured-lifting-at-work"),
        pytest.param("Mechanism of injury: lifting at work.", {"lifting"}, id="mechanism-field"),
    ],
)
def test_when_lifting_at_work_names_a_task_then_it_is_no_mechanism(checker, text, expected):
    """'lifting at work' is the task a limitation names; a lifting injury at work is told with its injury word (C44)."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Low back pain. He reports a mild fall in the parking lot last week.", {"fall"}, id="mild-fall"),
        pytest.param("She had a nasty fall on the ice in January.", {"fall"}, id="nasty-fall"),
        pytest.param("After angioplasty there was a slight fall in the mixed venous saturation.", set(),
                     id="a-measure-falls"),
    ],
)
def test_when_a_fall_is_told_with_its_severity_then_it_is_a_fall(checker, text, expected):
    """A fall named with its severity ('a mild fall') is the event; a measure's 'slight fall in' is not."""
    assert present_values(checker, text, "trauma") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Ruptured left Achilles tendon playing tennis in 2016, repaired.", {"sports"},
                     id="part-between-injury-and-sport"),
        pytest.param("Healed T7 compression fracture from a snowboarding crash in 2005.", {"sports"},
                     id="sport-names-its-crash"),
        pytest.param("He was wakeboarding on a lake and was struck by the propeller of the tow boat.", {"sports", "other"},
                     id="sport-under-way"),
        pytest.param("He hurt his back in 2019 and now enjoys playing tennis.", {"other"}, id="a-hobby-after-the-injury"),
    ],
)
def test_when_a_sport_is_told_around_the_injury_then_it_is_sports(checker, text, expected):
    """An injury told with the sport it came in, with the injured part or the sport's course between (C39's
    reading: the setting and the mechanism are both told); a sport named after 'now enjoys' is a hobby."""
    assert present_values(checker, text, "trauma") == expected
