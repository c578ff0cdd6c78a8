"""Strict, frozen schemas of the files in patterns/. A typo fails at load, naming file and rule."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

RegionValue = Literal[
    "occipito_atlanto_axial",
    "cervical",
    "cervicothoracic",
    "thoracic",
    "thoracolumbar",
    "lumbar",
    "lumbosacral",
    "sacral",
]
FactKind = Literal[
    "region",
    "trauma",
    "acuity",
    "current_injury",
    "phase_of_care",
    "imaging",
    "underlying_disease",
    "causal_link",
    "treatment",
    "treatment_failure",
    "functional_impact",
    "neuro_deficit",
    "diagnosis",
    "exclusion",
    "injury_date",
    "complaint",
]
CLOSED_VALUES: dict[str, tuple[str, ...]] = {
    "region": RegionValue.__args__,  # type: ignore[attr-defined]
    "trauma": ("fall", "motor_vehicle", "sports", "lifting", "assault", "other"),
    "acuity": ("acute", "subacute", "chronic"),
    "imaging": ("mri", "ct", "xray", "bone_scan", "other"),
    "treatment": (
        "physical_therapy",
        "medication",
        "injection",
        "chiropractic",
        "bracing",
        "activity_modification",
        "home_exercise",
        "modalities",
    ),
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ToldApart(Strict):
    """How a fallback fact is told as an event of its own (FactRule.separate_with_words)."""

    words: list[str] = Field(description="Words of its sentence that date it apart: previous, prior, healed.")
    heads: list[str] = Field(
        default_factory=list,
        description="Words of the fact itself that name no body part (fracture, injury, left): a fact whose other "
        "words stand in a sentence with the named mechanism is that event's injury ('a fall ... the femoral neck "
        "fracture', then 'his prior femoral fracture').",
    )


class PresentedRecent(Strict):
    """What presents a fact as recent (FactRule.current_only_when); without any of it the fact is historical."""

    sentence_words: list[str] = Field(
        default_factory=list, description="Words of its sentence that call it recent: acute, new, recent, fresh."
    )
    note_words: list[str] = Field(
        default_factory=list,
        description="Words anywhere in its note that manage it as acute: vertebroplasty, kyphoplasty, brace.",
    )
    note_facts: list[str] = Field(
        default_factory=list,
        description="'kind=value' pairs of present, not historical facts that tie it to a recent event: "
        "trauma=fall, trauma=motor_vehicle.",
    )


class FactRule(Strict):
    """One extraction rule: literal phrases and/or spaCy token patterns giving one normalized value."""

    id: str = Field(description="Stable id, '<kind>.<name>'.")
    value: str = Field(description="Normalized value written on the fact (CONTRACT.md vocabulary).")
    phrases: list[str] = Field(default_factory=list, description="Matched case-insensitively.")
    exact: list[str] = Field(default_factory=list, description="Matched case-sensitively (acronyms).")
    patterns: list[list[dict[str, Any]]] = Field(
        default_factory=list, description="spaCy Matcher token patterns."
    )
    adjectives: list[str] = Field(
        default_factory=list,
        description="Words that count only when a head word of the file follows within two tokens.",
    )
    heads: list[str] | None = Field(
        default=None, description="Overrides the file's heads for this rule's adjectives."
    )
    not_after: list[str] = Field(
        default_factory=list,
        description="Words that may not stand right before a match of this rule: the organ or function an unqualified "
        "word belongs to ('hemodynamic instability', 'gait instability' are no spinal instability).",
    )
    needs_sentence_with: list[FactKind] | None = Field(
        default=None, description="Overrides the file's needs_sentence_with for this rule."
    )
    needs_note_with: list[FactKind] | None = Field(
        default=None,
        description="Overrides the file's needs_note_with for this rule; [] keeps its facts in any note (a "
        "radiculopathy is a spinal condition itself, whether or not the note names a region).",
    )
    unless_sentence_with_words: list[str] = Field(
        default_factory=list,
        description="Drop this rule's fact when its sentence holds one of these words (a collar put on by the "
        "ambulance crew with a backboard is transport, not bracing).",
    )
    unless_referred_with: list[str] = Field(
        default_factory=list,
        description="Words that open a sentence referring back ('This', 'It'): in such a sentence "
        "unless_sentence_with_words is read in the sentence before too ('There is a scar behind the ear. This was "
        "well healed.').",
    )
    only_sentence_with_words: list[str] = Field(
        default_factory=list,
        description="Keep this rule's fact only when its sentence holds one of these words: antibiotics treat the "
        "spine only in a sentence that names the spinal infection ('lumbar discitis treated with antibiotics').",
    )
    unless_note_with_words: list[str] = Field(
        default_factory=list,
        description="Drop this rule's fact when its note holds one of these words anywhere: a compression fracture "
        "the note calls osteoporotic in another list item is no injury with no mechanism given (C12).",
    )
    only_note_with_words: list[str] = Field(
        default_factory=list,
        description="Keep this rule's fact only when its note holds one of these words anywhere: a radiograph beside "
        "a needle is the fluoroscopy of a percutaneous procedure only in a note that names fluoroscopy (C13).",
    )
    unless_given_for: list[str] = Field(
        default_factory=list,
        description="Drop this rule's fact when the first 'for' after it in its sentence, a few tokens on, names one "
        "of these problems in its next words and no spinal site of the file's other_sites ('Mobic daily for "
        "arthritis', 'morphine and Lopressor with good results for chest pain'): a drug given for another "
        "problem (C7).",
    )
    needs_stated_in_note: list[FactKind] | None = Field(
        default=None, description="Overrides the file's needs_stated_in_note for this rule."
    )
    overrides: list[str] = Field(
        default_factory=list,
        description="Rule ids of its kind whose facts inside this rule's match are dropped: 'a carton fell from the "
        "shelf and struck him' is an object's fall (trauma.struck_by_object), no fall of the patient's.",
    )
    fallback: bool = Field(
        default=False,
        description="Keep this rule's fact only in a note with no present fact of its kind from another rule: a "
        "told-back 'since the accident' names the event a mechanism rule found elsewhere in the note.",
    )
    separate_in_sections: list[str] = Field(
        default_factory=list,
        description="With fallback: a fact of this rule in one of these sections ('*': any) stands beside another rule's "
        "present fact of its kind unless its own sentence holds one: a past surgical history's 'repair of a femur "
        "fracture' is an event of its own in a note about a recent fall.",
    )
    separate_with_words: ToldApart | None = Field(
        default=None,
        description="With fallback: a fact of this rule told as an earlier event of its own ('a previous surgery to "
        "repair a pelvic fracture' in a note about a recent lift) stands beside another rule's present fact of its "
        "kind, as in separate_in_sections.",
    )
    current_only_when: PresentedRecent | None = Field(
        default=None,
        description="A fact of this rule is current only when its sentence, its note's words or its note's facts "
        "present it as recent; otherwise it is historical: a fracture of unstated age named in the history or as a "
        "standing diagnosis is no current injury (C30).",
    )
    asserts: Literal["negated"] | None = Field(
        default=None,
        description="The wording itself states absence ('neurologically intact'): the fact is negated.",
    )
    note: str | None = None
    source: str | None = None


class PeripheralCause(Strict):
    """Deficits that the note's diagnosis puts in a peripheral nerve (FactFile.peripheral_cause, clarification C3)."""

    phrases: list[str] = Field(
        description="Peripheral nerve lesions, matched as lower-case word sequences: 'carpal tunnel', 'ulnar neuropathy'."
    )
    sections: list[str] = Field(description="Sections that state the note's diagnosis: impression, assessment.")
    values: list[str] = Field(description="The deficit values the lesion takes over: numbness, weakness, sensory loss.")
    spinal_values: list[str] = Field(
        description="Values whose present fact in the note keeps every deficit (a radiculopathy beside the lesion)."
    )
    dates: list[FactKind] = Field(
        default_factory=list,
        description="Kinds whose stated-duration facts (no rule file writes them) go with a left-out deficit in its "
        "sentence when the sentence names no spinal complaint or region: acuity.",
    )


class NegativeStudy(Strict):
    """A report's negative conclusion about a value outweighs its other mentions of it (FactFile.negative_study)."""

    concluded_in: list[str] = Field(description="Sections whose negated fact concludes the report: impression.")
    reported_in: list[str | None] = Field(
        description="Sections whose present facts of the same value are then dropped; null = before any header "
        "(a report's 'EXAM: CT cervical spine')."
    )
    negative_openers: list[str] = Field(
        default_factory=list,
        description="Words that open a negative conclusion ('Negative.', 'No acute abnormalities.'): a conclusion "
        "whose every sentence opens with one concludes a negative study however it names the value, and the "
        "study's present facts of this kind in reported_in sections, from the end of the previous conclusion to "
        "the end of this one, are dropped.",
    )


class NormalSentence(Strict):
    """A sentence that opens by calling what it names normal (FactFile.normal_sentence)."""

    openers: list[str] = Field(description="Words that open such a sentence: normal, unremarkable.")
    verbs: list[str] = Field(
        default_factory=list,
        description="Verbs of a study's result right after the fact ('X-rays of the C spine show no fracture'): "
        "followed by one of `results`, the sentence is a negative study of what the fact names.",
    )
    results: list[str] = Field(default_factory=list, description="Words that make such a result negative: no, normal.")
    closers: list[str] = Field(
        default_factory=list,
        description="Last words of a clause that calls what it names normal with no verb ('Sacrum and pelvis "
        "intact.', 'Visualized sacroiliac joints normal.'), unless a word of `not_closed_after` stands before.",
    )
    not_closed_after: list[str] = Field(
        default_factory=list,
        description="Words that, right before a closer, make it speak of the rest, not of what the clause names: "
        "'decreased in the C6 distribution; otherwise intact'.",
    )
    heading_answers: list[str] = Field(
        default_factory=list,
        description="First words of a negative answer to a heading that names the fact ('CT cervical spine: No "
        "fracture.', 'C-spine AROM: WNL'): the heading is a negative study or exam of it.",
    )
    contrasts: list[str] = Field(
        default_factory=list,
        description="Words that turn the sentence to a finding ('Normal alignment but mild narrowing at C5-6') or "
        "make the opener no finding ('Normal saline'): the facts stay.",
    )


class SeenOn(Strict):
    """A study named after the finding seen on it (FactFile.seen_on): 'a mass on ultrasound'."""

    words: list[str] = Field(description="Words right before the study that tell a finding seen on it: on.")
    fillers: list[str] = Field(
        default_factory=list,
        description="Words allowed between that word and the study, at most two: the, her, recent, prior.",
    )
    not_after: list[str] = Field(
        default_factory=list,
        description="Words that, right before that word, tell a plan or a use of the study, not a finding: "
        "'we will plan on x-rays', 'up-to-date on her mammogram'.",
    )
    not_before: list[str] = Field(
        default_factory=list,
        description="Words that, right after the study, make it the study's equipment or place, not the study: "
        "'placed prone on the fluoroscopy table', 'brought up on the ultrasound screen'.",
    )


class OtherSites(Strict):
    """A fact aimed at a body site other than the spine (FactFile.other_sites)."""

    words: list[str] = Field(description="Body sites not of the spine: elbow, knee, wrist, epicondyle.")
    spinal: list[str] = Field(description="Spinal sites that keep the fact when one stands there too: back, neck.")
    window: int = Field(ge=1, description="How many tokens before and after the fact, within its sentence, are read.")
    across_items: bool = Field(
        default=False,
        description="Read the window across list items too: a limitation's cause stands in its own clause ('groin "
        "pain, which limits his daily activities'), where a treatment's site stands in the treatment's own item.",
    )
    targets: list[str] = Field(
        default_factory=list,
        description="Body sites that name the fact's aim only as its modifier or the place it is put: in the span or "
        "right before it ('leg brace', 'doing leg exercises'), or after it behind 'in', 'on' or 'to' within "
        "target_window tokens ('a brace placed in the left leg'). Elsewhere they tell where a symptom spreads ('pain "
        "down his leg during the injection'), so the window of `words` does not read them.",
    )
    target_window: int = Field(default=6, ge=1, description="How many tokens after the fact a target's phrase is read.")
    inside: bool = Field(
        default=False,
        description="Read the span's own words too: a limitation's words between its cue and its activity ('difficulty "
        "with toe walking', an exam test), where a treatment's own words name what it exercises ('a hip bridge "
        "routine at home').",
    )
    whole_sentences_for: list[str] = Field(
        default_factory=list,
        description="Values whose whole sentence and the sentence before are read too, beyond the window: a therapy "
        "told after the site it treats ('a long course of treatment for this shoulder. She tried physical therapy') "
        "treats that site when neither sentence names a spinal one. Not for drugs, whose indication a neighbouring "
        "limb rarely gives ('leg pain improved with the Medrol Dosepak').",
    )
    whole_sentence_words: list[str] = Field(
        default_factory=list,
        description="The sites read in the whole sentences (`whole_sentences_for`): joints and limbs treated in their "
        "own right, not the buttock or hip where back pain spreads ('the pain is referring to the buttock. She had "
        "physical therapy').",
    )
    whole_sentence_not_after: list[str] = Field(
        default_factory=list,
        description="Words that, up to three tokens before a site of `whole_sentence_words`, make it where a symptom "
        "spreads or an idiom, not a treated site: 'never below the knee', 'stay on her feet'.",
    )


class FactFile(Strict):
    """patterns/facts/<kind>.yaml."""

    schema_version: Literal[1]
    kind: FactKind
    note: str | None = None
    source: str | None = None
    heads: list[str] = Field(default_factory=list, description="Head words for `adjectives` rules.")
    not_between: list[str] = Field(
        default_factory=list,
        description="Words that may not stand between an adjective and its head: another organ's word "
        "('acute kidney injury').",
    )
    not_after_head: list[str] = Field(
        default_factory=list,
        description="Words that may not follow an adjective's head: the head then names a drug or a service for "
        "the condition, not the condition ('chronic pain medications', 'chronic pain clinic').",
    )
    cue_words: list[str] = Field(
        default_factory=list, description="A shared word list the rules' token patterns use by YAML anchor."
    )
    historical_in_note_with: list[str] = Field(
        default_factory=list,
        description="'kind=value' pairs: a fact of this kind is historical anywhere in a note that states one of "
        "them (a note that says the fracture healed speaks of the old fracture).",
    )
    historical_with: list[FactKind] = Field(
        default_factory=list,
        description="A fact of this kind is historical when its sentence holds a present fact of these kinds "
        "(a fracture in a sentence that says it healed).",
    )
    needs_sentence_with: list[FactKind] = Field(
        default_factory=list,
        description="Keep a fact of this kind only when its sentence holds a fact of one of these kinds.",
    )
    needs_sentence_with_words: list[str] = Field(
        default_factory=list,
        description="needs_sentence_with also holds in a sentence with one of these words: 'metastatic breast "
        "cancer to her rib cage and spine' names no region but places the disease in the spine.",
    )
    continued_by: list[str] = Field(
        default_factory=list,
        description="needs_sentence_with also holds when the next sentence opens with one of these referring "
        "subjects and holds a needed fact or word: 'History of schwannoma resection. It was resected from T12 to "
        "L1.' places the tumour in the spine.",
    )
    needs_note_with: list[FactKind] = Field(
        default_factory=list,
        description="Keep facts of this kind only in a note that holds a fact of one of these kinds anywhere.",
    )
    needs_stated_in_note: list[FactKind] = Field(
        default_factory=list,
        description="Keep facts of this kind only in a note that states a fact of one of these kinds: one not "
        "negated and not a relative's (past, possible and hypothetical ones count). Read after ConText, unlike "
        "needs_note_with: a pain drug counts only where the note records a spinal/back complaint (C7). Facts of the "
        "kind that no rule file writes (a stated duration's acuity) are held to it too.",
    )
    peripheral_cause: PeripheralCause | None = Field(
        default=None,
        description="A note whose diagnosis is a peripheral nerve lesion, with no present spinal-type deficit, puts its "
        "limb deficits there: 'CLINICAL IMPRESSION: Left carpal tunnel syndrome' (C3).",
    )
    negative_study: NegativeStudy | None = Field(
        default=None,
        description="A value that a report's conclusion negates ('IMPRESSION: Negative cervical spine.') is not "
        "stated by the report's title or findings either (clarification C6).",
    )
    normal_sentence: NormalSentence | None = Field(
        default=None,
        description="A sentence that opens by calling what it names normal ('Normal clivus and craniovertebral "
        "junction.') states no fact of this kind (clarification C6).",
    )
    max_items_apart: int | None = Field(
        default=None,
        description="needs_sentence_with holds only for a fact at most this many list separators (',' ';') "
        "away: a long list 'sentence' of past surgeries ties nothing together.",
    )
    contrast_words: list[str] = Field(
        default_factory=list,
        description="With max_items_apart, words that cut needs_sentence_with's tie however few items apart: a "
        "contrasting clause is about something else ('symptoms related to the tumor, but the cervical stiffness "
        "from the fall').",
    )
    other_sites: OtherSites | None = Field(
        default=None,
        description="Drop a fact with another body site beside it and no spinal site: a 'tennis elbow brace' or an "
        "'injection into the medial epicondyle' treats the elbow, not the spine (clarification C16).",
    )
    result_cues: list[str] = Field(
        default_factory=list,
        description="(imaging) words that make a mention a reported result; a mention without one and "
        "outside a result section is dropped.",
    )
    plan_cues: list[str] = Field(
        default_factory=list,
        description="(imaging) the result cues that tell a plan ('ordered', 'pending'): the mention stands and ConText "
        "marks it a plan; in a next sentence ('She had an MRI. The results are pending.') they report no result.",
    )
    result_sections: list[str] = Field(default_factory=list)
    result_openers: list[str] = Field(
        default_factory=list,
        description="(imaging) a next sentence that opens with one of these words ('This revealed ...', 'The "
        "study showed ...') reports the mention's result.",
    )
    result_with_kinds: list[FactKind] = Field(
        default_factory=list, description="(imaging) a fact of these kinds in the sentence also shows a result."
    )
    title_headers: list[str] = Field(
        default_factory=list,
        description="(imaging) headers whose first sentence titles a report ('EXAM: Ultrasound carotid, bilateral.'): "
        "a mention there is the study whose findings follow, kept when the note has a result section.",
    )
    seen_on: SeenOn | None = Field(
        default=None,
        description="(imaging) a study named after what was seen on it ('a left adnexal mass on ultrasound', 'The "
        "patient on ultrasound had a 0.9 cm cyst') reports a result, though its sentence holds no result word.",
    )
    title_first_line: bool = Field(
        default=False,
        description="(imaging) the note's first line, written in capitals with no colon ('TESTICULAR ULTRASOUND'), is a "
        "title too, like a title header's line.",
    )
    title_not_before: list[str] = Field(
        default_factory=list,
        description="(imaging) words that, right after a title's mention (a hyphen between allowed), make it guidance, "
        "not a study: 'EXAM: CT-guided biopsy' (clarification C9).",
    )
    heading_other_words: list[str] = Field(
        default_factory=list,
        description="(imaging) a fact inside a heading in capitals ('TEST & X-RAY RESULTS:') names a kind of "
        "material, not a study: it is dropped when the heading holds one of these words or another value of the "
        "kind ('OUTSIDE FILMS - MRI - BONE SCAN:'), or when the text after it opens with another value and not its "
        "own ('REVIEW OF X-RAYS: The CT scan of the brain ...'); the studies reported under it give their own facts.",
    )
    rules: list[FactRule]


class LevelSpan(Strict):
    start: str = Field(description="First vertebra, e.g. C3.")
    end: str = Field(description="Last vertebra, e.g. C7.")
    region: RegionValue


class JunctionRegion(Strict):
    upper: str
    lower: str
    region: RegionValue


class LevelGrammar(Strict):
    """patterns/facts/levels.yaml: the vertebral level grammar's tables."""

    schema_version: Literal[1]
    note: str | None = None
    source: str | None = None
    vertebrae: dict[Literal["C", "T", "L", "S"], int] = Field(description="Vertebrae per column.")
    root_aliases: dict[str, str] = Field(
        default_factory=dict,
        description="Roots with no vertebra of their own, read as the vertebra above their exit ('C8' as 'C7').",
    )
    vertebra_regions: list[LevelSpan]
    junctions: list[JunctionRegion] = Field(
        description="Motion segments whose region differs from their vertebrae's."
    )
    range_words: list[str]
    list_words: list[str] = Field(
        default_factory=list,
        description="Words joining the vertebrae of a list ('L4, L5 and S1', 'L5 over S1'); a list of consecutive "
        "vertebrae reads as the range between its ends. A comma may stand before any of them.",
    )
    not_followed_by: list[str] = Field(
        description="Words after a level that show it is not a vertebra (T2-weighted, C3 complement)."
    )
    heart_sound_words: list[str] = Field(
        description="Words near S1-S4 that show heart sounds, not sacral levels."
    )
    weighting_levels: list[str] = Field(
        default_factory=list, description="Single levels that also name an MRI weighting (T1, T2)."
    )
    weighting_leads: list[str] = Field(
        default_factory=list,
        description="Signal words right before one of weighting_levels that show the weighting, not a vertebra "
        "('decreased T1 and increased T2 signal', 'hyperintense on T2').",
    )
    analyte_levels: list[str] = Field(
        default_factory=list, description="Single levels that also name a laboratory analyte (T3, T4: thyroid hormones)."
    )
    analyte_words: list[str] = Field(
        default_factory=list, description="Words near one of analyte_levels that show the analyte, not a vertebra."
    )
    sensory_leads: list[str] = Field(
        default_factory=list,
        description="Words right before a level that give a sensory level ('below T4') when the sentence "
        "has a sensory word (annotation clarification C5).",
    )
    sensory_words: list[str] = Field(default_factory=list, description="Words of a sensory examination.")
    dermatome_words: list[str] = Field(
        default_factory=list,
        description="Words right after a level that name its dermatome ('L5 dermatome', 'C6 distribution'): the "
        "extent of a sensory finding or a pain, normal or not, which locates nothing (clarifications C5, C6).",
    )
    map_words: list[str] = Field(
        default_factory=list,
        description="Words right before a level (or a range or list of levels) that name the examination's map of "
        "dermatomes or myotomes ('dermatomes C5-T1 intact', 'Myotomes L2-S1 5/5'): locates nothing (C5, C6).",
    )
    map_fillers: list[str] = Field(
        default_factory=list,
        description="Words that may stand between a map word and its levels: the exam's state and modality "
        "('dermatomes intact C5-T1', 'sensation intact to light touch L2-S1').",
    )
    grade_marks: list[str] = Field(
        default_factory=list,
        description="Marks right after a level's number that make it a graded finding of a side, not a level "
        "('reflexes R 1+, L 2+').",
    )
    sensory_range_leads: list[str] = Field(
        default_factory=list,
        description="Words right before a range told in words ('from L4 to S1') that give a sensory finding's extent "
        "when the sentence has a sensory word (clarification C5).",
    )
    sensory_level_words: list[str] = Field(
        default_factory=list,
        description="Words naming a sensory level ('sensory level'): a level after them in the sentence, with no "
        "part or condition of the spine between, is that level (clarification C5).",
    )
    level_hedges: list[str] = Field(
        default_factory=list,
        description="Words of approximation allowed between a lead and its level ('below approximately T6').",
    )
    extent_leads: list[str] = Field(
        default_factory=list,
        description="Words that, with a hedge before the level ('below approximately T6'), give an extent, not a "
        "place, whatever the sentence's other words (clarification C5).",
    )
    negative_clause_openers: list[str] = Field(
        default_factory=list,
        description="Words that open a clause after a level and a colon or comma and find nothing there ('L1-2: "
        "There is no ...', 'At the L1-2 level, there is normal ...'): a negative study of the level (clarification C6).",
    )
    negative_clause_contrasts: list[str] = Field(
        default_factory=list,
        description="Words that turn such a clause to a finding ('no stenosis, but a small protrusion'): the level "
        "keeps its region.",
    )
    reflex_words: list[str] = Field(
        default_factory=list, description="Words that name reflexes, in the sentence before a graded level."
    )
    reflex_grades: list[str] = Field(
        default_factory=list,
        description="Regular expressions of a normal reflex grade right after a level ('S1 +2/2', 'C5 2+'): the "
        "level names a reflex examined, not where a condition is (clarifications C6, C20).",
    )
    landmark_words: list[str] = Field(
        default_factory=list,
        description="Words of a non-spinal structure shortly before a level in its sentence: the level is a "
        "landmark ('a vertebral artery narrowed from C2 upward', clarification C6).",
    )
    edge_parts: list[str] = Field(
        default_factory=list,
        description="Bony parts of a vertebra (lamina, spinous process) that an operation on the segment or range next "
        "to it reaches: 'the C2 lamina' beside a C3-C7 laminectomy takes the region of C2-3, not C2's own (C18).",
    )
    coverage_nouns: list[str] = Field(
        default_factory=list,
        description="With coverage_verbs: 'Axial scans were performed from L1 to S2': the levels a study covers are "
        "where it was taken, a landmark (clarification C6), not where a condition is.",
    )
    coverage_verbs: list[str] = Field(
        default_factory=list,
        description="Verbs of taking a study; a level within a few words after '<noun> ... <verb> from' is its coverage.",
    )
    coverage_run_nouns: list[str] = Field(
        default_factory=list,
        description="Nouns of a study's images right before a range of levels with no 'from' ('axial T2-weighted "
        "images T8 through L2'): the range is the images' coverage (C6).",
    )
    skin_words: list[str] = Field(
        default_factory=list,
        description="Words of a skin finding shortly before a level in its sentence ('a healed midline scar from T12 to "
        "L1'): the level places the finding on the skin over the spine, a landmark (clarification C6), unless the "
        "sentence names an operation's work at the level ('a healed incision from his L1-2 fusion').",
    )
    vertebra_words: list[str] = Field(
        default_factory=list,
        description="Words that place a condition in the vertebrae themselves ('pathologic fractures T12-L2', "
        "'cord lesion from C7 to T2'): a range in their sentence gives every vertebra's region, not only its "
        "motion segments.",
    )
    junction_adjective_heads: list[str] = Field(
        default_factory=list,
        description="Heads of an operation or disc condition named with a region adjective ('lumbar discectomy'): "
        "in a sentence whose levels are all junction segments holding that region ('lumbar discectomy, L5-S1'), "
        "the adjective names the segment and adds no region of its own (annotation clarification C18).",
    )
    body_words: list[str] = Field(
        default_factory=list,
        description="Words that place a condition in the vertebrae as vertebra_words do, but only in a sentence "
        "with no disc_words: 'disc material behind the body of S1 and L5' is at the disc between them (C18).",
    )
    disc_words: list[str] = Field(default_factory=list, description="Words naming a disc or its space.")
    segment_parts: list[str] = Field(
        default_factory=list,
        description="Parts of a motion segment named with a vertebra ('S1 nerve root', 'the L5 lamina', 'lamina "
        "at L5 and S1'): in a note that names a segment holding that vertebra, the vertebra is the segment's "
        "(annotation clarification C18).",
    )
    segment_work_words: list[str] = Field(
        default_factory=list,
        description="Words of the work of an operation (screws, plate, fixation, fusion): a single vertebra in "
        "their sentence, in a note that names a segment holding it, is that segment's ('screws in the body of C7 "
        "and T1' of a C7-T1 fusion; annotation clarification C18).",
    )
    landmark_procedures: list[str] = Field(
        default_factory=list,
        description="Procedures aimed at a structure outside the spine (a sympathetic or plexus block, a lumbar "
        "puncture): in a note that names one, a level in a sentence with one of placement_words guides the needle "
        "and is a landmark (clarifications C4, C6).",
    )
    placement_words: list[str] = Field(
        default_factory=list, description="Words of a needle's placement: needle, skin wheal, interspace, dye ..."
    )
    procedure_access: bool = Field(
        default=False,
        description="A level after one of landmark_procedures in its sentence, in a sentence naming no part, "
        "condition or operation of the spine, is that procedure's access route ('lumbar puncture at L3-4', 'under "
        "spinal anesthesia (single shot at L3-4)'), even with no placement word.",
    )


class SkinSites(Strict):
    """Spinal sentence words that a skin finding makes body-surface sites (DurationTable.skin_sites)."""

    sites: list[str] = Field(description="Sentence words that are also skin sites: back, neck.")
    findings: list[str] = Field(description="Words of a skin finding: rash, lesion, hives, bruise.")
    pain_words: list[str] = Field(description="Words of a symptom that keep the spinal sense: pain, ache, stiffness.")


class DurationTable(Strict):
    """Acuity from a stated duration (patterns/facts/durations.yaml)."""

    schema_version: Literal[1]
    source: str | None = None
    acute_below_weeks: float
    chronic_above_weeks: float
    units: dict[str, float] = Field(description="Unit word -> weeks.")
    numbers: dict[str, float] = Field(description="Number words -> value.")
    lead_words: list[str] = Field(description="Words before a duration: for, x, past, ...")
    status_fillers: list[str] = Field(
        default_factory=list,
        description="Words besides lead_words that may stand between a status word and the duration it dates "
        "('on medical leave for the last 2 months').",
    )
    ago_words: list[str] = Field(
        default_factory=list,
        description="Words after a count and its unit that date an event back from now ('3 days ago', '3 weeks post "
        "injury'); an 'ago' in a past history section dates that history's event.",
    )
    trail_words: list[str] = Field(description="Words after: history, duration, ...")
    comparative_words: dict[str, int] = Field(
        default_factory=dict,
        description="Words between a lead and its number -> +1 above the number ('more than'), "
        "-1 below ('less than'), 0 ('at least').",
    )
    not_after: list[str] = Field(
        default_factory=list,
        description="A duration right after one of these words is a time ahead ('in 2 weeks').",
    )
    frequency_leads: list[str] = Field(
        default_factory=list,
        description="Lead words that, right after a count, tell how often, not how long ('three times a day').",
    )
    status_words: list[str] = Field(
        default_factory=list,
        description="A duration right after one of these dates a work or life status, not the complaint: "
        "'retired 7 years ago', 'on medical leave for the last 2 months'.",
    )
    not_before: list[str] = Field(
        default_factory=list,
        description="A duration whose unit is followed by one of these is an age ('year-old').",
    )
    field_labels: list[str] = Field(
        default_factory=list, description="Template labels before ':' and a duration ('Duration: 4 months')."
    )
    field_heads: list[str] = Field(
        default_factory=list, description="Complaint words before ',' and a duration ('Low back pain, 7 weeks')."
    )
    sentence_words: list[str] = Field(
        description="A duration counts only in a sentence holding one of these words (pain, symptoms)..."
    )
    needs_sentence_with: list[FactKind] = Field(
        default_factory=list, description="... or a fact of one of these kinds."
    )
    other_senses: dict[str, list[str]] = Field(
        default_factory=dict,
        description="A sentence word -> words that, right before it, give it another sense than the spine's: "
        "'dates back' (an adverb), 'femoral neck' (a bone's neck).",
    )
    skin_sites: "SkinSites | None" = Field(
        default=None,
        description="Sentence words that name a skin site, not the spine, in a sentence about a skin finding with no "
        "pain word: 'a rash on her face, back and arms over the last three days'.",
    )
    label_words: list[str] = Field(
        default_factory=list,
        description="Sentence words that count only as a template field's label, before ':', '-' or a leader of "
        "dots ('Onset: 3 weeks ago'), not in running text ('sudden onset of chest pain').",
    )
    aside_words: list[str] = Field(
        default_factory=list,
        description="Words that, with 'of' after them and after the duration, open a past-history aside to the end "
        "of its list item ('dysphagia for years with a history of a bone spur in the spine'): its sentence words "
        "do not name the complaint the duration dates.",
    )
    aside_end_words: list[str] = Field(
        default_factory=list,
        description="The verbs that end a past-history aside opened by 'with (a) history of' before the duration "
        "('a lady with history of chronic low back pain, osteoporosis and heart failure was diagnosed with "
        "pneumonia for 10 days'): the subject's history, then the predicate the duration belongs to.",
    )
    max_items_apart: int | None = Field(
        default=None,
        description="The word or fact must stand at most this many list separators (',' ';') from the duration.",
    )
    months: dict[str, int] = Field(
        default_factory=dict, description="Month names and abbreviations -> month number, to read a full date."
    )
    visit_date_words: list[str] = Field(
        default_factory=list,
        description="Words shortly before a full date that make it the visit's date ('DATE OF EXAMINATION:', 'seen "
        "on', 'operating room on'): from a dated injury to it runs the complaint's course (C10).",
    )
    other_visit_words: list[str] = Field(
        default_factory=list,
        description="Words shortly before a full date that make it another visit's, past or planned ('last seen', "
        "'tentative date for the surgery').",
    )
    visit_window: int = Field(default=12, ge=1, description="How many tokens before a date are read for those words.")
    onset_leads: list[str] = Field(
        default_factory=list,
        description="Words right before a full date that make it the onset of the complaint its sentence names ('New "
        "left L5 radiculopathy, onset 01/30/2026'): its interval to the visit's date gives an acuity.",
    )
    not_scene_words: list[str] = Field(
        default_factory=list,
        description="Besides the visit words: words of a sentence whose full date is a visit's or a diagnosis's, "
        "not the scene of the traumatic event the next sentence tells ('presented to my office', 'diagnosed').",
    )
    recent_injury_units: list[str] = Field(
        default_factory=list,
        description="Units of an injury date 'N <unit> ago' that make it recent whatever N ('about 3 hours ago').",
    )
    of_heads: list[str] = Field(
        default_factory=list,
        description="Words of a spinal complaint that a duration followed by 'of' dates when one of them comes at "
        "most two words after it ('3 weeks of tailbone pain'); not a course of care ('6 weeks of physical therapy').",
    )
    recent_injury_words: list[str] = Field(
        default_factory=list,
        description="Relative dates of an injury that are days old at most ('yesterday', 'last night'): the "
        "complaint since the injury is acute, as from an injury dated 'N days ago' under acute_below_weeks (C10).",
    )
    harmless_injury_words: list[str] = Field(
        default_factory=list,
        description="Words that, within three words after 'without' in a recent injury's sentence, say it did no "
        "harm ('a mild fall last week without new symptoms', 'without injury'): it then dates no complaint.",
    )
    result_verbs: list[str] = Field(
        default_factory=list,
        description="A time 'ago' right before one of these dates a study's or a procedure's result, not the "
        "complaint: 'bone scan 5 weeks ago showed', 'biopsy of the sacral lesion 3 weeks ago confirmed'.",
    )
    same_day_injury_words: list[str] = Field(
        default_factory=list,
        description="Relative dates of the visit's own day ('today', 'this morning'): an injury dated so is recent, "
        "unless a `same_day_visit_words` word stands before the date in its sentence ('presents today after a fall').",
    )
    same_day_visit_words: list[str] = Field(
        default_factory=list,
        description="Words that make a same-day date the visit's: 'presents', 'seen', 'brought', 'as of'.",
    )
    same_day_window: int = Field(
        default=6, ge=1, description="How many tokens before a same-day date are read for a visit word."
    )
    event_sections: list[str] = Field(
        default_factory=list,
        description="Sections of past history whose 'N years ago' dates a past event of that history, not the "
        "complaint's course ('lumbar stenosis many years ago', 'fem-popliteal bypass about eight years ago').",
    )
    point_words: list[str] = Field(
        default_factory=list,
        description="A duration right before one of these and not opened by 'for' is a time from another event: "
        "'1 month after her stroke', 'two weeks later'.",
    )
    referring_words: list[str] = Field(
        default_factory=list,
        description="Words that, after a `referring_determiners` word, name the complaint of the sentence before "
        "('these symptoms', 'this pain'): the duration then counts where that sentence would count.",
    )
    referring_determiners: list[str] = Field(default_factory=list)
    visit_words: list[str] = Field(
        default_factory=list,
        description="A duration before 'prior to' or 'before' and one of these is a time back from the visit, like "
        "'ago': '2 weeks prior to presentation', 'three days before admission'.",
    )


class InjuryDateTable(Strict):
    """Injury date: date phrases kept when their sentence holds an injury or trauma fact."""

    schema_version: Literal[1]
    source: str | None = None
    patterns: list[list[dict[str, Any]]]
    relative_units: list[str]
    needs_sentence_with: list[FactKind]
    not_from_rules: list[str] = Field(
        default_factory=list,
        description="Rule ids whose facts name an injury but tell no event, so do not date their sentence: "
        "'Radiographs (today): healed L2 burst fracture' dates the study.",
    )


class ExclusionTable(Strict):
    """Exclusion facts derive from negated facts of these kinds ('no fracture')."""

    schema_version: Literal[1]
    source: str | None = None
    derive_from: list[FactKind]
    prefix: str = "no"


class SectionRule(Strict):
    literal: str
    pattern: list[dict[str, Any]] | str | None = None


class SectionCategory(Strict):
    id: str
    headers: list[str]
    assertion: Literal["hypothetical", "family", "possible"] | None = Field(
        default=None, description="Assertion given to facts in this section without a cue of their own."
    )
    historical: bool = False
    drop: bool = Field(
        default=False, description="Facts here are not clinical statements (billing code titles) and are dropped."
    )
    assertion_kinds: list[FactKind] | None = Field(
        default=None, description="Kinds the section assertion applies to (all when null)."
    )
    max_scope: int | None = Field(
        default=None,
        description="The section ends this many tokens after its header at most (a short list such as "
        "allergies must not swallow a following header the sectionizer does not know).",
    )
    paragraph_scope: int | None = Field(
        default=None,
        description="With max_scope: a paragraph's end (a blank line) within this many tokens of the header "
        "ends the section instead (a long allergy list in a paragraph of its own).",
    )
    guarded_headers: list[str] = Field(
        default_factory=list,
        description="Headers that are no header right after a word of not_after ('MRI lumbar spine:' is a "
        "study's title, not the exam's 'Spine:').",
    )
    not_after: list[str] = Field(default_factory=list, description="Words that cancel a guarded header.")
    qualified_headers: list[str] = Field(
        default_factory=list,
        description="Headers that may carry a qualifier between their words and the colon ('SHORT-TERM GOALS TO "
        "BE COMPLETED IN THREE WEEKS:'), made of qualifier_words and numbers.",
    )
    qualifier_words: list[str] = Field(default_factory=list, description="Words a qualified header's qualifier is made of.")


class SectionFile(Strict):
    schema_version: Literal[1]
    source: str | None = None
    line_headers: bool = Field(
        default=False,
        description="A header alone on its line in capitals, without its colon ('PLAN' then the plan on the next "
        "line), opens its section too.",
    )
    sections: list[SectionCategory]


AssertionValue = Literal["present", "negated", "possible", "hypothetical", "family"]


class FactCondition(Strict):
    """Which facts a requirement or finding looks for."""

    kind: FactKind
    values: list[str] | None = Field(default=None, description="Any value when null.")
    assertion: list[AssertionValue] = Field(default_factory=lambda: ["present"])  # type: ignore[arg-type]  # pydantic types the factory loosely
    historical: bool | None = Field(default=None, description="Either when null.")


class RequirementRule(Strict):
    id: Literal[
        "region",
        "named_condition",
        "imaging",
        "exclusion_rationale",
        "functional_impact",
        "treatment_history",
        "underlying_disease",
        "causal_link",
        "trauma_event",
        "injury_date",
        "phase_of_care",
        "neuro_status",
    ]
    severity: Literal["required", "recommended"]
    check: Literal["region", "facts"] = Field(
        description="region: the code's region axis; facts: met by any fact of `met_by`."
    )
    met_by: list[FactCondition] = Field(default_factory=list)
    conflict_if: list[FactCondition] = Field(default_factory=list)
    met: str = Field(description="Message when met; {values} lists the evidence values.")
    missing: str
    conflict: str | None = None
    source: str | None = None


class FindingRule(Strict):
    id: str
    kind: Literal[
        "more_specific_code",
        "excludes1",
        "sequencing",
        "competing_diagnosis",
        "secondary_code",
    ]
    when: list[FactCondition] = Field(
        default_factory=list, description="Any of these facts triggers it; empty = always."
    )
    codes: list[str] = Field(
        default_factory=list,
        description="Suggested codes; '{axis}' is replaced by the proposed code's region character; a "
        "category written 'M51.-' suggests the category.",
    )
    injury_codes: bool = Field(
        default=False, description="(excludes1) suggest the injury categories of injury_codes.yaml."
    )
    blocking: bool = False
    message: str = Field(description="{values}, {codes}, {code_first}, {excludes1} (tabular notes) may be used.")
    source: str | None = None


class FamilyFile(Strict):
    """patterns/requirements/<family>.yaml: one rule for every sibling of a category."""

    schema_version: Literal[1]
    family: str = Field(description="The non-billable parent, e.g. M53.8.")
    source: str
    region_axis: bool = Field(description="True when the last character is the region axis.")
    requirements: list[RequirementRule]
    findings: list[FindingRule] = Field(default_factory=list)


class AxisFile(Strict):
    """patterns/requirements/region_axis.yaml: the region character of M40-M54 codes."""

    schema_version: Literal[1]
    source: str
    axis: dict[str, RegionValue | Literal["unspecified", "multiple"]]


class InjuryCodeRule(Strict):
    values: list[str] = Field(description="current_injury values this row serves (any when empty).")
    region: RegionValue
    category: str
    note: str | None = None


class InjuryCodeFile(Strict):
    schema_version: Literal[1]
    source: str
    rows: list[InjuryCodeRule]


class QueryTemplate(Strict):
    requirement: str
    question: str
    options: list[str] = Field(description="Choices; 'Other' and 'Clinically undetermined' are added.")
    indicator_kinds: list[FactKind] = Field(default_factory=list)


class QueryFile(Strict):
    schema_version: Literal[1]
    source: str
    preamble: str
    closing: list[str]
    templates: list[QueryTemplate]
