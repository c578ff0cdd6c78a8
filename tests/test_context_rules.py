"""ConText rules: the shipped file loads, a broken one fails with NC101, cues work on spine text."""

import json
from pathlib import Path

import medspacy  # noqa: F401  (registers the medspacy_context factory)
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from notecheck.errors import PatternError
from notecheck.pipeline import context_rules
from notecheck.pipeline.context_rules import (
    ASSERTION_BY_CATEGORY,
    ONGOING_CATEGORY,
    RESULT_CATEGORY,
    ContextRulesFile,
    assertion_from_categories,
    fact_modifiers,
    json_schema,
    load_context_rules,
    read_context_rules,
)

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "patterns" / "context.yaml"
SCHEMA = ROOT / "patterns" / "context.schema.json"
GROUP = "facts"


def _context_nlp(rules) -> Language:
    """Blank English, a sentencizer and ConText set up as the contract says, with these rules."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    config = {
        "rules": None,
        "input_span_type": "group",
        "span_group_name": GROUP,
        "span_attrs": None,
    }
    nlp.add_pipe("medspacy_context", config=config).add(rules)
    return nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return _context_nlp(load_context_rules(RULES))


@pytest.fixture(scope="module")
def scoped() -> Language:
    """The shipped context component (notecheck_context_v3, patterns/ rules) after a sentencizer."""
    import notecheck.pipeline.scoped_context  # noqa: F401  (registers notecheck_context_v3)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("notecheck_context_v3", name="medspacy_context")
    return nlp


def _target(nlp: Language, text: str, targets: dict[str, str]) -> dict[str, Span]:
    """Split sentences, put each phrase in the facts group labelled with its kind, run ConText."""
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    spans = []
    for phrase, kind in targets.items():
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=kind, alignment_mode="expand")
        assert span is not None, phrase
        spans.append(span)
    doc.spans[GROUP] = spans
    doc = nlp.get_pipe("medspacy_context")(doc)
    return dict(zip(targets, doc.spans[GROUP], strict=True))


def _assert(nlp: Language, text: str, phrase: str, kind: str) -> tuple[str, bool]:
    spans = _target(nlp, text, {phrase: kind})
    return assertion_from_categories(m.category for m in fact_modifiers(spans[phrase]))


# --- the shipped file ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [RULES], ids=lambda p: p.name)
def test_when_a_shipped_rules_file_is_loaded_then_every_rule_becomes_a_context_rule(path):
    spec = read_context_rules(path)
    rules = load_context_rules(path)
    assert list(dict.fromkeys(rule.metadata["id"] for rule in rules)) == [r.id for r in spec.rules]
    known = set(ASSERTION_BY_CATEGORY) | {"HISTORICAL", "TERMINATE", "PSEUDO", ONGOING_CATEGORY, RESULT_CATEGORY}
    assert {rule.category for rule in rules} <= known


SENTENCES = [
    "Patient denies numbness, tingling or weakness; history of L4-5 fusion, now with stenosis.",
    "MRI ordered to rule out stenosis. If pain persists we will consider PT or injection.",
    "C-spine nontender. Lumbar spine: normal. Sensation intact. Straight leg raise negative.",
    "Fracture is not seen. X-rays were not obtained. Possible pars defect versus stenosis.",
    "Mother has Paget disease; brought in by his wife. A 45-year-old with a two-day history.",
    "No change in the disc bulge, but new L3-4 herniation without contrast enhancement.",
]


def _modifiers(rules, text):
    nlp = _context_nlp(rules)
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    doc.spans[GROUP] = []
    doc = nlp.get_pipe("medspacy_context")(doc)
    return sorted(
        (m.rule.metadata["id"], m.category, m.modifier_span, m.scope_span)
        for m in doc._.context_graph.modifiers
    )


def test_when_patterns_are_expanded_to_phrases_then_matches_and_scopes_are_unchanged(monkeypatch):
    expanded = load_context_rules(RULES)
    monkeypatch.setattr(context_rules, "_phrases", lambda pattern, tokenizer: None)
    as_patterns = load_context_rules(RULES)
    assert len(expanded) > len(as_patterns)
    for text in SENTENCES:
        assert _modifiers(expanded, text) == _modifiers(as_patterns, text), text


def test_when_the_schema_changes_then_the_shipped_json_schema_is_regenerated():
    fix = (
        "python -c 'from notecheck.pipeline.context_rules import json_schema; "
        "print(json_schema(), end=\"\")' > patterns/context.schema.json"
    )
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json.loads(json_schema()), fix
    assert ContextRulesFile.model_config["extra"] == "forbid"


# --- broken files -------------------------------------------------------------------------------

GOOD_RULE = """\
schema_version: 1
rules:
  - id: context.negated.denies
    literal: denies
    category: NEGATED_EXISTENCE
    direction: FORWARD
"""


RULE_ID = "context.negated.denies"
FWD = "direction: FORWARD"


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        pytest.param(
            "category: NEGATED_EXISTENCE", "category: NEG", [RULE_ID, "`category`", "use one of"],
            id="unknown-category",
        ),
        pytest.param(
            FWD, "direction: FORWARDS", [RULE_ID, "`direction`", "use one of"],
            id="unknown-direction",
        ),
        pytest.param(FWD, f"{FWD}\n    scope: 3", [RULE_ID, "`scope`", "remove"], id="typo-field"),
        pytest.param(
            "    literal: denies\n", "", [RULE_ID, "`literal`", "add `literal`"], id="no-literal"
        ),
        pytest.param(
            "literal: denies", "literal: no", [RULE_ID, "`literal`", "quote the value"],
            id="bare-no-is-a-boolean",
        ),
        pytest.param(
            f"id: {RULE_ID}", "id: context.possible.denies", ["must start with `context.negated.`"],
            id="id-prefix-mismatch",
        ),
        pytest.param(
            f"id: {RULE_ID}", "id: Negated-Denies", ["Negated-Denies", "context.<category>.<name>"],
            id="id-not-dotted",
        ),
        pytest.param(
            FWD, "direction: TERMINATE", [RULE_ID, "go together"], id="terminate-needs-its-category"
        ),
        pytest.param(
            FWD, f"{FWD}\n    allowed_types: [region]\n    excluded_types: [imaging]",
            [RULE_ID, "not both"],
            id="allowed-and-excluded",
        ),
        pytest.param(
            FWD, f"{FWD}\n    allowed_types: [spine]", [RULE_ID, "allowed_types", "use one of"],
            id="unknown-fact-kind",
        ),
        pytest.param(FWD, f"{FWD}\n    max_scope: 0", [RULE_ID, "max_scope"], id="zero-scope"),
        pytest.param(
            FWD, f'{FWD}\n    pattern: [{{"LOWR": "denies"}}]',
            [RULE_ID, "not a valid spaCy token pattern"],
            id="bad-token-pattern",
        ),
        pytest.param(
            "schema_version: 1", "schema_version: 2", ["schema_version", "use one of"],
            id="unknown-schema-version",
        ),
        pytest.param("rules:", "rules: [", ["not valid YAML", "line"], id="yaml-syntax"),
        pytest.param(GOOD_RULE, "- a list\n", ["not a ConText rules file"], id="not-a-mapping"),
    ],
)
def test_when_a_rules_file_is_broken_then_loading_names_file_rule_and_fix(
    tmp_path, old, new, fragments
):
    path = tmp_path / "context.yaml"
    assert old in GOOD_RULE
    path.write_text(GOOD_RULE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        load_context_rules(path)
    message = str(caught.value)
    assert "[NC101]" in message
    assert str(path) in message
    assert "Fix" in message
    for fragment in fragments:
        assert fragment in message


def test_when_two_rules_share_an_id_then_loading_names_the_id(tmp_path):
    path = tmp_path / "context.yaml"
    path.write_text(GOOD_RULE + GOOD_RULE.split("rules:\n", 1)[1], encoding="utf-8")
    with pytest.raises(PatternError, match=r"repeated: context\.negated\.denies"):
        load_context_rules(path)


def test_when_the_file_is_missing_then_loading_says_so(tmp_path):
    with pytest.raises(PatternError, match="cannot read the ConText rules"):
        load_context_rules(tmp_path / "absent.yaml")


# --- the contract's mapping ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        pytest.param([], ("present", False), id="no-cue"),
        pytest.param(["NEGATED_EXISTENCE"], ("negated", False), id="negated"),
        pytest.param(["NORMAL_EXAM"], ("negated", False), id="normal-exam-is-negated"),
        pytest.param(["POSSIBLE_EXISTENCE"], ("possible", False), id="possible"),
        pytest.param(
            ["HYPOTHETICAL", "NEGATED_EXISTENCE"], ("hypothetical", False), id="hypothetical-wins"
        ),
        pytest.param(
            ["NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE"], ("negated", False), id="negated-wins"
        ),
        pytest.param(["FAMILY", "HYPOTHETICAL"], ("family", False), id="family-beats-all"),
        pytest.param(["HISTORICAL", "NEGATED_EXISTENCE"], ("negated", True), id="historical-flag"),
        pytest.param(["TERMINATE", "PSEUDO"], ("present", False), id="terminators-say-nothing"),
    ],
)
def test_assertion_from_categories(categories, expected):
    assert assertion_from_categories(categories) == expected


# --- each category on spine wording -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "assertion"),
    [
        # negated
        pytest.param(
            "Patient denies numbness in the legs.", "numbness", "neuro_deficit", "negated",
            id="denies",
        ),
        pytest.param(
            "X-rays show no fracture of the sacrum.", "fracture", "current_injury", "negated",
            id="no",
        ),
        pytest.param(
            "No fever, chills, or saddle numbness.", "saddle numbness", "neuro_deficit", "negated",
            id="no-over-a-list",
        ),
        pytest.param(
            "Extremities: No clubbing, cyanosis, or weakness.",
            "weakness",
            "neuro_deficit",
            "negated",
            id="heading-then-no-list",
        ),
        pytest.param(
            "Fracture is not seen on CT.", "Fracture", "current_injury", "negated",
            id="post-posed-not-seen",
        ),
        pytest.param(
            "Her radicular pain has resolved.", "radicular pain", "neuro_deficit", "negated",
            id="post-posed-resolved",
        ),
        pytest.param(
            "ROS is -ve for bladder dysfunction.",
            "bladder dysfunction",
            "neuro_deficit",
            "negated",
            id="negative-for-abbreviated",
        ),
        pytest.param(
            "GU: Negative for any bladder dysfunction.",
            "bladder dysfunction",
            "neuro_deficit",
            "negated",
            id="heading-negative-for-any",
        ),
        pytest.param(
            "Neck: Negative for bladder dysfunction.",
            "bladder dysfunction",
            "neuro_deficit",
            "negated",
            id="heading-negative-for",
        ),
        pytest.param(
            "Spurling: negative. Bladder dysfunction noted.",
            "Bladder dysfunction",
            "neuro_deficit",
            "present",
            id="heading-negative-reads-back-only",
        ),
        pytest.param(
            "Triple-negative ductal carcinoma metastatic to the spine.",
            "metastatic to",
            "causal_link",
            "present",
            id="receptor-status-is-no-negation",
        ),
        pytest.param(
            "No focal deficits.", "focal deficits", "neuro_deficit", "negated",
            id="no-focal-deficits",
        ),
        pytest.param(
            "No pain, numbness, or weakness.", "numbness", "neuro_deficit", "negated",
            id="no-pain-keeps-the-list",
        ),
        pytest.param(
            "Radiographs have not been obtained.", "Radiographs", "imaging", "negated",
            id="not-been-obtained",
        ),
        pytest.param(
            "[ ] epidural injection", "epidural injection", "treatment", "negated", id="unchecked"
        ),
        # normal exam
        pytest.param(
            "C-spine: no midline tenderness.", "C-spine", "region", "negated",
            id="no-midline-tenderness",
        ),
        pytest.param(
            "No tenderness over the lumbar spine.", "lumbar spine", "region", "negated",
            id="no-tenderness-over",
        ),
        pytest.param(
            "Reflexes and sensation normal.", "sensation", "neuro_deficit", "negated",
            id="finding-normal",
        ),
        pytest.param("C-spine nontender.", "C-spine", "region", "negated", id="nontender"),
        pytest.param(
            "Lumbar spine: normal.", "Lumbar spine", "region", "negated", id="heading-normal"
        ),
        pytest.param(
            "Sensation intact in both legs.", "Sensation", "neuro_deficit", "negated", id="intact"
        ),
        pytest.param(
            "Straight leg raise negative bilaterally, weakness absent.",
            "Straight leg raise",
            "neuro_deficit",
            "negated",
            id="exam-negative",
        ),
        pytest.param(
            "MRI of the lumbar spine: unremarkable.", "MRI", "imaging", "present",
            id="normal-imaging-is-still-a-result",
        ),
        pytest.param(
            "Normal lumbar lordosis.", "lumbar", "region", "present",
            id="normal-does-not-negate-a-region",
        ),
        # possible
        pytest.param(
            "Possible pars defect at L5.", "pars defect", "diagnosis", "possible", id="possible"
        ),
        pytest.param(
            "Cannot rule out spondylolysis.", "spondylolysis", "diagnosis", "possible",
            id="cannot-rule-out",
        ),
        pytest.param(
            "Findings concerning for discitis.", "discitis", "underlying_disease", "possible",
            id="concerning-for",
        ),
        pytest.param(
            "She was thought initially to have a lumbar radiculopathy.", "radiculopathy", "neuro_deficit", "possible",
            id="thought-initially",
        ),
        pytest.param(
            "The sacral lesion was originally felt to be a metastasis.", "metastasis", "underlying_disease",
            "possible", id="originally-felt",
        ),
        # hypothetical
        pytest.param(
            "MRI ordered to rule out stenosis.", "stenosis", "diagnosis", "hypothetical",
            id="to-rule-out",
        ),
        pytest.param(
            "MRI ordered to rule out stenosis.", "MRI", "imaging", "hypothetical", id="ordered"
        ),
        pytest.param(
            "If pain persists we will consider PT.", "PT", "treatment", "hypothetical", id="if"
        ),
        pytest.param(
            "Will consider epidural injection.", "epidural injection", "treatment", "hypothetical",
            id="will-consider",
        ),
        pytest.param(
            "Return if weakness develops.", "weakness", "neuro_deficit", "hypothetical",
            id="return-if",
        ),
        pytest.param(
            "Discussed the risk of fall at home.", "fall", "trauma", "hypothetical", id="risk-of"
        ),
        pytest.param(
            "Call for any new numbness or weakness.", "weakness", "neuro_deficit", "hypothetical",
            id="return-precautions",
        ),
        pytest.param(
            "Will continue physical therapy.", "physical therapy", "treatment", "present",
            id="continue-is-current",
        ),
        # family
        pytest.param(
            "Mother has Paget disease.", "Paget disease", "underlying_disease", "family",
            id="mother",
        ),
        pytest.param(
            "His daughter, who has scoliosis, is well.", "scoliosis", "diagnosis", "family",
            id="relative-who",
        ),
        pytest.param(
            "Brought in by his wife for low back pain.", "low back pain", "diagnosis", "present",
            id="relative-as-companion",
        ),
        pytest.param(
            "Her family doctor started physical therapy for the low back pain.", "physical therapy", "treatment",
            "present", id="family-doctor-is-a-clinician",
        ),
        pytest.param(
            "She was seen at family practice and given a lumbar brace.", "lumbar brace", "treatment", "present",
            id="family-practice-is-a-clinic",
        ),
        pytest.param(
            "No history of spine surgery.", "spine surgery", "treatment", "negated",
            id="no-history-of",
        ),
        pytest.param(
            "An x-ray of the thoracic spine was negative for fracture.", "fracture", "current_injury", "negated",
            id="was-negative-for-reads-forward",
        ),
        pytest.param(
            "The lumbar MRI is negative for disc herniation.", "disc herniation", "diagnosis", "negated",
            id="is-negative-for-reads-forward",
        ),
        pytest.param(
            "Straight leg raise was negative for radicular pain.", "Straight leg raise", "diagnosis", "negated",
            id="was-negative-for-reads-backward",
        ),
        # pseudo and terminate
        pytest.param(
            "No change in the compression deformity.",
            "compression deformity",
            "diagnosis",
            "present",
            id="no-change",
        ),
        pytest.param(
            "The pain did not improve with physical therapy.", "physical therapy", "treatment", "present",
            id="did-not-improve",
        ),
        pytest.param(
            "MRI with and without contrast shows L4-5 herniation.",
            "herniation",
            "diagnosis",
            "present",
            id="without-contrast",
        ),
        pytest.param(
            "No fracture, but there is a disc bulge at L4-5.", "disc bulge", "diagnosis", "present",
            id="but",
        ),
        pytest.param(
            "No dilatation and positive for spondylolisthesis.",
            "spondylolisthesis",
            "diagnosis",
            "present",
            id="positive-for",
        ),
        pytest.param(
            "Denies numbness. Reports weakness in the left leg.",
            "weakness",
            "neuro_deficit",
            "present",
            id="sentence-end",
        ),
        pytest.param(
            "He was without any injury as a child and had a gunshot wound to the leg in 2010.",
            "gunshot wound",
            "trauma",
            "present",
            id="and-had-starts-a-new-predicate",
        ),
        pytest.param(
            "She denies leg pain and reports numbness in the left foot.",
            "numbness",
            "neuro_deficit",
            "present",
            id="and-reports-starts-a-new-predicate",
        ),
        pytest.param(
            "A chest x-ray has been obtained and is still pending.",
            "x-ray",
            "imaging",
            "hypothetical",
            id="and-is-keeps-a-pending-order",
        ),
        pytest.param(
            "IMAGING: Radiographs not indicated (no red flags).",
            "Radiographs",
            "imaging",
            "negated",
            id="study-not-indicated",
        ),
        pytest.param(
            "A lumbar brace is not needed at this time.",
            "brace",
            "treatment",
            "negated",
            id="treatment-not-needed",
        ),
    ],
)
def test_when_a_cue_surrounds_a_fact_then_its_assertion_follows(nlp, text, phrase, kind, assertion):
    assert _assert(nlp, text, phrase, kind)[0] == assertion


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "historical"),
    [
        pytest.param("History of L4-5 fusion.", "fusion", "treatment", True, id="history-of"),
        pytest.param(
            "Status post L5-S1 discectomy.", "discectomy", "treatment", True, id="status-post"
        ),
        pytest.param(
            "Previous physical therapy without relief.", "physical therapy", "treatment", True,
            id="previous",
        ),
        pytest.param("He fell from a ladder 10 years ago.", "fell", "trauma", True, id="years-ago"),
        pytest.param(
            "No history of spine surgery.", "spine surgery", "treatment", True, id="no-history-of"
        ),
        pytest.param(
            "Two-week history of low back pain.", "low back pain", "diagnosis", False,
            id="duration-is-not-history",
        ),
        pytest.param(
            "A 45-year-old woman with sciatica.", "sciatica", "neuro_deficit", False,
            id="age-is-not-old",
        ),
        pytest.param(
            "History of lumbar fusion, now with L3-4 stenosis.", "stenosis", "diagnosis", False,
            id="now",
        ),
        # prior existence: the condition was there before this encounter (issue 3)
        pytest.param(
            "Unchanged mild wedging of T12.", "mild wedging", "diagnosis", True, id="unchanged"
        ),
        pytest.param(
            "Her known spondylolisthesis is stable.", "spondylolisthesis", "diagnosis", True,
            id="known",
        ),
        pytest.param(
            "Redemonstrated disc protrusion at L4-5.", "disc protrusion", "diagnosis", True,
            id="redemonstrated",
        ),
        pytest.param(
            "He is not known to have osteoporosis.", "osteoporosis", "diagnosis", False,
            id="not-known-to-have-is-negation",
        ),
        pytest.param(
            "Chronic low back pain since the spring.", "low back pain", "diagnosis", False,
            id="chronic-is-acuity-not-a-cue",
        ),
        pytest.param(
            "She has recurrent sciatica.", "sciatica", "diagnosis", True, id="recurrent"
        ),
        pytest.param(
            "He is seen frequently for neck pain and headaches.", "headaches", "diagnosis", True,
            id="frequently",
        ),
        pytest.param(
            "Risk factors include obesity and smoking.", "obesity", "diagnosis", True,
            id="risk-factors",
        ),
        pytest.param(
            "Risk of falls is high.", "falls", "trauma", False, id="risk-of-is-not-history"
        ),
        pytest.param(
            "Given her scoliosis history and the new pain, an MRI was ordered.", "scoliosis",
            "diagnosis", True, id="condition-then-history",
        ),
        pytest.param(
            "A history and physical exam found weakness.", "weakness", "neuro_deficit", False,
            id="history-and-physical-is-pseudo",
        ),
        pytest.param(
            "He had an MRI in the past, which was read as showing a small herniation.",
            "small herniation", "diagnosis", True, id="in-the-past-finding",
        ),
    ],
)
def test_when_a_history_cue_surrounds_a_fact_then_it_is_historical(
    nlp, text, phrase, kind, historical
):
    assert _assert(nlp, text, phrase, kind)[1] is historical


def test_when_a_cue_sits_inside_a_fact_then_it_does_not_modify_that_fact(nlp):
    text = "Disc bulge without stenosis at L4-5."
    spans = _target(nlp, text, {"Disc bulge without stenosis": "diagnosis", "L4-5": "region"})
    whole = spans["Disc bulge without stenosis"]
    assert [m.category for m in whole._.modifiers] == ["NEGATED_EXISTENCE"]  # medSpaCy links it
    assert fact_modifiers(whole) == []
    categories = [m.category for m in fact_modifiers(spans["L4-5"])]
    assert assertion_from_categories(categories) == ("negated", False)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        pytest.param(
            "She is status post L4-5 fusion and walks daily.", "status post L4-5 fusion",
            ("present", True), id="status-post-opens-the-fact",
        ),
        pytest.param(
            "Labs show a chronically elevated creatinine.", "chronically elevated creatinine",
            ("present", True), id="chronically-opens-the-fact",
        ),
        pytest.param(
            "Films show a prior compression fracture at T12.", "prior compression fracture",
            ("present", True), id="prior-opens-the-fact",
        ),
        pytest.param(
            "Seizure history. Takes levetiracetam.", "Seizure history", ("present", True),
            id="history-closes-the-fact",
        ),
        pytest.param(
            "The screw is unchanged in position without loosening.",
            "screw is unchanged in position", ("present", False), id="cue-in-the-middle-stays-out",
        ),
        pytest.param(
            "No acute fracture of the sacrum.", "No acute fracture", ("present", False),
            id="own-negation-stays-out",
        ),
        pytest.param(
            "Disc height is normal.", "Disc height is normal", ("present", False),
            id="own-normal-stays-out",
        ),
    ],
)
def test_when_a_history_cue_opens_or_closes_a_fact_then_the_shipped_context_dates_the_fact(
    scoped, text, phrase, expected
):
    assert _assert(scoped, text, phrase, "diagnosis") == expected


def test_when_a_history_cue_opens_a_fact_then_plain_medspacy_context_leaves_it_undated(nlp, scoped):
    # medSpaCy links no modifier to a target it overlaps; the shipped component adds this edge.
    text, phrase = "She is status post L4-5 fusion and walks daily.", "status post L4-5 fusion"
    assert _assert(nlp, text, phrase, "diagnosis") == ("present", False)
    spans = _target(scoped, text, {phrase: "diagnosis"})
    rule_ids = [m.rule.metadata["id"] for m in fact_modifiers(spans[phrase])]
    assert rule_ids == ["context.historical.status_post"]


def test_when_a_terminator_follows_a_bounded_cue_then_it_still_ends_the_scope(nlp):
    # "nontender" looks back 6 tokens at most; "present" between ends it before "Bowel sounds".
    text = "Abdomen: bowel sounds are present, nontender."
    assert _assert(nlp, text, "bowel sounds", "diagnosis") == ("present", False)


def test_every_rule_keeps_its_id_for_evidence(nlp):
    spans = _target(nlp, "Patient denies numbness.", {"numbness": "neuro_deficit"})
    rule_ids = [m.rule.metadata["id"] for m in fact_modifiers(spans["numbness"])]
    assert rule_ids == ["context.negated.deny"]


def test_no_cue_phrase_belongs_to_two_categories():
    """medSpaCy names a rule by its category and position; where two rules match the same words, it keeps the one
    whose name sorts first, so inserting an unrelated rule could flip which category the words get."""
    categories: dict[str, set[str]] = {}
    for rule in read_context_rules(RULES).rules:
        phrases = [rule.literal.lower()] if rule.pattern is None else context_rules._phrases(list(rule.pattern), context_rules._english_tokenizer())
        for phrase in phrases or []:  # None: a pattern too rich to list as phrases
            categories.setdefault(phrase, set()).add(rule.category)
    assert {p: c for p, c in categories.items() if len(c) > 1} == {}
