"""ConText assertion rules: the schema of ``patterns/context.yaml``, its loader, and its meaning.

The clinical wording lives in ``patterns/context.yaml``. This module validates that file with a
strict, frozen pydantic schema, turns each rule into a medspaCy ``ConTextRule`` (keeping the rule id
in ``rule.metadata["id"]`` so a verdict can name the rule that made it), and holds the one mapping
from ConText categories to the contract's ``assertion`` / ``historical`` pair.
"""

import functools
import itertools
import json
from collections import Counter
from collections.abc import Iterable
from copy import deepcopy
from pathlib import Path
from typing import Any, Literal

import spacy
import yaml
from medspacy.context import ConTextModifier, ConTextRule
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Span
from spacy.vocab import Vocab

from notecheck.errors import PatternError
from notecheck.pipeline.token_patterns import check_patterns
from notecheck.report import Assertion
from notecheck.ruleset.loader import SafeLoader
from notecheck.ruleset.models import FactKind

Category = Literal[
    "NEGATED_EXISTENCE",
    "POSSIBLE_EXISTENCE",
    "HYPOTHETICAL",
    "HISTORICAL",
    "FAMILY",
    "NORMAL_EXAM",
    "TERMINATE",
    "PSEUDO",
    "ONGOING",
    "RESULT",
]
Direction = Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]

# The middle part of a rule id, per category: ``context.<prefix>.<name>``.
ID_PREFIX: dict[str, str] = {
    "NEGATED_EXISTENCE": "negated",
    "POSSIBLE_EXISTENCE": "possible",
    "HYPOTHETICAL": "hypothetical",
    "HISTORICAL": "historical",
    "FAMILY": "family",
    "NORMAL_EXAM": "normal_exam",
    "TERMINATE": "terminate",
    "PSEUDO": "pseudo",
    "ONGOING": "ongoing",
    "RESULT": "result",
}
# CONTRACT.md "Assertion": which assertion each category gives, and which wins when several apply.
ASSERTION_BY_CATEGORY: dict[str, Assertion] = {
    "FAMILY": "family",
    "HYPOTHETICAL": "hypothetical",
    "NEGATED_EXISTENCE": "negated",
    "NORMAL_EXAM": "negated",
    "POSSIBLE_EXISTENCE": "possible",
}
ASSERTION_PRECEDENCE: tuple[Assertion, ...] = ("family", "hypothetical", "negated", "possible")
HISTORICAL_CATEGORY = "HISTORICAL"
# A cue that something is under way now ("continue PT"): it keeps a section's default assertion away.
ONGOING_CATEGORY = "ONGOING"
# A study told with its result ("ordered a CT, which showed ..."): it was done, whatever order, plan or purpose cue
# its sentence also holds, and whatever section it stands in.
RESULT_CATEGORY = "RESULT"
# A normal or negative finding ("C-spine nontender", "IMPRESSION: Negative cervical spine.").
NORMAL_EXAM_CATEGORY = "NORMAL_EXAM"
# A denied finding ("no fracture", "IMPRESSION: No acute disease in the lumbar spine.").
NEGATED_CATEGORY = "NEGATED_EXISTENCE"
# Categories whose cue at the edge of a fact modifies that fact (``dates_from_edge``).
EDGE_CATEGORIES = frozenset({HISTORICAL_CATEGORY})
_MAX_PHRASES = 500  # a pattern that expands to more phrases stays a token pattern
# medSpaCy 1.3.1 lets a terminator cut another rule's scope only when their scopes overlap by its
# `tuple_overlaps`, which misses a scope lying wholly inside the other. A terminator's own scope is
# the whole sentence, so it never cut a rule bounded by `max_scope`; a one-token window around the
# terminator puts its scope edges inside any scope that holds it. It modifies nothing either way.
_TERMINATOR_WINDOW = 1


class ContextRuleSpec(BaseModel):
    """One ConText rule as written in ``patterns/context.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(
        pattern=r"^context\.[a-z_]+\.[a-z0-9_]+$",
        description="Stable, unique id `context.<category>.<name>`, e.g. `context.negated.denies`.",
    )
    literal: str = Field(
        min_length=1,
        description="The readable phrase; matched case-insensitively, token by token, when "
        "`pattern` is null.",
    )
    category: Category = Field(
        description="The ConText category the rule gives the facts in its scope."
    )
    direction: Direction = Field(
        description="Where the scope lies: after (FORWARD), before (BACKWARD) or around "
        "(BIDIRECTIONAL) the phrase; TERMINATE ends other rules' scopes; PSEUDO only blocks "
        "shorter overlapping rules."
    )
    pattern: tuple[dict[str, Any], ...] | None = Field(
        default=None,
        min_length=1,
        description="A spaCy Matcher token pattern, used instead of `literal` when a phrase is "
        "not enough.",
    )
    max_scope: int | None = Field(
        default=None,
        gt=0,
        description="At most this many tokens of scope; null means to the sentence edge.",
    )
    allowed_types: tuple[FactKind, ...] | None = Field(
        default=None, min_length=1, description="Only facts of these kinds are modified."
    )
    excluded_types: tuple[FactKind, ...] | None = Field(
        default=None, min_length=1, description="Facts of these kinds are never modified."
    )
    terminated_by: tuple[Category, ...] = Field(
        default=(),
        description="Categories, besides TERMINATE rules, whose phrases end this rule's scope.",
    )
    note: str | None = Field(
        default=None, description="Why the rule exists, where that is not obvious."
    )

    @model_validator(mode="after")
    def _check_consistency(self) -> "ContextRuleSpec":
        prefix = f"context.{ID_PREFIX[self.category]}."
        if not self.id.startswith(prefix):
            raise ValueError(
                f"a {self.category} rule's id must start with `{prefix}`. "
                f"Fix: rename it `{prefix}<name>` or correct the category."
            )
        for special in ("TERMINATE", "PSEUDO"):
            if (self.category == special) != (self.direction == special):
                raise ValueError(
                    f"category {special} and direction {special} go together. "
                    "Fix: set both or neither."
                )
        if self.allowed_types is not None and self.excluded_types is not None:
            raise ValueError(
                "allowed_types and excluded_types are both set. Fix: keep one, not both."
            )
        return self


class ContextRulesFile(BaseModel):
    """The whole ``patterns/context.yaml`` file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = Field(description="Version of this file format.")
    rules: tuple[ContextRuleSpec, ...] = Field(min_length=1, description="The ConText rules.")

    @model_validator(mode="after")
    def _check_unique_ids(self) -> "ContextRulesFile":
        counts = Counter(rule.id for rule in self.rules)
        repeated = sorted(rule_id for rule_id, n in counts.items() if n > 1)
        if repeated:
            raise ValueError(
                f"rule ids must be unique; repeated: {', '.join(repeated)}. "
                "Fix: rename one of each pair."
            )
        return self


def json_schema() -> str:
    """The JSON Schema of the rules file, shipped as ``patterns/context.schema.json``."""
    return json.dumps(ContextRulesFile.model_json_schema(), indent=2, sort_keys=True) + "\n"


def assertion_from_categories(categories: Iterable[str]) -> tuple[Assertion, bool]:
    """The contract's ``(assertion, historical)`` for the categories of a fact's modifiers."""
    found = set(categories)
    assertions = {ASSERTION_BY_CATEGORY[c] for c in found if c in ASSERTION_BY_CATEGORY}
    if RESULT_CATEGORY in found:
        assertions.discard("hypothetical")  # a study with its result was done
    assertion: Assertion = next((a for a in ASSERTION_PRECEDENCE if a in assertions), "present")
    return assertion, HISTORICAL_CATEGORY in found


def fact_modifiers(span: Span) -> list[ConTextModifier]:
    """The ConText modifiers that apply to a fact, leaving out any matched inside the fact itself
    except a history cue that opens or closes it (``dates_from_edge``).

    medSpaCy means a modifier never to modify a target it overlaps, but its overlap test (1.3.1)
    misses a modifier strictly inside the target, so "disc bulge without stenosis" as one fact would
    negate itself.
    """
    return [
        m
        for m in span._.modifiers
        if not span.start <= m.modifier_span[0] < span.end or dates_from_edge(m, span)
    ]


def dates_from_edge(modifier: ConTextModifier, span: Span) -> bool:
    """Whether a history cue that opens or closes a fact, its scope over the rest of it, dates it.

    "status post L4-5 fusion", "chronically elevated creatinine", "seizure history." taken as one
    fact are dated by their own first or last words, as the same words would date them from outside.
    medSpaCy lets no cue modify a target it overlaps, which stays right for the other categories: a
    fact that holds its own "no" or "is normal" names a finding ("disc height is normal"), and
    the NegEx/ConText annotations score such findings affirmed. A cue in the middle of a fact
    ("the screw is unchanged in position") speaks of a part of it only and stays out.
    """
    if modifier.category not in EDGE_CATEGORIES or not modifier.allows(span.label_.upper()):
        return False
    start, end = modifier.modifier_span
    scope_start, scope_end = modifier.scope_span
    direction = modifier.direction.upper()
    opens = start == span.start and end < span.end and scope_start <= end < scope_end
    closes = span.start < start < span.end <= end and scope_start <= start - 1 < scope_end
    return (opens and direction in ("FORWARD", "BIDIRECTIONAL")) or (
        closes and direction in ("BACKWARD", "BIDIRECTIONAL")
    )


def read_context_rules(path: str | Path) -> ContextRulesFile:
    """Read and validate a rules file; a ``PatternError`` names the file, the rule and the fix."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except OSError as exc:
        detail = (
            f"cannot read the ConText rules ({exc.strerror}). "
            "Fix: pass the path of patterns/context.yaml."
        )
        raise PatternError(path=path, detail=detail) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        detail = f"{where}not valid YAML ({problem}). Fix: correct the YAML there."
        raise PatternError(path=path, detail=detail) from None
    if not isinstance(data, dict):
        detail = "not a ConText rules file. Fix: start it with `schema_version: 1` and `rules:`."
        raise PatternError(path=path, detail=detail)
    try:
        return ContextRulesFile.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        # When every rule fails, pydantic also reports the emptied list as too short: noise.
        if any(len(e["loc"]) > 1 for e in errors):
            errors = [e for e in errors if (e["loc"], e["type"]) != (("rules",), "too_short")]
        detail = " | ".join(_describe_error(data, error) for error in errors)
        raise PatternError(path=path, detail=detail) from None


def load_context_rules(path: str | Path, tokenizer: Tokenizer | None = None) -> list[ConTextRule]:
    """Load ``patterns/context.yaml`` as medspaCy ConTextRules, ready for ``ConText.add``.

    A token pattern made only of fixed words, word sets and optional words is expanded into the
    phrases it matches (one ConTextRule each, same id): spaCy's PhraseMatcher finds them several
    times faster than the token Matcher tests set-membership predicates on every token. A phrase is
    kept only when `tokenizer` (the pipeline's; spaCy's English one when None) cuts it as the pattern does.
    """
    checker = Matcher(Vocab(), validate=False)  # check_patterns validates
    tokenizer = tokenizer if tokenizer is not None else _english_tokenizer()
    rules: list[ConTextRule] = []
    for spec in read_context_rules(path).rules:
        rules.extend(_to_context_rules(spec, path, checker, tokenizer))
    return rules


def _to_context_rules(
    spec: ContextRuleSpec, path: str | Path, checker: Matcher, tokenizer: Tokenizer
) -> list[ConTextRule]:
    pattern = deepcopy(list(spec.pattern)) if spec.pattern is not None else None
    if pattern is not None:
        try:
            check_patterns(spec.id, [pattern])
            checker.add(spec.id, [pattern])
        except ValueError as exc:  # spaCy's MatchPatternError is a ValueError
            detail = (
                f"rule {spec.id!r}: field `pattern` is not a valid spaCy token pattern "
                f"({' '.join(str(exc).split())}). Fix: write a list of token dicts, "
                "e.g. [{LOWER: 'no'}, {LOWER: 'history'}]."
            )
            raise PatternError(path=path, detail=detail) from None
    phrases = _phrases(pattern, tokenizer) if pattern is not None else None
    matchers: list[tuple[str, list[dict[str, Any]] | None]]
    if phrases is not None:
        matchers = [(phrase, None) for phrase in phrases]
    else:
        matchers = [(spec.literal, pattern)]
    terminator = spec.direction == "TERMINATE"
    return [
        ConTextRule(
            literal=literal,
            category=spec.category,
            pattern=token_pattern,
            direction=spec.direction,
            allowed_types=set(spec.allowed_types) if spec.allowed_types else None,
            excluded_types=set(spec.excluded_types) if spec.excluded_types else None,
            max_scope=_TERMINATOR_WINDOW if terminator else spec.max_scope,
            terminated_by=set(spec.terminated_by),
            metadata={"id": spec.id, "literal": spec.literal},
        )
        for literal, token_pattern in matchers
    ]


def _phrases(pattern: list[dict[str, Any]], tokenizer: Tokenizer) -> list[str] | None:
    """Every phrase a simple token pattern matches, or None when it is not that simple."""
    choices = [_token_words(token) for token in pattern]
    if any(words is None for words in choices):
        return None
    phrases: set[str] = set()
    for combination in itertools.product(*choices):  # type: ignore[arg-type]
        words = [word for word in combination if word]
        if not words or len(phrases) >= _MAX_PHRASES:
            return None
        phrase = " ".join(words)
        if [token.lower_ for token in tokenizer(phrase)] != words:
            return None  # the tokenizer would cut the phrase otherwise than the pattern does
        phrases.add(phrase)
    return sorted(phrases)


def _token_words(token: dict[str, Any]) -> list[str] | None:
    """The words one pattern token accepts ("" for optional), or None for any other predicate."""
    operator = token.get("OP")
    tests = {key: value for key, value in token.items() if key != "OP"}
    if operator not in (None, "?") or len(tests) != 1:
        return None
    ((attribute, value),) = tests.items()
    if isinstance(value, dict):
        if set(value) != {"IN"}:
            return None
        value = value["IN"]
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v for v in values):
        return None
    # Phrases match lower-cased: exact for LOWER, and for ORTH only where case cannot matter.
    if attribute == "LOWER" and all(v == v.lower() for v in values):
        words = list(values)
    elif attribute == "ORTH" and all(v.lower() == v.upper() for v in values):
        words = list(values)
    else:
        return None
    return words + [""] if operator == "?" else words


@functools.cache
def _english_tokenizer() -> Tokenizer:
    return spacy.blank("en").tokenizer


def _describe_error(data: dict[str, Any], error: ErrorDetails) -> str:
    """One line per schema error: which rule, which field, what is wrong and how to fix it."""
    loc = error["loc"]
    where = "file"
    field_loc = loc
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        raw = data.get("rules")
        raw_rule = raw[loc[1]] if isinstance(raw, list) and loc[1] < len(raw) else None
        rule_id = raw_rule.get("id") if isinstance(raw_rule, dict) else None
        where = f"rule {rule_id!r}" if rule_id else f"rule #{loc[1] + 1} (no id)"
        field_loc = loc[2:]
    field = ".".join(str(part) for part in field_loc)
    subject = f"{where}: field `{field}`" if field else where
    if error["type"] == "value_error":  # our validators' messages carry their own fix
        return f"{subject}: {error['ctx']['error']}"
    if error["type"] == "literal_error":
        return f"{subject}: {error['input']!r} is not allowed. Fix: {_fix_for(error, field)}"
    return f"{subject}: {error['msg']}. Fix: {_fix_for(error, field)}"


def _fix_for(error: ErrorDetails, field: str) -> str:
    """How to fix one schema error, in the file's own terms."""
    kind = error["type"]
    if kind == "missing":
        return f"add `{field}`."
    if kind == "extra_forbidden":
        known = ", ".join(ContextRuleSpec.model_fields)
        return f"remove `{field}` or correct its spelling; known fields: {known}."
    if kind == "literal_error":
        return f"use one of {error.get('ctx', {}).get('expected', 'the listed values')}."
    if kind == "string_type":
        return "quote the value; YAML reads bare no/yes/on/off/null as booleans or null."
    if kind == "string_pattern_mismatch":
        return "write the id as context.<category>.<name> in lower case: context.negated.denies."
    return "see the field's description in patterns/context.schema.json."
