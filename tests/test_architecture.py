"""The data flow runs one way: only the pipeline and facts.py import spaCy."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "notecheck"
PURE = ["report.py", "icd.py", "errors.py", "checker", "ruleset"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
            if node.module.startswith("notecheck."):
                names.add(node.module)
    return names


@pytest.mark.parametrize("part", PURE)
def test_pure_parts_do_not_import_spacy(part):
    root = PACKAGE / part
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    for path in files:
        imported = _imports(path)
        assert not imported & {"spacy", "medspacy"}, f"{path.name} imports spaCy"
        assert not any(name.startswith("notecheck.pipeline") for name in imported), f"{path.name} imports the pipeline"


def _code_strings(tree: ast.AST) -> list[str]:
    """String constants and names in code, leaving docstrings out."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None:
            docstrings.add(id(node.body[0].value))  # type: ignore[attr-defined]
    for node in ast.walk(tree):
        # Literal[...] vocabularies are the contract's names (CONTRACT.md), not rules.
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal":
            docstrings |= {id(n) for n in ast.walk(node.slice)}
        # Field descriptions and help texts are documentation.
        if isinstance(node, ast.keyword) and node.arg in {"description", "help"}:
            docstrings |= {id(n) for n in ast.walk(node.value)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.append(node.value.lower())
        elif isinstance(node, ast.Name):
            found.append(node.id.lower())
    return found


@pytest.mark.parametrize("word", ["lumbar", "sacral", "cervical", "thoracic", "coccyx", "fracture", "radiculopathy"])
def test_no_python_file_spells_clinical_words(word):
    """Clinical words live in patterns/, not in code."""
    for path in PACKAGE.rglob("*.py"):
        strings = _code_strings(ast.parse(path.read_text(encoding="utf-8")))
        assert not [s for s in strings if word in s], f"{path.name} spells {word!r} in code"
