"""Load and validate every file of patterns/ once; a bad file fails naming file, rule and fix."""

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from notecheck.errors import PatternError
from notecheck.paths import models_dir, patterns_dir
from notecheck.ruleset.models import (
    CLOSED_VALUES,
    AxisFile,
    DurationTable,
    ExclusionTable,
    FactFile,
    FamilyFile,
    InjuryCodeFile,
    InjuryDateTable,
    LevelGrammar,
    QueryFile,
    SectionFile,
)

M = TypeVar("M", bound=BaseModel)

# libyaml's parser with PyYAML's safe constructors where PyYAML was built with it: the same data, parsed
# about ten times faster (the rule files are most of `notecheck.load()`'s YAML).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning syntax errors into PatternError."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except OSError as exc:
        raise PatternError(path=str(path), detail=f"cannot read the file ({exc.__class__.__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise PatternError(path=str(path), detail=f"{problem}{where} (fix the YAML syntax)") from None


def _describe(raw: Any, loc: tuple[Any, ...]) -> str:
    """Name the rule a validation error sits in ('rules[3] (id treatment.pt)')."""
    node, parts = raw, []
    for key in loc:
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "id" in node:
            parts.append(f" (id {node['id']})")
    return "".join(parts).lstrip(".")


def validate(path: Path, model: type[M]) -> M:
    """Read `path` and validate it against `model`."""
    raw = read_yaml(path)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe(raw, tuple(first["loc"]))
        fix = "remove it" if first["type"] == "extra_forbidden" else first["msg"]
        raise PatternError(path=str(path), detail=f"{where}: {first['msg']} ({fix})") from None


def _check_fact_file(path: Path, facts: FactFile) -> None:
    seen: set[str] = set()
    allowed = CLOSED_VALUES.get(facts.kind)
    for rule in facts.rules:
        if rule.id in seen:
            raise PatternError(path=str(path), detail=f"rule id {rule.id} is used twice (make ids unique)")
        seen.add(rule.id)
        if allowed is not None and rule.value not in allowed:
            raise PatternError(
                path=str(path),
                detail=f"rule {rule.id}: value {rule.value!r} is not one of {', '.join(allowed)}",
            )
        if rule.adjectives and not facts.heads:
            raise PatternError(path=str(path), detail=f"rule {rule.id} has adjectives but the file has no heads")
    ids = {rule.id for rule in facts.rules}
    for rule in facts.rules:
        unknown = [other for other in rule.overrides if other not in ids]
        if unknown:
            raise PatternError(
                path=str(path), detail=f"rule {rule.id} overrides {', '.join(unknown)}, no rule of this file (name one)"
            )


@dataclass(frozen=True)
class Ruleset:
    """Everything in patterns/, validated."""

    root: Path
    facts: dict[str, FactFile]
    levels: LevelGrammar
    durations: DurationTable
    injury_date: InjuryDateTable
    exclusion: ExclusionTable
    sections: SectionFile
    families: dict[str, FamilyFile]
    axis: AxisFile
    injury_codes: InjuryCodeFile
    queries: QueryFile
    version: str = field(default="")


def _version(root: Path) -> str:
    """A hash of what decides a report: the rules, the package code and pipeline config, the model manifests.

    Audits key finished notes by it, so a change to any of them redoes the notes on the next run.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    sources = [(root, p) for p in sorted(root.rglob("*.yaml"))]
    sources += [(package, p) for p in sorted(package.rglob("*.py")) + sorted(package.rglob("*.cfg"))]
    sources += [(models_dir(), p) for p in sorted(models_dir().rglob("manifest.json"))]
    for base, path in sources:
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def load_ruleset(root: Path | None = None) -> Ruleset:
    """Load patterns/ (cached per folder)."""
    return _load(Path(root) if root else patterns_dir())


@lru_cache(maxsize=4)
def _load(root: Path) -> Ruleset:
    if not root.is_dir():
        raise PatternError(path=str(root), detail="no patterns folder here (set NOTECHECK_PATTERNS)")
    facts: dict[str, FactFile] = {}
    for path in sorted((root / "facts").glob("*.yaml")):
        if path.stem in {"levels", "durations", "injury_date", "exclusion"}:
            continue
        facts_file = validate(path, FactFile)
        if facts_file.kind != path.stem:
            raise PatternError(path=str(path), detail=f"kind {facts_file.kind} differs from the file name")
        _check_fact_file(path, facts_file)
        facts[facts_file.kind] = facts_file
    families = {}
    for path in sorted((root / "requirements").glob("M*.yaml")):
        family = validate(path, FamilyFile)
        families[family.family] = family
    return Ruleset(
        root=root,
        facts=facts,
        levels=validate(root / "facts" / "levels.yaml", LevelGrammar),
        durations=validate(root / "facts" / "durations.yaml", DurationTable),
        injury_date=validate(root / "facts" / "injury_date.yaml", InjuryDateTable),
        exclusion=validate(root / "facts" / "exclusion.yaml", ExclusionTable),
        sections=validate(root / "sections.yaml", SectionFile),
        families=families,
        axis=validate(root / "requirements" / "region_axis.yaml", AxisFile),
        injury_codes=validate(root / "requirements" / "injury_codes.yaml", InjuryCodeFile),
        queries=validate(root / "queries.yaml", QueryFile),
        version=_version(root),
    )
